//! Between a programme file, which names courses by short name, and the programme the
//! rules read, which names them by id.

use super::{CourseEntry, CourseRef, ProgrammeFile, ProgrammeFlaw, QuizEntry, QuizRef};
use crate::domain::{
    certification::{
        CourseChoice, CourseRequirement, Localized, Programme, QuizChoice, QuizRequirement,
        ReflectionRule,
    },
    ids::CourseId,
};
use std::collections::{HashMap, HashSet};

/// A programme file with its courses found: what the store writes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Resolved {
    /// The requirements, by course id.
    pub programme: Programme,
    /// The courses that renew a certificate.
    pub refreshers: Vec<CourseId>,
}

/// The programme `file` describes, given the ids of the courses it names (`courses`, by
/// short name) and the lessons holding a quiz (`quizzes`, by course id and lesson short
/// name). Each course or quiz not found is a flaw.
pub fn resolve(
    file: &ProgrammeFile,
    courses: &HashMap<String, CourseId>,
    quizzes: &HashSet<(CourseId, String)>,
) -> Result<Resolved, Vec<ProgrammeFlaw>> {
    let mut flaws = Vec::new();
    let mut course = |slug: &str| match courses.get(slug) {
        Some(id) => Some(*id),
        None => {
            let flaw = ProgrammeFlaw::UnknownCourse(slug.to_owned());
            if !flaws.contains(&flaw) {
                flaws.push(flaw);
            }
            None
        }
    };
    let requirements: Vec<CourseRequirement> = file
        .courses
        .iter()
        .map(|entry| CourseRequirement {
            any_of: entry
                .any_of
                .iter()
                .filter_map(|r| {
                    course(&r.course).map(|course| CourseChoice {
                        course,
                        min_version: r.min_version,
                    })
                })
                .collect(),
        })
        .collect();
    let mut quiz_requirements = Vec::new();
    for entry in &file.quizzes {
        let mut any_of = Vec::new();
        for r in &entry.any_of {
            let Some(id) = course(&r.course) else {
                continue;
            };
            any_of.push(QuizChoice {
                course: id,
                lesson: r.lesson.clone(),
            });
        }
        quiz_requirements.push(QuizRequirement {
            any_of,
            min_percent: entry.min_percent,
        });
    }
    let refreshers: Vec<CourseId> = file.refreshers.iter().filter_map(|s| course(s)).collect();
    for entry in &file.quizzes {
        for r in &entry.any_of {
            let known = courses
                .get(&r.course)
                .is_some_and(|id| quizzes.contains(&(*id, r.lesson.clone())));
            if courses.contains_key(&r.course) && !known {
                flaws.push(ProgrammeFlaw::UnknownQuiz {
                    course: r.course.clone(),
                    lesson: r.lesson.clone(),
                });
            }
        }
    }
    if !flaws.is_empty() {
        return Err(flaws);
    }
    Ok(Resolved {
        programme: Programme {
            courses: requirements,
            quizzes: quiz_requirements,
            reflections: ReflectionRule::parse(&file.reflections).unwrap_or(ReflectionRule::Sent),
            workshops: file.workshops,
            sign_off: file.sign_off.is_some(),
            validity_months: file.validity_months,
        },
        refreshers,
    })
}

/// A stored programme as its file, with `slugs` naming each course id.
pub fn to_file(
    slug: &str,
    titles: &Localized,
    criteria: &Localized,
    sign_off: Option<&str>,
    programme: &Programme,
    refreshers: &[CourseId],
    slugs: &HashMap<CourseId, String>,
) -> ProgrammeFile {
    let name = |id: &CourseId| slugs.get(id).cloned().unwrap_or_else(|| id.to_string());
    ProgrammeFile {
        slug: slug.to_owned(),
        title: titles.clone(),
        criteria: criteria.clone(),
        reflections: programme.reflections.as_str().to_owned(),
        workshops: programme.workshops,
        sign_off: sign_off.map(str::to_owned),
        validity_months: programme.validity_months,
        courses: programme
            .courses
            .iter()
            .map(|r| CourseEntry {
                any_of: r
                    .any_of
                    .iter()
                    .map(|c| CourseRef {
                        course: name(&c.course),
                        min_version: c.min_version,
                    })
                    .collect(),
            })
            .collect(),
        quizzes: programme
            .quizzes
            .iter()
            .map(|q| QuizEntry {
                any_of: q
                    .any_of
                    .iter()
                    .map(|c| QuizRef {
                        course: name(&c.course),
                        lesson: c.lesson.clone(),
                    })
                    .collect(),
                min_percent: q.min_percent,
            })
            .collect(),
        refreshers: refreshers.iter().map(name).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file() -> ProgrammeFile {
        ProgrammeFile {
            slug: "p".into(),
            title: Localized {
                da: "a".into(),
                nb: "b".into(),
                en: "c".into(),
            },
            criteria: Localized {
                da: "a".into(),
                nb: "b".into(),
                en: "c".into(),
            },
            reflections: "accepted".into(),
            workshops: 2,
            sign_off: None,
            validity_months: Some(12),
            courses: vec![CourseEntry {
                any_of: vec![
                    CourseRef {
                        course: "kursus".into(),
                        min_version: Some(2),
                    },
                    CourseRef {
                        course: "course".into(),
                        min_version: None,
                    },
                ],
            }],
            quizzes: vec![QuizEntry {
                any_of: vec![QuizRef {
                    course: "kursus".into(),
                    lesson: "quiz".into(),
                }],
                min_percent: 75,
            }],
            refreshers: vec!["opfrisk".into()],
        }
    }

    fn known() -> (HashMap<String, CourseId>, HashSet<(CourseId, String)>) {
        let courses: HashMap<String, CourseId> = [("kursus", 1), ("course", 2), ("opfrisk", 3)]
            .into_iter()
            .map(|(s, id)| (s.to_owned(), CourseId::new(id)))
            .collect();
        let quizzes = HashSet::from([(CourseId::new(1), "quiz".to_owned())]);
        (courses, quizzes)
    }

    #[test]
    fn a_file_resolves_and_comes_back_the_same() {
        let (courses, quizzes) = known();
        let resolved = resolve(&file(), &courses, &quizzes).unwrap();
        assert_eq!(resolved.programme.reflections, ReflectionRule::Accepted);
        assert_eq!(resolved.programme.courses[0].any_of.len(), 2);
        assert_eq!(resolved.refreshers, vec![CourseId::new(3)]);
        let slugs: HashMap<CourseId, String> =
            courses.iter().map(|(s, id)| (*id, s.clone())).collect();
        let f = file();
        let back = to_file(
            "p",
            &f.title,
            &f.criteria,
            None,
            &resolved.programme,
            &resolved.refreshers,
            &slugs,
        );
        assert_eq!(back, f);
    }

    #[test]
    fn unknown_courses_and_quizzes_are_named_once_each() {
        let (mut courses, quizzes) = known();
        courses.remove("course");
        let mut f = file();
        f.quizzes[0].any_of.push(QuizRef {
            course: "course".into(),
            lesson: "x".into(),
        });
        f.quizzes[0].any_of.push(QuizRef {
            course: "kursus".into(),
            lesson: "no-quiz-here".into(),
        });
        let flaws = resolve(&f, &courses, &quizzes).unwrap_err();
        assert_eq!(
            flaws,
            vec![
                ProgrammeFlaw::UnknownCourse("course".into()),
                ProgrammeFlaw::UnknownQuiz {
                    course: "kursus".into(),
                    lesson: "no-quiz-here".into()
                },
            ]
        );
    }
}

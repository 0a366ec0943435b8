//! Writing a course bundle: a course document and its images, as files in canonical form.

use super::{Bundle, yaml::Yaml};
use std::collections::BTreeMap;

/// Writes a bundle as files, by path relative to the bundle's root, in canonical form.
pub fn write(bundle: &Bundle) -> BTreeMap<String, Vec<u8>> {
    let course = &bundle.course;
    let mut files = BTreeMap::new();
    let mut y = Yaml::default();
    y.string(0, "slug", &course.slug);
    y.string(0, "title", &course.title);
    y.string(0, "language", course.language.code());
    y.string(0, "summary", &course.summary);
    y.plain(0, "leads_to_certificate", course.leads_to_certificate);
    files.insert("course.md".into(), y.document(&course.body));
    for (m, module) in course.modules.iter().enumerate() {
        let dir = format!("{:02}-{}", m + 1, module.slug);
        let mut y = Yaml::default();
        y.string(0, "title", &module.title);
        y.string(0, "topic", &module.topic.as_string());
        y.plain(0, "requires_previous", module.requires_previous);
        y.string(0, "summary", &module.summary);
        files.insert(format!("{dir}/module.md"), y.document(&module.body));
        for (l, lesson) in module.lessons.iter().enumerate() {
            let mut y = Yaml::default();
            y.string(0, "title", &lesson.title);
            y.plain(0, "minutes", lesson.minutes);
            if let Some(quiz) = &lesson.quiz {
                y.key(0, "quiz");
                y.plain(2, "pass_mark", quiz.pass_mark);
                if let Some(attempts) = quiz.attempts {
                    y.plain(2, "attempts", attempts);
                }
                if let Some(minutes) = quiz.cooldown_minutes {
                    y.plain(2, "cooldown_minutes", minutes);
                }
                if quiz.questions.is_empty() {
                    y.line(2, "questions: []");
                } else {
                    y.key(2, "questions");
                }
                for q in &quiz.questions {
                    y.item(4);
                    y.string(6, "kind", q.kind.as_str());
                    if let Some(case) = &q.case {
                        y.string(6, "case", case);
                    }
                    y.string(6, "prompt", &q.prompt);
                    if !q.options.is_empty() {
                        y.key(6, "options");
                    }
                    for o in &q.options {
                        y.item(8);
                        y.string(10, "text", &o.text);
                        y.plain(10, "correct", o.correct);
                        y.string(10, "explanation", &o.explanation);
                        if o.pinned {
                            y.plain(10, "pinned", true);
                        }
                    }
                    if let Some(guidance) = &q.guidance {
                        y.string(6, "guidance", guidance);
                    }
                    if let Some(review) = q.review {
                        y.string(6, "review", review.as_str());
                    }
                }
            }
            files.insert(
                format!("{dir}/{:02}-{}.md", l + 1, lesson.slug),
                y.document(&lesson.body),
            );
        }
    }
    for (name, bytes) in &bundle.media {
        files.insert(format!("media/{name}"), bytes.clone());
    }
    files
}

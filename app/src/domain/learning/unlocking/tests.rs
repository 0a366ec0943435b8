use super::*;
use proptest::prelude::*;

fn ids(numbers: &[i32]) -> Vec<LessonId> {
    numbers.iter().copied().map(LessonId::new).collect()
}

fn done(numbers: &[i32]) -> HashSet<LessonId> {
    numbers.iter().copied().map(LessonId::new).collect()
}

fn l(number: i32) -> LessonId {
    LessonId::new(number)
}

fn course() -> [ModuleShape; 3] {
    [
        ModuleShape {
            lessons: ids(&[1, 2]),
            requires_previous: false,
        },
        ModuleShape {
            lessons: ids(&[3]),
            requires_previous: true,
        },
        ModuleShape {
            lessons: ids(&[4]),
            requires_previous: false,
        },
    ]
}

#[test]
fn modules_unlock_in_order_and_completion_is_immediate() {
    let modules = course();
    let none = progress(&modules, &HashSet::new());
    assert_eq!(
        none.modules.iter().map(|m| m.unlocked).collect::<Vec<_>>(),
        [true, false, true]
    );
    assert_eq!(
        (none.percent, none.next, none.complete),
        (0, Some(l(1)), false)
    );

    let first = progress(&modules, &done(&[1]));
    assert_eq!((first.percent, first.next), (25, Some(l(2))));
    let module_one = progress(&modules, &done(&[1, 2]));
    assert!(module_one.modules[1].unlocked);
    assert_eq!(module_one.next, Some(l(3)));
    // Out of order is fine where nothing is locked.
    let skipped = progress(&modules, &done(&[4]));
    assert_eq!(skipped.next, Some(l(1)));
    let all = progress(&modules, &done(&[1, 2, 3, 4]));
    assert_eq!((all.percent, all.next, all.complete), (100, None, true));
    // Lessons of another version do not count.
    let foreign = progress(&modules, &done(&[7, 8, 9]));
    assert_eq!(foreign.percent, 0);
    assert!(!progress(&[], &HashSet::new()).complete);
}

#[test]
fn opening_a_lesson_follows_its_module() {
    let modules = course();
    let cases: [(&[i32], i32, Result<(), Refusal>); 6] = [
        (&[], 1, Ok(())),
        (&[], 3, Err(Refusal::Locked)),
        (&[], 4, Ok(())),
        (&[1], 3, Err(Refusal::Locked)),
        (&[1, 2], 3, Ok(())),
        (&[], 99, Err(Refusal::NotInCourse)),
    ];
    for (finished, lesson, expected) in cases {
        let now = progress(&modules, &done(finished));
        assert_eq!(
            may_open(&modules, &now, l(lesson)),
            expected,
            "{finished:?} {lesson}"
        );
    }
}

#[test]
fn a_quiz_completes_its_lesson_and_a_locked_module_names_the_one_before() {
    assert_eq!(may_mark_done(true), Err(Refusal::QuizFirst));
    assert_eq!(may_mark_done(false), Ok(()));
    let modules = course();
    let none = progress(&modules, &HashSet::new());
    assert_eq!(
        (0..4).map(|i| waits_for(&none, i)).collect::<Vec<_>>(),
        [None, Some(0), None, None]
    );
    assert_eq!(continue_at(&modules, &none), Some(l(1)));
    let all = progress(&modules, &done(&[1, 2, 3, 4]));
    assert_eq!(continue_at(&modules, &all), Some(l(1)), "back to the start");
    assert_eq!(continue_at(&[], &progress(&[], &HashSet::new())), None);
}

fn shapes() -> impl Strategy<Value = Vec<ModuleShape>> {
    proptest::collection::vec((1usize..4, any::<bool>()), 0..5).prop_map(|sizes| {
        let mut id = 0;
        sizes
            .into_iter()
            .map(|(n, requires_previous)| ModuleShape {
                lessons: (0..n)
                    .map(|_| {
                        id += 1;
                        LessonId::new(id)
                    })
                    .collect(),
                requires_previous,
            })
            .collect()
    })
}

proptest! {
    #[test]
    fn completion_is_every_lesson_and_percent_grows(
        modules in shapes(),
        done in proptest::collection::hash_set((1i32..16).prop_map(LessonId::new), 0..16),
    ) {
        let all: HashSet<LessonId> = modules.iter().flat_map(|m| m.lessons.clone()).collect();
        let now = progress(&modules, &done);
        prop_assert_eq!(now.complete, !all.is_empty() && all.is_subset(&done));
        prop_assert!(now.percent <= 100);
        // One more lesson never lowers the percentage or locks a module.
        for lesson in &all {
            let mut more = done.clone();
            more.insert(*lesson);
            let later = progress(&modules, &more);
            prop_assert!(later.percent >= now.percent);
            for (before, after) in now.modules.iter().zip(&later.modules) {
                prop_assert!(!before.unlocked || after.unlocked);
            }
        }
        // The lesson to continue with is open and not yet done.
        if let Some(next) = now.next {
            prop_assert!(!done.contains(&next));
            prop_assert_eq!(may_open(&modules, &now, next), Ok(()));
        }
    }
}

//! Rules for changing a course's draft item by item: a new module or lesson gets a short name
//! its siblings do not use, a new course one no other course uses, the first module never
//! waits for one before it, and a quiz starts with a set pass mark.

use std::collections::HashSet;

/// The pass mark a quiz gets when its first question is added.
pub const DEFAULT_PASS_MARK: i32 = 80;

/// Position of the first module of a version (positions count from 0).
pub const FIRST_POSITION: i32 = 0;

/// Whether a module at `position` requires the one before it when the trainer `wanted` it:
/// the first module has none before it, so it never does.
pub fn requires_previous(wanted: bool, position: i32) -> bool {
    wanted && position != FIRST_POSITION
}

/// `base`, then `base-2`, `base-3`, ...: the short names tried in turn for a new item.
pub fn numbered(base: &str) -> impl Iterator<Item = String> {
    std::iter::once(base.to_owned()).chain((2..).map(move |n| format!("{base}-{n}")))
}

/// How many of the [`numbered`] names a new course tries before it takes one with a random
/// suffix instead (`base` up to `base-998`).
pub const SLUG_TRIES: usize = 998;

/// The first of `base`, `base-2`, `base-3`, ... that none of `taken` is.
pub fn unique_among<'a>(base: &str, taken: impl IntoIterator<Item = &'a str>) -> String {
    let taken: HashSet<&str> = taken.into_iter().collect();
    if !taken.contains(base) {
        return base.to_owned();
    }
    let mut n = 2;
    loop {
        let name = format!("{base}-{n}");
        if !taken.contains(name.as_str()) {
            return name;
        }
        n += 1;
    }
}

/// The organisation a new course belongs to: the centre its creator trains for, or none
/// (the platform) when they train for no centre in particular.
pub fn owner_centre(creator_grants: &[(crate::domain::role::Role, Option<i32>)]) -> Option<i32> {
    creator_grants
        .iter()
        .find(|(role, centre)| *role == crate::domain::role::Role::Trainer && centre.is_some())
        .and_then(|(_, centre)| *centre)
}

#[cfg(test)]
mod tests {
    use super::{
        DEFAULT_PASS_MARK, SLUG_TRIES, numbered, owner_centre, requires_previous, unique_among,
    };

    #[test]
    fn only_a_module_after_the_first_may_require_the_previous_one() {
        let cases = [
            // (wanted, position, requires)
            (true, 0, false),
            (false, 0, false),
            (true, 1, true),
            (false, 1, false),
            (true, 7, true),
        ];
        for (wanted, position, requires) in cases {
            assert_eq!(
                requires_previous(wanted, position),
                requires,
                "wanted {wanted} at {position}"
            );
        }
    }

    #[test]
    fn a_new_item_takes_the_first_short_name_its_siblings_do_not_use() {
        let cases: [(&[&str], &str); 6] = [
            (&[], "intro"),
            (&["other"], "intro"),
            (&["intro-2"], "intro"),
            (&["intro"], "intro-2"),
            (&["intro", "intro-2"], "intro-3"),
            (&["intro", "intro-3"], "intro-2"),
        ];
        for (taken, expected) in cases {
            assert_eq!(
                unique_among("intro", taken.iter().copied()),
                expected,
                "{taken:?}"
            );
        }
    }

    #[test]
    fn numbered_names_start_with_the_base_and_a_course_tries_up_to_998() {
        let names: Vec<String> = numbered("base").take(3).collect();
        assert_eq!(names, ["base", "base-2", "base-3"]);
        let tried: Vec<String> = numbered("base").take(SLUG_TRIES).collect();
        assert_eq!(tried.len(), 998);
        assert_eq!(tried.last().map(String::as_str), Some("base-998"));
    }

    #[test]
    fn a_new_quiz_asks_for_a_pass_mark_a_learner_can_reach() {
        let reachable = 1..=100;
        assert!(reachable.contains(&DEFAULT_PASS_MARK));
    }

    #[test]
    fn a_course_belongs_to_the_centre_its_creator_trains_for() {
        use crate::domain::role::Role::{self, Admin, Coordinator, Trainer, Volunteer};
        type Grants = &'static [(Role, Option<i32>)];
        let cases: [(Grants, Option<i32>); 4] = [
            (&[(Volunteer, None), (Trainer, Some(7))], Some(7)),
            (&[(Volunteer, None), (Trainer, None)], None),
            (&[(Coordinator, Some(3)), (Trainer, None)], None),
            (&[(Admin, None)], None),
        ];
        for (grants, owner) in cases {
            assert_eq!(owner_centre(grants), owner, "{grants:?}");
        }
    }
}

//! The order a quiz question's options are shown in: shuffled for each attempt, so the place
//! of an option says nothing about whether it is right, and stable within the attempt, so a
//! reload shows the same order. Marking goes by option, never by place.

/// What fixes one shuffle: the learner's enrolment, the lesson, the attempt and the question.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ShuffleSeed {
    /// The learner's enrolment.
    pub enrolment: i32,
    /// The lesson holding the quiz.
    pub lesson: i32,
    /// The attempt being made (1 for the first).
    pub attempt: i32,
    /// The question.
    pub question: i32,
}

impl ShuffleSeed {
    fn state(self) -> u64 {
        [self.enrolment, self.lesson, self.attempt, self.question]
            .into_iter()
            .fold(0x9E37_79B9_7F4A_7C15, |acc, part| {
                splitmix(acc ^ u64::from(part.cast_unsigned()))
            })
    }
}

/// One step of SplitMix64: a fast, well-mixed sequence (this is not for secrets).
fn splitmix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// Positions into the written options, in the order to show them. Options marked in `pinned`
/// (such as "none of these") stay at the end, in their written order; the others are shuffled.
pub fn option_order(pinned: &[bool], seed: ShuffleSeed) -> Vec<usize> {
    let mut free: Vec<usize> = (0..pinned.len()).filter(|&i| !pinned[i]).collect();
    let mut state = seed.state();
    // Fisher–Yates, drawing from the seeded sequence.
    for end in (1..free.len()).rev() {
        state = splitmix(state);
        let pick = (state % (end as u64 + 1)) as usize;
        free.swap(end, pick);
    }
    free.extend((0..pinned.len()).filter(|&i| pinned[i]));
    free
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn seed(attempt: i32, question: i32) -> ShuffleSeed {
        ShuffleSeed {
            enrolment: 7,
            lesson: 3,
            attempt,
            question,
        }
    }

    proptest! {
        #[test]
        fn every_option_is_shown_once_and_pinned_ones_last(
            pinned in proptest::collection::vec(any::<bool>(), 0..8),
            enrolment in any::<i32>(), lesson in any::<i32>(), attempt in 1..50i32, question in any::<i32>(),
        ) {
            let order = option_order(&pinned, ShuffleSeed { enrolment, lesson, attempt, question });
            let mut sorted = order.clone();
            sorted.sort_unstable();
            prop_assert_eq!(sorted, (0..pinned.len()).collect::<Vec<_>>());
            let free = pinned.iter().filter(|p| !**p).count();
            let tail: Vec<usize> = (0..pinned.len()).filter(|&i| pinned[i]).collect();
            prop_assert_eq!(&order[free..], &tail[..]);
        }

        #[test]
        fn the_same_attempt_shows_the_same_order(
            pinned in proptest::collection::vec(any::<bool>(), 0..8), attempt in 1..50i32,
        ) {
            prop_assert_eq!(option_order(&pinned, seed(attempt, 1)), option_order(&pinned, seed(attempt, 1)));
        }
    }

    #[test]
    fn the_order_changes_between_attempts() {
        let pinned = [false; 4];
        let first = option_order(&pinned, seed(1, 11));
        assert!(
            (2..6).any(|attempt| option_order(&pinned, seed(attempt, 11)) != first),
            "five attempts in a row should not all show {first:?}"
        );
    }

    #[test]
    fn the_first_written_option_lands_anywhere() {
        // Over many questions the written-first option (often the right one in old content)
        // is shown first about a quarter of the time, and in every place.
        let pinned = [false; 4];
        let mut places = [0u32; 4];
        for question in 0..4000 {
            let order = option_order(&pinned, seed(1, question));
            let place = order.iter().position(|&i| i == 0).unwrap();
            places[place] += 1;
        }
        for count in places {
            assert!((800..1200).contains(&count), "{places:?}");
        }
    }
}

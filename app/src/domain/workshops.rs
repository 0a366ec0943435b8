//! In-person workshops: who gets a seat and who waits, who moves up when a seat frees,
//! when signing up and marking attendance are open, and what a workshop must say.

use serde::{Deserialize, Serialize};

/// Where a sign-up lands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Placement {
    /// A seat at the workshop.
    Seat,
    /// The waiting list, behind those already on it.
    WaitingList,
}

impl Placement {
    /// Stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            Placement::Seat => "seat",
            Placement::WaitingList => "waiting",
        }
    }

    /// Parses the stored form.
    pub fn parse(text: &str) -> Option<Placement> {
        [Placement::Seat, Placement::WaitingList]
            .into_iter()
            .find(|p| p.as_str() == text)
    }
}

/// Where a new sign-up lands when `seated` of `capacity` seats are taken.
pub fn place(capacity: u32, seated: u32) -> Placement {
    if seated < capacity {
        Placement::Seat
    } else {
        Placement::WaitingList
    }
}

/// Those on the waiting list (in its order) who move up to a seat when `seated` of
/// `capacity` seats are taken.
pub fn moving_up<T>(capacity: u32, seated: u32, waiting: &[T]) -> &[T] {
    let free = capacity.saturating_sub(seated) as usize;
    &waiting[..free.min(waiting.len())]
}

/// The most seats a workshop may have.
pub const MAX_CAPACITY: u32 = 500;
/// The longest title.
pub const MAX_TITLE: usize = 200;
/// The longest place and description.
pub const MAX_TEXT: usize = 4000;

/// What a trainer fills in for a workshop.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WorkshopForm {
    /// Title.
    pub title: String,
    /// Address or place, as text.
    pub place: String,
    /// Seats.
    pub capacity: u32,
    /// Free text about the day.
    pub description: String,
}

/// What is wrong with a workshop as filled in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, thiserror::Error, Serialize, Deserialize)]
pub enum WorkshopProblem {
    /// No title, or a very long one.
    #[error("the title must be 1–200 characters")]
    Title,
    /// No place, or a very long one.
    #[error("the place must be given")]
    Place,
    /// Fewer than one seat, or more than the limit.
    #[error("the capacity must be between 1 and 500")]
    Capacity,
    /// The description is too long.
    #[error("the description is too long")]
    Description,
    /// It ends before it starts.
    #[error("the workshop must end after it starts")]
    Times,
    /// Fewer seats than people already seated.
    #[error("fewer seats than people already signed up")]
    BelowSeated,
}

impl WorkshopForm {
    /// Checks the form; `seated` is how many already hold a seat (0 for a new workshop).
    pub fn check(&self, ends_after_start: bool, seated: u32) -> Result<(), WorkshopProblem> {
        let title = self.title.trim();
        if title.is_empty() || title.chars().count() > MAX_TITLE {
            return Err(WorkshopProblem::Title);
        }
        if self.place.trim().is_empty() || self.place.chars().count() > MAX_TEXT {
            return Err(WorkshopProblem::Place);
        }
        if self.description.chars().count() > MAX_TEXT {
            return Err(WorkshopProblem::Description);
        }
        if !(1..=MAX_CAPACITY).contains(&self.capacity) {
            return Err(WorkshopProblem::Capacity);
        }
        if !ends_after_start {
            return Err(WorkshopProblem::Times);
        }
        if self.capacity < seated {
            return Err(WorkshopProblem::BelowSeated);
        }
        Ok(())
    }
}

#[cfg(feature = "ssr")]
mod timed {
    use chrono::{DateTime, Duration, Utc};

    /// Whether volunteers may still sign up or cancel: until the workshop starts.
    pub fn open_for_sign_up(starts_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        now < starts_at
    }

    /// Whether the trainer may mark attendance: from the day of the workshop on.
    pub fn attendance_open(starts_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        now >= starts_at - Duration::hours(12)
    }

    /// Whether the reminder is due: within the day before the start.
    pub fn reminder_due(starts_at: DateTime<Utc>, now: DateTime<Utc>) -> bool {
        now < starts_at && now >= starts_at - Duration::days(1)
    }
}

#[cfg(feature = "ssr")]
pub use timed::{attendance_open, open_for_sign_up, reminder_due};

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn form() -> WorkshopForm {
        WorkshopForm {
            title: "Workshop om at starte grupper".into(),
            place: "Frivilligcentret, Algade 1".into(),
            capacity: 12,
            description: String::new(),
        }
    }

    #[test]
    fn a_full_workshop_puts_newcomers_on_the_waiting_list() {
        assert_eq!(place(2, 1), Placement::Seat);
        assert_eq!(place(2, 2), Placement::WaitingList);
        assert_eq!(moving_up(3, 1, &["a", "b", "c"]), &["a", "b"]);
        assert_eq!(moving_up(3, 3, &["a"]), &[] as &[&str]);
        assert_eq!(moving_up(5, 1, &["a"]), &["a"]);
    }

    #[test]
    fn a_workshop_form_is_checked_field_by_field() {
        assert_eq!(form().check(true, 0), Ok(()));
        type Change = fn(&mut WorkshopForm);
        let cases: [(Change, WorkshopProblem); 4] = [
            (|f| f.title = "  ".into(), WorkshopProblem::Title),
            (|f| f.place = String::new(), WorkshopProblem::Place),
            (|f| f.capacity = 0, WorkshopProblem::Capacity),
            (
                |f| f.description = "x".repeat(MAX_TEXT + 1),
                WorkshopProblem::Description,
            ),
        ];
        for (change, problem) in cases {
            let mut f = form();
            change(&mut f);
            assert_eq!(f.check(true, 0), Err(problem));
        }
        assert_eq!(form().check(false, 0), Err(WorkshopProblem::Times));
        assert_eq!(form().check(true, 13), Err(WorkshopProblem::BelowSeated));
    }

    #[derive(Clone, Debug)]
    enum Event {
        SignUp,
        Cancel(usize),
    }

    proptest! {
        /// Through any sequence of sign-ups and cancellations, never more seated than seats,
        /// and nobody waits while a seat is free.
        #[test]
        fn seats_are_never_overbooked_and_never_left_empty_while_someone_waits(
            capacity in 1u32..6,
            events in proptest::collection::vec(
                prop_oneof![Just(Event::SignUp), (0usize..20).prop_map(Event::Cancel)],
                0..60,
            ),
        ) {
            let mut seated: Vec<usize> = Vec::new();
            let mut waiting: Vec<usize> = Vec::new();
            let mut next = 0;
            for event in events {
                match event {
                    Event::SignUp => {
                        match place(capacity, seated.len() as u32) {
                            Placement::Seat => seated.push(next),
                            Placement::WaitingList => waiting.push(next),
                        }
                        next += 1;
                    }
                    Event::Cancel(i) => {
                        let everyone: Vec<usize> =
                            seated.iter().chain(&waiting).copied().collect();
                        if let Some(&who) = everyone.get(i) {
                            seated.retain(|&p| p != who);
                            waiting.retain(|&p| p != who);
                            let up = moving_up(capacity, seated.len() as u32, &waiting).to_vec();
                            waiting.drain(..up.len());
                            seated.extend(up);
                        }
                    }
                }
                prop_assert!(seated.len() as u32 <= capacity);
                prop_assert!(waiting.is_empty() || seated.len() as u32 == capacity);
            }
        }
    }
}

//! A group's life and the requests that find it an igangsætter. A group is sought for,
//! matched, runs with its igangsætter, goes on by itself when they step out, and one day
//! ends; it may end at any step before. A request to an igangsætter waits for an answer
//! until it is accepted, declined, withdrawn by the coordinator, or expires.

use serde::{Deserialize, Serialize};

/// The longest group title.
pub const MAX_TITLE: usize = 120;
/// The longest group description.
pub const MAX_DESCRIPTION: usize = 1_000;
/// The fewest and most meetings an igangsætter is asked to attend.
pub const MIN_MEETINGS: u32 = 4;
pub const MAX_MEETINGS: u32 = 12;
/// The longest personal message with a request.
pub const MAX_MESSAGE: usize = 1_000;
/// The longest reason for declining.
pub const MAX_REASON: usize = 300;
/// Days a request waits for an answer unless configured otherwise.
pub const REQUEST_DAYS: i64 = 7;

/// Where a group is in its life.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum GroupStatus {
    /// Needs an igangsætter.
    Seeking,
    /// An igangsætter accepted; the first meeting is ahead.
    Matched,
    /// Meeting, with the igangsætter.
    Running,
    /// Meeting without the igangsætter, who stepped out.
    SelfLed,
    /// No longer meeting.
    Ended,
}

impl GroupStatus {
    /// Every status, in the order of a group's life.
    pub const ALL: [GroupStatus; 5] = [
        GroupStatus::Seeking,
        GroupStatus::Matched,
        GroupStatus::Running,
        GroupStatus::SelfLed,
        GroupStatus::Ended,
    ];

    /// Stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            GroupStatus::Seeking => "seeking",
            GroupStatus::Matched => "matched",
            GroupStatus::Running => "running",
            GroupStatus::SelfLed => "self_led",
            GroupStatus::Ended => "ended",
        }
    }

    /// Parses the stored form.
    pub fn parse(text: &str) -> Option<GroupStatus> {
        GroupStatus::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Whether a group may go from this status to `next`: one step on, or to its end from
    /// any step; a matched group whose igangsætter drops out before it starts seeks again.
    pub fn may_become(self, next: GroupStatus) -> bool {
        use GroupStatus::*;
        matches!(
            (self, next),
            (Seeking, Matched)
                | (Matched, Running)
                | (Running, SelfLed)
                | (Matched, Seeking)
                | (Seeking | Matched | Running | SelfLed, Ended)
        )
    }

    /// Whether the group holds one of its igangsætter's places.
    pub fn takes_a_place(self) -> bool {
        matches!(self, GroupStatus::Matched | GroupStatus::Running)
    }
}

/// Where a request to an igangsætter stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum RequestStatus {
    /// Waiting for an answer.
    Pending,
    /// Accepted: they start the group.
    Accepted,
    /// Declined.
    Declined,
    /// Taken back by the coordinator.
    Withdrawn,
    /// Not answered in time.
    Expired,
}

impl RequestStatus {
    /// Stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            RequestStatus::Pending => "pending",
            RequestStatus::Accepted => "accepted",
            RequestStatus::Declined => "declined",
            RequestStatus::Withdrawn => "withdrawn",
            RequestStatus::Expired => "expired",
        }
    }

    /// Parses the stored form.
    pub fn parse(text: &str) -> Option<RequestStatus> {
        [
            RequestStatus::Pending,
            RequestStatus::Accepted,
            RequestStatus::Declined,
            RequestStatus::Withdrawn,
            RequestStatus::Expired,
        ]
        .into_iter()
        .find(|s| s.as_str() == text)
    }

    /// Whether a request may go from this status to `next`: only a waiting one moves, and
    /// only once.
    pub fn may_become(self, next: RequestStatus) -> bool {
        self == RequestStatus::Pending && next != RequestStatus::Pending
    }
}

/// Why a request cannot be accepted.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum AcceptRefused {
    /// It was answered, withdrawn or expired already.
    NotPending,
    /// The group found its igangsætter already.
    GroupTaken,
    /// Every one of the igangsætter's places is taken.
    NoPlaceLeft,
}

/// Whether a request may be accepted now: it is still waiting, its group still seeks, and
/// the igangsætter, with `active_groups` of `capacity` places taken, has one free. Asked
/// inside the transaction that accepts, with the group and person locked.
pub fn may_accept(
    request: RequestStatus,
    group: GroupStatus,
    active_groups: u32,
    capacity: u32,
) -> Result<(), AcceptRefused> {
    if request != RequestStatus::Pending {
        return Err(AcceptRefused::NotPending);
    }
    if group != GroupStatus::Seeking {
        return Err(AcceptRefused::GroupTaken);
    }
    if active_groups >= capacity {
        return Err(AcceptRefused::NoPlaceLeft);
    }
    Ok(())
}

/// Who moves a group on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Mover {
    /// A coordinator of the group's centre.
    Centre,
    /// The igangsætter who accepted it.
    Igangsaetter,
}

/// Why a group cannot take a step.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum MoveRefused {
    /// The group is not where the step starts from (it moved on meanwhile).
    NotNow,
    /// The step is the centre's to take.
    NotYours,
}

/// Whether `mover` may take the group from `from` to `to`. A group is matched only by an
/// igangsætter accepting a request; the centre takes any other step a group's life allows.
/// The igangsætter marks the first meeting held, steps out when their
/// meetings are done (the group goes on by itself and their place frees), or gives the
/// group back before it starts; ending a group is the centre's.
pub fn may_move(mover: Mover, from: GroupStatus, to: GroupStatus) -> Result<(), MoveRefused> {
    use GroupStatus::*;
    if !from.may_become(to) {
        return Err(MoveRefused::NotNow);
    }
    match mover {
        _ if to == Matched => Err(MoveRefused::NotYours),
        Mover::Centre => Ok(()),
        Mover::Igangsaetter
            if matches!(
                (from, to),
                (Matched, Running) | (Running, SelfLed) | (Matched, Seeking)
            ) =>
        {
            Ok(())
        }
        Mover::Igangsaetter => Err(MoveRefused::NotYours),
    }
}

/// The steps `mover` may take from `from`, in the order of a group's life.
pub fn steps_for(mover: Mover, from: GroupStatus) -> Vec<GroupStatus> {
    GroupStatus::ALL
        .into_iter()
        .filter(|&to| may_move(mover, from, to).is_ok())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn a_group_lives_forwards_and_may_end_at_any_step() {
        use GroupStatus::*;
        let path = [Seeking, Matched, Running, SelfLed, Ended];
        for pair in path.windows(2) {
            assert!(pair[0].may_become(pair[1]), "{pair:?}");
        }
        for status in [Seeking, Matched, Running, SelfLed] {
            assert!(status.may_become(Ended));
        }
        assert!(Matched.may_become(Seeking), "the igangsætter dropped out");
        for status in GroupStatus::ALL {
            assert!(!Ended.may_become(status), "an ended group stays ended");
            assert!(!status.may_become(status));
            assert_eq!(GroupStatus::parse(status.as_str()), Some(status));
        }
        assert!(!Seeking.may_become(Running) && !Running.may_become(Matched));
        assert!(!SelfLed.may_become(Running));
        assert_eq!(GroupStatus::parse("paused"), None);
        assert!(Matched.takes_a_place() && Running.takes_a_place());
        assert!(!Seeking.takes_a_place() && !SelfLed.takes_a_place() && !Ended.takes_a_place());
    }

    #[test]
    fn a_request_is_answered_once() {
        use RequestStatus::*;
        for next in [Accepted, Declined, Withdrawn, Expired] {
            assert!(Pending.may_become(next));
            assert_eq!(RequestStatus::parse(next.as_str()), Some(next));
            for after in [Pending, Accepted, Declined, Withdrawn, Expired] {
                assert!(!next.may_become(after), "{next:?} → {after:?}");
            }
        }
        assert!(!Pending.may_become(Pending));
    }

    #[test]
    fn accepting_needs_a_waiting_request_a_seeking_group_and_a_free_place() {
        use GroupStatus::*;
        assert_eq!(may_accept(RequestStatus::Pending, Seeking, 1, 2), Ok(()));
        assert_eq!(
            may_accept(RequestStatus::Declined, Seeking, 0, 2),
            Err(AcceptRefused::NotPending)
        );
        assert_eq!(
            may_accept(RequestStatus::Pending, Matched, 0, 2),
            Err(AcceptRefused::GroupTaken)
        );
        assert_eq!(
            may_accept(RequestStatus::Pending, Seeking, 2, 2),
            Err(AcceptRefused::NoPlaceLeft)
        );
    }

    #[test]
    fn the_igangsaetter_starts_steps_out_or_gives_back_and_the_centre_ends() {
        use GroupStatus::*;
        use Mover::*;
        assert_eq!(may_move(Igangsaetter, Matched, Running), Ok(()));
        assert_eq!(may_move(Igangsaetter, Running, SelfLed), Ok(()));
        assert_eq!(may_move(Igangsaetter, Matched, Seeking), Ok(()));
        assert_eq!(
            may_move(Igangsaetter, Running, Ended),
            Err(MoveRefused::NotYours)
        );
        assert_eq!(
            may_move(Igangsaetter, Seeking, Matched),
            Err(MoveRefused::NotYours)
        );
        assert_eq!(may_move(Centre, SelfLed, Running), Err(MoveRefused::NotNow));
        assert_eq!(
            may_move(Igangsaetter, Ended, Running),
            Err(MoveRefused::NotNow)
        );
        assert_eq!(steps_for(Centre, Running), vec![SelfLed, Ended]);
        assert_eq!(
            steps_for(Centre, Seeking),
            vec![Ended],
            "matched only by accepting"
        );
        assert_eq!(steps_for(Igangsaetter, Matched), vec![Seeking, Running]);
        assert!(steps_for(Centre, Ended).is_empty());
        assert!(steps_for(Igangsaetter, SelfLed).is_empty());
    }

    proptest! {
        /// Every step anyone may take is one the group's life allows, and the igangsætter's
        /// steps are a subset of the centre's.
        #[test]
        fn every_allowed_step_is_a_step_of_the_life(from in 0usize..5, to in 0usize..5) {
            let (from, to) = (GroupStatus::ALL[from], GroupStatus::ALL[to]);
            if may_move(Mover::Igangsaetter, from, to).is_ok() {
                prop_assert!(may_move(Mover::Centre, from, to).is_ok());
            }
            prop_assert_eq!(
                may_move(Mover::Centre, from, to).is_ok(),
                from.may_become(to) && to != GroupStatus::Matched
            );
        }
    }

    proptest! {
        /// However requests are answered, in whatever order, a group is accepted by one
        /// person at most and nobody holds more groups than their places.
        #[test]
        fn no_group_has_two_igangsaettere_and_nobody_exceeds_their_places(
            requests in proptest::collection::vec((0usize..4, 0usize..5), 0..40),
            capacities in proptest::collection::vec(0u32..3, 5),
        ) {
            let mut groups = [GroupStatus::Seeking; 4];
            let mut active = [0u32; 5];
            let mut accepted_by: [Option<usize>; 4] = [None; 4];
            for (group, person) in requests {
                if may_accept(RequestStatus::Pending, groups[group], active[person], capacities[person]).is_ok() {
                    prop_assert!(groups[group].may_become(GroupStatus::Matched));
                    groups[group] = GroupStatus::Matched;
                    active[person] += 1;
                    prop_assert!(accepted_by[group].is_none());
                    accepted_by[group] = Some(person);
                }
            }
            for (taken, places) in active.iter().zip(&capacities) {
                prop_assert!(taken <= places);
            }
        }
    }
}

use super::*;
use crate::domain::matching::{Need, rank};
use proptest::prelude::*;

fn profile() -> Profile {
    Profile {
        place: 2_618_425,
        travel_km: 25,
        topics: vec![Topic::Grief],
        languages: vec![Language::Da],
        availability: Availability::of([Slot {
            weekday: Weekday::Tue,
            part: DayPart::Evening,
        }]),
        capacity: 2,
        available: true,
    }
}

#[test]
fn topics_and_slots_read_back_from_their_written_forms() {
    for topic in Topic::ALL {
        assert_eq!(Topic::parse(topic.as_str()), Some(topic));
    }
    assert_eq!(Topic::parse("Grief"), None);
    assert_eq!(Slot::all().count(), 14);
    for slot in Slot::all() {
        assert_eq!(Slot::parse(&slot.code()), Some(slot));
    }
    assert_eq!(
        Slot::parse("tue-evening"),
        Some(Slot {
            weekday: Weekday::Tue,
            part: DayPart::Evening
        })
    );
    assert_eq!(Slot::parse("tuesday-evening"), None);
}

#[test]
fn a_complete_profile_has_no_flaws() {
    assert!(profile().flaws(true).is_empty());
}

#[test]
fn each_flaw_is_named() {
    let mut p = profile();
    p.travel_km = 0;
    p.languages.clear();
    p.capacity = MAX_CAPACITY + 1;
    assert_eq!(
        p.flaws(false),
        vec![
            ProfileFlaw::UnknownPlace,
            ProfileFlaw::Travel,
            ProfileFlaw::NoLanguage,
            ProfileFlaw::Capacity
        ]
    );
    p.travel_km = MAX_TRAVEL_KM + 1;
    p.capacity = 0;
    assert!(p.flaws(true).contains(&ProfileFlaw::Travel));
    assert!(p.flaws(true).contains(&ProfileFlaw::Capacity));
}

#[test]
fn coordinators_see_only_certified_people_open_to_requests() {
    let open = profile();
    let closed = Profile {
        available: false,
        ..profile()
    };
    assert!(shown_to_coordinators(&open, true));
    assert!(!shown_to_coordinators(&open, false));
    assert!(!shown_to_coordinators(&closed, true));
}

#[test]
fn a_profile_ranks_as_the_candidate_it_describes() {
    let home = Coordinates {
        lat: 55.676,
        lon: 12.566,
    };
    let need = Need {
        place: Coordinates {
            lat: 55.70,
            lon: 12.55,
        },
        topic: "grief".into(),
        language: Language::Da,
        slot: Slot {
            weekday: Weekday::Tue,
            part: DayPart::Evening,
        },
    };
    let me = candidate(7, &profile(), home, true, 1, 0);
    let ranked = rank(&[me], &need);
    assert_eq!(ranked.len(), 1);
    let reasons = &ranked[0].reasons;
    assert!(reasons.topic && reasons.language && reasons.slot);
    assert_eq!((reasons.active_groups, reasons.capacity), (1, 2));
    let uncertified = candidate(8, &profile(), home, false, 0, 0);
    assert!(rank(&[uncertified], &need).is_empty());
}

#[test]
fn normalizing_orders_and_dedups_the_lists() {
    let p = Profile {
        topics: vec![Topic::Cancer, Topic::Grief, Topic::Cancer],
        languages: vec![Language::En, Language::Da, Language::En],
        ..profile()
    }
    .normalized();
    assert_eq!(p.topics, vec![Topic::Grief, Topic::Cancer]);
    assert_eq!(p.languages, vec![Language::Da, Language::En]);
}

#[test]
fn stored_lists_skip_what_is_not_known() {
    assert_eq!(
        read_list("grief, cancer,,mystery", Topic::parse),
        vec![Topic::Grief, Topic::Cancer]
    );
    assert_eq!(
        read_list("da,nb", |s| s.parse::<Language>().ok()),
        vec![Language::Da, Language::Nb]
    );
    assert!(read_list("", Topic::parse).is_empty());
}

proptest! {
    #[test]
    fn availability_keeps_exactly_the_slots_given(mask in 0u16..(1 << 14)) {
        let slots: Vec<Slot> = Slot::all().enumerate()
            .filter(|(i, _)| mask & (1 << i) != 0)
            .map(|(_, s)| s)
            .collect();
        let availability = Availability::of(slots.clone());
        prop_assert_eq!(availability.slots(), slots);
        prop_assert_eq!(Availability::from_bits(availability.bits()), availability);
    }

    #[test]
    fn stray_stored_bits_are_dropped(bits in any::<i32>()) {
        let read = Availability::from_bits(bits);
        prop_assert_eq!(Availability::of(read.slots()), read);
    }
}

use super::*;
use proptest::prelude::*;

fn plan() -> GroupPlan {
    GroupPlan {
        title: "Sorggruppe for voksne".into(),
        topic: Topic::Grief,
        kind: GroupKind::SelfHelp,
        language: Language::Da,
        place: 2_624_652,
        weekday: Weekday::Tue,
        time: NaiveTime::from_hms_opt(19, 0, 0).unwrap(),
        cadence: Cadence::Fortnightly,
        starts_on: NaiveDate::from_ymd_opt(2027, 2, 2).unwrap(),
        meetings: 6,
        description: String::new(),
    }
}

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2027, 1, 10).unwrap()
}

#[test]
fn a_sound_plan_has_no_flaws() {
    assert!(plan().flaws(true, today()).is_empty());
    let starts_today = GroupPlan {
        starts_on: today(),
        ..plan()
    };
    assert!(starts_today.flaws(true, today()).is_empty());
}

#[test]
fn each_flaw_is_named() {
    let bad = GroupPlan {
        title: "  ".into(),
        starts_on: today().pred_opt().unwrap(),
        meetings: MAX_MEETINGS + 1,
        description: "x".repeat(MAX_DESCRIPTION + 1),
        ..plan()
    };
    assert_eq!(
        bad.flaws(false, today()),
        vec![
            PlanFlaw::Title,
            PlanFlaw::UnknownPlace,
            PlanFlaw::StartsInThePast,
            PlanFlaw::Meetings,
            PlanFlaw::Description
        ]
    );
    let long = GroupPlan {
        title: "æ".repeat(MAX_TITLE + 1),
        meetings: MIN_MEETINGS - 1,
        ..plan()
    };
    assert_eq!(
        long.flaws(true, today()),
        vec![PlanFlaw::Title, PlanFlaw::Meetings]
    );
}

#[test]
fn the_meeting_time_decides_the_part_of_the_day() {
    let at = |h, m| GroupPlan {
        time: NaiveTime::from_hms_opt(h, m, 0).unwrap(),
        ..plan()
    };
    assert_eq!(at(16, 59).slot().part, DayPart::Daytime);
    assert_eq!(at(17, 0).slot().part, DayPart::Evening);
    assert_eq!(at(9, 30).slot().weekday, Weekday::Tue);
}

#[test]
fn kinds_cadences_and_weekdays_read_back() {
    for kind in GroupKind::ALL {
        assert_eq!(GroupKind::parse(kind.as_str()), Some(kind));
    }
    for cadence in Cadence::ALL {
        assert_eq!(Cadence::parse(cadence.as_str()), Some(cadence));
    }
    for day in Weekday::ALL {
        assert_eq!(Weekday::parse(day.as_str()), Some(day));
    }
    assert_eq!(GroupKind::parse("club"), None);
}

proptest! {
    #[test]
    fn the_need_carries_the_plan(hour in 0u32..24, day in 0usize..7) {
        let p = GroupPlan {
            time: NaiveTime::from_hms_opt(hour, 0, 0).unwrap(),
            weekday: Weekday::ALL[day],
            ..plan()
        };
        let at = Coordinates { lat: 56.0, lon: 10.0 };
        let need = p.need(at);
        prop_assert_eq!(need.topic.as_str(), "grief");
        prop_assert_eq!(need.slot.weekday, Weekday::ALL[day]);
        prop_assert_eq!(need.slot.part == DayPart::Evening, hour >= EVENING_FROM);
        prop_assert_eq!(need.place, at);
    }
}

use super::*;
use proptest::prelude::*;

fn m(year: i32, month: u32) -> Month {
    Month { year, month }
}

fn group(area: &str, status: GroupStatus, posted: Month) -> GroupFacts {
    GroupFacts {
        area: area.to_owned(),
        status,
        posted,
        matched: None,
        started: None,
        ended: None,
        days_to_match: None,
    }
}

#[test]
fn months_run_across_the_new_year() {
    assert_eq!(
        months_ending(m(2026, 2), 4),
        vec![m(2025, 11), m(2025, 12), m(2026, 1), m(2026, 2)]
    );
    assert_eq!(m(2026, 1).previous(), m(2025, 12));
    assert_eq!(m(2026, 3).label(), "2026-03");
    assert_eq!(Level::parse("region"), Level::Region);
    assert_eq!(Level::parse("nonsense"), Level::Country);
}

#[test]
fn areas_count_what_happened_since_the_start_of_the_period() {
    let mut matched = group("Hovedstaden", GroupStatus::Running, m(2026, 1));
    matched.matched = Some(m(2026, 2));
    matched.started = Some(m(2026, 3));
    matched.days_to_match = Some(30);
    let mut old = group("Hovedstaden", GroupStatus::Ended, m(2024, 5));
    old.matched = Some(m(2024, 6));
    old.days_to_match = Some(400);
    old.ended = Some(m(2026, 4));
    let groups = vec![
        matched,
        old,
        group("Viken", GroupStatus::Seeking, m(2026, 5)),
    ];
    let certified = BTreeMap::from([("Hovedstaden".to_owned(), 3), ("Nordland".to_owned(), 1)]);
    let rows = by_area(&groups, m(2025, 6), Some(&certified));
    assert_eq!(
        rows.iter().map(|r| r.area.as_str()).collect::<Vec<_>>(),
        ["Hovedstaden", "Nordland", "Viken"]
    );
    let h = &rows[0];
    assert_eq!((h.seeking, h.meeting), (0, 1));
    assert_eq!(
        h.flow,
        Flow {
            posted: 1,
            matched: 1,
            started: 1,
            ended: 1
        }
    );
    // The match from before the period does not count toward its median.
    assert_eq!(h.median_days_to_match, Some(30.0));
    assert_eq!(h.certified, Some(3));
    assert_eq!((rows[1].certified, rows[1].flow.posted), (Some(1), 0));
    assert_eq!((rows[2].seeking, rows[2].certified), (1, Some(0)));
    assert_eq!(by_area(&groups, m(2025, 6), None)[0].certified, None);
}

#[test]
fn months_count_each_event_in_its_month_for_the_chosen_area() {
    let mut g = group("DK", GroupStatus::Ended, m(2026, 1));
    g.matched = Some(m(2026, 1));
    g.started = Some(m(2026, 2));
    g.ended = Some(m(2026, 3));
    let groups = vec![g, group("NO", GroupStatus::Seeking, m(2026, 2))];
    let months = months_ending(m(2026, 3), 3);
    let all = by_month(
        &groups,
        None,
        &months,
        &[m(2026, 2), m(2026, 2), m(2025, 1)],
    );
    assert_eq!(
        all[0].flow,
        Flow {
            posted: 1,
            matched: 1,
            started: 0,
            ended: 0
        }
    );
    assert_eq!(
        all[1].flow,
        Flow {
            posted: 1,
            matched: 0,
            started: 1,
            ended: 0
        }
    );
    assert_eq!(all[1].certificates, 2);
    let dk = by_month(&groups, Some("DK"), &months, &[]);
    assert_eq!(dk[1].flow.posted, 0);
    assert_eq!(dk[2].flow.ended, 1);
}

proptest! {
    /// Summed over areas, groups posted in the period equal the sum over its months.
    #[test]
    fn areas_and_months_agree(posted in proptest::collection::vec((0usize..3, 1u32..13), 0..60)) {
        let areas = ["A", "B", "C"];
        let groups: Vec<GroupFacts> = posted
            .iter()
            .map(|(a, month)| group(areas[*a], GroupStatus::Seeking, m(2026, *month)))
            .collect();
        let months = months_ending(m(2026, 12), 12);
        let by_areas: u64 = by_area(&groups, months[0], None).iter().map(|r| r.flow.posted).sum();
        let by_months: u64 = by_month(&groups, None, &months, &[]).iter().map(|r| r.flow.posted).sum();
        prop_assert_eq!(by_areas, groups.len() as u64);
        prop_assert_eq!(by_months, groups.len() as u64);
    }
}

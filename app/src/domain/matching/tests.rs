use super::*;
use proptest::prelude::*;

const AARHUS: Coordinates = Coordinates {
    lat: 56.1567,
    lon: 10.2108,
};
const COPENHAGEN: Coordinates = Coordinates {
    lat: 55.6759,
    lon: 12.5655,
};
const TROMSO: Coordinates = Coordinates {
    lat: 69.6496,
    lon: 18.9560,
};

const TUESDAY_EVENING: Slot = Slot {
    weekday: Weekday::Tue,
    part: DayPart::Evening,
};

fn need() -> Need {
    Need {
        place: AARHUS,
        topic: "sorg".into(),
        language: Language::Da,
        slot: TUESDAY_EVENING,
    }
}

fn candidate(person: i32) -> Candidate {
    Candidate {
        person,
        home: Coordinates {
            lat: 56.2,
            lon: 10.0,
        },
        travel_km: 40,
        topics: vec!["sorg".into()],
        languages: vec![Language::Da],
        availability: vec![TUESDAY_EVENING],
        capacity: 2,
        active_groups: 1,
        recent_groups: 0,
        certified: true,
        available: true,
    }
}

#[test]
fn distances_are_great_circle() {
    // Aarhus to Copenhagen is about 157 km as the crow flies; Aarhus to Tromsø about 1,560.
    let short = distance_km(AARHUS, COPENHAGEN);
    assert!((150.0..165.0).contains(&short), "{short}");
    let long = distance_km(AARHUS, TROMSO);
    assert!((1_500.0..1_620.0).contains(&long), "{long}");
    assert!(distance_km(AARHUS, AARHUS).abs() < 1e-9);
    assert!((distance_km(AARHUS, TROMSO) - distance_km(TROMSO, AARHUS)).abs() < 1e-9);
}

/// A change made to the sample candidate.
type Change = fn(&mut Candidate);

#[test]
fn each_reason_to_leave_someone_out() {
    let need = need();
    let cases: [(Change, Ineligible); 5] = [
        (|c| c.certified = false, Ineligible::NotCertified),
        (|c| c.available = false, Ineligible::Unavailable),
        (|c| c.active_groups = 2, Ineligible::Full),
        (|c| c.capacity = 0, Ineligible::Full),
        (|c| c.home = COPENHAGEN, Ineligible::OutOfReach),
    ];
    assert!(eligible(&candidate(1), &need).is_ok());
    for (change, reason) in cases {
        let mut c = candidate(1);
        change(&mut c);
        assert_eq!(eligible(&c, &need), Err(reason));
        assert!(rank(&[c], &need).is_empty());
    }
}

#[test]
fn the_score_explains_itself() {
    let need = need();
    let ranked = rank(&[candidate(7)], &need);
    let best = &ranked[0];
    assert_eq!(best.person, 7);
    assert_eq!(best.reasons.distance_km, 14);
    assert!(best.reasons.topic && best.reasons.language && best.reasons.slot);
    assert_eq!((best.reasons.active_groups, best.reasons.capacity), (1, 2));
    // 30 × (1 − 13.9/40) ≈ 20 for distance, 25 + 20 + 15, and 5 for one free place of two.
    assert_eq!(best.score, 85);

    let mut other = candidate(8);
    other.topics.clear();
    other.languages = vec![Language::Nb];
    other.availability.clear();
    other.recent_groups = 5;
    let ranked = rank(&[other], &need);
    assert_eq!(
        ranked[0].score,
        20 + 5 - 12,
        "recent groups cost at most 12"
    );
}

#[test]
fn better_fit_ranks_first_and_ties_go_to_the_nearer_then_the_lower_account() {
    let need = need();
    let mut far = candidate(1);
    far.home = Coordinates {
        lat: 56.35,
        lon: 10.2,
    };
    let near = candidate(2);
    let twin = candidate(3);
    let mut off_topic = candidate(4);
    off_topic.home = AARHUS;
    off_topic.topics = vec!["angst".into()];
    let ranked = rank(&[off_topic, twin, far, near], &need);
    let order: Vec<i32> = ranked.iter().map(|r| r.person).collect();
    assert_eq!(order, [2, 3, 1, 4]);
}

#[test]
fn the_box_holds_every_point_of_the_circle() {
    let boxed = bounding_box(TROMSO, 100.0);
    assert!(boxed.contains(TROMSO));
    assert!(!boxed.contains(AARHUS));
    assert!(boxed.max_lat - boxed.min_lat < 2.0);
}

fn arbitrary_candidate() -> impl Strategy<Value = Candidate> {
    (
        (1i32..10_000, 54.5f64..71.0, 4.5f64..31.0, 0u32..400),
        (any::<bool>(), any::<bool>(), any::<bool>()),
        (0u32..4, 0u32..5, 0u32..6),
        (any::<bool>(), any::<bool>()),
    )
        .prop_map(
            |(
                (person, lat, lon, travel_km),
                (topic, language, slot),
                (capacity, active_groups, recent_groups),
                (certified, available),
            )| Candidate {
                person,
                home: Coordinates { lat, lon },
                travel_km,
                topics: if topic { vec!["sorg".into()] } else { vec![] },
                languages: if language {
                    vec![Language::Da]
                } else {
                    vec![Language::En]
                },
                availability: if slot { vec![TUESDAY_EVENING] } else { vec![] },
                capacity,
                active_groups,
                recent_groups,
                certified,
                available,
            },
        )
}

proptest! {
    #[test]
    fn only_the_eligible_appear_in_a_stable_explained_order(
        mut people in proptest::collection::vec(arbitrary_candidate(), 0..40),
        lat in 54.5f64..71.0,
        lon in 4.5f64..31.0,
    ) {
        // Accounts are unique, as in the database.
        people.sort_by_key(|c| c.person);
        people.dedup_by_key(|c| c.person);
        let need = Need { place: Coordinates { lat, lon }, ..need() };
        let ranked = rank(&people, &need);
        for r in &ranked {
            let c = people.iter().find(|c| c.person == r.person).unwrap();
            prop_assert!(c.certified && c.available && c.active_groups < c.capacity);
            prop_assert!(distance_km(c.home, need.place) <= f64::from(c.travel_km));
            prop_assert!(r.score <= 100);
            prop_assert_eq!(r.reasons.topic, c.topics.contains(&need.topic));
            // Whoever is within reach is also inside the box the database looks in first.
            prop_assert!(bounding_box(need.place, f64::from(MAX_TRAVEL_KM)).contains(c.home));
        }
        let eligible_count = people.iter().filter(|c| eligible(c, &need).is_ok()).count();
        prop_assert_eq!(ranked.len(), eligible_count);
        for pair in ranked.windows(2) {
            prop_assert!(pair[0].score >= pair[1].score);
        }
        let mut reversed = people.clone();
        reversed.reverse();
        prop_assert_eq!(rank(&reversed, &need), ranked);
    }

    #[test]
    fn the_box_holds_every_point_within_reach(
        lat in 54.5f64..71.5,
        lon in 4.0f64..31.5,
        bearing in 0f64..360.0,
        fraction in 0f64..1.0,
        km in 1f64..300.0,
    ) {
        // A point `fraction × km` away from the centre along `bearing`.
        let d = fraction * km / EARTH_KM;
        let (lat1, lon1, b) = (lat.to_radians(), lon.to_radians(), bearing.to_radians());
        let lat2 = (lat1.sin() * d.cos() + lat1.cos() * d.sin() * b.cos()).asin();
        let lon2 = lon1 + (b.sin() * d.sin() * lat1.cos()).atan2(d.cos() - lat1.sin() * lat2.sin());
        let point = Coordinates { lat: lat2.to_degrees(), lon: lon2.to_degrees() };
        let centre = Coordinates { lat, lon };
        prop_assert!(distance_km(centre, point) <= km + 1e-6);
        prop_assert!(bounding_box(centre, km).contains(point));
    }
}

proptest! {
    /// The per-degree scale never overstates a distance: a point within `km` of a group is
    /// never left out by it.
    #[test]
    fn the_reach_scale_never_leaves_out_someone_in_reach(
        lat in 54.0f64..71.5,
        lon in 4.0f64..31.0,
        bearing in 0.0f64..360.0,
        fraction in 0.0f64..1.0,
        km in 1.0f64..300.0,
    ) {
        let d = fraction * km / EARTH_KM;
        let (lat1, lon1, b) = (lat.to_radians(), lon.to_radians(), bearing.to_radians());
        let lat2 = (lat1.sin() * d.cos() + lat1.cos() * d.sin() * b.cos()).asin();
        let lon2 = lon1 + (b.sin() * d.sin() * lat1.cos()).atan2(d.cos() - lat1.sin() * lat2.sin());
        let home = Coordinates { lat: lat2.to_degrees(), lon: lon2.to_degrees() };
        let group = Coordinates { lat, lon };
        let (per_lat, per_lon) = reach_scale(bounding_box(group, f64::from(MAX_TRAVEL_KM)));
        prop_assert!((home.lat - group.lat).abs() * per_lat <= km + 1e-6);
        prop_assert!((home.lon - group.lon).abs() * per_lon <= km + 1e-6);
    }
}

use super::*;
use crate::domain::matching::distance_km;
use proptest::prelude::*;

#[test]
fn the_shipped_data_set_reads_whole() {
    let places = parse(PLACES_CSV).expect("every row reads");
    assert_eq!(places.len(), all().len());
    assert!(places.len() > 1_000, "{} places", places.len());
    let danish = places.iter().filter(|p| p.country == Country::Dk).count();
    let norwegian = places.iter().filter(|p| p.country == Country::No).count();
    assert!(
        danish > 400 && norwegian > 500,
        "{danish} DK, {norwegian} NO"
    );
    let ids: std::collections::HashSet<i32> = places.iter().map(|p| p.id).collect();
    assert_eq!(ids.len(), places.len(), "ids are unique");
}

#[test]
fn names_are_written_as_they_are_locally() {
    let named = |name: &str| all().iter().filter(|p| p.name == name).count();
    for name in [
        "København",
        "Aarhus",
        "Tromsø",
        "Skærbæk",
        "Helsingør",
        "Ålesund",
    ] {
        assert!(named(name) >= 1, "{name} is in the data set");
    }
    assert_eq!(named("Copenhagen"), 0);
    assert_eq!(named("Skaerbaek"), 0);
}

#[test]
fn places_sit_in_their_country() {
    for place in all() {
        let (lat, lon) = (place.at.lat, place.at.lon);
        match place.country {
            Country::Dk => assert!(
                (54.5..57.8).contains(&lat) && (8.0..15.3).contains(&lon),
                "{} {lat} {lon}",
                place.name
            ),
            // Svalbard is not in the extract; the mainland reaches 71.2 degrees north.
            Country::No => assert!(
                (57.9..71.3).contains(&lat) && (4.5..31.2).contains(&lon),
                "{} {lat} {lon}",
                place.name
            ),
        }
    }
}

#[test]
fn a_place_is_found_by_its_id_and_names_repeat() {
    let sandvikas: Vec<_> = all().iter().filter(|p| p.name == "Sandvika").collect();
    assert!(sandvikas.len() >= 2, "two towns share the name");
    for sandvika in sandvikas {
        assert_eq!(find(sandvika.id), Some(sandvika));
    }
    assert_eq!(find(-1), None);
}

#[test]
fn the_search_finds_towns_by_every_common_spelling() {
    for (query, name) in [
        ("Aarhus", "Aarhus"),
        ("århus", "Aarhus"),
        ("copenhagen", "København"),
        ("kobenhavn", "København"),
        ("tromso", "Tromsø"),
        ("Tromsø", "Tromsø"),
        ("skaerbaek", "Skærbæk"),
        ("  odense ", "Odense"),
    ] {
        let found = search(query, MAX_RESULTS);
        assert_eq!(found.first().map(|p| p.name), Some(name), "{query}");
    }
    assert!(search("", MAX_RESULTS).is_empty());
    assert!(search("   ", MAX_RESULTS).is_empty());
    assert!(search("xyzzyq", MAX_RESULTS).is_empty());
}

#[test]
fn the_search_puts_names_that_start_with_the_query_first_and_larger_towns_before_smaller() {
    let found = search("berg", MAX_RESULTS);
    assert_eq!(found[0].name, "Bergen");
    let first_inner = found
        .iter()
        .position(|p| !fold(p.name).starts_with("berg"))
        .unwrap_or(found.len());
    assert!(
        found[first_inner..]
            .iter()
            .all(|p| !fold(p.name).starts_with("berg")),
        "prefix matches come first"
    );
    assert!(found.len() <= MAX_RESULTS);
    assert_eq!(search("a", 3).len(), 3);
}

#[test]
fn distances_between_towns_are_as_on_a_map() {
    let town = |name: &str| all().iter().find(|p| p.name == name).unwrap().at;
    let copenhagen_aarhus = distance_km(town("København"), town("Aarhus"));
    assert!(
        (150.0..165.0).contains(&copenhagen_aarhus),
        "{copenhagen_aarhus}"
    );
    let oslo_bergen = distance_km(town("Oslo"), town("Bergen"));
    assert!((300.0..310.0).contains(&oslo_bergen), "{oslo_bergen}");
}

#[test]
fn rows_that_do_not_fit_are_refused_with_their_line() {
    let header = "id,name,country,region,lat,lon,population,aliases\n";
    let good = "1,Aby,DK,Region Midtjylland,56.1,10.1,12,\n";
    let bad_country = "2,Eby,SE,Skåne,56.1,13.1,12,\n";
    let bad_lat = "3,Fby,DK,Region Sjælland,96.1,10.1,12,\n";
    let short = "4,Gby,DK\n";
    let text = |rows: &[&str]| -> &'static str {
        Box::leak(format!("{header}{}", rows.concat()).into_boxed_str())
    };
    assert_eq!(parse(text(&[good])).map(|p| p.len()), Ok(1));
    assert_eq!(parse(text(&[good, bad_country])), Err(3));
    assert_eq!(parse(text(&[bad_lat])), Err(2));
    assert_eq!(parse(text(&[good, good, short])), Err(4));
    assert_eq!(parse("name,id\n"), Err(1));
}

proptest! {
    #[test]
    fn folding_is_idempotent_and_ignores_case(name in "[A-Za-zÆØÅæøåé -]{0,20}") {
        let once = fold(&name);
        prop_assert_eq!(fold(&once), once.clone());
        prop_assert_eq!(fold(&name.to_uppercase()), once);
    }

    #[test]
    fn every_place_is_found_by_its_own_name(index in 0usize..1_129) {
        let place = &all()[index % all().len()];
        let found = search(place.name, usize::MAX);
        prop_assert!(found.iter().any(|p| p.id == place.id), "{}", place.name);
    }
}

//! The towns a home place or a meeting place is chosen from: Danish and Norwegian towns with
//! their coordinates and region, shipped with the product (`app/places/places.csv`, built
//! from GeoNames data; see the README beside it). A place is known by its GeoNames id, since
//! names repeat. Searching folds the ways Danish and Norwegian letters are spelled out, so
//! "Aarhus", "Århus", "Tromso" and "tromsø" all find their town.

use crate::domain::matching::Coordinates;
pub use crate::domain::role::Country;
use std::{collections::HashMap, sync::LazyLock};

/// The shipped data set.
const PLACES_CSV: &str = include_str!("../../places/places.csv");

/// The most places a search returns.
pub const MAX_RESULTS: usize = 20;

/// One town.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// The GeoNames id.
    pub id: i32,
    /// The name as written locally.
    pub name: &'static str,
    /// Its country.
    pub country: Country,
    /// Its region (Denmark) or county (Norway).
    pub region: &'static str,
    /// Where it is.
    pub at: Coordinates,
    /// Inhabitants, as GeoNames counts them (0 where unknown).
    pub population: u32,
    /// Other spellings it is found by.
    pub aliases: Vec<&'static str>,
}

struct Index {
    places: Vec<Place>,
    by_id: HashMap<i32, usize>,
    /// Per place, its folded name and aliases.
    keys: Vec<Vec<String>>,
}

static INDEX: LazyLock<Index> = LazyLock::new(|| {
    let places = parse(PLACES_CSV).expect("the shipped places.csv is well formed");
    let by_id = places.iter().enumerate().map(|(i, p)| (p.id, i)).collect();
    let keys = places
        .iter()
        .map(|p| {
            std::iter::once(p.name)
                .chain(p.aliases.iter().copied())
                .map(fold)
                .collect()
        })
        .collect();
    Index {
        places,
        by_id,
        keys,
    }
});

/// Reads the data set; the line number of the first row that does not fit, on failure.
fn parse(csv: &'static str) -> Result<Vec<Place>, usize> {
    let mut lines = csv.lines().enumerate();
    let (_, header) = lines.next().ok_or(1usize)?;
    if header != "id,name,country,region,lat,lon,population,aliases" {
        return Err(1);
    }
    lines
        .map(|(n, line)| parse_row(line).ok_or(n + 1))
        .collect()
}

fn parse_row(line: &'static str) -> Option<Place> {
    // The data set has no quoted fields: no name holds a comma or a quote.
    let fields: Vec<&'static str> = line.split(',').collect();
    let [id, name, country, region, lat, lon, population, aliases] = fields[..] else {
        return None;
    };
    let country = match country {
        "DK" => Country::Dk,
        "NO" => Country::No,
        _ => return None,
    };
    let at = Coordinates {
        lat: lat.parse().ok()?,
        lon: lon.parse().ok()?,
    };
    let valid = !name.is_empty()
        && !region.is_empty()
        && !name.contains('"')
        && (-90.0..=90.0).contains(&at.lat)
        && (-180.0..=180.0).contains(&at.lon);
    valid.then_some(())?;
    Some(Place {
        id: id.parse().ok()?,
        name,
        country,
        region,
        at,
        population: population.parse().ok()?,
        aliases: aliases.split('|').filter(|a| !a.is_empty()).collect(),
    })
}

/// A name in the form searches compare: lower case, with the Danish and Norwegian letters
/// and their spelled-out forms (aa, ae, oe) brought to one spelling, and accents dropped.
pub fn fold(name: &str) -> String {
    let lower = name.trim().to_lowercase();
    let mut out = String::with_capacity(lower.len());
    for c in lower.chars() {
        match c {
            'å' | 'á' | 'à' | 'â' | 'ä' => out.push('a'),
            'æ' => out.push_str("ae"),
            'ø' | 'ö' | 'ó' | 'ò' | 'ô' => out.push('o'),
            'é' | 'è' | 'ê' | 'ë' => out.push('e'),
            'ü' | 'ú' => out.push('u'),
            'í' | 'ï' => out.push('i'),
            _ => out.push(c),
        }
    }
    // Repeated until nothing is left to bring together, so folding twice changes nothing.
    while out.contains("aa") || out.contains("oe") {
        out = out.replace("aa", "a").replace("oe", "o");
    }
    out
}

/// Every place.
pub fn all() -> &'static [Place] {
    &INDEX.places
}

/// The place with GeoNames id `id`.
pub fn find(id: i32) -> Option<&'static Place> {
    INDEX.by_id.get(&id).map(|&i| &INDEX.places[i])
}

/// The places whose name or another spelling matches `query`, at most `limit`: those
/// starting with it first, then those containing it, each by population (larger first)
/// and then by name. An empty query finds nothing.
pub fn search(query: &str, limit: usize) -> Vec<&'static Place> {
    let query = fold(query);
    if query.is_empty() {
        return Vec::new();
    }
    let index = &*INDEX;
    let mut found: Vec<(bool, &'static Place)> = index
        .places
        .iter()
        .zip(&index.keys)
        .filter_map(|(place, keys)| {
            if keys.iter().any(|k| k.starts_with(&query)) {
                Some((true, place))
            } else if keys.iter().any(|k| k.contains(&query)) {
                Some((false, place))
            } else {
                None
            }
        })
        .collect();
    found.sort_by(|(a_prefix, a), (b_prefix, b)| {
        b_prefix
            .cmp(a_prefix)
            .then(b.population.cmp(&a.population))
            .then(a.name.cmp(b.name))
            .then(a.id.cmp(&b.id))
    });
    found.into_iter().take(limit).map(|(_, p)| p).collect()
}

#[cfg(test)]
mod tests;

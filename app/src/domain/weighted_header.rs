//! Header values made of weighted items, as `Accept-Language` and `Accept-Encoding` are:
//! `da-DK, da;q=0.9, en;q=0.5`. One reading of them, so every header of the kind is read alike.

/// One item of a weighted header value.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct WeightedItem<'a> {
    /// The item's name (a language tag, an encoding, `*`), trimmed.
    pub name: &'a str,
    /// The item's weight in thousandths: 1000 when the item gives none, 0 for "not at all".
    pub weight: u16,
}

/// The items of `value`, in the order written. An item whose weight cannot be read (not a number, outside
/// 0 to 1) is left out: a broken weight makes it unusable, not fully preferred. Items
/// weighted 0 are kept, since they say "not this one", which a wildcard does not override.
/// Empty items (`a,,b`) are left out.
pub fn weighted_items(value: &str) -> impl Iterator<Item = WeightedItem<'_>> {
    value.split(',').filter_map(|item| {
        let mut parts = item.split(';');
        let name = parts.next()?.trim();
        if name.is_empty() {
            return None;
        }
        let weight = match parts.find_map(|p| p.trim().strip_prefix("q=")) {
            None => 1000,
            Some(q) => weight_in_thousandths(q.trim())?,
        };
        Some(WeightedItem { name, weight })
    })
}

/// A `q` value (0 to 1, at most three decimals by the standard; more are rounded) in
/// thousandths, so weights compare without floating point.
fn weight_in_thousandths(q: &str) -> Option<u16> {
    let q = q.parse::<f32>().ok()?;
    (0.0..=1.0)
        .contains(&q)
        .then(|| (q * 1000.0).round() as u16)
}

/// The acceptable item (weight above 0) that `choose` maps to something, preferring the
/// highest weight and then the earliest position.
pub fn best_match<'a, T>(
    value: &'a str,
    mut choose: impl FnMut(&'a str) -> Option<T>,
) -> Option<T> {
    let mut best: Option<(u16, T)> = None;
    for item in weighted_items(value) {
        if item.weight == 0 || best.as_ref().is_some_and(|(w, _)| *w >= item.weight) {
            continue;
        }
        if let Some(chosen) = choose(item.name) {
            best = Some((item.weight, chosen));
        }
    }
    best.map(|(_, chosen)| chosen)
}

/// The weight `value` gives the first listed of `names` (one thing under its several names,
/// compared without regard to case), or the weight of `*` when none is listed, or `None`.
pub fn weight_of(value: &str, names: &[&str]) -> Option<u16> {
    let mut wildcard = None;
    for item in weighted_items(value) {
        if names
            .iter()
            .any(|name| item.name.eq_ignore_ascii_case(name))
        {
            return Some(item.weight);
        }
        if item.name == "*" && wildcard.is_none() {
            wildcard = Some(item.weight);
        }
    }
    wildcard
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names_and_weights(value: &str) -> Vec<(&str, u16)> {
        weighted_items(value)
            .map(|item| (item.name, item.weight))
            .collect()
    }

    #[test]
    fn items_read_with_their_weights_and_broken_weights_drop_the_item() {
        assert_eq!(
            names_and_weights("da-DK, da;q=0.9 ,en; q=0.5,fr;q=0"),
            [("da-DK", 1000), ("da", 900), ("en", 500), ("fr", 0)]
        );
        assert_eq!(names_and_weights("en;q=abc, da"), [("da", 1000)]);
        assert_eq!(names_and_weights("en;q=1.5, da;q=-0.1, nb"), [("nb", 1000)]);
        assert_eq!(names_and_weights("gzip;level=1;q=0.2"), [("gzip", 200)]);
        assert_eq!(names_and_weights(",, ;q=1,"), []);
        assert_eq!(names_and_weights(""), []);
    }

    #[test]
    fn best_match_prefers_weight_then_order_and_skips_refusals() {
        let pick = |value| best_match(value, |name: &str| (name.len() == 2).then_some(name));
        assert_eq!(pick("xyz, en;q=0.3, da;q=0.8"), Some("da"));
        assert_eq!(pick("en, da"), Some("en"));
        assert_eq!(pick("en;q=0.5, da;q=0.5"), Some("en"));
        assert_eq!(pick("en;q=0, xyz"), None);
        assert_eq!(pick(""), None);
    }

    #[test]
    fn a_named_weight_overrides_the_wildcard() {
        let gzip = ["gzip", "x-gzip"];
        assert_eq!(weight_of("br, GZIP;q=0.5", &gzip), Some(500));
        assert_eq!(weight_of("x-gzip;q=0.7", &gzip), Some(700));
        assert_eq!(weight_of("*;q=0, x-gzip", &gzip), Some(1000));
        assert_eq!(weight_of("*;q=0.2, br", &gzip), Some(200));
        assert_eq!(weight_of("gzip;q=0, *", &gzip), Some(0));
        assert_eq!(weight_of("*, gzip;q=0", &gzip), Some(0));
        assert_eq!(weight_of("gzipped", &gzip), None);
        assert_eq!(weight_of("gzip;q=oops", &gzip), None);
    }
}

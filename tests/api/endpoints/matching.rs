//! The matching rows of the endpoint table.

use super::{Access, Endpoint, e};
use app::api::matching::{LoadMyProfile, SaveProfile, SearchPlaces};
use leptos::server_fn::ServerFn;

/// Profiles and the town search.
pub(super) fn endpoints() -> Vec<Endpoint> {
    use Access::*;
    vec![
        e(LoadMyProfile::PATH, &[], SignedIn),
        e(
            SaveProfile::PATH,
            &[
                ("place", "2624652"),
                ("travel_km", "20"),
                ("capacity", "1"),
                ("choices[lang-da]", "on"),
            ],
            SignedIn,
        ),
        e(SearchPlaces::PATH, &[("q", "Aarhus")], Public),
    ]
}

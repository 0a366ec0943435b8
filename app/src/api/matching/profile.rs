//! The igangsætter's profile as its owner keeps it, and the town search its form uses.

use crate::{domain::profile::Profile, errors::AppError};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// A town as a picker offers it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlaceChoice {
    /// GeoNames id.
    pub id: i32,
    /// Name as written locally.
    pub name: String,
    /// Region or county.
    pub region: String,
    /// `DK` or `NO`.
    pub country: String,
}

#[cfg(feature = "ssr")]
impl From<&crate::domain::places::Place> for PlaceChoice {
    fn from(place: &crate::domain::places::Place) -> PlaceChoice {
        PlaceChoice {
            id: place.id,
            name: place.name.to_owned(),
            region: place.region.to_owned(),
            country: place.country.code().to_owned(),
        }
    }
}

/// The signed-in person's profile and how coordinators see it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MyProfile {
    /// Their name, as a coordinator sees it.
    pub name: String,
    /// The profile, once written.
    pub profile: Option<Profile>,
    /// Its home town.
    pub place: Option<PlaceChoice>,
    /// Whether they hold a valid certificate.
    pub certified: bool,
    /// Whether coordinators see the profile now.
    pub shown: bool,
}

/// The signed-in person's igangsætter profile.
#[server(endpoint = "profile/mine")]
pub async fn load_my_profile() -> Result<MyProfile, AppError> {
    use crate::{
        api::context::{require, state},
        domain::{authz::Action, places, profile::shown_to_coordinators},
        store::profiles,
    };
    let auth = require(Action::Learn)?;
    let db = state()?.db;
    let stored = profiles::find(&db, auth.user.id).await?;
    let certified = profiles::certified(&db, auth.user.id, chrono::Utc::now()).await?;
    let profile = stored.map(|s| s.profile);
    Ok(MyProfile {
        name: auth.user.display_name.clone(),
        place: profile
            .as_ref()
            .and_then(|p| places::find(p.place))
            .map(PlaceChoice::from),
        shown: profile
            .as_ref()
            .is_some_and(|p| shown_to_coordinators(p, certified)),
        certified,
        profile,
    })
}

/// Towns matching `q`, best first (at most 20); for any picker.
#[server(endpoint = "places/search")]
pub async fn search_places(q: String) -> Result<Vec<PlaceChoice>, AppError> {
    use crate::domain::places::{MAX_RESULTS, search};
    if q.chars().count() > 100 {
        return Ok(Vec::new());
    }
    Ok(search(&q, MAX_RESULTS)
        .into_iter()
        .map(PlaceChoice::from)
        .collect())
}

/// Reads the ticked boxes: `topic-<topic>`, `lang-<language>` and `slot-<day>-<part>`.
/// `None` when a box is not one of those.
#[cfg(feature = "ssr")]
fn read_choices(
    choices: &HashMap<String, String>,
) -> Option<(
    Vec<crate::domain::profile::Topic>,
    Vec<crate::domain::language::Language>,
    Vec<crate::domain::matching::Slot>,
)> {
    use crate::domain::{matching::Slot, profile::Topic};
    let (mut topics, mut languages, mut slots) = (Vec::new(), Vec::new(), Vec::new());
    for key in choices.keys() {
        if let Some(topic) = key.strip_prefix("topic-") {
            topics.push(Topic::parse(topic)?);
        } else if let Some(code) = key.strip_prefix("lang-") {
            languages.push(code.parse().ok()?);
        } else if let Some(code) = key.strip_prefix("slot-") {
            slots.push(Slot::parse(code)?);
        } else {
            return None;
        }
    }
    Some((topics, languages, slots))
}

/// Saves the signed-in person's profile. `choices` holds the ticked boxes (see the form).
#[server(endpoint = "profile/save")]
pub async fn save_profile(
    #[server(default)] place: String,
    travel_km: String,
    capacity: String,
    #[server(default)] available: Option<String>,
    #[server(default)] choices: HashMap<String, String>,
) -> Result<(), AppError> {
    use crate::{
        api::context::{require, state},
        domain::{
            authz::Action,
            places,
            profile::{Availability, ProfileFlaw},
        },
        errors::{FieldError, Problem},
        store::profiles,
    };
    let auth = require(Action::Learn)?;
    let (topics, languages, slots) =
        read_choices(&choices).ok_or_else(|| AppError::field("choices", Problem::NotAllowed))?;
    let number = |text: &str| text.trim().parse::<u32>().unwrap_or(0);
    let home = place.trim().parse::<i32>().ok().and_then(places::find);
    let profile = Profile {
        place: home.map_or(0, |p| p.id),
        travel_km: number(&travel_km),
        topics,
        languages,
        availability: Availability::of(slots),
        capacity: number(&capacity),
        available: available.is_some(),
    }
    .normalized();
    let flaws = profile.flaws(home.is_some());
    if !flaws.is_empty() {
        let errors = flaws
            .into_iter()
            .map(|flaw| {
                let (field, problem) = match flaw {
                    ProfileFlaw::UnknownPlace if place.trim().is_empty() => {
                        ("place", Problem::Required)
                    }
                    ProfileFlaw::UnknownPlace => ("place", Problem::NotAllowed),
                    ProfileFlaw::Travel => ("travel_km", Problem::OutOfRange),
                    ProfileFlaw::NoLanguage => ("languages", Problem::Required),
                    ProfileFlaw::Capacity => ("capacity", Problem::OutOfRange),
                };
                FieldError {
                    field: field.into(),
                    problem,
                }
            })
            .collect();
        return Err(AppError::Invalid(errors));
    }
    let Some(home) = home else {
        return Err(AppError::field("place", Problem::Required));
    };
    let db = state()?.db;
    profiles::save(&db, auth.user.id, &profile, home.at, chrono::Utc::now()).await?;
    leptos_axum::redirect("/profile?saved=1");
    Ok(())
}

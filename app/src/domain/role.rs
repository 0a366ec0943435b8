//! Roles a person can hold and kinds of centre.

use serde::{Deserialize, Serialize};
use std::str::FromStr;

/// What a person may do. A person can hold several roles.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Role {
    /// Takes courses; the default on sign-up.
    Volunteer,
    /// Authors courses and follows learners.
    Trainer,
    /// Staff of one or more centres.
    Coordinator,
    /// Runs the platform.
    Admin,
}

impl Role {
    /// Stored and logged form.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Volunteer => "volunteer",
            Role::Trainer => "trainer",
            Role::Coordinator => "coordinator",
            Role::Admin => "admin",
        }
    }
}

/// The value is not a known role.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown role {0:?}")]
pub struct UnknownRole(pub String);

impl FromStr for Role {
    type Err = UnknownRole;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        [
            Role::Volunteer,
            Role::Trainer,
            Role::Coordinator,
            Role::Admin,
        ]
        .into_iter()
        .find(|r| r.as_str() == s)
        .ok_or_else(|| UnknownRole(s.to_owned()))
    }
}

/// The kinds of organisation that post groups and employ coordinators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum CentreKind {
    /// A local volunteer centre (frivilligcenter, frivilligsentral).
    VolunteerCentre,
    /// A municipality's contact point for self-help.
    MunicipalContactPoint,
    /// A user or patient organisation.
    PatientOrganisation,
    /// A self-help organisation.
    SelfHelpOrganisation,
}

impl CentreKind {
    /// Stored form.
    pub fn as_str(self) -> &'static str {
        match self {
            CentreKind::VolunteerCentre => "volunteer_centre",
            CentreKind::MunicipalContactPoint => "municipal_contact_point",
            CentreKind::PatientOrganisation => "patient_organisation",
            CentreKind::SelfHelpOrganisation => "self_help_organisation",
        }
    }
}

/// Countries Igang serves.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Country {
    /// Denmark.
    Dk,
    /// Norway.
    No,
}

impl Country {
    /// ISO 3166 code.
    pub fn code(self) -> &'static str {
        match self {
            Country::Dk => "DK",
            Country::No => "NO",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roles_round_trip_through_their_stored_form() {
        for role in [
            Role::Volunteer,
            Role::Trainer,
            Role::Coordinator,
            Role::Admin,
        ] {
            assert_eq!(role.as_str().parse::<Role>(), Ok(role));
        }
        assert!("superuser".parse::<Role>().is_err());
    }
}

//! Demo content for trying Igang locally: centres and one account per role.

use app::{
    domain::{
        email::EmailAddress,
        language::Language,
        role::{CentreKind, Country, Role},
    },
    security::password,
    store::{StoreResult, centres, people},
};
use chrono::Utc;
use sea_orm::DatabaseConnection;
use std::fmt;

/// Password of every demo account. Demo data is for local trials only.
pub const DEMO_PASSWORD: &str = "igang-demo-2026";

struct DemoCentre {
    name: &'static str,
    kind: CentreKind,
    country: Country,
    municipality: &'static str,
    email: &'static str,
}

const CENTRES: [DemoCentre; 3] = [
    DemoCentre {
        name: "Frivilligcenter Aarhus (demo)",
        kind: CentreKind::VolunteerCentre,
        country: Country::Dk,
        municipality: "Aarhus",
        email: "aarhus.demo@example.org",
    },
    DemoCentre {
        name: "Kontaktpunkt for selvhjelp Bærum (demo)",
        kind: CentreKind::MunicipalContactPoint,
        country: Country::No,
        municipality: "Bærum",
        email: "baerum.demo@example.org",
    },
    DemoCentre {
        name: "Pårørendeforeningen Nord (demo)",
        kind: CentreKind::PatientOrganisation,
        country: Country::Dk,
        municipality: "Aalborg",
        email: "nord.demo@example.org",
    },
];

struct DemoPerson {
    email: &'static str,
    name: &'static str,
    language: Language,
    role: Role,
    /// Index into [`CENTRES`] for coordinators.
    centre: Option<usize>,
}

const PEOPLE: [DemoPerson; 8] = [
    DemoPerson {
        email: "admin.demo@example.org",
        name: "Ada Admin",
        language: Language::Da,
        role: Role::Admin,
        centre: None,
    },
    DemoPerson {
        email: "underviser.demo@example.org",
        name: "Tove Underviser",
        language: Language::Da,
        role: Role::Trainer,
        centre: None,
    },
    DemoPerson {
        email: "kursholder.demo@example.org",
        name: "Kari Kursholder",
        language: Language::Nb,
        role: Role::Trainer,
        centre: None,
    },
    DemoPerson {
        email: "koordinator.demo@example.org",
        name: "Karsten Koordinator",
        language: Language::Da,
        role: Role::Coordinator,
        centre: Some(0),
    },
    DemoPerson {
        email: "koordinator.no.demo@example.org",
        name: "Solveig Koordinator",
        language: Language::Nb,
        role: Role::Coordinator,
        centre: Some(1),
    },
    DemoPerson {
        email: "frivillig.demo@example.org",
        name: "Freja Frivillig",
        language: Language::Da,
        role: Role::Volunteer,
        centre: None,
    },
    DemoPerson {
        email: "frivillig.no.demo@example.org",
        name: "Ola Frivillig",
        language: Language::Nb,
        role: Role::Volunteer,
        centre: None,
    },
    DemoPerson {
        email: "volunteer.demo@example.org",
        name: "Sam Volunteer",
        language: Language::En,
        role: Role::Volunteer,
        centre: None,
    },
];

/// What seeding created.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SeedSummary {
    /// Centres added this time.
    pub centres_created: usize,
    /// Accounts added this time.
    pub people_created: usize,
}

impl fmt::Display for SeedSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Demo content ready: {} new centres, {} new accounts (existing ones were left as they were).",
            self.centres_created, self.people_created
        )?;
        writeln!(f, "Sign in with any of these, password {DEMO_PASSWORD:?}:")?;
        for person in &PEOPLE {
            writeln!(f, "  {:<12} {}", person.role.as_str(), person.email)?;
        }
        writeln!(
            f,
            "Trainers, coordinators and admins set up an authenticator app at their first sign-in."
        )
    }
}

/// Adds the demo centres and accounts that are not there yet.
pub async fn seed(db: &DatabaseConnection) -> anyhow::Result<SeedSummary> {
    let mut summary = SeedSummary::default();
    let now = Utc::now();
    let mut centre_ids = Vec::with_capacity(CENTRES.len());
    for centre in &CENTRES {
        let id = match centres::find_by_name(db, centre.name).await? {
            Some(existing) => existing.id,
            None => {
                summary.centres_created += 1;
                centres::create(
                    db,
                    centres::NewCentre {
                        name: centre.name.to_owned(),
                        kind: centre.kind,
                        country: centre.country,
                        municipality: centre.municipality.to_owned(),
                        contact_email: EmailAddress::parse(centre.email)?,
                    },
                    now,
                )
                .await?
                .id
            }
        };
        centre_ids.push(id);
    }

    // One hash serves every demo account: Argon2 is deliberately slow.
    let hash = tokio::task::spawn_blocking(|| password::hash_password(DEMO_PASSWORD)).await??;
    for person in &PEOPLE {
        let email = EmailAddress::parse(person.email)?;
        let user = match people::find_by_email(db, &email).await? {
            Some(existing) => existing,
            None => {
                summary.people_created += 1;
                people::create_user(
                    db,
                    people::NewUser {
                        email,
                        display_name: person.name.to_owned(),
                        language: person.language,
                        password_hash: Some(hash.clone()),
                        email_verified: true,
                    },
                    now,
                )
                .await?
            }
        };
        grant(db, user.id, person, &centre_ids).await?;
        if person.role == Role::Trainer {
            teach_every_course(db, user.id).await?;
        }
    }
    Ok(summary)
}

async fn grant(
    db: &DatabaseConnection,
    user_id: i32,
    person: &DemoPerson,
    centre_ids: &[i32],
) -> StoreResult<()> {
    people::grant_role(db, user_id, Role::Volunteer, None).await?;
    let centre = person.centre.map(|i| centre_ids[i]);
    people::grant_role(db, user_id, person.role, centre).await
}

/// Makes a demo trainer a trainer of every course, so their learner pages have content.
async fn teach_every_course(db: &DatabaseConnection, user_id: i32) -> anyhow::Result<()> {
    use sea_orm::{EntityTrait, QuerySelect};
    let ids: Vec<app::domain::ids::CourseId> = app::store::entities::course::Entity::find()
        .select_only()
        .column(app::store::entities::course::Column::Id)
        .into_tuple()
        .all(db)
        .await?;
    for id in ids {
        app::store::learning::add_trainer(db, id, user_id, Utc::now()).await?;
    }
    Ok(())
}

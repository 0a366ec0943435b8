//! Demo content for trying Igang locally: centres, one account per role, two certified
//! igangsættere with their profiles, a workshop to sign up for, and groups in each step of
//! their life.

mod groups;

use app::{
    domain::{
        email::EmailAddress,
        language::Language,
        matching::{DayPart, Slot, Weekday},
        places,
        profile::{Availability, Profile, Topic},
        role::{CentreKind, Country, Role},
    },
    security::password,
    store::{StoreResult, centres, certification, people, profiles, workshops},
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

/// Certified igangsættere: volunteers who hold a valid certificate of the shipped programme.
const CERTIFIED: [DemoPerson; 2] = [
    DemoPerson {
        email: "igangsaetter.demo@example.org",
        name: "Ida Igangsætter",
        language: Language::Da,
        role: Role::Volunteer,
        centre: None,
    },
    DemoPerson {
        email: "igangsetter.no.demo@example.org",
        name: "Ivar Igangsetter",
        language: Language::Nb,
        role: Role::Volunteer,
        centre: None,
    },
];

/// The demo igangsættere's profiles, by email: Ida in Aarhus, Ivar in Sandvika (Bærum).
fn demo_profile(email: &str) -> Option<Profile> {
    let evening = |weekday| Slot {
        weekday,
        part: DayPart::Evening,
    };
    let (place, topics, language, days) = match email {
        "igangsaetter.demo@example.org" => (
            2_624_652,
            vec![Topic::Grief, Topic::Loneliness, Topic::Relatives],
            Language::Da,
            [Weekday::Tue, Weekday::Thu],
        ),
        "igangsetter.no.demo@example.org" => (
            3_140_128,
            vec![Topic::Anxiety, Topic::ChronicIllness],
            Language::Nb,
            [Weekday::Mon, Weekday::Wed],
        ),
        _ => return None,
    };
    Some(Profile {
        place,
        travel_km: 30,
        topics,
        languages: vec![language, Language::En],
        availability: Availability::of(days.map(evening)),
        capacity: 2,
        available: true,
    })
}

/// The demo workshop: two weeks ahead, run by the Danish demo trainer.
const WORKSHOP_TITLE: &str = "Workshop: at starte en ny gruppe";

/// What seeding created.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SeedSummary {
    /// Centres added this time.
    pub centres_created: usize,
    /// Accounts added this time.
    pub people_created: usize,
    /// Certificates issued to the demo igangsættere this time.
    pub certificates_issued: usize,
    /// Igangsætter profiles written this time.
    pub profiles_created: usize,
    /// Whether the demo workshop was scheduled this time.
    pub workshop_created: bool,
    /// Demo groups posted this time.
    pub groups_created: usize,
}

impl fmt::Display for SeedSummary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "Demo content ready: {} new centres, {} new accounts, {} new certificates, {} new profiles, {} new groups{} (existing ones were left as they were).",
            self.centres_created,
            self.people_created,
            self.certificates_issued,
            self.profiles_created,
            self.groups_created,
            if self.workshop_created {
                ", a workshop"
            } else {
                ""
            }
        )?;
        writeln!(f, "Sign in with any of these, password {DEMO_PASSWORD:?}:")?;
        for person in &PEOPLE {
            writeln!(f, "  {:<12} {}", person.role.as_str(), person.email)?;
        }
        for person in &CERTIFIED {
            writeln!(f, "  {:<12} {}", "certified", person.email)?;
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
        let user = ensure_person(db, person, &hash, &mut summary).await?;
        grant(db, user.id, person, &centre_ids).await?;
        if person.role == Role::Trainer {
            teach_every_course(db, user.id).await?;
        }
    }
    let programme = certification::all(db)
        .await?
        .into_iter()
        .find(|p| p.slug == certification::DEFAULT_PROGRAMME);
    if let Some(programme) = &programme {
        for person in &CERTIFIED {
            let user = ensure_person(db, person, &hash, &mut summary).await?;
            grant(db, user.id, person, &centre_ids).await?;
            // Certified two months ago, so the certificate has most of its time left.
            let issued = now - chrono::Duration::days(60);
            if certification::recognise(db, programme, user.id, issued)
                .await?
                .is_some()
            {
                summary.certificates_issued += 1;
            }
            let home =
                demo_profile(person.email).and_then(|p| Some((places::find(p.place)?.at, p)));
            if let Some((at, profile)) = home
                && profiles::find(db, user.id).await?.is_none()
            {
                profiles::save(db, user.id, &profile, at, now).await?;
                summary.profiles_created += 1;
            }
        }
        summary.workshop_created = schedule_workshop(db, programme.id, now).await?;
        summary.groups_created = groups::seed(db, &centre_ids, now).await?;
    }
    Ok(summary)
}

/// The account of `person`, created with `hash` when it does not exist yet.
async fn ensure_person(
    db: &DatabaseConnection,
    person: &DemoPerson,
    hash: &str,
    summary: &mut SeedSummary,
) -> anyhow::Result<people::User> {
    let email = EmailAddress::parse(person.email)?;
    if let Some(existing) = people::find_by_email(db, &email).await? {
        return Ok(existing);
    }
    summary.people_created += 1;
    Ok(people::create_user(
        db,
        people::NewUser {
            email,
            display_name: person.name.to_owned(),
            language: person.language,
            password_hash: Some(hash.to_owned()),
            email_verified: true,
        },
        Utc::now(),
    )
    .await?)
}

/// Schedules the demo workshop unless one with its title is ahead already.
async fn schedule_workshop(
    db: &DatabaseConnection,
    programme: app::domain::ids::ProgrammeId,
    now: chrono::DateTime<Utc>,
) -> anyhow::Result<bool> {
    use app::domain::workshops::WorkshopForm;
    let (ahead, _) = workshops::upcoming(db, now, 0, 100).await?;
    if ahead.iter().any(|w| w.workshop.title == WORKSHOP_TITLE) {
        return Ok(false);
    }
    let trainer = people::find_by_email(db, &EmailAddress::parse(PEOPLE[1].email)?)
        .await?
        .ok_or_else(|| anyhow::anyhow!("the demo trainer is missing"))?;
    let day = (now + chrono::Duration::days(14)).date_naive();
    let starts_at = day
        .and_hms_opt(16, 0, 0)
        .map(|t| t.and_utc())
        .ok_or_else(|| anyhow::anyhow!("no such time"))?;
    workshops::create(
        db,
        workshops::NewWorkshop {
            programme,
            form: WorkshopForm {
                title: WORKSHOP_TITLE.to_owned(),
                place: "Frivilligcenter Aarhus, Mejlgade 10, 8000 Aarhus C".to_owned(),
                capacity: 16,
                description: "Vi øver det første møde i en ny gruppe, taler om rollerne og om, \
                              hvordan og hvornår man træder ud."
                    .to_owned(),
            },
            starts_at,
            ends_at: starts_at + chrono::Duration::hours(3),
            language: "da".to_owned(),
        },
        trainer.id,
        now,
    )
    .await?;
    Ok(true)
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

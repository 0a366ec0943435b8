//! Demo groups: for the Danish and the Norwegian demo centre, a group in each step of a
//! group's life, taken there the way the product takes them (a request accepted by the demo
//! igangsætter, then each step), so a coordinator sees a ranked list, a running group and
//! the totals of an outcome survey straight away.

use app::{
    domain::{
        email::EmailAddress,
        group_plan::{Cadence, GroupKind, GroupPlan},
        groups::GroupStatus,
        language::Language,
        matching::Weekday,
        places,
        profile::Topic,
        survey::{Answer, OPEN_DAYS, month_of},
    },
    security::token::new_secret,
    store::{groups, people, requests, surveys},
};
use chrono::{DateTime, Duration, NaiveTime, Utc};
use sea_orm::DatabaseConnection;

/// One demo group and how far its life has come.
struct DemoGroup {
    title: &'static str,
    topic: Topic,
    place: i32,
    weekday: Weekday,
    time: (u32, u32),
    description: &'static str,
    /// The last step reached; every step before it is taken in turn.
    status: GroupStatus,
    /// Why it ended, for an ended group.
    reason: Option<&'static str>,
}

/// A centre's demo groups, its coordinator and the igangsætter who starts them.
struct DemoCentreGroups {
    coordinator: &'static str,
    igangsaetter: &'static str,
    language: Language,
    groups: &'static [DemoGroup],
}

const AARHUS: i32 = 2_624_652;
const SANDVIKA: i32 = 3_140_128;

const DEMO: [DemoCentreGroups; 2] = [
    DemoCentreGroups {
        coordinator: "koordinator.demo@example.org",
        igangsaetter: "igangsaetter.demo@example.org",
        language: Language::Da,
        groups: &[
            DemoGroup {
                title: "Efter et dødsfald – for voksne",
                topic: Topic::Grief,
                place: AARHUS,
                weekday: Weekday::Tue,
                time: (19, 0),
                description: "En gruppe for voksne, der har mistet en nær inden for det sidste par år.",
                status: GroupStatus::Ended,
                reason: Some("Deltagerne ses nu privat og har ikke brug for gruppen længere."),
            },
            DemoGroup {
                title: "Ensomme seniorer mødes",
                topic: Topic::Loneliness,
                place: AARHUS,
                weekday: Weekday::Thu,
                time: (14, 0),
                description: "Eftermiddagsgruppe for ældre, der savner nogen at tale med.",
                status: GroupStatus::SelfLed,
                reason: None,
            },
            DemoGroup {
                title: "Pårørende til en med demens",
                topic: Topic::Relatives,
                place: AARHUS,
                weekday: Weekday::Thu,
                time: (19, 0),
                description: "For ægtefæller og børn, der passer på en, der har fået demens.",
                status: GroupStatus::Matched,
                reason: None,
            },
            DemoGroup {
                title: "Sorggruppe for forældre",
                topic: Topic::Grief,
                place: AARHUS,
                weekday: Weekday::Tue,
                time: (19, 30),
                description: "For forældre, der har mistet et barn. Gruppen mødes i centrets stille lokale.",
                status: GroupStatus::Seeking,
                reason: None,
            },
        ],
    },
    DemoCentreGroups {
        coordinator: "koordinator.no.demo@example.org",
        igangsaetter: "igangsetter.no.demo@example.org",
        language: Language::Nb,
        groups: &[
            DemoGroup {
                title: "Å leve med kroniske smerter",
                topic: Topic::ChronicIllness,
                place: SANDVIKA,
                weekday: Weekday::Wed,
                time: (18, 0),
                description: "For voksne som lever med smerter hver dag og vil dele erfaringer.",
                status: GroupStatus::Running,
                reason: None,
            },
            DemoGroup {
                title: "Angst i hverdagen",
                topic: Topic::Anxiety,
                place: SANDVIKA,
                weekday: Weekday::Mon,
                time: (18, 30),
                description: "For dem som kjenner angsten i jobb, skole eller sosiale sammenhenger.",
                status: GroupStatus::Seeking,
                reason: None,
            },
        ],
    },
];

/// The points of the demo survey answers of a self-led or ended group.
const DEMO_ANSWERS: [[u8; 5]; 6] = [
    [5, 5, 4, 4, 4],
    [4, 5, 4, 3, 4],
    [5, 4, 5, 4, 3],
    [4, 4, 3, 4, 4],
    [5, 5, 4, 5, 4],
    [3, 4, 4, 3, 3],
];

/// Adds the demo groups of each demo centre that has no groups yet; how many were added.
pub async fn seed(
    db: &DatabaseConnection,
    centre_ids: &[i32],
    now: DateTime<Utc>,
) -> anyhow::Result<usize> {
    let mut created = 0;
    for (demo, centre_id) in DEMO.iter().zip(centre_ids) {
        if groups::page_of_centre(db, *centre_id, None, 0, 1).await?.1 > 0 {
            continue;
        }
        let (Some(coordinator), Some(igangsaetter)) = (
            people::find_by_email(db, &EmailAddress::parse(demo.coordinator)?).await?,
            people::find_by_email(db, &EmailAddress::parse(demo.igangsaetter)?).await?,
        ) else {
            continue;
        };
        for group in demo.groups {
            create_one(
                db,
                *centre_id,
                coordinator.id,
                igangsaetter.id,
                demo.language,
                group,
                now,
            )
            .await?;
            created += 1;
        }
    }
    Ok(created)
}

/// Posts one group a while back and takes it through its life up to its status.
async fn create_one(
    db: &DatabaseConnection,
    centre_id: i32,
    coordinator: i32,
    igangsaetter: i32,
    language: Language,
    group: &DemoGroup,
    now: DateTime<Utc>,
) -> anyhow::Result<()> {
    use GroupStatus::*;
    let place =
        places::find(group.place).ok_or_else(|| anyhow::anyhow!("demo town {}", group.place))?;
    // The further along a group is, the longer ago it was posted.
    let reached = GroupStatus::ALL
        .iter()
        .position(|s| *s == group.status)
        .unwrap_or(0);
    let posted = now - Duration::days(30 + 60 * i64::try_from(reached).unwrap_or(0));
    let plan = GroupPlan {
        title: group.title.to_owned(),
        topic: group.topic,
        kind: GroupKind::SelfHelp,
        language,
        place: group.place,
        weekday: group.weekday,
        time: NaiveTime::from_hms_opt(group.time.0, group.time.1, 0).unwrap_or_default(),
        cadence: Cadence::Fortnightly,
        starts_on: (posted + Duration::days(28)).date_naive(),
        meetings: 6,
        description: group.description.to_owned(),
    };
    let id = groups::create(db, centre_id, coordinator, &plan, place.at, posted).await?;
    if group.status == Seeking {
        return Ok(());
    }
    let asked = posted + Duration::days(2);
    let message = match language {
        Language::Nb => "Vi tenkte straks på deg. Har du lyst?",
        _ => "Vi tænkte straks på dig. Har du lyst?",
    };
    let request = requests::send(
        db,
        id,
        igangsaetter,
        coordinator,
        message,
        asked,
        asked + Duration::days(7),
    )
    .await?;
    requests::accept(db, request, igangsaetter, asked + Duration::days(1)).await?;
    let mut at = posted + Duration::days(28);
    let mut from = Matched;
    for to in [Running, SelfLed, Ended] {
        if reached < GroupStatus::ALL.iter().position(|s| *s == to).unwrap_or(0) {
            break;
        }
        let reason = (to == Ended).then(|| group.reason.unwrap_or_default().to_owned());
        groups::advance(db, id, (from, to), None, reason, at).await?;
        from = to;
        at += Duration::days(42);
    }
    if matches!(group.status, SelfLed | Ended) {
        let (token, _) = new_secret();
        surveys::open(db, id, &token, at, at + Duration::days(OPEN_DAYS)).await?;
        let month = month_of(at.date_naive());
        for points in DEMO_ANSWERS {
            surveys::answer(db, id, &month, Answer(points)).await?;
        }
    }
    Ok(())
}

//! `seed-bench`: fills an empty scratch database with a national data set for the
//! benchmarks: people, certified igangsættere over the Danish and Norwegian towns, centres
//! with their coordinators, groups in every state of their life, thousands of learners in one
//! course, a million lessons done and hundreds of thousands of quiz attempts. Rows go in by
//! the hundred in one statement, so a national set takes minutes. It ends by writing the
//! addresses to load and a signed-in session for each kind of person to a file the load
//! scripts read.

mod learning;

use super::{
    bench::{self, DOMAIN},
    made_up::own_language,
};
use crate::{config::Config, startup};
use anyhow::Context;
use app::{
    domain::{
        email::EmailAddress,
        groups::GroupStatus,
        language::Language,
        places,
        role::{CentreKind, Role},
    },
    security::{password::hash_password, token::new_secret},
    store::{
        centres,
        entities::{group, user, user_role},
        sessions,
    },
};
use chrono::{Duration, Utc};
use rand::{Rng, SeedableRng, rngs::StdRng};
use sea_orm::{
    ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set, TransactionTrait, sea_query::Expr,
};
use std::{path::Path, time::Instant};

/// The password of every made-up account, for the sign-in benchmark.
pub const BENCH_PASSWORD: &str = "en rolig tirsdag i haven";
/// Rows written per statement.
const ROWS: usize = 500;
/// Centres made: one per large town.
const CENTRES: usize = 100;

/// How much to make.
#[derive(Clone, Copy, Debug, clap::Args)]
pub struct Sizes {
    /// Accounts in all, igangsættere included.
    #[arg(long, default_value_t = 100_000)]
    pub people: usize,
    /// Certified igangsættere with a profile, spread over the Danish and Norwegian towns.
    #[arg(long, default_value_t = 20_000)]
    pub igangsaettere: usize,
    /// Groups posted by the centres, in every state of a group's life.
    #[arg(long, default_value_t = 10_000)]
    pub groups: usize,
    /// Lessons done, over all learners.
    #[arg(long, default_value_t = 1_000_000)]
    pub progress: usize,
    /// Quiz attempts, over all learners.
    #[arg(long, default_value_t = 200_000)]
    pub attempts: usize,
    /// Learners in the one large course.
    #[arg(long, default_value_t = 5_000)]
    pub big_course: usize,
}

/// Fills the database named by the configuration, then writes what the load scripts need to
/// `out` (shell `KEY=value` lines).
pub async fn seed(config: &Config, sizes: Sizes, out: &Path) -> anyhow::Result<()> {
    anyhow::ensure!(
        sizes.igangsaettere <= sizes.people,
        "--igangsaettere cannot be more than --people"
    );
    let db = startup::open_database(config).await?;
    let existing = user::Entity::find().count(&db).await?;
    anyhow::ensure!(
        existing == 0,
        "seed-bench writes a made-up national data set; point DATABASE_URL at an empty scratch database (this one has {existing} accounts)"
    );
    let mut rng = StdRng::seed_from_u64(2026);
    let started = Instant::now();
    let step = |what: &str, count: usize, since: Instant| {
        eprintln!(
            "{what:>34}: {count:>9} in {:>6.1} s",
            since.elapsed().as_secs_f64()
        );
    };

    let t = Instant::now();
    bench::fill(&db, sizes.igangsaettere).await?;
    step("certified igangsættere", sizes.igangsaettere, t);

    let t = Instant::now();
    let hash = hash_password(BENCH_PASSWORD).map_err(|e| anyhow::anyhow!("{e}"))?;
    let others = sizes.people - sizes.igangsaettere;
    add_people(&db, "person", others, &hash, Role::Volunteer, |_| None).await?;
    step("other volunteers", others, t);

    let t = Instant::now();
    let centres = add_centres(&db).await?;
    let coordinators = add_people(
        &db,
        "coordinator",
        centres.len(),
        &hash,
        Role::Coordinator,
        |n| Some(centres[n].id),
    )
    .await?;
    let admins = add_people(&db, "admin", 1, &hash, Role::Admin, |_| None).await?;
    // Staff have an authenticator: their sessions below count as past the code step.
    user::Entity::update_many()
        .col_expr(user::Column::TotpEnabledAt, Expr::value(Some(Utc::now())))
        .filter(user::Column::Id.is_in(coordinators.iter().chain(&admins).copied()))
        .exec(&db)
        .await?;
    step("centres with a coordinator", centres.len(), t);

    let t = Instant::now();
    let groups = add_groups(&db, &centres, &coordinators, sizes.groups, &mut rng).await?;
    step("groups", sizes.groups, t);

    let t = Instant::now();
    let learners: Vec<i32> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::Email.like(format!("person-%{DOMAIN}")))
        .order_by_asc(user::Column::Id)
        .into_tuple()
        .all(&db)
        .await?;
    let taught = learning::fill(&db, &learners, sizes, &mut rng).await?;
    step("lessons done", taught.completions, t);
    eprintln!("{:>34}: {:>9}", "quiz attempts", taught.attempts);
    eprintln!("{:>34}: {:>9}", "enrolments", taught.enrolments);

    // A signed-in session for each kind of person the load scripts play.
    let volunteer = *learners.first().context("no learners: raise --people")?;
    let seeking = groups
        .first()
        .copied()
        .context("no group seeks: raise --groups")?;
    let mut lines = vec![
        format!("BENCH_LESSON=/learn/lessons/{}", taught.lesson),
        format!("BENCH_LEARNERS=/teach/courses/{}", taught.course_public_id),
        format!("BENCH_GROUP=/groups/{seeking}"),
        format!(
            "BENCH_CENTRE_DASHBOARD=/centres/{}/dashboard",
            centres[0].public_id
        ),
        "BENCH_TRAINING_DASHBOARD=/teach/results".to_owned(),
        "BENCH_NATIONAL_DASHBOARD=/admin/results?level=region".to_owned(),
        format!("BENCH_SIGN_IN_EMAIL=person-0{DOMAIN}"),
        format!("BENCH_SIGN_IN_PASSWORD='{BENCH_PASSWORD}'"),
    ];
    for (key, id, staff) in [
        ("BENCH_VOLUNTEER_COOKIE", volunteer, false),
        ("BENCH_COORDINATOR_COOKIE", coordinators[0], true),
        ("BENCH_ADMIN_COOKIE", admins[0], true),
    ] {
        let (secret, hash) = new_secret();
        sessions::create(&db, id, hash, staff, Utc::now()).await?;
        lines.push(format!("{key}=igang_session={secret}"));
    }
    std::fs::write(out, lines.join("\n") + "\n")
        .with_context(|| format!("cannot write {}", out.display()))?;
    eprintln!(
        "Done in {:.0} s; addresses and sessions in {}.",
        started.elapsed().as_secs_f64(),
        out.display()
    );
    Ok(())
}

/// Adds `count` accounts `<prefix>-<n>@bench.invalid` with password `hash`, each a volunteer
/// and, besides, holding `role` at the centre `centre_of(n)`; their ids in order.
async fn add_people(
    db: &DatabaseConnection,
    prefix: &str,
    count: usize,
    hash: &str,
    role: Role,
    centre_of: impl Fn(usize) -> Option<i32>,
) -> anyhow::Result<Vec<i32>> {
    let now = Utc::now();
    let mut ids = Vec::with_capacity(count);
    for start in (0..count).step_by(ROWS) {
        let end = (start + ROWS).min(count);
        let txn = db.begin().await?;
        let rows = (start..end).map(|n| user::ActiveModel {
            public_id: Set(uuid::Uuid::new_v4().to_string()),
            email: Set(format!("{prefix}-{n}{DOMAIN}")),
            display_name: Set(format!("{} {n}", capitalised(prefix))),
            language: Set((if n % 5 == 0 {
                Language::Nb
            } else {
                Language::Da
            })
            .code()
            .to_owned()),
            password_hash: Set(Some(hash.to_owned())),
            email_verified_at: Set(Some(now)),
            created_at: Set(now),
            ..Default::default()
        });
        user::Entity::insert_many(rows).exec(&txn).await?;
        let emails: Vec<String> = (start..end)
            .map(|n| format!("{prefix}-{n}{DOMAIN}"))
            .collect();
        let added: Vec<i32> = user::Entity::find()
            .select_only()
            .column(user::Column::Id)
            .filter(user::Column::Email.is_in(emails))
            .order_by_asc(user::Column::Id)
            .into_tuple()
            .all(&txn)
            .await?;
        let mut roles: Vec<user_role::ActiveModel> = added
            .iter()
            .map(|id| user_role::ActiveModel {
                user_id: Set(*id),
                role: Set(Role::Volunteer),
                centre_id: Set(None),
                ..Default::default()
            })
            .collect();
        if role != Role::Volunteer {
            roles.extend(
                added
                    .iter()
                    .zip(start..)
                    .map(|(id, n)| user_role::ActiveModel {
                        user_id: Set(*id),
                        role: Set(role),
                        centre_id: Set(centre_of(n)),
                        ..Default::default()
                    }),
            );
        }
        user_role::Entity::insert_many(roles).exec(&txn).await?;
        txn.commit().await?;
        ids.extend(added);
    }
    Ok(ids)
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// A made-up centre and the town it is in.
struct Centre {
    id: i32,
    public_id: String,
    town: &'static places::Place,
}

/// One volunteer centre in each of the largest towns.
async fn add_centres(db: &DatabaseConnection) -> anyhow::Result<Vec<Centre>> {
    let mut towns: Vec<&'static places::Place> = places::all().iter().collect();
    towns.sort_by_key(|t| std::cmp::Reverse(t.population));
    let mut made = Vec::new();
    for town in towns.iter().take(CENTRES) {
        let centre = centres::create(
            db,
            centres::NewCentre {
                name: format!("Frivilligcenter {}", town.name),
                kind: CentreKind::VolunteerCentre,
                country: town.country,
                municipality: town.name.to_owned(),
                contact_email: EmailAddress::parse(&format!("centre-{}{DOMAIN}", town.id))?,
            },
            Utc::now(),
        )
        .await?;
        made.push(Centre {
            id: centre.id,
            public_id: centre.public_id,
            town,
        });
    }
    Ok(made)
}

/// Adds `count` groups, spread over the centres and their towns, in every state of a
/// group's life; the ids of those still seeking.
async fn add_groups(
    db: &DatabaseConnection,
    centres: &[Centre],
    coordinators: &[i32],
    count: usize,
    rng: &mut StdRng,
) -> anyhow::Result<Vec<i32>> {
    let igangsaettere: Vec<i32> = user::Entity::find()
        .select_only()
        .column(user::Column::Id)
        .filter(user::Column::Email.like(format!("igangsaetter-%{DOMAIN}")))
        .limit(5_000)
        .into_tuple()
        .all(db)
        .await?;
    let now = Utc::now();
    for start in (0..count).step_by(ROWS) {
        let end = (start + ROWS).min(count);
        let rows: Vec<group::ActiveModel> = (start..end)
            .map(|n| {
                let c = n % centres.len();
                let town = centres[c].town;
                // The first group of the first centre seeks, for the candidates' page.
                let status = match if n == 0 { 0 } else { rng.random_range(0..10) } {
                    0..=2 => GroupStatus::Seeking,
                    3 => GroupStatus::Matched,
                    4..=6 => GroupStatus::Running,
                    7 => GroupStatus::SelfLed,
                    _ => GroupStatus::Ended,
                };
                // Posted within the last year and a half; each step some weeks later.
                let created = now - Duration::days(rng.random_range(0..540));
                let step = |weeks: i64| created + Duration::weeks(weeks);
                let with_igangsaetter = status != GroupStatus::Seeking && !igangsaettere.is_empty();
                group::ActiveModel {
                    centre_id: Set(centres[c].id),
                    created_by: Set(Some(coordinators[c])),
                    title: Set(format!("Samtalegruppe {n}")),
                    topic: Set(["grief", "cancer", "anxiety", "loneliness"][n % 4].to_owned()),
                    kind: Set("self_help".to_owned()),
                    language: Set(own_language(town.country).code().to_owned()),
                    place_id: Set(town.id),
                    lat: Set(town.at.lat),
                    lon: Set(town.at.lon),
                    weekday: Set(["mon", "tue", "wed", "thu"][n % 4].to_owned()),
                    meets_at: Set("19:00".to_owned()),
                    cadence: Set("weekly".to_owned()),
                    starts_on: Set((created + Duration::weeks(6)).date_naive()),
                    meetings: Set(6),
                    description: Set(String::new()),
                    status: Set(status.as_str().to_owned()),
                    igangsaetter_id: Set(
                        with_igangsaetter.then(|| igangsaettere[n % igangsaettere.len()])
                    ),
                    created_at: Set(created),
                    matched_at: Set(with_igangsaetter.then(|| step(2))),
                    running_at: Set(matches!(
                        status,
                        GroupStatus::Running | GroupStatus::SelfLed | GroupStatus::Ended
                    )
                    .then(|| step(6))),
                    self_led_at: Set(matches!(status, GroupStatus::SelfLed | GroupStatus::Ended)
                        .then(|| step(20))),
                    ended_at: Set((status == GroupStatus::Ended).then(|| step(40))),
                    ending_reason: Set((status == GroupStatus::Ended)
                        .then(|| "Gruppen kører videre af sig selv.".to_owned())),
                    ..Default::default()
                }
            })
            .collect();
        group::Entity::insert_many(rows).exec(db).await?;
    }
    Ok(group::Entity::find()
        .select_only()
        .column(group::Column::Id)
        .filter(group::Column::Status.eq(GroupStatus::Seeking.as_str()))
        .filter(group::Column::CentreId.eq(centres[0].id))
        .order_by_asc(group::Column::Id)
        .into_tuple()
        .all(db)
        .await?)
}

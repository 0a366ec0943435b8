//! `bench-ranking`: fills a scratch database with made-up certified igangsættere spread over
//! the Danish and Norwegian towns, then times what a group's page does to rank them (the
//! store's read of who may be within reach, then the rules' exact scoring), for groups in
//! several towns. It refuses a database that holds anyone else.

use super::made_up::{self, Towns, own_language};
use crate::{config::Config, startup};
use anyhow::Context;
use app::{
    domain::{
        email::EmailAddress,
        group_plan::{Cadence, GroupKind, GroupPlan},
        language::Language,
        matching::{Weekday, rank},
        places,
        profile::Topic,
    },
    store::{certification, db::begin_write, entities::user, matching, people, profiles},
};
use chrono::{NaiveDate, NaiveTime, Utc};
use rand::{SeedableRng, rngs::StdRng};
use sea_orm::{ColumnTrait, DatabaseConnection, EntityTrait, PaginatorTrait, QueryFilter};
use std::time::{Duration, Instant};

/// The domain every made-up account's address is in.
pub(super) const DOMAIN: &str = "@bench.invalid";
/// Accounts written per transaction.
const BATCH: usize = 500;
/// The towns groups are ranked for, by GeoNames id.
const GROUP_TOWNS: [(i32, &str); 6] = [
    (2_618_425, "København"),
    (2_624_652, "Aarhus"),
    (3_143_244, "Oslo"),
    (3_161_732, "Bergen"),
    (3_133_880, "Trondheim"),
    (3_133_895, "Tromsø"),
];

/// Fills the database named by the configuration up to `people` igangsættere, then ranks
/// them `runs` times for a group in each of [`GROUP_TOWNS`] and prints the times.
pub async fn ranking(config: &Config, people: usize, runs: usize) -> anyhow::Result<()> {
    anyhow::ensure!(runs > 0, "--runs must be at least 1");
    let db = startup::open_database(config).await?;
    let others = user::Entity::find()
        .filter(user::Column::Email.not_like(format!("%{DOMAIN}")))
        .count(&db)
        .await?;
    anyhow::ensure!(
        others == 0,
        "bench-ranking writes made-up igangsættere; point DATABASE_URL at an empty scratch database (this one has {others} real accounts)"
    );
    let started = Instant::now();
    let added = fill(&db, people).await?;
    if added > 0 {
        eprintln!(
            "Wrote {added} made-up igangsættere in {:.1} s.",
            started.elapsed().as_secs_f64()
        );
    }
    println!(
        "Ranking {people} igangsættere ({}), {runs} runs per group:\n",
        config.database_url_for_display()
    );
    println!("| group in  | within reach | eligible |   p50 |   p95 |   max |");
    println!("|-----------|-------------:|---------:|------:|------:|------:|");
    for (place, name) in GROUP_TOWNS {
        let at = places::find(place)
            .with_context(|| format!("town {place}"))?
            .at;
        let need = plan(place).need(at);
        let mut times = Vec::with_capacity(runs);
        let (mut near, mut eligible) = (0, 0);
        for _ in 0..runs {
            let start = Instant::now();
            let found = matching::candidates_near(&db, at, Utc::now()).await?;
            let ranked = rank(&found, &need);
            times.push(start.elapsed());
            (near, eligible) = (found.len(), ranked.len());
        }
        times.sort();
        let at_share = |share: f64| {
            let index = ((times.len() as f64 * share).ceil() as usize).clamp(1, times.len()) - 1;
            times[index]
        };
        let ms = |d: Duration| format!("{:.1}", d.as_secs_f64() * 1000.0);
        println!(
            "| {name:<9} | {near:>12} | {eligible:>8} | {:>5} | {:>5} | {:>5} |",
            ms(at_share(0.5)),
            ms(at_share(0.95)),
            ms(times[times.len() - 1]),
        );
    }
    println!(
        "\nTimes in milliseconds, in-process: the read of who may be in reach and the exact ranking."
    );
    Ok(())
}

/// A Tuesday-evening grief group meeting in `place`, in its country's language.
fn plan(place: i32) -> GroupPlan {
    GroupPlan {
        title: "Bench".to_owned(),
        topic: Topic::Grief,
        kind: GroupKind::SelfHelp,
        language: places::find(place).map_or(Language::Da, |p| own_language(p.country)),
        place,
        weekday: Weekday::Tue,
        time: NaiveTime::from_hms_opt(19, 0, 0).unwrap_or_default(),
        cadence: Cadence::Weekly,
        starts_on: NaiveDate::from_ymd_opt(2030, 1, 1).unwrap_or_default(),
        meetings: 6,
        description: String::new(),
    }
}

/// Adds made-up igangsættere (see [`made_up`]) until there are `people`; how many were added.
pub(super) async fn fill(db: &DatabaseConnection, people: usize) -> anyhow::Result<usize> {
    let existing = user::Entity::find().count(db).await? as usize;
    let programme = certification::all(db)
        .await?
        .into_iter()
        .find(|p| p.slug == certification::DEFAULT_PROGRAMME)
        .context("the shipped programme is missing")?;
    let towns = Towns::default();
    let now = Utc::now();
    let mut rng = StdRng::seed_from_u64(2026);
    let mut n = existing;
    while n < people {
        let txn = begin_write(db).await?;
        let end = (n + BATCH).min(people);
        for i in n..end {
            let town = towns.home(i, &mut rng);
            let own = own_language(town.country);
            let person = people::create_user(
                &txn,
                people::NewUser {
                    email: EmailAddress::parse(&format!("igangsaetter-{i}{DOMAIN}"))?,
                    display_name: format!("Igangsætter {i}"),
                    language: own,
                    password_hash: None,
                    email_verified: true,
                },
                now,
            )
            .await?;
            certification::recognise(&txn, &programme, person.id, now).await?;
            let profile = made_up::profile(town, &mut rng);
            profiles::save(&txn, person.id, &profile, town.at, now).await?;
        }
        txn.commit().await?;
        n = end;
    }
    Ok(people.saturating_sub(existing))
}

//! The rules' ranking of 20,000 made-up certified igangsættere for a Tuesday-evening grief
//! group in a large, a middling and a northern town, in-process: every one of them checked
//! for eligibility (most are out of reach), scored and ordered. What the store reads within
//! reach of a group is timed with the database by `server bench-ranking` and over HTTP by
//! `bench/national.sh`.

use app::domain::{
    matching::{DayPart, Need, Slot, Weekday, rank},
    places,
    profile::Topic,
};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use rand::{SeedableRng, rngs::StdRng};
use server::cli::made_up;
use std::hint::black_box;

/// How many igangsættere are ranked.
const PEOPLE: usize = 20_000;
/// The group's towns: København, Oslo and Tromsø (GeoNames ids).
const TOWNS: [i32; 3] = [2_618_425, 3_143_244, 3_133_895];

fn ranking(c: &mut Criterion) {
    let people = made_up::candidates(PEOPLE, &mut StdRng::seed_from_u64(2026));
    let mut group = c.benchmark_group(format!("rank {PEOPLE} igangsaettere"));
    for id in TOWNS {
        let Some(town) = places::find(id) else {
            panic!("town {id} is missing from the places index");
        };
        let need = Need {
            place: town.at,
            topic: Topic::Grief.as_str().to_owned(),
            language: made_up::own_language(town.country),
            slot: Slot {
                weekday: Weekday::Tue,
                part: DayPart::Evening,
            },
        };
        group.bench_with_input(BenchmarkId::from_parameter(town.name), &need, |b, need| {
            b.iter(|| rank(black_box(&people), need));
        });
    }
    group.finish();
}

criterion_group!(benches, ranking);
criterion_main!(benches);

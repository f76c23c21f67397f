//! Engine benchmarks on deterministic synthetic indexes (10k and 100k articles): building
//! the search structures, and the query set the peer baseline was measured with.
//!
//! Run: `cargo bench --bench engine` (add `-- --quick` for a short run).
//!
//! `TOPIC_CARDS_BENCH_INDEX=FILE` adds one more group, `file`, over that index JSON with the
//! facet on its most used topic, as the browser bench picks it: with the browser bench's
//! own 100k index (bench/out/synth-100k/index.json) this measures natively the queries
//! whose Wasm time the widget's `tc-query` measure reports. The generated indexes above are
//! another corpus (other vocabulary, topics and match counts), so they are no yardstick
//! for those figures.

#[path = "../tests/support/mod.rs"]
mod support;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use topic_cards::model::{Index, FIRST_VIEW_CARDS};
use topic_cards::query::{Engine, Query};

fn queries(topic: u32) -> Vec<(&'static str, Query)> {
    let text = |t: &str| Query {
        text: t.into(),
        limit: FIRST_VIEW_CARDS,
        ..Query::default()
    };
    vec![
        ("browse", text("")),
        ("telehealth", text("telehealth")),
        ("tele", text("tele")),
        ("data privacy", text("data privacy")),
        ("accessibilty", text("accessibilty")),
        (
            "facet only",
            Query {
                topics: vec![topic],
                ..text("")
            },
        ),
        (
            "facet + data",
            Query {
                topics: vec![topic],
                ..text("data")
            },
        ),
    ]
}

fn bench(c: &mut Criterion) {
    for size in [10_000, 100_000] {
        let index = support::synthetic(size, 42);
        bench_index(c, &format!("{}k", size / 1000), index, 3);
    }
    if let Some(path) = std::env::var_os("TOPIC_CARDS_BENCH_INDEX") {
        let json = std::fs::read(&path).expect("TOPIC_CARDS_BENCH_INDEX: readable file");
        let index = topic_cards::index::decode(&json).expect("TOPIC_CARDS_BENCH_INDEX: an index");
        // The most used topic, first in topic order on a tie.
        let topic = (0..index.topics.len())
            .max_by_key(|&t| (index.topics[t].count, std::cmp::Reverse(t)))
            .unwrap_or(0) as u32;
        bench_index(c, "file", index, topic);
    }
}

fn bench_index(c: &mut Criterion, name: &str, index: Index, topic: u32) {
    let size = index.articles.len();
    let mut group = c.benchmark_group(name);
    group.sample_size(if size > 10_000 { 10 } else { 20 });
    group.bench_function("prepare_search", |b| {
        b.iter_batched(
            || Engine::new(index.clone()),
            |mut engine| {
                engine.prepare_search();
                engine
            },
            BatchSize::LargeInput,
        )
    });
    let mut engine = Engine::new(index);
    engine.prepare_search();
    if let Some((terms, postings)) = engine.search_size() {
        eprintln!("{name}: {size} articles, {terms} terms, {postings} postings");
    }
    group.sample_size(50);
    for (query_name, query) in queries(topic) {
        let total = engine.run(&query).total;
        eprintln!("{name}, {query_name:?}: {total} matches");
        group.bench_function(query_name, |b| b.iter(|| engine.run(&query)));
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! Engine benchmarks on deterministic synthetic indexes (10k and 100k articles): building
//! the search structures, and the query set the peer baseline was measured with.
//!
//! Run: `cargo bench --bench engine` (add `-- --quick` for a short run).

#[path = "../tests/support/mod.rs"]
mod support;

use criterion::{criterion_group, criterion_main, BatchSize, Criterion};
use topic_cards::model::FIRST_VIEW_CARDS;
use topic_cards::query::{Engine, Query};

fn queries() -> Vec<(&'static str, Query)> {
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
                topics: vec![3],
                ..text("")
            },
        ),
        (
            "facet + data",
            Query {
                topics: vec![3],
                ..text("data")
            },
        ),
    ]
}

fn bench(c: &mut Criterion) {
    for size in [10_000, 100_000] {
        let index = support::synthetic(size, 42);
        let mut group = c.benchmark_group(format!("{}k", size / 1000));
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
        let mut engine = Engine::new(index.clone());
        engine.prepare_search();
        if let Some((terms, postings)) = engine.search_size() {
            eprintln!("{size} articles: {terms} terms, {postings} postings");
        }
        group.sample_size(50);
        for (name, query) in queries() {
            let total = engine.run(&query).total;
            eprintln!("{size} articles, {name:?}: {total} matches");
            group.bench_function(name, |b| b.iter(|| engine.run(&query)));
        }
        group.finish();
    }
}

criterion_group!(benches, bench);
criterion_main!(benches);

//! The bench's six warm queries over a real index file, timed natively: for profiling the
//! engine (`perf record`) on the same corpus the browser bench uses.
//! `cargo run --release --example query_profile -- bench/out/synth-100k/index.json [passes]`

use std::time::Instant;
use topic_cards::model::FIRST_VIEW_CARDS;
use topic_cards::query::{Engine, Query};

fn main() {
    let mut args = std::env::args().skip(1);
    let Some(path) = args.next() else {
        eprintln!("usage: query_profile INDEX.json [passes]");
        std::process::exit(2);
    };
    let passes: usize = args.next().and_then(|p| p.parse().ok()).unwrap_or(20);
    let bytes = std::fs::read(&path).expect("read the index");
    let index = topic_cards::index::decode(&bytes).expect("a valid index");
    let mut engine = Engine::new(index);
    engine.prepare_search();
    // The most used topic, as the bench picks its facet.
    let topic = (0..engine.index().topics.len())
        .max_by_key(|&t| engine.index().topics[t].count)
        .unwrap_or(0) as u32;
    let text = |t: &str| Query {
        text: t.into(),
        limit: FIRST_VIEW_CARDS,
        ..Query::default()
    };
    let queries = [
        ("telehealth", text("telehealth")),
        ("tele", text("tele")),
        ("data privacy", text("data privacy")),
        ("accessibilty", text("accessibilty")),
        (
            "facet",
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
    ];
    for (name, query) in &queries {
        let total = engine.run(query).total;
        let started = Instant::now();
        for _ in 0..passes {
            std::hint::black_box(engine.run(query));
        }
        let each = started.elapsed().as_secs_f64() * 1000.0 / passes as f64;
        println!("{name:<14} {total:>7} matches  {each:.3} ms");
    }
}

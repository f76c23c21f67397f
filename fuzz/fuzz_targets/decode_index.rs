//! The widget's index loaders on any bytes: `decode`, the streaming `PrefixScanner` (fed in
//! chunks whose size comes from the input) with `decode_first_view` on what it finds, and
//! the query engine on every index that decodes. A decoded index has passed validation, so
//! the engine must answer queries over it without a panic and with ids inside its tables.
#![no_main]

use libfuzzer_sys::fuzz_target;
use topic_cards::index::split::PrefixState;
use topic_cards::index::{decode, decode_first_view, PrefixScanner};
use topic_cards::model::Index;
use topic_cards::query::{Engine, Query, Results, Sort};
use topic_cards::state::WidgetState;

fuzz_target!(|bytes: &[u8]| {
    scan_prefix(bytes);
    let _ = decode_first_view(bytes);
    if let Ok(index) = decode(bytes) {
        query_all(index);
    }
});

fn scan_prefix(bytes: &[u8]) {
    let chunk = bytes.first().map_or(1, |&b| usize::from(b % 61) + 1);
    let mut scanner = PrefixScanner::new();
    for piece in bytes.chunks(chunk) {
        match scanner.feed(piece) {
            PrefixState::Pending => continue,
            PrefixState::Absent => return,
            PrefixState::Found { len } => {
                assert!(
                    len <= bytes.len(),
                    "prefix {len} beyond {} bytes",
                    bytes.len()
                );
                let _ = decode_first_view(&bytes[..len]);
                return;
            }
        }
    }
}

fn query_all(index: Index) {
    let mut engine = Engine::new(index.clone());
    let word = index
        .articles
        .first()
        .and_then(|a| a.title.split_whitespace().next())
        .unwrap_or("health")
        .to_string();
    let mut queries = vec![
        Query {
            limit: 12,
            ..Query::default()
        },
        Query {
            text: word.clone(),
            limit: 5,
            ..Query::default()
        },
        Query {
            text: format!("{word}x"),
            sort: Sort::Newest,
            date_from: Some("2020".into()),
            limit: 3,
            ..Query::default()
        },
    ];
    for t in 0..index.topics.len().min(8) as u32 {
        queries.push(Query {
            topics: vec![t],
            types: vec![0],
            brands: vec![0],
            limit: 4,
            ..Query::default()
        });
    }
    for query in &queries {
        let results = engine.run(query);
        check(&index, query, &results);
    }
    let view = engine.first_view();
    assert!(view.articles.len() <= topic_cards::model::FIRST_VIEW_CARDS);
    // A state naming every topic by slug, normalised and turned back into a query.
    let mut state = WidgetState {
        topics: index
            .topics
            .iter()
            .take(8)
            .map(|t| t.slug.clone())
            .collect(),
        types: index.types.iter().take(2).map(|t| t.name.clone()).collect(),
        ..WidgetState::default()
    };
    let _ = state.normalize(&engine);
    let query = state.to_query(&engine, 6);
    let results = engine.run(&query);
    check(&index, &query, &results);
}

fn check(index: &Index, query: &Query, results: &Results) {
    assert!(results.total <= index.articles.len());
    assert!(results.hits.len() <= query.limit.min(results.total));
    assert!(results
        .hits
        .iter()
        .all(|&a| (a as usize) < index.articles.len()));
    assert_eq!(results.topic_counts.len(), index.topics.len());
    assert_eq!(results.type_counts.len(), index.types.len());
    assert_eq!(results.brand_counts.len(), index.brands.len());
    assert!(results
        .offerings
        .iter()
        .all(|o| (o.offering as usize) < index.offerings.len()));
}

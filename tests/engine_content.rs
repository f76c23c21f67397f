//! The engine over real indexes: the project's sample content (always), and the digitalgov
//! news corpus when it is present on the machine. Built with the indexer's own API, so this
//! also checks that what the indexer writes is what the engine reads and counts.
#![cfg(feature = "cli")]

mod support;

use std::path::Path;
use std::time::Instant;

use topic_cards::index::build::index_folder;
use topic_cards::index::split::PrefixState;
use topic_cards::index::{decode, decode_first_view, encode, PrefixScanner};
use topic_cards::model::Index;
use topic_cards::query::{first_view, Engine, Query};

fn build(root: &Path) -> Index {
    index_folder(root, None, &mut |_| {})
        .expect("content folder builds")
        .0
}

fn query(text: &str) -> Query {
    Query {
        text: text.into(),
        limit: 12,
        ..Query::default()
    }
}

/// What holds for any index the indexer writes.
fn check_consistency(index: &Index) {
    let json = encode(index);
    assert_eq!(&decode(json.as_bytes()).expect("decodes"), index);
    assert_eq!(index.first_view.as_ref(), Some(&first_view(index)));
    let mut scanner = PrefixScanner::new();
    let PrefixState::Found { len } = scanner.feed(json.as_bytes()) else {
        panic!("the first view is found");
    };
    let part = decode_first_view(&json.as_bytes()[..len]).expect("prefix decodes");
    assert_eq!(Some(&part.first_view), index.first_view.as_ref());

    // The browse counts are the counts the index states.
    let mut engine = Engine::new(index.clone());
    let browse = engine.run(&query(""));
    assert_eq!(browse.total, index.articles.len());
    let stated: Vec<u32> = index.topics.iter().map(|t| t.count).collect();
    assert_eq!(browse.topic_counts, stated);
    let stated: Vec<u32> = index.types.iter().map(|t| t.count).collect();
    assert_eq!(browse.type_counts, stated);
    let stated: Vec<u32> = index.brands.iter().map(|b| b.count).collect();
    assert_eq!(browse.brand_counts, stated);
    for ranked in &browse.offerings {
        assert_eq!(
            ranked.articles,
            index.offerings[ranked.offering as usize].count
        );
    }
    // Every topic is found by its slug and by `Group: Label`.
    for (t, topic) in index.topics.iter().enumerate() {
        assert_eq!(engine.topic_by_key(&topic.slug), Some(t as u32));
        let group = &index.groups[topic.group as usize].label;
        assert_eq!(
            engine.topic_by_key(&format!("{group}: {}", topic.label)),
            Some(t as u32)
        );
    }
}

#[test]
fn sample_content() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let index = build(&root);
    assert!(index.articles.len() >= 50);
    check_consistency(&index);

    let mut engine = Engine::new(index.clone());
    let telemedicine = engine
        .topic_by_key("Healthcare IT News: Telemedicine")
        .expect("the sample has a Telemedicine topic");
    let tagged = engine.run(&Query {
        topics: vec![telemedicine],
        limit: usize::MAX,
        ..Query::default()
    });
    assert!(tagged.total > 0);
    // The label is searchable, and so is a misspelling of it.
    let found = engine.run(&Query {
        limit: usize::MAX,
        ..query("telemedicine")
    });
    let misspelt = engine.run(&Query {
        limit: usize::MAX,
        ..query("telemedcine")
    });
    for hit in &tagged.hits {
        assert!(found.hits.contains(hit), "article {hit} has the topic");
        assert!(misspelt.hits.contains(hit), "article {hit} has the topic");
    }
    // Articles with the word in their title come first.
    let first = &index.articles[found.hits[0] as usize];
    assert!(
        first.title.to_lowercase().contains("telemedicine"),
        "{}",
        first.title
    );
    for text in ["tele", "data privacy", "accessibilty", "portal"] {
        assert!(engine.run(&query(text)).total > 0, "{text}");
    }
}

#[test]
fn digitalgov_corpus_when_present() {
    let Some(root) = support::beside_crate("../shared/corpora/digitalgov-news") else {
        return;
    };
    let index = build(&root);
    assert!(index.articles.len() > 1000);
    check_consistency(&index);
    let mut engine = Engine::new(index);
    let started = Instant::now();
    engine.prepare_search();
    eprintln!(
        "digitalgov: prepare_search {:?}, terms and postings {:?}",
        started.elapsed(),
        engine.search_size()
    );
    for text in [
        "accessibility",
        "accessibilty",
        "plain language",
        "usa",
        "data",
    ] {
        let started = Instant::now();
        let r = engine.run(&query(text));
        eprintln!(
            "digitalgov: {text:?} {} matches in {:?}",
            r.total,
            started.elapsed()
        );
        assert!(r.total > 0, "{text}");
    }
}

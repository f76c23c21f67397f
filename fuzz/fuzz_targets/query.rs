//! Random queries against a fixed small index: free text, ids in and out of range, odd
//! dates and limits. Also the URL-hash state parser (any hash, any namespace) and the
//! link filter. The engine must answer with ids inside its tables; a state read from a
//! hash must survive being written back and read again; `safe_url` must never pass a
//! scheme other than http(s).
#![no_main]

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use std::sync::Mutex;
use std::sync::OnceLock;
use topic_cards::content::links::LinkResolver;
use topic_cards::content::read_document;
use topic_cards::index::build::build;
use topic_cards::query::{Engine, Query, Sort};
use topic_cards::safe_url::safe_url;
use topic_cards::state::WidgetState;

/// The fixed index: a few articles over two topic groups, types, brands and offerings.
const ARTICLES: [(&str, &str); 5] = [
    (
        "a.md",
        r"---
title: Rural telehealth kiosks open
date: 2024-03-01
contentType: News
brand: Clinic Times
categories: ['Care: Telehealth', 'Place: Rural']
relatedOfferings:
  - label: Kiosk
    offeringId: 1
    permalink: /offering/kiosk
---
Kiosks let patients see a doctor by video in small towns.
",
    ),
    (
        "b.md",
        r"---
title: AI reads chest scans
date: 2023-11-20
contentType: Research
brand: Lab Weekly
categories: ['Care: Imaging', 'Tech: AI']
---
A model flags scans for a radiologist to review first.
",
    ),
    (
        "c.md",
        r"---
title: Télésanté à la campagne
date: 2022-01-05
contentType: News
categories: ['Care: Telehealth']
relatedOfferings:
  - label: Kiosk
    offeringId: 1
  - label: Headset
    offeringId: 2
---
Des cabines de consultation à distance.
",
    ),
    (
        "d.txt",
        "Undated note on remote monitoring\nBlood pressure cuffs send readings home.\n",
    ),
    (
        "e.md",
        r"---
title: Hospital data breach lessons
date: 2024-03-01
brand: Clinic Times
categories: ['Tech: Cybersecurity']
---
Patch servers; train staff about phishing.
",
    ),
];

fn engine() -> &'static Mutex<Engine> {
    static ENGINE: OnceLock<Mutex<Engine>> = OnceLock::new();
    ENGINE.get_or_init(|| {
        let docs: Vec<_> = ARTICLES
            .iter()
            .map(|(path, text)| read_document(path, text).expect("fixture article reads"))
            .collect();
        let index = build(&docs, &LinkResolver::default()).index;
        assert!(
            index.topics.len() == 5 && index.types.len() == 2 && index.offerings.len() == 2,
            "{index:?}"
        );
        Mutex::new(Engine::new(index))
    })
}

#[derive(Arbitrary, Debug)]
struct Input<'a> {
    text: &'a str,
    /// Small ids, mostly inside the tables; `far` adds one anywhere in u32.
    topics: Vec<u8>,
    types: Vec<u8>,
    brands: Vec<u8>,
    far: Option<u32>,
    date_from: Option<&'a str>,
    date_to: Option<&'a str>,
    newest: bool,
    limit: Limit,
    hash: &'a str,
    namespace: &'a str,
    key: &'a str,
    url: &'a str,
}

#[derive(Arbitrary, Debug)]
enum Limit {
    Page(u8),
    Any(usize),
}

fuzz_target!(|input: Input| {
    let mut engine = engine().lock().unwrap_or_else(|e| e.into_inner());
    let limit = match input.limit {
        Limit::Page(n) => usize::from(n),
        Limit::Any(n) => n,
    };
    let ids = |small: &[u8]| -> Vec<u32> {
        small
            .iter()
            .map(|&i| u32::from(i % 16))
            .chain(input.far)
            .collect()
    };
    let query = Query {
        text: input.text.to_string(),
        topics: ids(&input.topics),
        types: ids(&input.types),
        brands: ids(&input.brands),
        date_from: input.date_from.map(str::to_string),
        date_to: input.date_to.map(str::to_string),
        sort: if input.newest {
            Sort::Newest
        } else {
            Sort::Relevance
        },
        limit,
    };
    run_checked(&mut engine, &query);

    if let Some(topic) = engine.topic_by_key(input.key) {
        assert!((topic as usize) < engine.index().topics.len());
    }

    hash_state(&mut engine, input.hash, input.namespace, limit);

    if let Some(url) = safe_url(input.url) {
        assert!(input.url.contains(url));
        assert!(!url.chars().any(char::is_control), "{url:?}");
        if let Some(colon) = url.find(':') {
            let scheme = url[..colon].to_ascii_lowercase();
            let has_scheme = !scheme.contains(['/', '?', '#']);
            assert!(
                !has_scheme || scheme == "http" || scheme == "https",
                "safe_url passed {url:?}"
            );
        }
    }
});

fn run_checked(engine: &mut Engine, query: &Query) {
    let results = engine.run(query);
    let index = engine.index();
    assert!(results.total <= index.articles.len());
    assert!(results.hits.len() <= query.limit.min(results.total));
    assert!(results
        .hits
        .iter()
        .all(|&a| (a as usize) < index.articles.len()));
    let mut seen = results.hits.clone();
    seen.sort_unstable();
    seen.dedup();
    assert_eq!(seen.len(), results.hits.len(), "an article listed twice");
    assert_eq!(results.topic_counts.len(), index.topics.len());
    assert!(results
        .offerings
        .iter()
        .all(|o| (o.offering as usize) < index.offerings.len()));
}

/// A namespace as a page would give one (an element id or a chosen name). Characters that
/// separate hash parameters cannot be in one.
fn namespace(raw: &str) -> String {
    let ns: String = raw
        .chars()
        .filter(|c| !matches!(c, '&' | '=' | '#' | '.' | '%') && !c.is_whitespace())
        .collect();
    if ns.is_empty() {
        "tc".into()
    } else {
        ns
    }
}

fn hash_state(engine: &mut Engine, hash: &str, raw_ns: &str, limit: usize) {
    let ns = namespace(raw_ns);
    let state = WidgetState::from_hash(hash, &ns);
    // Written back (into the same hash, keeping the others' parameters) and read again,
    // the state is unchanged but for the query's outer spaces, which are not written.
    let written = state.to_hash(hash, &ns);
    let again = WidgetState::from_hash(&written, &ns);
    let mut expected = state.clone();
    expected.query = expected.query.trim().to_string();
    assert_eq!(again, expected, "hash {hash:?} -> {written:?}");
    assert_eq!(
        WidgetState::hash_has_namespace(&written, &ns),
        state.filter_count() > 0 || state.sort != Sort::default()
    );
    let mut state = state;
    let _ = state.normalize(engine);
    let query = state.to_query(engine, limit.min(1000));
    run_checked(engine, &query);
}

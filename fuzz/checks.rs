//! The checks behind each fuzz target, as plain functions: the targets in `fuzz_targets/`
//! call them on fuzzed input, and `tests/fuzz_regressions.rs` calls them on every input a
//! fuzzer once crashed (kept in `tests/fixtures/fuzz/TARGET/`), so a fixed crash stays
//! fixed in `cargo test` without cargo-fuzz. Each panics when an invariant breaks.

#![allow(dead_code)]

use std::sync::{Mutex, OnceLock};
use topic_cards::content::frontmatter::{parse, split, Syntax};
use topic_cards::content::links::LinkResolver;
use topic_cards::content::source::decode_text;
use topic_cards::content::{read_document, Document};
use topic_cards::index::build::build;
use topic_cards::index::split::PrefixState;
use topic_cards::index::{
    decode, decode_first_view, encode, oracle, FirstViewPart, IndexError, PrefixScanner,
    StreamDecoder,
};
use topic_cards::model::Index;
use topic_cards::query::{Engine, Query, Results, Sort};
use topic_cards::safe_url::safe_url;
use topic_cards::state::WidgetState;

// ---- front_matter -------------------------------------------------------------------

/// Splitting and parsing front matter: a split or an error (never a panic or a hang), a
/// split's pieces are slices of the input at the lines it claims, and an error's line lies
/// inside the block.
pub fn front_matter(raw: &str) {
    // The parsers' contract is LF text: `decode_text` turns CRLF and CR into LF first.
    let text = &raw.replace("\r\n", "\n").replace('\r', "\n");
    if let Ok(parts) = split(text) {
        // The body is the input's tail, and it starts on the line the split reports.
        assert!(text.ends_with(parts.body));
        let before = &text[..text.len() - parts.body.len()];
        if parts.front.is_some() && !parts.body.is_empty() {
            assert_eq!(before.matches('\n').count() + 1, parts.body_line);
        }
        if let Some((syntax, block)) = parts.front {
            assert!(parts.front_line < parts.body_line);
            let _ = parse(syntax, block, parts.front_line);
        }
    }
    // The parsers on the whole input too, so the fuzzer need not learn the fences first.
    for syntax in [Syntax::Yaml, Syntax::Toml] {
        if let Err(error) = parse(syntax, text, 2) {
            // A reported line lies inside the block (block line 1 is file line 2).
            if let Some(line) = error.line {
                // YAML also breaks lines at NEL, LS and PS.
                let lines = text
                    .chars()
                    .filter(|c| matches!(c, '\n' | '\u{85}' | '\u{2028}' | '\u{2029}'))
                    .count();
                assert!(line >= 2 && line <= lines + 3, "{error:?}");
            }
            assert!(!error.reason.contains('\n'), "{error:?}");
        }
    }
}

// ---- index_one_file -----------------------------------------------------------------

/// An article with categories and an offering, so the fuzzed one meets a vocabulary.
const NEIGHBOUR: &str = r"---
title: Remote monitoring in rural clinics
date: 2024-05-06
categories: ['Care: Telehealth', 'Care: Remote monitoring', 'Tech: AI']
relatedOfferings:
  - label: Clinic kit
    permalink: /offering/kit
    offeringId: 3
    categories: ['Shop: Devices']
---
Nurses read blood pressure from home devices.
";

fn neighbour() -> &'static Document {
    static DOC: OnceLock<Document> = OnceLock::new();
    DOC.get_or_init(|| {
        let doc = read_document("neighbour.md", NEIGHBOUR).expect("the neighbour reads");
        assert!(
            doc.categories.len() == 3 && doc.offerings.len() == 1,
            "{doc:?}"
        );
        doc
    })
}

fn resolvers() -> &'static [LinkResolver; 2] {
    static RESOLVERS: OnceLock<[LinkResolver; 2]> = OnceLock::new();
    RESOLVERS.get_or_init(|| {
        [
            LinkResolver::default(),
            LinkResolver::new(Some("https://news.example/health/")).expect("a good base"),
        ]
    })
}

/// The whole indexer on one file's bytes. Returns the JSON of each index built (without and
/// with a base URL), or nothing when the bytes are refused as an article.
pub fn index_one_file(bytes: &[u8]) -> Vec<String> {
    let Ok(text) = decode_text(bytes) else {
        return Vec::new();
    };
    let Ok(doc) = read_document("fuzz/one.md", &text) else {
        return Vec::new();
    };
    assert!(!doc.title.trim().is_empty(), "an empty title was accepted");
    let docs = [doc, neighbour().clone()];
    let mut written = Vec::new();
    for resolver in resolvers() {
        let index = build(&docs, resolver).index;
        assert_eq!(index.articles.len(), 2);
        check_links(&index);
        let json = encode(&index);
        round_trip(&index, json.as_bytes());
        written.push(json);
    }
    written
}

/// The widget must read back exactly what the indexer wrote, whole and streamed.
fn round_trip(index: &Index, json: &[u8]) {
    let decoded = decode(json).unwrap_or_else(|e| panic!("built index refused: {e:?}"));
    assert!(decoded == *index, "decode changed the index");
    // Fed in odd-sized chunks, as a network delivers it.
    let mut scanner = PrefixScanner::new();
    let mut state = PrefixState::Pending;
    for chunk in json.chunks(7) {
        state = scanner.feed(chunk);
        if state != PrefixState::Pending {
            break;
        }
    }
    let PrefixState::Found { len } = state else {
        panic!("no first-view prefix found: {state:?}");
    };
    let part = decode_first_view(&json[..len])
        .unwrap_or_else(|e| panic!("first-view prefix refused: {e:?}"));
    assert!(Some(&part.first_view) == index.first_view.as_ref());
    // What the indexer writes is always in the stream decoder's shape.
    let streamed = stream_decode(json, 7).expect("the indexer's shape");
    assert!(
        streamed.as_ref() == Ok(index),
        "the stream decoder changed the index"
    );
}

/// The stream decoder fed `bytes` in chunks of `size`.
fn stream_decode(bytes: &[u8], size: usize) -> Option<Result<Index, IndexError>> {
    let mut decoder = StreamDecoder::new();
    for chunk in bytes.chunks(size) {
        decoder.feed(chunk);
    }
    decoder.finish()
}

pub fn check_links(index: &Index) {
    let mut links: Vec<&str> = Vec::new();
    for article in &index.articles {
        links.extend(article.url.as_deref());
        links.extend(article.image.as_ref().map(|i| i.src.as_str()));
    }
    links.extend(index.offerings.iter().filter_map(|o| o.url.as_deref()));
    links.extend(index.topics.iter().filter_map(|t| t.url.as_deref()));
    for link in links {
        if let Some(scheme) = browser_scheme(link) {
            assert!(
                scheme == "http" || scheme == "https",
                "published a {scheme}: link: {link:?}"
            );
        }
        // What the indexer publishes, the widget links (one URL rule for both).
        assert!(
            topic_cards::safe_url::safe_url(link).is_some(),
            "published a link the widget refuses: {link:?}"
        );
    }
}

/// The scheme a browser would see in `link`: it trims C0 controls and spaces at both ends,
/// drops tabs and newlines anywhere, and reads letters, digits, `+`, `-`, `.` (starting
/// with a letter) before a `:` as the scheme.
fn browser_scheme(link: &str) -> Option<String> {
    let cleaned: String = link
        .trim_matches(|c: char| c <= ' ')
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let colon = cleaned.find(':')?;
    let scheme = &cleaned[..colon];
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c)))
        .then(|| scheme.to_ascii_lowercase())
}

// ---- decode_index -------------------------------------------------------------------

/// The widget's loaders on any bytes, and the engine on what decodes. The reader must agree
/// with serde_json, its oracle (`index::oracle`). When both the streamed prefix and the
/// whole index decode, they must agree: the widget paints from the first and then swaps in
/// the second.
pub fn decode_index(bytes: &[u8]) {
    // The widget's reader reads what serde_json (its oracle) reads, whole and the prefix.
    if let Some(difference) = oracle::disagreement(bytes) {
        panic!("{difference}");
    }
    let part = scan_prefix(bytes);
    let _ = decode_first_view(bytes);
    let whole = decode(bytes);
    // The stream decoder is a fast path: when it gives a verdict, it is decode's verdict
    // (and the same whatever the chunking); otherwise the widget asks decode.
    let chunk = bytes.last().map_or(1, |&b| usize::from(b % 37) + 1);
    let streamed = stream_decode(bytes, chunk);
    assert!(
        streamed == stream_decode(bytes, bytes.len().max(1)),
        "chunks of {chunk} changed the stream decoder's verdict"
    );
    if let Some(streamed) = streamed {
        assert!(
            streamed == whole,
            "the stream decoder disagrees with decode"
        );
    }
    if let Ok(index) = whole {
        if let Some(part) = part {
            assert!(part.groups == index.groups, "prefix groups differ");
            assert!(part.topics == index.topics, "prefix topics differ");
            assert!(part.types == index.types && part.brands == index.brands);
            assert!(
                Some(&part.first_view) == index.first_view.as_ref(),
                "prefix first view differs"
            );
        }
        query_all(index);
    }
}

/// Feeds the scanner in chunks sized by the first byte; the outcome must not depend on the
/// chunking. Returns the first-view part when the prefix found decodes.
fn scan_prefix(bytes: &[u8]) -> Option<FirstViewPart> {
    let chunk = bytes.first().map_or(1, |&b| usize::from(b % 61) + 1);
    let mut scanner = PrefixScanner::new();
    let mut chunked = PrefixState::Pending;
    for piece in bytes.chunks(chunk) {
        chunked = scanner.feed(piece);
        if chunked != PrefixState::Pending {
            break;
        }
    }
    let whole = PrefixScanner::new().feed(bytes);
    assert_eq!(chunked, whole, "chunks of {chunk} changed the outcome");
    let PrefixState::Found { len } = whole else {
        return None;
    };
    assert!(
        len <= bytes.len(),
        "prefix {len} beyond {} bytes",
        bytes.len()
    );
    decode_first_view(&bytes[..len]).ok()
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

// ---- query --------------------------------------------------------------------------

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

/// One query-target case: the engine query's parts, filter keys as a page gives them, a
/// topic key and a link.
#[derive(Debug, Default)]
pub struct QueryCase<'a> {
    pub text: &'a str,
    /// Small ids, mostly inside the tables (taken modulo 16); `far` adds one anywhere.
    pub topics: &'a [u8],
    pub types: &'a [u8],
    pub brands: &'a [u8],
    pub far: Option<u32>,
    pub date_from: Option<&'a str>,
    pub date_to: Option<&'a str>,
    pub newest: bool,
    pub limit: usize,
    /// Comma-separated keys, dealt in turn to topics, types and brands (and the whole as
    /// the search text).
    pub keys: &'a str,
    pub key: &'a str,
    pub url: &'a str,
}

/// Random queries against the fixed index, filter state from any keys, and `safe_url`.
pub fn query(input: &QueryCase) {
    let mut engine = engine().lock().unwrap_or_else(|e| e.into_inner());
    let limit = input.limit;
    let ids = |small: &[u8]| -> Vec<u32> {
        small
            .iter()
            .map(|&i| u32::from(i % 16))
            .chain(input.far)
            .collect()
    };
    let query = Query {
        text: input.text.to_string(),
        topics: ids(input.topics),
        types: ids(input.types),
        brands: ids(input.brands),
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

    keyed_state(&mut engine, input.keys, limit);

    if let Some(url) = safe_url(input.url) {
        assert!(input.url.contains(url));
        assert!(!url.chars().any(char::is_control), "{url:?}");
        // Only a valid scheme name makes a scheme: "`x`:y" is a relative path.
        if let Some(scheme) = browser_scheme(url) {
            assert!(
                scheme == "http" || scheme == "https",
                "safe_url passed {url:?}"
            );
        }
    }
}

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

/// Filters as a page or a link gives them (any keys, as text), tidied and matched against
/// the index as the widget does, then run.
fn keyed_state(engine: &mut Engine, keys: &str, limit: usize) {
    let list = |skip: usize| -> Vec<String> {
        keys.split(',')
            .skip(skip)
            .step_by(3)
            .map(str::to_string)
            .collect()
    };
    let mut state = WidgetState {
        query: keys.to_string(),
        topics: list(0),
        types: list(1),
        brands: list(2),
        ..Default::default()
    };
    state.tidy();
    let _ = state.normalize(engine);
    let query = state.to_query(engine, limit.min(1000));
    run_checked(engine, &query);
}

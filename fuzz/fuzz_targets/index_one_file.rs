//! The whole indexer on one file: bytes -> text -> document -> index (beside a fixed
//! article that brings a topic vocabulary) -> JSON. Any bytes must be read or refused
//! without a panic, and whatever is built must round-trip through the widget's loaders:
//! `decode` gives back the same index, and the streamed first-view prefix is found and
//! decodes to the same first view. Every link the indexer publishes must have no scheme
//! a browser would run (only http and https).
//!
//! With `TC_FUZZ_WRITE_INDEX=DIR` set, each built index is also written to DIR: that is how
//! scripts/fuzz.sh seeds the `decode_index` corpus from the article seeds.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::sync::OnceLock;
use topic_cards::content::links::LinkResolver;
use topic_cards::content::source::decode_text;
use topic_cards::content::{read_document, Document};
use topic_cards::index::build::build;
use topic_cards::index::split::PrefixState;
use topic_cards::index::{decode, decode_first_view, encode, PrefixScanner};
use topic_cards::model::Index;

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

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = decode_text(bytes) else {
        return;
    };
    let Ok(doc) = read_document("fuzz/one.md", &text) else {
        return;
    };
    assert!(!doc.title.trim().is_empty(), "an empty title was accepted");
    let docs = [doc, neighbour().clone()];
    for resolver in resolvers() {
        let index = build(&docs, resolver).index;
        assert_eq!(index.articles.len(), 2);
        check_links(&index);
        let json = encode(&index);
        round_trip(&index, json.as_bytes());
        if let Some(dir) = std::env::var_os("TC_FUZZ_WRITE_INDEX") {
            let name = format!("{:016x}.json", fnv(json.as_bytes()));
            let _ = std::fs::write(std::path::Path::new(&dir).join(name), &json);
        }
    }
});

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
}

fn check_links(index: &Index) {
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

/// A stable file name for a written index (FNV-1a).
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

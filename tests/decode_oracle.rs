//! The widget's index reader against serde_json, its oracle (`index::oracle`): on every index
//! the repository builds (the fixtures, the sample content, the seeds and a generated corpus,
//! and the digitalgov corpus when present), as written and pretty-printed, on damaged copies
//! of them, and on the broken indexes the browser tests load, both must read the same index
//! or both refuse it. Messages are checked where people see them.
#![cfg(feature = "cli")]

mod support;

use std::path::{Path, PathBuf};

use topic_cards::index::build::index_folder;
use topic_cards::index::{decode, encode, oracle, StreamDecoder};
use topic_cards::model::Index;
use topic_cards::query::first_view;

fn agree(json: &[u8]) {
    if let Some(difference) = oracle::disagreement(json) {
        let shown = String::from_utf8_lossy(&json[..json.len().min(400)]);
        panic!("{difference}\non: {shown}");
    }
}

/// An index's text as written, pretty-printed, and with a byte-order mark; each must be
/// read back unchanged (also by the stream decoder).
fn agree_on_index(name: &str, index: &Index) {
    let compact = encode(index);
    let pretty = serde_json::to_string_pretty(index).unwrap();
    let bom = format!("\u{feff}{compact}");
    for text in [&compact, &pretty, &bom] {
        agree(text.as_bytes());
        assert!(decode(text.as_bytes()).unwrap() == *index, "{name}");
        let mut stream = StreamDecoder::new();
        for chunk in text.as_bytes().chunks(4096) {
            stream.feed(chunk);
        }
        assert!(stream.finish().unwrap().unwrap() == *index, "{name}");
    }
}

/// `rounds` damaged copies of `json`: bytes replaced, removed or repeated, escapes and
/// numbers put in, members renamed. Deterministic (seeded).
fn agree_on_damage(json: &str, rounds: usize, seed: u64) -> usize {
    const PIECES: &[&str] = &[
        "0",
        "9",
        "-",
        ".",
        "e",
        "{",
        "}",
        "[",
        "]",
        "\"",
        ",",
        ":",
        " ",
        "\\",
        "\\u",
        "\\ud83d",
        "\\ude00",
        "\\u00e9",
        "null",
        "true",
        "4294967296",
        "-1",
        "1.5",
        "\u{e9}",
        "\u{1}",
        "\"x\":",
        "\"id\":\"d\",",
        "[]",
        "{}",
        "\u{feff}",
    ];
    let mut rng = support::Rng::new(seed);
    let mut accepted = 0;
    for round in 0..rounds {
        let mut bytes = json.as_bytes().to_vec();
        for _ in 0..1 + round % 3 {
            let at = rng.below(bytes.len() + 1);
            let piece = PIECES[rng.below(PIECES.len())].as_bytes();
            match rng.below(4) {
                0 if at < bytes.len() => {
                    bytes.splice(at..at + 1, piece.iter().copied());
                }
                1 if at < bytes.len() => {
                    bytes.remove(at);
                }
                2 => {
                    let end = (at + rng.below(40)).min(bytes.len());
                    let copy = bytes[at..end].to_vec();
                    bytes.splice(at..at, copy);
                }
                _ => {
                    bytes.splice(at..at, piece.iter().copied());
                }
            }
        }
        // A stray non-UTF-8 byte now and then (refused in kept strings, not skipped ones).
        if round % 17 == 0 {
            let at = rng.below(bytes.len());
            bytes[at] = 0xFF;
        }
        agree(&bytes);
        accepted += usize::from(decode(&bytes).is_ok());
    }
    accepted
}

fn build(root: &Path) -> Index {
    index_folder(root, None, &mut |_| {})
        .expect("content folder builds")
        .0
}

#[test]
fn fixtures_agree_whole_and_damaged() {
    let mut fixture = support::fixture();
    fixture.first_view = Some(first_view(&fixture));
    agree_on_index("fixture", &fixture);
    let accepted = agree_on_damage(&encode(&fixture), 3000, 5);
    // Some damage (inside strings, unknown members) leaves a readable index.
    assert!(accepted > 0 && accepted < 3000, "{accepted}");

    let mut synthetic = support::synthetic(60, 9);
    synthetic.first_view = Some(first_view(&synthetic));
    agree_on_index("synthetic", &synthetic);
    agree_on_damage(&encode(&synthetic), 400, 6);
}

#[test]
fn the_sample_content_agrees_whole_and_damaged() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content/articles");
    let index = build(&root);
    assert!(index.articles.len() >= 10);
    agree_on_index("content", &index);
    agree_on_damage(&encode(&index), 300, 7);
}

#[test]
fn the_seeds_agree() {
    let Some(dir) = support::beside_crate("../shared/seeds") else {
        return;
    };
    agree_on_index("seeds", &build(&dir));
}

/// A generated corpus of 1,000 articles: its optional members are left out at random.
#[test]
fn a_generated_corpus_agrees() {
    let dir = tempfile::tempdir().unwrap();
    topic_cards::synth::generate(dir.path(), 1000, 3).unwrap();
    let index = build(dir.path());
    assert_eq!(index.articles.len(), 1000);
    // Leaving optional members out is what the generator is for: check it still does.
    assert!(index.articles.iter().any(|a| a.image.is_none()));
    assert!(index.articles.iter().any(|a| a.image.is_some()));
    agree_on_index("synth 1k", &index);
}

#[test]
fn the_digitalgov_corpus_agrees() {
    let Some(dir) = support::beside_crate("../shared/corpora/digitalgov-news") else {
        return;
    };
    agree_on_index("digitalgov", &build(&dir));
}

/// The broken indexes of `tests/browser/broken-index.test.mjs`, with what the widget must
/// say about each (the browser tests check the same words on screen).
#[test]
fn broken_indexes_agree_and_are_explained() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("content/articles");
    let mut index = build(&root);
    index.first_view = Some(first_view(&index));
    let good = encode(&index);
    let variant = |change: &dyn Fn(&mut serde_json::Value)| {
        let mut value: serde_json::Value = serde_json::from_str(&good).unwrap();
        change(&mut value);
        value.to_string()
    };
    let cases: Vec<(String, &str)> = vec![
        (good[..good.len() * 6 / 10].to_string(), "cut short"),
        (good[..3000].to_string(), "cut short"),
        (variant(&|i| i["version"] = 2.into()), "version 2 is newer"),
        (variant(&|i| i["version"] = 0.into()), "version 0 is older"),
        (variant(&|i| i["version"] = "1".into()), "version member is \"1\""),
        (variant(&|i| i["format"] = "rss".into()), "not a topic-cards index"),
        (r#"{"articles": []}"#.into(), "not a topic-cards index"),
        (variant(&|i| i["articles"] = "many".into()), "unexpected shape at articles:"),
        (
            variant(&|i| i["topics"][0]["label"] = 42.into()),
            "unexpected shape at topics[0].label: expected a string, found a number",
        ),
        (
            variant(&|i| i["articles"][3]["id"] = serde_json::json!({"a": 1})),
            "unexpected shape at articles[3].id",
        ),
        (
            variant(&|i| {
                i.as_object_mut().unwrap().remove("firstView");
                i["articles"][0]["topics"] = serde_json::json!([9999]);
            }),
            "9999",
        ),
        (variant(&|i| i["topics"][0]["group"] = 77.into()), "77"),
        ("   ".into(), "empty"),
        ("null".into(), "not a topic-cards index"),
        ("[1,2,3]".into(), "not a topic-cards index"),
        (
            "<!doctype html><title>Not here</title>".into(),
            "not valid JSON: expected a value at line 1, column 1",
        ),
        ("lorem ipsum ".repeat(1000), "not valid JSON"),
        (
            variant(&|i| i["articles"][1]["brand"] = (-2).into()),
            "unexpected shape at articles[1].brand: expected a whole number from 0 to 4294967295, found -2",
        ),
        (
            good.replacen("\"title\":", "\"title\":\"dup\",\"title\":", 1),
            "the member `title` is given twice",
        ),
        (
            good.replacen("\"title\":\"", "\"title\":\"\\ud800", 1),
            "not valid JSON: a \\u escape of a lone surrogate",
        ),
        (
            variant(&|i| {
                i["groups"][0].as_object_mut().unwrap().remove("label");
            }),
            "unexpected shape at groups[0]: the member `label` is missing",
        ),
    ];
    for (text, want) in cases {
        agree(text.as_bytes());
        let message = decode(text.as_bytes()).expect_err(want).message;
        assert!(message.contains(want), "{message}\nwanted: {want}");
    }
}

/// Messages give a line and column, so a pretty-printed index is easy to fix by hand.
#[test]
fn messages_give_line_and_column() {
    let mut index = support::fixture();
    index.articles[1].title = "MARK".into();
    let pretty = serde_json::to_string_pretty(&index)
        .unwrap()
        .replacen("\"MARK\"", "true", 1);
    let line = 1 + pretty[..pretty.find("true").unwrap()].matches('\n').count();
    let message = decode(pretty.as_bytes()).unwrap_err().message;
    assert!(
        message.starts_with("the index has an unexpected shape at articles[1].title: expected a string, found a boolean (line "),
        "{message}"
    );
    assert!(
        message.contains(&format!("(line {line}, column ")),
        "{message}"
    );
}

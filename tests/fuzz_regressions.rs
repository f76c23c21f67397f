//! Every input a fuzzer found a crash with, replayed through the same checks as the fuzz
//! targets (`fuzz/checks.rs`), so a fixed crash stays fixed under plain `cargo test`.
//!
//! Byte inputs live in `tests/fixtures/fuzz/TARGET/` (copied from `fuzz/artifacts/TARGET/`
//! with a name saying what broke); `query` cases are written out below from `cargo fuzz fmt`.

#[path = "../fuzz/checks.rs"]
mod checks;

use std::path::PathBuf;

/// The saved inputs for one target, sorted by name.
fn inputs(target: &str) -> Vec<(String, Vec<u8>)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/fuzz")
        .join(target);
    // A target with no saved crash has no folder (git keeps no empty folders).
    let Ok(entries) = std::fs::read_dir(&dir) else {
        return Vec::new();
    };
    let mut files: Vec<_> = entries
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_file())
        .collect();
    files.sort();
    files
        .into_iter()
        .map(|path| {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read(&path).unwrap())
        })
        .collect()
}

#[test]
fn front_matter_inputs() {
    for (name, bytes) in inputs("front_matter") {
        // The target takes text: libFuzzer hands it only inputs that are UTF-8.
        if let Ok(text) = std::str::from_utf8(&bytes) {
            eprintln!("front_matter: {name}");
            checks::front_matter(text);
        }
    }
}

#[test]
fn index_one_file_inputs() {
    for (name, bytes) in inputs("index_one_file") {
        eprintln!("index_one_file: {name}");
        checks::index_one_file(&bytes);
    }
}

#[test]
fn decode_index_inputs() {
    for (name, bytes) in inputs("decode_index") {
        eprintln!("decode_index: {name}");
        checks::decode_index(&bytes);
    }
}

/// The checks themselves must be able to fail, or replaying inputs proves nothing.
#[test]
#[should_panic(expected = "published a javascript: link")]
fn the_link_check_catches_a_script_link() {
    let mut index = topic_cards::model::Index {
        format: topic_cards::model::FORMAT.into(),
        version: topic_cards::model::VERSION,
        groups: vec![],
        topics: vec![],
        types: vec![],
        brands: vec![],
        first_view: None,
        offerings: vec![],
        articles: vec![],
    };
    index.topics.push(topic_cards::model::Topic {
        group: 0,
        label: "x".into(),
        slug: "x".into(),
        url: Some(" java\tscript:alert(1)".into()),
        count: 0,
    });
    checks::check_links(&index);
}

#[test]
fn query_cases() {
    // A query with nothing in it, and one with every id far out of range.
    checks::query(&checks::QueryCase::default());
    checks::query(&checks::QueryCase {
        text: "telehealth kiosk",
        topics: &[0, 1, 255],
        types: &[0, 9],
        brands: &[1],
        far: Some(u32::MAX),
        date_from: Some("2023"),
        date_to: Some("not a date"),
        limit: usize::MAX,
        keys: " rural,care-telehealth,,x,Care: Telehealth,curated",
        key: "Care: Telehealth",
        url: "\u{1}javascript:alert(1)",
        ..checks::QueryCase::default()
    });
    // Found by the fuzzer (a check that was too strict, not the code): the text before the
    // colon is no scheme name, so this is a relative path and `safe_url` rightly keeps it.
    checks::query(&checks::QueryCase {
        keys: "`",
        url: "`````````````````+````\\``:```````````\u{8}",
        ..checks::QueryCase::default()
    });
}

//! The `topic-cards` binary: exit codes, the summary line, `--report`, `--strict`, and
//! byte-identical output across runs.

use std::path::Path;
use std::process::{Command, Output};

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_topic-cards"))
        .args(args)
        .output()
        .expect("the binary runs")
}

fn fixtures() -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/content")
        .display()
        .to_string()
}

#[test]
fn index_writes_identical_bytes_and_a_summary() {
    let out = tempfile::tempdir().unwrap();
    let first = out.path().join("a.json");
    let second = out.path().join("b.json");
    let report = out.path().join("report.json");
    let a = run(&[
        "index",
        &fixtures(),
        "--out",
        first.to_str().unwrap(),
        "--report",
        report.to_str().unwrap(),
    ]);
    assert_eq!(
        a.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&a.stderr)
    );
    let b = run(&["index", &fixtures(), "--out", second.to_str().unwrap()]);
    assert_eq!(b.status.code(), Some(0));
    assert_eq!(
        std::fs::read(&first).unwrap(),
        std::fs::read(&second).unwrap()
    );

    let stderr = String::from_utf8_lossy(&a.stderr);
    let summary = stderr.lines().last().unwrap();
    assert!(
        summary.starts_with(
            "indexed 10, skipped 10, files seen 20 (5 relative links kept: no --base-url"
        ),
        "{summary}"
    );
    assert!(stderr.contains("bad/unterminated.md:1: unterminated front matter"));
    // No progress bar when stderr is not a terminal.
    assert!(!stderr.contains('\r'));

    let report: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&report).unwrap()).unwrap();
    assert_eq!(report["filesSeen"], 20);
    assert_eq!(report["indexed"], 10);
    assert_eq!(report["skipped"].as_array().unwrap().len(), 10);
    assert_eq!(report["skipped"][0]["path"], "bad/blank.txt");

    let index = topic_cards::index::decode(&std::fs::read(&first).unwrap()).unwrap();
    assert_eq!(index.articles.len(), 10);
}

#[test]
fn strict_fails_when_anything_was_skipped() {
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("i.json");
    let strict = run(&[
        "index",
        &fixtures(),
        "--out",
        path.to_str().unwrap(),
        "--strict",
    ]);
    assert_eq!(strict.status.code(), Some(1));
    // A clean folder passes --strict.
    let clean = tempfile::tempdir().unwrap();
    std::fs::write(clean.path().join("a.md"), "---\ntitle: A\n---\n").unwrap();
    let ok = run(&[
        "index",
        clean.path().to_str().unwrap(),
        "--out",
        path.to_str().unwrap(),
        "--strict",
    ]);
    assert_eq!(
        ok.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ok.stderr)
    );
}

#[test]
fn missing_folder_and_bad_arguments_exit_2() {
    let out = tempfile::tempdir().unwrap();
    let path = out.path().join("i.json");
    let missing = run(&["index", "/no/such/folder", "--out", path.to_str().unwrap()]);
    assert_eq!(missing.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&missing.stderr);
    assert!(stderr.contains("cannot read content folder"), "{stderr}");
    assert!(!stderr.contains("panicked"));
    assert!(!path.exists());

    assert_eq!(
        run(&["index", &fixtures()]).status.code(),
        Some(2),
        "--out is required"
    );
    assert_eq!(run(&["bogus"]).status.code(), Some(2));
    let bad_base = run(&[
        "index",
        &fixtures(),
        "--out",
        path.to_str().unwrap(),
        "--base-url",
        "javascript:x",
    ]);
    assert_eq!(bad_base.status.code(), Some(2));
    let unwritable = run(&["index", &fixtures(), "--out", "/no/such/dir/i.json"]);
    assert_eq!(unwritable.status.code(), Some(2));
}

/// `--first-view` writes the index's own opening members, closed: the widget paints it before
/// the index, so it must hold exactly what the index's first view holds.
#[test]
fn first_view_is_the_index_prefix_closed() {
    let out = tempfile::tempdir().unwrap();
    let index_path = out.path().join("index.json");
    let part_path = out.path().join("index.first.json");
    let written = run(&[
        "index",
        &fixtures(),
        "--out",
        index_path.to_str().unwrap(),
        "--first-view",
        part_path.to_str().unwrap(),
    ]);
    assert_eq!(written.status.code(), Some(0));
    let index = std::fs::read(&index_path).unwrap();
    let part = std::fs::read(&part_path).unwrap();
    let mut scanner = topic_cards::index::PrefixScanner::new();
    let topic_cards::index::split::PrefixState::Found { len } = scanner.feed(&index) else {
        panic!("the index has a first-view prefix");
    };
    assert_eq!(part.len(), len + 1);
    assert_eq!(&part[..len], &index[..len]);
    assert_eq!(part.last(), Some(&b'}'));
    // A whole JSON object, which reads back as the index's first view.
    let whole: serde_json::Value = serde_json::from_slice(&part).unwrap();
    assert!(whole.get("offerings").is_none() && whole.get("articles").is_none());
    let view = topic_cards::index::decode_first_view(&part[..len]).unwrap();
    let decoded = topic_cards::index::decode(&index).unwrap();
    assert_eq!(Some(view.first_view), decoded.first_view);
    assert_eq!(view.topics, decoded.topics);

    let unwritable = out.path().join("missing-dir/first.json");
    let failed = run(&[
        "index",
        &fixtures(),
        "--out",
        index_path.to_str().unwrap(),
        "--first-view",
        unwritable.to_str().unwrap(),
    ]);
    assert_eq!(failed.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&failed.stderr);
    assert!(stderr.contains("cannot write"));
    // The run's own report still reaches the person.
    assert!(stderr.contains("indexed "), "{stderr}");
}

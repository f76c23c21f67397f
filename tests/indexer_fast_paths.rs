//! The indexer's fast roads give the index its general roads give. A synthetic corpus is
//! indexed as written (front matter in the shapes the block YAML reader takes) and again
//! with one trailing comment on each front matter's first line, which YAML reads as
//! nothing but which sends every file down the general YAML parser. Both indexes and
//! reports must be the same bytes. The CLI's buffered writer is checked against
//! `index::encode` on the same corpus.

use std::path::Path;
use std::process::Command;
use topic_cards::index::build::index_folder;

/// Copies `from` into `to`, adding ` # general` to the first line of each front matter.
fn copy_with_comments(from: &Path, to: &Path) -> usize {
    let mut changed = 0;
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let path = entry.unwrap().path();
        let target = to.join(path.file_name().unwrap());
        if path.is_dir() {
            changed += copy_with_comments(&path, &target);
            continue;
        }
        let text = std::fs::read_to_string(&path).unwrap();
        let out = match text.strip_prefix("---\n") {
            Some(rest) => {
                let end = rest.find('\n').unwrap();
                changed += 1;
                format!("---\n{} # general{}", &rest[..end], &rest[end..])
            }
            None => text,
        };
        std::fs::write(target, out).unwrap();
    }
    changed
}

#[test]
fn block_reader_and_general_parser_index_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let fast = dir.path().join("fast");
    let general = dir.path().join("general");
    topic_cards::synth::generate(&fast, 600, 11).unwrap();
    let changed = copy_with_comments(&fast, &general);
    assert!(changed >= 500, "only {changed} files have front matter");

    let (a, ra) = index_folder(&fast, Some("https://news.example"), &mut |_| {}).unwrap();
    let (b, rb) = index_folder(&general, Some("https://news.example"), &mut |_| {}).unwrap();
    assert_eq!(ra.indexed, 600, "{:?}", ra.skipped);
    assert_eq!(
        topic_cards::index::encode(&a),
        topic_cards::index::encode(&b)
    );
    assert_eq!(
        serde_json::to_string(&ra).unwrap(),
        serde_json::to_string(&rb).unwrap()
    );
}

#[test]
fn cli_writes_the_encoded_index() {
    let dir = tempfile::tempdir().unwrap();
    let content = dir.path().join("content");
    topic_cards::synth::generate(&content, 300, 5).unwrap();
    let out = dir.path().join("index.json");
    let status = Command::new(env!("CARGO_BIN_EXE_topic-cards"))
        .arg("index")
        .arg(&content)
        .arg("--out")
        .arg(&out)
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let (index, _) = index_folder(&content, None, &mut |_| {}).unwrap();
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        topic_cards::index::encode(&index)
    );
}

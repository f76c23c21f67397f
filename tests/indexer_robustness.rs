//! Inputs that must neither crash nor hang the indexer: empty and binary files, a file over
//! the size cap and one just under it, a YAML alias bomb, deep nesting, invalid UTF-8 and a
//! symlink loop. Each is indexed or skipped with a reason, and the run stays quick.

use std::path::Path;
use std::time::{Duration, Instant};
use topic_cards::content::source::MAX_FILE_BYTES;
use topic_cards::index::build::index_folder;

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    let path = dir.join(name);
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

fn alias_bomb() -> String {
    let mut yaml = String::from("---\ntitle: bomb\na: &a [x, x, x, x, x, x, x, x, x]\n");
    let mut prev = 'a';
    for name in 'b'..='j' {
        yaml.push_str(&format!(
            "{name}: &{name} [{}]\n",
            vec![format!("*{prev}"); 9].join(", ")
        ));
        prev = name;
    }
    yaml.push_str("---\nbody\n");
    yaml
}

#[test]
fn hostile_inputs_are_reported_quickly() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path();
    write(root, "empty.md", b"");
    write(root, "binary.md", &[0u8, 159, 146, 150, 0, 1, 2]);
    write(root, "bad-utf8.txt", b"Title\n\xc3\x28 broken\n");
    write(root, "bomb.md", alias_bomb().as_bytes());
    let deep = format!(
        "---\ntitle: deep\nx: {}{}\n---\n",
        "[".repeat(200_000),
        "]".repeat(200_000)
    );
    write(root, "deep.md", deep.as_bytes());
    let mut huge = b"Huge title\n".to_vec();
    huge.resize(MAX_FILE_BYTES as usize + 10, b'a');
    write(root, "huge.txt", &huge);
    // Just under the cap: a real (if silly) article that must be indexed, quickly.
    let mut big = String::from("---\ntitle: Big but allowed\n---\n");
    let paragraph = "<p>Telemedicine kiosks &amp; rural clinics share data.</p>\n";
    while big.len() + paragraph.len() < MAX_FILE_BYTES as usize - 100 {
        big.push_str(paragraph);
    }
    write(root, "big.md", big.as_bytes());
    write(root, "ok.md", b"---\ntitle: Fine\n---\nbody\n");
    #[cfg(unix)]
    {
        std::fs::create_dir(root.join("loop")).unwrap();
        std::os::unix::fs::symlink(root, root.join("loop/back")).unwrap();
    }

    let started = Instant::now();
    let (index, report) = index_folder(root, None, &mut |_| {}).unwrap();
    let elapsed = started.elapsed();
    assert!(elapsed < Duration::from_secs(60), "took {elapsed:?}");
    assert_eq!(report.indexed + report.skipped.len(), report.files_seen);

    let reason = |name: &str| {
        report
            .skipped
            .iter()
            .find(|s| s.path == name)
            .map(|s| s.reason.clone())
            .unwrap_or_else(|| panic!("{name} not skipped: {report:#?}"))
    };
    assert_eq!(reason("empty.md"), "empty");
    assert!(reason("binary.md").starts_with("binary"));
    assert!(reason("bad-utf8.txt").starts_with("not UTF-8"));
    assert!(
        reason("bomb.md").starts_with("invalid YAML"),
        "{}",
        reason("bomb.md")
    );
    assert!(reason("deep.md").starts_with("invalid YAML"));
    assert!(reason("huge.txt").contains("too large"));
    #[cfg(unix)]
    assert!(
        reason("loop/back").contains("symlink loop"),
        "{}",
        reason("loop/back")
    );

    let titles: Vec<&str> = index.articles.iter().map(|a| a.title.as_str()).collect();
    assert!(titles.contains(&"Fine"));
    let big = index
        .articles
        .iter()
        .find(|a| a.title == "Big but allowed")
        .unwrap();
    assert!(big.summary.chars().count() <= 301);
    assert!(big.text.len() <= 400);
}

#[test]
fn missing_folder_is_an_error_not_a_panic() {
    let err = index_folder(Path::new("/definitely/not/here"), None, &mut |_| {}).unwrap_err();
    assert!(err.contains("cannot read content folder"), "{err}");
    let file = tempfile::NamedTempFile::new().unwrap();
    assert!(index_folder(file.path(), None, &mut |_| {}).is_err());
}

#[test]
fn bad_base_url_is_an_error() {
    let dir = tempfile::tempdir().unwrap();
    assert!(index_folder(dir.path(), Some("javascript:alert(1)"), &mut |_| {}).is_err());
    assert!(index_folder(dir.path(), Some("no scheme"), &mut |_| {}).is_err());
}

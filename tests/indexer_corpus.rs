//! The indexer over the digital.gov news corpus (../shared/corpora/digitalgov-news beside
//! the crate), when present: about 2,000 real Hugo posts with real-world mess.

mod support;

use std::path::PathBuf;
use topic_cards::index::build::index_folder;

fn corpus() -> Option<PathBuf> {
    support::beside_crate("../shared/corpora/digitalgov-news")
}

#[test]
fn every_file_accounted_for_and_deterministic() {
    let Some(dir) = corpus() else { return };
    let (index, report) = index_folder(&dir, None, &mut |_| {}).unwrap();
    assert_eq!(report.indexed + report.skipped.len(), report.files_seen);
    assert!(report.indexed >= 2069, "indexed only {}", report.indexed);
    for skip in &report.skipped {
        assert!(!skip.reason.is_empty(), "{skip:?}");
    }
    // Every article has a title; nearly all have a date and topics from `topics`.
    assert!(index.articles.iter().all(|a| !a.title.is_empty()));
    let dated = index.articles.iter().filter(|a| a.date.is_some()).count();
    assert!(dated * 100 >= index.articles.len() * 99, "{dated}");
    assert!(index.groups.iter().any(|g| g.label == "Topics"));
    // No summary keeps markup or entities.
    for a in &index.articles {
        assert!(
            !a.summary.contains("&#") && !a.summary.contains("{{<"),
            "{}: {}",
            a.id,
            a.summary
        );
        assert!(a.summary.chars().count() <= 301, "{}", a.id);
    }
    // Ids are unique.
    let mut ids: Vec<&str> = index.articles.iter().map(|a| a.id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), index.articles.len());

    let (again, report_again) = index_folder(&dir, None, &mut |_| {}).unwrap();
    assert_eq!(
        topic_cards::index::encode(&index),
        topic_cards::index::encode(&again)
    );
    assert_eq!(report, report_again);
}

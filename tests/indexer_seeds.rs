//! The indexer over the project's seed articles (../shared/seeds beside the crate), when
//! they are present: the real shapes the issue was written from.

mod support;

use std::path::PathBuf;
use topic_cards::index::build::index_folder;

fn seeds() -> Option<PathBuf> {
    support::beside_crate("../shared/seeds")
}

#[test]
fn seeds_index_completely_with_their_fields() {
    let Some(dir) = seeds() else { return };
    let (index, report) = index_folder(&dir, None, &mut |_| {}).unwrap();
    assert_eq!(report.indexed + report.skipped.len(), report.files_seen);
    let article_files = std::fs::read_dir(&dir)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "txt")
        })
        .count();
    assert_eq!(report.indexed, article_files, "{:?}", report.skipped);

    let curated = index
        .articles
        .iter()
        .find(|a| a.id == "14087")
        .expect("seed 000");
    assert_eq!(curated.date.as_deref(), Some("2022-07-13"));
    assert_eq!(
        index.types[curated.content_type.unwrap() as usize].name,
        "curated"
    );
    assert_eq!(
        index.brands[curated.brand.unwrap() as usize].name,
        "healthcareitnews.com"
    );
    assert_eq!(curated.authors, vec!["Athira Ravi"]);
    assert!(curated
        .url
        .as_deref()
        .unwrap()
        .starts_with("https://www.healthcareitnews.com/"));
    assert!(curated
        .image
        .as_ref()
        .unwrap()
        .src
        .ends_with("-featuredImage.jpeg"));
    assert_eq!(curated.offerings.len(), 5);
    assert!(!curated.summary.contains("<") && !curated.summary.contains("&nbsp;"));

    let contributed = index
        .articles
        .iter()
        .find(|a| a.id == "73218")
        .expect("seed 001");
    assert_eq!(contributed.date.as_deref(), Some("2023-03-03"));
    assert_eq!(
        index.types[contributed.content_type.unwrap() as usize].name,
        "contributed"
    );
    // `' Telehealth'` is trimmed.
    let labels: Vec<&str> = contributed
        .topics
        .iter()
        .map(|&t| index.topics[t as usize].label.as_str())
        .collect();
    assert!(labels.contains(&"Telehealth"), "{labels:?}");
    assert!(labels.contains(&"Equity of Access"), "{labels:?}");

    // Plain-text seeds: titles from the first line, no repeated title in the summary,
    // inferred topics from the corpus vocabulary, and the byline date of seed 004.
    let plain: Vec<_> = index.articles.iter().filter(|a| a.inferred).collect();
    assert_eq!(plain.len(), 3);
    for a in &plain {
        assert!(!a.summary.starts_with(&a.title), "{}", a.title);
        assert!(a.topics.len() <= 3 && !a.topics.is_empty());
    }
    let vs = index
        .articles
        .iter()
        .find(|a| a.title == "Telehealth vs telemedicine")
        .unwrap();
    assert_eq!(vs.date.as_deref(), Some("2022-12-30"));

    // Offering permalinks and the image are site-relative: reported once, as a count.
    assert!(report.relative_links >= 6);
    assert!(report
        .summary_line()
        .contains("relative links kept: no --base-url"));
}

#[test]
fn seeds_with_base_url_have_no_relative_links() {
    let Some(dir) = seeds() else { return };
    let (index, report) = index_folder(&dir, Some("https://www.medigy.com/"), &mut |_| {}).unwrap();
    assert_eq!(report.relative_links, 0);
    for offering in &index.offerings {
        assert!(offering
            .url
            .as_deref()
            .unwrap()
            .starts_with("https://www.medigy.com/offering/"));
    }
}

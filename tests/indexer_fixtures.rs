//! The indexer over our own folder of messy cases (tests/fixtures/content): every rule of
//! the content issue, checked through the public API on real files.

use std::path::Path;
use topic_cards::index::build::index_folder;
use topic_cards::model::{Article, Index};

fn fixtures() -> (Index, topic_cards::content::Report) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content");
    index_folder(&root, None, &mut |_| {}).expect("fixture folder is readable")
}

fn article<'a>(index: &'a Index, id: &str) -> &'a Article {
    index
        .articles
        .iter()
        .find(|a| a.id == id)
        .unwrap_or_else(|| panic!("no article {id}"))
}

fn topic_names(index: &Index, article: &Article) -> Vec<String> {
    article
        .topics
        .iter()
        .map(|&t| {
            let topic = &index.topics[t as usize];
            format!(
                "{}: {}",
                index.groups[topic.group as usize].label, topic.label
            )
        })
        .collect()
}

#[test]
fn every_file_is_indexed_or_skipped_with_a_reason() {
    let (index, report) = fixtures();
    assert_eq!(report.indexed, index.articles.len());
    assert_eq!(report.indexed + report.skipped.len(), report.files_seen);
    // Hidden files and folders are never seen.
    assert_eq!(report.files_seen, 20);
    let reasons: Vec<String> = report.skipped.iter().map(ToString::to_string).collect();
    let expect = [
        "bad/blank.txt: empty",
        "bad/empty.md: empty",
        "bad/invalid-toml.md:3: invalid TOML",
        "bad/invalid-yaml.md:",
        "bad/latin1.txt:1: not UTF-8",
        "bad/no-title.md:2: no title",
        "bad/not-a-map.md:2: front matter is not a mapping",
        "bad/picture.png: not an article file (.png)",
        "bad/unterminated.md:1: unterminated front matter",
        "bad/zeros.md: binary file",
    ];
    assert_eq!(reasons.len(), expect.len(), "{reasons:#?}");
    for (got, want) in reasons.iter().zip(expect) {
        assert!(got.starts_with(want), "{got} should start with {want}");
    }
    let yaml = &report.skipped[3];
    assert!(yaml.reason.starts_with("invalid YAML"));
    assert!(
        matches!(yaml.line, Some(3..=5)),
        "YAML line is a file line: {yaml}"
    );
}

#[test]
fn yaml_with_bom_and_crlf_reads_every_card_field() {
    let (index, _) = fixtures();
    let a = article(&index, "9001");
    assert_eq!(a.title, "Remote clinics reach hill towns");
    assert_eq!(
        a.summary,
        "A pilot links two hill towns to a city hospital & its nurses."
    );
    assert_eq!(a.date.as_deref(), Some("2023-05-04"));
    assert_eq!(
        a.url.as_deref(),
        Some("https://news.carenetwork.example/remote-clinics")
    );
    assert_eq!(
        index.brands[a.brand.unwrap() as usize].name,
        "carenetwork.example"
    );
    assert_eq!(
        index.types[a.content_type.unwrap() as usize].name,
        "curated"
    );
    assert_eq!(a.authors, vec!["Ada Quill", "Ben Oyelaran"]);
    let image = a.image.as_ref().unwrap();
    assert_eq!(image.src, "5d1e-featuredImage.jpeg");
    assert_eq!((image.width, image.height), (Some(1200), Some(630)));
    assert_eq!(
        topic_names(&index, a),
        vec!["Care Network: Rural Health", "Care Network: Telemedicine",],
        "tags are not topics"
    );
    // Script content never reaches the text; body words do.
    assert!(!a.text.contains("trackvisit") && !a.text.contains("index"));
    assert!(a.text.split(' ').any(|t| t == "kiosk"), "{}", a.text);
    // The most frequent body word comes first.
    assert!(a.text.starts_with("kiosk"), "{}", a.text);
}

#[test]
fn topics_merge_spacing_and_case_and_take_source_slugs() {
    let (index, _) = fixtures();
    let rural = index
        .topics
        .iter()
        .find(|t| t.label == "Rural Health")
        .unwrap();
    assert_eq!(rural.slug, "care-network-rural-health");
    assert_eq!(
        rural.url.as_deref(),
        Some("topic/care-network-rural-health")
    );
    // `ai` in one file and `AI` in another are one topic, shown as `AI`.
    let ai: Vec<_> = index
        .topics
        .iter()
        .filter(|t| {
            index.groups[t.group as usize].label == "Topics" && t.label.eq_ignore_ascii_case("ai")
        })
        .collect();
    assert_eq!(ai.len(), 1);
    assert_eq!((ai[0].label.as_str(), ai[0].count), ("AI", 2));
    // `Devices: Kiosks` (an offering category) and `Devices: kiosks` (an article's) merge.
    let kiosks = index.topics.iter().find(|t| t.label == "Kiosks").unwrap();
    assert_eq!(kiosks.slug, "devices-kiosks");
    // Dictionaries are sorted: groups by label, topics by group then label.
    let groups: Vec<&str> = index.groups.iter().map(|g| g.label.as_str()).collect();
    let mut sorted = groups.clone();
    sorted.sort_by_key(|g| g.to_lowercase());
    assert_eq!(groups, sorted);
    for pair in index.topics.windows(2) {
        assert!(
            (pair[0].group, pair[0].label.to_lowercase())
                < (pair[1].group, pair[1].label.to_lowercase()),
            "{pair:?}"
        );
    }
}

#[test]
fn toml_front_matter_with_scalar_categories() {
    let (index, _) = fixtures();
    let a = article(&index, "scheduling-nurses");
    assert_eq!(a.date.as_deref(), Some("2020-07-22"));
    assert_eq!(
        index.types[a.content_type.unwrap() as usize].name,
        "contributed"
    );
    assert_eq!(a.authors, vec!["Cy Moreno"]);
    assert_eq!(
        index.brands[a.brand.unwrap() as usize].name,
        "blog.example.org"
    );
    assert!(topic_names(&index, a).contains(&"Care Network: Staffing".to_string()));
    assert_eq!(
        a.summary,
        "Rosters were built by hand. An open data feed of shift needs cut the work in half."
    );
}

#[test]
fn plain_text_title_byline_date_and_inferred_topics() {
    let (index, _) = fixtures();
    let a = article(&index, "plain/telesante");
    assert_eq!(a.title, "Télésanté in small clinics");
    assert_eq!(a.date.as_deref(), Some("2021-03-09"));
    assert!(!a.summary.contains("Télésanté in small clinics"));
    assert!(!a.summary.contains("min read"));
    assert!(a.inferred);
    let names = topic_names(&index, a);
    assert!(names.len() <= 3);
    assert!(
        names.contains(&"Care Network: Telemedicine".to_string()),
        "{names:?}"
    );
    assert!(
        names.contains(&"Care Network: Rural Health".to_string()),
        "{names:?}"
    );
    // A file without extension is read as plain text.
    assert_eq!(
        article(&index, "notes").title,
        "Kiosk maintenance checklist"
    );
}

#[test]
fn html_entities_and_unsafe_links() {
    let (index, report) = fixtures();
    let a = article(&index, "curated/html-mess");
    assert_eq!(a.title, "Privacy & kiosks: what patients ask");
    assert_eq!(
        a.summary,
        "Patients ask who sees kiosk data. Answers below."
    );
    assert_eq!(a.date.as_deref(), Some("2015-04-01"));
    assert_eq!(a.url, None, "javascript: link dropped");
    assert_eq!(a.image, None, "data: image dropped");
    assert!(!a.text.contains("color"));
    let warnings: Vec<(Option<usize>, String)> = report
        .warnings
        .iter()
        .filter(|w| w.path == "curated/html-mess.md")
        .map(|w| (w.line, w.message.clone()))
        .collect();
    assert_eq!(warnings.len(), 2, "{warnings:?}");
    // Each dropped link is reported at the header line that gives it.
    assert!(
        warnings
            .iter()
            .any(|(line, w)| *line == Some(5) && w.contains("javascript:")),
        "{warnings:?}"
    );
    assert!(
        warnings
            .iter()
            .any(|(line, w)| *line == Some(7) && w.contains("data:")),
        "{warnings:?}"
    );
}

#[test]
fn digitalgov_fields_fallbacks_and_duplicates() {
    let (index, report) = fixtures();
    let chat = article(&index, "chatbots-for-benefits");
    assert_eq!(
        chat.summary,
        "A team tested a chatbot for common benefit questions."
    );
    assert_eq!(chat.authors, vec!["Dana Whitfield", "Lee Park"]);
    assert_eq!(
        topic_names(&index, chat),
        vec!["Topics: AI", "Topics: Customer Experience"]
    );
    assert!(
        !chat.text.contains("example") && !chat.text.contains("img"),
        "{}",
        chat.text
    );
    let og = article(&index, "20240115");
    assert_eq!(og.title, "Open Graph title wins when title is null");
    assert_eq!(og.summary, "The Open Graph description fills the summary.");
    assert_eq!(og.authors, vec!["Rae Lin"]);
    assert_eq!(og.image, None);
    assert!(article(&index, "shared-id").title.starts_with("First"));
    assert!(article(&index, "shared-id-2").title.starts_with("Second"));
    assert!(report
        .warnings
        .iter()
        .any(|w| w.message.contains("duplicate id")));
    assert!(report
        .warnings
        .iter()
        .any(|w| w.message.contains("expirydate")));
}

#[test]
fn offerings_are_deduplicated_with_topics_and_counts() {
    let (index, report) = fixtures();
    let labels: Vec<&str> = index.offerings.iter().map(|o| o.label.as_str()).collect();
    assert_eq!(labels, vec!["ClinicLink Video", "Hillside Kiosk"]);
    let kiosk = &index.offerings[1];
    assert_eq!(kiosk.offering_id, Some(502));
    assert_eq!(kiosk.url.as_deref(), Some("/offering/hillside-kiosk"));
    assert_eq!(kiosk.count, 1);
    assert_eq!(index.topics[kiosk.topics[0] as usize].label, "Kiosks");
    // Two offering links, one image and two topic pages stay relative without a base URL.
    assert_eq!(report.relative_links, 5);
}

#[test]
fn base_url_makes_relative_links_absolute() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/content");
    let (index, report) =
        index_folder(&root, Some("https://carenetwork.example/"), &mut |_| {}).unwrap();
    assert_eq!(report.relative_links, 0);
    assert_eq!(
        index.offerings[1].url.as_deref(),
        Some("https://carenetwork.example/offering/hillside-kiosk")
    );
    let a = article(&index, "9001");
    assert_eq!(
        a.image.as_ref().unwrap().src,
        "https://carenetwork.example/5d1e-featuredImage.jpeg"
    );
}

#[test]
fn order_newest_first_undated_last_and_first_view() {
    let (index, _) = fixtures();
    let dates: Vec<Option<&str>> = index.articles.iter().map(|a| a.date.as_deref()).collect();
    let first_undated = dates.iter().position(Option::is_none).unwrap();
    assert!(dates[first_undated..].iter().all(Option::is_none));
    for pair in dates[..first_undated].windows(2) {
        assert!(pair[0] >= pair[1]);
    }
    let undated: Vec<&str> = index.articles[first_undated..]
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    let mut sorted = undated.clone();
    sorted.sort_unstable();
    assert_eq!(undated, sorted);
    let view = index.first_view.as_ref().unwrap();
    assert_eq!(view.total as usize, index.articles.len());
    assert_eq!(view.articles[0], index.articles[0]);
}

#[test]
fn two_runs_give_identical_bytes() {
    let (a, ra) = fixtures();
    let (b, rb) = fixtures();
    assert_eq!(
        topic_cards::index::encode(&a),
        topic_cards::index::encode(&b)
    );
    assert_eq!(
        serde_json::to_string(&ra).unwrap(),
        serde_json::to_string(&rb).unwrap()
    );
}

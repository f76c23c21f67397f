//! Builds small indexes in code for the engine's tests and benchmarks: a fixed hand-made
//! index whose answers can be worked out by hand, and a deterministic synthetic one of any
//! size drawn from a small vocabulary.
#![allow(dead_code)]

use std::path::PathBuf;
use topic_cards::model::{Article, Facet, Group, Index, Offering, Topic, FORMAT, VERSION};

/// A folder given relative to the crate (`../shared/seeds`), when it is present; tests that
/// read corpora kept outside the repo skip, with a note, where they are not.
pub fn beside_crate(path: &str) -> Option<PathBuf> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path);
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("skipping: {} not present", dir.display());
        None
    }
}

/// A builder that keeps dictionary counts in step with the articles added.
pub struct IndexBuilder {
    pub index: Index,
}

impl IndexBuilder {
    pub fn new(groups: &[&str], topics: &[(u32, &str)], types: &[&str], brands: &[&str]) -> Self {
        let index = Index {
            format: FORMAT.into(),
            version: VERSION,
            groups: groups
                .iter()
                .map(|g| Group { label: (*g).into() })
                .collect(),
            topics: topics
                .iter()
                .map(|&(group, label)| Topic {
                    group,
                    label: label.into(),
                    slug: format!("{}-{}", slug(groups[group as usize]), slug(label)),
                    url: None,
                    count: 0,
                })
                .collect(),
            types: types
                .iter()
                .map(|t| Facet {
                    name: (*t).into(),
                    count: 0,
                })
                .collect(),
            brands: brands
                .iter()
                .map(|b| Facet {
                    name: (*b).into(),
                    count: 0,
                })
                .collect(),
            first_view: None,
            offerings: Vec::new(),
            articles: Vec::new(),
        };
        IndexBuilder { index }
    }

    pub fn offering(&mut self, label: &str) -> u32 {
        self.index.offerings.push(Offering {
            offering_id: None,
            label: label.into(),
            url: None,
            topics: Vec::new(),
            count: 0,
        });
        self.index.offerings.len() as u32 - 1
    }

    /// Adds an article; returns its id (articles must be added newest first).
    pub fn article(&mut self, a: Art) -> u32 {
        for &t in &a.topics {
            self.index.topics[t as usize].count += 1;
        }
        for &o in &a.offerings {
            self.index.offerings[o as usize].count += 1;
        }
        if let Some(b) = a.brand {
            self.index.brands[b as usize].count += 1;
        }
        if let Some(t) = a.content_type {
            self.index.types[t as usize].count += 1;
        }
        let id = self.index.articles.len();
        self.index.articles.push(Article {
            id: format!("a{id}"),
            title: a.title,
            summary: a.summary,
            date: a.date,
            url: None,
            brand: a.brand,
            image: None,
            authors: Vec::new(),
            content_type: a.content_type,
            topics: a.topics,
            inferred: false,
            offerings: a.offerings,
            text: a.text,
        });
        id as u32
    }

    pub fn build(self) -> Index {
        self.index
    }
}

/// The fields a test sets on an article.
#[derive(Default)]
pub struct Art {
    pub title: String,
    pub summary: String,
    pub text: String,
    pub date: Option<String>,
    pub brand: Option<u32>,
    pub content_type: Option<u32>,
    pub topics: Vec<u32>,
    pub offerings: Vec<u32>,
}

fn slug(text: &str) -> String {
    text.to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-")
}

/// A deterministic pseudo-random generator (xorshift), so synthetic indexes are the same
/// on every run and machine.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed | 1)
    }
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

const WORDS: &[&str] = &[
    "telehealth",
    "telemedicine",
    "data",
    "privacy",
    "accessibility",
    "patient",
    "hospital",
    "records",
    "interoperability",
    "security",
    "ransomware",
    "cloud",
    "analytics",
    "clinician",
    "workflow",
    "burnout",
    "nursing",
    "pharmacy",
    "imaging",
    "radiology",
    "genomics",
    "wearable",
    "monitoring",
    "remote",
    "rural",
    "equity",
    "payment",
    "billing",
    "insurance",
    "medicare",
    "medicaid",
    "policy",
    "regulation",
    "compliance",
    "breach",
    "vendor",
    "platform",
    "startup",
    "funding",
    "merger",
    "acquisition",
    "workforce",
    "training",
    "outcomes",
    "quality",
    "safety",
    "diagnosis",
    "triage",
    "emergency",
    "pediatric",
    "oncology",
    "cardiology",
    "diabetes",
    "obesity",
    "mental",
    "behavioral",
    "addiction",
    "virtual",
    "visit",
    "portal",
    "messaging",
    "scheduling",
    "staffing",
    "automation",
    "artificial",
    "intelligence",
    "machine",
    "learning",
    "model",
    "algorithm",
    "bias",
    "consent",
    "identity",
    "network",
    "exchange",
    "standard",
    "fhir",
    "api",
    "mobile",
    "app",
    "device",
    "sensor",
    "smart",
    "home",
    "care",
    "coordination",
    "population",
    "public",
    "health",
    "agency",
    "federal",
    "state",
    "county",
    "clinic",
    "community",
    "research",
    "trial",
    "evidence",
    "study",
    "survey",
    "report",
    "market",
    "growth",
    "strategy",
    "cost",
    "savings",
    "value",
    "contract",
    "partnership",
    "launch",
    "pilot",
    "program",
    "grant",
    "Café",
    "Zürich",
    "naïve",
    "résumé",
    "Straße",
];

/// Filler vocabulary: `count` made-up words built from syllables, so a synthetic corpus has
/// a realistically large dictionary and not just the health words.
fn filler(count: usize) -> Vec<String> {
    const SYLLABLES: &[&str] = &[
        "ka", "lo", "mi", "ne", "ru", "sa", "ti", "vo", "ber", "dan", "fel", "gor", "hin", "jas",
        "kel", "mor", "nal", "pen", "quo", "ris", "sol", "tam", "ul", "ven", "wex", "yar", "zen",
        "tion", "ment", "ing",
    ];
    let n = SYLLABLES.len();
    (0..count)
        .map(|i| {
            let (a, b, c) = (i % n, (i / n) % n, (i / (n * n)) % n);
            format!("{}{}{}", SYLLABLES[a], SYLLABLES[b], SYLLABLES[c])
        })
        .collect()
}

/// A synthetic index of `articles` articles: 6 groups x 8 topics, 2 types, 12 brands,
/// 400 offerings. Text mixes the health words (about one word in six) with filler words
/// drawn with a skew towards the first ones, as natural vocabularies are skewed. Newest
/// first, dates over about eleven years, the last article undated.
pub fn synthetic(articles: usize, seed: u64) -> Index {
    let mut rng = Rng::new(seed);
    let filler = filler(20_000);
    let groups = [
        "Healthcare IT News",
        "Fierce Healthcare",
        "MobiHealthNews",
        "HealthLeaders",
        "Modern Healthcare",
        "Becker's",
    ];
    let mut topics = Vec::new();
    for g in 0..groups.len() as u32 {
        for t in 0..8 {
            topics.push((g, WORDS[(g as usize * 8 + t) % WORDS.len()]));
        }
    }
    let brands: Vec<String> = (0..12).map(|b| format!("brand{b}.example.com")).collect();
    let brand_refs: Vec<&str> = brands.iter().map(String::as_str).collect();
    let mut b = IndexBuilder::new(&groups, &topics, &["curated", "contributed"], &brand_refs);
    for o in 0..400 {
        let label = format!(
            "{} {} suite {o}",
            WORDS[o % WORDS.len()],
            WORDS[(o * 7) % WORDS.len()]
        );
        b.offering(&label);
    }
    let sentence = |rng: &mut Rng, words: usize| -> String {
        let mut out = String::new();
        for i in 0..words {
            if i > 0 {
                out.push(' ');
            }
            if rng.below(6) == 0 {
                out.push_str(WORDS[rng.below(WORDS.len())]);
            } else {
                // u^3 skews towards low indexes: a few filler words are very common.
                let u = (rng.next() % 1_000_000) as f64 / 1_000_000.0;
                out.push_str(&filler[(u * u * u * filler.len() as f64) as usize]);
            }
        }
        out
    };
    let days = 3650;
    for i in 0..articles {
        let day = days - (i * days / articles.max(1));
        // A 12 x 28-day calendar keeps dates valid and falling as `i` grows.
        let date = format!(
            "{:04}-{:02}-{:02}",
            2015 + day / 336,
            1 + (day % 336) / 28,
            1 + day % 28
        );
        let mut topic_ids: Vec<u32> = (0..1 + rng.below(3))
            .map(|_| rng.below(topics.len()) as u32)
            .collect();
        topic_ids.sort_unstable();
        topic_ids.dedup();
        let offerings: Vec<u32> = (0..rng.below(3)).map(|_| rng.below(400) as u32).collect();
        let undated = i + 1 == articles && articles > 10;
        b.article(Art {
            title: sentence(&mut rng, 8),
            summary: sentence(&mut rng, 30),
            // The indexer keeps at most 40 telling body terms per article.
            text: sentence(&mut rng, 40),
            date: (!undated).then_some(date),
            brand: Some(rng.below(12) as u32),
            content_type: Some(rng.below(2) as u32),
            topics: topic_ids,
            offerings,
        });
    }
    b.build()
}

/// The hand-made index the engine tests reason about: 2 groups, 5 topics, 2 types, 2
/// brands, 3 offerings, 6 articles (the last undated).
pub fn fixture() -> Index {
    let mut b = IndexBuilder::new(
        &["Healthcare IT News", "Fierce Healthcare"],
        &[
            (0, "Telemedicine"),
            (0, "Privacy"),
            (0, "Accessibility"),
            (1, "Policy"),
            (1, "Payers"),
        ],
        &["curated", "contributed"],
        &["healthcareitnews.com", "fiercehealthcare.com"],
    );
    let consent = b.offering("Consent Hub");
    let visit = b.offering("Virtual Visit Kit");
    let audit = b.offering("Audit Trail");
    b.article(Art {
        title: "Telehealth visits keep growing".into(),
        date: Some("2024-03-10".into()),
        brand: Some(0),
        content_type: Some(0),
        topics: vec![0],
        offerings: vec![visit],
        ..Art::default()
    });
    b.article(Art {
        title: "Data privacy rules for apps".into(),
        summary: "New consent rules arrive".into(),
        date: Some("2024-02-01".into()),
        brand: Some(1),
        content_type: Some(1),
        topics: vec![1, 3],
        offerings: vec![consent, audit],
        ..Art::default()
    });
    b.article(Art {
        title: "Web accessibility in patient portals".into(),
        date: Some("2023-11-20".into()),
        brand: Some(0),
        content_type: Some(0),
        topics: vec![2],
        offerings: vec![visit],
        ..Art::default()
    });
    b.article(Art {
        title: "Payers weigh telemedicine coverage".into(),
        text: "parity for telehealth".into(),
        date: Some("2023-04-15".into()),
        brand: Some(1),
        content_type: Some(0),
        topics: vec![0, 4],
        offerings: vec![visit],
        ..Art::default()
    });
    b.article(Art {
        title: "Café culture at the Zürich clinic".into(),
        summary: "Straße names and a database".into(),
        date: Some("2023-04-01".into()),
        brand: Some(0),
        content_type: Some(1),
        ..Art::default()
    });
    b.article(Art {
        title: "Undated explainer on data sharing".into(),
        topics: vec![1],
        offerings: vec![consent],
        ..Art::default()
    });
    b.build()
}

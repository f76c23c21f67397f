//! The shared world every synthetic article draws from: topic popularity, offerings with
//! their categories, the author pool and brand popularity. Built once per corpus from the
//! seed, then read (never changed) by every worker thread.

use super::rng::{Rng, Weighted};
use super::vocab::{FAMILY, GIVEN, GROUPS, MAKERS, PRODUCTS, TOPICS};
use super::yaml::slugify;

/// Stream numbers keep the catalog's draws apart from the articles' draws.
const STREAM_CATALOG: u64 = 1;

/// Editions that make offering names unique once every maker/product pair is used.
const EDITIONS: [&str; 8] = [
    "Pro",
    "Lite",
    "Plus",
    "Edge",
    "One",
    "Go",
    "Enterprise",
    "Care",
];

pub struct Offering {
    pub id: u64,
    pub label: String,
    pub permalink: String,
    /// Indices into [`TOPICS`].
    pub topics: Vec<usize>,
}

pub struct Catalog {
    pub topic_popularity: Weighted,
    pub brand_popularity: Weighted,
    pub offerings: Vec<Offering>,
    pub offering_popularity: Weighted,
    /// Per topic: offerings carrying that topic, and their popularity among themselves.
    pub offerings_by_topic: Vec<(Vec<usize>, Weighted)>,
    pub authors: Vec<String>,
    pub author_popularity: Weighted,
}

impl Catalog {
    /// The catalog for a corpus of `count` articles: about 300 offerings at 10k articles,
    /// growing with the square root of the corpus so large corpora get a longer tail.
    pub fn new(seed: u64, count: usize, brands: usize) -> Self {
        let mut rng = Rng::for_item(seed, STREAM_CATALOG, 0);
        let offering_count = (150.0 + 1.5 * (count as f64).sqrt()).round() as usize;
        let topic_popularity = Weighted::new(topic_weights());
        let offerings = make_offerings(&mut rng, offering_count, &topic_popularity);
        let offering_popularity = Weighted::zipf(offerings.len(), 0.9);
        let offerings_by_topic = (0..TOPICS.len())
            .map(|topic| {
                let members: Vec<usize> = (0..offerings.len())
                    .filter(|&o| offerings[o].topics.contains(&topic))
                    .collect();
                let weights = members.iter().map(|&o| 1.0 / ((o + 1) as f64).powf(0.9));
                let popularity = Weighted::new(weights);
                (members, popularity)
            })
            .collect();
        let authors: Vec<String> = (0..260)
            .map(|_| format!("{} {}", rng.pick(&GIVEN), rng.pick(&FAMILY)))
            .collect();
        let author_popularity = Weighted::zipf(authors.len(), 0.7);
        Self {
            topic_popularity,
            brand_popularity: Weighted::zipf(brands, 0.8),
            offerings,
            offering_popularity,
            offerings_by_topic,
            authors,
            author_popularity,
        }
    }
}

/// Zipf-like topic weights over an interleaved rank (first topic of each group most
/// popular, then the second of each, ...), so every group has a head and a tail.
fn topic_weights() -> Vec<f64> {
    let mut seen_in_group = [0usize; GROUPS.len()];
    TOPICS
        .iter()
        .map(|topic| {
            let position = seen_in_group[topic.group];
            seen_in_group[topic.group] += 1;
            let rank = position * GROUPS.len() + topic.group;
            1.0 / ((rank + 1) as f64).powf(0.9)
        })
        .collect()
}

fn make_offerings(rng: &mut Rng, n: usize, topics: &Weighted) -> Vec<Offering> {
    // Every maker/product pair once, in a seed-dependent order; editions beyond that.
    let pairs = MAKERS.len() * PRODUCTS.len();
    let mut order: Vec<usize> = (0..pairs).collect();
    for i in (1..order.len()).rev() {
        order.swap(i, rng.below(i + 1));
    }
    (0..n)
        .map(|j| {
            let pair = order[j % pairs];
            let (product, home_topic) = PRODUCTS[pair % PRODUCTS.len()];
            let maker = MAKERS[pair / PRODUCTS.len()];
            let label = match j / pairs {
                0 => format!("{maker} {product}"),
                round => format!(
                    "{maker} {product} {}",
                    EDITIONS[(round - 1) % EDITIONS.len()]
                ),
            };
            let mut offering_topics = vec![home_topic];
            if rng.chance(0.4) {
                let extra = topics.sample(rng);
                if extra != home_topic {
                    offering_topics.push(extra);
                }
            }
            Offering {
                id: 3000 + j as u64,
                permalink: format!("/offering/{}", slugify(&label, 80)),
                label,
                topics: offering_topics,
            }
        })
        .collect()
}

//! Builds an [`crate::model::Index`] from parsed documents (native only).
//!
//! Cross-file work happens here: unique article ids, the topic vocabulary (merged across
//! case and spacing variants), inferred topics for articles without categories, offerings
//! de-duplicated across articles, links made safe and absolute, dictionaries sorted and
//! ids assigned as positions. The result depends only on the documents, so two runs over
//! the same folder give identical bytes.

pub mod infer;
pub mod offerings;
pub mod terms;
pub mod topics;

use crate::content::links::{LinkResolver, Resolved};
use crate::content::{Document, Report, Warning};
use crate::model::{self, Article, Facet, Group, Image, Index, Offering, Topic};
use offerings::{OfferingKey, OfferingTable};
use rustc_hash::FxHashMap;
use std::collections::{BTreeMap, BTreeSet, HashSet};
use std::path::Path;
use topics::{TopicKey, TopicTable};

/// An index and what building it had to say.
#[derive(Debug)]
pub struct Built {
    pub index: Index,
    pub warnings: Vec<Warning>,
    /// Distinct links kept relative (no base URL).
    pub relative_links: usize,
}

/// Reads a content folder and builds its index. `progress` is called once per file seen.
/// Fails only when the folder cannot be read or the base URL is unusable.
pub fn index_folder(
    root: &Path,
    base_url: Option<&str>,
    progress: &mut dyn FnMut(&str),
) -> Result<(Index, Report), String> {
    let links = LinkResolver::new(base_url)?;
    let timings = std::env::var_os("TOPIC_CARDS_TIMINGS").is_some();
    let started = std::time::Instant::now();
    let mut scan = crate::content::scan(root, progress)
        .map_err(|e| format!("cannot read content folder {}: {e}", root.display()))?;
    let scanned = started.elapsed();
    let built = build(&scan.documents, &links);
    // Freeing 100k documents one by one is a visible share of a large build; it needs
    // nothing from the caller, so it happens beside the encoding that follows.
    let documents = std::mem::take(&mut scan.documents);
    let _ = std::thread::Builder::new()
        .name("free-documents".into())
        .spawn(move || drop(documents));
    if timings {
        // Where an indexing run's time goes, for tuning (set TOPIC_CARDS_TIMINGS=1).
        eprintln!(
            "timings: read {:.2?}, build {:.2?}",
            scanned,
            started.elapsed() - scanned
        );
    }
    let mut report = Report {
        files_seen: scan.files_seen,
        indexed: built.index.articles.len(),
        relative_links: built.relative_links,
        base_url: base_url.map(str::to_string),
        skipped: scan.skipped,
        warnings: built.warnings,
    };
    report.sort();
    Ok((built.index, report))
}

/// Builds the index from documents (in path order, as [`crate::content::scan`] gives them).
pub fn build(documents: &[Document], links: &LinkResolver) -> Built {
    let mut log = LinkLog {
        resolver: links,
        shared: FxHashMap::default(),
        relative: BTreeSet::new(),
        warnings: Vec::new(),
    };
    let ids = unique_ids(documents, &mut log.warnings);

    // Topics and offerings, keyed until the dictionaries are sorted.
    let mut table = TopicTable::default();
    let mut offers = OfferingTable::default();
    let mut article_topics: Vec<BTreeSet<TopicKey>> = Vec::with_capacity(documents.len());
    let mut article_offers: Vec<Vec<OfferingKey>> = Vec::with_capacity(documents.len());
    for (i, doc) in documents.iter().enumerate() {
        let mut keys = BTreeSet::new();
        for category in &doc.categories {
            let mut category = category.clone();
            category.url = log.resolve_shared(doc, "topic link", category.url.as_deref());
            let key = table.add(&category);
            table.tag(&key, i);
            keys.insert(key);
        }
        let mut refs = Vec::new();
        for offering in &doc.offerings {
            let url = log.resolve_shared(doc, "offering link", offering.url.as_deref());
            let topic_keys: Vec<TopicKey> =
                offering.categories.iter().map(|c| table.add(c)).collect();
            let key = offers.add(offering, url, topic_keys, i);
            if !refs.contains(&key) {
                refs.push(key);
            }
        }
        article_topics.push(keys);
        article_offers.push(refs);
    }

    // Inferred topics, from the vocabulary the sources themselves use.
    let vocabulary_keys: Vec<TopicKey> = table.topics.keys().cloned().collect();
    let labels: Vec<String> = table.topics.values().map(|t| t.label.best()).collect();
    let vocabulary = infer::Vocabulary::new(labels.iter().map(String::as_str));
    let mut inferred = vec![false; documents.len()];
    for (i, doc) in documents.iter().enumerate() {
        if !doc.categories.is_empty() {
            continue;
        }
        for found in vocabulary.infer(&doc.title, &doc.body) {
            let key = vocabulary_keys[found].clone();
            table.tag(&key, i);
            article_topics[i].insert(key);
            inferred[i] = true;
        }
    }

    // Dictionaries, sorted; ids are positions.
    let (group_labels, placed) = topics::place(&table);
    let topic_id: BTreeMap<&TopicKey, u32> = placed
        .iter()
        .enumerate()
        .map(|(id, p)| (&p.key, id as u32))
        .collect();
    let offer_order = offers.ordered();
    let offer_id: BTreeMap<&OfferingKey, u32> = offer_order
        .iter()
        .enumerate()
        .map(|(id, k)| (*k, id as u32))
        .collect();
    let brands = facet(documents.iter().map(|d| d.brand.clone()));
    let types = facet(documents.iter().map(|d| d.content_type.clone()));
    let facet_id = |facets: &[Facet], name: &Option<String>| {
        name.as_ref()
            .and_then(|n| facets.iter().position(|f| &f.name == n))
            .map(|p| p as u32)
    };

    let mut texts = terms::telling_terms_all(documents).into_iter();
    let mut articles: Vec<Article> = documents
        .iter()
        .enumerate()
        .map(|(i, doc)| {
            let mut topic_ids: Vec<u32> = article_topics[i].iter().map(|k| topic_id[k]).collect();
            topic_ids.sort_unstable();
            Article {
                id: ids[i].clone(),
                title: doc.title.clone(),
                summary: doc.summary.clone(),
                date: doc.date.clone(),
                url: log.resolve(doc, "article link", doc.url.as_deref()),
                brand: facet_id(&brands, &doc.brand),
                image: doc.image.as_ref().and_then(|img| {
                    let src = log.resolve(doc, "image", Some(&img.src))?;
                    Some(Image {
                        src,
                        alt: img.alt.clone(),
                        width: img.width,
                        height: img.height,
                    })
                }),
                authors: doc.authors.clone(),
                content_type: facet_id(&types, &doc.content_type),
                topics: topic_ids,
                inferred: inferred[i],
                offerings: article_offers[i].iter().map(|k| offer_id[k]).collect(),
                text: texts.next().unwrap_or_default(),
            }
        })
        .collect();
    // Newest first, undated last, ties by id. Ids are unique, so the order is total and
    // an unstable (in-place) sort gives the one result.
    articles.sort_unstable_by(|a, b| match (&a.date, &b.date) {
        (Some(x), Some(y)) => y.cmp(x).then_with(|| a.id.cmp(&b.id)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.id.cmp(&b.id),
    });
    for doc in documents {
        for (line, message) in &doc.warnings {
            log.warnings
                .push(Warning::new(&doc.path, *line, message.clone()));
        }
    }

    let mut index = Index {
        format: model::FORMAT.to_string(),
        version: model::VERSION,
        groups: group_labels
            .into_iter()
            .map(|label| Group { label })
            .collect(),
        topics: placed
            .iter()
            .map(|p| {
                let entry = &table.topics[&p.key];
                Topic {
                    group: p.group,
                    label: p.label.clone(),
                    slug: p.slug.clone(),
                    url: entry.url.clone(),
                    count: entry.articles.len() as u32,
                }
            })
            .collect(),
        types,
        brands,
        first_view: None,
        offerings: offer_order
            .iter()
            .map(|key| {
                let e = &offers.entries[*key];
                let mut topics: Vec<u32> = e.topics.iter().map(|k| topic_id[k]).collect();
                topics.sort_unstable();
                Offering {
                    offering_id: e.offering_id,
                    label: e.label.clone(),
                    url: e.url.clone(),
                    topics,
                    count: e.articles.len() as u32,
                }
            })
            .collect(),
        articles,
    };
    index.first_view = Some(crate::query::first_view(&index));
    Built {
        index,
        warnings: log.warnings,
        relative_links: log.relative.len(),
    }
}

/// Article ids: the source id, else the path without its extension; repeats get a
/// numeric suffix and a warning.
fn unique_ids(documents: &[Document], warnings: &mut Vec<Warning>) -> Vec<String> {
    let mut used = HashSet::new();
    documents
        .iter()
        .map(|doc| {
            let base = doc
                .source_id
                .clone()
                .unwrap_or_else(|| without_extension(&doc.path));
            let mut id = base.clone();
            let mut n = 2;
            while !used.insert(id.clone()) {
                id = format!("{base}-{n}");
                n += 1;
            }
            if id != base {
                warnings.push(Warning::new(
                    &doc.path,
                    None,
                    format!("duplicate id {base:?} (renamed to {id:?})"),
                ));
            }
            id
        })
        .collect()
}

fn without_extension(path: &str) -> String {
    let file_start = path.rfind('/').map_or(0, |at| at + 1);
    match path[file_start..].rfind('.') {
        Some(dot) if dot > 0 => path[..file_start + dot].to_string(),
        _ => path.to_string(),
    }
}

/// Names with article counts, sorted by name.
fn facet(names: impl Iterator<Item = Option<String>>) -> Vec<Facet> {
    let mut counts: BTreeMap<String, u32> = BTreeMap::new();
    for name in names.flatten() {
        *counts.entry(name).or_default() += 1;
    }
    counts
        .into_iter()
        .map(|(name, count)| Facet { name, count })
        .collect()
}

/// Resolves links and remembers what happened: relative links kept (counted once each)
/// and unsafe links dropped (a warning each).
struct LinkLog<'a> {
    resolver: &'a LinkResolver,
    /// Resolutions of links many articles repeat (topic and offering pages): parsing a URL
    /// once per distinct link rather than once per mention.
    shared: FxHashMap<String, Resolved>,
    relative: BTreeSet<String>,
    warnings: Vec<Warning>,
}

impl LinkLog<'_> {
    /// [`Self::resolve`] for links that recur across articles; same result, same
    /// warnings (resolving is a pure function of the link).
    fn resolve_shared(&mut self, doc: &Document, what: &str, link: Option<&str>) -> Option<String> {
        let link = link?;
        let resolved = match self.shared.get(link) {
            Some(resolved) => resolved.clone(),
            None => {
                let resolved = self.resolver.resolve(link);
                self.shared.insert(link.to_owned(), resolved.clone());
                resolved
            }
        };
        self.record(doc, link, what, resolved)
    }

    fn resolve(&mut self, doc: &Document, what: &str, link: Option<&str>) -> Option<String> {
        let link = link?;
        let resolved = self.resolver.resolve(link);
        self.record(doc, link, what, resolved)
    }

    fn record(
        &mut self,
        doc: &Document,
        link: &str,
        what: &str,
        resolved: Resolved,
    ) -> Option<String> {
        match resolved {
            Resolved::Absolute(url) => Some(url),
            Resolved::Relative(url) => {
                self.relative.insert(url.clone());
                Some(url)
            }
            Resolved::Unsafe(url) => {
                let line = doc
                    .refused_link_lines
                    .iter()
                    .find(|(refused, _)| refused == link)
                    .map(|(_, line)| *line);
                self.warnings.push(Warning::new(
                    &doc.path,
                    line,
                    format!("{what} dropped: not an http(s) URL ({:?})", truncate(&url)),
                ));
                None
            }
        }
    }
}

fn truncate(text: &str) -> String {
    crate::content::document::bound(text, 80)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::content::read_document;

    fn docs(files: &[(&str, &str)]) -> Vec<Document> {
        files
            .iter()
            .map(|(path, text)| read_document(path, text).unwrap())
            .collect()
    }

    #[test]
    fn ids_fall_back_and_are_made_unique() {
        let d = docs(&[
            ("a/one.md", "---\ntitle: A\nid: 5\n---\n"),
            ("b.md", "---\ntitle: B\nslug: 5\n---\n"),
            ("c/two.txt", "Plain title\nbody"),
        ]);
        let built = build(&d, &LinkResolver::default());
        let mut ids: Vec<&str> = built.index.articles.iter().map(|a| a.id.as_str()).collect();
        ids.sort_unstable();
        assert_eq!(ids, vec!["5", "5-2", "c/two"]);
        assert_eq!(built.warnings.len(), 1);
    }

    #[test]
    fn order_newest_first_undated_last_ties_by_id() {
        let d = docs(&[
            ("z.md", "---\ntitle: Z\ndate: 2020-01-01\n---\n"),
            ("u.md", "---\ntitle: U\n---\n"),
            ("a.md", "---\ntitle: A\ndate: 2020-01-01\n---\n"),
            ("n.md", "---\ntitle: N\ndate: 2023-03-03T11:50:42\n---\n"),
        ]);
        let index = build(&d, &LinkResolver::default()).index;
        let ids: Vec<&str> = index.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, vec!["n", "a", "z", "u"]);
        assert_eq!(index.first_view.unwrap().total, 4);
    }

    #[test]
    fn topics_offerings_and_inference() {
        let d = docs(&[
            ("a.md", "---\ntitle: A\ncategories: ['News: AI', 'News: Telehealth']\nrelatedOfferings:\n  - label: Kit\n    permalink: /offering/kit\n    offeringId: 1\n    categories: ['Shop: Devices']\n---\n"),
            ("b.md", "---\ntitle: B\ncategories: ['news: ai']\nrelatedOfferings:\n  - label: Kit\n    offeringId: 1\n---\n"),
            ("c.txt", "All about telehealth\nTelehealth and AI today, telehealth tomorrow."),
        ]);
        let built = build(&d, &LinkResolver::default());
        let index = &built.index;
        let labels: Vec<&str> = index.topics.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, vec!["AI", "Telehealth", "Devices"]);
        assert_eq!(
            index
                .groups
                .iter()
                .map(|g| g.label.as_str())
                .collect::<Vec<_>>(),
            vec!["News", "Shop"]
        );
        // AI: a, b, c (inferred); Telehealth: a, c; Devices: offering only.
        assert_eq!(
            index.topics.iter().map(|t| t.count).collect::<Vec<_>>(),
            vec![3, 2, 0]
        );
        let c = index.articles.iter().find(|a| a.id == "c").unwrap();
        assert!(c.inferred);
        assert_eq!(c.topics, vec![0, 1]);
        assert_eq!(index.offerings.len(), 1);
        assert_eq!(index.offerings[0].count, 2);
        assert_eq!(index.offerings[0].topics, vec![2]);
        assert_eq!(built.relative_links, 1);
    }

    #[test]
    fn unsafe_links_are_dropped_with_a_warning_and_base_url_joins() {
        let d = docs(&[(
            "a.md",
            "---\ntitle: A\nhref: javascript:alert(1)\nfeaturedImage:\n  href: x-featuredImage.jpeg\n---\n",
        )]);
        let built = build(
            &d,
            &LinkResolver::new(Some("https://site.example/")).unwrap(),
        );
        let a = &built.index.articles[0];
        assert_eq!(a.url, None);
        assert_eq!(
            a.image.as_ref().unwrap().src,
            "https://site.example/x-featuredImage.jpeg"
        );
        assert_eq!(built.warnings.len(), 1);
        assert_eq!(built.relative_links, 0);
    }
}

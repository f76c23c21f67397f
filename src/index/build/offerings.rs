//! Offerings de-duplicated across articles: by `offeringId`, else by permalink, else by
//! label (case-folded). Each keeps the union of its categories (as topics) and counts the
//! articles that reference it.

use super::topics::TopicKey;
use crate::content::slug::match_key;
use crate::content::OfferingRef;
use std::collections::{BTreeMap, BTreeSet};

/// An offering's identity while building.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub enum OfferingKey {
    Id(u64),
    Url(String),
    Label(String),
}

impl OfferingKey {
    pub fn of(offering: &OfferingRef) -> Self {
        match (&offering.offering_id, &offering.url) {
            (Some(id), _) => Self::Id(*id),
            (None, Some(url)) => Self::Url(url.clone()),
            (None, None) => Self::Label(match_key(&offering.label)),
        }
    }
}

/// One offering as it accumulates; the first article (in path order) that names it sets
/// its label and link.
#[derive(Debug, Clone)]
pub struct OfferingEntry {
    pub offering_id: Option<u64>,
    pub label: String,
    pub url: Option<String>,
    pub topics: BTreeSet<TopicKey>,
    pub articles: BTreeSet<usize>,
}

#[derive(Debug, Default)]
pub struct OfferingTable {
    pub entries: BTreeMap<OfferingKey, OfferingEntry>,
}

impl OfferingTable {
    /// Records that `article` references `offering`, whose link was resolved to `url`.
    pub fn add(
        &mut self,
        offering: &OfferingRef,
        url: Option<String>,
        topics: impl IntoIterator<Item = TopicKey>,
        article: usize,
    ) -> OfferingKey {
        let key = OfferingKey::of(offering);
        let entry = self
            .entries
            .entry(key.clone())
            .or_insert_with(|| OfferingEntry {
                offering_id: offering.offering_id,
                label: offering.label.clone(),
                url: None,
                topics: BTreeSet::new(),
                articles: BTreeSet::new(),
            });
        if entry.url.is_none() {
            entry.url = url;
        }
        entry.topics.extend(topics);
        entry.articles.insert(article);
        key
    }

    /// Keys in dictionary order: by label (case-insensitive), then source id, then link.
    pub fn ordered(&self) -> Vec<&OfferingKey> {
        let mut keys: Vec<&OfferingKey> = self.entries.keys().collect();
        keys.sort_by_cached_key(|key| {
            let e = &self.entries[*key];
            (
                e.label.to_lowercase(),
                e.label.clone(),
                e.offering_id,
                e.url.clone(),
                (*key).clone(),
            )
        });
        keys
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn offer(id: Option<u64>, label: &str, url: Option<&str>) -> OfferingRef {
        OfferingRef {
            offering_id: id,
            label: label.into(),
            url: url.map(Into::into),
            categories: vec![],
        }
    }

    #[test]
    fn dedupes_by_id_then_permalink_then_label() {
        let mut table = OfferingTable::default();
        table.add(&offer(Some(1), "Kit", Some("/offering/kit")), None, [], 0);
        table.add(&offer(Some(1), "Kit renamed", None), None, [], 1);
        table.add(&offer(None, "Other", Some("/offering/o")), None, [], 0);
        table.add(
            &offer(None, "other again", Some("/offering/o")),
            None,
            [],
            2,
        );
        table.add(&offer(None, "Bare", None), None, [], 0);
        table.add(&offer(None, " bare ", None), None, [], 3);
        assert_eq!(table.entries.len(), 3);
        let counts: Vec<usize> = table
            .ordered()
            .iter()
            .map(|k| table.entries[*k].articles.len())
            .collect();
        assert_eq!(counts, vec![2, 2, 2]);
        let labels: Vec<&str> = table
            .ordered()
            .iter()
            .map(|k| table.entries[*k].label.as_str())
            .collect();
        assert_eq!(labels, vec!["Bare", "Kit", "Other"]);
    }
}

//! The topic facet model: groups and topics keyed by case-folded, whitespace-collapsed
//! labels, so `AI` and `ai`, or `Telehealth` and `' Telehealth'`, are one topic. The label
//! shown is the spelling most sources used (ties: more capitals, then the smaller string).

use crate::content::slug::{match_key, slugify};
use crate::content::Category;
use std::collections::{BTreeMap, BTreeSet};

/// A topic's identity while building: (group key, label key).
pub type TopicKey = (String, String);

/// Counts spellings so the display form is chosen by vote, independent of file order.
#[derive(Debug, Default, Clone)]
pub struct Spellings(BTreeMap<String, usize>);

impl Spellings {
    pub fn add(&mut self, spelling: &str) {
        // Looked up before inserting: a spelling is nearly always one seen before, and
        // `entry` would copy it every time.
        match self.0.get_mut(spelling) {
            Some(count) => *count += 1,
            None => {
                self.0.insert(spelling.to_string(), 1);
            }
        }
    }

    /// The most used spelling; ties go to the one with more capitals, then the smaller.
    pub fn best(&self) -> String {
        self.0
            .iter()
            .max_by(|(a, na), (b, nb)| {
                na.cmp(nb)
                    .then_with(|| capitals(a).cmp(&capitals(b)))
                    .then_with(|| b.cmp(a))
            })
            .map(|(s, _)| s.clone())
            .unwrap_or_default()
    }
}

fn capitals(s: &str) -> usize {
    s.chars().filter(|c| c.is_uppercase()).count()
}

/// One topic as it accumulates.
#[derive(Debug, Default, Clone)]
pub struct TopicEntry {
    pub label: Spellings,
    /// The first slug a source gave (in path order).
    pub slug: Option<String>,
    /// The first page URL a source gave, as written.
    pub url: Option<String>,
    /// Articles tagged with it (positions in the document list).
    pub articles: BTreeSet<usize>,
}

/// All groups and topics seen.
#[derive(Debug, Default)]
pub struct TopicTable {
    pub groups: BTreeMap<String, Spellings>,
    pub topics: BTreeMap<TopicKey, TopicEntry>,
}

impl TopicTable {
    /// Registers a category (from an article or an offering) and returns its key.
    pub fn add(&mut self, category: &Category) -> TopicKey {
        let group_key = match_key(&category.group);
        let key = (group_key, match_key(&category.label));
        match self.groups.get_mut(&key.0) {
            Some(spellings) => spellings.add(&category.group),
            None => {
                let mut spellings = Spellings::default();
                spellings.add(&category.group);
                self.groups.insert(key.0.clone(), spellings);
            }
        }
        if !self.topics.contains_key(&key) {
            self.topics.insert(key.clone(), TopicEntry::default());
        }
        let Some(entry) = self.topics.get_mut(&key) else {
            return key;
        };
        entry.label.add(&category.label);
        if entry.slug.is_none() {
            entry.slug = category.slug.clone();
        }
        if entry.url.is_none() {
            entry.url = category.url.clone();
        }
        key
    }

    /// Counts an article under a topic.
    pub fn tag(&mut self, key: &TopicKey, article: usize) {
        if let Some(entry) = self.topics.get_mut(key) {
            entry.articles.insert(article);
        }
    }
}

/// A finished topic, in dictionary order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placed {
    pub key: TopicKey,
    pub group: u32,
    pub label: String,
    pub slug: String,
}

/// Orders groups by label and topics by group then label, and gives every topic a slug
/// that is unique in the index (the source's, else `group-label` slugified).
pub fn place(table: &TopicTable) -> (Vec<String>, Vec<Placed>) {
    let mut groups: Vec<(String, String)> = table
        .groups
        .iter()
        .map(|(key, spellings)| (key.clone(), spellings.best()))
        .collect();
    groups.sort_by(|a, b| {
        sort_key(&a.1)
            .cmp(&sort_key(&b.1))
            .then_with(|| a.0.cmp(&b.0))
    });
    let group_pos: BTreeMap<&str, u32> = groups
        .iter()
        .enumerate()
        .map(|(i, (key, _))| (key.as_str(), i as u32))
        .collect();
    let mut topics: Vec<Placed> = table
        .topics
        .iter()
        .map(|(key, entry)| {
            let group = group_pos[key.0.as_str()];
            let label = entry.label.best();
            let slug = entry
                .slug
                .clone()
                .unwrap_or_else(|| slugify(&format!("{} {}", groups[group as usize].1, label)));
            Placed {
                key: key.clone(),
                group,
                label,
                slug,
            }
        })
        .collect();
    topics.sort_by(|a, b| {
        a.group
            .cmp(&b.group)
            .then_with(|| sort_key(&a.label).cmp(&sort_key(&b.label)))
            .then_with(|| a.key.cmp(&b.key))
    });
    let mut used = BTreeSet::new();
    for topic in &mut topics {
        if topic.slug.is_empty() {
            topic.slug = "topic".to_string();
        }
        let base = topic.slug.clone();
        let mut n = 2;
        while !used.insert(topic.slug.clone()) {
            topic.slug = format!("{base}-{n}");
            n += 1;
        }
    }
    (groups.into_iter().map(|(_, label)| label).collect(), topics)
}

/// Human order: case-insensitive first, then exact.
fn sort_key(label: &str) -> (String, String) {
    (label.to_lowercase(), label.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cat(group: &str, label: &str) -> Category {
        Category {
            group: group.into(),
            label: label.into(),
            slug: None,
            url: None,
        }
    }

    #[test]
    fn case_and_space_variants_merge_and_the_common_spelling_wins() {
        let mut table = TopicTable::default();
        let a = table.add(&cat("Tech", "AI"));
        let b = table.add(&cat("tech", "ai"));
        let c = table.add(&cat("Tech", "AI"));
        assert_eq!(a, b);
        assert_eq!(b, c);
        let (groups, topics) = place(&table);
        assert_eq!(groups, vec!["Tech"]);
        assert_eq!(topics.len(), 1);
        assert_eq!(topics[0].label, "AI");
        assert_eq!(topics[0].slug, "tech-ai");
    }

    #[test]
    fn ties_prefer_capitals() {
        let mut s = Spellings::default();
        s.add("ai");
        s.add("AI");
        assert_eq!(s.best(), "AI");
    }

    #[test]
    fn order_is_group_then_label_and_slugs_are_unique() {
        let mut table = TopicTable::default();
        table.add(&cat("b", "zeta"));
        table.add(&cat("A", "beta"));
        table.add(&cat("A", "Alpha"));
        table.add(&cat("A", "C++"));
        table.add(&cat("A", "C"));
        let (groups, topics) = place(&table);
        assert_eq!(groups, vec!["A", "b"]);
        let labels: Vec<_> = topics.iter().map(|t| t.label.as_str()).collect();
        assert_eq!(labels, vec!["Alpha", "beta", "C", "C++", "zeta"]);
        assert_eq!(topics[2].slug, "a-c");
        assert_eq!(topics[3].slug, "a-c-2");
    }

    #[test]
    fn source_slug_and_url_are_kept() {
        let mut table = TopicTable::default();
        let mut c = cat("G", "L");
        c.slug = Some("topic-slug".into());
        c.url = Some("topic/topic-slug".into());
        table.add(&c);
        let (_, topics) = place(&table);
        assert_eq!(topics[0].slug, "topic-slug");
    }
}

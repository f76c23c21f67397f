//! The per-article facts the engine filters and counts on, copied out of the index into
//! flat arrays (topic lists in one CSR table, one brand/type/date per article, topic ->
//! articles postings) so the hot loops touch dense memory and never chase `Article` structs.
//!
//! Built in [`Columns::new`], which is cheap (linear in the number of topic references) so an
//! engine is ready for browsing at once. Ids outside their tables are dropped here, so an
//! index that skipped [`crate::index::decode`]'s validation still cannot make the engine
//! index out of bounds.

use fixedbitset::FixedBitSet;

use crate::model::Index;

/// Marks "no brand" / "no type" in the per-article columns.
pub const NONE: u32 = u32::MAX;

/// A compressed-sparse-row table: row `i` is `items[starts[i]..starts[i + 1]]`.
#[derive(Debug, Default, Clone)]
pub struct Csr {
    starts: Vec<u32>,
    items: Vec<u32>,
}

impl Csr {
    fn from_rows<'a>(rows: impl Iterator<Item = &'a [u32]>, bound: usize) -> Self {
        let mut csr = Csr {
            starts: vec![0],
            items: Vec::new(),
        };
        for row in rows {
            let start = csr.items.len();
            csr.items
                .extend(row.iter().copied().filter(|&id| (id as usize) < bound));
            // A repeated id must not count twice.
            let mut fresh: Vec<u32> = csr.items.split_off(start);
            crate::id_sort::sort_dedup(&mut fresh);
            csr.items.extend(fresh);
            csr.starts.push(csr.items.len() as u32);
        }
        csr
    }

    pub fn row(&self, i: usize) -> &[u32] {
        match (self.starts.get(i), self.starts.get(i + 1)) {
            (Some(&a), Some(&b)) => &self.items[a as usize..b as usize],
            _ => &[],
        }
    }

    /// A column of one value (or [`NONE`], or anything not below `width`) per row, as rows of
    /// at most one item: its [`Csr::transpose`] lists each value's rows.
    fn of_column(column: &[u32], width: usize) -> Csr {
        let mut csr = Csr {
            starts: Vec::with_capacity(column.len() + 1),
            items: Vec::new(),
        };
        csr.starts.push(0);
        for &value in column {
            if (value as usize) < width {
                csr.items.push(value);
            }
            csr.starts.push(csr.items.len() as u32);
        }
        csr
    }

    /// The transpose: for each of `width` columns, the rows containing it, ascending.
    fn transpose(&self, width: usize) -> Csr {
        let mut counts = vec![0u32; width + 1];
        for &item in &self.items {
            counts[item as usize + 1] += 1;
        }
        for i in 1..counts.len() {
            counts[i] += counts[i - 1];
        }
        let starts = counts.clone();
        let mut next = counts;
        let mut items = vec![0u32; self.items.len()];
        for row in 0..self.starts.len().saturating_sub(1) {
            for &item in self.row(row) {
                let slot = &mut next[item as usize];
                items[*slot as usize] = row as u32;
                *slot += 1;
            }
        }
        Csr { starts, items }
    }
}

/// The articles having each value of one facet (a topic, a type or a brand), for counting
/// how many of a match set have it: every value's ascending list, and for a value held by
/// over 1/32 of the articles also a bitset (then no larger than the list), which counts
/// a whole word of articles with one AND and one popcount.
#[derive(Debug, Default, Clone)]
pub struct ValueSets {
    lists: Csr,
    dense: Vec<Option<FixedBitSet>>,
}

impl ValueSets {
    fn new(lists: Csr, values: usize, articles: usize) -> Self {
        let dense = (0..values)
            .map(|v| {
                let list = lists.row(v);
                (list.len() > articles / 32).then(|| {
                    let mut set = FixedBitSet::with_capacity(articles);
                    for &a in list {
                        set.insert(a as usize);
                    }
                    set
                })
            })
            .collect();
        ValueSets { lists, dense }
    }

    /// The articles having value `v`, ascending.
    pub fn list(&self, v: usize) -> &[u32] {
        self.lists.row(v)
    }

    /// How many articles have each value: the facet counts when nothing filters.
    fn totals(&self) -> Vec<u32> {
        (0..self.dense.len())
            .map(|v| self.list(v).len() as u32)
            .collect()
    }

    /// How many articles of `set` (as long as the index) have value `v`.
    #[cfg_attr(topic_cards_speed, optimize(speed))]
    pub fn count_in(&self, v: usize, set: &FixedBitSet) -> u32 {
        match self.dense.get(v) {
            Some(Some(dense)) => dense
                .as_slice()
                .iter()
                .zip(set.as_slice())
                .map(|(a, b)| (a & b).count_ones())
                .sum(),
            _ => self
                .list(v)
                .iter()
                .map(|&a| u32::from(set.contains(a as usize)))
                .sum(),
        }
    }

    /// The work [`ValueSets::count_in`] does for `values`: bitset words or list items.
    pub fn cost_of(&self, values: impl Iterator<Item = usize>) -> usize {
        values
            .map(|v| match self.dense.get(v) {
                Some(Some(dense)) => dense.as_slice().len(),
                _ => self.list(v).len(),
            })
            .sum()
    }

    /// Number of (value, article) pairs.
    pub fn refs(&self) -> usize {
        self.lists.items.len()
    }
}

/// Flat per-article columns, plus the browse order.
#[derive(Debug, Default, Clone)]
pub struct Columns {
    pub articles: usize,
    /// Topic id -> group id (or [`NONE`] when the group is out of range).
    pub topic_group: Vec<u32>,
    /// Article -> topic ids.
    pub topics: Csr,
    /// Topic -> article ids, ascending (and as bitsets for common topics).
    pub topic_articles: ValueSets,
    /// Type -> articles and brand -> articles, likewise.
    pub type_articles: ValueSets,
    pub brand_articles: ValueSets,
    /// Article -> offering ids.
    pub offerings: Csr,
    /// Offering -> article ids, ascending (and as bitsets for common offerings).
    pub offering_articles: ValueSets,
    pub brand: Vec<u32>,
    pub content_type: Vec<u32>,
    /// Article -> date as `YYYYMMDD` (missing month/day as 00), 0 when undated.
    pub date: Vec<u32>,
    /// Article ids newest first, undated last, ties by position (the index's own order when
    /// the indexer sorted it, which it does).
    pub newest: Vec<u32>,
    /// Position of each article in `newest`.
    pub newest_rank: Vec<u32>,
    /// Articles per topic, type and brand over the whole index: the facet counts of any
    /// dimension no other filter narrows, without a scan.
    pub topic_totals: Vec<u32>,
    pub type_totals: Vec<u32>,
    pub brand_totals: Vec<u32>,
    /// Articles referencing each offering over the whole index: the offering panel's
    /// counts when nothing filters.
    pub offering_totals: Vec<u32>,
}

impl Columns {
    pub fn new(index: &Index) -> Self {
        let n = index.articles.len();
        let topics = Csr::from_rows(
            index.articles.iter().map(|a| a.topics.as_slice()),
            index.topics.len(),
        );
        let offerings = Csr::from_rows(
            index.articles.iter().map(|a| a.offerings.as_slice()),
            index.offerings.len(),
        );
        let checked = |id: Option<u32>, bound: usize| match id {
            Some(id) if (id as usize) < bound => id,
            _ => NONE,
        };
        let date: Vec<u32> = index
            .articles
            .iter()
            .map(|a| a.date.as_deref().and_then(date_key).unwrap_or(0))
            .collect();
        // Equal dates keep index order. Undated (0) sorts last.
        let newest = crate::id_sort::sorted_positions(n, &|a, b| {
            date[b as usize].cmp(&date[a as usize]).then(a.cmp(&b))
        });
        let mut newest_rank = vec![0u32; n];
        for (rank, &id) in newest.iter().enumerate() {
            newest_rank[id as usize] = rank as u32;
        }
        let topic_articles =
            ValueSets::new(topics.transpose(index.topics.len()), index.topics.len(), n);
        let offering_articles = ValueSets::new(
            offerings.transpose(index.offerings.len()),
            index.offerings.len(),
            n,
        );
        // A column of one value (or NONE) per article, as value -> articles.
        let value_sets = |column: &[u32], values: usize| {
            ValueSets::new(Csr::of_column(column, values).transpose(values), values, n)
        };
        let brand: Vec<u32> = index
            .articles
            .iter()
            .map(|a| checked(a.brand, index.brands.len()))
            .collect();
        let content_type: Vec<u32> = index
            .articles
            .iter()
            .map(|a| checked(a.content_type, index.types.len()))
            .collect();
        let type_articles = value_sets(&content_type, index.types.len());
        let brand_articles = value_sets(&brand, index.brands.len());
        Columns {
            articles: n,
            topic_totals: topic_articles.totals(),
            type_totals: type_articles.totals(),
            brand_totals: brand_articles.totals(),
            offering_totals: offering_articles.totals(),
            type_articles,
            brand_articles,
            offering_articles,
            topic_group: index
                .topics
                .iter()
                .map(|t| checked(Some(t.group), index.groups.len()))
                .collect(),
            topic_articles,
            topics,
            offerings,
            brand,
            content_type,
            date,
            newest,
            newest_rank,
        }
    }
}

/// Turns `YYYY`, `YYYY-MM` or `YYYY-MM-DD` into a sortable `YYYYMMDD` number, missing parts
/// as 00. `None` for anything else.
pub fn date_key(text: &str) -> Option<u32> {
    let mut parts = text.trim().split('-');
    let year = parse_part(parts.next()?, 4, 1, 9999)?;
    let month = match parts.next() {
        Some(m) => parse_part(m, 2, 1, 12)?,
        None => 0,
    };
    let day = match parts.next() {
        Some(d) if month > 0 => parse_part(d, 2, 1, 31)?,
        Some(_) => return None,
        None => 0,
    };
    if parts.next().is_some() {
        return None;
    }
    Some(year * 10_000 + month * 100 + day)
}

fn parse_part(text: &str, width: usize, min: u32, max: u32) -> Option<u32> {
    if text.len() != width || !text.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let value: u32 = text.parse().ok()?;
    (min..=max).contains(&value).then_some(value)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn date_keys() {
        assert_eq!(date_key("2023-04-05"), Some(20230405));
        assert_eq!(date_key("2023-04"), Some(20230400));
        assert_eq!(date_key(" 2023 "), Some(20230000));
        assert_eq!(date_key("2023-13-01"), None);
        assert_eq!(date_key("23-01-01"), None);
        assert_eq!(date_key("2023-04-05T10:00"), None);
        assert_eq!(date_key(""), None);
    }

    #[test]
    fn transpose_lists_rows_per_column() {
        let rows: Vec<Vec<u32>> = vec![vec![1, 2], vec![], vec![2, 9]];
        let csr = Csr::from_rows(rows.iter().map(|r| r.as_slice()), 3);
        assert_eq!(csr.row(2), &[2]); // 9 dropped: out of range
        let t = csr.transpose(3);
        assert_eq!(t.row(0), &[] as &[u32]);
        assert_eq!(t.row(1), &[0]);
        assert_eq!(t.row(2), &[0, 2]);
        assert_eq!(t.row(7), &[] as &[u32]);
    }
}

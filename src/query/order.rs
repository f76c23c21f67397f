//! Result order: newest first, or best match first with newer articles winning ties.
//!
//! Only the head of the order is ever shown or weighed precisely (a page of hits, and the
//! window the offering panel weighs rank by), so only the head is produced: newest first
//! stops walking the browse order once it has the head, and relevance order keeps the best
//! matches in a bounded heap. The rest of the matches count as a total and in bulk
//! (see [`super::offerings`]), never as a list.

use fixedbitset::FixedBitSet;

use super::columns::Columns;

/// The first `head` articles of `matches` in result order (all of them when there are
/// fewer). With `scores` (relevance order) articles are ranked by score; without, newest
/// first.
#[cfg_attr(topic_cards_speed, optimize(speed))]
pub fn rank(
    columns: &Columns,
    matches: &FixedBitSet,
    scores: Option<&[f32]>,
    head: usize,
) -> Vec<u32> {
    let Some(scores) = scores else {
        // The browse order filtered to the matches, cut at the head: a facet selecting a
        // third of the index walks about three heads' worth of it, not the whole index.
        let mut out = Vec::with_capacity(head.min(columns.newest.len()));
        for &a in &columns.newest {
            if out.len() == head {
                break;
            }
            if matches.contains(a as usize) {
                out.push(a);
            }
        }
        return out;
    };
    // Each match as one number that sorts like (score descending, newest first): the
    // selection then compares plain integers instead of calling an order that looks both
    // up in two tables per comparison (at 100k articles, tens of thousands of matches).
    // The keys are made walking the matches in article order, so those lookups are
    // sequential; newest-first ranks are distinct, so the order is total.
    let keys = matches
        .ones()
        .map(|a| key(scores[a], columns.newest_rank[a]));
    crate::id_sort::smallest(keys, head)
        .into_iter()
        .map(|k| columns.newest[(k & u64::from(u32::MAX)) as usize])
        .collect()
}

/// The sort key of an article with relevance `score` at `newest_rank`: ascending keys are
/// descending scores in [`f32::total_cmp`]'s order, then ascending ranks.
#[cfg_attr(topic_cards_speed, optimize(speed))]
fn key(score: f32, newest_rank: u32) -> u64 {
    let bits = score.to_bits();
    // total_cmp's order as unsigned integers: negatives flipped whole, positives above them.
    let ascending = if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    };
    (u64::from(!ascending) << 32) | u64::from(newest_rank)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cmp::Ordering;

    #[test]
    fn keys_order_like_total_cmp_then_rank() {
        let scores = [
            3.5f32,
            0.0,
            -0.0,
            1.0e-30,
            -2.0,
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::MAX,
            7.25,
            3.5,
        ];
        for (i, &a) in scores.iter().enumerate() {
            for (j, &b) in scores.iter().enumerate() {
                let want = b.total_cmp(&a).then(i.cmp(&j));
                let got = key(a, i as u32).cmp(&key(b, j as u32));
                assert_eq!(got, want, "{a} at {i} vs {b} at {j}");
            }
        }
    }

    /// [`rank`] against the head of a plain sort by the order it stands for, over scores
    /// with many ties and several head sizes.
    #[test]
    fn head_matches_a_full_sort() {
        let n = 500;
        let mut columns = Columns {
            articles: n,
            ..Columns::default()
        };
        // A newest-first order that is not the id order.
        columns.newest = (0..n as u32).map(|i| (i * 7 + 3) % n as u32).collect();
        columns.newest_rank = vec![0; n];
        for (rank, &id) in columns.newest.iter().enumerate() {
            columns.newest_rank[id as usize] = rank as u32;
        }
        let scores: Vec<f32> = (0..n).map(|i| ((i * 37) % 11) as f32 * 0.5).collect();
        let mut matches = FixedBitSet::with_capacity(n);
        for a in (0..n).filter(|a| a % 3 != 1) {
            matches.insert(a);
        }
        let better = |a: u32, b: u32| -> Ordering {
            scores[b as usize]
                .total_cmp(&scores[a as usize])
                .then(columns.newest_rank[a as usize].cmp(&columns.newest_rank[b as usize]))
        };
        let mut all: Vec<u32> = matches.ones().map(|a| a as u32).collect();
        all.sort_by(|&a, &b| better(a, b));
        for head in [0, 1, 12, 100, all.len() - 1, all.len(), all.len() + 5] {
            let got = rank(&columns, &matches, Some(&scores), head);
            assert_eq!(got, all[..head.min(all.len())], "head {head}");
        }
    }

    /// Without scores: the browse order's matches, cut at the head.
    #[test]
    fn newest_first_head_is_the_filtered_browse_order() {
        let n = 300;
        let mut columns = Columns {
            articles: n,
            ..Columns::default()
        };
        columns.newest = (0..n as u32).map(|i| (i * 11 + 5) % n as u32).collect();
        let mut matches = FixedBitSet::with_capacity(n);
        for a in (0..n).filter(|a| a % 4 == 1) {
            matches.insert(a);
        }
        let all: Vec<u32> = columns
            .newest
            .iter()
            .copied()
            .filter(|&a| matches.contains(a as usize))
            .collect();
        for head in [0, 1, 12, all.len(), all.len() + 1] {
            let got = rank(&columns, &matches, None, head);
            assert_eq!(got, all[..head.min(all.len())], "head {head}");
        }
        matches.insert_range(..);
        assert_eq!(rank(&columns, &matches, None, 7), columns.newest[..7]);
    }
}

//! Result order: newest first, or best match first with newer articles winning ties.
//!
//! Only the head of the order is ever shown or weighed precisely (a page of hits, and the
//! window the offering panel weighs rank by), so relevance order sorts just that head after
//! an O(n) selection; the tail follows in no particular order.

use std::cmp::Ordering;

use fixedbitset::FixedBitSet;

use super::columns::Columns;
use crate::id_sort;

/// The articles of `matches`, the first `head` of them in result order. With `scores`
/// (relevance order) articles are ranked by score; without, newest first.
pub fn rank(
    columns: &Columns,
    matches: &FixedBitSet,
    scores: Option<&[f32]>,
    head: usize,
) -> Vec<u32> {
    let Some(scores) = scores else {
        if matches.count_ones(..) == columns.articles {
            return columns.newest.clone();
        }
        return columns
            .newest
            .iter()
            .copied()
            .filter(|&a| matches.contains(a as usize))
            .collect();
    };
    let mut out: Vec<u32> = matches.ones().map(|a| a as u32).collect();
    let better = |a: u32, b: u32| -> Ordering {
        let (sa, sb) = (scores[a as usize], scores[b as usize]);
        sb.total_cmp(&sa)
            .then_with(|| columns.newest_rank[a as usize].cmp(&columns.newest_rank[b as usize]))
    };
    if out.len() > head {
        if head > 0 {
            id_sort::select(&mut out, head - 1, &better);
        }
        id_sort::sort(&mut out[..head], &better);
    } else {
        id_sort::sort(&mut out, &better);
    }
    out
}

//! The related-offering panel: which offerings the current results point to most, and
//! most prominently.
//!
//! An offering's score is the sum, over matching articles that reference it, of a weight
//! that falls with the article's rank: `1 / (1 + rank / PAGE)`, `PAGE` being the cards per
//! page. So an article on the first page counts at least half, one ten pages down about a
//! tenth; a much-referenced offering still rises through its many deep references, but one
//! that the top results name beats one that only the long tail mentions. Ranks beyond
//! [`WINDOW`] all weigh as rank `WINDOW` (about 1/51): the tail matters in bulk, not in
//! order, which lets relevance order sort only its head. Ties go to the offering referenced
//! by more matches, then to the lower id (index order), so the panel is deterministic.

use super::columns::Columns;
use super::RankedOffering;
use crate::model::{FIRST_VIEW_CARDS, PANEL_OFFERINGS};

/// Ranks up to which order matters to the panel.
pub const WINDOW: usize = 50 * FIRST_VIEW_CARDS;

/// The weight of a match at `rank` (0-based).
pub fn weight(rank: usize) -> f32 {
    1.0 / (1.0 + rank.min(WINDOW) as f32 / FIRST_VIEW_CARDS as f32)
}

/// The panel for matches whose first ranks are `head` (result order, exact for the first
/// [`WINDOW`]; longer is fine), where `matches[o]` is the number of all the matches that
/// reference offering `o`.
///
/// The matches beyond the window all weigh `weight(WINDOW)`, so they need no list: an
/// offering's score is its head references' weights in rank order, then that weight once
/// per further match (added one by one, as a walk down the full order would: the same
/// floating-point sum).
#[cfg_attr(topic_cards_speed, optimize(speed))]
pub fn rank(columns: &Columns, head: &[u32], matches: &[u32]) -> Vec<RankedOffering> {
    let mut score = vec![0f32; matches.len()];
    let mut in_window = vec![0u32; matches.len()];
    let window = &head[..head.len().min(WINDOW)];
    for (rank, &article) in window.iter().enumerate() {
        let w = weight(rank);
        for &offering in columns.offerings.row(article as usize) {
            if let (Some(s), Some(c)) = (
                score.get_mut(offering as usize),
                in_window.get_mut(offering as usize),
            ) {
                *c += 1;
                *s += w;
            }
        }
    }
    let tail = weight(WINDOW);
    let mut touched = Vec::new();
    for (o, (&all, s)) in matches.iter().zip(&mut score).enumerate() {
        if all == 0 {
            continue;
        }
        touched.push(o as u32);
        for _ in in_window[o]..all {
            *s += tail;
        }
    }
    let better = |a: u32, b: u32| {
        let (a, b) = (a as usize, b as usize);
        score[b]
            .total_cmp(&score[a])
            .then(matches[b].cmp(&matches[a]))
            .then(a.cmp(&b))
    };
    // Only the panel's few are ordered.
    crate::id_sort::select(&mut touched, PANEL_OFFERINGS, &better);
    touched.truncate(PANEL_OFFERINGS);
    crate::id_sort::sort(&mut touched, &better);
    touched
        .into_iter()
        .map(|o| RankedOffering {
            offering: o,
            articles: matches[o as usize],
            score: score[o as usize],
        })
        .collect()
}

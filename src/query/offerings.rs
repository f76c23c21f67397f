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

/// The panel for the matches in `ordered` (result order, exact for the first [`WINDOW`]).
#[cfg_attr(topic_cards_speed, optimize(speed))]
pub fn rank(columns: &Columns, ordered: &[u32], offerings: usize) -> Vec<RankedOffering> {
    let mut score = vec![0f32; offerings];
    let mut count = vec![0u32; offerings];
    let mut touched = Vec::new();
    for (rank, &article) in ordered.iter().enumerate() {
        let refs = columns.offerings.row(article as usize);
        if refs.is_empty() {
            continue;
        }
        let w = weight(rank);
        for &offering in refs {
            let o = offering as usize;
            if count[o] == 0 {
                touched.push(offering);
            }
            count[o] += 1;
            score[o] += w;
        }
    }
    crate::id_sort::sort(&mut touched, &|a, b| {
        let (a, b) = (a as usize, b as usize);
        score[b]
            .total_cmp(&score[a])
            .then(count[b].cmp(&count[a]))
            .then(a.cmp(&b))
    });
    touched
        .into_iter()
        .take(PANEL_OFFERINGS)
        .map(|o| RankedOffering {
            offering: o,
            articles: count[o as usize],
            score: score[o as usize],
        })
        .collect()
}

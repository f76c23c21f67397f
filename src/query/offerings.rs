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
        *s = add_times(*s, tail, all.saturating_sub(in_window[o]));
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

/// `s` after `times` additions of `c` (`s += c` repeated, in `f32`), bit for bit, without
/// most of the additions: at 100k articles an offering can have tens of thousands of tail
/// matches, and a chain of dependent additions costs a few cycles each.
///
/// While `s` stays in one binade (one exponent: every value there a multiple of the same
/// `ulp`) and the sum stays within it, each addition rounds `c` to the same multiple of
/// `ulp`, so a run of them adds that multiple that many times, exactly. Ties (`c` half way
/// between two multiples) round to even, which depends on `s`: they, zero and subnormal
/// `s`, and the additions that cross into the next binade are done one by one.
#[cfg_attr(topic_cards_speed, optimize(speed))]
fn add_times(mut s: f32, c: f32, mut times: u32) -> f32 {
    // Below this many, one by one is cheaper than working out a run.
    while times > 16 {
        let exponent = (s.to_bits() >> 23) & 0xff;
        if s > 0.0 && c > 0.0 && (1..255).contains(&exponent) && c.is_finite() {
            // f64 holds every value below exactly (they span well under 53 bits). The
            // binade's ulp and top, 2^(exponent - 127 - 23) and 2^(exponent - 127 + 1),
            // built from their bits (f64's exponent bias is 1023).
            let power = |biased: u32| f64::from_bits(u64::from(biased) << 52);
            let (ulp, top) = (power(exponent + 1023 - 150), power(exponent + 1023 - 126));
            let (s64, c64) = (f64::from(s), f64::from(c));
            let rest = c64 - (c64 / ulp).floor() * ulp;
            if rest * 2.0 == ulp {
                break;
            }
            let step = (c64 - rest) + if rest * 2.0 > ulp { ulp } else { 0.0 };
            if step == 0.0 {
                // Each addition rounds back to `s`.
                return s;
            }
            // Additions from s + i * step that end at least one ulp below the binade's
            // top (one fewer than that, to stay clear of any rounding in this count).
            let room = (top - ulp - c64 - s64) / step;
            if room >= 2.0 {
                let run = (room.floor() as u64).min(u64::from(times)) as u32 - 1;
                if run > 0 {
                    s = (s64 + f64::from(run) * step) as f32;
                    times -= run;
                    continue;
                }
            }
        }
        s += c;
        times -= 1;
    }
    for _ in 0..times {
        s += c;
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one_by_one(mut s: f32, c: f32, times: u32) -> f32 {
        for _ in 0..times {
            s += c;
        }
        s
    }

    #[test]
    fn add_times_is_repeated_addition_bit_for_bit() {
        let tail = weight(WINDOW);
        let mut cases: Vec<(f32, f32, u32)> = vec![
            (0.0, tail, 100_000),
            (3.25, tail, 70_000),
            (0.0, 0.5, 40_000_000),
            (16_777_216.0, 1.0, 5),
            (16_777_216.0, 0.5, 5),
            (16_777_216.0, 3.0, 9),
            (1.0, 1.0e-8, 1000),
            (1.0e30, 1.0e22, 1000),
            (0.0, f32::MIN_POSITIVE / 4.0, 50),
            (2.0, 0.75, 1),
            (2.0, 0.75, 0),
        ];
        // Pseudo-random starts, steps and counts (xorshift), with the steps of every
        // rank weight the panel uses.
        let mut x = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            x
        };
        for rank in 0..=WINDOW {
            let start = (next() % 100_000) as f32 / 7.0;
            cases.push((start, weight(rank), (next() % 5_000) as u32));
        }
        for _ in 0..2000 {
            let s = f32::from_bits((next() % 0x4f00_0000) as u32);
            let c = f32::from_bits((next() % 0x4f00_0000) as u32);
            cases.push((s, c, (next() % 3_000) as u32));
        }
        for (s, c, times) in cases {
            assert_eq!(
                add_times(s, c, times).to_bits(),
                one_by_one(s, c, times).to_bits(),
                "{s} + {c} x {times}"
            );
        }
    }
}

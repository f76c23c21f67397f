//! Bounded edit distance for typo tolerance: is a dictionary term within one or two edits
//! (insert, delete, substitute, or swap two neighbours) of what was typed?
//!
//! The engine compares a typed word against every dictionary term of a similar length, so
//! this must reject quickly: it keeps one band of the dynamic-programming table and stops
//! as soon as every cell in a row exceeds the bound.

/// Longest term compared, plus one (longer terms are never indexed).
const ROW: usize = super::tokens::MAX_TERM_CHARS + 2;

/// The optimal-string-alignment distance between `a` and `b` if it is at most `max`.
pub fn distance_within(a: &[char], b: &[char], max: usize) -> Option<usize> {
    if a.len().abs_diff(b.len()) > max {
        return None;
    }
    let width = b.len() + 1;
    if width > ROW {
        return None;
    }
    // Three rows on the stack (this runs once per candidate term): two back (for swaps),
    // previous, current.
    let mut back2 = [usize::MAX / 2; ROW];
    let mut prev = [0usize; ROW];
    for (j, cell) in prev.iter_mut().enumerate() {
        *cell = j;
    }
    let mut cur = [0usize; ROW];
    for i in 1..=a.len() {
        cur[0] = i;
        let mut row_min = cur[0];
        for j in 1..width {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            let mut best = (prev[j] + 1).min(cur[j - 1] + 1).min(prev[j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                best = best.min(back2[j - 2] + 1);
            }
            cur[j] = best;
            row_min = row_min.min(best);
        }
        if row_min > max {
            return None;
        }
        std::mem::swap(&mut back2, &mut prev);
        std::mem::swap(&mut prev, &mut cur);
    }
    let d = prev[width - 1];
    (d <= max).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(a: &str, b: &str, max: usize) -> Option<usize> {
        let a: Vec<char> = a.chars().collect();
        let b: Vec<char> = b.chars().collect();
        distance_within(&a, &b, max)
    }

    #[test]
    fn counts_single_edits() {
        assert_eq!(d("accessibilty", "accessibility", 1), Some(1)); // insertion
        assert_eq!(d("privacy", "privcy", 1), Some(1)); // deletion
        assert_eq!(d("privacy", "privaxy", 1), Some(1)); // substitution
        assert_eq!(d("privacy", "pirvacy", 1), Some(1)); // swap
        assert_eq!(d("privacy", "privacy", 1), Some(0));
    }

    #[test]
    fn rejects_beyond_the_bound() {
        assert_eq!(d("privacy", "primacy", 0), None);
        assert_eq!(d("telehealth", "telemedicine", 2), None);
        assert_eq!(d("abcdef", "badcfe", 2), None);
        assert_eq!(d("abcdef", "badcef", 2), Some(2));
        assert_eq!(d("abc", "abcdef", 2), None);
    }
}

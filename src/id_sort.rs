//! One sort for every list of ids in the crate.
//!
//! Each distinct `sort_by` closure makes the compiler emit a whole copy of the standard
//! sort (several KB of Wasm each). Ids are `u32` positions everywhere here, so every caller
//! sorts `u32`s through these functions, which take the order as `&dyn Fn`: the sort code
//! exists once, whatever the order. The sorts are unstable: an order that must be
//! deterministic breaks its ties itself (usually by id, which is also the stable order of
//! a list built ascending).

use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// An order on ids.
pub type IdOrder<'a> = &'a dyn Fn(u32, u32) -> Ordering;

/// Sorts `ids` by `order`.
pub fn sort(ids: &mut [u32], order: IdOrder) {
    ids.sort_unstable_by(|&a, &b| order(a, b));
}

/// Puts the `nth` id in `order` at position `nth`, with no later one before it and no
/// earlier one after it (the first `nth` ids in no particular order).
pub fn select(ids: &mut [u32], nth: usize, order: IdOrder) {
    if nth < ids.len() {
        ids.select_nth_unstable_by(nth, |&a, &b| order(a, b));
    }
}

/// The `k` smallest of `keys`, ascending. A bounded max-heap (its top the largest kept):
/// a key no smaller than the top costs one comparison, so when keys come in no particular
/// order only about `k * ln(len / k)` of them get in. Cheaper than collecting every key and
/// selecting (no list as long as the input, and the Wasm's standard library selects with
/// its slow, size-optimised median of medians).
pub fn smallest(keys: impl Iterator<Item = u64>, k: usize) -> Vec<u64> {
    if k == 0 {
        return Vec::new();
    }
    let mut kept: BinaryHeap<u64> = BinaryHeap::with_capacity(k.min(keys.size_hint().0));
    // The heap's top, copied out: most keys are compared with it and go, without a call
    // into the heap's (size-optimised, not inlined) code.
    let mut largest = u64::MAX;
    for key in keys {
        if kept.len() < k {
            kept.push(key);
        } else if key < largest {
            if let Some(mut top) = kept.peek_mut() {
                *top = key;
            }
        } else {
            continue;
        }
        if kept.len() == k {
            largest = kept.peek().copied().unwrap_or(u64::MAX);
        }
    }
    kept.into_sorted_vec()
}

/// Sorts ids ascending and drops repeats.
pub fn sort_dedup(ids: &mut Vec<u32>) {
    sort(ids, &|a, b| a.cmp(&b));
    ids.dedup();
}

/// Ids `0..len`, sorted by `order` (the permutation that sorts a table).
pub fn sorted_positions(len: usize, order: IdOrder) -> Vec<u32> {
    let mut ids: Vec<u32> = (0..len as u32).collect();
    sort(&mut ids, order);
    ids
}

/// `items` rearranged so that item `order[k]` comes k-th (`order` from [`sorted_positions`];
/// positions repeated or out of range are skipped).
pub fn in_order<T>(items: Vec<T>, order: &[u32]) -> Vec<T> {
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|&i| slots.get_mut(i as usize)?.take())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sorts_selects_and_dedups() {
        let key = [5u32, 1, 4, 1, 3];
        let by_key_then_id: IdOrder = &|a, b| key[a as usize].cmp(&key[b as usize]).then(a.cmp(&b));
        assert_eq!(sorted_positions(5, by_key_then_id), [1, 3, 4, 2, 0]);

        let mut ids = vec![4, 0, 3, 1, 2];
        select(&mut ids, 2, by_key_then_id);
        assert_eq!(ids[2], 4);
        assert!(ids[..2].iter().all(|&i| key[i as usize] == 1));
        select(&mut ids, 9, by_key_then_id);

        assert_eq!(
            in_order(vec!["a", "b", "c"], &[2, 0, 2, 9, 1]),
            ["c", "a", "b"]
        );

        let mut ids = vec![3, 1, 3, 0, 1];
        sort_dedup(&mut ids);
        assert_eq!(ids, [0, 1, 3]);

        let keys = [9u64, 2, 7, 2, 11, 0, 5];
        assert_eq!(smallest(keys.into_iter(), 3), [0, 2, 2]);
        assert_eq!(smallest(keys.into_iter(), 0), [] as [u64; 0]);
        assert_eq!(smallest(keys.into_iter(), 99), [0, 2, 2, 5, 7, 9, 11]);
    }
}

//! A tiny deterministic PRNG (SplitMix64) and the weighted draws the generator needs.
//!
//! Hand-written rather than pulled from `rand` because the generator only needs a
//! stable, seedable stream whose output never changes between crate versions: a corpus
//! generated today must be byte-identical to one generated next year from the same seed.

/// SplitMix64: one 64-bit state, full period, good enough statistics for test data.
#[derive(Debug, Clone)]
pub struct Rng {
    state: u64,
}

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self { state: seed }
    }

    /// An independent stream for item `index` under `seed`, so that items can be generated
    /// in any order (or on any thread) and still come out the same.
    pub fn for_item(seed: u64, stream: u64, index: u64) -> Self {
        let mut mixer = Self::new(seed ^ stream.wrapping_mul(0xA076_1D64_78BD_642F));
        let base = mixer.next_u64();
        Self::new(base ^ index.wrapping_mul(0xE703_7ED1_A0B4_28DB))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.state;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (0 when `n` is 0), by the multiply-high method (no modulo bias
    /// worth caring about at these sizes).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi.saturating_sub(lo) + 1)
    }

    /// Uniform in `[0, 1)`.
    pub fn unit(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn chance(&mut self, p: f64) -> bool {
        self.unit() < p
    }

    /// A uniformly chosen element; `items` must not be empty.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// A discrete distribution given by weights, sampled by binary search over the running sum.
#[derive(Debug, Clone)]
pub struct Weighted {
    cumulative: Vec<f64>,
}

impl Weighted {
    pub fn new(weights: impl IntoIterator<Item = f64>) -> Self {
        let mut total = 0.0;
        let cumulative = weights
            .into_iter()
            .map(|w| {
                total += w.max(0.0);
                total
            })
            .collect();
        Self { cumulative }
    }

    /// Zipf-like popularity: item `rank` gets weight `1 / (rank + 1)^exponent`.
    pub fn zipf(n: usize, exponent: f64) -> Self {
        Self::new((0..n).map(|rank| 1.0 / ((rank + 1) as f64).powf(exponent)))
    }

    pub fn len(&self) -> usize {
        self.cumulative.len()
    }

    /// An index drawn by weight; 0 for an empty or all-zero distribution.
    pub fn sample(&self, rng: &mut Rng) -> usize {
        let total = self.cumulative.last().copied().unwrap_or(0.0);
        if total <= 0.0 {
            return 0;
        }
        let target = rng.unit() * total;
        self.cumulative
            .partition_point(|&c| c <= target)
            .min(self.cumulative.len() - 1)
    }

    /// Up to `k` distinct indices drawn by weight (rejection; fine while `k` is far below
    /// the number of items with real weight).
    pub fn sample_distinct(&self, rng: &mut Rng, k: usize) -> Vec<usize> {
        let k = k.min(self.len());
        let mut picked = Vec::with_capacity(k);
        let mut tries = 0;
        while picked.len() < k && tries < k * 20 {
            let i = self.sample(rng);
            if !picked.contains(&i) {
                picked.push(i);
            }
            tries += 1;
        }
        picked
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream_and_items_are_independent() {
        let (mut a, mut b) = (Rng::new(7), Rng::new(7));
        let first: Vec<u64> = (0..5).map(|_| a.next_u64()).collect();
        let second: Vec<u64> = (0..5).map(|_| b.next_u64()).collect();
        assert_eq!(first, second);
        assert!(first.windows(2).all(|w| w[0] != w[1]));
        let mut r1 = Rng::for_item(1, 2, 3);
        let mut r2 = Rng::for_item(1, 2, 3);
        assert_eq!(r1.next_u64(), r2.next_u64());
        assert_ne!(
            Rng::for_item(1, 2, 3).next_u64(),
            Rng::for_item(1, 2, 4).next_u64()
        );
        assert_ne!(
            Rng::for_item(1, 2, 3).next_u64(),
            Rng::for_item(1, 5, 3).next_u64()
        );
    }

    #[test]
    fn below_stays_in_range_and_covers_it() {
        let mut rng = Rng::new(42);
        let mut seen = [false; 7];
        for _ in 0..1000 {
            let v = rng.below(7);
            assert!(v < 7);
            seen[v] = true;
        }
        assert!(seen.iter().all(|&s| s));
        assert_eq!(rng.below(0), 0);
    }

    #[test]
    fn zipf_favours_low_ranks() {
        let dist = Weighted::zipf(40, 1.0);
        let mut rng = Rng::new(9);
        let mut counts = [0usize; 40];
        for _ in 0..20_000 {
            counts[dist.sample(&mut rng)] += 1;
        }
        assert!(counts[0] > counts[5] && counts[5] > counts[39]);
        assert!(counts.iter().all(|&c| c > 0));
        let distinct = dist.sample_distinct(&mut rng, 3);
        assert_eq!(distinct.len(), 3);
        assert!(distinct[0] != distinct[1] && distinct[1] != distinct[2]);
    }
}

//! A deterministic generator of synthetic corpora in the seed format, for benchmarks.

//! A deterministic generator of synthetic corpora in the seed format, for benchmarks.

/// Stub so the CLI compiles until the synth helper's generator lands (same signature).
pub fn generate(_out_dir: &std::path::Path, _count: usize, _seed: u64) -> std::io::Result<()> {
    Err(std::io::Error::new(
        std::io::ErrorKind::Unsupported,
        "the synthetic corpus generator is not built yet",
    ))
}

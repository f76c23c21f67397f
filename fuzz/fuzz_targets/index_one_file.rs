//! The whole indexer on one file: bytes -> text -> document -> index (beside a fixed
//! article that brings a topic vocabulary) -> JSON, then back through the widget's loaders.
//! See `checks::index_one_file` for what must hold.
//!
//! With `TC_FUZZ_WRITE_INDEX=DIR` set, each built index is also written to DIR: that is how
//! scripts/fuzz.sh seeds the `decode_index` corpus from the article seeds.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| {
    let written = checks::index_one_file(bytes);
    if let Some(dir) = std::env::var_os("TC_FUZZ_WRITE_INDEX") {
        for json in written {
            let name = format!("{:016x}.json", fnv(json.as_bytes()));
            let _ = std::fs::write(std::path::Path::new(&dir).join(name), json);
        }
    }
});

/// A stable file name for a written index (FNV-1a).
fn fnv(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

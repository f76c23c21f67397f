//! The widget's index loaders on any bytes: `decode`, the streaming `PrefixScanner` (fed in
//! chunks whose size comes from the input) with `decode_first_view` on what it finds, and
//! the query engine on every index that decodes. See `checks::decode_index`.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|bytes: &[u8]| checks::decode_index(bytes));

//! Front matter: splitting a file into header and body, then parsing the header as YAML or
//! TOML (and the whole input as either, so the fuzzer need not learn the fences first).
//! See `checks::front_matter` for what must hold.
#![no_main]

#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|raw: &str| checks::front_matter(raw));

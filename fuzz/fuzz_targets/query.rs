//! Random queries against a fixed small index (free text, ids in and out of range, odd
//! dates and limits), filter state from any keys, and the link filter. See `checks::query`.
#![no_main]

use arbitrary::Arbitrary;

#[path = "../checks.rs"]
mod checks;

#[derive(Arbitrary, Debug)]
struct Input<'a> {
    text: &'a str,
    topics: Vec<u8>,
    types: Vec<u8>,
    brands: Vec<u8>,
    far: Option<u32>,
    date_from: Option<&'a str>,
    date_to: Option<&'a str>,
    newest: bool,
    limit: Limit,
    keys: &'a str,
    key: &'a str,
    url: &'a str,
}

/// Mostly page-sized limits, sometimes any `usize`.
#[derive(Arbitrary, Debug)]
enum Limit {
    Page(u8),
    Any(usize),
}

libfuzzer_sys::fuzz_target!(|input: Input| {
    checks::query(&checks::QueryCase {
        text: input.text,
        topics: &input.topics,
        types: &input.types,
        brands: &input.brands,
        far: input.far,
        date_from: input.date_from,
        date_to: input.date_to,
        newest: input.newest,
        limit: match input.limit {
            Limit::Page(n) => usize::from(n),
            Limit::Any(n) => n,
        },
        keys: input.keys,
        key: input.key,
        url: input.url,
    })
});

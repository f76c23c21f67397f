//! The index reader compiled to Wasm: it agrees with serde_json (the oracle) there too, and
//! a timing of both on a 10k-article index, printed for comparison (run it optimised:
//! `cargo test --release --target wasm32-unknown-unknown --no-default-features --test
//! web_decode`, with the runner of `make test-wasm`).
#![cfg(target_arch = "wasm32")]

mod support;

use topic_cards::index::{decode, encode, oracle};
use topic_cards::query::first_view;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn median(mut times: Vec<f64>) -> f64 {
    times.sort_by(f64::total_cmp);
    times[times.len() / 2]
}

#[wasm_bindgen_test]
fn the_reader_agrees_with_serde_json_in_wasm() {
    let mut index = support::synthetic(300, 4);
    index.first_view = Some(first_view(&index));
    let json = encode(&index);
    assert!(decode(json.as_bytes()).unwrap() == index);
    assert_eq!(oracle::disagreement(json.as_bytes()), None);
    // Corners where the eight-bytes-at-a-time scan and escapes meet.
    for text in [
        "\\ud83d\\ude00 pair",
        "0123456\\\"quote",
        "01234567\\\\x",
        "\\ud800 lone",
        "tab\there",
    ] {
        let damaged = json.replacen("\"title\":\"", &format!("\"title\":\"{text}"), 1);
        assert_eq!(oracle::disagreement(damaged.as_bytes()), None, "{text}");
    }
}

/// 10k articles when optimised; an unoptimised build (`make test-wasm`) only checks that
/// the timing runs, on 500.
#[wasm_bindgen_test]
fn decode_time_10k() {
    let (articles, rounds) = if cfg!(debug_assertions) {
        (500, 3)
    } else {
        (10_000, 15)
    };
    let mut index = support::synthetic(articles, 2);
    index.first_view = Some(first_view(&index));
    let json = encode(&index);
    let (mut ours, mut serde) = (Vec::new(), Vec::new());
    for _ in 0..rounds {
        let start = js_sys::Date::now();
        let a = decode(json.as_bytes()).unwrap();
        ours.push(js_sys::Date::now() - start);
        let start = js_sys::Date::now();
        let b = oracle::decode(json.as_bytes()).unwrap();
        serde.push(js_sys::Date::now() - start);
        assert!(a == b);
    }
    console_log!(
        "decode of {articles} articles ({} kB) in Wasm, median of {rounds}: reader {} ms, serde_json {} ms",
        json.len() / 1000,
        median(ours),
        median(serde)
    );
}

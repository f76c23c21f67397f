//! The core's US English dates and counts (made without `Intl`, src/us_english.rs) against
//! the browser's own `Intl` for the same locale, over every day of several years, the edges
//! JS's Date reads its own way (a day past the month's end, two-digit years, the last valid
//! year) and counts up to a billion. Run with wasm-bindgen-test-runner (see README).
#![cfg(target_arch = "wasm32")]

use rustc_hash::FxHashMap;
use topic_cards::web::i18n::Strings;
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// What `Intl` writes for `iso` (as `Strings::date` builds the date), or `iso` itself where
/// `Intl` refuses the date.
fn intl_date(iso: &str) -> String {
    let format = js_sys::Function::new_with_args(
        "iso",
        "const [y, m, d] = iso.split('-').map(Number);
         try { return new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(new Date(y, m - 1, d)); }
         catch (_) { return iso; }",
    );
    format
        .call1(&JsValue::NULL, &iso.into())
        .unwrap()
        .as_string()
        .unwrap()
}

fn intl_number(n: f64) -> String {
    let format =
        js_sys::Function::new_with_args("n", "return new Intl.NumberFormat('en-US').format(n);");
    format
        .call1(&JsValue::NULL, &n.into())
        .unwrap()
        .as_string()
        .unwrap()
}

fn strings(locale: &str) -> Strings {
    Strings::new(Some(locale), &FxHashMap::default())
}

#[wasm_bindgen_test]
fn us_english_dates_are_intls() {
    let mut isos = Vec::new();
    for year in [1999, 2000, 2024, 2025] {
        for month in 1..=12 {
            for day in 1..=31 {
                isos.push(format!("{year}-{month:02}-{day:02}"));
            }
        }
    }
    for year in [
        0u64, 5, 99, 100, 999, 1000, 9999, 10000, 275760, 275761, 4294967295,
    ] {
        isos.push(format!("{year}-01-01"));
        isos.push(format!("{year}-09-13"));
        isos.push(format!("{year}-12-31"));
    }
    for locale in ["en-US", "en", "EN-us"] {
        let strings = strings(locale);
        for iso in &isos {
            assert_eq!(strings.date(iso), intl_date(iso), "{locale} {iso}");
        }
    }
}

#[wasm_bindgen_test]
fn us_english_counts_are_intls() {
    let strings = strings("en-US");
    let mut n = 0usize;
    while n < 2_000_000_000 {
        assert_eq!(strings.number(n), intl_number(n as f64), "{n}");
        n = if n < 2000 { n + 1 } else { n * 3 + 7 };
    }
}

#[wasm_bindgen_test]
fn other_locales_still_go_through_intl() {
    assert_eq!(strings("de-DE").date("2024-12-28"), "28.12.2024");
    assert_eq!(strings("de-DE").number(12345), "12.345");
    assert_eq!(strings("en-GB").date("2024-12-28"), "28 Dec 2024");
    // Not a date, or refused: shown as given.
    assert_eq!(strings("en-US").date("2024-13-01"), "2024-13-01");
    assert_eq!(strings("en-US").date("soon"), "soon");
}

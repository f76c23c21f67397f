//! Dates and counts in US English without `Intl`.
//!
//! The first `Intl.DateTimeFormat` or `Intl.NumberFormat` a page makes loads the browser's
//! locale data: 15-70 ms on the main thread of the bench machine, measured in fresh pages
//! (bench/README.md, "Intl"), which is a third of the time to the first cards. The widget
//! shows only two shapes, a medium-style date and a whole count, and for `en`/`en-US`, the
//! commonest locale of its readers, both are simple enough to make here. Every other locale
//! goes through `Intl` as before.
//!
//! The output must be exactly `Intl`'s (the first-view painter and the core must agree, and a
//! reader must not see text change when the core takes over): tests/web_i18n.rs and
//! tests/browser/formats.test.mjs hold both implementations to `Intl` over many values. The
//! JS twin is `usEnglish` in js/first-view.js.

/// Medium-style month names, as `Intl.DateTimeFormat("en-US", { dateStyle: "medium" })`
/// writes them.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

/// Whether `tag` names US English as far as these two formats go: `en` or `en-US`, in any
/// case (BCP 47 tags are case-insensitive). Anything longer (extensions such as
/// `-u-nu-arab`, other regions) goes to `Intl`.
pub fn is_us_english(tag: &str) -> bool {
    tag.eq_ignore_ascii_case("en") || tag.eq_ignore_ascii_case("en-US")
}

/// `Dec 31, 2025` for the calendar date `year`, `month` (0-11, as JS's `getMonth`), `day`.
/// `None` for a month out of range.
pub fn date(year: i64, month: u32, day: u32) -> Option<String> {
    let name = MONTHS.get(month as usize)?;
    Some(format!("{name} {day}, {year}"))
}

/// `12,345`: digits grouped by three with commas, as `Intl.NumberFormat("en-US")` writes a
/// whole number.
pub fn number(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags() {
        for tag in ["en", "EN", "en-US", "en-us", "En-Us"] {
            assert!(is_us_english(tag), "{tag}");
        }
        for tag in ["", "en-GB", "en-US-u-nu-arab", "de", "en_US", "eng", "en-"] {
            assert!(!is_us_english(tag), "{tag}");
        }
    }

    #[test]
    fn numbers() {
        let cases = [
            (0, "0"),
            (7, "7"),
            (999, "999"),
            (1000, "1,000"),
            (12345, "12,345"),
            (100000, "100,000"),
            (1234567, "1,234,567"),
        ];
        for (n, text) in cases {
            assert_eq!(number(n), text);
        }
    }

    #[test]
    fn dates() {
        assert_eq!(date(2025, 11, 31).as_deref(), Some("Dec 31, 2025"));
        assert_eq!(date(1999, 0, 1).as_deref(), Some("Jan 1, 1999"));
        assert_eq!(date(12345, 4, 9).as_deref(), Some("May 9, 12345"));
        assert_eq!(date(2025, 12, 1), None);
    }
}

//! Writing the small subset of YAML the seed format uses (plain, single-quoted and folded
//! `>-` scalars, block lists and maps), plus slugs and calendar dates.
//!
//! Written by hand rather than through a serializer so the output looks like the seeds
//! (folded long strings, quoting only where needed, stray spaces kept) and so generating
//! 100k files stays fast.

use std::fmt::Write;

/// A scalar value: plain when it is unambiguous, single-quoted otherwise.
pub fn scalar(out: &mut String, value: &str) {
    if is_plain_safe(value) {
        out.push_str(value);
    } else {
        quoted(out, value);
    }
}

/// A single-quoted scalar (`'` doubled inside).
pub fn quoted(out: &mut String, value: &str) {
    out.push('\'');
    for c in value.chars() {
        if c == '\'' {
            out.push('\'');
        }
        out.push(c);
    }
    out.push('\'');
}

/// A folded `>-` block at `indent` spaces, wrapped near 78 columns like the seeds.
pub fn folded(out: &mut String, value: &str, indent: usize) {
    out.push_str(">-\n");
    let mut column = 0;
    for word in value.split_whitespace() {
        if column > 0 && column + 1 + word.len() > 78 {
            out.push('\n');
            column = 0;
        }
        if column == 0 {
            out.extend(std::iter::repeat_n(' ', indent));
            column = indent;
        } else {
            out.push(' ');
            column += 1;
        }
        out.push_str(word);
        column += word.len();
    }
    out.push('\n');
}

/// `key: value` on one line, or as a folded block when the value is long.
pub fn field(out: &mut String, indent: usize, key: &str, value: &str) {
    out.extend(std::iter::repeat_n(' ', indent));
    out.push_str(key);
    out.push_str(": ");
    if value.len() > 70 && !value.starts_with(' ') {
        folded(out, value, indent + 2);
    } else {
        scalar(out, value);
        out.push('\n');
    }
}

/// `key:` followed by a block list of scalars.
pub fn list<'a>(out: &mut String, indent: usize, key: &str, items: impl Iterator<Item = &'a str>) {
    let pad = " ".repeat(indent);
    let _ = writeln!(out, "{pad}{key}:");
    for item in items {
        let _ = write!(out, "{pad}  - ");
        scalar(out, item);
        out.push('\n');
    }
}

/// Conservative: plain only for letters, digits, spaces and a few inner punctuation marks,
/// never empty, never with edge spaces, never a YAML keyword or number.
fn is_plain_safe(value: &str) -> bool {
    let Some(first) = value.chars().next() else {
        return false;
    };
    if (!first.is_alphanumeric() && first != '/') || value.ends_with(' ') {
        return false;
    }
    if matches!(
        value.to_ascii_lowercase().as_str(),
        "null" | "true" | "false" | "yes" | "no" | "on" | "off" | "y" | "n" | "~"
    ) || value.parse::<f64>().is_ok()
    {
        return false;
    }
    let mut previous = ' ';
    for c in value.chars() {
        let ok = c.is_alphanumeric() || matches!(c, ' ' | '-' | '.' | '\'' | '/' | '_' | ',');
        let inner_colon = c == ':' && previous != ' ';
        if (!ok && !inner_colon) || (c == ' ' && previous == ' ') {
            return false;
        }
        previous = c;
    }
    // A colon is fine inside a URL (`https://`), but not before a space or at the end.
    !value.contains(": ") && !value.ends_with(':')
}

/// A lowercase ASCII slug of at most `max` bytes: letters and digits, dashes between words.
pub fn slugify(text: &str, max: usize) -> String {
    let mut slug = String::with_capacity(text.len().min(max));
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if slug.len() >= max {
                break;
            }
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty() && !slug.ends_with('-') {
            if slug.len() + 1 >= max {
                break;
            }
            slug.push('-');
        }
    }
    while slug.ends_with('-') {
        slug.pop();
    }
    slug
}

/// Year, month and day of the proleptic Gregorian calendar for `days` since 1970-01-01
/// (Howard Hinnant's `civil_from_days`).
pub fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_quote_only_when_needed() {
        let cases = [
            ("Zoë Müller", "Zoë Müller"),
            ("O'Connell Patel", "O'Connell Patel"),
            (
                "https://carewire.example/news/a-b",
                "https://carewire.example/news/a-b",
            ),
            (
                "Healthcare IT News: Telemedicine",
                "'Healthcare IT News: Telemedicine'",
            ),
            (" Telehealth", "' Telehealth'"),
            ("#healthequity", "'#healthequity'"),
            ("Mom & Baby", "'Mom & Baby'"),
            ("null", "'null'"),
            ("2024", "'2024'"),
            ("it's", "it's"),
            ("'quoted'", "'''quoted'''"),
            ("", "''"),
        ];
        for (input, expected) in cases {
            let mut out = String::new();
            scalar(&mut out, input);
            assert_eq!(out, expected, "for {input:?}");
        }
    }

    #[test]
    fn folded_blocks_wrap_and_indent() {
        let mut out = String::new();
        let text = "word ".repeat(40);
        folded(&mut out, &text, 2);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], ">-");
        assert!(lines.len() > 2);
        assert!(lines[1..]
            .iter()
            .all(|l| l.starts_with("  w") && l.len() <= 78));
    }

    #[test]
    fn slugs_are_bounded_and_clean() {
        assert_eq!(
            slugify("Symplur: #healthequity", 80),
            "symplur-healthequity"
        );
        assert_eq!(slugify("  --Hello, World!--  ", 80), "hello-world");
        assert_eq!(slugify("abc def ghi", 7), "abc-def");
        assert_eq!(slugify("Zoë", 10), "zo");
    }

    #[test]
    fn civil_dates_match_known_days() {
        assert_eq!(civil_from_days(0), (1970, 1, 1));
        assert_eq!(civil_from_days(16_436), (2015, 1, 1));
        assert_eq!(civil_from_days(19_782), (2024, 2, 29));
        assert_eq!(civil_from_days(20_453), (2025, 12, 31));
    }
}

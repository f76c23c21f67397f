//! Publication dates. Sources write them many ways (`2022-07-13`, `2023-03-03T11:50:42`,
//! `2022-07-13T17:48:13.699665Z`, `2020-07-22 8:00:00 -0500`, `December 30, 2022`); we keep
//! the calendar date as written (`YYYY-MM-DD`), never shifting it across a time zone, and
//! check that it is a real date.

use time::{Date, Month};

/// The calendar date at the start of `text`, as `YYYY-MM-DD`, if it is a real date.
pub fn iso_date(text: &str) -> Option<String> {
    let text = text.trim();
    let head = text.get(..10)?;
    let bytes = head.as_bytes();
    let digits = |range: std::ops::Range<usize>| bytes[range].iter().all(u8::is_ascii_digit);
    if !(digits(0..4) && bytes[4] == b'-' && digits(5..7) && bytes[7] == b'-' && digits(8..10)) {
        return None;
    }
    // What follows the date must be a separator, not more digits (`2022-07-130`).
    if let Some(next) = text[10..].chars().next() {
        if next.is_ascii_alphanumeric() && next != 'T' && next != 't' {
            return None;
        }
    }
    let year: i32 = head[0..4].parse().ok()?;
    let month: u8 = head[5..7].parse().ok()?;
    let day: u8 = head[8..10].parse().ok()?;
    let date = Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()?;
    Some(format_date(date))
}

/// A date written in words: `December 30, 2022`, `Dec 30 2022` or `30 December 2022`,
/// anywhere in a short line (plain-text articles put one under the title).
pub fn prose_date(line: &str) -> Option<String> {
    let words: Vec<&str> = line
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    for (i, word) in words.iter().enumerate() {
        let Some(month) = month_named(word) else {
            continue;
        };
        let number = |at: usize| words.get(at).and_then(|w| w.parse::<u32>().ok());
        // Month Day Year
        if let (Some(day), Some(year)) = (number(i + 1), number(i + 2)) {
            if let Some(date) = make(year, month, day) {
                return Some(date);
            }
        }
        // Day Month Year
        if i > 0 {
            if let (Some(day), Some(year)) = (number(i - 1), number(i + 1)) {
                if let Some(date) = make(year, month, day) {
                    return Some(date);
                }
            }
        }
    }
    None
}

fn make(year: u32, month: Month, day: u32) -> Option<String> {
    if !(1000..=9999).contains(&year) {
        return None;
    }
    let date = Date::from_calendar_date(year as i32, month, u8::try_from(day).ok()?).ok()?;
    Some(format_date(date))
}

fn month_named(word: &str) -> Option<Month> {
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    if word.len() < 3 {
        return None;
    }
    const MONTHS: [(&str, Month); 12] = [
        ("january", Month::January),
        ("february", Month::February),
        ("march", Month::March),
        ("april", Month::April),
        ("may", Month::May),
        ("june", Month::June),
        ("july", Month::July),
        ("august", Month::August),
        ("september", Month::September),
        ("october", Month::October),
        ("november", Month::November),
        ("december", Month::December),
    ];
    MONTHS
        .iter()
        .find(|(name, _)| {
            *name == word
                || (word.len() == 3 && name.starts_with(&word))
                || (word == "sept" && *name == "september")
        })
        .map(|(_, month)| *month)
}

fn format_date(date: Date) -> String {
    format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        u8::from(date.month()),
        date.day()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_calendar_date_as_written() {
        for (input, want) in [
            ("2022-07-13", "2022-07-13"),
            ("2023-03-03T11:50:42", "2023-03-03"),
            ("2022-07-13T17:48:13.699665Z", "2022-07-13"),
            ("2020-07-22 8:00:00 -0500", "2020-07-22"),
            ("2015-04-01 10:00:00 -0400", "2015-04-01"),
            ("  2019-12-31T23:59:59-12:00 ", "2019-12-31"),
        ] {
            assert_eq!(iso_date(input).as_deref(), Some(want), "{input}");
        }
    }

    #[test]
    fn refuses_non_dates() {
        for input in [
            "",
            "2022-13-01",
            "2022-02-30",
            "22-07-13",
            "2022/07/13",
            "2022-07-130",
            "soon",
        ] {
            assert_eq!(iso_date(input), None, "{input}");
        }
    }

    #[test]
    fn reads_dates_in_words() {
        assert_eq!(
            prose_date("  • December 30, 2022").as_deref(),
            Some("2022-12-30")
        );
        assert_eq!(
            prose_date("Published Dec 3 2021").as_deref(),
            Some("2021-12-03")
        );
        assert_eq!(prose_date("3 March 2020").as_deref(), Some("2020-03-03"));
        assert_eq!(prose_date("• 3 min read"), None);
        assert_eq!(prose_date("May the force"), None);
        assert_eq!(prose_date("February 31, 2022"), None);
    }
}

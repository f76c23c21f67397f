//! Publication dates. Sources write them many ways (`2022-07-13`, `2023-03-03T11:50:42`,
//! `2022-07-13T17:48:13.699665Z`, `2020-07-22 8:00:00 -0500`, `December 30, 2022`,
//! `March 5th, 2023`, `Friday, 30 December 2022`); we keep the calendar date as written
//! (`YYYY-MM-DD`), never shifting it across a time zone, and check that it is a real date.
//! Years before 1000 are placeholders, not dates: Hugo writes `0001-01-01` for "no date".

use time::{Date, Month};

/// The first year we take as a real publication date; earlier years are placeholders.
const FIRST_REAL_YEAR: i32 = 1000;

/// What a front-matter date field holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldDate {
    /// A real calendar date, as `YYYY-MM-DD`.
    Date(String),
    /// A well-formed date in a year before 1000 (`0001-01-01`): a tool's way of writing
    /// "no date", so the article is undated.
    Placeholder,
    /// Nothing we can read as a date.
    Unreadable,
}

/// Reads a front-matter date: a numeric date at the start (`2022-07-13T17:48:13Z`) or a
/// date written out in words that makes up the whole field (`March 5th, 2023`).
pub fn field_date(text: &str) -> FieldDate {
    if let Some(date) = leading_numeric_date(text) {
        return if date.year() < FIRST_REAL_YEAR {
            FieldDate::Placeholder
        } else {
            FieldDate::Date(format_date(date))
        };
    }
    match dated_phrase(&date_words(text)) {
        Some(date) => FieldDate::Date(date),
        None => FieldDate::Unreadable,
    }
}

/// The calendar date at the start of `text`, as `YYYY-MM-DD`, if it is a real date.
pub fn iso_date(text: &str) -> Option<String> {
    leading_numeric_date(text)
        .filter(|date| date.year() >= FIRST_REAL_YEAR)
        .map(format_date)
}

/// A `YYYY-MM-DD` date at the start of `text`, whatever its year.
fn leading_numeric_date(text: &str) -> Option<Date> {
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
    Date::from_calendar_date(year, Month::try_from(month).ok()?, day).ok()
}

/// The words of a line as dates are read from it: split at whitespace and commas, so
/// `December 30, 2022` is three words.
pub fn date_words(text: &str) -> Vec<&str> {
    text.split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect()
}

/// The date when `words` are nothing but a date: an optional weekday, the date, and an
/// optional time of day (`Friday, December 30, 2022 at 9:30 a.m. ET`). Words around the
/// date that are not these make it a sentence, and `None`.
pub fn dated_phrase(words: &[&str]) -> Option<String> {
    let words = skip_first_if(words, is_weekday);
    let (date, used) = date_at_start(words)?;
    is_time_of_day(&words[used..]).then_some(date)
}

/// A date that `words` begin with, and how many words it takes: `March 5th 2023` and
/// `Dec. 30 2022` (three), `5 March 2023` (three), `5th of March 2023` (four),
/// `2023-03-05` (one).
fn date_at_start(words: &[&str]) -> Option<(String, usize)> {
    if let Some(date) = iso_date(words.first()?) {
        return Some((date, 1));
    }
    let year = |at: usize| words.get(at).and_then(|w| w.parse::<u32>().ok());
    let day = |at: usize| words.get(at).and_then(|w| day_number(w));
    let month = |at: usize| words.get(at).and_then(|w| month_named(w));
    // Month Day Year
    if let (Some(month), Some(day), Some(year)) = (month(0), day(1), year(2)) {
        return make(year, month, day).map(|date| (date, 3));
    }
    // Day Month Year
    if let (Some(day), Some(month), Some(year)) = (day(0), month(1), year(2)) {
        return make(year, month, day).map(|date| (date, 3));
    }
    // Day of Month Year
    let of = words.get(1).is_some_and(|w| w.eq_ignore_ascii_case("of"));
    if let (Some(day), true, Some(month), Some(year)) = (day(0), of, month(2), year(3)) {
        return make(year, month, day).map(|date| (date, 4));
    }
    None
}

/// A day of the month as written: `5`, `05`, or an ordinal whose suffix fits the number
/// (`1st`, `22nd`, `3rd`, `5th`; `2th` is not a day).
fn day_number(word: &str) -> Option<u8> {
    let digits = word.bytes().take_while(u8::is_ascii_digit).count();
    if !(1..=2).contains(&digits) {
        return None;
    }
    let day: u8 = word[..digits].parse().ok()?;
    let suffix = &word[digits..];
    (suffix.is_empty() || suffix.eq_ignore_ascii_case(ordinal_suffix(day))).then_some(day)
}

/// The English ordinal suffix of a number: 1st, 2nd, 3rd, 4th, 11th-13th, 21st.
fn ordinal_suffix(n: u8) -> &'static str {
    match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    }
}

/// Nothing, or the time of day a date may carry: `at 9:30 a.m. ET`, `10:00:00 -0500`,
/// `9pm`.
fn is_time_of_day(words: &[&str]) -> bool {
    if words.is_empty() {
        return true;
    }
    let words = skip_first_if(words, |w| w.eq_ignore_ascii_case("at"));
    let Some((clock, rest)) = words.split_first() else {
        return false;
    };
    let rest = skip_first_if(rest, is_meridiem);
    let rest = skip_first_if(rest, is_zone);
    is_clock(clock) && rest.is_empty()
}

/// `words` less its first word when that one passes `test`.
fn skip_first_if<'a, 'w>(words: &'a [&'w str], test: impl Fn(&str) -> bool) -> &'a [&'w str] {
    match words.split_first() {
        Some((first, rest)) if test(first) => rest,
        _ => words,
    }
}

/// `9:30`, `23:59:59`, `9:30pm`, `9am`.
fn is_clock(word: &str) -> bool {
    let lower = word.to_ascii_lowercase();
    let (time, has_meridiem) = MERIDIEMS
        .iter()
        .find_map(|m| lower.strip_suffix(m))
        .map_or((lower.as_str(), false), |time| (time, true));
    let mut parts = time.split(':');
    let hour = parts.next().unwrap_or("");
    let hour_ok = (1..=2).contains(&hour.len()) && hour.parse::<u8>().is_ok_and(|h| h <= 24);
    let rest: Vec<&str> = parts.collect();
    let rest_ok = rest
        .iter()
        .all(|part| part.len() == 2 && part.parse::<u8>().is_ok_and(|n| n <= 59));
    hour_ok && rest_ok && rest.len() <= 2 && (has_meridiem || !rest.is_empty())
}

const MERIDIEMS: [&str; 4] = ["a.m.", "p.m.", "am", "pm"];

fn is_meridiem(word: &str) -> bool {
    MERIDIEMS.iter().any(|m| word.eq_ignore_ascii_case(m))
}

/// A time zone: an abbreviation in capitals (`ET`, `UTC`, `CEST`) or an offset (`-0500`,
/// `+05:30`).
fn is_zone(word: &str) -> bool {
    let abbreviation =
        (1..=5).contains(&word.len()) && word.bytes().all(|b| b.is_ascii_uppercase());
    let offset = word.strip_prefix(['+', '-']).is_some_and(|rest| {
        (2..=5).contains(&rest.len()) && rest.bytes().all(|b| b.is_ascii_digit() || b == b':')
    });
    abbreviation || offset
}

/// `Friday`, `Fri`, `Fri.`, `Thurs`.
fn is_weekday(word: &str) -> bool {
    const WEEKDAYS: [&str; 7] = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
    ];
    let word = word.trim_end_matches('.').to_ascii_lowercase();
    word.len() >= 3 && WEEKDAYS.iter().any(|day| day.starts_with(&word))
}

/// A written-out date, when it is a real one in a real year.
fn make(year: u32, month: Month, day: u8) -> Option<String> {
    let year = i32::try_from(year).ok()?;
    if !(FIRST_REAL_YEAR..=9999).contains(&year) {
        return None;
    }
    let date = Date::from_calendar_date(year, month, day).ok()?;
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
    fn years_before_1000_are_placeholders() {
        for input in ["0000-01-01", "0001-01-01T00:00:00Z", "0999-12-31"] {
            assert_eq!(iso_date(input), None, "{input}");
            assert_eq!(field_date(input), FieldDate::Placeholder, "{input}");
        }
        assert_eq!(iso_date("1000-01-01").as_deref(), Some("1000-01-01"));
    }

    #[test]
    fn field_dates_may_be_written_out() {
        for (input, want) in [
            ("2021-06-30 9:00:00 -0400", "2021-06-30"),
            ("December 30, 2022", "2022-12-30"),
            ("March 5th, 2023", "2023-03-05"),
            ("sept. 1st 2019", "2019-09-01"),
            ("Tuesday, 2 July 2024", "2024-07-02"),
            ("3rd of June 2021", "2021-06-03"),
            ("June 3, 2021 at 4:15 pm EDT", "2021-06-03"),
            ("June 3, 2021 16:15:00 +02:00", "2021-06-03"),
        ] {
            assert_eq!(field_date(input), FieldDate::Date(want.into()), "{input}");
        }
        for input in [
            "someday",
            "March 2023",
            "March 2nd, 2023 or so",
            "February 30, 2024",
            "Jan 1, 0001",
            "05/03/2023",
        ] {
            assert_eq!(field_date(input), FieldDate::Unreadable, "{input}");
        }
    }

    #[test]
    fn ordinals_must_fit_their_number() {
        for (word, want) in [
            ("1st", Some(1)),
            ("2nd", Some(2)),
            ("3RD", Some(3)),
            ("11th", Some(11)),
            ("12th", Some(12)),
            ("13th", Some(13)),
            ("21st", Some(21)),
            ("22nd", Some(22)),
            ("05", Some(5)),
            ("2th", None),
            ("11st", None),
            ("5x", None),
            ("123", None),
        ] {
            assert_eq!(day_number(word), want, "{word}");
        }
    }

    #[test]
    fn a_dated_phrase_is_only_a_date() {
        let phrase = |text: &str| dated_phrase(&date_words(text));
        assert_eq!(phrase("Dec 3 2021").as_deref(), Some("2021-12-03"));
        assert_eq!(phrase("Mon. 7 Oct 2024 9am").as_deref(), Some("2024-10-07"));
        assert_eq!(phrase("2024-10-07").as_deref(), Some("2024-10-07"));
        for text in [
            "",
            "May the force",
            "Due March 3, 2020",
            "March 3, 2020 was busy",
            "We met 12 may 2020 people",
            "March 3, 2020 at noon",
            "March 3, 2020 9",
            "March 3, 2020 at 25:00",
        ] {
            assert_eq!(phrase(text), None, "{text}");
        }
    }

    #[test]
    fn dates_at_the_start_of_words_say_how_many_they_took() {
        assert_eq!(
            date_at_start(&["8th", "of", "May", "2022", "then"]),
            Some(("2022-05-08".to_string(), 4))
        );
        assert_eq!(
            date_at_start(&["2022-05-08", "then"]),
            Some(("2022-05-08".to_string(), 1))
        );
        assert_eq!(date_at_start(&["then", "May", "8", "2022"]), None);
    }
}

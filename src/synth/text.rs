//! Composing text from templates: filling `{X}` slots with an article's own phrases,
//! building a body of paragraphs to a target length, and headline casing.

use std::fmt::Write;

use super::rng::Rng;
use super::vocab::{FUNDING, GENERIC, LEADS, METRICS, ROLES, SENTENCES, TITLE_SMALL, TOPICS};

/// Per-article slot values kept stable across sentences, so an article is about one place
/// and one organisation.
pub struct Slots<'a> {
    pub terms_primary: &'static [&'static str],
    pub terms_other: Vec<&'static str>,
    pub org: String,
    pub place: &'static str,
    pub year: i64,
    pub offerings: Vec<&'a str>,
}

/// Sentences until the target length (80-400 words), grouped into paragraphs of 2-5.
pub fn compose_body(slots: &mut Slots, rng: &mut Rng) -> Vec<Vec<String>> {
    let target = 80 + (rng.unit().powf(1.3) * 320.0) as usize;
    let mut order: Vec<usize> = Vec::new();
    let lead = capitalize(&fill(rng.pick(&LEADS), slots, rng));
    let mut words = lead.split_whitespace().count();
    let mut sentences = vec![lead];
    while words < target {
        if order.is_empty() {
            order = (0..SENTENCES.len())
                .filter(|&i| !slots.offerings.is_empty() || !SENTENCES[i].contains("{V}"))
                .collect();
            for i in (1..order.len()).rev() {
                order.swap(i, rng.below(i + 1));
            }
        }
        let Some(next) = order.pop() else { break };
        let sentence = capitalize(&fill(SENTENCES[next], slots, rng));
        words += sentence.split_whitespace().count();
        sentences.push(sentence);
    }
    let mut paragraphs = Vec::new();
    let mut rest = sentences.as_slice();
    while !rest.is_empty() {
        let take = rng.range(2, 5).min(rest.len());
        paragraphs.push(rest[..take].to_vec());
        rest = &rest[take..];
    }
    paragraphs
}

/// Replaces `{X}` slots in a template.
pub fn fill(template: &str, slots: &mut Slots, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(template.len() + 40);
    let mut rest = template;
    let mut last_term = "";
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let key = &rest[open + 1..open + close];
        match key {
            "T" => {
                last_term = if rng.chance(0.6) || slots.terms_other.is_empty() {
                    rng.pick(slots.terms_primary)
                } else {
                    rng.pick(&slots.terms_other)
                };
                out.push_str(last_term);
            }
            "T2" => {
                let mut term = last_term;
                for _ in 0..4 {
                    term = if slots.terms_other.is_empty() {
                        let topic = rng.below(TOPICS.len());
                        rng.pick(TOPICS[topic].terms)
                    } else {
                        rng.pick(&slots.terms_other)
                    };
                    if term != last_term {
                        break;
                    }
                }
                out.push_str(term);
            }
            "O" => out.push_str(&slots.org),
            "P" => out.push_str(slots.place),
            "R" => out.push_str(rng.pick(&ROLES)),
            "M" => out.push_str(rng.pick(&METRICS)),
            "G" => out.push_str(rng.pick(&GENERIC)),
            "F" => out.push_str(rng.pick(&FUNDING)),
            "N" => {
                let _ = write!(out, "{}", rng.range(3, 40));
            }
            "Y" => {
                let _ = write!(out, "{}", slots.year);
            }
            "V" => out.push_str(rng.pick(&slots.offerings)),
            other => out.push_str(other),
        }
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

/// Upper-cases the first letter.
fn capitalize(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Headline case: capitalize each word but small ones; leave words that already carry
/// capitals (`mHealth`, `FHIR`) alone.
pub fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (i, word) in text.split(' ').enumerate() {
        if i > 0 {
            out.push(' ');
        }
        let keep =
            word.chars().skip(1).any(char::is_uppercase) || (i > 0 && TITLE_SMALL.contains(&word));
        if keep {
            out.push_str(word);
        } else {
            out.push_str(&capitalize(word));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::super::vocab::TITLES;
    use super::*;

    #[test]
    fn title_case_keeps_acronyms_and_small_words() {
        assert_eq!(
            title_case("how mHealth apps and FHIR APIs cut claim denials"),
            "How mHealth Apps and FHIR APIs Cut Claim Denials"
        );
        assert_eq!(title_case("the hidden costs"), "The Hidden Costs");
    }

    #[test]
    fn every_template_slot_is_known() {
        let known = ["T", "T2", "O", "P", "R", "M", "G", "F", "N", "Y", "V"];
        for template in SENTENCES.iter().chain(&TITLES).chain(&LEADS) {
            let mut rest = *template;
            while let Some(open) = rest.find('{') {
                let close = rest[open..].find('}').expect("closed slot");
                let key = &rest[open + 1..open + close];
                assert!(known.contains(&key), "unknown slot {key} in {template}");
                rest = &rest[open + close + 1..];
            }
        }
    }
}

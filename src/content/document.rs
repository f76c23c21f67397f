//! One source file read into the fields a card and an offering panel need, before any
//! cross-file work (ids, topic vocabulary, link resolution) happens in `index::build`.

/// A topic as the source names it (`Healthcare IT News: Telemedicine`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Category {
    pub group: String,
    pub label: String,
    /// The source's own slug, when it gave one.
    pub slug: Option<String>,
    /// The topic's page (maybe relative), when the source gave one.
    pub url: Option<String>,
}

/// A related offering as one article lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OfferingRef {
    pub offering_id: Option<u64>,
    pub label: String,
    /// The permalink as written (maybe relative).
    pub url: Option<String>,
    pub categories: Vec<Category>,
}

/// A featured image as written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImageRef {
    pub src: String,
    pub alt: String,
    pub width: Option<u32>,
    pub height: Option<u32>,
}

/// An article read from one file.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Document {
    /// Path relative to the content folder, `/`-separated.
    pub path: String,
    /// The source's id (front matter `id`, else `slug`), before de-duplication.
    pub source_id: Option<String>,
    /// Clean title, bounded to about [`TITLE_CHARS`] characters.
    pub title: String,
    /// Clean, bounded summary.
    pub summary: String,
    pub date: Option<String>,
    /// Link to the article as written (maybe relative).
    pub url: Option<String>,
    pub brand: Option<String>,
    pub image: Option<ImageRef>,
    pub authors: Vec<String>,
    /// Normalised content type (`curated`, `contributed`, ...).
    pub content_type: Option<String>,
    pub categories: Vec<Category>,
    pub offerings: Vec<OfferingRef>,
    /// The body as clean plain text, one block per line.
    pub body: String,
    /// Repairs worth telling the editor about: (file line if known, message).
    pub warnings: Vec<(Option<usize>, String)>,
    /// The header lines of the links the indexer will drop (`links::is_refused`), found
    /// while the header's text is at hand, for the warnings the index build gives them.
    /// Empty for nearly every document.
    pub refused_link_lines: Vec<(String, usize)>,
    /// The body's telling terms when the reader already worked them out (on its worker
    /// thread, while the text is still in cache); the builder works them out otherwise.
    pub terms: Option<String>,
}

/// The most characters a summary keeps before it is cut at a word boundary.
pub const SUMMARY_CHARS: usize = 300;

/// The most characters a title keeps before it is cut at a word boundary. Real titles are
/// far shorter (a card shows a line or two); the bound is for a file whose first line is
/// not a title at all, which would otherwise be stored whole, twice, in the index.
pub const TITLE_CHARS: usize = 300;

/// Bounds text to about `max` characters, cutting at a word boundary and adding an
/// ellipsis when anything was cut.
pub fn bound(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let cut = text
        .char_indices()
        .nth(max)
        .map_or(text.len(), |(at, _)| at);
    let head = &text[..cut];
    let head = match head.rfind(char::is_whitespace) {
        Some(at) if at > max / 2 => &head[..at],
        _ => head,
    };
    let head = head.trim_end_matches(|c: char| c.is_whitespace() || ",;:-–—".contains(c));
    format!("{head}…")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bound_cuts_at_a_word_with_an_ellipsis() {
        assert_eq!(bound("short", 300), "short");
        assert_eq!(bound("alpha beta, gamma delta", 14), "alpha beta…");
        let long = "word ".repeat(100);
        let cut = bound(long.trim(), 300);
        assert!(cut.chars().count() <= 301 && cut.ends_with("word…"));
        // One giant word is cut inside it rather than kept whole.
        assert_eq!(bound(&"x".repeat(20), 10), format!("{}…", "x".repeat(10)));
        assert_eq!(bound("éééé éééé", 6), "éééé…");
    }
}

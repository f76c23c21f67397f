//! HTML to clean text: tags removed (block tags become line breaks, inline tags vanish),
//! script and style content dropped, entities decoded, whitespace collapsed. Sources put
//! HTML in bodies, descriptions and even titles, so everything shown passes through here.
//! A small scanner rather than a DOM: we need the words, not the tree, and it must be
//! linear on any input.

/// Tags whose content is never text a reader sees.
const HIDDEN: [&str; 6] = ["script", "style", "noscript", "template", "svg", "iframe"];

/// Tags that break a line (paragraph-level and list/table structure).
const BLOCK: [&str; 30] = [
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "td",
    "th",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "blockquote",
    "pre",
    "hr",
    "figure",
    "figcaption",
    "dd",
    "dt",
    "dl",
    "main",
    "aside",
];

/// Converts HTML (or text with some HTML in it) to plain text: one line per block, words
/// separated by single spaces, no empty lines.
pub fn html_to_text(html: &str) -> String {
    let stripped = strip_tags(html);
    let decoded = html_escape::decode_html_entities(&stripped);
    collapse_lines(&decoded)
}

/// Converts HTML to a single line of text (for titles, labels and summaries).
pub fn inline_text(html: &str) -> String {
    collapse_spaces(&html_to_text(html))
}

/// Collapses all whitespace (including no-break spaces and line breaks) to single spaces.
pub fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_words(&mut out, text);
    out
}

/// Collapses whitespace within each line and drops empty lines. Written into one buffer:
/// this runs on every body, and a string per line was a visible share of indexing time.
pub fn collapse_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        if line.split_whitespace().next().is_none() {
            continue;
        }
        if !out.is_empty() {
            out.push('\n');
        }
        push_words(&mut out, line);
    }
    out
}

/// Appends the words of `text` separated by single spaces.
fn push_words(out: &mut String, text: &str) {
    if is_collapsed(text) {
        // Most lines are already single-spaced words: copy them in one go.
        out.push_str(text);
        return;
    }
    for (n, word) in text.split_whitespace().enumerate() {
        if n > 0 {
            out.push(' ');
        }
        out.push_str(word);
    }
}

/// Whether `text` is already its words joined by single spaces: ASCII, no whitespace but
/// lone spaces between other characters. (Non-ASCII text may hold Unicode spaces, so it
/// takes the general road.)
fn is_collapsed(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    // Counted without early exits, so the compiler can vectorise both passes: this runs
    // over every line of every body.
    let unusual = bytes
        .iter()
        .filter(|&&b| !(0x20..0x80).contains(&b))
        .count();
    let double_spaces = bytes
        .iter()
        .zip(bytes.iter().skip(1))
        .filter(|(a, b)| **a == b' ' && **b == b' ')
        .count();
    unusual == 0 && double_spaces == 0
}

fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let tail = &rest[open..];
        if let Some(comment) = tail.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let Some(tag) = read_tag(tail) else {
            // A `<` that opens no tag (`a < b`) is text.
            out.push('<');
            rest = &tail[1..];
            continue;
        };
        rest = &tail[tag.len..];
        if !tag.closing && HIDDEN.contains(&tag.name.as_str()) {
            rest = skip_past_close(rest, &tag.name);
            out.push(' ');
        } else if BLOCK.contains(&tag.name.as_str()) {
            out.push('\n');
        } else if tag.name == "img" {
            out.push(' ');
        }
    }
    out.push_str(rest);
    out
}

struct Tag {
    name: String,
    closing: bool,
    /// Bytes from `<` to just past `>`.
    len: usize,
}

/// Reads a tag at the start of `text` (which starts with `<`), honouring quoted attribute
/// values so a `>` inside one does not end the tag.
fn read_tag(text: &str) -> Option<Tag> {
    let bytes = text.as_bytes();
    let mut at = 1;
    let closing = bytes.get(at) == Some(&b'/');
    if closing {
        at += 1;
    }
    let first = *bytes.get(at)?;
    if !(first.is_ascii_alphabetic() || (!closing && (first == b'!' || first == b'?'))) {
        return None;
    }
    let name_start = at;
    while at < bytes.len() && !matches!(bytes[at], b' ' | b'\t' | b'\n' | b'/' | b'>') {
        at += 1;
    }
    let name = text[name_start..at].to_ascii_lowercase();
    let mut quote = None;
    while at < bytes.len() {
        let b = bytes[at];
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => {
                return Some(Tag {
                    name,
                    closing,
                    len: at + 1,
                })
            }
            None => {}
        }
        at += 1;
    }
    // No closing `>`: the rest is one broken tag; drop it rather than show markup.
    Some(Tag {
        name,
        closing,
        len: text.len(),
    })
}

/// Skips past `</name ...>` (ASCII case-insensitive), or to the end when it never closes.
/// Looks only as far as the closing tag (no lowercased copy of the rest of the text), so
/// many hidden elements in one file cost linear time, not quadratic.
fn skip_past_close<'a>(text: &'a str, name: &str) -> &'a str {
    let bytes = text.as_bytes();
    let mut from = 0;
    while let Some(found) = text[from..].find("</") {
        let at = from + found;
        let name_at = at + 2;
        let matches = bytes
            .get(name_at..name_at + name.len())
            .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name.as_bytes()));
        if matches {
            let after = &text[at..];
            return after.find('>').map_or("", |end| &after[end + 1..]);
        }
        from = name_at;
    }
    ""
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn removes_tags_and_decodes_entities() {
        assert_eq!(
            inline_text("<p>Tom &amp; Jerry&nbsp;say <b>hi</b></p>"),
            "Tom & Jerry say hi"
        );
        assert_eq!(inline_text("Q&amp;A &#43; more&#46;"), "Q&A + more.");
    }

    #[test]
    fn block_tags_break_lines_and_inline_images_vanish() {
        let html = "<img src=\"x.jpg\" alt=\"\" />\n<p style=\"a\">One</p><p>Two<br/>three</p><h2>Head</h2>";
        assert_eq!(html_to_text(html), "One\nTwo\nthree\nHead");
    }

    #[test]
    fn drops_script_style_and_comments() {
        let html = "a<script type=x>alert('<p>')</script>b<STYLE>p{}</STYLE>c<!-- hidden -->d";
        assert_eq!(inline_text(html), "a b cd");
    }

    #[test]
    fn quoted_angle_brackets_stay_inside_the_tag() {
        assert_eq!(
            inline_text("<a title=\"1 > 0\" href='x'>link</a> text"),
            "link text"
        );
    }

    #[test]
    fn stray_angle_brackets_are_text() {
        assert_eq!(inline_text("if a < b and 3<4"), "if a < b and 3<4");
        assert_eq!(inline_text("broken <a href=\"x"), "broken");
    }

    #[test]
    fn unclosed_script_and_comment_do_not_hang() {
        assert_eq!(inline_text("x<script>never closed"), "x");
        assert_eq!(inline_text("y<!-- never closed"), "y");
    }

    #[test]
    fn spacing_is_collapsed_the_same_on_both_roads() {
        for text in [
            "plain words here",
            " lead",
            "trail ",
            "two  spaces",
            "tab\there",
            "vt\u{b}here",
            "ff\u{c}here",
            "nbsp\u{a0}here",
            "em\u{2003}space",
            "",
            "x",
        ] {
            let mut fast = String::new();
            push_words(&mut fast, text);
            let slow = text.split_whitespace().collect::<Vec<_>>().join(" ");
            assert_eq!(fast, slow, "{text:?}");
        }
    }

    #[test]
    fn many_hidden_elements_take_linear_time() {
        let html = "<svg>x</SVG>".repeat(200_000) + "<p>end</p>";
        let started = std::time::Instant::now();
        assert_eq!(html_to_text(&html), "end");
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        assert_eq!(inline_text("a<SCRIPT>x < y</Script >b"), "a b");
    }

    #[test]
    fn entities_that_spell_tags_stay_text() {
        assert_eq!(inline_text("&lt;b&gt;bold&lt;/b&gt;"), "<b>bold</b>");
    }
}

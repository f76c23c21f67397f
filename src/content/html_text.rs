//! HTML to clean text: tags removed (block tags become line breaks, inline tags vanish),
//! script and style content dropped, entities decoded, whitespace collapsed, control and bidi
//! override characters dropped. A `<` that opens no tag is text, as in `x<y`. Sources put
//! HTML in bodies, descriptions and even titles, so everything shown passes through here.
//! A small scanner rather than a DOM: we need the words, not the tree, and it must be
//! linear on any input.

use std::borrow::Cow;
use std::collections::HashSet;

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
    // Hidden controls go before the markup is read, so it is read as a reader would see it:
    // `<scri\0pt>` is `<script>`, not a tag of another name, nor text that turns into
    // `<script>` once the NUL is dropped. Entities can spell them too (`&#x202E;`), so
    // collapsing drops them again after decoding.
    let visible = without_hidden_controls(html);
    let stripped = strip_tags(&visible);
    let decoded = html_escape::decode_html_entities(&stripped);
    collapse_lines(&decoded)
}

/// Converts HTML to a single line of text (for titles, labels and summaries).
pub fn inline_text(html: &str) -> String {
    collapse_spaces(&html_to_text(html))
}

/// Collapses all whitespace (including no-break spaces and line breaks) to single spaces and
/// drops [hidden controls](is_hidden_control).
pub fn collapse_spaces(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    push_words(&mut out, text);
    out
}

/// Collapses whitespace within each line and drops empty lines (lines with no visible word).
/// Written into one buffer: this runs on every body, and a string per line was a visible
/// share of indexing time.
pub fn collapse_lines(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for line in text.lines() {
        let line_start = out.len();
        if !out.is_empty() {
            out.push('\n');
        }
        if !push_words(&mut out, line) {
            out.truncate(line_start);
        }
    }
    out
}

/// Appends the words of `text` separated by single spaces, without [hidden
/// controls](is_hidden_control); returns whether it appended any.
fn push_words(out: &mut String, text: &str) -> bool {
    if is_collapsed(text) {
        // Most lines are already single-spaced printable ASCII words: copy them in one go.
        out.push_str(text);
        return !text.is_empty();
    }
    let start = out.len();
    for word in text.split_whitespace() {
        let before = out.len();
        if before > start {
            out.push(' ');
        }
        if has_hidden_control(word) {
            let word_start = out.len();
            out.extend(word.chars().filter(|&c| !is_hidden_control(c)));
            if out.len() == word_start {
                // The word was nothing but controls: no space for it either.
                out.truncate(before);
            }
        } else {
            out.push_str(word);
        }
    }
    out.len() > start
}

/// `text` without [hidden controls](is_hidden_control), copied only when it has some.
fn without_hidden_controls(text: &str) -> Cow<'_, str> {
    if has_hidden_control(text) {
        Cow::Owned(text.chars().filter(|&c| !is_hidden_control(c)).collect())
    } else {
        Cow::Borrowed(text)
    }
}

/// Whether `text` holds a [hidden control](is_hidden_control). Looked for byte by byte, as
/// this runs over every body: only a byte that can start one (below 0x20, 0x7F, or the first
/// byte of the C1 and bidi controls' UTF-8) is decoded to the character it starts.
fn has_hidden_control(text: &str) -> bool {
    text.bytes().enumerate().any(|(at, b)| {
        matches!(b, 0x00..=0x1f | 0x7f | 0xc2 | 0xe2)
            && text[at..].chars().next().is_some_and(is_hidden_control)
    })
}

/// Characters that must not reach a card: control characters (NUL, BEL, DEL, the C1 set),
/// which show as nothing or as boxes, and the bidi embedding, override and isolate
/// controls (U+202A-U+202E, U+2066-U+2069), which reorder the text around them so a title
/// can read differently from what it says. Whitespace controls (tab, line breaks, U+0085)
/// are not hidden: they separate words like spaces. Bidi marks (U+200E, U+200F) and joiners
/// (U+200D in emoji) stay: they only help text in those scripts display as written.
fn is_hidden_control(c: char) -> bool {
    (c.is_control() && !c.is_whitespace())
        || matches!(c, '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Whether `text` is already its words joined by single spaces: printable ASCII, no
/// whitespace but lone spaces between other characters. (Non-ASCII text may hold Unicode
/// spaces or hidden controls, and ASCII controls include DEL, so they take the general
/// road.)
fn is_collapsed(text: &str) -> bool {
    let bytes = text.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    // Counted without early exits, so the compiler can vectorise both passes: this runs
    // over every line of every body.
    let unusual = bytes
        .iter()
        .filter(|&&b| !(0x20..0x7f).contains(&b))
        .count();
    let double_spaces = bytes
        .iter()
        .zip(bytes.iter().skip(1))
        .filter(|(a, b)| **a == b' ' && **b == b' ')
        .count();
    unusual == 0 && double_spaces == 0
}

/// Element names a tag may have (HTML's current and obsolete elements, and the MathML ones
/// that appear in HTML), sorted for binary search. A `<` followed by any other plain word
/// (`children <five years old`) is prose: HTML's tokenizer would take `<five` as a tag, but
/// a writer who typed it meant the words. Custom (`<my-widget>`) and namespaced (`<o:p>`,
/// from word-processor HTML) names are recognised by their shape instead.
const ELEMENTS: [&str; 176] = [
    "a",
    "abbr",
    "acronym",
    "address",
    "annotation",
    "applet",
    "area",
    "article",
    "aside",
    "audio",
    "b",
    "base",
    "basefont",
    "bdi",
    "bdo",
    "bgsound",
    "big",
    "blink",
    "blockquote",
    "body",
    "br",
    "button",
    "canvas",
    "caption",
    "center",
    "cite",
    "code",
    "col",
    "colgroup",
    "data",
    "datalist",
    "dd",
    "del",
    "details",
    "dfn",
    "dialog",
    "dir",
    "div",
    "dl",
    "dt",
    "em",
    "embed",
    "fieldset",
    "figcaption",
    "figure",
    "font",
    "footer",
    "form",
    "frame",
    "frameset",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "head",
    "header",
    "hgroup",
    "hr",
    "html",
    "i",
    "iframe",
    "image",
    "img",
    "input",
    "ins",
    "isindex",
    "kbd",
    "keygen",
    "label",
    "legend",
    "li",
    "link",
    "listing",
    "maction",
    "main",
    "malignmark",
    "map",
    "mark",
    "marquee",
    "math",
    "menclose",
    "menu",
    "menuitem",
    "merror",
    "meta",
    "meter",
    "mfrac",
    "mglyph",
    "mi",
    "mlabeledtr",
    "mmultiscripts",
    "mn",
    "mo",
    "mover",
    "mpadded",
    "mphantom",
    "mprescripts",
    "mroot",
    "mrow",
    "ms",
    "mspace",
    "msqrt",
    "mstyle",
    "msub",
    "msubsup",
    "msup",
    "mtable",
    "mtd",
    "mtext",
    "mtr",
    "multicol",
    "munder",
    "munderover",
    "nav",
    "nextid",
    "nobr",
    "noembed",
    "noframes",
    "noscript",
    "object",
    "ol",
    "optgroup",
    "option",
    "output",
    "p",
    "param",
    "picture",
    "plaintext",
    "pre",
    "progress",
    "q",
    "rb",
    "rp",
    "rt",
    "rtc",
    "ruby",
    "s",
    "samp",
    "script",
    "search",
    "section",
    "select",
    "semantics",
    "slot",
    "small",
    "source",
    "spacer",
    "span",
    "strike",
    "strong",
    "style",
    "sub",
    "summary",
    "sup",
    "svg",
    "table",
    "tbody",
    "td",
    "template",
    "textarea",
    "tfoot",
    "th",
    "thead",
    "time",
    "title",
    "tr",
    "track",
    "tt",
    "u",
    "ul",
    "var",
    "video",
    "wbr",
    "xmp",
];

/// Attributes that stand alone (no `=value`) in real markup, sorted for binary search. A
/// tag whose bare attributes are other plain words is prose that happens to sit between
/// `<` and `>` (`if a<b and b>c`). `amp` and `⚡` mark AMP pages (`<html amp>`).
const BARE_ATTRIBUTES: [&str; 43] = [
    "allowfullscreen",
    "amp",
    "async",
    "autofocus",
    "autoplay",
    "border",
    "checked",
    "compact",
    "contenteditable",
    "controls",
    "crossorigin",
    "declare",
    "default",
    "defer",
    "disabled",
    "disablepictureinpicture",
    "disableremoteplayback",
    "download",
    "formnovalidate",
    "hidden",
    "inert",
    "ismap",
    "itemscope",
    "loop",
    "mozallowfullscreen",
    "multiple",
    "muted",
    "nohref",
    "nomodule",
    "noresize",
    "noshade",
    "novalidate",
    "nowrap",
    "open",
    "playsinline",
    "popover",
    "readonly",
    "required",
    "reversed",
    "selected",
    "spellcheck",
    "webkitallowfullscreen",
    "⚡",
];

/// Removes markup, keeping the text between it. Linear on any input: each `<` is either
/// text (and the scan that decided so stopped before the next `<`, see [`read_tag`]) or
/// markup that is consumed whole.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    // Past the last `>` nothing can close a declaration; knowing that up front spares a
    // search to the end of the text for every `<!` in `<!x<!x<!x...`.
    let last_close = html.rfind('>');
    // Names outside the element tables that opened a tag here (`<x onclick=...>`), so their
    // end tags are markup too.
    let mut other_elements = HashSet::new();
    let mut rest = html;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let tail = &rest[open..];
        if let Some(comment) = tail.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let tail_at = html.len() - tail.len();
        let close_ahead = last_close.is_some_and(|close| close > tail_at);
        if let Some(len) = declaration_len(tail, close_ahead) {
            rest = &tail[len..];
            continue;
        }
        let Some(tag) = read_tag(tail, &other_elements) else {
            if let Some(link) = read_autolink(tail) {
                out.push_str(link.shown);
                rest = &tail[link.len..];
                continue;
            }
            // A `<` that opens no tag (`a < b`, `x<y`, `<five years`) is text.
            out.push('<');
            rest = &tail[1..];
            continue;
        };
        rest = &tail[tag.len..];
        if !tag.closing && !is_element_name(&tag.name) {
            other_elements.insert(tag.name.clone());
        }
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

/// The length of a doctype, CDATA section, Word conditional (`<![if !mso]>`) or processing
/// instruction (`<?xml ...?>`) at the start of `text`, through the first `>` (where HTML
/// ends them too). `None` when `text` starts with none, or when no `>` follows
/// (`close_ahead` false): then the `<` is text, like any other that closes nothing.
fn declaration_len(text: &str, close_ahead: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    let opens = match bytes.get(1) {
        Some(b'!') => bytes
            .get(2)
            .is_some_and(|&b| b.is_ascii_alphabetic() || b == b'['),
        Some(b'?') => bytes.get(2).is_some_and(u8::is_ascii_alphabetic),
        _ => false,
    };
    if !opens || !close_ahead {
        return None;
    }
    text.find('>').map(|close| close + 1)
}

/// A Markdown autolink: Markdown bodies come here before their Markdown is read, and these are
/// the one Markdown form that starts with `<`.
struct Autolink<'a> {
    /// What stays of it: an email address, or nothing for a URL (URLs are not words, and
    /// [`super::markdown_text`] drops bare ones too).
    shown: &'a str,
    /// Bytes from `<` to just past `>`.
    len: usize,
}

/// Reads `<https://example.gov/page>` or `<name@example.gov>` at the start of `text` (which
/// starts with `<`), in CommonMark's shape: no spaces or `<` inside, so deciding never reads
/// past the next `<`. Tags are tried first: `<st1:place>` (word-processor HTML) is a tag.
fn read_autolink(text: &str) -> Option<Autolink<'_>> {
    let inner_len = text[1..].find(|c: char| c == '>' || c == '<' || c.is_whitespace())?;
    let inner = &text[1..1 + inner_len];
    if text.as_bytes().get(1 + inner_len) != Some(&b'>') {
        return None;
    }
    let len = inner_len + 2;
    let is_url = inner.split_once(':').is_some_and(|(scheme, _)| {
        (2..=32).contains(&scheme.len())
            && scheme.as_bytes()[0].is_ascii_alphabetic()
            && scheme
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'.' | b'-'))
    });
    if is_url {
        return Some(Autolink { shown: "", len });
    }
    let (local, domain) = inner.split_once('@')?;
    let is_email = !local.is_empty()
        && local
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&b))
        && !domain.is_empty()
        && domain.split('.').all(|label| {
            !label.is_empty()
                && label
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-')
        });
    is_email.then_some(Autolink { shown: inner, len })
}

struct Tag {
    name: String,
    closing: bool,
    /// Bytes from `<` to just past `>` (to the end of the text for a tag cut off there).
    len: usize,
}

/// Reads a start or end tag at the start of `text` (which starts with `<`), or `None` when
/// the `<` is text. A tag is what HTML would tokenize as one (`<` or `</`, a letter, a name
/// ending at whitespace, `/` or `>`), further narrowed so that prose is not taken for
/// markup: any attribute without a value must be one that real markup writes bare
/// ([`is_bare_attribute`]), and the name must be an element's ([`is_element_name`]) unless
/// the tag has a `name=value` attribute, which prose does not write (or, for an end tag,
/// unless the name is in `other_elements`: it opened such a tag earlier). So `<b>` and
/// `<x onclick="...">...</x>` are tags, while `<Name>` and `</Name>` (an XML example),
/// `<slug>` (a placeholder), `<five years old ...>` and `a<b and b>c` are text.
///
/// Until the first `name=`, the scan stops at the next `<` or quote (neither belongs there in
/// markup), so deciding "text" never reads past the next `<`: the caller moves on by one
/// byte and total work stays linear. From the first `name=` on the tag is markup beyond doubt
/// and is read to its `>`, honouring quoted values so a `>` inside one does not end it; when
/// the text ends first (a description cut off at `<a href="https://ex`), the half tag is
/// dropped rather than shown, as a browser would.
fn read_tag(text: &str, other_elements: &HashSet<String>) -> Option<Tag> {
    let bytes = text.as_bytes();
    let closing = bytes.get(1) == Some(&b'/');
    let name_start = if closing { 2 } else { 1 };
    if !bytes.get(name_start).is_some_and(u8::is_ascii_alphabetic) {
        return None;
    }
    let name_end = name_start
        + bytes[name_start..]
            .iter()
            .take_while(|&&b| is_name_byte(b))
            .count();
    // A name is followed by whitespace, `/` or `>`; `x<y?` or `<b,` is prose, and so is a
    // tag that the text ends inside before any attribute value (`... when A<B`).
    if !bytes
        .get(name_end)
        .is_some_and(|&b| is_space(b) || b == b'/' || b == b'>')
    {
        return None;
    }
    let name = text[name_start..name_end].to_ascii_lowercase();
    let is_element = is_element_name(&name) || (closing && other_elements.contains(name.as_str()));
    let mut at = name_end;
    loop {
        at = skip_while(bytes, at, |b| is_space(b) || b == b'/');
        match bytes.get(at) {
            None => return None,
            Some(b'>') if !is_element => return None,
            Some(b'>') => {
                return Some(Tag {
                    name,
                    closing,
                    len: at + 1,
                })
            }
            Some(_) => {}
        }
        let attribute_start = at;
        at = skip_while(bytes, at, |b| {
            !(is_space(b) || matches!(b, b'/' | b'>' | b'=' | b'<' | b'"' | b'\''))
        });
        if at == attribute_start || matches!(bytes.get(at), Some(b'<' | b'"' | b'\'')) {
            return None;
        }
        let attribute = &text[attribute_start..at];
        let after_name = skip_while(bytes, at, is_space);
        if bytes.get(after_name) == Some(&b'=') {
            return Some(Tag {
                name,
                closing,
                len: tag_end(text, after_name),
            });
        }
        if !is_bare_attribute(attribute) {
            return None;
        }
    }
}

/// Where a tag whose attributes start at `from` ends: just past its first `>` outside quotes,
/// or at the end of the text when it never closes.
fn tag_end(text: &str, from: usize) -> usize {
    let mut quote = None;
    for (at, &b) in text.as_bytes().iter().enumerate().skip(from) {
        match quote {
            Some(q) if b == q => quote = None,
            Some(_) => {}
            None if b == b'"' || b == b'\'' => quote = Some(b),
            None if b == b'>' => return at + 1,
            None => {}
        }
    }
    text.len()
}

/// The first index from `at` whose byte does not satisfy `keep` (or the length).
fn skip_while(bytes: &[u8], at: usize, keep: impl Fn(u8) -> bool) -> usize {
    at + bytes[at..].iter().take_while(|&&b| keep(b)).count()
}

/// Whitespace as HTML's tokenizer counts it between a tag's parts.
fn is_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0c')
}

/// Bytes of element names: letters and digits, with `-`, `_` and `.` in custom element names
/// and `:` in namespaced ones.
fn is_name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')
}

/// A known element (lowercase `name`), a custom element (`my-widget`: HTML requires the
/// hyphen) or a namespaced one (`o:p`, `st1:place`).
fn is_element_name(name: &str) -> bool {
    ELEMENTS.binary_search(&name).is_ok() || is_compound_name(name)
}

/// An attribute that may stand without a value: a known bare one, or a hyphenated or
/// namespaced name (`data-lazy`, `aria-hidden`, `v-cloak`, `xml:space`), which prose does not
/// put after a tag name.
fn is_bare_attribute(attribute: &str) -> bool {
    let lower = attribute.to_ascii_lowercase();
    BARE_ATTRIBUTES.binary_search(&lower.as_str()).is_ok() || is_compound_name(attribute)
}

/// A name in markup's shape (starts with a letter, then name bytes) that joins two parts
/// with `-` or `:` (`my-widget`, `o:p`). `https:` (an autolink) has no second part.
fn is_compound_name(name: &str) -> bool {
    let bytes = name.as_bytes();
    bytes.first().is_some_and(u8::is_ascii_alphabetic)
        && bytes.iter().all(|&b| is_name_byte(b))
        && bytes[1..]
            .iter()
            .rev()
            .skip_while(|&&b| matches!(b, b'-' | b':'))
            .any(|&b| matches!(b, b'-' | b':'))
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

    /// Asserts that each text comes out of [`inline_text`] as it went in.
    fn assert_kept_as_text(texts: &[&str]) {
        for text in texts {
            assert_eq!(inline_text(text), *text);
        }
    }

    #[test]
    fn a_lone_less_than_sign_keeps_the_text_after_it() {
        // Plain-text bodies and titles go through here too.
        assert_eq!(
            html_to_text("When x<y in most cases.\n\nSecond paragraph."),
            "When x<y in most cases.\nSecond paragraph."
        );
        assert_kept_as_text(&[
            "Why A<B matters for care",
            "Is 5<x or x<y?",
            "a<b, then b>c",
            "x <br",
        ]);
    }

    #[test]
    fn prose_between_angle_brackets_is_text() {
        assert_kept_as_text(&[
            // `<five` is a start tag to HTML's tokenizer, but no element is called that.
            "For children <five years old the rule differs; adults > 18 are fine.",
            // `<b` names an element, but `and` is not an attribute written bare.
            "if a<b and b>c",
            "</y or z>",
            // Placeholders and XML examples are not HTML elements.
            "Name files <slug>.md; tags such as <Name> and </Name>",
        ]);
    }

    #[test]
    fn real_tags_are_still_markup() {
        assert_eq!(inline_text("a <b>bold</b> c"), "a bold c");
        assert_eq!(inline_text("A<B>b</B>"), "Ab");
        assert_eq!(
            html_to_text("<P\nCLASS=MsoNormal>One<o:p></o:p></P><my-card data-x>Two</my-card>"),
            "One\nTwo"
        );
        assert_eq!(
            inline_text("<td nowrap>x</td ><input type=checkbox checked/><video controls muted>"),
            "x"
        );
        assert_eq!(inline_text("<br/>a<hr />b<img\tsrc=x.png>c"), "a b c");
        // Any name is a tag's once it has a `name=value` attribute, and so is its end tag.
        assert_eq!(
            inline_text("<x contenteditable onblur=go()>text</x> </y>"),
            "text </y>"
        );
        assert_eq!(
            html_to_text("<!DOCTYPE html><?xml version=\"1.0\"?><![if !mso]>a<![endif]>"),
            "a"
        );
        // Once a `name=` has shown it to be markup, a tag cut off by the end of the text
        // goes, like any tag (`broken <a href="x` in the tests above).
        assert_eq!(inline_text("cut <img alt=x src=y"), "cut");
    }

    #[test]
    fn markdown_autolinks_keep_addresses_and_drop_urls() {
        assert_eq!(
            inline_text("email <team@agency.gov>, see <https://agency.gov/a?b=1>_Ann_"),
            "email team@agency.gov, see _Ann_"
        );
        assert_eq!(
            inline_text("<not an@address> <a@b>"),
            "<not an@address> a@b"
        );
        // A tag first: word-processor HTML has `<st1:place>`, which fits a URL's shape.
        assert_eq!(inline_text("<st1:place>Boston</st1:place>"), "Boston");
    }

    #[test]
    fn declarations_that_never_close_are_text() {
        assert_kept_as_text(&["wow<!x and<?y"]);
        assert_eq!(inline_text("<!DOCTYPE html>a<!b"), "a<!b");
    }

    #[test]
    fn control_and_bidi_override_characters_are_dropped() {
        assert_eq!(
            inline_text("ctl \u{202e} evil \0 nul \x07 \u{85} nel"),
            "ctl evil nul nel"
        );
        assert_eq!(inline_text("ab\0cd\u{7f}e\u{9b}f"), "abcdef");
        assert_eq!(
            inline_text("\u{2066}x\u{2069} \u{202a}y\u{202c} \u{202d}z\u{202b}"),
            "x y z"
        );
        // Markup is read without them, as a reader sees it.
        assert_eq!(inline_text("<scri\0pt>alert(1)</scri\0pt>ok"), "ok");
        // Entities spell them too.
        assert_eq!(inline_text("a&#x202E;b&#x2067;c"), "abc");
        // Tabs and line breaks are spaces; a line of nothing but controls is no line.
        assert_eq!(html_to_text("a\tb\r\n\u{1}\u{202e}\nc"), "a b\nc");
        assert_eq!(collapse_spaces("id\u{0}\u{1b}[31m"), "id[31m");
    }

    #[test]
    fn ordinary_non_ascii_text_is_kept() {
        assert_kept_as_text(&[
            "Café naïve façade",
            "医疗 健康",
            "مرحبا بالعالم",
            "שלום עולם",
            // Bidi marks and joiners are not controls that reorder or hide text.
            "\u{200f}שלום\u{200e} x",
            "family 👨\u{200d}👩\u{200d}👧 emoji",
        ]);
    }

    #[test]
    fn stray_markup_characters_take_linear_time() {
        // Each of these would cost a scan to the end of the text per `<` if deciding that a
        // `<` is text read on to the next `>` or the end: hours for a million of them. No
        // timing assertion: a quadratic scan would simply not finish.
        let n = 1_000_000;
        let unchanged = [
            "<".repeat(n),
            "<a".repeat(n),
            "</p".repeat(n / 3),
            "<!x".repeat(n / 3),
            "<b x".repeat(n / 4),
            "<b data-a data-b".repeat(n / 16),
            "<y ".repeat(n / 3) + ">",
        ];
        for text in unchanged {
            // Not assert_eq: a failure would print megabytes.
            assert!(inline_text(&text) == text, "{:?}... changed", &text[..20]);
        }
        assert!(html_to_text(&"<div>".repeat(n)).is_empty());
        let lines = html_to_text(&"<div>x".repeat(n / 4));
        assert!(lines == vec!["x"; n / 4].join("\n"));
        // A value that never closes swallows the rest once: it is markup cut off.
        let cut = format!("a<a x=\"{}", "<a x=\"".repeat(n / 4));
        assert_eq!(inline_text(&cut), "a");
    }

    #[test]
    fn name_tables_are_sorted_for_binary_search() {
        assert!(ELEMENTS.windows(2).all(|pair| pair[0] < pair[1]));
        assert!(BARE_ATTRIBUTES.windows(2).all(|pair| pair[0] < pair[1]));
    }
}

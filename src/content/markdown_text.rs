//! Markdown and Hugo markup to plain text: link targets, shortcodes, heading and list
//! markers, emphasis and bare URLs removed, so summaries read cleanly and search terms are
//! words rather than URL fragments. Runs after [`super::html_text`], line by line.

/// Removes Markdown and shortcode syntax from text that is already free of HTML.
pub fn markdown_to_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut in_fence = false;
    for line in text.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            in_fence = !in_fence;
            continue;
        }
        if in_fence || is_rule(trimmed) || is_reference_definition(trimmed) {
            continue;
        }
        let line = strip_inline(strip_line_marker(trimmed));
        // Most lines hold no URL; only those pay for the word split.
        let has_url = line.contains("://") || line.contains("www.") || line.contains("WWW.");
        if has_url {
            let kept = line
                .split_whitespace()
                .filter(|w| !is_url(w))
                .collect::<Vec<_>>()
                .join(" ");
            push_line(&mut out, &kept);
        } else {
            push_line(&mut out, line.trim());
        }
    }
    out
}

/// Appends a non-empty line to `out`, lines separated by `\n`.
fn push_line(out: &mut String, line: &str) {
    if line.is_empty() {
        return;
    }
    if !out.is_empty() {
        out.push('\n');
    }
    out.push_str(line);
}

/// The text of the first heading in a body (`# Title`, `Title\n===` is rare enough to
/// ignore, or `<h1>`/`<h2>`), used when front matter has no title.
pub fn first_heading(body: &str) -> Option<String> {
    for line in body.lines() {
        let trimmed = line.trim();
        if let Some(rest) = trimmed.strip_prefix('#') {
            let text = rest.trim_start_matches('#').trim();
            if !text.is_empty() && rest.starts_with(['#', ' ']) {
                return Some(text.to_string());
            }
        }
    }
    let lower = body.to_ascii_lowercase();
    for tag in ["<h1", "<h2"] {
        if let Some(start) = lower.find(tag) {
            let close = format!("</{}", &tag[1..]);
            let open_end = lower[start..].find('>')? + start + 1;
            let end = lower[open_end..]
                .find(&close)
                .map_or(body.len(), |e| e + open_end);
            let text = super::html_text::inline_text(body.get(open_end..end)?);
            if !text.is_empty() {
                return Some(text);
            }
        }
    }
    None
}

/// A line of at least three bytes of one rule mark (`---`, `***`, `___`, `===`, `—`),
/// spaces between allowed. Checked without building a string: it runs on every line.
fn is_rule(line: &str) -> bool {
    let mut marks = line.chars().filter(|c| !c.is_whitespace());
    let Some(mark) = marks.next() else {
        return false;
    };
    if !matches!(mark, '-' | '*' | '_' | '=' | '—') {
        return false;
    }
    let mut bytes = mark.len_utf8();
    for c in marks {
        if c != mark {
            return false;
        }
        bytes += c.len_utf8();
    }
    bytes >= 3
}

/// `[1]: https://example.org` lines only hold link targets.
fn is_reference_definition(line: &str) -> bool {
    line.starts_with('[')
        && line.find("]:").is_some_and(|at| {
            is_url(line[at + 2..].trim()) || line[at + 2..].trim().starts_with('/')
        })
}

/// Drops heading, quote and list markers at the start of a line.
fn strip_line_marker(line: &str) -> &str {
    let mut line = line;
    loop {
        let before = line;
        line = line.trim_start_matches('#').trim_start();
        line = line.trim_start_matches('>').trim_start();
        for marker in ["- ", "* ", "+ ", "• "] {
            if let Some(rest) = line.strip_prefix(marker) {
                line = rest.trim_start();
            }
        }
        // Ordered list: `12. ` or `3) `
        let digits = line.bytes().take_while(u8::is_ascii_digit).count();
        if digits > 0 && digits < 4 {
            let rest = &line[digits..];
            if let Some(rest) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
                line = rest.trim_start();
            }
        }
        if line == before {
            return line;
        }
    }
}

/// Removes shortcodes, link and image targets and emphasis markers within a line.
fn strip_inline(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    let mut rest = line;
    while !rest.is_empty() {
        // Copy the plain run up to the next byte that may start markup in one go; the
        // markup rules below only ever fire on these ASCII bytes.
        let plain = rest
            .bytes()
            .position(|b| matches!(b, b'{' | b'[' | b']' | b'`' | b'!' | b'*' | b'_'))
            .unwrap_or(rest.len());
        if plain > 0 {
            out.push_str(&rest[..plain]);
            rest = &rest[plain..];
            continue;
        }
        if let Some(after) = rest.strip_prefix("{{") {
            // Hugo shortcode `{{< name args >}}` or `{{% ... %}}`: drop it whole.
            rest = after.find("}}").map_or("", |end| &after[end + 2..]);
            out.push(' ');
            continue;
        }
        if let Some(after) = rest.strip_prefix("](") {
            // The target of `[text](target)`: the text was already copied.
            rest = after.find(')').map_or("", |end| &after[end + 1..]);
            continue;
        }
        if let Some(after) = rest.strip_prefix("][") {
            rest = after.find(']').map_or("", |end| &after[end + 1..]);
            continue;
        }
        let c = rest.chars().next().unwrap_or(' ');
        match c {
            '[' | ']' | '`' => {}
            '!' if rest[1..].starts_with('[') => {}
            '*' | '_' if is_emphasis_marker(&out, &rest[c.len_utf8()..]) => {}
            _ => out.push(c),
        }
        rest = &rest[c.len_utf8()..];
    }
    out
}

/// `*` or `_` next to a word boundary is emphasis; inside a word (`snake_case`) it is text.
fn is_emphasis_marker(before: &str, after: &str) -> bool {
    let prev = before.chars().next_back();
    let next = after.chars().next();
    let wordy = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    !(wordy(prev) && wordy(next))
}

fn is_url(word: &str) -> bool {
    let word = word.trim_start_matches(['(', '<', '"']).as_bytes();
    let starts = |prefix: &str| {
        word.len() >= prefix.len() && word[..prefix.len()].eq_ignore_ascii_case(prefix.as_bytes())
    };
    starts("http://") || starts("https://") || starts("www.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_keep_their_text_only() {
        assert_eq!(
            markdown_to_text(
                "See [the guide](https://x.gov/a_b) and ![a chart](c.png) or [ref][1]."
            ),
            "See the guide and a chart or ref."
        );
    }

    #[test]
    fn shortcodes_markers_and_emphasis_go() {
        let md = "{{< img-right src=\"x\" >}}\n## Deeper Dive\n- **Bold** item\n1. _first_ snake_case\n> quoted\n* * *\n[1]: https://x.org";
        assert_eq!(
            markdown_to_text(md),
            "Deeper Dive\nBold item\nfirst snake_case\nquoted"
        );
    }

    #[test]
    fn bare_urls_and_code_fences_go() {
        assert_eq!(
            markdown_to_text("visit https://a.b/c now\n```\ncode here\n```\nafter"),
            "visit now\nafter"
        );
    }

    #[test]
    fn rules_are_three_bytes_of_one_mark() {
        for rule in ["---", "- - -", "***", "___", "===", "—", "— —", " ----- "] {
            assert!(is_rule(rule), "{rule:?}");
        }
        for not_rule in ["", "--", "-*-", "- - x", "··· ", "~~~", "   "] {
            assert!(!is_rule(not_rule), "{not_rule:?}");
        }
    }

    #[test]
    fn finds_first_heading() {
        assert_eq!(
            first_heading("intro\n## The Heading\n"),
            Some("The Heading".into())
        );
        assert_eq!(first_heading("#hashtag only"), None);
        assert_eq!(
            first_heading("<p>x</p><H1 class=a>Big &amp; bold</H1>"),
            Some("Big & bold".into())
        );
        assert_eq!(first_heading("<h1>unclosed"), Some("unclosed".into()));
    }
}

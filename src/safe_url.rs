//! Which URLs from the index may become links or image sources. Article and offering URLs
//! come from outside, so a `javascript:` or `data:` URL must never reach an `href`.
//!
//! Allowed: absolute `http:`/`https:` URLs and relative paths (`/news/x`, `news/x`, `?q`,
//! `#top`). Refused: every other scheme, protocol-relative `//host/...` (it silently
//! follows the host page's scheme and points off-site without saying so), and anything
//! with control characters, which browsers strip before parsing (`java\tscript:`).
//!
//! Character references are not decoded here: the widget sets URLs through the DOM (and the
//! prerenderer escapes `&`), where `&#106;avascript:` is text, a relative path. The indexer
//! (src/content/links.rs) refuses such spellings anyway, for consumers that put index URLs
//! into HTML unescaped; this rule stays the same as its JS twin (js/paint/links.js).

/// Returns the trimmed URL when it is safe to put in `href` or `src`, else `None`.
pub fn safe_url(raw: &str) -> Option<&str> {
    // Browsers trim C0 controls and spaces at both ends before parsing a URL.
    let url = raw.trim_matches(|c: char| c <= ' ');
    if url.is_empty() || url.chars().any(|c| c.is_control()) {
        return None;
    }
    // Backslashes count as slashes in special URLs: `\\host` is `//host`.
    let slashed = url.replace('\\', "/");
    if slashed.starts_with("//") {
        return None;
    }
    // A scheme is letters/digits/+/-/. before the first ':' that comes before any '/', '?'
    // or '#'; without one the URL is relative.
    let end = slashed.find(['/', '?', '#']).unwrap_or(slashed.len());
    match slashed[..end].find(':') {
        None => Some(url),
        Some(colon) => {
            let scheme = slashed[..colon].to_ascii_lowercase();
            let rest = &slashed[colon + 1..];
            // `https:host` without slashes resolves oddly; require the authority form.
            let ok = (scheme == "http" || scheme == "https") && rest.starts_with("//");
            ok.then_some(url)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::safe_url;

    #[test]
    fn allows_web_and_relative_urls() {
        for url in [
            "https://example.com/a?b=1#c",
            "HTTP://Example.com",
            "  https://example.com/x  ",
            "/news/item",
            "news/item",
            "./x",
            "../x",
            "?q=1",
            "#top",
            "news/a:b", // a colon after a slash is part of the path, not a scheme
        ] {
            assert!(safe_url(url).is_some(), "{url} should be allowed");
        }
        assert_eq!(safe_url("  /a  "), Some("/a"));
    }

    #[test]
    fn refuses_script_data_and_odd_urls() {
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "  javascript:alert(1)",
            "java\tscript:alert(1)",
            "java\nscript:alert(1)",
            "\u{0}javascript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
            "file:///etc/passwd",
            "mailto:a@b.c",
            "//evil.example/x",
            "\\\\evil.example/x",
            "/\\evil.example",
            "https:evil.example",
            "",
            "   ",
        ] {
            assert!(safe_url(url).is_none(), "{url:?} should be refused");
        }
    }
}

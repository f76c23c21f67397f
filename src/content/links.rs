//! Links from content: only http(s) URLs are ever published (a `javascript:` or `data:`
//! link in an untrusted source must never reach a page, in whatever spelling, character
//! references included), and site-relative links are resolved against `--base-url` when
//! given: section paths (`/offering/x`, `topic/x`) from the site's root, file names
//! (`abc-featuredImage.jpeg`) beside the base.

use crate::safe_url::safe_url;
use url::Url;

/// What became of one link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// An absolute http(s) URL.
    Absolute(String),
    /// Kept as written: relative, and there was no base URL to resolve it against.
    Relative(String),
    /// Dropped: a scheme other than http/https (also when spelled with character
    /// references), or unparseable.
    Unsafe(String),
}

/// Resolves links against an optional base URL.
#[derive(Debug, Clone, Default)]
pub struct LinkResolver {
    base: Option<Url>,
}

impl LinkResolver {
    /// A resolver; the base must itself be an absolute http(s) URL.
    pub fn new(base: Option<&str>) -> Result<Self, String> {
        let base = match base {
            None => None,
            Some(text) => {
                let mut url =
                    Url::parse(text).map_err(|e| format!("invalid --base-url {text:?}: {e}"))?;
                if !matches!(url.scheme(), "http" | "https") {
                    return Err(format!("--base-url must be http or https, not {text:?}"));
                }
                // Treat the base as a folder, so `a.jpeg` lands inside it.
                if !url.path().ends_with('/') {
                    let path = format!("{}/", url.path());
                    url.set_path(&path);
                }
                Some(url)
            }
        };
        Ok(Self { base })
    }

    pub fn has_base(&self) -> bool {
        self.base.is_some()
    }

    pub fn resolve(&self, link: &str) -> Resolved {
        let link = link.trim();
        // Control characters and spaces are never part of a URL we publish as written;
        // browsers strip some of them, which is how `java\tscript:` slips past naive checks.
        let compact = without_controls_or_spaces(link);
        // The index holds URLs, not HTML, and `&` and `;` are no scheme characters, so
        // `&#106;avascript:x` is a relative path here and in the widget (which sets URLs
        // through the DOM, where a reference is plain text). But a consumer that pastes index
        // URLs into HTML without escaping `&` makes it a `javascript:` link. So a link whose
        // scheme part holds references is judged a second time, as HTML would read it.
        // Only judged, not rewritten: consumers that do treat index URLs as URLs (the widget,
        // the prerenderer, which escapes `&`) must get the link the source gave, and most
        // references in links are meant as written (`?a=1&amp;b=2` is fine either way).
        match as_html_reads_it(&compact) {
            HtmlReading::Same => {}
            HtmlReading::Decoded(decoded) => {
                if let Resolved::Unsafe(_) = self.resolve(&decoded) {
                    return Resolved::Unsafe(link.to_string());
                }
            }
            HtmlReading::Undecided => return Resolved::Unsafe(link.to_string()),
        }
        if let Some(scheme) = scheme_of(&compact) {
            // The widget's own rule too (`crate::safe_url`): `https:host/x` without the
            // slashes is refused there, so it is not published here either.
            if !matches!(scheme.as_str(), "http" | "https") || safe_url(&compact).is_none() {
                return Resolved::Unsafe(link.to_string());
            }
            return match Url::parse(&compact) {
                Ok(url) if url.host_str().is_some() => Resolved::Absolute(url.to_string()),
                _ => Resolved::Unsafe(link.to_string()),
            };
        }
        match &self.base {
            Some(base) => {
                // In the sources a path with a folder in it (`topic/x`, `/offering/y`) names
                // a section of the site, which sits at the site's root whatever folder the
                // base names; a bare file name (`abc-featuredImage.jpeg`) and `./x`, `../x`,
                // `?q`, `#top` are relative to the base itself.
                let joined = if names_a_section(&compact) {
                    base.join(&format!("/{compact}"))
                } else {
                    base.join(&compact)
                };
                match joined {
                    Ok(url) if matches!(url.scheme(), "http" | "https") => {
                        Resolved::Absolute(url.to_string())
                    }
                    _ => Resolved::Unsafe(link.to_string()),
                }
            }
            // Kept only in a form the widget will link: not `//host/x`, which would
            // follow the host page's scheme off-site.
            None if safe_url(&compact).is_some() => Resolved::Relative(compact),
            None => Resolved::Unsafe(link.to_string()),
        }
    }
}

/// Whether the indexer drops `link` when it has no base URL: another scheme in any
/// spelling, `https:host`, `//host`. Judged without a base so that what a source derives
/// from a link (a topic's slug from its last segment) does not change with `--base-url`.
pub fn is_refused(link: &str) -> bool {
    matches!(LinkResolver::default().resolve(link), Resolved::Unsafe(_))
}

fn without_controls_or_spaces(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_control() && !c.is_whitespace())
        .collect()
}

/// A relative path whose first segment is a folder name (`topic/x`), not `.`, `..` or
/// empty (`/x`, which is from the root already).
fn names_a_section(link: &str) -> bool {
    let path = &link[..link.find(['?', '#']).unwrap_or(link.len())];
    match path.split_once(['/', '\\']) {
        Some((first, _)) => !matches!(first, "" | "." | ".."),
        None => false,
    }
}

/// The scheme of a link, lowercased, if it has one (`//host/x` has none: it inherits).
fn scheme_of(link: &str) -> Option<String> {
    let colon = link.find(':')?;
    let scheme = &link[..colon];
    let mut chars = scheme.chars();
    let first = chars.next()?;
    if first.is_ascii_alphabetic() && chars.all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
    {
        Some(scheme.to_ascii_lowercase())
    } else {
        None
    }
}

/// How HTML would read a link where a scheme could be.
enum HtmlReading {
    /// As written: no character reference there.
    Same,
    /// With those references decoded (and the controls and spaces they spell removed, as
    /// for any link).
    Decoded(String),
    /// Still decoding into more references after [`DECODING_ROUNDS`]: no link a source
    /// means, and deciding it would cost a round per layer of `&amp;amp;...`.
    Undecided,
}

/// HTML decodes once; a consumer that unescapes twice turns `&amp;#106;` into `j`. One more
/// round for good measure.
const DECODING_ROUNDS: usize = 3;

/// Decodes the references before the first `/`, `\\`, `?` or `#` of `compact` (spaces and
/// controls removed) until nothing changes, at most [`DECODING_ROUNDS`] times.
fn as_html_reads_it(compact: &str) -> HtmlReading {
    if !compact.contains('&') {
        return HtmlReading::Same;
    }
    let mut text = compact.to_string();
    for _ in 0..DECODING_ROUNDS {
        let next = without_controls_or_spaces(&decode_scheme_part(&text));
        if next == text {
            return if text == compact {
                HtmlReading::Same
            } else {
                HtmlReading::Decoded(text)
            };
        }
        text = next;
    }
    // Settled only if one more round changes nothing.
    if without_controls_or_spaces(&decode_scheme_part(&text)) == text {
        HtmlReading::Decoded(text)
    } else {
        HtmlReading::Undecided
    }
}

/// `text` with the character references before its first `/`, `\\`, `?` or `#` decoded as
/// HTML decodes them in an attribute: `&name;`, and `&#NN` / `&#xHH` with or without the
/// `;` (the `#` of a reference ends nothing). An `&` that starts no reference stays as it
/// is, and so does a `&name;` HTML does not define, as browsers leave it. HTML's table of
/// names is closed (the spec says it will not change), so every spelling is decided here.
fn decode_scheme_part(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find(['&', '/', '\\', '?', '#']) {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let Some(after) = rest.strip_prefix('&') else {
            break;
        };
        if let Some((decoded, used)) = numeric_reference(after) {
            out.push(decoded);
            rest = &after[used..];
        } else if let Some((decoded, tail)) = named_reference(after) {
            out.push_str(decoded);
            rest = tail;
        } else {
            out.push('&');
            rest = after;
        }
    }
    out.push_str(rest);
    out
}

/// `#106;` or `#x6A` (what follows an `&`): the character and how many bytes it took.
fn numeric_reference(after_ampersand: &str) -> Option<(char, usize)> {
    let body = after_ampersand.strip_prefix('#')?;
    let (radix, digits_at) = match body.as_bytes().first() {
        Some(b'x' | b'X') => (16, 2),
        _ => (10, 1),
    };
    let digits = &after_ampersand[digits_at..];
    let len = digits
        .find(|c: char| !c.is_digit(radix))
        .unwrap_or(digits.len());
    if len == 0 {
        return None;
    }
    // Past the last code point the value no longer matters: it is a replacement character.
    let value = digits[..len].chars().fold(0u32, |value, digit| {
        (value * radix + digit.to_digit(radix).unwrap_or(0)).min(0x11_0000)
    });
    let used = digits_at + len + usize::from(digits[len..].starts_with(';'));
    // Browsers give U+FFFD for 0, surrogates and values past U+10FFFF, and for 0x80-0x9F
    // Windows-1252 characters or C1 controls: none of them ASCII, none stripped from a URL,
    // so U+FFFD tells the scheme as well.
    let decoded = match value {
        0 | 0x80..=0x9F => '\u{FFFD}',
        _ => char::from_u32(value).unwrap_or('\u{FFFD}'),
    };
    Some((decoded, used))
}

/// `name;` (what follows an `&`) for a name HTML defines: what it spells and the text
/// after the `;`. (Names without the `;` that HTML still reads, `&amp`, `&copy`, spell only
/// `&`, `<`, `>`, `"` or non-ASCII letters and signs, none of which can make a scheme.)
fn named_reference(after_ampersand: &str) -> Option<(&'static str, &str)> {
    let (name, tail) = after_ampersand.split_once(';')?;
    let entities = &html_escape::NAMED_ENTITIES;
    let found = entities
        .binary_search_by(|(known, _)| (*known).cmp(name.as_bytes()))
        .ok()?;
    Some((entities[found].1, tail))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_http_and_https_survive() {
        let r = LinkResolver::new(None).unwrap();
        assert_eq!(
            r.resolve("https://a.org/x y"),
            Resolved::Absolute("https://a.org/xy".into())
        );
        for bad in [
            "javascript:alert(1)",
            "JavaScript:x",
            "java\tscript:x",
            "data:text/html,x",
            "vbscript:x",
            "ftp://a.org/f",
            "http://",
            // Forms the widget refuses (src/safe_url.rs), so they are never published.
            "https:evil.invalid/x",
            "http:/one-slash.invalid",
        ] {
            assert!(matches!(r.resolve(bad), Resolved::Unsafe(_)), "{bad}");
        }
    }

    #[test]
    fn relative_links_kept_without_base_and_joined_with_it() {
        let r = LinkResolver::new(None).unwrap();
        assert_eq!(
            r.resolve("/offering/x"),
            Resolved::Relative("/offering/x".into())
        );
        let r = LinkResolver::new(Some("https://site.example/news")).unwrap();
        assert_eq!(
            r.resolve("/offering/x"),
            Resolved::Absolute("https://site.example/offering/x".into())
        );
        assert_eq!(
            r.resolve("img-featuredImage.jpeg"),
            Resolved::Absolute("https://site.example/news/img-featuredImage.jpeg".into())
        );
        assert_eq!(
            r.resolve("//cdn.example/a.png"),
            Resolved::Absolute("https://cdn.example/a.png".into())
        );
    }

    /// A base with a path (`--base-url https://www.medigy.com/news`): section paths are
    /// from the site's root, file names and explicit relatives from the base.
    #[test]
    fn section_paths_are_from_the_site_root_whatever_the_base_path() {
        let r = LinkResolver::new(Some("https://site.example/news")).unwrap();
        for (link, want) in [
            ("topic/x", "https://site.example/topic/x"),
            (
                "topic/x?page=2#top",
                "https://site.example/topic/x?page=2#top",
            ),
            ("topic\\x", "https://site.example/topic/x"),
            ("/offering/x", "https://site.example/offering/x"),
            (
                "a-featuredImage.jpeg",
                "https://site.example/news/a-featuredImage.jpeg",
            ),
            ("./a.jpeg", "https://site.example/news/a.jpeg"),
            ("./img/a.jpeg", "https://site.example/news/img/a.jpeg"),
            ("../a.jpeg", "https://site.example/a.jpeg"),
            ("?q=a/b", "https://site.example/news/?q=a/b"),
            ("#a/b", "https://site.example/news/#a/b"),
        ] {
            assert_eq!(r.resolve(link), Resolved::Absolute(want.into()), "{link}");
        }
        // A base without a path gives the same section links.
        let root = LinkResolver::new(Some("https://site.example")).unwrap();
        assert_eq!(
            root.resolve("topic/x"),
            Resolved::Absolute("https://site.example/topic/x".into())
        );
    }

    #[test]
    fn schemes_spelled_with_character_references_are_dropped() {
        for base in [None, Some("https://site.example/news")] {
            let r = LinkResolver::new(base).unwrap();
            for bad in [
                "&#106;avascript:alert(1)",
                "java&#x0A;script:alert(4)",
                "javascript&colon;alert(1)",
                "&#x6A;avascript:x",
                "&#X6a;avascript:x",
                "&#0000106;avascript:x",
                "&#106avascript:x",
                "javascript&#58alert(1)",
                "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
                " &#106;avascript:alert(1)/x",
                "java&Tab;script:x",
                "javascript&NewLine;:x",
                "&#100;ata:text/html,x",
                "vb&#115;cript:x",
                "&#x68;ttps&colon;evil.invalid/x",
                // Unescaped twice by a careless consumer.
                "&amp;#106;avascript:x",
                // Layers past any consumer's unescaping: not worth deciding.
                "&amp;amp;amp;#106;avascript:x",
                // `fj`: a scheme all the same.
                "&fjlig;avascript:x",
            ] {
                assert!(
                    matches!(r.resolve(bad), Resolved::Unsafe(_)),
                    "{bad} with base {base:?}"
                );
            }
        }
        // Without a base the plain spelling `//host` is refused, and so is its spelling.
        let r = LinkResolver::new(None).unwrap();
        assert!(matches!(
            r.resolve("&#47;&#47;evil.example/x"),
            Resolved::Unsafe(_)
        ));
    }

    #[test]
    fn references_that_spell_no_other_scheme_leave_the_link_as_written() {
        let r = LinkResolver::new(None).unwrap();
        for link in [
            "/search?q=a&amp;b=c",
            "news/a&amp;b",
            "a&amp;b/x",
            "q&a.html",
            // A name HTML does not define stays text.
            "&nosuchname;news/x",
            "&#63;javascript:x",
            "#&#106;avascript:x",
        ] {
            assert_eq!(r.resolve(link), Resolved::Relative(link.into()), "{link}");
        }
        assert_eq!(
            r.resolve("https://a.org/x?y=1&amp;z=2"),
            Resolved::Absolute("https://a.org/x?y=1&amp;z=2".into())
        );
    }

    #[test]
    fn references_decode_as_html_decodes_them() {
        assert_eq!(
            decode_scheme_part("&#106;&#x61;&#X76;a&colon;&amp;x&y&#xZ&#;b&#106;"),
            "java:&x&y&#xZ&#;b&#106;",
            "`&#` without digits is no reference, and its `#` ends the scheme part"
        );
        assert_eq!(
            decode_scheme_part("&#0;&#xD800;&#99999999999;&#x85;"),
            "\u{FFFD}\u{FFFD}\u{FFFD}\u{FFFD}"
        );
        assert_eq!(decode_scheme_part("a/&#106;?&#106;"), "a/&#106;?&#106;");
        assert_eq!(decode_scheme_part("&Tab;&NewLine;&sol;"), "\t\n/");
        assert_eq!(decode_scheme_part("a&unknown;b&amp"), "a&unknown;b&amp");
        assert!(matches!(as_html_reads_it("news/a"), HtmlReading::Same));
        assert!(matches!(as_html_reads_it("a&b:c"), HtmlReading::Same));
        assert!(matches!(
            as_html_reads_it("java&#x0A;script:x?a&amp;b"),
            HtmlReading::Decoded(text) if text == "javascript:x?a&amp;b"
        ));
        // Each `amp;` layer takes a round: two and the reference are undone in three rounds,
        // a third layer is one too many.
        let layers = |n: usize| format!("&{}#106;avascript:x", "amp;".repeat(n));
        assert!(matches!(
            as_html_reads_it(&layers(2)),
            HtmlReading::Decoded(text) if text == "javascript:x"
        ));
        assert!(matches!(
            as_html_reads_it(&layers(3)),
            HtmlReading::Undecided
        ));
        let deep = format!("{}x", layers(100_000));
        assert!(matches!(as_html_reads_it(&deep), HtmlReading::Undecided));
    }

    #[test]
    fn refused_links_are_told_without_a_base() {
        assert!(is_refused("javascript:alert(1)"));
        assert!(is_refused("&#106;avascript:alert(1)"));
        assert!(is_refused("//cdn.example/topic/x"));
        assert!(!is_refused("topic/x"));
        assert!(!is_refused("https://site.example/topic/x"));
    }

    #[test]
    fn protocol_relative_links_need_a_base() {
        // Without one, `//host/x` would follow the host page's scheme to another site.
        let r = LinkResolver::new(None).unwrap();
        assert!(matches!(
            r.resolve("//cdn.example/a.png"),
            Resolved::Unsafe(_)
        ));
        assert!(matches!(
            r.resolve("\\\\cdn.example\\a.png"),
            Resolved::Unsafe(_)
        ));
    }

    /// Whatever the indexer publishes, the widget links: the two URL rules agree.
    #[test]
    fn every_published_link_passes_the_widgets_rule() {
        for base in [None, Some("https://site.example/news")] {
            let r = LinkResolver::new(base).unwrap();
            for link in [
                "https://a.org/x",
                "/offering/x",
                "a.jpeg",
                "?q=1",
                "#top",
                "//cdn.example/a.png",
                "https:evil.invalid/x",
                "javascript:x",
                " http://a.org ",
                "\\\\host\\x",
                "topic/x",
                "&#106;avascript:alert(1)",
                "javascript&colon;alert(1)",
                "&#47;&#47;evil.example/x",
                "a&amp;b/x",
            ] {
                if let Resolved::Absolute(url) | Resolved::Relative(url) = r.resolve(link) {
                    assert!(safe_url(&url).is_some(), "{link:?} became {url:?}");
                }
            }
        }
    }

    #[test]
    fn base_must_be_http() {
        assert!(LinkResolver::new(Some("javascript:x")).is_err());
        assert!(LinkResolver::new(Some("not a url")).is_err());
    }
}

//! Links from content: only http(s) URLs are ever published (a `javascript:` or `data:`
//! link in an untrusted source must never reach a page), and site-relative links
//! (`/offering/x`, `abc-featuredImage.jpeg`) are resolved against `--base-url` when given.

use crate::safe_url::safe_url;
use url::Url;

/// What became of one link.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// An absolute http(s) URL.
    Absolute(String),
    /// Kept as written: relative, and there was no base URL to resolve it against.
    Relative(String),
    /// Dropped: a scheme other than http/https, or unparseable.
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
        let compact: String = link
            .chars()
            .filter(|c| !c.is_control() && !c.is_whitespace())
            .collect();
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
                // Site-relative paths (`topic/x`, `/offering/y`) are from the site root
                // when they name a section; a bare file name is beside the base.
                match base.join(&compact) {
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

//! What the indexer tells people about files it could not use or had to repair: every skip
//! and warning names the file (relative to the content folder) and, where one applies, the
//! line, so a content editor can go straight to the problem.

use serde::Serialize;
use std::fmt;

/// A file that was not indexed, and why.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Skip {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub reason: String,
}

impl Skip {
    pub fn new(path: &str, line: Option<usize>, reason: impl Into<String>) -> Self {
        Self {
            path: path.to_string(),
            line,
            reason: reason.into(),
        }
    }
}

impl fmt::Display for Skip {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: {}", self.path, line, self.reason),
            None => write!(f, "{}: {}", self.path, self.reason),
        }
    }
}

/// Something repaired or dropped in a file that was still indexed (an unsafe link, a
/// duplicate id, an unreadable date).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct Warning {
    pub path: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    pub message: String,
}

impl Warning {
    pub fn new(path: &str, line: Option<usize>, message: impl Into<String>) -> Self {
        Self {
            path: path.to_string(),
            line,
            message: message.into(),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{}:{}: warning: {}", self.path, line, self.message),
            None => write!(f, "{}: warning: {}", self.path, self.message),
        }
    }
}

/// The outcome of one indexing run, as printed on stderr and written by `--report`.
/// Lists are sorted so the JSON is byte-identical across runs.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Report {
    pub files_seen: usize,
    pub indexed: usize,
    /// Distinct relative links kept because no base URL was given.
    pub relative_links: usize,
    pub base_url: Option<String>,
    pub skipped: Vec<Skip>,
    pub warnings: Vec<Warning>,
}

impl Report {
    /// Puts skips and warnings in a stable order.
    pub fn sort(&mut self) {
        self.skipped.sort();
        self.warnings.sort();
    }

    /// The one-line summary, e.g.
    /// `indexed 60, skipped 2, files seen 62 (3 relative links kept: no --base-url)`.
    pub fn summary_line(&self) -> String {
        let mut line = format!(
            "indexed {}, skipped {}, files seen {}",
            self.indexed,
            self.skipped.len(),
            self.files_seen
        );
        let mut notes = Vec::new();
        if self.relative_links > 0 && self.base_url.is_none() {
            notes.push(format!(
                "{} relative link{} kept: no --base-url",
                self.relative_links,
                plural(self.relative_links)
            ));
        }
        if !self.warnings.is_empty() {
            notes.push(format!(
                "{} warning{}",
                self.warnings.len(),
                plural(self.warnings.len())
            ));
        }
        if !notes.is_empty() {
            line.push_str(&format!(" ({})", notes.join("; ")));
        }
        line
    }
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn skip_displays_path_line_reason() {
        let skip = Skip::new("a/b.md", Some(4), "invalid YAML");
        assert_eq!(skip.to_string(), "a/b.md:4: invalid YAML");
        assert_eq!(
            Skip::new("c.bin", None, "binary").to_string(),
            "c.bin: binary"
        );
    }

    #[test]
    fn summary_mentions_relative_links_only_without_base_url() {
        let mut report = Report {
            files_seen: 62,
            indexed: 60,
            relative_links: 3,
            ..Report::default()
        };
        report.skipped = vec![Skip::new("a", None, "x"), Skip::new("b", None, "y")];
        assert_eq!(
            report.summary_line(),
            "indexed 60, skipped 2, files seen 62 (3 relative links kept: no --base-url)"
        );
        report.base_url = Some("https://example.org/".into());
        assert_eq!(
            report.summary_line(),
            "indexed 60, skipped 2, files seen 62"
        );
    }
}

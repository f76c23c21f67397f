//! From raw bytes to text we can parse: size cap, binary and encoding checks, BOM and CRLF.
//! Each refusal is a reason a person can act on, with a line where one applies.

/// Files above this are refused rather than parsed: an article is never this big, and the
/// cap bounds the work one file can cause.
pub const MAX_FILE_BYTES: u64 = 10 * 1024 * 1024;

/// Why bytes are not usable text: a reason and, where it applies, a 1-based line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Refusal {
    pub line: Option<usize>,
    pub reason: String,
}

/// The reason given for a file over [`MAX_FILE_BYTES`].
pub fn too_large(len: u64) -> String {
    format!(
        "too large ({len} bytes; the limit is {} MB)",
        MAX_FILE_BYTES / (1024 * 1024)
    )
}

/// Decodes a file's bytes as UTF-8 text with a BOM removed and line ends normalised to `\n`.
pub fn decode_text(bytes: &[u8]) -> Result<String, Refusal> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(Refusal {
            line: None,
            reason: too_large(bytes.len() as u64),
        });
    }
    // A NUL byte never occurs in text files; binary formats are full of them.
    if let Some(at) = bytes.iter().take(8192).position(|&b| b == 0) {
        return Err(Refusal {
            line: None,
            reason: format!("binary file (NUL byte at offset {at})"),
        });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(text) => text,
        Err(err) => {
            let at = err.valid_up_to();
            let line = bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            return Err(Refusal {
                line: Some(line),
                reason: format!("not UTF-8 (invalid byte at offset {at})"),
            });
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Refusal {
            line: None,
            reason: "empty".into(),
        });
    }
    Ok(normalise_line_ends(text))
}

/// CRLF and lone CR become LF, so every later rule sees one kind of line end.
fn normalise_line_ends(text: &str) -> String {
    if !text.contains('\r') {
        return text.to_string();
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bom_and_crlf() {
        let text = decode_text("\u{feff}---\r\ntitle: x\r\n---\r\nbody\r".as_bytes()).unwrap();
        assert_eq!(text, "---\ntitle: x\n---\nbody\n");
    }

    #[test]
    fn refuses_binary_empty_and_bad_utf8_with_line() {
        assert!(decode_text(b"\x89PNG\r\n\x1a\n\0\0")
            .unwrap_err()
            .reason
            .starts_with("binary"));
        assert_eq!(decode_text(b"  \n\t\n").unwrap_err().reason, "empty");
        assert_eq!(decode_text(b"").unwrap_err().reason, "empty");
        let bad = decode_text(b"title\nsecond\nbad \xff here").unwrap_err();
        assert_eq!(bad.line, Some(3));
        assert!(bad.reason.starts_with("not UTF-8"));
    }

    #[test]
    fn refuses_oversized_input_and_says_so() {
        let big = vec![b'a'; MAX_FILE_BYTES as usize + 1];
        assert!(decode_text(&big).unwrap_err().reason.contains("too large"));
    }

    #[test]
    fn keeps_non_ascii() {
        assert_eq!(decode_text("Café ✓".as_bytes()).unwrap(), "Café ✓");
    }
}

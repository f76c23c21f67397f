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
    // Editors on Windows still save "Unicode" text as UTF-16; its byte order mark says so.
    // Read it, rather than refuse it as binary for the NUL bytes of its ASCII letters.
    let utf16;
    let bytes = match utf16_from_bom(bytes) {
        Some(decoded) => {
            utf16 = decoded?;
            utf16.as_bytes()
        }
        None => bytes,
    };
    // A NUL byte never occurs in text files; binary formats are full of them.
    if let Some(at) = bytes.iter().take(8192).position(|&b| b == 0) {
        return Err(Refusal {
            line: None,
            reason: if looks_like_utf16(bytes) {
                "UTF-16 text without a byte order mark (save it as UTF-8)".into()
            } else {
                format!("binary file (NUL byte at offset {at})")
            },
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

/// UTF-16 text (little or big endian, by its byte order mark) as UTF-8 bytes; `None` when
/// there is no UTF-16 mark. A mark followed by broken UTF-16 is refused with its line.
fn utf16_from_bom(bytes: &[u8]) -> Option<Result<String, Refusal>> {
    let unit: fn([u8; 2]) -> u16 = match bytes {
        [0xff, 0xfe, ..] => u16::from_le_bytes,
        [0xfe, 0xff, ..] => u16::from_be_bytes,
        _ => return None,
    };
    let body = &bytes[2..];
    if body.len() % 2 == 1 {
        return Some(Err(Refusal {
            line: None,
            reason: "not UTF-16 (an odd number of bytes after its byte order mark)".into(),
        }));
    }
    let units = body.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
    let mut text = String::with_capacity(body.len());
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok(c) => text.push(c),
            Err(_) => {
                return Some(Err(Refusal {
                    line: Some(text.matches('\n').count() + 1),
                    reason: "not UTF-16 (an unpaired surrogate)".into(),
                }))
            }
        }
    }
    Some(Ok(text))
}

/// True when NUL bytes fill every other byte of the start, as in UTF-16 text of mostly ASCII
/// letters (and in no common binary format).
fn looks_like_utf16(bytes: &[u8]) -> bool {
    let start = &bytes[..bytes.len().min(512) & !1];
    if start.len() < 8 {
        return false;
    }
    let pairs = start.len() / 2;
    let nul_at = |parity: usize| {
        start
            .iter()
            .skip(parity)
            .step_by(2)
            .filter(|&&b| b == 0)
            .count()
    };
    let (even, odd) = (nul_at(0), nul_at(1));
    // One side nearly all NUL, the other nearly none.
    (even * 10 >= pairs * 9 && odd * 10 <= pairs) || (odd * 10 >= pairs * 9 && even * 10 <= pairs)
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
    fn reads_utf16_with_a_byte_order_mark() {
        let text = "---\r\ntitle: Caf\u{e9} \u{1f600}\r\n---\r\nbody\r\n";
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let want = "---\ntitle: Caf\u{e9} \u{1f600}\n---\nbody\n";
        assert_eq!(decode_text(&le).unwrap(), want);
        assert_eq!(decode_text(&be).unwrap(), want);
        let lone = [0xff, 0xfe, b'a', 0, b'\n', 0, 0x00, 0xd8, b'b', 0];
        assert_eq!(decode_text(&lone).unwrap_err().line, Some(2));
        assert!(decode_text(&[0xff, 0xfe, b'a'])
            .unwrap_err()
            .reason
            .contains("odd number"));
    }

    #[test]
    fn utf16_without_a_mark_is_named_not_called_binary() {
        let bytes: Vec<u8> = "title: plain words here\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert!(decode_text(&bytes)
            .unwrap_err()
            .reason
            .starts_with("UTF-16 text without"));
        // A binary header with scattered NULs stays "binary".
        assert!(decode_text(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01")
            .unwrap_err()
            .reason
            .starts_with("binary"));
    }

    #[test]
    fn keeps_non_ascii() {
        assert_eq!(decode_text("Café ✓".as_bytes()).unwrap(), "Café ✓");
    }
}

//! Front matter: splitting a file into header and body, then parsing the header as YAML or
//! TOML. Any text must give a split or an error (never a panic or a hang), and a split's
//! pieces must be slices of the input at the lines it claims.
#![no_main]

use libfuzzer_sys::fuzz_target;
use topic_cards::content::frontmatter::{parse, split, Syntax};

fuzz_target!(|raw: &str| {
    // The parsers' contract is LF text: `decode_text` turns CRLF and CR into LF first.
    let text = &raw.replace("\r\n", "\n").replace('\r', "\n");
    if let Ok(parts) = split(text) {
        // The body is the input's tail, and it starts on the line the split reports.
        assert!(text.ends_with(parts.body));
        let before = &text[..text.len() - parts.body.len()];
        if parts.front.is_some() && !parts.body.is_empty() {
            assert_eq!(before.matches('\n').count() + 1, parts.body_line);
        }
        if let Some((syntax, block)) = parts.front {
            assert!(parts.front_line < parts.body_line);
            let _ = parse(syntax, block, parts.front_line);
        }
    }
    // The parsers on the whole input too, so the fuzzer need not learn the fences first.
    for syntax in [Syntax::Yaml, Syntax::Toml] {
        if let Err(error) = parse(syntax, text, 2) {
            // A reported line lies inside the block (block line 1 is file line 2).
            if let Some(line) = error.line {
                // YAML also breaks lines at NEL, LS and PS.
                let lines = text
                    .chars()
                    .filter(|c| matches!(c, '\n' | '\u{85}' | '\u{2028}' | '\u{2029}'))
                    .count();
                assert!(line >= 2 && line <= lines + 3, "{error:?}");
            }
            assert!(!error.reason.contains('\n'), "{error:?}");
        }
    }
});

//! Case and diacritic folding for search terms: `Élan` and `elan`, `Straße` and `strasse`
//! must meet in the index.
//!
//! A compact table covers Latin-1 and Latin Extended-A (the letters health news in European
//! languages actually uses) plus a few Latin Extended-B letters, and combining marks
//! (U+0300..U+036F) are dropped so decomposed input folds the same as precomposed input. The
//! alternative, `unicode-normalization` (NFKD, then drop marks), would cover every script but
//! adds its decomposition tables to the Wasm binary (tens of kB) for letters our corpus does
//! not contain; this table is under 200 bytes.

use super::case_table;

/// Folded forms of `U+00DF..=U+00FF` (lowercase Latin-1). Upper-case letters of a multi-letter
/// fold stand for: `S` = `ss`, `A` = `ae`, `T` = `th`; `-` marks `÷`, which is not a letter.
const LATIN1: &[u8; 33] = b"SaaaaaaAceeeeiiiidnooooo-ouuuuyTy";

/// Folded forms of `U+0100..=U+017F` (Latin Extended-A, both cases). `J` = `ij`, `O` = `oe`.
const EXTENDED_A: &[u8; 128] = b"aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiiiJJjjkkkllllllllllnnnnnnnnnooooooOOrrrrrrssssssssttttttuuuuuuuuuuuuwwyyyzzzzzzs";

/// True for combining diacritical marks, which fold to nothing but belong to the word.
pub fn is_combining_mark(c: char) -> bool {
    ('\u{300}'..='\u{36f}').contains(&c)
}

/// Appends the folded form of one lower-case character to `out`.
fn push_folded_lower(c: char, out: &mut String) {
    let code = c as u32;
    let mapped = match code {
        0x00df..=0x00ff => Some(LATIN1[(code - 0xdf) as usize]),
        0x0100..=0x017f => Some(EXTENDED_A[(code - 0x100) as usize]),
        _ => None,
    };
    match mapped {
        Some(b'S') => out.push_str("ss"),
        Some(b'A') => out.push_str("ae"),
        Some(b'T') => out.push_str("th"),
        Some(b'J') => out.push_str("ij"),
        Some(b'O') => out.push_str("oe"),
        Some(b'-') => {}
        Some(letter) => out.push(letter as char),
        None => match c {
            // Romanian comma-below letters and a few other Latin Extended-B forms.
            'ș' | 'ş' => out.push('s'),
            'ț' | 'ţ' => out.push('t'),
            'ơ' => out.push('o'),
            'ư' => out.push('u'),
            'ǎ' => out.push('a'),
            'ǐ' => out.push('i'),
            'ǒ' => out.push('o'),
            'ǔ' => out.push('u'),
            _ if is_combining_mark(c) => {}
            _ => out.push(c),
        },
    }
}

/// Appends `c` lower-cased and with diacritics removed to `out`.
pub fn push_folded(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    push_folded_lower(case_table::lower(c), out);
}

/// The folded form of a whole string (no splitting).
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        push_folded(c, &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_latin_letters() {
        assert_eq!(fold("Élan"), "elan");
        assert_eq!(fold("Straße"), "strasse");
        assert_eq!(fold("Müller"), "muller");
        assert_eq!(fold("ÆSIR"), "aesir");
        assert_eq!(fold("Łódź"), "lodz");
        assert_eq!(fold("Œuvre"), "oeuvre");
        assert_eq!(fold("Şişli"), "sisli");
        assert_eq!(fold("Þór"), "thor");
        assert_eq!(fold("ñandú"), "nandu");
    }

    #[test]
    fn drops_combining_marks() {
        // `e` followed by U+0301 (decomposed é).
        assert_eq!(fold("cafe\u{301}"), "cafe");
    }

    #[test]
    fn leaves_other_scripts_lower_cased() {
        assert_eq!(fold("ΑΘΗΝΑ"), "αθηνα");
        assert_eq!(fold("東京"), "東京");
    }

    #[test]
    fn every_character_folds_as_with_std_lower_casing() {
        // The fold once lower-cased with std's `char::to_lowercase` (all of its characters).
        let with_std = |c: char| {
            let mut out = String::new();
            if c.is_ascii() {
                out.push(c.to_ascii_lowercase());
            }
            for lower in c.to_lowercase().filter(|_| !c.is_ascii()) {
                push_folded_lower(lower, &mut out);
            }
            out
        };
        for c in '\0'..=char::MAX {
            assert_eq!(fold(&c.to_string()), with_std(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn table_entries_are_the_expected_letters() {
        // Spot checks at both ends of each table so an off-by-one cannot hide.
        assert_eq!(fold("à"), "a");
        assert_eq!(fold("ÿ"), "y");
        assert_eq!(fold("Ā"), "a");
        assert_eq!(fold("ſ"), "s");
        assert_eq!(fold("Ž"), "z");
        assert_eq!(fold("ĸ"), "k");
        assert_eq!(fold("Ű"), "u");
        assert_eq!(fold("ŵ"), "w");
    }
}

//! Slugs, display labels and matching keys: the small text rules that make topics from
//! different sources line up (`' Telehealth'`, `AI` / `ai`, `content-strategy`).

/// A URL-safe slug: lowercase ASCII letters and digits joined by single hyphens. Letters
/// with diacritics lose them; other characters separate words.
pub fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_dash = false;
    for c in text.chars().flat_map(fold_char) {
        if c.is_ascii_alphanumeric() {
            if pending_dash && !out.is_empty() {
                out.push('-');
            }
            pending_dash = false;
            out.push(c.to_ascii_lowercase());
        } else {
            pending_dash = true;
        }
    }
    out
}

/// The key two labels share when they name the same thing: trimmed, whitespace collapsed,
/// case folded, and hyphens and underscores read as spaces (`product-and-project-management`
/// is `Product and project management`).
pub fn match_key(label: &str) -> String {
    label
        .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A label with stray whitespace removed (`' Telehealth'` -> `Telehealth`).
pub fn clean_label(label: &str) -> String {
    super::html_text::inline_text(label)
}

/// True when text looks like a slug (`zach-goldfine`, `content-strategy`) rather than a name.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
        && text.chars().any(|c| c.is_ascii_lowercase())
}

/// A display label from a slug: `content-strategy` -> `Content Strategy`.
pub fn humanise(slug: &str) -> String {
    slug.split(['-', '_'])
        .filter(|w| !w.is_empty())
        .map(|word| {
            let mut chars = word.chars();
            match chars.next() {
                Some(first) => first.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Latin letters with diacritics to their base letter, for slugs only.
fn fold_char(c: char) -> impl Iterator<Item = char> {
    let folded: &str = match c {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'À' | 'Á' | 'Â' | 'Ã' | 'Ä' | 'Å' => "a",
        'ç' | 'Ç' => "c",
        'è' | 'é' | 'ê' | 'ë' | 'È' | 'É' | 'Ê' | 'Ë' => "e",
        'ì' | 'í' | 'î' | 'ï' | 'Ì' | 'Í' | 'Î' | 'Ï' => "i",
        'ñ' | 'Ñ' => "n",
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'Ò' | 'Ó' | 'Ô' | 'Õ' | 'Ö' | 'Ø' => "o",
        'ù' | 'ú' | 'û' | 'ü' | 'Ù' | 'Ú' | 'Û' | 'Ü' => "u",
        'ý' | 'ÿ' | 'Ý' => "y",
        'ß' => "ss",
        'æ' | 'Æ' => "ae",
        'œ' | 'Œ' => "oe",
        _ => "",
    };
    let own = if folded.is_empty() { Some(c) } else { None };
    folded.chars().chain(own)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs() {
        assert_eq!(
            slugify("Healthcare IT News: Telemedicine"),
            "healthcare-it-news-telemedicine"
        );
        assert_eq!(slugify("  Symplur: #healthequity "), "symplur-healthequity");
        assert_eq!(slugify("Café Société"), "cafe-societe");
        assert_eq!(slugify("✓✓"), "");
    }

    #[test]
    fn keys_merge_case_and_spacing() {
        assert_eq!(
            match_key("Product-and-project_management"),
            match_key("product and Project Management")
        );
        assert_eq!(match_key(" AI "), match_key("ai"));
        assert_eq!(
            match_key("Remote  Patient\tMonitoring"),
            "remote patient monitoring"
        );
        assert_eq!(clean_label(" Telehealth"), "Telehealth");
    }

    #[test]
    fn humanises_slugs() {
        assert!(is_slug("zach-goldfine"));
        assert!(!is_slug("Medigy"));
        assert!(!is_slug("123"));
        assert_eq!(humanise("content-strategy"), "Content Strategy");
        assert_eq!(humanise("ai"), "Ai");
    }
}

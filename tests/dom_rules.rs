//! Source rules for the browser layer that a reviewer would otherwise check by eye: content
//! never reaches the DOM as markup, nothing is evaluated, and no inline style exists (the
//! widget must run under a CSP without 'unsafe-inline').

use std::path::Path;

fn sources(dir: &Path, extension: &str, out: &mut Vec<(String, String)>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, extension, out);
        } else if path.extension().is_some_and(|e| e == extension) {
            let text = std::fs::read_to_string(&path).unwrap();
            out.push((path.display().to_string(), text));
        }
    }
}

#[test]
fn web_layer_uses_no_markup_eval_or_inline_style() {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src/web"),
        "rs",
        &mut files,
    );
    assert!(!files.is_empty(), "src/web not found");
    let banned = [
        "inner_html",
        "outer_html",
        "insert_adjacent_html",
        "document.write",
        "js_sys::eval",
        "Function::new_with_args",
        "\"style\"",
        "create_element(\"style\")",
        "inline_js",
    ];
    for (path, text) in &files {
        for word in banned {
            assert!(!text.contains(word), "{path} uses {word}");
        }
    }
}

/// The JS that draws the widget and runs it in the page (js/prerender.js is left out: writing
/// markup, escaped, is its job; its output is held to the painter's nodes by
/// tests/browser/prerender.test.mjs).
#[test]
fn painter_and_api_use_no_markup_eval_or_inline_style() {
    let mut files = Vec::new();
    sources(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("js"),
        "js",
        &mut files,
    );
    files.retain(|(path, _)| !path.ends_with("prerender.js"));
    assert!(
        files.iter().any(|(path, _)| path.ends_with("painter.js")),
        "js/painter.js not found"
    );
    let banned = [
        "innerHTML",
        "outerHTML",
        "insertAdjacentHTML",
        "setHTMLUnsafe",
        "parseHTMLUnsafe",
        "createContextualFragment",
        "document.write",
        "eval(",
        "new Function",
        ".style.",
        ".style =",
        "\"style\"",
        "cssText",
    ];
    for (path, text) in &files {
        for word in banned {
            assert!(!text.contains(word), "{path} uses {word}");
        }
    }
}

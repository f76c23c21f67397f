//! Small helpers over web-sys for building nodes: every text goes in through `textContent`
//! (never markup), every attribute through `setAttribute`, so index content cannot become
//! HTML, script or style.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};

/// Results of DOM calls; a failure turns the widget into its error state.
pub type R<T = ()> = Result<T, JsValue>;

pub fn document() -> R<Document> {
    web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| JsValue::from_str("no document"))
}

/// `<tag class="class">`.
pub fn el(doc: &Document, tag: &str, class: &str) -> R<Element> {
    let node = doc.create_element(tag)?;
    if !class.is_empty() {
        node.set_class_name(class);
    }
    Ok(node)
}

/// `<tag class="class">text</tag>`, the text set as text.
pub fn el_text(doc: &Document, tag: &str, class: &str, text: &str) -> R<Element> {
    let node = el(doc, tag, class)?;
    node.set_text_content(Some(text));
    Ok(node)
}

/// Appends `child` to `parent` and hands it back for chaining.
pub fn add(parent: &Element, child: Element) -> R<Element> {
    parent.append_child(&child)?;
    Ok(child)
}

/// Sets or removes a boolean attribute such as `hidden` or `disabled`; a no-op when it is
/// already so (every facet value is flagged on each query; unchanged nodes stay untouched,
/// so the browser has no style to recompute for them).
pub fn flag(node: &Element, name: &str, on: bool) -> R {
    if node.has_attribute(name) == on {
        Ok(())
    } else if on {
        node.set_attribute(name, "")
    } else {
        node.remove_attribute(name)
    }
}

/// Sets text only when it differs, so unchanged nodes are not touched on re-render.
pub fn set_text(node: &Element, text: &str) {
    if node.text_content().as_deref() != Some(text) {
        node.set_text_content(Some(text));
    }
}

/// Sets an attribute only when it differs.
pub fn set_attr(node: &Element, name: &str, value: &str) -> R {
    if node.get_attribute(name).as_deref() != Some(value) {
        node.set_attribute(name, value)?;
    }
    Ok(())
}

/// Makes `parent`'s children exactly `wanted`, in order, moving only nodes that are out of
/// place: reused nodes keep their focus and state.
pub fn reconcile(parent: &Element, wanted: &[Element]) -> R {
    let mut cursor = parent.first_element_child();
    for node in wanted {
        match &cursor {
            Some(current) if current == node => cursor = current.next_element_sibling(),
            _ => {
                parent.insert_before(node, cursor.as_ref().map(|c| c.unchecked_ref()))?;
            }
        }
    }
    while let Some(extra) = cursor {
        cursor = extra.next_element_sibling();
        extra.remove();
    }
    Ok(())
}

/// The closest ancestor-or-self of an event target that carries `data-act`.
pub fn action_target(target: Option<web_sys::EventTarget>) -> Option<Element> {
    target?
        .dyn_into::<Element>()
        .ok()?
        .closest("[data-act]")
        .ok()?
}

//! Small helpers over web-sys for building nodes: every text goes in through `textContent`
//! (never markup), every attribute through `setAttribute`, so index content cannot become
//! HTML, script or style.

use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};

#[wasm_bindgen]
extern "C" {
    /// An element seen only through the two attribute methods below, which take the name
    /// as a JS string made once ([`Kept`] keeps it): web-sys's forms take `&str`, and every
    /// string sent from Wasm is decoded again (a `TextDecoder` call each).
    type Attributes;
    #[wasm_bindgen(method, catch, js_name = setAttribute)]
    fn set(this: &Attributes, name: &JsValue, value: &str) -> Result<(), JsValue>;
    #[wasm_bindgen(method, catch, js_name = removeAttribute)]
    fn unset(this: &Attributes, name: &JsValue) -> Result<(), JsValue>;
}

/// Results of DOM calls; a failure turns the widget into its error state.
pub type R<T = ()> = Result<T, JsValue>;

thread_local! {
    /// Attribute names as JS strings, made once per page (see [`Attributes`]).
    static NAMES: std::cell::RefCell<Vec<(&'static str, JsValue)>> = const {
        std::cell::RefCell::new(Vec::new())
    };
}

/// `name` as a JS string, from [`NAMES`].
fn js_name(name: &'static str) -> JsValue {
    NAMES.with(|names| {
        let mut names = names.borrow_mut();
        if let Some((_, js)) = names.iter().find(|(n, _)| *n == name) {
            return js.clone();
        }
        let js = JsValue::from_str(name);
        names.push((name, js.clone()));
        js
    })
}

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

/// An element whose text and chosen attributes are remembered on the Rust side, so a paint
/// that writes the same value again costs no DOM call at all (no string crossing into JS, no
/// mutation record, nothing for the browser to restyle, lay out or repaint).
pub struct Kept {
    pub el: Element,
    text: Option<String>,
    /// The element's one text node once known: a new text goes into it (`nodeValue`), so the
    /// browser keeps its layout object instead of swapping in a new node.
    text_node: Option<web_sys::Node>,
    /// Per attribute: its name, the name as a JS string, and the value last written.
    attrs: Vec<(&'static str, JsValue, Option<String>)>,
}

impl Kept {
    /// Wraps a node whose current text and attributes are unknown (the first write goes out).
    pub fn new(el: Element) -> Self {
        Self {
            el,
            text: None,
            text_node: None,
            attrs: Vec::new(),
        }
    }

    /// Wraps a node whose attributes `known` are as given (`None`: absent), so even the
    /// first write of each is skipped when unchanged, without reading the node.
    pub fn with_attrs(el: Element, known: &[(&'static str, Option<&str>)]) -> Self {
        Self {
            el,
            text: None,
            text_node: None,
            attrs: known
                .iter()
                .map(|&(name, value)| (name, js_name(name), value.map(str::to_string)))
                .collect(),
        }
    }

    /// [`Kept::with_attrs`] for a node built with `text` already in it.
    pub fn with_text_attrs(
        el: Element,
        text: &str,
        known: &[(&'static str, Option<&str>)],
    ) -> Self {
        Self {
            text: Some(text.to_string()),
            ..Self::with_attrs(el, known)
        }
    }

    /// Wraps a node built with `text` already in it.
    pub fn with_text(el: Element, text: &str) -> Self {
        Self {
            el,
            text: Some(text.to_string()),
            text_node: None,
            attrs: Vec::new(),
        }
    }

    pub fn text(&mut self, text: &str) {
        if self.text.as_deref() == Some(text) {
            return;
        }
        match &self.text_node {
            // Still the element's only child (nothing else writes these nodes' children).
            Some(node) if !text.is_empty() => node.set_node_value(Some(text)),
            _ => {
                self.el.set_text_content(Some(text));
                self.text_node = self.el.first_child();
            }
        }
        self.text = Some(text.to_string());
    }

    /// Sets (`Some`) or removes (`None`) an attribute, unless it already is so.
    pub fn attr(&mut self, name: &'static str, value: Option<&str>) -> R {
        let at = match self.attrs.iter().position(|(n, ..)| *n == name) {
            Some(at) if self.attrs[at].2.as_deref() == value => return Ok(()),
            Some(at) => at,
            None => {
                // Unknown until now: read it once, so an unchanged value is still not written.
                let current = self.el.get_attribute(name);
                let same = current.as_deref() == value;
                self.attrs.push((name, js_name(name), current));
                if same {
                    return Ok(());
                }
                self.attrs.len() - 1
            }
        };
        let (_, js_name, shown) = &mut self.attrs[at];
        let el: &Attributes = self.el.unchecked_ref();
        match value {
            Some(v) => el.set(js_name, v)?,
            None => el.unset(js_name)?,
        }
        *shown = value.map(str::to_string);
        Ok(())
    }

    /// A boolean attribute such as `hidden`.
    pub fn flag(&mut self, name: &'static str, on: bool) -> R {
        self.attr(name, on.then_some(""))
    }
}

/// Makes `parent`'s children exactly `wanted`, in order, moving only nodes that are out of
/// place: reused nodes keep their focus and state.
pub fn reconcile(parent: &Element, wanted: &[Element]) -> R {
    let mut rest = place(parent, wanted)?;
    while let Some(extra) = rest {
        rest = extra.next_element_sibling();
        extra.remove();
    }
    Ok(())
}

/// Puts the `wanted` nodes first among `parent`'s children, in order, moving only those out
/// of place; the other children stay after them in their present order. For a parent whose
/// children only the caller adds and moves: `current` is their order as last left (keys into
/// `nodes`), so finding what is out of place reads nothing from the DOM (each read is a
/// call out of Wasm); only the moves are DOM calls.
pub fn reconcile_prefix_known(
    parent: &Element,
    nodes: &[&Element],
    current: &mut Vec<usize>,
    wanted: &[usize],
) -> R {
    for (at, &key) in wanted.iter().enumerate() {
        let Some(&node) = nodes.get(key) else {
            continue;
        };
        let here = current.get(at).copied();
        if here == Some(key) {
            continue;
        }
        let before = here.and_then(|k| nodes.get(k)).map(|n| n.unchecked_ref());
        parent.insert_before(node, before)?;
        // The first `at` places hold wanted[..at] and keys are distinct, so the moved key
        // sits after them, if it is a child at all.
        if let Some(from) = current.iter().skip(at).position(|&k| k == key) {
            current.remove(at + from);
        }
        current.insert(at, key);
    }
    Ok(())
}

/// Puts `wanted` first among `parent`'s children; returns the first child after them.
fn place(parent: &Element, wanted: &[Element]) -> R<Option<Element>> {
    let mut cursor = parent.first_element_child();
    for node in wanted {
        match &cursor {
            Some(current) if current == node => cursor = current.next_element_sibling(),
            _ => {
                parent.insert_before(node, cursor.as_ref().map(|c| c.unchecked_ref()))?;
            }
        }
    }
    Ok(cursor)
}

/// The closest ancestor-or-self of an event target that carries `data-act`.
pub fn action_target(target: Option<web_sys::EventTarget>) -> Option<Element> {
    target?
        .dyn_into::<Element>()
        .ok()?
        .closest("[data-act]")
        .ok()?
}

//! The person's acts, as the painter reports them (`painter.onAct(act, a, b, on)`), turned
//! into state changes. Each finishes (and repaints) before host events are sent, so host
//! code may call back into the widget.

use crate::state::WidgetState;
use crate::web::widget::{with_live, Inner, Outbox};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Facet kinds, as the painter names them (`data-kind`).
mod kind {
    pub const TYPE: &str = "y";
    pub const BRAND: &str = "b";
    pub const QUERY: &str = "q";
    pub const FROM: &str = "from";
    pub const TO: &str = "to";
}

pub type OnAct = dyn FnMut(String, Option<String>, Option<String>, Option<bool>);

/// The `onAct` function for the widget's painter. It holds the widget weakly: a destroyed
/// widget's painter reports into nothing.
pub fn listener(rc: &Rc<RefCell<Inner>>) -> Closure<OnAct> {
    let weak = Rc::downgrade(rc);
    Closure::new(
        move |act: String, a: Option<String>, b: Option<String>, on: Option<bool>| {
            let (a, b, on) = (
                a.unwrap_or_default(),
                b.unwrap_or_default(),
                on == Some(true),
            );
            with_live(&weak, |inner, out| handle(inner, &act, a, b, on, out));
        },
    )
}

fn handle(inner: &mut Inner, act: &str, a: String, b: String, on: bool, out: &mut Outbox) {
    match act {
        "search" => inner.change(|s| s.query = a, out),
        "facet" => inner.change(|s| toggle(list(s, &a), &b, on), out),
        "sort" => {
            if let Some(sort) = crate::state::sort_name::parse(&a) {
                inner.change(|s| s.sort = sort, out);
            }
        }
        "topic" => inner.change(|s| toggle(&mut s.topics, &a, true), out),
        "remove" => inner.change(
            |s| match a.as_str() {
                kind::QUERY => s.query.clear(),
                kind::FROM => s.date_from = None,
                kind::TO => s.date_to = None,
                facet => toggle(list(s, facet), &b, false),
            },
            out,
        ),
        "clear" => inner.change(
            |s| {
                *s = WidgetState {
                    sort: s.sort,
                    ..Default::default()
                }
            },
            out,
        ),
        "more" => {
            inner.pages += 1;
            inner.paint(out);
        }
        _ => {}
    }
}

fn list<'a>(state: &'a mut WidgetState, facet: &str) -> &'a mut Vec<String> {
    match facet {
        kind::TYPE => &mut state.types,
        kind::BRAND => &mut state.brands,
        _ => &mut state.topics,
    }
}

fn toggle(list: &mut Vec<String>, key: &str, on: bool) {
    let at = list.iter().position(|k| k.eq_ignore_ascii_case(key));
    match (on, at) {
        (true, None) => list.push(key.to_string()),
        (false, Some(i)) => {
            list.remove(i);
        }
        _ => {}
    }
}

//! The result count (an ARIA live region, polite), the empty state, "Show more", and the
//! error state that replaces the widget's content when the index cannot be used.

use super::{Ctx, Ui};
use crate::web::dom::{flag, set_text, R};
use crate::web::render::view::View;

pub fn update(ui: &mut Ui, view: &View, ctx: &Ctx) -> R {
    let text = if view.pending && !ctx.state.query.trim().is_empty() {
        ctx.strings.get("searchLoading").to_string()
    } else if view.pending {
        ctx.strings.get("loading").to_string()
    } else if view.total == 0 {
        ctx.strings.get("resultsNone").to_string()
    } else {
        ctx.strings.count("results", view.total)
    };
    set_text(&ui.status, &text);
    ui.top
        .toggle_attribute_with_force("data-pending", view.pending)?;
    flag(&ui.empty, "hidden", view.pending || view.total > 0)?;
    flag(&ui.clear_empty, "hidden", ctx.state.filter_count() == 0)?;
    let active = ctx.state.filter_count();
    let toggle = if active == 0 {
        ctx.strings.get("filters").to_string()
    } else {
        ctx.strings
            .fill("filtersActive", &[("n", &ctx.strings.number(active))])
    };
    set_text(&ui.filters_toggle, &toggle);
    let shown = view.cards.len();
    let more = !view.pending && shown < view.total;
    flag(&ui.more_row, "hidden", !more)?;
    if more {
        let note = ctx.strings.fill(
            "shownOf",
            &[
                ("shown", &ctx.strings.number(shown)),
                ("total", &ctx.strings.number(view.total)),
            ],
        );
        set_text(&ui.more_note, &note);
    }
    Ok(())
}

/// Shows `message` in place of the widget's content.
pub fn error(ui: &Ui, title: &str, message: &str) -> R {
    set_text(&ui.error_title, title);
    set_text(&ui.error_message, message);
    flag(&ui.error, "hidden", false)?;
    flag(&ui.main, "hidden", true)?;
    Ok(())
}

/// Hides the error state (a new index is loading).
pub fn clear_error(ui: &Ui) -> R {
    flag(&ui.error, "hidden", true)?;
    flag(&ui.main, "hidden", false)
}

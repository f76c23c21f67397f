//! Rendering into the shadow root: the layout is built once per mount ([`Ui::build`]), then
//! every paint updates it from a [`view::View`] through one renderer per region.

pub mod cards;
pub mod facets;
pub mod offerings;
pub mod status;
pub mod toolbar;
pub mod view;

use crate::state::{sort_name, WidgetState};
use crate::web::dom::{add, el, el_text, R};
use crate::web::i18n::Strings;
use crate::web::options::Options;
use rustc_hash::FxHashSet;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, HtmlInputElement, HtmlSelectElement, ShadowRoot};

/// What the renderers read besides the view.
pub struct Ctx<'a> {
    pub strings: &'a Strings,
    pub options: &'a Options,
    pub state: &'a WidgetState,
}

impl Ctx<'_> {
    /// Applies `linkTarget` to a link; a new browsing context gets no opener or referrer.
    pub fn target(&self, link: &Element) -> R {
        if let Some(target) = &self.options.link_target {
            link.set_attribute("target", target)?;
            if target != "_self" && target != "_parent" && target != "_top" {
                link.set_attribute("rel", "noopener noreferrer")?;
            }
        }
        Ok(())
    }
}

/// The widget's nodes, kept so paints update instead of rebuilding.
pub struct Ui {
    pub doc: Document,
    pub top: Element,
    pub main: Element,
    pub error: Element,
    pub error_title: Element,
    pub error_message: Element,
    pub search: HtmlInputElement,
    pub sort: HtmlSelectElement,
    pub filters_toggle: Element,
    pub status: Element,
    pub chips: Element,
    pub chip_list: Element,
    pub chips_signature: String,
    pub facet_panel: Element,
    pub facet_list: Element,
    pub facets: facets::FacetUi,
    pub expanded: FxHashSet<String>,
    pub grid: Element,
    pub cards: Vec<cards::Card>,
    pub empty: Element,
    pub clear_empty: Element,
    pub more_row: Element,
    pub more_note: Element,
    pub panel: Element,
    pub panel_list: Element,
    pub panel_items: Vec<offerings::PanelItem>,
    pub templates: cards::Templates,
}

impl Ui {
    /// Builds the empty layout and appends it to `root`.
    pub fn build(root: &ShadowRoot, strings: &Strings) -> R<Self> {
        let doc = crate::web::dom::document()?;
        let d = &doc;
        let top = el(d, "div", "tc")?;
        top.set_attribute("part", "root")?;

        let error = add(&top, el(d, "div", "error")?)?;
        error.set_attribute("role", "alert")?;
        error.set_attribute("part", "error")?;
        error.set_attribute("hidden", "")?;
        let error_title = add(&error, el(d, "p", "error-title")?)?;
        let error_message = add(&error, el(d, "p", "error-message")?)?;

        let main = add(&top, el(d, "div", "main")?)?;
        let bar = add(&main, el(d, "div", "bar")?)?;
        let search_box = add(&bar, el(d, "div", "search-box")?)?;
        search_box.set_attribute("role", "search")?;
        let label = add(
            &search_box,
            el_text(d, "label", "visually-hidden", strings.get("searchLabel"))?,
        )?;
        label.set_attribute("for", "tc-search")?;
        let search: HtmlInputElement =
            add(&search_box, el(d, "input", "search")?)?.unchecked_into();
        search.set_type("search");
        search.set_id("tc-search");
        search.set_placeholder(strings.get("searchPlaceholder"));
        search.set_autocomplete("off");
        search.set_attribute("part", "search")?;
        search.set_attribute("data-act", "search")?;
        search.set_attribute("enterkeyhint", "search")?;

        let sort_box = add(&bar, el(d, "label", "sort-box")?)?;
        add(
            &sort_box,
            el_text(d, "span", "sort-label", strings.get("sortLabel"))?,
        )?;
        let sort: HtmlSelectElement = add(&sort_box, el(d, "select", "sort")?)?.unchecked_into();
        sort.set_attribute("part", "sort")?;
        sort.set_attribute("data-act", "sort")?;
        for (value, key) in toolbar::SORTS {
            let option = add(&sort, el_text(d, "option", "", strings.get(key))?)?;
            option.set_attribute("value", sort_name::as_str(value))?;
        }

        let filters_toggle = add(
            &bar,
            el_text(d, "button", "filters-toggle", strings.get("filters"))?,
        )?;
        filters_toggle.set_attribute("type", "button")?;
        filters_toggle.set_attribute("data-act", "toggle-filters")?;
        filters_toggle.set_attribute("aria-expanded", "false")?;
        filters_toggle.set_attribute("aria-controls", "tc-facets")?;

        let status = add(&main, el(d, "p", "status")?)?;
        status.set_attribute("role", "status")?;
        status.set_attribute("aria-live", "polite")?;
        status.set_attribute("part", "status")?;
        status.set_text_content(Some(strings.get("loading")));

        let chips = add(&main, el(d, "div", "active")?)?;
        chips.set_attribute("part", "active-filters")?;
        chips.set_attribute("hidden", "")?;
        let chip_list = add(&chips, el(d, "ul", "chip-list")?)?;
        chip_list.set_attribute("aria-label", strings.get("activeFilters"))?;
        let clear = add(
            &chips,
            el_text(d, "button", "clear", strings.get("clearAll"))?,
        )?;
        clear.set_attribute("type", "button")?;
        clear.set_attribute("data-act", "clear")?;

        let layout = add(&main, el(d, "div", "layout")?)?;
        let facet_panel = add(&layout, el(d, "aside", "facets")?)?;
        facet_panel.set_id("tc-facets");
        facet_panel.set_attribute("part", "facets")?;
        facet_panel.set_attribute("aria-label", strings.get("filters"))?;
        facet_panel.set_attribute("data-collapsed", "")?;
        let facet_list = add(&facet_panel, el(d, "div", "facet-list")?)?;

        let results = add(&layout, el(d, "section", "results")?)?;
        let grid = add(&results, el(d, "div", "grid")?)?;
        grid.set_attribute("part", "grid")?;
        let empty = add(&results, el(d, "div", "empty")?)?;
        empty.set_attribute("hidden", "")?;
        empty.set_attribute("part", "empty")?;
        add(&empty, el_text(d, "p", "", strings.get("resultsNone"))?)?;
        let clear_empty = add(
            &empty,
            el_text(d, "button", "button", strings.get("clearAll"))?,
        )?;
        clear_empty.set_attribute("type", "button")?;
        clear_empty.set_attribute("data-act", "clear")?;
        let more_row = add(&results, el(d, "div", "more-row")?)?;
        more_row.set_attribute("hidden", "")?;
        let more = add(
            &more_row,
            el_text(d, "button", "button more", strings.get("showMore"))?,
        )?;
        more.set_attribute("type", "button")?;
        more.set_attribute("part", "more")?;
        more.set_attribute("data-act", "more")?;
        let more_note = add(&more_row, el(d, "p", "more-note")?)?;

        let panel = add(&layout, el(d, "aside", "panel")?)?;
        panel.set_attribute("part", "panel")?;
        panel.set_attribute("hidden", "")?;
        let heading = add(
            &panel,
            el_text(d, "h2", "panel-title", strings.get("offeringsTitle"))?,
        )?;
        heading.set_id("tc-panel-title");
        panel.set_attribute("aria-labelledby", "tc-panel-title")?;
        let panel_list = add(&panel, el(d, "ul", "panel-list")?)?;

        let templates = cards::Templates::build(d)?;
        root.append_child(&top)?;
        Ok(Self {
            doc,
            top,
            main,
            error,
            error_title,
            error_message,
            search,
            sort,
            filters_toggle,
            status,
            chips,
            chip_list,
            chips_signature: String::new(),
            facet_panel,
            facet_list,
            facets: facets::FacetUi::default(),
            expanded: FxHashSet::default(),
            grid,
            cards: Vec::new(),
            empty,
            clear_empty,
            more_row,
            more_note,
            panel,
            panel_list,
            panel_items: Vec::new(),
            templates,
        })
    }

    /// Updates every region from `view`.
    pub fn paint(&mut self, view: &view::View, ctx: &Ctx) -> R {
        // Moving a node (to reorder it) blurs it; give focus back to a reused node.
        let root: Option<ShadowRoot> = self.top.get_root_node().dyn_into().ok();
        let focused = root.as_ref().and_then(|r| r.active_element());
        status::clear_error(self)?;
        toolbar::update(self, view, ctx)?;
        facets::update(self, view, ctx)?;
        cards::update(self, view, ctx, focused.as_ref())?;
        offerings::update(self, view, ctx, focused.as_ref())?;
        status::update(self, view, ctx)?;
        if let (Some(root), Some(node)) = (root, focused) {
            if node.is_connected() && root.active_element().as_ref() != Some(&node) {
                if let Some(node) = node.dyn_ref::<web_sys::HtmlElement>() {
                    node.focus()?;
                }
            }
        }
        Ok(())
    }

    /// Shows only the loading line (no index yet).
    pub fn loading(&self, strings: &Strings) -> R {
        status::clear_error(self)?;
        crate::web::dom::set_text(&self.status, strings.get("loading"));
        self.top.set_attribute("data-pending", "")
    }
}

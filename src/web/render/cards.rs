//! The grid of topic cards. A card stays on its node while its article is shown, so a
//! focused link or chip survives a new result set. Nodes whose article left are refilled
//! with the newcomers, in place, instead of being dropped and rebuilt: new elements cost the
//! browser style, layout objects and paint from nothing, where a refill only changes the
//! texts and attributes that differ (remembered on the Rust side, see [`Kept`]).

use super::{Ctx, Ui};
use crate::model::Article;
use crate::safe_url::safe_url;
use crate::web::dom::{add, el, reconcile, Kept, R};
use crate::web::render::view::{kind, View};
use rustc_hash::FxHashMap;
use std::hash::{Hash, Hasher};
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Node};

/// What new card parts are cloned from: one call brings a node with its fixed attributes.
pub struct Templates {
    /// `<img loading="lazy" decoding="async" data-act="img">`.
    img: Element,
    /// `<li><button class="chip" type="button" part="chip" data-act="topic" data-kind="t">`.
    chip: Element,
}

impl Templates {
    pub fn build(doc: &Document) -> R<Self> {
        let img = el(doc, "img", "")?;
        img.set_attribute("loading", "lazy")?;
        img.set_attribute("decoding", "async")?;
        img.set_attribute("data-act", "img")?;
        let chip = el(doc, "li", "")?;
        let button = add(&chip, el(doc, "button", "chip")?)?;
        button.set_attribute("type", "button")?;
        button.set_attribute("part", "chip")?;
        button.set_attribute("data-act", "topic")?;
        button.set_attribute("data-kind", kind::TOPIC)?;
        Ok(Self { img, chip })
    }
}

/// One card's nodes and what they show.
pub struct Card {
    pub node: Element,
    /// The article shown, and a fingerprint of everything drawn from it.
    id: String,
    drawn: u64,
    media: Kept,
    initial: Kept,
    img: Option<Element>,
    body: Element,
    meta: Element,
    brand: Option<Kept>,
    time: Option<Kept>,
    heading: Element,
    /// The title link, or `None` when the title is plain text in the heading.
    link: Option<Kept>,
    title: Option<String>,
    summary: Option<Kept>,
    chips: List,
    offers: List,
}

/// A card's list of chips or offering links: the `<ul>` (absent when empty) and its items.
#[derive(Default)]
struct List {
    ul: Option<Element>,
    items: Vec<Item>,
}

/// One `<li>` and the control inside it.
struct Item {
    li: Element,
    inner: Kept,
    /// Offering items: whether `inner` is a link (an `<a>`) or plain text (a `<span>`).
    link: bool,
    /// False for a new offering item whose `inner` is only a detached placeholder.
    filled: bool,
}

pub fn update(ui: &mut Ui, view: &View, ctx: &Ctx, focused: Option<&Element>) -> R {
    let mut old: Vec<Option<Card>> = std::mem::take(&mut ui.cards)
        .into_iter()
        .map(Some)
        .collect();
    let by_id: FxHashMap<String, usize> = old
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.as_ref().map(|c| (c.id.clone(), i)))
        .collect();
    // Articles still shown keep their node.
    let mut slots: Vec<Option<Card>> = view
        .cards
        .iter()
        .map(|a| by_id.get(&a.id).and_then(|&i| old[i].take()))
        .collect();
    drop(by_id);
    // The rest are refilled in their current order, so nodes mostly stay where they are.
    // A card holding keyboard focus is not: focus must not silently land on another article;
    // that card leaves the grid with its article, as before.
    let mut spare = old.into_iter().flatten().filter(|c| match focused {
        Some(f) => !c.node.contains(Some(f.as_ref())),
        None => true,
    });
    let doc = &ui.doc;
    for (slot, article) in slots.iter_mut().zip(&view.cards) {
        match slot {
            Some(card) => card.fill(doc, &ui.templates, article, view, ctx)?,
            None => {
                let mut card = match spare.next() {
                    Some(card) => card,
                    None => Card::build(doc)?,
                };
                card.fill(doc, &ui.templates, article, view, ctx)?;
                *slot = Some(card);
            }
        }
    }
    let cards: Vec<Card> = slots.into_iter().flatten().collect();
    let nodes: Vec<Element> = cards.iter().map(|c| c.node.clone()).collect();
    reconcile(&ui.grid, &nodes)?;
    ui.cards = cards;
    Ok(())
}

/// Everything a card draws from its article and the dictionaries, hashed: equal means the
/// node already shows it.
fn fingerprint(article: &Article, view: &View, ctx: &Ctx) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    (
        &article.id,
        &article.title,
        &article.summary,
        &article.date,
        &article.url,
        article.inferred,
    )
        .hash(&mut h);
    if let Some(image) = &article.image {
        (&image.src, &image.alt, image.width, image.height).hash(&mut h);
    }
    brand_name(article, view).hash(&mut h);
    for &t in &article.topics {
        view.dicts
            .topics
            .get(t as usize)
            .map(|t| (&t.slug, &t.label))
            .hash(&mut h);
    }
    for &o in &article.offerings {
        view.dicts
            .offerings
            .get(o)
            .map(|o| (&o.label, &o.url))
            .hash(&mut h);
    }
    ctx.options.link_target.hash(&mut h);
    h.finish()
}

fn brand_name<'a>(article: &Article, view: &View<'a>) -> Option<&'a str> {
    article
        .brand
        .and_then(|b| view.dicts.brands.get(b as usize))
        .map(|f| f.name.as_str())
}

impl Card {
    /// The fixed frame of a card; [`Card::fill`] puts an article in it.
    fn build(doc: &Document) -> R<Card> {
        let node = el(doc, "article", "card")?;
        node.set_attribute("part", "card")?;
        let media = add(&node, el(doc, "div", "media")?)?;
        let initial = add(&media, el(doc, "span", "initial")?)?;
        initial.set_attribute("aria-hidden", "true")?;
        let body = add(&node, el(doc, "div", "body")?)?;
        let meta = add(&body, el(doc, "p", "meta")?)?;
        let heading = add(&body, el(doc, "h3", "title")?)?;
        heading.set_attribute("part", "card-title")?;
        Ok(Card {
            node,
            id: String::new(),
            drawn: 0,
            media: Kept::new(media),
            initial: Kept::with_text(initial, ""),
            img: None,
            body,
            meta,
            brand: None,
            time: None,
            heading,
            link: None,
            title: None,
            summary: None,
            chips: List::default(),
            offers: List::default(),
        })
    }

    /// Shows `article`, changing only what differs from what the node shows now.
    fn fill(
        &mut self,
        doc: &Document,
        templates: &Templates,
        article: &Article,
        view: &View,
        ctx: &Ctx,
    ) -> R {
        let drawn = fingerprint(article, view, ctx);
        if self.id == article.id && self.drawn == drawn {
            return Ok(());
        }
        let new_article = self.id != article.id;
        self.id = article.id.clone();
        self.drawn = drawn;
        let brand = brand_name(article, view);
        self.media_for(&templates.img, article, brand, new_article)?;

        // Meta line: brand, then date; either may be missing. Only this code writes the meta
        // line, so its first child is the date if there is one (no DOM read to find out).
        let first: Option<&Node> = self.time.as_ref().map(|t| t.el.as_ref());
        optional(
            doc,
            &mut self.brand,
            &self.meta,
            first,
            "span",
            "brand",
            brand,
        )?;
        let date = article.date.as_deref();
        let label = date.map(|d| ctx.strings.date(d));
        optional(
            doc,
            &mut self.time,
            &self.meta,
            None,
            "time",
            "date",
            label.as_deref(),
        )?;
        if let (Some(time), Some(date)) = (&mut self.time, date) {
            time.attr("datetime", Some(date))?;
        }

        self.title_for(doc, article, ctx)?;

        let body = &self.body;
        let after_summary = self
            .chips
            .ul
            .clone()
            .or_else(|| self.offers.ul.clone())
            .map(Node::from);
        let summary = (!article.summary.is_empty()).then_some(article.summary.as_str());
        optional(
            doc,
            &mut self.summary,
            body,
            after_summary.as_ref(),
            "p",
            "summary",
            summary,
        )?;

        // Topic chips.
        let chips: Vec<(&str, &str)> = article
            .topics
            .iter()
            .filter_map(|&id| view.dicts.topics.get(id as usize))
            .map(|t| (t.slug.as_str(), t.label.as_str()))
            .collect();
        let before = self.offers.ul.clone().map(Node::from);
        self.chips.ensure(
            doc,
            body,
            before.as_ref(),
            "chips",
            ctx.strings.get("filters"),
            chips.len(),
            Some(&templates.chip),
        )?;
        for (item, (slug, label)) in self.chips.items.iter_mut().zip(&chips) {
            let chip = &mut item.inner;
            chip.text(label);
            chip.attr("data-key", Some(slug))?;
            let title = ctx.strings.fill("filterBy", &[("label", label)]);
            if article.inferred {
                chip.attr("class", Some("chip inferred"))?;
                chip.attr(
                    "title",
                    Some(&format!("{title} ({})", ctx.strings.get("inferred"))),
                )?;
            } else {
                chip.attr("class", Some("chip"))?;
                chip.attr("title", Some(&title))?;
            }
        }

        // The card's offerings.
        let offerings: Vec<_> = article
            .offerings
            .iter()
            .filter_map(|&id| view.dicts.offerings.get(id).map(|o| (id, o)))
            .collect();
        self.offers.ensure(
            doc,
            body,
            None,
            "offers",
            ctx.strings.get("offeringsTitle"),
            offerings.len(),
            None,
        )?;
        for (item, (id, offering)) in self.offers.items.iter_mut().zip(offerings) {
            let url = offering.url.as_deref().and_then(safe_url);
            if item.link != url.is_some() || !item.filled {
                if item.filled {
                    item.li.set_text_content(None);
                }
                let (node, link) = super::offerings::label_node(doc, &item.li, id, offering, ctx)?;
                let id = id.to_string();
                let known = [("href", url), ("data-id", url.map(|_| id.as_str()))];
                *item = Item {
                    li: item.li.clone(),
                    inner: Kept::with_text_attrs(node, &offering.label, &known),
                    link,
                    filled: true,
                };
                continue;
            }
            item.inner.text(&offering.label);
            if let Some(url) = url {
                item.inner.attr("href", Some(url))?;
                item.inner.attr("data-id", Some(&id.to_string()))?;
            }
        }
        Ok(())
    }

    /// The media box: the brand initial always (the placeholder behind any image, and what a
    /// broken image leaves, see events::image_failed), and the image when its URL is safe.
    fn media_for(
        &mut self,
        template: &Element,
        article: &Article,
        brand: Option<&str>,
        new_article: bool,
    ) -> R {
        let initial = brand
            .or(Some(article.title.as_str()))
            .and_then(|s| {
                s.trim_start_matches("www.")
                    .chars()
                    .find(|c| c.is_alphanumeric())
            })
            // ASCII here, CSS uppercases the rest: char::to_uppercase would bring Unicode's
            // whole case table (about 12 KB) into the Wasm for one letter.
            .map(|c| c.to_ascii_uppercase().to_string())
            .unwrap_or_default();
        self.media.attr("data-initial", Some(&initial))?;
        self.initial.text(&initial);
        // A new article always gets a new <img>: a reused one would keep showing the old
        // picture until the new one loads.
        let src = article.image.as_ref().and_then(|i| safe_url(&i.src));
        if new_article || src.is_none() {
            if let Some(img) = self.img.take() {
                img.remove();
            }
        }
        let (Some(image), Some(src)) = (&article.image, src) else {
            return self.media.el.remove_attribute("data-has-image");
        };
        if let Some(img) = &self.img {
            // Same article, same node: only what changed (an index reload).
            if img.get_attribute("src").as_deref() == Some(src) {
                return Ok(());
            }
            img.remove();
        }
        // Built detached, `src` last: a connected <img> that gets its `src` before
        // `loading="lazy"` starts an eager fetch on the spot, even for a card below the fold
        // that need not fetch yet (about 1 ms of script per query at 10k, measured). The
        // template brings the fixed attributes in one call.
        let img: Element = template.clone_node()?.unchecked_into();
        img.set_attribute("alt", &image.alt)?;
        // Without the real size, reserve the media box's 16:9 (set in CSS).
        img.set_attribute("width", &image.width.unwrap_or(640).to_string())?;
        img.set_attribute("height", &image.height.unwrap_or(360).to_string())?;
        img.set_attribute("src", src)?;
        self.media.el.append_child(&img)?;
        self.img = Some(img);
        // Not through `Kept`: the error handler removes this flag behind our back.
        self.media.el.set_attribute("data-has-image", "")
    }

    /// The title: a link when the article's URL is safe, plain text otherwise.
    fn title_for(&mut self, doc: &Document, article: &Article, ctx: &Ctx) -> R {
        match article.url.as_deref().and_then(safe_url) {
            Some(url) => {
                let link = match &mut self.link {
                    Some(link) => link,
                    None => {
                        self.heading.set_text_content(None);
                        self.title = None;
                        let a = add(&self.heading, el(doc, "a", "")?)?;
                        a.set_attribute("data-act", "card")?;
                        ctx.target(&a)?;
                        self.link.insert(Kept::new(a))
                    }
                };
                link.text(&article.title);
                link.attr("href", Some(url))?;
                link.attr("data-id", Some(&article.id))?;
            }
            None => {
                if let Some(link) = self.link.take() {
                    link.el.remove();
                }
                if self.title.as_deref() != Some(article.title.as_str()) {
                    self.heading.set_text_content(Some(&article.title));
                    self.title = Some(article.title.clone());
                }
            }
        }
        Ok(())
    }
}

/// An optional `<tag class>` child of `parent` showing `text`: created before `before` when
/// wanted and missing, removed when not wanted, its text updated when it differs.
fn optional(
    doc: &Document,
    slot: &mut Option<Kept>,
    parent: &Element,
    before: Option<&Node>,
    tag: &str,
    class: &str,
    text: Option<&str>,
) -> R {
    match (text, slot.as_mut()) {
        (Some(text), Some(kept)) => kept.text(text),
        (Some(text), None) => {
            let node = el(doc, tag, class)?;
            node.set_text_content(Some(text));
            parent.insert_before(&node, before)?;
            *slot = Some(Kept::with_text(node, text));
        }
        (None, Some(_)) => {
            if let Some(kept) = slot.take() {
                kept.el.remove();
            }
        }
        (None, None) => {}
    }
    Ok(())
}

impl List {
    /// Makes the list hold `n` items (creating the `<ul>` before `before` when needed,
    /// removing it when `n` is 0). New chip items are cloned from `chip` (the template
    /// holding their fixed attributes); without it (offerings) items are left empty for the
    /// caller (their inner node depends on the offering).
    #[allow(clippy::too_many_arguments)]
    fn ensure(
        &mut self,
        doc: &Document,
        body: &Element,
        before: Option<&Node>,
        class: &str,
        label: &str,
        n: usize,
        chip: Option<&Element>,
    ) -> R {
        if n == 0 {
            if let Some(ul) = self.ul.take() {
                ul.remove();
            }
            self.items.clear();
            return Ok(());
        }
        let ul = match &self.ul {
            Some(ul) => ul.clone(),
            None => {
                let ul = el(doc, "ul", class)?;
                ul.set_attribute("aria-label", label)?;
                body.insert_before(&ul, before)?;
                self.ul = Some(ul.clone());
                ul
            }
        };
        while self.items.len() > n {
            if let Some(item) = self.items.pop() {
                item.li.remove();
            }
        }
        while self.items.len() < n {
            let item = if let Some(template) = chip {
                // One clone brings the item, the button and its fixed attributes.
                let li: Element = template.clone_node_with_deep(true)?.unchecked_into();
                ul.append_child(&li)?;
                let Some(chip) = li.first_element_child() else {
                    return Err("chip template without a button".into());
                };
                Item {
                    li,
                    inner: Kept::with_attrs(
                        chip,
                        &[("class", Some("chip")), ("data-key", None), ("title", None)],
                    ),
                    link: false,
                    filled: true,
                }
            } else {
                let li = add(&ul, el(doc, "li", "")?)?;
                // The caller puts the real inner node in (`filled` false); until then `inner`
                // only stands in, and is never written.
                Item {
                    inner: Kept::new(li.clone()),
                    li,
                    link: false,
                    filled: false,
                }
            };
            self.items.push(item);
        }
        Ok(())
    }
}

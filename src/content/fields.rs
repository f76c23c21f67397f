//! Field extraction from a loose front matter tree, with the fallbacks real sources need:
//! a list where a scalar was expected (and the other way round), nulls and empty strings
//! treated as absent, Open Graph and Twitter titles and descriptions when the plain ones
//! are missing, and the digital.gov names (`summary`, `topics`, `authors`) beside ours.

use super::document::{Category, ImageRef, OfferingRef};
use super::html_text::{collapse_spaces, html_to_text, inline_text};
use super::markdown_text::markdown_to_text;
use super::slug::{clean_label, humanise, is_slug};
use serde_json::{Map, Value};

/// Group for topics the source gives without one (digital.gov `topics`, bare categories).
pub const DEFAULT_GROUP: &str = "Topics";

const TITLE_PATHS: [&str; 5] = [
    "title",
    "openGraphMetaData.ogtitle",
    "htmlMetaData.ogtitle",
    "twitterMetaData.twittertitle",
    "htmlMetaData.title",
];
const SUMMARY_PATHS: [&str; 8] = [
    "description",
    "summary",
    "openGraphMetaData.ogdescription",
    "htmlMetaData.ogdescription",
    "htmlMetaData.description",
    "twitterMetaData.twitterdescription",
    "deck",
    "excerpt",
];
const DATE_PATHS: [&str; 4] = ["date", "publishDate", "published", "pubDate"];
const URL_PATHS: [&str; 8] = [
    "link.href",
    "href",
    "original",
    "link.original",
    // `link: https://...` where the seeds' shape has `link: {href: ...}`.
    "link",
    "source_url",
    "url",
    "permalink",
];
const AUTHOR_PATHS: [&str; 4] = [
    "author",
    "authors",
    "contributor.name",
    "htmlMetaData.author",
];

/// Looks up a dotted path; each key matches exactly, else ignoring ASCII case.
pub fn get<'a>(map: &'a Map<String, Value>, path: &str) -> Option<&'a Value> {
    let mut current: Option<&Value> = None;
    let mut object = map;
    for key in path.split('.') {
        let value = object.get(key).or_else(|| {
            object
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(key))
                .map(|(_, v)| v)
        })?;
        current = Some(value);
        match value {
            Value::Object(inner) => object = inner,
            _ => object = EMPTY.get_or_init(Map::new),
        }
    }
    current
}

static EMPTY: std::sync::OnceLock<Map<String, Value>> = std::sync::OnceLock::new();

/// A value as one piece of text: strings trimmed, numbers written out, a list's first
/// usable item; null, empty, booleans and maps are absent.
pub fn scalar_text(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => {
            let s = s.trim();
            (!s.is_empty()).then(|| s.to_string())
        }
        Value::Number(n) => Some(n.to_string()),
        Value::Array(items) => items.iter().find_map(scalar_text),
        _ => None,
    }
}

/// A value as a list of texts: a list's usable items, or a single scalar as a list of one.
pub fn text_list(value: &Value) -> Vec<String> {
    match value {
        Value::Array(items) => items
            .iter()
            .flat_map(|item| match item {
                Value::Array(_) => text_list(item),
                _ => scalar_text(item).into_iter().collect(),
            })
            .collect(),
        other => scalar_text(other).into_iter().collect(),
    }
}

/// The first path with usable text.
pub fn first_text(map: &Map<String, Value>, paths: &[&str]) -> Option<String> {
    paths
        .iter()
        .find_map(|path| get(map, path).and_then(scalar_text))
}

/// Title from front matter, cleaned of markup.
pub fn title(map: &Map<String, Value>) -> Option<String> {
    TITLE_PATHS
        .iter()
        .filter_map(|path| get(map, path).and_then(scalar_text))
        .map(|t| inline_text(&t))
        .find(|t| !t.is_empty())
}

/// Summary text from front matter, cleaned (not yet bounded).
pub fn summary(map: &Map<String, Value>) -> Option<String> {
    SUMMARY_PATHS
        .iter()
        .filter_map(|path| get(map, path).and_then(scalar_text))
        .map(|t| clean_prose(&t))
        .find(|t| !t.is_empty())
}

/// HTML and Markdown to one line of prose.
pub fn clean_prose(text: &str) -> String {
    collapse_spaces(&markdown_to_text(&html_to_text(text)))
}

/// The raw date text, if any field has one.
pub fn date_text(map: &Map<String, Value>) -> Option<String> {
    first_text(map, &DATE_PATHS)
}

pub fn url(map: &Map<String, Value>) -> Option<String> {
    first_text(map, &URL_PATHS)
}

/// `link.brand`, else the host of an absolute article URL (without `www.`).
pub fn brand(map: &Map<String, Value>, article_url: Option<&str>) -> Option<String> {
    if let Some(brand) = first_text(map, &["link.brand", "brand"]) {
        return Some(clean_label(&brand)).filter(|b| !b.is_empty());
    }
    let parsed = url::Url::parse(article_url?).ok()?;
    if !matches!(parsed.scheme(), "http" | "https") {
        return None;
    }
    let host = parsed.host_str()?;
    Some(host.strip_prefix("www.").unwrap_or(host).to_string())
}

/// Authors as names; slugs (`zach-goldfine`) become names (`Zach Goldfine`).
pub fn authors(map: &Map<String, Value>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for path in AUTHOR_PATHS {
        let Some(value) = get(map, path) else {
            continue;
        };
        let list: Vec<String> = match value {
            // Author objects (`- name: X`), names, or a mix of both.
            Value::Array(items) => items.iter().flat_map(author_names).collect(),
            other => author_names(other),
        };
        for name in list {
            let name = clean_label(&name);
            let name = if is_slug(&name) && name.contains('-') {
                humanise(&name)
            } else {
                name
            };
            if !name.is_empty() && !names.iter().any(|n| n.eq_ignore_ascii_case(&name)) {
                names.push(name);
            }
        }
        if !names.is_empty() {
            break;
        }
    }
    names
}

/// One author entry's names: an object's `name`, or the text of a name or list of names.
fn author_names(value: &Value) -> Vec<String> {
    match value {
        Value::Object(_) => value
            .get("name")
            .and_then(scalar_text)
            .into_iter()
            .collect(),
        other => text_list(other),
    }
}

/// The content type: `curated-content` -> `curated`, `contributed-content` ->
/// `contributed`, anything else slugified without a trailing `content`.
pub fn content_type(map: &Map<String, Value>) -> Option<String> {
    let raw = first_text(
        map,
        &["archetype", "openProjectWorkPackageType", "contentType"],
    )?;
    let slug = super::slug::slugify(&raw);
    let slug = slug.strip_suffix("-content").unwrap_or(&slug);
    (!slug.is_empty()).then(|| slug.to_string())
}

/// The featured image: an object with `href`/`src`, `alt` and `size` (`[height, width]`,
/// as the seeds write 1200-wide social images: `[631, 1200]`) or width/height, or a bare URL.
pub fn image(map: &Map<String, Value>) -> Option<ImageRef> {
    let value = ["featuredImage", "featured_image", "image"]
        .iter()
        .find_map(|path| get(map, path).filter(|v| !v.is_null()))?;
    match value {
        Value::Object(obj) => {
            let src = first_text(obj, &["href", "src", "url"])?;
            let alt = first_text(obj, &["alt"])
                .map(|a| inline_text(&a))
                .unwrap_or_default();
            let dimension = |v: Option<&Value>| {
                v.and_then(|v| match v {
                    Value::Number(n) => n.as_u64(),
                    Value::String(s) => s.trim().parse().ok(),
                    _ => None,
                })
                .and_then(|n| u32::try_from(n).ok())
                .filter(|&n| n > 0)
            };
            let (mut width, mut height) =
                (dimension(obj.get("width")), dimension(obj.get("height")));
            if let Some(Value::Array(size)) = obj.get("size") {
                if size.len() == 2 {
                    height = height.or(dimension(size.first()));
                    width = width.or(dimension(size.get(1)));
                }
            }
            Some(ImageRef {
                src,
                alt,
                width,
                height,
            })
        }
        other => scalar_text(other).map(|src| ImageRef {
            src,
            alt: String::new(),
            width: None,
            height: None,
        }),
    }
}

/// Topics: `categories` (with `categoryLabel`/`categorySlug`/`categoryUrl` aligned by
/// position when their lengths match) and digital.gov `topics`. Not `tags`: in real feeds they
/// are site furniture (`News` on nearly every article), which as a facet would only be noise.
pub fn categories(map: &Map<String, Value>) -> Vec<Category> {
    let mut out = Vec::new();
    let names = get(map, "categories").map(text_list).unwrap_or_default();
    let aligned = |path: &str| {
        let list = get(map, path).map(text_list).unwrap_or_default();
        if list.len() == names.len() {
            list
        } else {
            Vec::new()
        }
    };
    let (labels, slugs, urls) = (
        aligned("categoryLabel"),
        aligned("categorySlug"),
        aligned("categoryUrl"),
    );
    for (i, name) in names.iter().enumerate() {
        // Some sources list slugs as categories (`managing-digital`).
        let name = if is_slug(name) {
            humanise(name)
        } else {
            name.clone()
        };
        let Some(mut category) = parse_category(&name, DEFAULT_GROUP) else {
            continue;
        };
        if let Some(label) = labels
            .get(i)
            .map(|l| clean_label(l))
            .filter(|l| !l.is_empty())
        {
            category.label = label;
        }
        let url = urls.get(i).cloned();
        // A URL the indexer refuses (`javascript:alert(1)`) is dropped from the index, so it
        // names no slug either: the slug comes from `categorySlug` or the label, as when no
        // URL is given.
        category.slug = url
            .as_deref()
            .filter(|url| !super::links::is_refused(url))
            .and_then(|u| u.trim_end_matches('/').rsplit('/').next())
            .map(super::slug::slugify)
            .or_else(|| slugs.get(i).map(|s| super::slug::slugify(s)))
            .filter(|s| !s.is_empty());
        category.url = url;
        out.push(category);
    }
    for topic in get(map, "topics").map(text_list).unwrap_or_default() {
        let label = if is_slug(&topic) {
            humanise(&topic)
        } else {
            topic
        };
        out.extend(parse_category(&label, DEFAULT_GROUP).map(|mut c| {
            // `topics` entries name their group only when written `Group: Label`.
            if !label.contains(':') {
                c.group = DEFAULT_GROUP.to_string();
            }
            c
        }));
    }
    out
}

/// `Group: Label` -> (group, label); a name without a group goes to `default_group`.
pub fn parse_category(name: &str, default_group: &str) -> Option<Category> {
    let name = clean_label(name);
    let (group, label) = match name.split_once(':') {
        Some((group, label)) if !group.trim().is_empty() && !label.trim().is_empty() => {
            (group.trim().to_string(), label.trim().to_string())
        }
        _ => (
            default_group.to_string(),
            name.trim_matches(':').trim().to_string(),
        ),
    };
    (!label.is_empty()).then_some(Category {
        group,
        label,
        slug: None,
        url: None,
    })
}

/// `relatedOfferings`: label, permalink, categories, offeringId. Entries with no label are
/// dropped (nothing to show).
pub fn offerings(map: &Map<String, Value>) -> Vec<OfferingRef> {
    let items = match get(map, "relatedOfferings") {
        Some(Value::Array(items)) => items.as_slice(),
        // One offering written as a mapping rather than a list of one.
        Some(one @ Value::Object(_)) => std::slice::from_ref(one),
        _ => return Vec::new(),
    };
    items
        .iter()
        .filter_map(|item| {
            let obj = item.as_object()?;
            let label = clean_label(&first_text(obj, &["label", "name", "title"])?);
            if label.is_empty() {
                return None;
            }
            let offering_id = get(obj, "offeringId").and_then(|v| match v {
                Value::Number(n) => n.as_u64(),
                Value::String(s) => s.trim().parse().ok(),
                _ => None,
            });
            let categories = get(obj, "categories")
                .map(text_list)
                .unwrap_or_default()
                .iter()
                .filter_map(|c| parse_category(c, DEFAULT_GROUP))
                .collect();
            Some(OfferingRef {
                offering_id,
                label,
                url: first_text(obj, &["permalink", "href", "url"]),
                categories,
            })
        })
        .collect()
}

/// The source's id: `id`, else `slug` (numbers written out).
pub fn source_id(map: &Map<String, Value>) -> Option<String> {
    first_text(map, &["id", "slug"]).map(|id| collapse_spaces(&id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn obj(value: Value) -> Map<String, Value> {
        value.as_object().unwrap().clone()
    }

    #[test]
    fn lists_and_scalars_either_way() {
        assert_eq!(scalar_text(&json!(["a", "b"])), Some("a".into()));
        assert_eq!(scalar_text(&json!([null, " b "])), Some("b".into()));
        assert_eq!(scalar_text(&json!(null)), None);
        assert_eq!(scalar_text(&json!("  ")), None);
        assert_eq!(scalar_text(&json!(42)), Some("42".into()));
        assert_eq!(text_list(&json!("solo")), vec!["solo"]);
        assert_eq!(text_list(&json!(["a", null, ["b"]])), vec!["a", "b"]);
    }

    #[test]
    fn title_falls_back_to_open_graph_then_twitter() {
        let m = obj(
            json!({"title": null, "openGraphMetaData": {"ogtitle": ""}, "twitterMetaData": {"twittertitle": "T &amp; U"}}),
        );
        assert_eq!(title(&m), Some("T & U".into()));
        let m = obj(json!({"title": ["List", "Title"]}));
        assert_eq!(title(&m), Some("List".into()));
    }

    #[test]
    fn summary_falls_back_and_is_clean() {
        let m = obj(
            json!({"description": "", "htmlMetaData": {"ogdescription": "<p>Hi&nbsp;there</p>"}}),
        );
        assert_eq!(summary(&m), Some("Hi there".into()));
        let m = obj(json!({"summary": "digital.gov **style**"}));
        assert_eq!(summary(&m), Some("digital.gov style".into()));
    }

    #[test]
    fn categories_align_labels_slugs_and_urls() {
        let m = obj(json!({
            "categories": ["Healthcare IT News: Telehealth", "Symplur: #healthequity"],
            "categoryLabel": [" Telehealth", " #healthequity"],
            "categoryUrl": ["topic/healthcare-it-news-telehealth", "topic/symplur-healthequity"],
            "tags": "News"
        }));
        let cats = categories(&m);
        assert_eq!(cats[0].group, "Healthcare IT News");
        assert_eq!(cats[0].label, "Telehealth");
        assert_eq!(
            cats[0].slug.as_deref(),
            Some("healthcare-it-news-telehealth")
        );
        assert_eq!(
            cats[0].url.as_deref(),
            Some("topic/healthcare-it-news-telehealth")
        );
        assert_eq!(cats[1].label, "#healthequity");
        assert_eq!(cats.len(), 2, "tags are not topics");
    }

    #[test]
    fn refused_category_urls_give_no_slug() {
        let mut fields = json!({
            "categories": ["G: One", "G: Two", "G: Three"],
            "categoryLabel": ["One", "Two", "Three"],
            "categoryUrl": ["javascript:alert(1)", "&#106;avascript:alert(2)", "topic/g-3"],
        });
        let cats = categories(&obj(fields.clone()));
        let slugs: Vec<Option<&str>> = cats.iter().map(|c| c.slug.as_deref()).collect();
        // None: the index gives the topic its slug from the label, as for no URL.
        assert_eq!(slugs, vec![None, None, Some("g-3")]);
        // The URL stays, so building the index drops it with a warning.
        assert_eq!(cats[0].url.as_deref(), Some("javascript:alert(1)"));

        fields["categorySlug"] = json!(["first", "second", "third"]);
        let cats = categories(&obj(fields));
        let slugs: Vec<Option<&str>> = cats.iter().map(|c| c.slug.as_deref()).collect();
        assert_eq!(slugs, vec![Some("first"), Some("second"), Some("g-3")]);
    }

    #[test]
    fn misaligned_labels_are_ignored() {
        let m = obj(json!({"categories": ["A: One", "B: Two"], "categoryLabel": ["Only"]}));
        let cats = categories(&m);
        assert_eq!(cats[0].label, "One");
        assert_eq!(cats[0].slug, None);
    }

    #[test]
    fn digitalgov_topics_and_authors() {
        let m = obj(
            json!({"topics": ["accessibility", "content-strategy"], "authors": ["zach-goldfine", "gsa"]}),
        );
        let cats = categories(&m);
        assert_eq!(cats[1].group, DEFAULT_GROUP);
        assert_eq!(cats[1].label, "Content Strategy");
        assert_eq!(authors(&m), vec!["Zach Goldfine", "gsa"]);
        let m = obj(json!({"author": "Jane Doe"}));
        assert_eq!(authors(&m), vec!["Jane Doe"]);
    }

    #[test]
    fn types_normalise() {
        assert_eq!(
            content_type(&obj(json!({"archetype": "curated-content"}))).as_deref(),
            Some("curated")
        );
        assert_eq!(
            content_type(&obj(json!({"archetype": "Contributed Content"}))).as_deref(),
            Some("contributed")
        );
        assert_eq!(
            content_type(&obj(json!({"archetype": "Press_Release"}))).as_deref(),
            Some("press-release")
        );
        assert_eq!(content_type(&obj(json!({"archetype": null}))), None);
    }

    #[test]
    fn image_object_null_and_string() {
        let m = obj(json!({"featuredImage": {"href": "x.jpeg", "alt": "A", "size": [631, 1200]}}));
        let img = image(&m).unwrap();
        assert_eq!(
            (img.src.as_str(), img.width, img.height),
            ("x.jpeg", Some(1200), Some(631))
        );
        assert_eq!(image(&obj(json!({"featuredImage": null}))), None);
        assert_eq!(image(&obj(json!({"featured_image": {"uid": "x"}}))), None);
        assert_eq!(
            image(&obj(json!({"image": "https://a/b.png"})))
                .unwrap()
                .src,
            "https://a/b.png"
        );
    }

    #[test]
    fn url_brand_and_id_fallbacks() {
        let m = obj(json!({"href": "https://www.example.org/a", "id": 14087, "slug": "s"}));
        assert_eq!(url(&m).as_deref(), Some("https://www.example.org/a"));
        assert_eq!(
            brand(&m, url(&m).as_deref()).as_deref(),
            Some("example.org")
        );
        assert_eq!(source_id(&m).as_deref(), Some("14087"));
        assert_eq!(
            source_id(&obj(json!({"slug": 2024}))).as_deref(),
            Some("2024")
        );
        let m = obj(json!({"link": {"brand": " healthcareitnews.com", "href": "https://h/x"}}));
        assert_eq!(brand(&m, None).as_deref(), Some("healthcareitnews.com"));
    }

    #[test]
    fn offerings_read_ids_permalinks_categories() {
        let m = obj(json!({"relatedOfferings": [
            {"label": "Kit", "permalink": "/offering/kit", "categories": ["G: Telemedicine"], "offeringId": 17545},
            {"label": null},
            {"label": "Str id", "offeringId": "12"}
        ]}));
        let offers = offerings(&m);
        assert_eq!(offers.len(), 2);
        assert_eq!(offers[0].offering_id, Some(17545));
        assert_eq!(offers[0].categories[0].label, "Telemedicine");
        assert_eq!(offers[1].offering_id, Some(12));
    }

    #[test]
    fn mixed_and_single_shapes_are_read() {
        let map = obj(json!({
            "author": [null, "  ", "Ann &amp; Co", {"name": "Bob"}],
            "relatedOfferings": {"label": "Only One", "permalink": "/offering/only-one"},
            "link": "https://plain.example/x"
        }));
        assert_eq!(authors(&map), ["Ann & Co", "Bob"]);
        let offers = offerings(&map);
        assert_eq!(offers.len(), 1);
        assert_eq!(offers[0].label, "Only One");
        assert_eq!(url(&map).as_deref(), Some("https://plain.example/x"));
        let objects_first = obj(json!({"author": [{"name": "Jane"}, "Bob"]}));
        assert_eq!(authors(&objects_first), ["Jane", "Bob"]);
    }

    #[test]
    fn case_insensitive_keys() {
        let m = obj(json!({"Title": "Caps"}));
        assert_eq!(title(&m), Some("Caps".into()));
    }
}

//! One synthetic article: drawing its facts from the catalog, composing title and body
//! from templates, and writing it in the seed format (YAML front matter and an HTML or
//! Markdown body), as plain text (2%), or in an odd-but-valid form (1%).

use std::fmt::Write;

use super::catalog::Catalog;
use super::rng::Rng;
use super::text::{compose_body, fill, title_case, Slots};
use super::vocab::{
    BRANDS, DESKS, GROUPS, HEADINGS, NAMED_ORGS, ORG_ADJ, ORG_KIND, PLACES, TAGS, TITLES, TOPICS,
};
use super::yaml::{civil_from_days, field, folded, list, quoted, scalar, slugify};

/// Stream number for article draws (the catalog uses 1).
const STREAM_ARTICLE: u64 = 2;
/// First day of the date range (2015-01-01) and its length in days (to 2025-12-31).
const FIRST_DAY: i64 = 16_436;
const DAY_SPAN: f64 = 4_018.0;
/// Share of plain-text files and of odd-but-valid front matter files.
const PLAIN_SHARE: f64 = 0.02;
const ODD_SHARE: f64 = 0.01;

/// What the caller needs to name the file.
pub struct Written {
    pub slug: String,
    pub extension: &'static str,
}

/// Writes article `index` of the corpus into `out` (cleared first).
pub fn write(catalog: &Catalog, seed: u64, index: usize, out: &mut String) -> Written {
    out.clear();
    let mut rng = Rng::for_item(seed, STREAM_ARTICLE, index as u64);
    let draft = Draft::new(catalog, &mut rng);
    let slug = slugify(&draft.title, 60);
    let roll = rng.unit();
    if roll < PLAIN_SHARE {
        draft.write_plain(&mut rng, out);
        return Written {
            slug,
            extension: "txt",
        };
    }
    let odd = if roll < PLAIN_SHARE + ODD_SHARE {
        Oddities::draw(&mut rng)
    } else {
        Oddities::default()
    };
    draft.write_front_matter(catalog, &mut rng, &odd, index, out);
    draft.write_body(&mut rng, out);
    if odd.crlf {
        *out = out.replace('\n', "\r\n");
    }
    if odd.bom {
        out.insert(0, '\u{feff}');
    }
    Written {
        slug,
        extension: "md",
    }
}

/// The deliberate irregularities of the odd 1%: all valid YAML, all seen in real corpora.
#[derive(Default)]
struct Oddities {
    null_description: bool,
    author_string: bool,
    stray_spaces: bool,
    mixed_case_tags: bool,
    no_date: bool,
    id_string: bool,
    entity_title: bool,
    crlf: bool,
    bom: bool,
}

impl Oddities {
    fn draw(rng: &mut Rng) -> Self {
        let mut odd = Self {
            null_description: rng.chance(0.4),
            author_string: rng.chance(0.4),
            stray_spaces: rng.chance(0.4),
            mixed_case_tags: rng.chance(0.3),
            no_date: rng.chance(0.3),
            id_string: rng.chance(0.2),
            entity_title: rng.chance(0.2),
            crlf: rng.chance(0.2),
            bom: rng.chance(0.2),
        };
        if !(odd.null_description || odd.author_string || odd.stray_spaces || odd.no_date) {
            odd.author_string = true;
        }
        odd
    }
}

/// The facts and text of one article before it is written out.
struct Draft {
    title: String,
    topics: Vec<usize>,
    offerings: Vec<usize>,
    brand: usize,
    /// Paragraphs of sentences (plain text with `&amp;` where an ampersand occurs).
    paragraphs: Vec<Vec<String>>,
    heading_before: Option<usize>,
    /// Days since 1970-01-01.
    day: i64,
}

impl Draft {
    fn new(catalog: &Catalog, rng: &mut Rng) -> Self {
        let topic_count = match rng.unit() {
            u if u < 0.5 => 1,
            u if u < 0.85 => 2,
            _ => 3,
        };
        let topics = catalog.topic_popularity.sample_distinct(rng, topic_count);
        let offerings = pick_offerings(catalog, rng, &topics);
        let brand = catalog.brand_popularity.sample(rng);
        // u^0.6 leans toward 1, so recent years hold more articles, as in real feeds.
        let day = FIRST_DAY + (rng.unit().powf(0.6) * DAY_SPAN) as i64;
        let (year, _, _) = civil_from_days(day);
        let org = if rng.chance(0.5) {
            rng.pick(&NAMED_ORGS).to_string()
        } else {
            format!("{} {}", rng.pick(&ORG_ADJ), rng.pick(&ORG_KIND))
        };
        let mut slots = Slots {
            terms_primary: TOPICS[topics[0]].terms,
            terms_other: topics[1..]
                .iter()
                .flat_map(|&t| TOPICS[t].terms.iter().copied())
                .collect(),
            org,
            place: rng.pick(&PLACES),
            year: year + rng.range(0, 2) as i64,
            offerings: offerings
                .iter()
                .map(|&o| catalog.offerings[o].label.as_str())
                .collect(),
        };
        let title = title_case(&fill(rng.pick(&TITLES), &mut slots, rng));
        let paragraphs = compose_body(&mut slots, rng);
        let heading_before =
            (paragraphs.len() > 2 && rng.chance(0.35)).then(|| rng.range(1, paragraphs.len() - 1));
        Self {
            title,
            topics,
            offerings,
            brand,
            paragraphs,
            heading_before,
            day,
        }
    }

    fn write_front_matter(
        &self,
        catalog: &Catalog,
        rng: &mut Rng,
        odd: &Oddities,
        index: usize,
        out: &mut String,
    ) {
        out.push_str("---\n");
        let title = if odd.entity_title {
            format!("{} &amp; What Comes Next", self.title)
        } else {
            self.title.clone()
        };
        let title_on_top = rng.chance(0.5);
        if title_on_top {
            field(out, 0, "title", &title);
        }
        if !odd.no_date {
            out.push_str("date: ");
            quoted(out, &date_form(self.day, rng));
            out.push('\n');
        }
        self.write_description(rng, odd, out);
        self.write_authors(catalog, rng, odd, out);
        let curated = rng.chance(0.7);
        let archetype = if curated { "curated" } else { "contributed" };
        let _ = writeln!(out, "archetype: {archetype}-content");
        self.write_categories(rng, odd, out);
        write_tags(rng, odd, out);
        let slug = format!("{}-{index}", slugify(&self.title, 80));
        let brand = BRANDS[self.brand];
        let href = format!("https://{brand}/news/{slug}");
        let _ = writeln!(out, "link:\n  brand: {brand}");
        field(out, 2, "href", &href);
        field(out, 2, "original", &href);
        field(out, 0, "href", &href);
        field(out, 0, "original", &href);
        self.write_image(rng, &title, index, out);
        let _ = writeln!(out, "source: synthetic-{archetype}\nslug: {slug}");
        if odd.id_string {
            let _ = writeln!(out, "id: '{}'", 100_000 + index);
        } else {
            let _ = writeln!(out, "id: {}", 100_000 + index);
        }
        self.write_offerings(catalog, out);
        write_noise(rng, (!odd.no_date).then_some(self.day), out);
        if !title_on_top {
            field(out, 0, "title", &title);
        }
        out.push_str("---\n");
    }

    fn write_description(&self, rng: &mut Rng, odd: &Oddities, out: &mut String) {
        if odd.null_description {
            out.push_str("description: null\n");
            return;
        }
        let lead = self
            .paragraphs
            .first()
            .map(Vec::as_slice)
            .unwrap_or_default();
        let mut text = lead[..rng.range(1, 2).min(lead.len())].join(" ");
        if rng.chance(0.08) {
            // Truncated mid-word, as feeds that cut summaries at a byte count do.
            let cut = rng.range(40, 160).min(text.len());
            let cut = (0..=cut)
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0);
            text.truncate(cut);
        }
        if rng.chance(0.6) {
            out.push_str("description: ");
            folded(out, &text, 2);
        } else {
            field(out, 0, "description", &text);
        }
    }

    fn write_authors(&self, catalog: &Catalog, rng: &mut Rng, odd: &Oddities, out: &mut String) {
        let mut names: Vec<&str> = Vec::new();
        match rng.unit() {
            u if u < 0.07 => names.push(rng.pick(&DESKS)),
            u if u < 0.25 => {
                for a in catalog.author_popularity.sample_distinct(rng, 2) {
                    names.push(&catalog.authors[a]);
                }
            }
            _ => names.push(&catalog.authors[catalog.author_popularity.sample(rng)]),
        }
        if odd.author_string {
            field(out, 0, "author", &names.join(" and "));
        } else {
            list(out, 0, "author", names.into_iter());
        }
    }

    fn write_categories(&self, rng: &mut Rng, odd: &Oddities, out: &mut String) {
        let lead_space = rng.chance(0.2);
        let cats: Vec<String> = self
            .topics
            .iter()
            .map(|&t| {
                let name = format!("{}: {}", GROUPS[TOPICS[t].group], TOPICS[t].label);
                if odd.stray_spaces {
                    format!("{}:  {} ", GROUPS[TOPICS[t].group], TOPICS[t].label)
                } else {
                    name
                }
            })
            .collect();
        list(out, 0, "categories", cats.iter().map(String::as_str));
        let slugs: Vec<String> = cats.iter().map(|c| c.to_lowercase()).collect();
        list(out, 0, "categorySlug", slugs.iter().map(String::as_str));
        let urls: Vec<String> = cats
            .iter()
            .map(|c| format!("topic/{}", slugify(c, 120)))
            .collect();
        list(out, 0, "categoryUrl", urls.iter().map(String::as_str));
        let labels: Vec<String> = self
            .topics
            .iter()
            .map(|&t| match (odd.stray_spaces, lead_space) {
                (true, _) => format!("  {}", TOPICS[t].label),
                (false, true) => format!(" {}", TOPICS[t].label),
                (false, false) => TOPICS[t].label.to_string(),
            })
            .collect();
        list(out, 0, "categoryLabel", labels.iter().map(String::as_str));
    }

    fn write_image(&self, rng: &mut Rng, alt: &str, index: usize, out: &mut String) {
        if rng.chance(0.35) {
            out.push_str("featuredImage: null\n");
            return;
        }
        out.push_str("featuredImage:\n");
        field(out, 2, "alt", alt);
        if rng.chance(0.5) {
            out.push_str("  format: JPEG\n");
        }
        let _ = writeln!(out, "  href: synthetic-{index:06}-featuredImage.jpeg");
        let (h, w) = rng.pick(&[(631, 1200), (495, 739), (400, 800), (720, 1280), (600, 600)]);
        let _ = writeln!(out, "  size:\n    - {h}\n    - {w}");
        if rng.chance(0.5) {
            out.push_str("  valid: true\n");
        }
    }

    fn write_offerings(&self, catalog: &Catalog, out: &mut String) {
        if self.offerings.is_empty() {
            return;
        }
        out.push_str("relatedOfferings:\n");
        for &o in &self.offerings {
            let offering = &catalog.offerings[o];
            out.push_str("  - label: ");
            scalar(out, &offering.label);
            let _ = writeln!(out, "\n    permalink: {}", offering.permalink);
            let cats: Vec<String> = offering
                .topics
                .iter()
                .map(|&t| format!("{}: {}", GROUPS[TOPICS[t].group], TOPICS[t].label))
                .collect();
            list(out, 4, "categories", cats.iter().map(String::as_str));
            let _ = writeln!(out, "    offeringId: {}", offering.id);
        }
    }

    /// An HTML body (two thirds) or a Markdown one.
    fn write_body(&self, rng: &mut Rng, out: &mut String) {
        let html = rng.chance(0.65);
        for (i, paragraph) in self.paragraphs.iter().enumerate() {
            let text = paragraph.join(" ");
            if self.heading_before == Some(i) {
                let heading = rng.pick(&HEADINGS);
                if html {
                    let _ = writeln!(out, "<h3>{heading}</h3>");
                } else {
                    let _ = writeln!(out, "## {heading}\n");
                }
            }
            if html {
                let _ = writeln!(out, "<p>{text}</p>");
            } else {
                let _ = writeln!(out, "{}\n", text.replace("&amp;", "&"));
            }
        }
        if html && rng.chance(0.2) {
            let _ = writeln!(
                out,
                "<p>The full report is <a href=\"https://{}/reports/{}\">available online</a>.</p>",
                BRANDS[self.brand],
                slugify(&self.title, 40)
            );
        }
    }

    /// A plain-text file like the seeds' scraped blog posts: title line, sometimes the
    /// title again, a date line, paragraphs, and the topic labels at the end.
    fn write_plain(&self, rng: &mut Rng, out: &mut String) {
        let _ = writeln!(out, "{}\n", self.title);
        if rng.chance(0.4) {
            let _ = writeln!(out, "{}\n", self.title);
        }
        if rng.chance(0.3) {
            let (y, m, d) = civil_from_days(self.day);
            let _ = writeln!(out, "  \u{2022} {} {d}, {y}\n", MONTHS[m as usize - 1]);
        }
        for (i, paragraph) in self.paragraphs.iter().enumerate() {
            if self.heading_before == Some(i) {
                let _ = writeln!(out, "{}\n", rng.pick(&HEADINGS));
            }
            let _ = writeln!(out, "{}\n", paragraph.join(" ").replace("&amp;", "&"));
        }
        let labels: Vec<&str> = self.topics.iter().map(|&t| TOPICS[t].label).collect();
        let _ = write!(out, "Filed under: {}", labels.join(", "));
        if rng.chance(0.3) {
            out.push_str("\n\nComments are closed for this post.");
        }
    }
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// 0-5 offerings, mostly from the article's own topics, some from the overall head.
fn pick_offerings(catalog: &Catalog, rng: &mut Rng, topics: &[usize]) -> Vec<usize> {
    let count = match rng.unit() {
        u if u < 0.35 => 0,
        u if u < 0.60 => 1,
        u if u < 0.78 => 2,
        u if u < 0.90 => 3,
        u if u < 0.96 => 4,
        _ => 5,
    };
    let mut picked = Vec::with_capacity(count);
    for _ in 0..count * 3 {
        if picked.len() == count {
            break;
        }
        let (members, popularity) = &catalog.offerings_by_topic[rng.pick(topics)];
        let candidate = if !members.is_empty() && rng.chance(0.7) {
            members[popularity.sample(rng)]
        } else {
            catalog.offering_popularity.sample(rng)
        };
        if !picked.contains(&candidate) {
            picked.push(candidate);
        }
    }
    picked
}

/// One of the seeds' three date forms.
fn date_form(day: i64, rng: &mut Rng) -> String {
    let (y, m, d) = civil_from_days(day);
    let (hh, mm, ss) = (rng.range(6, 22), rng.below(60), rng.below(60));
    match rng.unit() {
        u if u < 0.5 => format!("{y:04}-{m:02}-{d:02}"),
        u if u < 0.8 => format!("{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}"),
        _ => format!(
            "{y:04}-{m:02}-{d:02}T{hh:02}:{mm:02}:{ss:02}.{:06}Z",
            rng.below(1_000_000)
        ),
    }
}

/// Tags: usually `News` plus a couple more; the odd form mixes `AI` and `ai`.
fn write_tags(rng: &mut Rng, odd: &Oddities, out: &mut String) {
    let mut tags = vec!["News"];
    for _ in 0..rng.below(3) {
        let tag = rng.pick(&TAGS);
        if !tags.contains(&tag) {
            tags.push(tag);
        }
    }
    if odd.mixed_case_tags {
        tags.extend(["AI", "ai"]);
    }
    list(out, 0, "tags", tags.into_iter());
}

/// Fields the indexer should ignore, present in some files as in the real corpus.
fn write_noise(rng: &mut Rng, day: Option<i64>, out: &mut String) {
    if rng.chance(0.5) {
        out.push_str("basePath: /news/\nidentifier: News\nmastHead: NEWS\nsub: brief\n");
    }
    if let (Some(day), true) = (day, rng.chance(0.5)) {
        let later = day + rng.below(30) as i64;
        out.push_str("lastMod: ");
        quoted(out, &date_form(later, rng));
        out.push('\n');
    }
    if rng.chance(0.3) {
        out.push_str(
            "htmlMetaData:\n  author: null\n  description: null\n  ogtitle: null\n  keywords: null\n",
        );
    }
}

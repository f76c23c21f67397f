//! The block reader checked against the general YAML path: hand-picked shapes, every real
//! front matter block we can reach, and many generated blocks. Wherever the block reader
//! answers, its answer must be the general path's.

use super::parse;
use crate::content::frontmatter::{split, yaml_to_loose, Syntax};
use serde_json::{json, Value};
use std::path::Path;

/// The general path's reading of a block (None where it refuses it).
fn general(block: &str) -> Option<Value> {
    serde_yaml_ng::from_str::<serde_yaml_ng::Value>(block)
        .ok()
        .map(yaml_to_loose)
}

/// Asserts agreement wherever the block reader answers; tells whether it answered.
fn agrees(block: &str) -> bool {
    match parse(block) {
        Some(fast) => {
            assert_eq!(Some(&fast), general(block).as_ref(), "block:\n{block}");
            true
        }
        None => false,
    }
}

#[test]
fn reads_the_common_shapes() {
    let block = "title: Inside the Push\nid: 109591\nneg: -3\nratio: 1.5\nhex: 0x1F\n\
                 zero: 0\nlead: 007\ndate: 2021-04-02\nwhen: 2020-07-22 8:00:00 -0500\n\
                 quoted: '2021-04-02'\nsingle: 'It''s here: now'\ndouble: \"a \\\"b\\\" c\"\n\
                 empty:\nnull_word: null\ntilde: ~\nyes_word: yes\nflag: true\nFlag2: False\n\
                 url: https://example.com/a?b=c#frag\nnon_ascii: Søren Lindqvist\n\
                 list: ['News: AI', \"b\", plain, 3]\nnone: []\n\
                 tags:\n  - News\n  - 'Research'\ncompact:\n- a\n- b\n\
                 nested:\n  inner:\n    deep: x\n  size:\n    - 631\n    - 1200\n\
                 offers:\n  - label: Kit\n    permalink: /offering/kit\n    categories:\n      - 'Shop: Devices'\n    offeringId: 1\n  - label: Two\n\
                 # a comment line\n\n\
                 folded: >-\n  one\n  two\n\n  three\n\n\n  four\n    indented\n  five\n\
                 literal: |\n  x\n    y\n\n  z\n\n\
                 clip: >\n  kept newline\n\
                 leading: >-\n\n  \n  after two empty lines\n\
                 last: end\n";
    assert!(agrees(block), "the block reader should read this block");
    let value = parse(block).unwrap();
    assert_eq!(value["id"], json!(109591));
    assert_eq!(value["lead"], json!("007"));
    assert_eq!(
        value["folded"],
        json!("one two\nthree\n\nfour\n  indented\nfive")
    );
    assert_eq!(value["literal"], json!("x\n  y\n\nz\n"));
    assert_eq!(value["offers"][0]["categories"][0], json!("Shop: Devices"));
    assert_eq!(value["empty"], Value::Null);
}

#[test]
fn gives_up_on_what_the_general_path_must_judge() {
    for block in [
        "a: 1\na: 2\n",
        "outer:\n  b: 1\n  b: 2\n",
        "1: x\n",
        "null: x\n",
        "True: x\n",
        "'quoted key': x\n",
        "spaced key: x\n",
        "key : x\n",
        "a: &anchor x\nb: *anchor\n",
        "t: !custom x\n",
        "m: {a: 1}\n",
        "bad: [unclosed\n",
        "trail: [a, b,]\n",
        "plain: multi\n  line\n",
        "q: 'open\n  quote'\n",
        "c: value # comment\n",
        "u: \"\\u00e9\"\n",
        "keep: |+\n  x\n\n",
        "explicit: |2\n   x\n",
        "lead: >\n\n     \n  x\n",
        "no_content: >\nnext: x\n",
        "tab:\tx\n",
        "  indented: top\n",
        "- a\n- b\n",
        "just text\n",
        "a: x\nb\n",
        "a: b: c\n",
        "seq:\n  -\n    a: 1\n",
        "seq:\n  - - x\n",
        "ctl: a\u{1}b\n",
        "nel: a\u{85}b\n",
        "no_final_break: x",
        "dash: -\n",
        "doc: ---x\n",
        "dots: ...\n",
    ] {
        assert_eq!(parse(block), None, "{block:?}");
    }
}

#[test]
fn deep_nesting_gives_up_without_overflowing() {
    let mut block = String::new();
    for depth in 0..10_000 {
        block.push_str(&" ".repeat(depth));
        block.push_str("k:\n");
    }
    assert_eq!(parse(&block), None);
}

/// Every front matter block under `dir` (recursively): how many the reader answered.
fn check_folder(dir: &Path) -> (usize, usize) {
    let (mut answered, mut total) = (0, 0);
    let Ok(entries) = std::fs::read_dir(dir) else {
        return (0, 0);
    };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            let (a, t) = check_folder(&path);
            answered += a;
            total += t;
            continue;
        }
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let text = text.replace("\r\n", "\n");
        if let Ok(parts) = split(&text) {
            if let Some((Syntax::Yaml, block)) = parts.front {
                total += 1;
                if agrees(block) {
                    answered += 1;
                } else {
                    eprintln!("not read by the block reader: {}", path.display());
                }
            }
        }
    }
    (answered, total)
}

#[test]
fn agrees_on_real_front_matter() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let (answered, total) = check_folder(&root.join("content/articles"));
    assert!(total >= 50, "{total}");
    assert_eq!(
        answered, total,
        "every sample article is in the common shapes"
    );
    let (answered, total) = check_folder(&root.join("../shared/seeds"));
    eprintln!("seeds: {answered} of {total} read by the block reader");
    let (answered, total) = check_folder(&root.join("../shared/corpora/digitalgov-news"));
    eprintln!("digitalgov-news: {answered} of {total} read by the block reader");
    if total > 0 {
        assert!(answered * 10 >= total * 9, "{answered} of {total}");
    }
}

#[test]
fn agrees_on_every_synthetic_article() {
    let dir = tempfile::tempdir().unwrap();
    crate::synth::generate(dir.path(), 300, 7).unwrap();
    let (answered, total) = check_folder(dir.path());
    // Some synthetic articles are plain text, without front matter.
    assert!(total >= 250, "{total}");
    // The synthetic corpus is the benchmark: all of it must take the fast road.
    assert_eq!(answered, total);
}

/// A small deterministic generator (xorshift), so failures replay.
struct Gen(u64);

impl Gen {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        (self.0 % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const KEYS: [&str; 8] = ["title", "id", "a", "b_c", "d-e", "Title", "x1", "tags"];
const SCALARS: &[&str] = &[
    "plain text",
    "42",
    "-7",
    "0",
    "012",
    "0x1f",
    "0o17",
    "0b101",
    "+5",
    "1.5",
    "-0.25e3",
    ".5",
    ".inf",
    "-.inf",
    ".nan",
    "1e400",
    "18446744073709551616",
    "-9223372036854775809",
    "2021-04-02",
    "12:30:00",
    "~",
    "null",
    "Null",
    "true",
    "FALSE",
    "yes",
    "'single ''quoted'''",
    "\"double \\\" \\\\ \\/ \\n\"",
    "''",
    "\"\"",
    "[a, 'b, c', 3, ~]",
    "[]",
    "http://x.example/a:b",
    "a:b",
    "-x",
    "--",
    "Søren",
    "é",
    "1_000",
    "inf",
    "99-questions-about-x",
    "9 questions",
    "0xford",
    ".Inf",
    ".iNf",
    "-.INF",
    "+.nan",
    "+-5",
    "1E-3",
    "1e5",
    "12abc",
    "+0x1f",
    "-0b11",
    "0o9",
];

/// A random block in (and sometimes just outside) the shapes the reader takes.
fn random_block(gen: &mut Gen, indent: usize, depth: usize, out: &mut String) {
    let pad = " ".repeat(indent);
    let entries = 1 + gen.below(4);
    for n in 0..entries {
        // Keys repeat sometimes: the reader must then give up.
        let key = if n > 0 && gen.below(8) == 0 {
            KEYS[0]
        } else {
            KEYS[(n * 3 + gen.below(3)) % KEYS.len()]
        };
        out.push_str(&pad);
        out.push_str(key);
        out.push(':');
        match gen.below(if depth > 2 { 3 } else { 6 }) {
            0 | 1 => {
                out.push(' ');
                out.push_str(gen.pick(SCALARS));
                out.push('\n');
            }
            2 => block_scalar(gen, indent, out),
            3 => {
                out.push('\n');
                let inner = indent + 1 + gen.below(3);
                random_block(gen, inner, depth + 1, out);
            }
            _ => {
                out.push('\n');
                let dash = indent + gen.below(3);
                for _ in 0..1 + gen.below(3) {
                    out.push_str(&" ".repeat(dash));
                    out.push_str("- ");
                    if gen.below(3) == 0 {
                        let mut inner = String::new();
                        random_block(gen, dash + 2, depth + 1, &mut inner);
                        out.push_str(&inner[dash + 2..]);
                    } else {
                        out.push_str(gen.pick(SCALARS));
                        out.push('\n');
                    }
                }
            }
        }
        if gen.below(6) == 0 {
            out.push_str(gen.pick(&["\n", "# note\n", "   \n", "  # indented note\n"]));
        }
    }
}

fn block_scalar(gen: &mut Gen, indent: usize, out: &mut String) {
    out.push(' ');
    out.push_str(gen.pick(&[">-", ">", "|", "|-", "> ", "|+"]));
    out.push('\n');
    let inner = indent + 1 + gen.below(3);
    for _ in 0..1 + gen.below(5) {
        match gen.below(6) {
            0 => out.push('\n'),
            1 => {
                out.push_str(&" ".repeat(inner + 1 + gen.below(2)));
                out.push_str("more indented\n");
            }
            2 => {
                out.push_str(&" ".repeat(gen.below(inner + 1)));
                out.push('\n');
            }
            _ => {
                out.push_str(&" ".repeat(inner));
                out.push_str(gen.pick(&[
                    "word one",
                    "trailing  ",
                    "# not a comment",
                    "a: b",
                    "'q'",
                ]));
                out.push('\n');
            }
        }
    }
}

#[test]
fn agrees_on_generated_blocks() {
    let mut gen = Gen(0x9e37_79b9_7f4a_7c15);
    let (mut answered, total) = (0, 4000);
    for _ in 0..total {
        let mut block = String::new();
        random_block(&mut gen, 0, 0, &mut block);
        answered += usize::from(agrees(&block));
    }
    // Most generated blocks are in the common shapes; the check above is what counts, but
    // a reader that gave up on everything would pass it vacuously.
    assert!(answered * 5 >= total, "answered {answered} of {total}");
}

#[test]
fn refuses_exactly_the_characters_yaml_reads_specially() {
    use super::plain_characters;
    for c in (0u32..0x3000).chain([0xfeff, 0xfffe, 0xffff, 0xfffd, 0x1f600]) {
        let Some(c) = char::from_u32(c) else { continue };
        let special = matches!(c, '\0'..='\x08' | '\x0b'..='\x1f' | '\x7f'..='\u{9f}')
            || matches!(
                c,
                '\u{2028}' | '\u{2029}' | '\u{feff}' | '\u{fffe}' | '\u{ffff}'
            );
        let text = format!("a: x{c}y\n");
        assert_eq!(plain_characters(&text), !special, "U+{:04X}", c as u32);
    }
}

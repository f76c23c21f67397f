//! Reading indexes safely: `decode` and `decode_first_view` accept what the indexer writes
//! and refuse everything else with a message that names the fault; `PrefixScanner` finds
//! the first-view prefix however the bytes are chunked.

mod support;

use support::fixture;
use topic_cards::index::split::PrefixState;
use topic_cards::index::{
    decode, decode_first_view, encode, IndexError, PrefixScanner, StreamDecoder,
};
use topic_cards::model::Index;
use topic_cards::query::first_view;

/// The fixture with its first view, and titles that try to confuse a scanner.
fn stored() -> Index {
    let mut index = fixture();
    index.articles[0].title = r#"Braces } { ] [ and "quotes" \ and \" in a title"#.into();
    index.articles[1].summary = "A string that ends in a backslash \\".into();
    index.first_view = Some(first_view(&index));
    index
}

fn error(json: &str) -> String {
    decode(json.as_bytes()).expect_err(json).message
}

#[test]
fn round_trips_what_the_indexer_writes() {
    let index = stored();
    assert_eq!(decode(encode(&index).as_bytes()).unwrap(), index);
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend_from_slice(encode(&index).as_bytes());
    assert_eq!(decode(&with_bom).unwrap(), index);
}

#[test]
fn refuses_empty_and_truncated_input() {
    assert_eq!(error(""), "the index is empty");
    assert_eq!(error("  \n"), "the index is empty");
    let json = encode(&stored());
    let cut = &json[..json.len() / 2];
    assert!(error(cut).contains("cut short"), "{}", error(cut));
    assert!(error("{nope").contains("not valid JSON"));
}

#[test]
fn refuses_other_documents_and_versions() {
    assert!(error("[1, 2]").starts_with("this is not a topic-cards index"));
    assert!(error(r#"{"name": "x"}"#).starts_with("this is not a topic-cards index"));
    let json = encode(&stored());
    let newer = json.replacen("\"version\":1", "\"version\":2", 1);
    assert_eq!(
        error(&newer),
        "index schema version 2 is newer than this widget (1); update the widget"
    );
    // A newer index may also have a different shape: the version is still what we report.
    let reshaped = r#"{"format":"topic-cards-index","version":2,"articles":{}}"#;
    assert!(error(reshaped).starts_with("index schema version 2 is newer"));
    let older = json.replacen("\"version\":1", "\"version\":0", 1);
    assert!(error(&older).contains("older than this widget"));
}

#[test]
fn names_the_member_of_the_wrong_type() {
    let mut index = stored();
    index.articles[2].title = "MARK".into();
    let json = encode(&index).replacen("\"MARK\"", "17", 1);
    let message = error(&json);
    assert!(message.contains("articles[2].title"), "{message}");
}

/// A change that breaks one id of an index.
type Damage = Box<dyn Fn(&mut Index)>;

#[test]
fn names_ids_out_of_range() {
    let cases: Vec<(Damage, &str)> = vec![
        (
            Box::new(|i| i.articles[3].topics.push(99)),
            "articles[3].topics[2] = 99 but there are 5 topics",
        ),
        (
            Box::new(|i| i.articles[1].brand = Some(2)),
            "articles[1].brand = 2 but there are 2 brands",
        ),
        (
            Box::new(|i| i.articles[0].content_type = Some(7)),
            "articles[0].type = 7 but there are 2 types",
        ),
        (
            Box::new(|i| i.articles[5].offerings = vec![3]),
            "articles[5].offerings[0] = 3 but there are 3 offerings",
        ),
        (
            Box::new(|i| i.topics[4].group = 2),
            "topics[4].group = 2 but there are 2 groups",
        ),
        (
            Box::new(|i| i.offerings[1].topics = vec![0, 5]),
            "offerings[1].topics[1] = 5 but there are 5 topics",
        ),
        (
            Box::new(|i| i.first_view.as_mut().unwrap().panel.push(9)),
            "firstView.panel[3] = 9 but there are 3 offerings",
        ),
        (
            Box::new(|i| i.first_view.as_mut().unwrap().offerings[0].at = 40),
            "firstView.offerings[0].at = 40 but there are 3 offerings",
        ),
    ];
    for (damage, expected) in cases {
        let mut index = stored();
        damage(&mut index);
        assert_eq!(error(&encode(&index)), expected);
    }
}

/// Where the prefix of `index`'s encoding must end: the same index without offerings and
/// articles encodes to the same bytes up to there, followed by a known tail.
fn prefix_len(index: &Index) -> usize {
    let mut head = index.clone();
    head.offerings.clear();
    head.articles.clear();
    let json = encode(&head);
    let tail = r#","offerings":[],"articles":[]}"#;
    assert!(json.ends_with(tail));
    json.len() - tail.len()
}

#[test]
fn scanner_finds_the_prefix_at_every_split() {
    let json = encode(&stored());
    let want = PrefixState::Found {
        len: prefix_len(&stored()),
    };
    let bytes = json.as_bytes();
    for split in 0..=bytes.len() {
        let mut scanner = PrefixScanner::new();
        let first = scanner.feed(&bytes[..split]);
        let state = if first == PrefixState::Pending {
            scanner.feed(&bytes[split..])
        } else {
            first
        };
        assert_eq!(state, want, "split at {split}");
        // Once known, the answer stays.
        assert_eq!(scanner.feed(b"]]]"), want);
    }
    let mut scanner = PrefixScanner::new();
    let mut last = PrefixState::Pending;
    for byte in bytes {
        last = scanner.feed(std::slice::from_ref(byte));
    }
    assert_eq!(last, want);
}

#[test]
fn scanner_accepts_a_bom_and_leading_whitespace() {
    let json = encode(&stored());
    let lead = "\u{feff} \n\t";
    let doc = format!("{lead}{json}");
    let mut scanner = PrefixScanner::new();
    let state = scanner.feed(doc.as_bytes());
    let len = lead.len() + prefix_len(&stored());
    assert_eq!(state, PrefixState::Found { len });
    let part = decode_first_view(&doc.as_bytes()[..len]).unwrap();
    assert_eq!(Some(part.first_view), stored().first_view);
}

#[test]
fn scanner_reports_absence() {
    let absent = |doc: &str| {
        let mut scanner = PrefixScanner::new();
        let state = scanner.feed(doc.as_bytes());
        assert_eq!(state, PrefixState::Absent, "{doc}");
    };
    absent(r#"{"format":"x","articles":[],"firstView":{}}"#);
    absent(r#"{"format":"x","offerings":[]"#);
    absent(r#"{"format":"x"}"#);
    absent(r#"{"firstView":null,"articles":[]}"#);
    absent("[]");
    absent("\u{feff}\u{feff}{}");
    // A nested `firstView` is not the member.
    absent(r#"{"a":{"firstView":{}},"articles":[]}"#);
    // Names with escapes or that merely start alike are other members.
    let mut scanner = PrefixScanner::new();
    let doc = r#"{"firstViewX":{"}":"\"{"},"first\"View":[1],"firstView":{"k":"}"}"#;
    assert_eq!(
        scanner.feed(doc.as_bytes()),
        PrefixState::Found { len: doc.len() }
    );
    let mut scanner = PrefixScanner::new();
    assert_eq!(scanner.feed(br#"{"format":"x","#), PrefixState::Pending);
}

#[test]
fn first_view_part_matches_the_full_index() {
    let index = stored();
    let json = encode(&index);
    let len = prefix_len(&index);
    let part = decode_first_view(&json.as_bytes()[..len]).unwrap();
    assert_eq!(part.groups, index.groups);
    assert_eq!(part.topics, index.topics);
    assert_eq!(part.types, index.types);
    assert_eq!(part.brands, index.brands);
    assert_eq!(Some(part.first_view), index.first_view);
}

#[test]
fn first_view_part_is_validated() {
    let mut index = stored();
    index.first_view.as_mut().unwrap().articles[0].topics = vec![8];
    let json = encode(&index);
    let len = prefix_len(&index);
    let message = decode_first_view(&json.as_bytes()[..len])
        .unwrap_err()
        .message;
    assert_eq!(
        message,
        "firstView.articles[0].topics[0] = 8 but there are 5 topics"
    );

    let mut index = stored();
    index.first_view.as_mut().unwrap().panel.push(2);
    index
        .first_view
        .as_mut()
        .unwrap()
        .offerings
        .retain(|p| p.at != 2);
    let json = encode(&index);
    let len = prefix_len(&index);
    let message = decode_first_view(&json.as_bytes()[..len])
        .unwrap_err()
        .message;
    assert!(
        message.contains("firstView has no offering at 2")
            || message.contains("has no offering at 2"),
        "{message}"
    );

    let mut index = stored();
    index.first_view = None;
    let json = encode(&index);
    let len = prefix_len(&index);
    let message = decode_first_view(&json.as_bytes()[..len])
        .unwrap_err()
        .message;
    assert!(message.contains("no firstView"), "{message}");

    let message = decode_first_view(b"").unwrap_err().message;
    assert_eq!(message, "the index is empty");
    let message = decode_first_view(br#"{"format":"topic-cards-index","version":3"#)
        .unwrap_err()
        .message;
    assert!(
        message.starts_with("index schema version 3 is newer"),
        "{message}"
    );
}

#[test]
fn damaged_bytes_never_panic() {
    use topic_cards::query::{Engine, Query};
    let json = encode(&stored()).into_bytes();
    let mut rng = support::Rng::new(11);
    let mut accepted = 0;
    for round in 0..3000 {
        let mut bytes = json.clone();
        for _ in 0..1 + round % 4 {
            let at = rng.below(bytes.len());
            bytes[at] = b"0123456789{}[]\",:-9 "[rng.below(20)];
        }
        let mut scanner = PrefixScanner::new();
        if let PrefixState::Found { len } = scanner.feed(&bytes) {
            let _ = decode_first_view(&bytes[..len]);
        }
        if let Ok(index) = decode(&bytes) {
            accepted += 1;
            let mut engine = Engine::new(index);
            let r = engine.run(&Query {
                text: "tele data".into(),
                topics: vec![0, 3],
                limit: 12,
                ..Query::default()
            });
            assert!(r.hits.len() <= 12);
        }
    }
    // Some damage (digits inside strings) leaves a valid index; most does not.
    assert!(accepted > 0 && accepted < 3000, "{accepted}");
}

/// Feeds `json` to a stream decoder in chunks of `size` bytes.
fn stream_decode(json: &[u8], size: usize) -> Option<Result<Index, IndexError>> {
    let mut decoder = StreamDecoder::new();
    for chunk in json.chunks(size.max(1)) {
        decoder.feed(chunk);
    }
    decoder.finish()
}

#[test]
fn the_stream_decoder_reads_what_decode_reads_in_any_chunks() {
    let json = encode(&support::synthetic(40, 3));
    let whole = decode(json.as_bytes()).expect("valid");
    for size in [1, 2, 7, 64, 1000, json.len()] {
        let streamed = stream_decode(json.as_bytes(), size)
            .expect("our shape")
            .expect("valid");
        assert_eq!(streamed, whole, "chunks of {size}");
    }
    // Whitespace anywhere JSON allows it, a byte-order mark, members in another order.
    let pretty = serde_json::to_string_pretty(&whole).unwrap();
    assert_eq!(stream_decode(pretty.as_bytes(), 5).unwrap().unwrap(), whole);
    let bom = format!("\u{feff}{json}");
    assert_eq!(stream_decode(bom.as_bytes(), 3).unwrap().unwrap(), whole);
    let mut value: serde_json::Value = serde_json::from_str(&json).unwrap();
    let articles = value.as_object_mut().unwrap().remove("articles").unwrap();
    let mut reordered = serde_json::Map::new();
    reordered.insert("articles".into(), articles);
    reordered.extend(value.as_object().unwrap().clone());
    let reordered = serde_json::to_string(&reordered).unwrap();
    assert_eq!(
        stream_decode(reordered.as_bytes(), 11).unwrap().unwrap(),
        whole
    );
}

/// The article list grows by doubling while it is read; what the engine keeps must not carry
/// the unused half (in Wasm, memory never shrinks). 40 articles grow a list to 64 slots.
#[test]
fn decoded_article_lists_hold_no_spare_capacity() {
    let json = encode(&support::synthetic(40, 3));
    let whole = decode(json.as_bytes()).expect("valid");
    let streamed = stream_decode(json.as_bytes(), 64)
        .expect("our shape")
        .expect("valid");
    for index in [whole, streamed] {
        assert_eq!(index.articles.len(), 40);
        assert_eq!(index.articles.capacity(), 40);
    }
}

#[test]
fn the_stream_decoder_leaves_every_bad_text_to_decode() {
    let json = encode(&support::synthetic(40, 3));
    let cut = &json.as_bytes()[..json.len() / 2];
    let junk = format!("{json} x");
    let not_objects = json.replacen("\"articles\":[{", "\"articles\":[null,{", 1);
    // A string where the next article should be (found by the decode_index fuzz target).
    let string_element = json.replacen("},{\"id\"", "}\"x\",{\"id\"", 1);
    let bad_article = json.replacen("\"title\":", "\"title\":7,\"x\":", 1);
    let wrong_article = json.replacen("\"articles\":[", "\"articles\":{", 1);
    // The array's punctuation is checked here, since it is not kept for the final parse.
    let two_commas = json.replacen("},{\"id\"", "},,{\"id\"", 1);
    let no_comma = json.replacen("},{\"id\"", "}{\"id\"", 1);
    let trailing_comma = format!("{}]}}", json.trim_end_matches("]}").to_string() + ",");
    let form_feed = json.replacen("},{\"id\"", "},\u{c}{\"id\"", 1);
    for text in [
        cut,
        junk.as_bytes(),
        not_objects.as_bytes(),
        string_element.as_bytes(),
        bad_article.as_bytes(),
        wrong_article.as_bytes(),
        two_commas.as_bytes(),
        no_comma.as_bytes(),
        trailing_comma.as_bytes(),
        form_feed.as_bytes(),
        b"",
        b"[]",
        b"{}",
    ] {
        assert!(
            stream_decode(text, 9).is_none(),
            "{}",
            String::from_utf8_lossy(&text[..text.len().min(60)])
        );
        assert!(decode(text).is_err());
    }
    // Parsed but referring outside its tables: the same refusal as decode's.
    let mut bad = support::synthetic(5, 3);
    bad.articles[0].topics.push(9999);
    let bad = encode(&bad);
    assert_eq!(
        stream_decode(bad.as_bytes(), 13).expect("our shape"),
        decode(bad.as_bytes()).map(|_| unreachable!())
    );
}

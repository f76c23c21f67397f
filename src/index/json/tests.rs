//! The reader against serde_json (the oracle) on JSON's corner cases: both must accept the
//! same texts with the same values, and refuse the same texts.

use super::Fault;
use crate::index::read;
use crate::model::Article;

/// An article whose `title` member is `value` (JSON text), after `extra` members.
fn article(extra: &str, value: &str) -> String {
    format!(r#"{{"id":"a1",{extra}"title":{value}}}"#)
}

/// Both readers on `json`: the same article, or both refuse. Returns whether it was read.
fn agree(json: &str) -> bool {
    agree_bytes(json.as_bytes())
}

fn agree_bytes(json: &[u8]) -> bool {
    let ours = read::article(json);
    let theirs = serde_json::from_slice::<Article>(json);
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "{}", String::from_utf8_lossy(json)),
        (Err(_), Err(_)) => {}
        _ => panic!(
            "disagree on {}: ours {ours:?}, serde_json {theirs:?}",
            String::from_utf8_lossy(json)
        ),
    }
    ours.is_ok()
}

#[test]
fn escapes_and_surrogates_as_serde_json_reads_them() {
    let read = [
        r#""plain""#,
        r#""q\" b\\ s\/ \b\f\n\r\t""#,
        r#""\u00e9\u00E9 \u0000 \u2028""#,
        r#""pair \ud83d\ude00 \uD83D\uDE00""#,
        "\"raw \u{e9}\u{1F600} and DEL \u{7f}\"",
        r#""""#,
    ];
    for value in read {
        assert!(agree(&article("", value)), "{value}");
    }
    let refused = [
        r#""lone lead \ud83d""#,
        r#""lone lead then text \ud83dx""#,
        r#""lead then non-trail \ud83d\u0041""#,
        r#""lead then other escape \ud83d\n""#,
        r#""two leads \ud83d\ud83d""#,
        r#""lone trail \ude00""#,
        r#""bad hex \u12g4""#,
        r#""short hex \u12""#,
        r#""unknown escape \x41""#,
        "\"raw tab \t inside\"",
        "\"raw newline \n inside\"",
        r#""cut \"#,
        r#""open"#,
        "7",
        "null",
        "[]",
    ];
    for value in refused {
        assert!(!agree(&article("", value)), "{value}");
    }
    // Text that is not UTF-8 is refused in a member read, and (like serde_json) not
    // checked in one skipped.
    assert!(!agree_bytes(b"{\"id\":\"a\",\"title\":\"\xff\"}"));
    assert!(agree_bytes(
        b"{\"id\":\"a\",\"title\":\"t\",\"x\":\"\xff\"}"
    ));
    // Surrogates too are only checked where the text is kept.
    assert!(agree(&article(r#""x":"\ud800","#, r#""t""#)));
}

#[test]
fn member_names_are_read_with_their_escapes() {
    assert!(agree(r#"{"id":"a","t\u0069tle":"t"}"#));
    assert!(!agree(r#"{"id":"a","title\ud800":"t"}"#));
}

#[test]
fn numbers_as_serde_json_reads_them() {
    let brand = |n: &str| article(&format!(r#""brand":{n},"#), r#""t""#);
    for n in ["0", "7", "4294967295", "null"] {
        assert!(agree(&brand(n)), "{n}");
    }
    for n in [
        "4294967296",
        "-1",
        "-0",
        "1.0",
        "1e2",
        "01",
        "1.",
        ".5",
        "+1",
        "-",
        "1e",
        "99999999999999999999999",
        "\"3\"",
        "true",
    ] {
        assert!(!agree(&brand(n)), "{n}");
    }
    // Numbers in skipped members: any valid JSON number, checked for syntax only.
    for n in ["-0.5e-7", "1E+400", "123456789012345678901234567890", "-0"] {
        assert!(agree(&article(&format!(r#""x":{n},"#), r#""t""#)), "{n}");
    }
    for n in ["01", "1.", "-", "1e+", "0x10"] {
        assert!(!agree(&article(&format!(r#""x":{n},"#), r#""t""#)), "{n}");
    }
}

#[test]
fn members_missing_null_repeated_and_unknown() {
    assert!(agree(r#"{"id":"a","title":"t","date":null,"image":null}"#));
    assert!(agree(r#"{"id":"a","title":"t","x":1,"x":2}"#));
    assert!(agree(
        r#"{"title":"t","id":"a","inferred":true,"topics":[1,2]}"#
    ));
    for json in [
        r#"{"id":"a"}"#,
        r#"{"id":"a","title":null}"#,
        r#"{"id":"a","title":"t","summary":null}"#,
        r#"{"id":"a","title":"t","topics":null}"#,
        r#"{"id":"a","title":"t","inferred":null}"#,
        r#"{"id":"a","title":"t","inferred":1}"#,
        r#"{"id":"a","title":"t","title":"u"}"#,
        r#"{"id":"a","title":"t","date":null,"date":null}"#,
        r#"{"id":"a","title":"t","image":{}}"#,
        r#"{"id":"a","title":"t","image":{"src":"s","src":"s"}}"#,
    ] {
        assert!(!agree(json), "{json}");
    }
    assert!(agree(
        r#"{"id":"a","title":"t","image":{"src":"s","alt":"","width":null,"height":3}}"#
    ));
}

#[test]
fn punctuation_and_whitespace_as_serde_json_reads_them() {
    assert!(agree(" \t\r\n{ \"id\" : \"a\" ,\n\"title\"\t:\"t\" } \n"));
    for json in [
        "{\"id\":\"a\",\"title\":\"t\"}\u{c}",
        "\u{c}{\"id\":\"a\",\"title\":\"t\"}",
        r#"{"id":"a","title":"t",}"#,
        r#"{"id":"a",,"title":"t"}"#,
        r#"{"id":"a" "title":"t"}"#,
        r#"{"id" "a","title":"t"}"#,
        r#"{"id":"a","title":"t"} x"#,
        r#"{"id":"a","title":"t"}{}"#,
        r#"{"id":"a","title":"t","topics":[1,]}"#,
        r#"{"id":"a","title":"t","topics":[,1]}"#,
        r#"{"id":"a","title":"t","topics":[1 2]}"#,
        r#"{"id":"a","title":"t","x":[1,]}"#,
        r#"{"id":"a","title":"t","x":{"k":1,}}"#,
        r#"{"id":"a","title":"t","x":{1:1}}"#,
        r#"{"id":"a","title":"t","x":tru}"#,
        r#"{"id":"a","title":"t","x":nulll}"#,
        r#"{'id':"a","title":"t"}"#,
        "",
        "{",
    ] {
        assert!(!agree(json), "{json:?}");
    }
}

#[test]
fn deep_skipped_values_do_not_overflow_the_stack() {
    let depth = 200_000;
    let deep = format!("{}1{}", "[{\"k\":".repeat(depth), "}]".repeat(depth));
    // serde_json skips unknown values without recursion too.
    assert!(agree(&article(&format!(r#""x":{deep},"#), r#""t""#)));
    // Unbalanced: refused, as truncated.
    let open = article(&format!(r#""x":{},"#, "[".repeat(depth)), r#""t""#);
    assert_eq!(
        read::article(open.as_bytes()).unwrap_err().fault,
        Fault::Syntax
    );
    let cut = format!(r#"{{"id":"a","x":{}"#, "[".repeat(depth));
    assert_eq!(
        read::article(cut.as_bytes()).unwrap_err().fault,
        Fault::Truncated
    );
}

#[test]
fn errors_point_at_the_fault() {
    let json = r#"{"id":"a","title":17}"#;
    let e = read::article(json.as_bytes()).unwrap_err();
    assert_eq!(e.fault, Fault::Shape);
    assert_eq!(e.at, json.find("17").unwrap());
    assert_eq!(e.detail, "expected a string, found a number");

    let json = r#"{"id":"a","brand":-3,"title":"t"}"#;
    let e = read::article(json.as_bytes()).unwrap_err();
    assert_eq!(
        e.detail,
        "expected a whole number from 0 to 4294967295, found -3"
    );

    let json = r#"{"id":"a"}"#;
    let e = read::article(json.as_bytes()).unwrap_err();
    assert_eq!(
        (e.at, e.detail.as_str()),
        (json.len(), "the member `title` is missing")
    );

    let json = r#"{"id":"a","title":"t\q"}"#;
    let e = read::article(json.as_bytes()).unwrap_err();
    assert_eq!((e.fault, e.at), (Fault::Syntax, json.find('\\').unwrap()));
}

#[test]
fn names_without_escapes_are_still_checked_for_utf8() {
    assert!(!agree_bytes(b"{\"id\":\"a\",\"title\":\"t\",\"\xff\":1}"));
    assert!(agree_bytes(
        "{\"id\":\"a\",\"title\":\"t\",\"\u{e9}\":1}".as_bytes()
    ));
}

#[test]
fn plain_runs_end_where_a_bytewise_scan_ends() {
    let special = |b: u8| b == b'"' || b == b'\\' || b < 0x20;
    // Every special byte at every place of a 20-byte run, among ASCII and UTF-8 text.
    let base: Vec<u8> = "ab\u{e9}cdefgh\u{1F600}ijkl".bytes().collect();
    for at in 0..=base.len() {
        for byte in [b'"', b'\\', 0x00, 0x1F, b' ', 0x7F, 0xFF, 0x80] {
            let mut bytes = base.clone();
            bytes.insert(at, byte);
            let want = bytes
                .iter()
                .position(|&b| special(b))
                .unwrap_or(bytes.len());
            assert_eq!(super::plain_run(&bytes), want, "{byte:#x} at {at}");
        }
    }
}

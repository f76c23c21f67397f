//! Names the JSON member at a byte offset (`articles[2].title`), so a parse error that only
//! knows its offset can say which member of the index is at fault.
//!
//! Why not a path-tracking deserializer: running the whole typed decoder a second time
//! through a tracking wrapper doubles the decoder's code in the Wasm; this walk is a few
//! hundred bytes. It assumes well-formed JSON up to the offset (syntax errors are reported
//! before a path is asked for) and never panics on anything else.

/// Where the walk is inside one open container.
enum Frame {
    /// In an object: the name of the member last started, if any.
    Object(Option<String>),
    /// In an array: the position of the element last started.
    Array(usize),
}

/// The path of the innermost member open (or just ended) at `offset` in `json`, in the
/// notation of the decoder's messages: `.` for the top level, else `a.b[3].c`.
pub fn path_at(json: &[u8], offset: usize) -> String {
    let mut stack: Vec<Frame> = Vec::new();
    let end = offset.min(json.len());
    let mut i = 0;
    while i < end {
        match json[i] {
            b'{' => stack.push(Frame::Object(None)),
            b'[' => stack.push(Frame::Array(0)),
            b'}' | b']' => {
                stack.pop();
            }
            b',' => {
                if let Some(Frame::Array(n)) = stack.last_mut() {
                    *n += 1;
                }
            }
            b'"' => {
                let (text, next) = string_at(json, i + 1);
                i = next;
                // A string directly followed by `:` is a member name.
                let mut j = next;
                while j < json.len() && json[j].is_ascii_whitespace() {
                    j += 1;
                }
                if j < end && json[j] == b':' {
                    if let Some(Frame::Object(key)) = stack.last_mut() {
                        *key = Some(text);
                    }
                }
                continue;
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for frame in &stack {
        match frame {
            Frame::Object(Some(key)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(key);
            }
            Frame::Object(None) => {}
            Frame::Array(n) => {
                path.push('[');
                path.push_str(&n.to_string());
                path.push(']');
            }
        }
    }
    if path.is_empty() {
        path.push('.');
    }
    path
}

/// The raw text of the string whose body starts at `start` (escapes kept as written: member
/// names in an index are plain), and the offset just past its closing quote.
fn string_at(json: &[u8], start: usize) -> (String, usize) {
    let mut i = start;
    while i < json.len() {
        match json[i] {
            b'\\' => i += 2,
            b'"' => {
                let text = String::from_utf8_lossy(&json[start..i]).into_owned();
                return (text, i + 1);
            }
            _ => i += 1,
        }
    }
    (String::new(), json.len())
}

/// The 1-based line and column (in bytes) of byte `offset`, for messages.
pub fn line_column(json: &[u8], offset: usize) -> (usize, usize) {
    let offset = offset.min(json.len());
    let before = &json[..offset];
    let line_start = before
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |n| n + 1);
    let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
    (line, offset - line_start + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(json: &str, marker: &str) -> String {
        let offset = json.find(marker).expect(marker) + marker.len();
        path_at(json.as_bytes(), offset)
    }

    #[test]
    fn names_members_and_positions() {
        let json = r#"{"a":1,"list":[{"x":1},{"x":"MARK","y":2}],"b":{"c":[1,2,3]}}"#;
        assert_eq!(at(json, "\"MARK\""), "list[1].x");
        assert_eq!(at(json, "\"y\":2"), "list[1].y");
        assert_eq!(at(json, "[1,2"), "b.c[1]");
        assert_eq!(at(json, "\"a\":1"), "a");
        assert_eq!(path_at(json.as_bytes(), 0), ".");
    }

    #[test]
    fn an_ended_object_is_named_by_its_place() {
        // A missing member is reported just after the object's closing brace.
        let json = r#"{"list":[{"x":1},{"y":2}]}"#;
        assert_eq!(at(json, "{\"y\":2}"), "list[1]");
    }

    #[test]
    fn strings_with_brackets_and_escapes_do_not_confuse_it() {
        let json = r#"{"t":[{"s":"a ] } \" , [ {","n":"MARK"}]}"#;
        assert_eq!(at(json, "\"MARK\""), "t[0].n");
    }

    #[test]
    fn offsets_become_lines_and_columns() {
        let json = b"{\n  \"a\": 1,\n  \"b\": x\n}";
        let x = json.iter().position(|&b| b == b'x').unwrap();
        assert_eq!(line_column(json, x), (3, 8));
        assert_eq!(line_column(json, 0), (1, 1));
        assert_eq!(line_column(json, json.len()), (4, 2));
        assert_eq!(path_at(json, x), "b");
    }

    #[test]
    fn never_panics_on_odd_input() {
        for json in ["", "\"", "\"\\", "}}]]", "{\"a\":", "[,,,"] {
            for offset in 0..=json.len() + 2 {
                let _ = path_at(json.as_bytes(), offset);
            }
        }
    }
}

//! A small pull reader for JSON text: the syntax half of reading an index (the schema half
//! is [`super::read`]).
//!
//! Why not serde_json in the widget: serde_json compiles one parser per model type, about a
//! third of the Wasm's code, while this reader is compiled once (only the little list and
//! option helpers are generic) and the schema readers on top of it are plain code.
//!
//! It reads what serde_json reads, with the same rules, because serde_json remains the
//! oracle it is tested against (`super::oracle`): whitespace is space, tab, LF and CR;
//! strings may not hold control characters, must be UTF-8, and `\u` escapes must pair their
//! surrogates; numbers follow JSON's grammar (no leading zeros, no `+`, no bare `.`); after
//! the value only whitespace may follow. Values the schema does not know (unknown members)
//! are checked for syntax only, as serde_json's ignored values are: their strings are not
//! checked for UTF-8 or surrogates. Skipping nests on a heap stack, never the call stack, so
//! no depth of input can overflow it; the schema's own values nest a fixed few levels.
//!
//! Errors carry a byte offset and a kind; `super::decode` turns them into messages with a
//! line, a column and the member path.

use std::borrow::Cow;

/// What went wrong, which decides how the fault is explained.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fault {
    /// The text ends before the JSON value does.
    Truncated,
    /// The text is not JSON.
    Syntax,
    /// Valid JSON, but not of the shape asked for (a wrong type, a missing member).
    Shape,
}

/// A fault, where it is (byte offset into the text read) and what it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReadError {
    pub fault: Fault,
    pub at: usize,
    pub detail: String,
}

pub type Result<T> = std::result::Result<T, ReadError>;

/// Reads one JSON text front to back. The schema readers drive it: `object` + `member` for
/// objects, `array` + `element` for arrays, and one call per scalar.
pub struct Reader<'a> {
    json: &'a [u8],
    pos: usize,
    /// Just after `{` or `[` (so `member`/`element` expect no comma before the first item).
    /// One flag is enough: containers are read strictly nested.
    opened: bool,
    /// Decoded text of a string with escapes (reused between strings).
    scratch: Vec<u8>,
}

const LONE: &str = "a \\u escape of a lone surrogate";

/// The longest number text quoted in a message.
const QUOTE_CAP: usize = 24;

impl<'a> Reader<'a> {
    pub fn new(json: &'a [u8]) -> Self {
        Reader {
            json,
            pos: 0,
            opened: false,
            scratch: Vec::new(),
        }
    }

    fn fail(&self, fault: Fault, at: usize, detail: impl Into<String>) -> ReadError {
        ReadError {
            fault,
            at,
            detail: detail.into(),
        }
    }

    /// A syntax error at `at`, or a truncation when the text has ended there.
    fn syntax(&self, at: usize, detail: &str) -> ReadError {
        if at >= self.json.len() {
            self.fail(Fault::Truncated, at, "the text ends early")
        } else {
            self.fail(Fault::Syntax, at, detail)
        }
    }

    /// Skips whitespace; the next byte, not consumed.
    fn space(&mut self) -> Option<u8> {
        while let Some(&b) = self.json.get(self.pos) {
            if !matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                return Some(b);
            }
            self.pos += 1;
        }
        None
    }

    /// Consumes `byte` after whitespace, or fails saying `expected`.
    fn expect(&mut self, byte: u8, expected: &str) -> Result<()> {
        if self.space() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(self.syntax(self.pos, expected))
        }
    }

    /// Only whitespace may follow the value read.
    pub fn end(&mut self) -> Result<()> {
        match self.space() {
            None => Ok(()),
            Some(_) => Err(self.fail(
                Fault::Syntax,
                self.pos,
                "trailing characters after the value",
            )),
        }
    }

    /// The error for a value of the wrong type, naming what was found. A malformed value
    /// there is a syntax error instead (what serde_json reports too).
    fn wrong_type(&mut self, expected: &str) -> ReadError {
        let at = self.pos;
        let found = match self.json.get(at) {
            None => return self.syntax(at, ""),
            Some(b'"') => "a string",
            Some(b'{') => "an object",
            Some(b'[') => "an array",
            Some(b'-' | b'0'..=b'9') => "a number",
            Some(b't' | b'f' | b'n') => match self.literal() {
                Err(e) => return e,
                Ok(b'n') => "null",
                Ok(_) => "a boolean",
            },
            Some(_) => return self.syntax(at, "expected a value"),
        };
        self.fail(
            Fault::Shape,
            at,
            format!("expected {expected}, found {found}"),
        )
    }

    /// Consumes `true`, `false` or `null` (the next byte is its first letter); returns that
    /// first letter.
    fn literal(&mut self) -> Result<u8> {
        let first = self.json[self.pos];
        let word: &[u8] = match first {
            b't' => b"true",
            b'f' => b"false",
            _ => b"null",
        };
        let rest = &self.json[self.pos..];
        if rest.starts_with(word) {
            self.pos += word.len();
            Ok(first)
        } else if word.starts_with(rest) {
            Err(self.syntax(self.json.len(), ""))
        } else {
            Err(self.fail(Fault::Syntax, self.pos, "expected a value"))
        }
    }

    // ---- containers ----------------------------------------------------------------------

    /// Opens an object (`{`).
    pub fn object(&mut self) -> Result<()> {
        if self.space() == Some(b'{') {
            self.pos += 1;
            self.opened = true;
            Ok(())
        } else {
            Err(self.wrong_type("an object"))
        }
    }

    /// The next member of the open object: its position in `names`, its value next to be
    /// read; `None` after the closing `}`. Members not in `names` are skipped here. `seen`
    /// holds one bit per name, so a member given twice is refused (as serde_json does).
    pub fn member(&mut self, names: &[&str], seen: &mut u32) -> Result<Option<usize>> {
        loop {
            let first = std::mem::take(&mut self.opened);
            let mut next = self.space();
            if next == Some(b'}') {
                self.pos += 1;
                return Ok(None);
            }
            if !first {
                if next != Some(b',') {
                    return Err(self.syntax(self.pos, "expected `,` or `}` after a member"));
                }
                self.pos += 1;
                next = self.space();
            }
            if next != Some(b'"') {
                return Err(self.syntax(self.pos, "expected a member name in quotes"));
            }
            let slot = self.name(names)?;
            self.expect(b':', "expected `:` after a member name")?;
            self.space();
            match slot {
                Some(i) => {
                    if *seen & (1 << i) != 0 {
                        return Err(self.fail(
                            Fault::Shape,
                            self.pos,
                            format!("the member `{}` is given twice", names[i]),
                        ));
                    }
                    *seen |= 1 << i;
                    return Ok(Some(i));
                }
                None => self.skip()?,
            }
        }
    }

    /// Reads a member name (the current byte is its `"`); its position in `names`.
    fn name(&mut self, names: &[&str]) -> Result<Option<usize>> {
        let find = |key: &[u8]| {
            // Length and first byte first: most names differ there, and a full compare
            // of each candidate was a visible share of reading time.
            names.iter().position(|name| {
                name.len() == key.len()
                    && name.as_bytes().first() == key.first()
                    && *name.as_bytes() == *key
            })
        };
        let start = self.pos + 1;
        let end = start + plain_run(&self.json[start..]);
        if self.json.get(end) != Some(&b'"') {
            // Escapes (or a fault): the general path.
            let key = self.text(true)?;
            return Ok(find(key.as_bytes()));
        }
        // Without escapes a name is its bytes: a known one is valid UTF-8 as it stands,
        // and only an unknown one needs checking (serde_json refuses it otherwise).
        let key = &self.json[start..end];
        let slot = find(key);
        if slot.is_none() && std::str::from_utf8(key).is_err() {
            return Err(self.fail(Fault::Syntax, self.pos, "a string that is not valid UTF-8"));
        }
        self.pos = end + 1;
        Ok(slot)
    }

    /// The error for the member `name` missing from the object just closed.
    pub fn missing(&self, name: &str) -> ReadError {
        self.fail(
            Fault::Shape,
            self.pos,
            format!("the member `{name}` is missing"),
        )
    }

    /// Opens an array (`[`).
    pub fn array(&mut self) -> Result<()> {
        if self.space() == Some(b'[') {
            self.pos += 1;
            self.opened = true;
            Ok(())
        } else {
            Err(self.wrong_type("an array"))
        }
    }

    /// True when the open array has another element (read it next); false after its `]`.
    pub fn element(&mut self) -> Result<bool> {
        let first = std::mem::take(&mut self.opened);
        if self.space() == Some(b']') {
            self.pos += 1;
            return Ok(false);
        }
        if !first {
            self.expect(b',', "expected `,` or `]` after an element")?;
        }
        Ok(true)
    }

    // ---- scalars -------------------------------------------------------------------------

    /// Consumes a `null`; false (nothing consumed) when the value is something else.
    pub fn null(&mut self) -> Result<bool> {
        if self.space() == Some(b'n') {
            self.literal()?;
            return Ok(true);
        }
        Ok(false)
    }

    pub fn bool(&mut self) -> Result<bool> {
        match self.space() {
            Some(b't' | b'f') => Ok(self.literal()? == b't'),
            _ => Err(self.wrong_type("true or false")),
        }
    }

    pub fn string(&mut self) -> Result<String> {
        if self.space() != Some(b'"') {
            return Err(self.wrong_type("a string"));
        }
        Ok(self.text(true)?.into_owned())
    }

    /// A whole number from 0 to `max`.
    pub fn unsigned(&mut self, max: u64) -> Result<u64> {
        if !matches!(self.space(), Some(b'-' | b'0'..=b'9')) {
            return Err(self.wrong_type("a whole number"));
        }
        let start = self.pos;
        match self.number()? {
            Some(n) if n <= max => Ok(n),
            _ => {
                let text = &self.json[start..self.pos.min(start + QUOTE_CAP)];
                let text = String::from_utf8_lossy(text);
                let more = if self.pos - start > QUOTE_CAP {
                    "..."
                } else {
                    ""
                };
                Err(self.fail(
                    Fault::Shape,
                    start,
                    format!("expected a whole number from 0 to {max}, found {text}{more}"),
                ))
            }
        }
    }

    /// Consumes a number; its value when it is a whole number without sign, fraction or
    /// exponent that fits in a u64 (the only numbers the schema holds).
    fn number(&mut self) -> Result<Option<u64>> {
        let negative = self.json[self.pos] == b'-';
        if negative {
            self.pos += 1;
        }
        let mut value = Some(0u64);
        match self.json.get(self.pos) {
            Some(b'0') => {
                self.pos += 1;
                if matches!(self.json.get(self.pos), Some(b'0'..=b'9')) {
                    return Err(self.syntax(self.pos, "a number may not start with 0"));
                }
            }
            Some(b'1'..=b'9') => {
                while let Some(&d @ b'0'..=b'9') = self.json.get(self.pos) {
                    value = value
                        .and_then(|v| v.checked_mul(10))
                        .and_then(|v| v.checked_add(u64::from(d - b'0')));
                    self.pos += 1;
                }
            }
            _ => return Err(self.syntax(self.pos, "expected a digit")),
        }
        let mut whole = !negative;
        if self.json.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            self.digits()?;
            whole = false;
        }
        if matches!(self.json.get(self.pos), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.json.get(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            self.digits()?;
            whole = false;
        }
        Ok(value.filter(|_| whole))
    }

    /// One or more digits (of a fraction or an exponent).
    fn digits(&mut self) -> Result<()> {
        let start = self.pos;
        while matches!(self.json.get(self.pos), Some(b'0'..=b'9')) {
            self.pos += 1;
        }
        if self.pos == start {
            return Err(self.syntax(self.pos, "expected a digit"));
        }
        Ok(())
    }

    /// Reads the string opening at the current byte (a `"`). With `decode`, returns its
    /// text, escapes decoded and checked like serde_json checks a string it keeps; without,
    /// only its syntax is checked (as serde_json checks a string it ignores) and the result
    /// is empty.
    fn text(&mut self, decode: bool) -> Result<Cow<'a, str>> {
        let open = self.pos;
        let json = self.json;
        self.pos += 1;
        self.scratch.clear();
        let mut run = self.pos;
        let mut escaped = false;
        loop {
            self.pos += plain_run(&json[self.pos..]);
            match json.get(self.pos) {
                None => return Err(self.syntax(self.pos, "")),
                Some(b'"') => break,
                Some(b'\\') => {
                    if decode {
                        self.scratch.extend_from_slice(&json[run..self.pos]);
                    }
                    self.escape(decode)?;
                    run = self.pos;
                    escaped = true;
                }
                Some(0..=0x1F) => {
                    return Err(self.syntax(self.pos, "a control character inside a string"))
                }
                Some(_) => self.pos += 1,
            }
        }
        let end = self.pos;
        self.pos += 1;
        if !decode {
            return Ok(Cow::Borrowed(""));
        }
        let text = if escaped {
            self.scratch.extend_from_slice(&json[run..end]);
            String::from_utf8(std::mem::take(&mut self.scratch))
                .map(Cow::Owned)
                .ok()
        } else {
            std::str::from_utf8(&json[run..end]).map(Cow::Borrowed).ok()
        };
        text.ok_or_else(|| self.fail(Fault::Syntax, open, "a string that is not valid UTF-8"))
    }

    /// Reads the escape sequence at the current byte (a `\`), appending what it stands for
    /// to `scratch` when `decode`.
    fn escape(&mut self, decode: bool) -> Result<()> {
        let at = self.pos;
        let byte = match self.json.get(at + 1) {
            None => return Err(self.syntax(at + 1, "")),
            Some(&b) => b,
        };
        self.pos = at + 2;
        let plain = match byte {
            b'"' | b'\\' | b'/' => byte,
            b'b' => 0x08,
            b'f' => 0x0C,
            b'n' => b'\n',
            b'r' => b'\r',
            b't' => b'\t',
            b'u' => return self.unicode_escape(decode),
            _ => return Err(self.fail(Fault::Syntax, at, "an unknown escape sequence")),
        };
        if decode {
            self.scratch.push(plain);
        }
        Ok(())
    }

    /// After `\u`: four hex digits, and for a leading surrogate its trailing half as a
    /// second `\u` escape. A lone surrogate is refused when decoding (it is no character).
    fn unicode_escape(&mut self, decode: bool) -> Result<()> {
        let at = self.pos - 2;
        let unit = self.hex4()?;
        if !decode {
            return Ok(());
        }
        let code = match unit {
            0xDC00..=0xDFFF => return Err(self.fail(Fault::Syntax, at, LONE)),
            0xD800..=0xDBFF => {
                if self.json.get(self.pos..self.pos + 2) != Some(b"\\u") {
                    return Err(if self.pos + 2 > self.json.len() {
                        self.syntax(self.json.len(), "")
                    } else {
                        self.fail(Fault::Syntax, at, LONE)
                    });
                }
                self.pos += 2;
                let low = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&low) {
                    return Err(self.fail(Fault::Syntax, at, LONE));
                }
                0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00)
            }
            _ => u32::from(unit),
        };
        // Every value left is a scalar value: surrogates were handled above.
        let c = char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER);
        let mut buf = [0; 4];
        self.scratch
            .extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
        Ok(())
    }

    fn hex4(&mut self) -> Result<u16> {
        let mut unit = 0u16;
        for _ in 0..4 {
            let digit = match self.json.get(self.pos) {
                None => return Err(self.syntax(self.pos, "")),
                Some(&b) => (b as char).to_digit(16),
            };
            let Some(digit) = digit else {
                return Err(self.fail(
                    Fault::Syntax,
                    self.pos,
                    "expected a hex digit in a \\u escape",
                ));
            };
            unit = unit << 4 | digit as u16;
            self.pos += 1;
        }
        Ok(unit)
    }

    // ---- skipping --------------------------------------------------------------------------

    /// Skips one value of any type and depth, checking its syntax.
    pub fn skip(&mut self) -> Result<()> {
        self.raw().map(|_| ())
    }

    /// Skips one value like [`Reader::skip`]; returns its text.
    pub fn raw(&mut self) -> Result<&'a [u8]> {
        // The closing bracket each open container expects, innermost last.
        let mut open: Vec<u8> = Vec::new();
        self.space();
        let start = self.pos;
        loop {
            // A value is expected here.
            match self.space() {
                Some(b'"') => {
                    self.text(false)?;
                }
                Some(b'-' | b'0'..=b'9') => {
                    self.number()?;
                }
                Some(b't' | b'f' | b'n') => {
                    self.literal()?;
                }
                Some(b'{') => {
                    self.pos += 1;
                    if self.space() == Some(b'}') {
                        self.pos += 1;
                    } else {
                        open.push(b'}');
                        self.name_and_colon()?;
                        continue;
                    }
                }
                Some(b'[') => {
                    self.pos += 1;
                    if self.space() == Some(b']') {
                        self.pos += 1;
                    } else {
                        open.push(b']');
                        continue;
                    }
                }
                _ => return Err(self.syntax(self.pos, "expected a value")),
            }
            // After a value: close containers until one continues with a comma.
            loop {
                let Some(&close) = open.last() else {
                    return Ok(&self.json[start..self.pos]);
                };
                match self.space() {
                    Some(b',') => {
                        self.pos += 1;
                        if close == b'}' {
                            self.name_and_colon()?;
                        }
                        break;
                    }
                    Some(b) if b == close => {
                        self.pos += 1;
                        open.pop();
                    }
                    _ => return Err(self.syntax(self.pos, "expected `,` or a closing bracket")),
                }
            }
        }
    }

    /// A member name and its colon, inside a skipped object.
    fn name_and_colon(&mut self) -> Result<()> {
        if self.space() != Some(b'"') {
            return Err(self.syntax(self.pos, "expected a member name in quotes"));
        }
        self.text(false)?;
        self.expect(b':', "expected `:` after a member name")
    }
}

/// The length of the run of plain string text (not `"`, `\\` or a control character) that
/// `bytes` starts with. Most of an index is string text, so this looks at eight bytes at a
/// time (the classic bit trick for "some byte is zero"), then finds the byte bytewise.
fn plain_run(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGH: u64 = ONES << 7;
    // Nonzero when some byte of `w` is below `n` (exact for the lowest such byte).
    let below = |w: u64, n: u8| w.wrapping_sub(ONES * u64::from(n)) & !w & HIGH;
    let mut start = 0;
    for chunk in bytes.chunks_exact(8) {
        let w = u64::from_le_bytes(chunk.try_into().unwrap_or([0; 8]));
        if below(w ^ (ONES * u64::from(b'"')), 1)
            | below(w ^ (ONES * u64::from(b'\\')), 1)
            | below(w, 0x20)
            != 0
        {
            break;
        }
        start += 8;
    }
    let rest = &bytes[start..];
    start
        + rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .unwrap_or(rest.len())
}

#[cfg(test)]
mod tests;

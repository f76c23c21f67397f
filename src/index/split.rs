//! Finds where the first-view prefix of an index ends while its bytes are still arriving,
//! so the widget can paint the browse view before the rest of a large index has downloaded.
//!
//! A small incremental JSON scanner: it tracks nesting depth and strings (with escapes)
//! across chunk boundaries, reads the names of top-level members, and stops at the end of
//! the top-level `firstView` member's value. It does not validate JSON; the parser that
//! reads the prefix does. `firstView` is reported absent when the top-level object closes
//! without it, when its value is not an object, or when `offerings` or `articles` starts
//! first (the indexer writes those after it, so it is not in the small prefix).

/// Feed it the index's bytes chunk by chunk; it reports the length of the prefix that ends
/// with the `firstView` member's value, or that the index has no `firstView` at top level.
#[derive(Debug, Default)]
pub struct PrefixScanner {
    /// Bytes consumed before the current chunk.
    offset: usize,
    state: Option<PrefixState>,
    /// The top-level `{` has been seen.
    started: bool,
    /// Bytes of a leading byte-order mark seen.
    bom: usize,
    depth: u32,
    string: StringState,
    /// Where we are among the top-level members.
    expect: Expect,
    /// The name of the current top-level member (capped: longer names are not ours).
    key: Vec<u8>,
    in_first_view: bool,
}

/// What the scanner knows so far.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PrefixState {
    /// Keep feeding.
    Pending,
    /// The first `len` bytes hold every member up to and including `firstView`.
    Found { len: usize },
    /// The top-level object ended (or a later member began) without a `firstView`.
    Absent,
}

#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Expect {
    #[default]
    Key,
    /// Inside the key string.
    KeyText,
    Colon,
    Value,
    /// After a top-level value, before `,` or `}`.
    Next,
}

/// Whether the bytes of a JSON text are inside a string, across chunk boundaries: what both
/// stream scanners (this one and [`super::stream`]) need to tell structure from text.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct StringState {
    inside: bool,
    escaped: bool,
}

/// One byte, as far as strings go.
pub(super) enum StringByte {
    Outside,
    /// Part of a string, escape sequences included (so a member name written with
    /// escapes never equals the plain name a scanner looks for).
    Inside,
    /// The closing quote.
    Closing,
}

impl StringState {
    /// Call on an opening quote (a `"` seen while [`StringState::step`] said `Outside`).
    pub(super) fn open(&mut self) {
        self.inside = true;
    }

    pub(super) fn step(&mut self, byte: u8) -> StringByte {
        if !self.inside {
            return StringByte::Outside;
        }
        if self.escaped {
            self.escaped = false;
            return StringByte::Inside;
        }
        match byte {
            b'\\' => {
                self.escaped = true;
                StringByte::Inside
            }
            b'"' => {
                self.inside = false;
                StringByte::Closing
            }
            _ => StringByte::Inside,
        }
    }
}

/// Longest member name worth remembering (`firstView`, `offerings`, `articles`).
const KEY_CAP: usize = 16;
const BOM: &[u8] = b"\xEF\xBB\xBF";

impl PrefixScanner {
    pub fn new() -> Self {
        Self::default()
    }

    /// Scans the next chunk; chunks are the consecutive pieces of one document.
    pub fn feed(&mut self, chunk: &[u8]) -> PrefixState {
        if let Some(state) = self.state {
            return state;
        }
        for (i, &byte) in chunk.iter().enumerate() {
            if let Some(state) = self.step(byte, self.offset + i) {
                self.state = Some(state);
                return state;
            }
        }
        self.offset += chunk.len();
        PrefixState::Pending
    }

    /// Consumes the byte at position `at`; returns the final state once it is known.
    fn step(&mut self, byte: u8, at: usize) -> Option<PrefixState> {
        if !self.started {
            // A byte-order mark may open the document; whitespace may precede the object.
            if at == self.bom && self.bom < BOM.len() && byte == BOM[self.bom] {
                self.bom += 1;
                return None;
            }
            return match byte {
                _ if self.bom != 0 && self.bom != BOM.len() => Some(PrefixState::Absent),
                b' ' | b'\t' | b'\n' | b'\r' => None,
                b'{' => {
                    self.started = true;
                    self.depth = 1;
                    None
                }
                _ => Some(PrefixState::Absent),
            };
        }
        let key_text = self.depth == 1 && self.expect == Expect::KeyText;
        match self.string.step(byte) {
            StringByte::Outside => {}
            StringByte::Closing => {
                if key_text {
                    self.expect = Expect::Colon;
                }
                return None;
            }
            StringByte::Inside => {
                if key_text && self.key.len() <= KEY_CAP {
                    self.key.push(byte);
                }
                return None;
            }
        }
        match byte {
            b' ' | b'\t' | b'\n' | b'\r' => {}
            b'"' => {
                self.string.open();
                if self.depth == 1 {
                    match self.expect {
                        Expect::Key => {
                            self.key.clear();
                            self.expect = Expect::KeyText;
                        }
                        Expect::Value => return self.value_starts(false),
                        _ => {}
                    }
                }
            }
            b':' if self.depth == 1 && self.expect == Expect::Colon => self.expect = Expect::Value,
            b',' if self.depth == 1 => self.expect = Expect::Key,
            b'{' | b'[' => {
                if self.depth == 1 && self.expect == Expect::Value {
                    if let Some(state) = self.value_starts(byte == b'{') {
                        return Some(state);
                    }
                }
                self.depth += 1;
            }
            b'}' | b']' => {
                self.depth = self.depth.saturating_sub(1);
                if self.depth == 1 && self.in_first_view {
                    return Some(PrefixState::Found { len: at + 1 });
                }
                if self.depth == 0 {
                    return Some(PrefixState::Absent);
                }
            }
            _ => {
                if self.depth == 1 && self.expect == Expect::Value {
                    return self.value_starts(false);
                }
            }
        }
        None
    }

    /// A top-level member's value begins; `object` when it is `{`.
    fn value_starts(&mut self, object: bool) -> Option<PrefixState> {
        self.expect = Expect::Next;
        match self.key.as_slice() {
            b"firstView" if object => {
                self.in_first_view = true;
                None
            }
            b"firstView" | b"offerings" | b"articles" => Some(PrefixState::Absent),
            _ => None,
        }
    }
}

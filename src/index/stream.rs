//! Decodes an index while its bytes are still arriving, one article at a time.
//!
//! The widget streams large indexes. Parsing them in one go after the download (from a
//! reader or from one buffer) either holds the whole text in Wasm memory, which never
//! shrinks, or goes through a byte-at-a-time reader, which at 10k articles took hundreds
//! of milliseconds of one long task after the first paint. This decoder instead
//! cuts each element of the top-level `articles` array out of the stream as soon as its
//! closing brace arrives and parses it from its own small slice; every other member (the
//! dictionaries, the first view, the offerings: small and bounded) is kept as text and
//! parsed at the end, with `"articles":[]` in place of the array. So the work is spread
//! over the download, memory holds the model plus one article's text, and the result is
//! checked by the same [`validate`] as [`super::decode`].
//!
//! It reads only the shape the indexer writes (an object, `articles` an array of objects).
//! Anything else, and any article that does not parse, makes [`StreamDecoder::finish`]
//! return `None`: the caller then hands the whole text to [`super::decode`], which says
//! precisely what is wrong. So this is a fast path, never a second source of error messages.

use super::decode::{validate, IndexError};
use super::read;
use super::split::{StringByte, StringState};
use crate::model::{Article, Index};

/// Feed it the index's bytes in order, in chunks of any size; then call `finish`.
#[derive(Debug, Default)]
pub struct StreamDecoder {
    /// Every byte outside the articles array's elements (with `[]` for the array).
    rest: Vec<u8>,
    /// The text of the article being received.
    element: Vec<u8>,
    articles: Vec<Article>,
    /// Something this fast path does not read: leave it all to `decode`.
    given_up: bool,
    started: bool,
    /// Leading byte-order-mark bytes seen.
    bom: usize,
    depth: u32,
    string: StringState,
    /// The top-level member names seen so far spell `articles` for the current value.
    key: Vec<u8>,
    key_open: bool,
    /// Inside the top-level `articles` array (depth 2 between elements).
    in_articles: bool,
    /// Expecting a top-level value (after a top-level `:`).
    value_next: bool,
    /// Where we are between the articles array's elements.
    between: Between,
}

/// The articles array's punctuation, checked here because its commas and spaces are not
/// kept for the final parse.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum Between {
    /// After `[`: an element or `]`.
    #[default]
    Start,
    /// After an element: `,` or `]`.
    Element,
    /// After `,`: an element.
    Comma,
}

/// JSON's whitespace (not Rust's, which also has form feed).
fn is_space(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

impl StreamDecoder {
    pub fn new() -> Self {
        Self::default()
    }

    /// Consumes the next chunk of the document.
    pub fn feed(&mut self, chunk: &[u8]) {
        if self.given_up {
            return;
        }
        for &byte in chunk {
            if !self.step(byte) {
                self.give_up();
                return;
            }
        }
    }

    /// The decoded, validated index; `None` when the text was not in the shape this fast
    /// path reads (pass the whole text to [`super::decode`] then).
    pub fn finish(self) -> Option<Result<Index, IndexError>> {
        if self.given_up || !self.started || self.depth != 0 {
            return None;
        }
        let mut index = read::index(&self.rest).ok()?;
        index.articles = self.articles;
        Some(validate(index))
    }

    fn give_up(&mut self) {
        self.given_up = true;
        self.rest = Vec::new();
        self.element = Vec::new();
        self.articles = Vec::new();
    }

    /// Takes one byte; false when the document is not in the shape read here.
    fn step(&mut self, byte: u8) -> bool {
        if !self.started {
            return self.before_start(byte);
        }
        if self.depth == 0 {
            // After the top-level object only whitespace may follow.
            return is_space(byte);
        }
        let in_element = self.in_articles && self.depth >= 3;
        if in_element {
            self.element.push(byte);
        } else if !(self.in_articles && self.depth == 2) {
            self.rest.push(byte);
        }
        match self.string.step(byte) {
            StringByte::Outside => {}
            StringByte::Closing => {
                self.key_open = false;
                return true;
            }
            StringByte::Inside => {
                if self.key_open && self.key.len() <= 8 {
                    self.key.push(byte);
                }
                return true;
            }
        }
        match byte {
            b'"' => {
                if self.in_articles && self.depth == 2 {
                    return false; // a string element (it would be lost between articles)
                }
                self.string.open();
                // A top-level member name starts where a value is not expected.
                if self.depth == 1 && !self.value_next {
                    self.key.clear();
                    self.key_open = true;
                }
                self.value_next = false;
            }
            b':' if self.depth == 1 => self.value_next = true,
            b'{' | b'[' => {
                let articles = self.depth == 1 && self.value_next && self.key == b"articles";
                self.value_next = false;
                if self.in_articles && self.depth == 2 {
                    if byte != b'{' || self.between == Between::Element {
                        return false;
                    }
                    self.element.clear();
                    self.element.push(byte);
                } else if articles {
                    if byte != b'[' {
                        return false;
                    }
                    self.in_articles = true;
                    self.between = Between::Start;
                }
                self.depth += 1;
            }
            b'}' | b']' => {
                if self.in_articles && self.depth == 2 {
                    // The array's own end: not after a comma, and not a `}`.
                    if byte != b']' || self.between == Between::Comma {
                        return false;
                    }
                    self.in_articles = false;
                    self.rest.push(b']');
                }
                self.depth -= 1;
                if self.in_articles && self.depth == 2 {
                    self.between = Between::Element;
                    return self.article_done();
                }
            }
            b',' if self.in_articles && self.depth == 2 => {
                if self.between != Between::Element {
                    return false;
                }
                self.between = Between::Comma;
            }
            _ if is_space(byte) => {}
            _ => {
                if self.in_articles && self.depth == 2 {
                    return false; // an element that is not an object
                }
                self.value_next = false;
            }
        }
        true
    }

    /// Bytes before the top-level `{`: an optional byte-order mark, then whitespace.
    fn before_start(&mut self, byte: u8) -> bool {
        if self.bom < BOM.len() && byte == BOM[self.bom] && self.rest.is_empty() {
            self.bom += 1;
            return true;
        }
        if self.bom != 0 && self.bom != BOM.len() {
            return false;
        }
        match byte {
            b'{' => {
                self.started = true;
                self.depth = 1;
                self.rest.push(byte);
                true
            }
            _ => is_space(byte),
        }
    }

    fn article_done(&mut self) -> bool {
        match read::article(&self.element) {
            Ok(article) => {
                self.articles.push(article);
                self.element.clear();
                true
            }
            Err(_) => false,
        }
    }
}

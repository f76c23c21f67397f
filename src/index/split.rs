//! Finds where the first-view prefix of an index ends while its bytes are still arriving,
//! so the widget can paint the browse view before the rest of a large index has downloaded.

/// Feed it the index's bytes chunk by chunk; it reports the length of the prefix that ends
/// with the `firstView` member's value, or that the index has no `firstView` at top level.
#[derive(Debug, Default)]
pub struct PrefixScanner {}

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

impl PrefixScanner {
    pub fn new() -> Self {
        Self::default()
    }

    /// Scans the next chunk; chunks are the consecutive pieces of one document.
    pub fn feed(&mut self, _chunk: &[u8]) -> PrefixState {
        todo!("query/index helper")
    }
}

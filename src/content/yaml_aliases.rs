//! A budget on how far YAML aliases may expand a front matter block.
//!
//! Every reader of a YAML block (the fast path in [`super::loose_yaml`], serde_yaml_ng's own
//! tree) builds each alias's value again in full. serde_yaml_ng refuses the nested "billion
//! laughs" shape (its repetition limit counts alias jumps against the block's events), but
//! not a flat fan-out: one large anchored value named by many aliases. A 240 kB header of
//! that shape took 2 GB to read, and a 1 MB one aborted the whole run on allocation, taking
//! every other article with it. So before a block with aliases is read, a measuring pass
//! walks it as the readers would, aliases replayed, counting what they would build, and
//! stops as soon as the count passes the budget; nothing is built, so the pass itself costs
//! at most the budget.

use serde::de::{
    self, DeserializeSeed, Deserializer, EnumAccess, MapAccess, SeqAccess, VariantAccess, Visitor,
};
use std::cell::Cell;
use std::fmt;

/// What a block's values may add up to once its aliases are expanded, beyond the block's own
/// length: a node costs one, a text its length in bytes. Real headers use an alias or two
/// (a shared author, a merge key) and stay far below it.
const EXPANSION_ALLOWANCE: usize = 1 << 20;

/// The error text that tells "over budget" from the block's other errors, which the readers
/// report in their own words.
const OVER_BUDGET: &str = "topic-cards: alias expansion budget spent";

/// True when reading `block` would build more than its length plus [`EXPANSION_ALLOWANCE`]
/// (after expanding its aliases). A block that is not valid YAML is not over budget: its
/// readers report what is wrong with it.
pub fn expands_too_far(block: &str) -> bool {
    // No anchor, no alias to expand: the common case costs two byte scans.
    if !(block.contains('&') && block.contains('*')) {
        return false;
    }
    let left = Cell::new(block.len().saturating_add(EXPANSION_ALLOWANCE));
    match Measure(&left).deserialize(serde_yaml_ng::Deserializer::from_str(block)) {
        Ok(()) => false,
        Err(error) => error.to_string().contains(OVER_BUDGET),
    }
}

/// The expansion the budget allows, in kB, for the skip reason.
pub fn allowance_kb(block: &str) -> usize {
    (block.len() + EXPANSION_ALLOWANCE) / 1024
}

/// Walks one value, charging what a reader would build for it against `left`.
struct Measure<'a>(&'a Cell<usize>);

impl Measure<'_> {
    fn charge<E: de::Error>(&self, cost: usize) -> Result<(), E> {
        match self.0.get().checked_sub(cost) {
            Some(left) => {
                self.0.set(left);
                Ok(())
            }
            None => Err(E::custom(OVER_BUDGET)),
        }
    }
}

impl<'de> DeserializeSeed<'de> for Measure<'_> {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Measure<'_> {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }

    fn visit_bool<E: de::Error>(self, _: bool) -> Result<(), E> {
        self.charge(1)
    }

    fn visit_i64<E: de::Error>(self, _: i64) -> Result<(), E> {
        self.charge(1)
    }

    fn visit_u64<E: de::Error>(self, _: u64) -> Result<(), E> {
        self.charge(1)
    }

    fn visit_f64<E: de::Error>(self, _: f64) -> Result<(), E> {
        self.charge(1)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<(), E> {
        self.charge(1 + v.len())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        self.charge(1)
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        self.charge(1)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<(), D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        self.charge(1)?;
        while seq.next_element_seed(Measure(self.0))?.is_some() {}
        Ok(())
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        self.charge(1)?;
        while map.next_key_seed(Measure(self.0))?.is_some() {
            map.next_value_seed(Measure(self.0))?;
        }
        Ok(())
    }

    /// A tagged value (`!tag value`): the tag's name, then its value.
    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<(), A::Error> {
        let ((), variant) = data.variant_seed(Measure(self.0))?;
        variant.newtype_variant_seed(Measure(self.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headers_without_aliases_or_with_a_few_are_within_budget() {
        assert!(!expands_too_far("title: Q&A on *stars*\n"));
        assert!(!expands_too_far(
            "authors: &team [Ann, Bo]\nreviewers: *team\nbase: &b {x: 1}\nmerged:\n  <<: *b\n  y: 2\n"
        ));
        assert!(!expands_too_far("tagged: &t !custom {a: 1}\nagain: *t\n"));
    }

    #[test]
    fn a_flat_fan_out_of_a_large_anchor_is_over_budget() {
        // 100 kB named 20 times is 2 MB of text to build: over the 1 MB allowance.
        let big = "x".repeat(100_000);
        let block = format!("big: &b \"{big}\"\nl:\n{}", "  - *b\n".repeat(20));
        assert!(expands_too_far(&block));
        // The same anchor named five times (500 kB) is allowed.
        let block = format!("big: &b \"{big}\"\nl:\n{}", "  - *b\n".repeat(5));
        assert!(!expands_too_far(&block));
    }

    #[test]
    fn a_large_fan_out_stops_early() {
        // 20,000 aliases of a 1 MB text would build 20 GB; the pass stops at the budget, so
        // this returns as fast as the block can be scanned (and allocates nothing per alias).
        let big = "y".repeat(1_000_000);
        let block = format!("big: &b \"{big}\"\nl:\n{}", "  - *b\n".repeat(20_000));
        assert!(expands_too_far(&block));
    }

    #[test]
    fn invalid_yaml_is_left_to_the_readers() {
        assert!(!expands_too_far("a: &x [1\nb: *x\n"));
        assert!(!expands_too_far("a: *missing\nb: &y 1\n"));
    }
}

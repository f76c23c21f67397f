//! A fast path for YAML front matter: deserialises straight into the loose value tree
//! (`serde_json::Value`) instead of building serde_yaml_ng's own tree and converting it.
//! That intermediate tree (hashing every key into an ordered map, then copying it) was a
//! large part of reading an article.
//!
//! The fast path only answers when it is sure to agree with the general path in
//! [`super::frontmatter`]: keys that are not strings, integers or booleans, tags, and any
//! key seen twice in one mapping make it give up (an error), and the caller then reads the
//! block the general way, which keeps its exact errors, warnings and repairs.

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use std::fmt;

/// Reads a YAML block into the loose tree, or `None` when the general path must decide.
pub fn fast_parse(block: &str) -> Option<Value> {
    serde_yaml_ng::from_str::<Loose>(block).ok().map(|l| l.0)
}

struct Loose(Value);

impl<'de> Deserialize<'de> for Loose {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(LooseVisitor).map(Loose)
    }
}

struct LooseVisitor;

impl<'de> Visitor<'de> for LooseVisitor {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an untagged YAML value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::from(v))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_none<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Value, D::Error> {
        deserializer.deserialize_any(self)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::with_capacity(seq.size_hint().unwrap_or(0).min(64));
        while let Some(Loose(item)) = seq.next_element()? {
            items.push(item);
        }
        Ok(Value::Array(items))
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(LooseKey(key)) = map.next_key()? {
            let Loose(value) = map.next_value()?;
            if out.contains_key(&key) {
                // The general path reports (and repairs) duplicates; leave it to that.
                return Err(de::Error::custom("duplicate key"));
            }
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

/// A mapping key as the loose tree spells it: strings as they are, integers and booleans
/// as their text. Anything else is refused (the general path drops or reports it).
struct LooseKey(String);

impl<'de> Deserialize<'de> for LooseKey {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(KeyVisitor).map(LooseKey)
    }
}

struct KeyVisitor;

impl Visitor<'_> for KeyVisitor {
    type Value = String;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a string, integer or boolean key")
    }

    fn visit_bool<E>(self, v: bool) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_i64<E>(self, v: i64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_u64<E>(self, v: u64) -> Result<String, E> {
        Ok(v.to_string())
    }

    fn visit_str<E>(self, v: &str) -> Result<String, E> {
        Ok(v.to_owned())
    }

    fn visit_string<E>(self, v: String) -> Result<String, E> {
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The general path's answer, for comparison.
    fn general(block: &str) -> Value {
        let value: serde_yaml_ng::Value = serde_yaml_ng::from_str(block).unwrap();
        super::super::frontmatter::yaml_to_loose(value)
    }

    #[test]
    fn agrees_with_the_general_path() {
        let block = "title: T\nid: 42\nbig: 18446744073709551615\nneg: -3\nf: 1.5\ninf: .inf\n\
                     ok: true\nnone: ~\n1: int key\ntrue: bool key\nlist:\n  - a\n  - {x: [1, 2]}\n\
                     text: >-\n  one\n  two\nanchor: &a {k: v}\nalias: *a\ndate: 2020-01-01\n";
        assert_eq!(fast_parse(block), Some(general(block)));
    }

    #[test]
    fn gives_up_on_what_the_general_path_must_judge() {
        for block in [
            "a: 1\na: 2\n",
            "outer:\n  b: 1\n  b: 2\n",
            "1: x\n'1': y\n",
            "? [a]\n: x\n",
            "~: x\n",
            "1.5: x\n",
            "t: !custom x\n",
            "bad: [unclosed\n",
        ] {
            assert_eq!(fast_parse(block), None, "{block:?}");
        }
    }
}

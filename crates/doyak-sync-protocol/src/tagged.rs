//! Decoding the two `kind`-tagged enums of the wire, [`Op`] and
//! [`ChangeBody`], without buffering them.
//!
//! serde's derived decoder for an internally tagged enum cannot know the
//! variant until it has seen `kind`, so it first copies the whole object
//! into an intermediate tree and then decodes that: every record of a push
//! was built twice (1.3–1.5 s of decoding per 100k mutations). Every Doyak
//! peer writes `kind` first (serde's tagged encoder does), so these
//! decoders read `kind`, then the one field the variant carries, straight
//! into its final type. An object with `kind` later (another client, a
//! hand-written test) takes the derived path, unchanged: same values, same
//! errors. Encoding stays derived.

use crate::{ChangeBody, ConflictRecord, FieldEdit, Op, VersionedValue};
use serde::Deserialize;
use serde::de::{self, Deserializer, IgnoredAny, MapAccess, Visitor};
use serde_json::{Map, Value};
use std::collections::BTreeMap;
use std::fmt;

/// The keys these enums use, read without allocating.
enum Key {
    Kind,
    Record,
    Fields,
    Conflict,
    Other,
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Key, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
                Ok(match key {
                    "kind" => Key::Kind,
                    "record" => Key::Record,
                    "fields" => Key::Fields,
                    "conflict" => Key::Conflict,
                    _ => Key::Other,
                })
            }
        }
        d.deserialize_identifier(KeyVisitor)
    }
}

/// [`ChangeBody`]'s variant names, as the derived encoder writes them.
#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum BodyKind {
    Insert,
    Update,
    Delete,
    Append,
    Conflict,
}

/// The one field a variant carries, read in place; `kind` again is an error.
fn payload<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    wanted: Key,
    name: &'static str,
) -> Result<Option<T>, A::Error> {
    let mut found: Option<T> = None;
    while let Some(key) = map.next_key::<Key>()? {
        match key {
            Key::Kind => return Err(de::Error::duplicate_field("kind")),
            Key::Other => {
                map.next_value::<IgnoredAny>()?;
            }
            k if std::mem::discriminant(&k) == std::mem::discriminant(&wanted) => {
                if found.is_some() {
                    return Err(de::Error::duplicate_field(name));
                }
                found = Some(map.next_value()?);
            }
            // Another variant's field: ignored, as the derived decoder does.
            _ => {
                map.next_value::<IgnoredAny>()?;
            }
        }
    }
    Ok(found)
}

/// The rest of a variant without fields: anything but `kind` again is ignored.
fn skip_rest<'de, A: MapAccess<'de>>(map: &mut A) -> Result<(), A::Error> {
    while let Some(key) = map.next_key::<Key>()? {
        if matches!(key, Key::Kind) {
            return Err(de::Error::duplicate_field("kind"));
        }
        map.next_value::<IgnoredAny>()?;
    }
    Ok(())
}

fn required<T, E: de::Error>(value: Option<T>, name: &'static str) -> Result<T, E> {
    value.ok_or_else(|| de::Error::missing_field(name))
}

/// The rest of an object whose first key was not `kind`, with that first
/// entry, as a JSON object for the derived decoder.
fn rest<'de, A: MapAccess<'de>>(mut map: A, first: String) -> Result<Value, A::Error> {
    let mut object = Map::new();
    object.insert(first, map.next_value()?);
    while let Some((key, value)) = map.next_entry::<String, Value>()? {
        // A map keeps one value per key; the derived decoder saw both.
        if object.contains_key(&key) {
            return Err(de::Error::custom(format_args!("duplicate field `{key}`")));
        }
        object.insert(key, value);
    }
    Ok(Value::Object(object))
}

/// The first key of the object, and whether it is `kind`.
fn first_key<'de, A: MapAccess<'de>>(map: &mut A) -> Result<String, A::Error> {
    map.next_key::<String>()?
        .ok_or_else(|| de::Error::missing_field("kind"))
}

/// The derived decoder of [`Op`]'s shape, for objects without `kind` first.
#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum DerivedOp {
    Insert { record: Map<String, Value> },
    Update { fields: BTreeMap<String, FieldEdit> },
    Delete,
    Append { record: Map<String, Value> },
}

impl<'de> Deserialize<'de> for Op {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Op, D::Error> {
        struct OpVisitor;
        impl<'de> Visitor<'de> for OpVisitor {
            type Value = Op;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("an operation object with a `kind`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Op, A::Error> {
                let first = first_key(&mut map)?;
                if first != "kind" {
                    let derived =
                        DerivedOp::deserialize(rest(map, first)?).map_err(de::Error::custom)?;
                    return Ok(match derived {
                        DerivedOp::Insert { record } => Op::Insert { record },
                        DerivedOp::Update { fields } => Op::Update { fields },
                        DerivedOp::Delete => Op::Delete,
                        DerivedOp::Append { record } => Op::Append { record },
                    });
                }
                Ok(match map.next_value::<OpKind>()? {
                    OpKind::Insert => Op::Insert {
                        record: required(payload(&mut map, Key::Record, "record")?, "record")?,
                    },
                    OpKind::Append => Op::Append {
                        record: required(payload(&mut map, Key::Record, "record")?, "record")?,
                    },
                    OpKind::Update => Op::Update {
                        fields: required(payload(&mut map, Key::Fields, "fields")?, "fields")?,
                    },
                    OpKind::Delete => {
                        skip_rest(&mut map)?;
                        Op::Delete
                    }
                })
            }
        }
        d.deserialize_map(OpVisitor)
    }
}

/// [`Op`]'s variant names only (a push carries no conflicts).
#[derive(Clone, Copy, Deserialize)]
#[serde(rename_all = "snake_case")]
enum OpKind {
    Insert,
    Update,
    Delete,
    Append,
}

/// The derived decoder of [`ChangeBody`]'s shape.
#[derive(Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum DerivedBody {
    Insert {
        fields: BTreeMap<String, VersionedValue>,
    },
    Update {
        fields: BTreeMap<String, VersionedValue>,
    },
    Delete,
    Append {
        record: Map<String, Value>,
    },
    Conflict {
        conflict: Box<ConflictRecord>,
    },
}

impl<'de> Deserialize<'de> for ChangeBody {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ChangeBody, D::Error> {
        struct BodyVisitor;
        impl<'de> Visitor<'de> for BodyVisitor {
            type Value = ChangeBody;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a change object with a `kind`")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<ChangeBody, A::Error> {
                let first = first_key(&mut map)?;
                if first != "kind" {
                    let derived =
                        DerivedBody::deserialize(rest(map, first)?).map_err(de::Error::custom)?;
                    return Ok(match derived {
                        DerivedBody::Insert { fields } => ChangeBody::Insert { fields },
                        DerivedBody::Update { fields } => ChangeBody::Update { fields },
                        DerivedBody::Delete => ChangeBody::Delete,
                        DerivedBody::Append { record } => ChangeBody::Append { record },
                        DerivedBody::Conflict { conflict } => ChangeBody::Conflict { conflict },
                    });
                }
                Ok(match map.next_value::<BodyKind>()? {
                    BodyKind::Insert => ChangeBody::Insert {
                        fields: required(payload(&mut map, Key::Fields, "fields")?, "fields")?,
                    },
                    BodyKind::Update => ChangeBody::Update {
                        fields: required(payload(&mut map, Key::Fields, "fields")?, "fields")?,
                    },
                    BodyKind::Append => ChangeBody::Append {
                        record: required(payload(&mut map, Key::Record, "record")?, "record")?,
                    },
                    BodyKind::Conflict => ChangeBody::Conflict {
                        conflict: required(
                            payload(&mut map, Key::Conflict, "conflict")?,
                            "conflict",
                        )?,
                    },
                    BodyKind::Delete => {
                        skip_rest(&mut map)?;
                        ChangeBody::Delete
                    }
                })
            }
        }
        d.deserialize_map(BodyVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn op(text: &str) -> Result<Op, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    fn body(text: &str) -> Result<ChangeBody, String> {
        serde_json::from_str(text).map_err(|e| e.to_string())
    }

    /// A bad object is refused on both paths with the field named, as the
    /// derived decoder did: the server's `request.malformed` answer quotes it.
    #[test]
    fn bad_objects_are_refused_naming_the_field_on_both_paths() {
        for text in [r#"{"kind":"insert"}"#, r#"{"extra":1,"kind":"insert"}"#] {
            let err = op(text).expect_err("no record");
            assert!(err.contains("missing field `record`"), "{text}: {err}");
        }
        for text in [
            r#"{"kind":"update","fields":{},"fields":{}}"#,
            r#"{"fields":{},"kind":"update","fields":{}}"#,
        ] {
            let err = op(text).expect_err("twice");
            assert!(err.contains("duplicate field `fields`"), "{text}: {err}");
        }
        for text in [
            r#"{"kind":"delete","kind":"insert","record":{}}"#,
            r#"{"kind":"insert","record":{},"kind":"delete"}"#,
        ] {
            let err = op(text).expect_err("two kinds");
            assert!(err.contains("duplicate field `kind`"), "{text}: {err}");
        }
        for text in [
            r#"{"kind":"conflict","conflict":{}}"#,
            r#"{"x":0,"kind":"rename"}"#,
        ] {
            let err = op(text).expect_err("not an operation");
            assert!(err.contains("unknown variant"), "{text}: {err}");
        }
        for text in [r#"{}"#, r#"{"record":{}}"#] {
            let err = op(text).expect_err("no kind");
            assert!(err.contains("missing field `kind`"), "{text}: {err}");
        }
        let err = op(r#"{"kind":"append","record":[1]}"#).expect_err("not an object");
        assert!(err.contains("invalid type"), "{err}");
        let err = body(r#"{"kind":"conflict"}"#).expect_err("no conflict");
        assert!(err.contains("missing field `conflict`"), "{err}");
    }

    /// Another variant's field, or one a newer peer added, is ignored.
    #[test]
    fn fields_of_other_variants_are_ignored() {
        assert_eq!(
            op(r#"{"kind":"delete","record":{"a":1},"fields":null}"#),
            Ok(Op::Delete)
        );
        assert_eq!(
            body(r#"{"kind":"append","fields":{},"record":{"a":1},"note":"x"}"#),
            Ok(ChangeBody::Append {
                record: serde_json::from_str(r#"{"a":1}"#).expect("object")
            })
        );
    }
}

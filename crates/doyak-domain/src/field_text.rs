//! A field's value as a counselor reads and types it. Records travel and
//! merge as JSON objects of fields; where the desk shows a raw field value
//! (the conflict queue) it shows it as text, and where the counselor types
//! one (직접 합치기) the text becomes JSON of the field's shape here, not in
//! the page.

use serde_json::Value;

/// What the counselor sees for a field that holds nothing.
pub const EMPTY_TEXT: &str = "(비어 있음)";

/// The shape of a field's value, as far as typing it goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ValueShape {
    /// Free text; nothing typed is no value.
    Text,
    /// A list of texts, typed separated by commas.
    List,
    /// A number; thousands separators are allowed.
    Number,
    /// 예 or 아니오.
    YesNo,
    /// An object, or a list of objects (자격증 with dates…): not typed by
    /// hand, one of the recorded values is kept instead.
    Structured,
}

/// Why typed text does not fit the field's shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
pub enum ValueTextError {
    #[error("숫자로 입력해 주세요.")]
    NotANumber,
    #[error("'예' 또는 '아니오'로 입력해 주세요.")]
    NotYesNo,
    #[error("이 항목은 직접 입력할 수 없습니다. 두 값 중 하나를 골라 주세요.")]
    Structured,
}

impl ValueShape {
    /// The shape of a field, read from values it has held: the first one
    /// that says something decides (null and an empty list do not, except
    /// that an empty list makes a list of texts the fallback); none gives
    /// text.
    pub fn of<'a>(values: impl IntoIterator<Item = &'a Value>) -> ValueShape {
        let mut fallback = ValueShape::Text;
        for value in values {
            match value {
                Value::Null => {}
                Value::Array(items) => match items.first() {
                    None => fallback = ValueShape::List,
                    Some(Value::Object(_) | Value::Array(_)) => return ValueShape::Structured,
                    Some(_) => return ValueShape::List,
                },
                Value::String(_) => return ValueShape::Text,
                Value::Number(_) => return ValueShape::Number,
                Value::Bool(_) => return ValueShape::YesNo,
                Value::Object(_) => return ValueShape::Structured,
            }
        }
        fallback
    }

    /// Text the counselor typed, as JSON of this shape. Blank text is no
    /// value (null, or an empty list).
    pub fn parse(self, text: &str) -> Result<Value, ValueTextError> {
        let text = text.trim();
        match self {
            ValueShape::Structured => Err(ValueTextError::Structured),
            ValueShape::List => Ok(Value::Array(
                text.split([',', '，'])
                    .map(str::trim)
                    .filter(|item| !item.is_empty())
                    .map(|item| Value::String(item.to_owned()))
                    .collect(),
            )),
            _ if text.is_empty() => Ok(Value::Null),
            ValueShape::Text => Ok(Value::String(text.to_owned())),
            ValueShape::Number => parse_number(text),
            ValueShape::YesNo => match text {
                "예" => Ok(Value::Bool(true)),
                "아니오" => Ok(Value::Bool(false)),
                _ => Err(ValueTextError::NotYesNo),
            },
        }
    }

    /// How to type a value of this shape, shown beside the box; empty for
    /// free text.
    pub fn hint_ko(self) -> &'static str {
        match self {
            ValueShape::Text => "",
            ValueShape::List => "여러 개는 쉼표(,)로 나누어 적습니다.",
            ValueShape::Number => "숫자로 적습니다 (예: 2,500,000).",
            ValueShape::YesNo => "'예' 또는 '아니오'로 적습니다.",
            ValueShape::Structured => {
                "직접 입력할 수 없는 항목입니다. 두 값 중 하나를 골라 주세요."
            }
        }
    }
}

fn parse_number(text: &str) -> Result<Value, ValueTextError> {
    let digits: String = text.chars().filter(|c| !matches!(c, ',' | ' ')).collect();
    if let Ok(n) = digits.parse::<i64>() {
        return Ok(Value::from(n));
    }
    digits
        .parse::<f64>()
        .ok()
        .and_then(serde_json::Number::from_f64)
        .map(Value::Number)
        .ok_or(ValueTextError::NotANumber)
}

/// A value as the counselor reads it: texts as they are, lists joined with
/// ", ", 예/아니오, and [`EMPTY_TEXT`] for nothing.
pub fn display_text(value: &Value) -> String {
    match value {
        Value::Null => EMPTY_TEXT.to_owned(),
        Value::Array(items) if items.is_empty() => EMPTY_TEXT.to_owned(),
        _ => edit_text(value),
    }
}

/// A value as the starting text of a box the counselor edits: like
/// [`display_text`], but nothing is an empty box, so that
/// `ValueShape::of([v]).parse(&edit_text(v))` gives `v` back for every
/// value a counselor could have typed.
pub fn edit_text(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(edit_text).collect::<Vec<_>>().join(", "),
        Value::Bool(true) => "예".to_owned(),
        Value::Bool(false) => "아니오".to_owned(),
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use expect_test::expect;
    use proptest::prelude::*;
    use serde_json::json;
    use std::fmt::Write;

    #[test]
    fn shapes_come_from_the_first_value_that_says_something() {
        let cases = [
            ("text", vec![json!("전화 상담")]),
            ("null then number", vec![json!(null), json!(2_300_000)]),
            ("number", vec![json!(2.5)]),
            ("yes/no", vec![json!(false)]),
            ("list", vec![json!(["용접"])]),
            ("empty list then null", vec![json!([]), json!(null)]),
            ("empty list then texts", vec![json!([]), json!(["용접"])]),
            ("list of objects", vec![json!([{"name": "용접기능사"}])]),
            ("object", vec![json!({"scopes": []})]),
            ("nothing", vec![json!(null), json!(null)]),
        ];
        let mut out = String::new();
        for (name, values) in cases {
            writeln!(out, "{name:<22} {:?}", ValueShape::of(&values)).unwrap();
        }
        expect![[r#"
            text                   Text
            null then number       Number
            number                 Number
            yes/no                 YesNo
            list                   List
            empty list then null   List
            empty list then texts  List
            list of objects        Structured
            object                 Structured
            nothing                Text
        "#]]
        .assert_eq(&out);
    }

    #[test]
    fn typed_text_becomes_json_of_the_shape_or_says_what_to_type() {
        use ValueShape::*;
        let cases = [
            (Text, " 오전만 가능 "),
            (Text, ""),
            (List, "용접, 지게차"),
            (List, "용접，지게차,, "),
            (List, ""),
            (Number, "2,500,000"),
            (Number, "2 500 000"),
            (Number, "-3"),
            (Number, "12.5"),
            (Number, ""),
            (Number, "많이"),
            (Number, "1e999"),
            (YesNo, "예"),
            (YesNo, "아니오"),
            (YesNo, ""),
            (YesNo, "네"),
            (Structured, "용접기능사"),
        ];
        let mut out = String::new();
        for (shape, text) in cases {
            let shown = match shape.parse(text) {
                Ok(v) => v.to_string(),
                Err(e) => format!("refused: {e}"),
            };
            writeln!(out, "{:<10} {text:?} -> {shown}", format!("{shape:?}")).unwrap();
        }
        expect![[r#"
            Text       " 오전만 가능 " -> "오전만 가능"
            Text       "" -> null
            List       "용접, 지게차" -> ["용접","지게차"]
            List       "용접，지게차,, " -> ["용접","지게차"]
            List       "" -> []
            Number     "2,500,000" -> 2500000
            Number     "2 500 000" -> 2500000
            Number     "-3" -> -3
            Number     "12.5" -> 12.5
            Number     "" -> null
            Number     "많이" -> refused: 숫자로 입력해 주세요.
            Number     "1e999" -> refused: 숫자로 입력해 주세요.
            YesNo      "예" -> true
            YesNo      "아니오" -> false
            YesNo      "" -> null
            YesNo      "네" -> refused: '예' 또는 '아니오'로 입력해 주세요.
            Structured "용접기능사" -> refused: 이 항목은 직접 입력할 수 없습니다. 두 값 중 하나를 골라 주세요.
        "#]].assert_eq(&out);
    }

    #[test]
    fn values_read_as_the_counselor_sees_them() {
        let values = [
            json!(null),
            json!([]),
            json!("화요일 방문"),
            json!(["용접", "지게차"]),
            json!(true),
            json!(false),
            json!(2_300_000),
        ];
        let mut out = String::new();
        for v in &values {
            writeln!(out, "{v} -> {:?} / {:?}", display_text(v), edit_text(v)).unwrap();
        }
        expect![[r#"
            null -> "(비어 있음)" / ""
            [] -> "(비어 있음)" / ""
            "화요일 방문" -> "화요일 방문" / "화요일 방문"
            ["용접","지게차"] -> "용접, 지게차" / "용접, 지게차"
            true -> "예" / "예"
            false -> "아니오" / "아니오"
            2300000 -> "2300000" / "2300000"
        "#]]
        .assert_eq(&out);
    }

    fn typed_value() -> impl Strategy<Value = Value> {
        // What a counselor could have typed: trimmed texts, lists of
        // trimmed texts without commas, integers, 예/아니오, nothing.
        let word = "[가-힣a-zA-Z0-9][가-힣a-zA-Z0-9 .]{0,10}[가-힣a-zA-Z0-9]|[가-힣a-zA-Z0-9]";
        prop_oneof![
            Just(Value::Null),
            word.prop_map(Value::String),
            proptest::collection::vec(word.prop_map(Value::String), 0..4).prop_map(Value::Array),
            any::<i64>().prop_map(Value::from),
            any::<bool>().prop_map(Value::Bool),
        ]
    }

    proptest! {
        #[test]
        fn editing_a_value_unchanged_gives_it_back(value in typed_value()) {
            let shape = ValueShape::of([&value]);
            prop_assert_eq!(shape.parse(&edit_text(&value)), Ok(value));
        }
    }
}

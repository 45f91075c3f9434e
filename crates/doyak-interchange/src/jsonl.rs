//! JSON Lines input: one record per line, each checked on its own so that a
//! report can name every bad line, not just the first.
//!
//! Every line may carry the envelope keys of docs/formats.md — `format` (the
//! record kind, e.g. `"doyak.match.seeker"`) and `version` — beside the
//! record's own fields. Both are optional on input (a hand-written file need
//! not repeat them on every line); when present they must name this kind and
//! a version this release reads. Keys the record does not know are ignored,
//! as the versioning rule asks.

use serde::de::DeserializeOwned;

/// At most this many bad lines are reported; past that the file is clearly
/// not what was expected and more lines would only bury the first ones.
pub const MAX_REPORTED_LINES: usize = 50;

/// What the reader expects of each line.
#[derive(Debug, Clone, Copy)]
pub struct JsonlKind<'a> {
    /// The value of `format` a line may carry.
    pub format: &'a str,
    /// The versions this release reads.
    pub versions: &'a [u32],
}

/// One line that could not be read as a record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonlProblem {
    /// 1-based line in the file.
    pub line: usize,
    /// What is wrong, in Korean.
    pub reason: String,
}

impl std::fmt::Display for JsonlProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}행: {}", self.line, self.reason)
    }
}

/// Why a JSON Lines file gave no records.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum JsonlError {
    #[error("파일이 너무 큽니다 ({size} 바이트, 최대 {limit} 바이트).")]
    TooLarge { size: usize, limit: usize },
    /// Every bad line (up to [`MAX_REPORTED_LINES`]); `more` counts the rest.
    #[error("{}", describe(problems, *more))]
    Lines {
        problems: Vec<JsonlProblem>,
        more: usize,
    },
}

fn describe(problems: &[JsonlProblem], more: usize) -> String {
    let mut text = problems
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join("\n");
    if more > 0 {
        text.push_str(&format!("\n… 그 밖에 {more}행 더"));
    }
    text
}

/// Reads every record of `bytes`, paired with its 1-based line number.
/// Blank lines are skipped. All or nothing: one bad line and no record is
/// returned, so a caller never acts on half a file.
pub fn read_jsonl<T: DeserializeOwned>(
    bytes: &[u8],
    kind: JsonlKind<'_>,
) -> Result<Vec<(usize, T)>, JsonlError> {
    if bytes.len() > crate::MAX_INPUT_BYTES {
        return Err(JsonlError::TooLarge {
            size: bytes.len(),
            limit: crate::MAX_INPUT_BYTES,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let mut records = Vec::new();
    let mut problems = Vec::new();
    let mut more = 0;
    for (i, raw) in bytes.split(|&b| b == b'\n').enumerate() {
        let line = i + 1;
        let raw = raw.strip_suffix(b"\r").unwrap_or(raw);
        if raw.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        match read_line(raw, kind) {
            Ok(record) => records.push((line, record)),
            Err(reason) if problems.len() < MAX_REPORTED_LINES => {
                problems.push(JsonlProblem { line, reason })
            }
            Err(_) => more += 1,
        }
    }
    if problems.is_empty() {
        Ok(records)
    } else {
        Err(JsonlError::Lines { problems, more })
    }
}

fn read_line<T: DeserializeOwned>(raw: &[u8], kind: JsonlKind<'_>) -> Result<T, String> {
    let text = std::str::from_utf8(raw)
        .map_err(|_| "UTF-8이 아닌 글자가 있습니다. 파일을 UTF-8로 저장해 주세요.".to_owned())?;
    let value: serde_json::Value = serde_json::from_str(text).map_err(|e| json_reason(&e, text))?;
    let serde_json::Value::Object(mut fields) = value else {
        return Err("한 줄에 JSON 객체({ … }) 하나가 있어야 합니다.".to_owned());
    };
    match fields.remove("format") {
        None => {}
        Some(serde_json::Value::String(f)) if f == kind.format => {}
        Some(other) => {
            return Err(format!(
                "format이 {other}입니다. 이 입력에는 \"{}\" 기록만 쓸 수 있습니다.",
                kind.format
            ));
        }
    }
    match fields.remove("version") {
        None => {}
        Some(v) => {
            let known = v
                .as_u64()
                .and_then(|v| u32::try_from(v).ok())
                .is_some_and(|v| kind.versions.contains(&v));
            if !known {
                let versions = kind
                    .versions
                    .iter()
                    .map(u32::to_string)
                    .collect::<Vec<_>>()
                    .join(", ");
                return Err(format!(
                    "지원하지 않는 version {v}입니다 (이 버전이 읽는 version: {versions})."
                ));
            }
        }
    }
    serde_json::from_value(serde_json::Value::Object(fields)).map_err(|e| json_reason(&e, text))
}

/// serde_json's message in terms a counselor can act on. Field names stay as
/// written in the file, so the reader can find them.
fn json_reason(e: &serde_json::Error, text: &str) -> String {
    use serde_json::error::Category;
    let message = e.to_string();
    // serde_json appends " at line L column C"; the line is ours to give.
    let message = message
        .split(" at line ")
        .next()
        .unwrap_or(&message)
        .to_owned();
    match e.classify() {
        Category::Syntax => {
            // serde_json counts bytes; a counselor counts characters (a Hangul
            // syllable is three bytes).
            let chars = (0..=e.column().min(text.len()))
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .map_or(e.column(), |i| text[..i].chars().count());
            format!("JSON 문법 오류 ({chars}번째 글자): {message}")
        }
        Category::Eof => "JSON이 줄 중간에 끝났습니다 (괄호나 따옴표가 닫히지 않았습니다).".into(),
        Category::Io => format!("읽을 수 없습니다: {message}"),
        Category::Data => {
            if let Some(field) = between(&message, "missing field `", "`") {
                format!("필수 항목 `{field}`이(가) 없습니다.")
            } else if let Some(rest) = message.strip_prefix("invalid type: ") {
                format!("값의 형식이 맞지 않습니다 ({rest}).")
            } else {
                format!("값이 맞지 않습니다: {message}")
            }
        }
    }
}

fn between<'a>(text: &'a str, start: &str, end: &str) -> Option<&'a str> {
    let from = text.find(start)? + start.len();
    let len = text[from..].find(end)?;
    Some(&text[from..from + len])
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Debug, PartialEq, Deserialize)]
    struct Rec {
        id: String,
        #[serde(default)]
        n: u32,
    }

    const KIND: JsonlKind<'static> = JsonlKind {
        format: "doyak.test",
        versions: &[1],
    };

    fn problems(input: &str) -> Vec<String> {
        match read_jsonl::<Rec>(input.as_bytes(), KIND) {
            Ok(r) => panic!("expected errors, read {r:?}"),
            Err(JsonlError::Lines { problems, .. }) => {
                problems.iter().map(ToString::to_string).collect()
            }
            Err(e) => panic!("unexpected {e:?}"),
        }
    }

    #[test]
    fn reads_records_with_their_lines_skipping_blanks_bom_and_crlf() {
        let input = "\u{feff}{\"id\":\"a\",\"n\":1}\r\n\n  \n{\"format\":\"doyak.test\",\"version\":1,\"id\":\"b\",\"extra\":true}\n";
        let got = read_jsonl::<Rec>(input.as_bytes(), KIND).unwrap();
        assert_eq!(
            got,
            vec![
                (
                    1,
                    Rec {
                        id: "a".into(),
                        n: 1
                    }
                ),
                (
                    4,
                    Rec {
                        id: "b".into(),
                        n: 0
                    }
                ),
            ],
            "line numbers count blank lines, so they match an editor's; unknown keys are ignored"
        );
    }

    #[test]
    fn every_bad_line_is_reported_with_a_korean_reason() {
        let input = [
            r#"{"id":"ok"}"#,
            r#"{"n":1}"#,
            r#"{"id":"x","n":"many"}"#,
            r#"{"id":"x""#,
            r#"[1,2]"#,
            r#"{"id":"x","version":2}"#,
            r#"{"id":"x","format":"doyak.other"}"#,
            "{\"id\":\"\u{fffd}\",,}",
        ]
        .join("\n");
        expect_test::expect![[r#"
            [
                "2행: 필수 항목 `id`이(가) 없습니다.",
                "3행: 값의 형식이 맞지 않습니다 (string \"many\", expected u32).",
                "4행: JSON이 줄 중간에 끝났습니다 (괄호나 따옴표가 닫히지 않았습니다).",
                "5행: 한 줄에 JSON 객체({ … }) 하나가 있어야 합니다.",
                "6행: 지원하지 않는 version 2입니다 (이 버전이 읽는 version: 1).",
                "7행: format이 \"doyak.other\"입니다. 이 입력에는 \"doyak.test\" 기록만 쓸 수 있습니다.",
                "8행: JSON 문법 오류 (11번째 글자): key must be a string",
            ]
        "#]]
        .assert_debug_eq(&problems(&input));
    }

    #[test]
    fn invalid_utf8_is_named_by_line() {
        let mut input = b"{\"id\":\"a\"}\n{\"id\":\"".to_vec();
        input.extend_from_slice(&[0xB1, 0xE8]); // "김" in CP949
        input.extend_from_slice(b"\"}\n");
        let err = read_jsonl::<Rec>(&input, KIND).unwrap_err();
        assert_eq!(
            err.to_string(),
            "2행: UTF-8이 아닌 글자가 있습니다. 파일을 UTF-8로 저장해 주세요."
        );
    }

    #[test]
    fn reports_stop_at_the_limit_and_count_the_rest() {
        let input = "x\n".repeat(MAX_REPORTED_LINES + 7);
        match read_jsonl::<Rec>(input.as_bytes(), KIND) {
            Err(JsonlError::Lines { problems, more }) => {
                assert_eq!(problems.len(), MAX_REPORTED_LINES);
                assert_eq!(more, 7, "the lines past the limit are counted, not lost");
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn an_empty_file_is_no_records_not_an_error() {
        assert!(read_jsonl::<Rec>(b"\n\n", KIND).unwrap().is_empty());
    }
}

//! Reads CSV text into a table: delimiter detection, RFC 4180 quoting with
//! Excel's leniency, and the physical line on which every record starts.
//!
//! A hand-written parser rather than the `csv` crate, because that crate
//! silently reads an unclosed quote to the end of the file; here it is an
//! error naming the line where the quote was opened.

use crate::decode::Decoded;
use crate::guard::unguard;
use crate::table::is_blank;
use crate::{Format, LineProblem, ReadError, Row, SourceEncoding, Table};

/// Reads decoded CSV text. The first non-blank record is the header.
pub(crate) fn read_csv(decoded: Decoded<'_>) -> Result<Table, ReadError> {
    let text: &str = &decoded.text;
    // Excel's "유니코드 텍스트" is tab-separated; everything else defaults to commas.
    let fallback = match decoded.encoding {
        SourceEncoding::Utf16Le | SourceEncoding::Utf16Be => b'\t',
        SourceEncoding::Utf8 | SourceEncoding::Utf8Bom | SourceEncoding::Cp949 => b',',
    };
    let mut records = Records::new(text, detect_delimiter(text, fallback));

    let header = loop {
        match records.next_record()? {
            None => return Err(ReadError::Empty),
            Some(record) if is_blank(&record.fields) => continue,
            Some(record) => break record,
        }
    };
    let headers: Vec<String> = header
        .fields
        .into_iter()
        .map(|field| unguard(field).trim().to_owned())
        .collect();

    let mut rows = Vec::new();
    let mut problems = Vec::new();
    while let Some(record) = records.next_record()? {
        if is_blank(&record.fields) {
            continue;
        }
        if record.fields.len() != headers.len() {
            problems.push(LineProblem {
                line: record.line,
                column: None,
                reason: format!(
                    "열이 {}개여야 하는데 {}개입니다",
                    headers.len(),
                    record.fields.len()
                ),
            });
            continue;
        }
        rows.push(Row {
            line: record.line,
            cells: record.fields.into_iter().map(unguard).collect(),
        });
    }
    Ok(Table {
        headers,
        rows,
        problems,
        format: Format::Csv,
        encoding: decoded.encoding,
    })
}

/// Picks the delimiter that occurs most often, outside quotes, on the first
/// non-blank line; ties go to comma, then tab, then semicolon. A header
/// without any of them is a single column, read with `fallback`.
fn detect_delimiter(text: &str, fallback: u8) -> u8 {
    const CANDIDATES: [u8; 3] = [b',', b'\t', b';'];
    let mut counts = [0_usize; 3];
    let mut in_quotes = false;
    let mut line_has_content = false;
    for byte in text.bytes() {
        match byte {
            b'"' => {
                in_quotes = !in_quotes;
                line_has_content = true;
            }
            b'\n' | b'\r' if !in_quotes => {
                if line_has_content {
                    break;
                }
                counts = [0; 3];
            }
            _ if in_quotes => {}
            b' ' => {}
            _ => {
                line_has_content = true;
                if let Some(index) = CANDIDATES.iter().position(|&candidate| candidate == byte) {
                    counts[index] += 1;
                }
            }
        }
    }
    let mut best = None;
    for (index, &count) in counts.iter().enumerate() {
        if count > 0 && best.is_none_or(|(_, best_count)| count > best_count) {
            best = Some((index, count));
        }
    }
    best.map_or(fallback, |(index, _)| CANDIDATES[index])
}

/// One record and the physical line it starts on.
#[derive(Debug)]
struct Record {
    line: usize,
    fields: Vec<String>,
}

/// What ended a field.
#[derive(Debug, PartialEq, Eq)]
enum FieldEnd {
    Delimiter,
    /// A line break outside quotes, or the end of the text.
    Record,
}

/// A cursor over the text yielding records. Only ASCII bytes (quote,
/// delimiter, CR, LF) are ever looked for, and those never occur inside a
/// multi-byte UTF-8 character, so every slice boundary is a char boundary.
#[derive(Debug)]
struct Records<'a> {
    text: &'a str,
    position: usize,
    /// 1-based line of `position`.
    line: usize,
    delimiter: u8,
}

impl<'a> Records<'a> {
    fn new(text: &'a str, delimiter: u8) -> Self {
        Records {
            text,
            position: 0,
            line: 1,
            delimiter,
        }
    }

    fn next_record(&mut self) -> Result<Option<Record>, ReadError> {
        if self.position >= self.text.len() {
            return Ok(None);
        }
        let line = self.line;
        let mut fields = Vec::new();
        loop {
            let (field, end) = self.next_field()?;
            fields.push(field);
            if end == FieldEnd::Record {
                return Ok(Some(Record { line, fields }));
            }
        }
    }

    fn next_field(&mut self) -> Result<(String, FieldEnd), ReadError> {
        let bytes = self.text.as_bytes();
        let mut value = String::new();
        if bytes.get(self.position) == Some(&b'"') {
            let opened_on = self.line;
            self.position += 1;
            let mut segment_start = self.position;
            loop {
                let Some(offset) = bytes[self.position..]
                    .iter()
                    .position(|&byte| matches!(byte, b'"' | b'\n' | b'\r'))
                else {
                    return Err(ReadError::Csv {
                        line: opened_on,
                        reason: "이 줄에서 연 큰따옴표(\")가 파일 끝까지 닫히지 않습니다. \
                                 값 안에 큰따옴표를 넣으려면 두 번(\"\") 써야 합니다."
                            .to_owned(),
                    });
                };
                self.position += offset;
                match bytes[self.position] {
                    b'"' => {
                        value.push_str(&self.text[segment_start..self.position]);
                        if bytes.get(self.position + 1) == Some(&b'"') {
                            value.push('"');
                            self.position += 2;
                            segment_start = self.position;
                        } else {
                            self.position += 1;
                            break;
                        }
                    }
                    // A line break inside quotes is part of the value, but
                    // still a line in the file the counselor will look at.
                    _ => self.skip_line_break(),
                }
            }
        }
        // An unquoted field, or whatever follows a closing quote before the
        // next delimiter (`"a"b` reads as `ab`, as in Excel).
        let start = self.position;
        let end = bytes[start..]
            .iter()
            .position(|&byte| byte == self.delimiter || matches!(byte, b'\n' | b'\r'))
            .map_or(bytes.len(), |offset| start + offset);
        value.push_str(&self.text[start..end]);
        self.position = end;
        let field_end = match bytes.get(end) {
            None => FieldEnd::Record,
            Some(&byte) if byte == self.delimiter => {
                self.position += 1;
                FieldEnd::Delimiter
            }
            Some(_) => {
                self.skip_line_break();
                FieldEnd::Record
            }
        };
        Ok((value, field_end))
    }

    /// Steps over a CRLF, LF or lone CR at `position`: each is one line.
    fn skip_line_break(&mut self) {
        let bytes = self.text.as_bytes();
        let length = if bytes[self.position..].starts_with(b"\r\n") {
            2
        } else {
            1
        };
        self.position += length;
        self.line += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn records(text: &str, delimiter: u8) -> Result<Vec<(usize, Vec<String>)>, ReadError> {
        let mut records = Records::new(text, delimiter);
        let mut out = Vec::new();
        while let Some(record) = records.next_record()? {
            out.push((record.line, record.fields));
        }
        Ok(out)
    }

    fn owned(fields: &[&str]) -> Vec<String> {
        fields.iter().map(|&field| field.to_owned()).collect()
    }

    #[test]
    fn quoted_fields_unescape_and_keep_their_start_line() {
        let parsed =
            records("a,\"b \"\"c\"\"\"\r\n\"x\r\ny\",z\n\"\",\n", b',').expect("well-formed");
        assert_eq!(
            parsed,
            vec![
                (1, owned(&["a", "b \"c\""])),
                (2, owned(&["x\r\ny", "z"])),
                (4, owned(&["", ""])),
            ],
            "doubled quotes unescape; the second record spans lines 2-3, so the third starts on 4"
        );
    }

    #[test]
    fn line_endings_of_every_kind_count_as_one_line() {
        let parsed = records("a\r\nb\nc\rd", b',').expect("well-formed");
        let lines: Vec<usize> = parsed.iter().map(|(line, _)| *line).collect();
        assert_eq!(
            lines,
            [1, 2, 3, 4],
            "CRLF, LF and a lone CR each end one line"
        );
    }

    #[test]
    fn a_trailing_delimiter_makes_an_empty_last_field() {
        let parsed = records("a,b,", b',').expect("well-formed");
        assert_eq!(
            parsed,
            vec![(1, owned(&["a", "b", ""]))],
            "`a,b,` has three fields"
        );
    }

    #[test]
    fn text_after_a_closing_quote_is_kept_as_excel_does() {
        let parsed = records("\"a\"b,c", b',').expect("lenient");
        assert_eq!(
            parsed,
            vec![(1, owned(&["ab", "c"]))],
            "Excel reads `\"a\"b` as `ab`"
        );
    }

    #[test]
    fn a_quote_inside_an_unquoted_field_is_literal() {
        let parsed = records("5\" 모니터,x", b',').expect("lenient");
        assert_eq!(
            parsed,
            vec![(1, owned(&["5\" 모니터", "x"]))],
            "only a leading quote opens quoting"
        );
    }

    #[test]
    fn an_unclosed_quote_names_the_line_it_was_opened_on() {
        let error = records("a,b\n1,2\n3,\"oops\n4,5\n", b',').expect_err("never closed");
        assert!(
            matches!(error, ReadError::Csv { line: 3, .. }),
            "the quote opens on line 3 and swallows the rest: {error:?}"
        );
    }

    #[test]
    fn delimiter_is_the_most_frequent_outside_quotes() {
        assert_eq!(
            detect_delimiter("a;b;c\n1,5;2;3", b','),
            b';',
            "two semicolons beat no commas"
        );
        assert_eq!(
            detect_delimiter("\"a,b,c\"\tb\n", b','),
            b'\t',
            "commas inside quotes are part of a value, not delimiters"
        );
        assert_eq!(
            detect_delimiter("\n\n이름\t전화\n", b','),
            b'\t',
            "leading blank lines are skipped"
        );
        assert_eq!(
            detect_delimiter("이름\n김민준\n", b'\t'),
            b'\t',
            "one column falls back"
        );
        assert_eq!(
            detect_delimiter("a,b;c", b'\t'),
            b',',
            "ties go to the comma"
        );
    }
}

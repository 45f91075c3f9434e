//! Reading one cell of an import row into a typed value, collecting a Korean
//! error that names the line and column instead of failing the whole file.

use super::RowError;
use chrono::NaiveDate;

/// A column an import understands: its key (also the English header), its
/// Korean header, other spellings, and whether every row must fill it.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    pub key: &'static str,
    pub ko: &'static str,
    pub aliases: &'static [&'static str],
    pub required: bool,
}

pub const fn col(
    key: &'static str,
    ko: &'static str,
    aliases: &'static [&'static str],
    required: bool,
) -> Column {
    Column {
        key,
        ko,
        aliases,
        required,
    }
}

/// How header text is compared: no spaces, no '*', lower case.
pub fn header_key(h: &str) -> String {
    h.chars()
        .filter(|c| !c.is_whitespace() && *c != '*')
        .flat_map(char::to_lowercase)
        .collect()
}

/// One data row being read, with the errors found so far.
#[derive(Debug)]
pub struct RowReader<'a> {
    pub line: usize,
    cells: &'a [String],
    /// Column index in the file for each entry of the kind's column list.
    positions: &'a [Option<usize>],
    columns: &'static [Column],
    pub errors: Vec<RowError>,
}

impl<'a> RowReader<'a> {
    pub fn new(
        line: usize,
        cells: &'a [String],
        positions: &'a [Option<usize>],
        columns: &'static [Column],
    ) -> Self {
        RowReader {
            line,
            cells,
            positions,
            columns,
            errors: Vec::new(),
        }
    }

    fn column(&self, key: &str) -> Option<(usize, &'static Column)> {
        self.columns.iter().enumerate().find(|(_, c)| c.key == key)
    }

    pub fn fail(&mut self, key: &str, message: impl Into<String>) {
        let label = self.column(key).map(|(_, c)| c.ko).unwrap_or(key);
        self.errors.push(RowError {
            line: self.line,
            column: Some(label.to_owned()),
            message: message.into(),
        });
    }

    /// The trimmed cell, None when empty or the column is absent.
    pub fn text(&mut self, key: &str) -> Option<String> {
        let (i, column) = self.column(key)?;
        let value = self.positions[i]
            .and_then(|p| self.cells.get(p))
            .map(|s| s.trim())
            .filter(|s| !s.is_empty());
        if value.is_none() && column.required {
            self.fail(key, "필수 항목이 비어 있습니다.");
        }
        value.map(str::to_owned)
    }

    pub fn date(&mut self, key: &str) -> Option<NaiveDate> {
        let raw = self.text(key)?;
        match parse_date(&raw) {
            Some(d) => Some(d),
            None => {
                self.fail(
                    key,
                    format!("날짜 형식이 아닙니다: '{raw}' (예: 2024-03-15)"),
                );
                None
            }
        }
    }

    pub fn int<T: std::str::FromStr>(&mut self, key: &str, what: &str) -> Option<T> {
        let raw = self.text(key)?;
        let cleaned: String = raw
            .chars()
            .filter(|c| !matches!(c, ',' | ' ' | '원'))
            .collect();
        match cleaned.parse::<T>() {
            Ok(v) => Some(v),
            Err(_) => {
                self.fail(key, format!("{what}은(는) 숫자여야 합니다: '{raw}'"));
                None
            }
        }
    }

    pub fn bool(&mut self, key: &str) -> Option<bool> {
        let raw = self.text(key)?;
        match raw.to_lowercase().as_str() {
            "예" | "y" | "yes" | "true" | "1" | "가능" | "o" | "있음" | "제공" | "운행" => {
                Some(true)
            }
            "아니오" | "아니요" | "n" | "no" | "false" | "0" | "불가" | "x" | "없음" | "미제공" => {
                Some(false)
            }
            _ => {
                self.fail(key, format!("예/아니오로 입력해 주세요: '{raw}'"));
                None
            }
        }
    }

    /// A list separated by ';' (or ',' / '|' when there is no ';').
    pub fn list(&mut self, key: &str) -> Vec<String> {
        self.text(key)
            .map(|raw| split_list(&raw))
            .unwrap_or_default()
    }

    /// An enum value written as its Korean label or its English name.
    pub fn choice<T: Copy + serde::Serialize>(
        &mut self,
        key: &str,
        all: &[T],
        label: fn(T) -> &'static str,
    ) -> Option<T> {
        let raw = self.text(key)?;
        match parse_choice(&raw, all, label) {
            Some(v) => Some(v),
            None => {
                let options: Vec<&str> = all.iter().map(|v| label(*v)).collect();
                self.fail(
                    key,
                    format!(
                        "'{raw}'은(는) 허용되지 않는 값입니다. 가능한 값: {}",
                        options.join(", ")
                    ),
                );
                None
            }
        }
    }
}

pub fn split_list(raw: &str) -> Vec<String> {
    let sep: &[char] = if raw.contains(';') {
        &[';']
    } else {
        &[',', '|']
    };
    raw.split(sep)
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
        .collect()
}

pub fn parse_choice<T: Copy + serde::Serialize>(
    raw: &str,
    all: &[T],
    label: fn(T) -> &'static str,
) -> Option<T> {
    let key = header_key(raw);
    all.iter().copied().find(|v| {
        header_key(label(*v)) == key
            || serde_json::to_value(v)
                .ok()
                .and_then(|j| j.as_str().map(header_key))
                .as_deref()
                == Some(key.as_str())
    })
}

/// Dates as Korean spreadsheets write them: 2024-03-15, 2024.03.15, 2024/3/15,
/// 20240315, and "2024. 3. 15." with the spaces Korean Excel adds.
pub fn parse_date(raw: &str) -> Option<NaiveDate> {
    // "2024-03-15 00:00:00" from an XLSX date cell
    if let Some((day, time)) = raw.trim().split_once(' ')
        && time.chars().all(|c| c.is_ascii_digit() || c == ':')
        && time.contains(':')
    {
        return NaiveDate::parse_from_str(day, "%Y-%m-%d").ok();
    }
    let compact: String = raw.chars().filter(|c| !c.is_whitespace()).collect();
    let compact = compact.trim_end_matches('.');
    if compact.len() == 8 && compact.chars().all(|c| c.is_ascii_digit()) {
        return NaiveDate::parse_from_str(compact, "%Y%m%d").ok();
    }
    let parts: Vec<&str> = compact.split(['-', '.', '/']).collect();
    if let [y, m, d] = parts.as_slice() {
        let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
        return NaiveDate::from_ymd_opt(y, m, d);
    }
    None
}

/// A 시군구 given as its 5-digit code or its name ("안산시 단원구",
/// "경기도 안산시 단원구"); a name that fits several is refused.
/// A code as an export writes it for people to read: "용접원 (7420)",
/// "경기도 안산시 단원구". Each import reads the form back.
pub fn keco_label(code: &str) -> String {
    match doyak_refdata::get().keco(code) {
        Some(k) => format!("{} ({})", k.name_ko, k.code),
        None => code.to_owned(),
    }
}

pub fn ksic_label(code: &str) -> String {
    match doyak_refdata::get().ksic(code) {
        Some(k) => format!("{} ({})", k.name_ko, k.code),
        None => code.to_owned(),
    }
}

pub fn sigungu_label(code: &str) -> String {
    match doyak_refdata::get().sigungu(code) {
        Some(s) => s.full_name(),
        None => code.to_owned(),
    }
}

/// The code in a cell: "용접원 (7420)" or "7420" both read as "7420".
pub fn code_in(raw: &str) -> String {
    let raw = raw.trim();
    if let Some(inner) = raw
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once('('))
        .map(|(_, code)| code.trim())
        .filter(|code| !code.is_empty())
    {
        return inner.to_owned();
    }
    raw.to_owned()
}

pub fn resolve_sigungu(raw: &str) -> Result<String, String> {
    let refdata = doyak_refdata::get();
    let raw = raw.trim();
    if raw.len() == 5 && raw.chars().all(|c| c.is_ascii_digit()) {
        return match refdata.sigungu(raw) {
            Some(s) => Ok(s.code.clone()),
            None => Err(format!("알 수 없는 시군구 코드입니다: {raw}")),
        };
    }
    let key = header_key(raw);
    let found: Vec<&doyak_refdata::Sigungu> = refdata
        .sigungu
        .iter()
        .filter(|s| {
            let name = s.name();
            let district = name.rsplit(' ').next().unwrap_or(&name);
            header_key(&s.full_name()) == key
                || header_key(&name) == key
                || header_key(district) == key
        })
        .collect();
    match found.as_slice() {
        [one] => Ok(one.code.clone()),
        [] => Err(format!(
            "알 수 없는 시군구입니다: '{raw}' (5자리 코드 또는 '경기도 안산시 단원구'처럼 입력)"
        )),
        many => Err(format!(
            "'{raw}'에 해당하는 시군구가 여러 곳입니다: {}. 시도까지 적어 주세요.",
            many.iter()
                .map(|s| s.full_name())
                .collect::<Vec<_>>()
                .join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_the_forms_korean_spreadsheets_use() {
        let want = NaiveDate::from_ymd_opt(2024, 3, 15);
        for raw in [
            "2024-03-15",
            "2024.03.15",
            "2024. 3. 15.",
            "2024/3/15",
            "20240315",
            "2024-03-15 00:00:00",
        ] {
            assert_eq!(parse_date(raw), want, "{raw}");
        }
        for raw in ["2024-13-01", "15/03/2024x", "어제", "2024-02-30"] {
            assert_eq!(parse_date(raw), None, "{raw}");
        }
    }

    #[test]
    fn sigungu_by_code_or_name() {
        assert_eq!(resolve_sigungu("11110"), Ok("11110".into()));
        assert_eq!(resolve_sigungu("서울특별시 종로구"), Ok("11110".into()));
        assert!(resolve_sigungu("99999").is_err());
        assert_eq!(resolve_sigungu("안산시 단원구"), Ok("41273".into()));
        assert_eq!(
            resolve_sigungu("단원구"),
            Ok("41273".into()),
            "단원구 exists only in 안산"
        );
        let err = resolve_sigungu("중구").unwrap_err();
        assert!(
            err.contains("여러 곳"),
            "중구 exists in several cities: {err}"
        );
    }
}

//! Dates as résumés write them, and periods between two of them.
//!
//! Forms read: 2019.03, 2019. 3., 2019-03, 2019/03, 2019.03.02, 2019년 3월,
//! 19년 3월, '19.03, 201903, 2019年 3月, and for an open end 현재, 재직중,
//! 근무중, Present. Periods: "A ~ B", "A - B", "A 부터 B 까지", "A to B".

use std::fmt;
use std::sync::LazyLock;

use regex::Regex;
use serde::{Serialize, Serializer};

/// A month: what résumés date employment by.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct YearMonth {
    pub year: i32,
    /// 1–12.
    pub month: u32,
}

impl YearMonth {
    pub fn new(year: i32, month: u32) -> Option<YearMonth> {
        ((1..=12).contains(&month) && (1950..=2100).contains(&year))
            .then_some(YearMonth { year, month })
    }

    /// Months since year 0: differences are month counts.
    pub fn index(self) -> i32 {
        self.year * 12 + self.month as i32 - 1
    }

    pub fn from_index(i: i32) -> YearMonth {
        YearMonth {
            year: i.div_euclid(12),
            month: (i.rem_euclid(12) + 1) as u32,
        }
    }

    /// "YYYY-MM".
    pub fn parse(s: &str) -> Option<YearMonth> {
        let (y, m) = s.trim().split_once('-')?;
        if y.len() != 4 || m.len() != 2 {
            return None;
        }
        YearMonth::new(y.parse().ok()?, m.parse().ok()?)
    }
}

impl fmt::Display for YearMonth {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

impl Serialize for YearMonth {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

/// A date found in a line, with its character span.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundDate {
    pub at: YearMonth,
    /// Whether the day was written too (2018.05.02): a birth date looks so.
    pub has_day: bool,
    pub start: usize,
    pub end: usize,
    /// The same span in bytes of the folded line.
    start_byte: usize,
    end_byte: usize,
}

/// A period found in a line: start and end (None = ongoing), character
/// span of the whole period text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FoundPeriod {
    pub start: YearMonth,
    pub end: Option<YearMonth>,
    pub from: usize,
    pub to: usize,
}

static DATE: LazyLock<Regex> = LazyLock::new(|| {
    // On folded text (年月日 → 년월일, full-width → ASCII, quotes → ').
    // Three shapes: 201903; 2019.03(.02) with '.', '-' or '/'; 2019년 3월
    // (2일). A day is read only where it ends at a non-digit, so the "20"
    // of "2019.03-2021.02" stays the next year's.
    Regex::new(
        r"(?x)
        (?P<six>\b(?:19|20)[0-9]{2}(?:0[1-9]|1[0-2])\b)
        |
        (?:(?P<y4>(?:19|20)[0-9]{2})|'(?P<y2>[0-9]{2}))
           \s*[./\-]\s*(?P<m>[0-9]{1,2})(?:\s*월)?
           (?:\s*[./\-]\s*(?P<d>[0-9]{1,2})(?:일|\b))?\.?
        |
        (?:(?P<y4k>(?:19|20)[0-9]{2})|'?(?P<y2k>[0-9]{2}))\s*년\s*(?P<mk>[0-9]{1,2})\s*월
           (?:\s*(?P<dk>[0-9]{1,2})\s*일)?
        |
        (?P<mon>jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s*(?P<ye>(?:19|20)[0-9]{2})
        |
        \b(?P<mm>0?[1-9]|1[0-2])\s*/\s*(?P<ys>(?:19|20)[0-9]{2})\b
        ",
    )
    .expect("date pattern")
});

static ONGOING: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:현재\s*(?:재직\s*중|근무\s*중|까지)?|재직\s*중|근무\s*중|재직|present|now|current|至今|현\s*재)")
        .expect("ongoing pattern")
});

static SEPARATOR: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^\s*(?:입사|부터|시작)?\s*(?:~|-|부터|to)?\s*(?:\(\s*[0-9]+\s*년\s*(?:[0-9]+\s*개월)?\s*\)\s*)?")
        .expect("separator pattern")
});

static UNTIL: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"^\s*(?:까지|퇴사|퇴직)").expect("until pattern"));

fn year_of(c: &regex::Captures<'_>) -> Option<i32> {
    if let Some(y) = c
        .name("y4")
        .or(c.name("y4k"))
        .or(c.name("ye"))
        .or(c.name("ys"))
    {
        return y.as_str().parse().ok();
    }
    let two: i32 = c.name("y2").or(c.name("y2k"))?.as_str().parse().ok()?;
    Some(century(two))
}

/// Character offsets of byte offsets asked in increasing order: each
/// call counts on from the last, so a line costs one pass however many
/// dates it holds.
#[derive(Debug)]
struct CharCounter<'a> {
    s: &'a str,
    byte: usize,
    chars: usize,
}

impl<'a> CharCounter<'a> {
    fn new(s: &'a str) -> Self {
        CharCounter {
            s,
            byte: 0,
            chars: 0,
        }
    }

    fn at(&mut self, b: usize) -> usize {
        if b < self.byte {
            self.byte = 0;
            self.chars = 0;
        }
        self.chars += self.s[self.byte..b].chars().count();
        self.byte = b;
        self.chars
    }
}

/// A two-digit year: '95 is 1995, '19 is 2019.
fn century(two: i32) -> i32 {
    if two >= 50 { 1900 + two } else { 2000 + two }
}

/// Every date in a folded line, left to right.
pub fn dates(folded: &str) -> Vec<FoundDate> {
    let mut out = Vec::new();
    let mut counter = CharCounter::new(folded);
    for c in DATE.captures_iter(folded) {
        let Some(m) = c.get(0) else { continue };
        let (at, has_day) = if let Some(six) = c.name("six") {
            let s = six.as_str();
            let Some(at) = s[..4]
                .parse()
                .ok()
                .zip(s[4..].parse().ok())
                .and_then(|(y, m)| YearMonth::new(y, m))
            else {
                continue;
            };
            (at, false)
        } else {
            let Some(year) = year_of(&c) else { continue };
            const MONTHS: [&str; 12] = [
                "jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec",
            ];
            let named = c
                .name("mon")
                .and_then(|m| MONTHS.iter().position(|x| *x == m.as_str()))
                .map(|i| i as u32 + 1);
            let Some(month) = named.or_else(|| {
                c.name("m")
                    .or(c.name("mk"))
                    .or(c.name("mm"))
                    .and_then(|m| m.as_str().parse().ok())
            }) else {
                continue;
            };
            let Some(at) = YearMonth::new(year, month) else {
                continue;
            };
            let has_day = c
                .name("d")
                .or(c.name("dk"))
                .and_then(|d| d.as_str().parse::<u32>().ok())
                .is_some_and(|d| (1..=31).contains(&d));
            (at, has_day)
        };
        // A phone number or an amount is not a date: no digit may touch it.
        let before = folded[..m.start()].chars().next_back();
        let after = folded[m.end()..].chars().next();
        if before.is_some_and(|c| c.is_ascii_digit()) || after.is_some_and(|c| c.is_ascii_digit()) {
            continue;
        }
        out.push(FoundDate {
            at,
            has_day,
            start: counter.at(m.start()),
            end: counter.at(m.end()),
            start_byte: m.start(),
            end_byte: m.end(),
        });
    }
    out
}

static BARE_PERIOD: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?:^|[^[0-9].])(?P<a>[0-9]{2})\.(?P<am>[0-9]{1,2})\.?\s*~\s*(?:(?P<b>[0-9]{2})\.(?P<bm>[0-9]{1,2})\.?(?:[^[0-9].]|$)|(?P<now>현재|재직))")
        .expect("bare period pattern")
});

/// Periods with two-digit years and no apostrophe ("96.01~04.12"), read
/// only as a period with '~': alone, "96.01" could be a number.
fn bare_periods(folded: &str) -> Vec<FoundPeriod> {
    let year = |s: &str| s.parse::<i32>().ok().map(century);
    let mut counter = CharCounter::new(folded);
    BARE_PERIOD
        .captures_iter(folded)
        .filter_map(|c| {
            let a = c.name("a")?;
            let start = YearMonth::new(year(a.as_str())?, c.name("am")?.as_str().parse().ok()?)?;
            let (end, to) = if let Some(b) = c.name("b") {
                let bm = c.name("bm")?;
                (
                    Some(YearMonth::new(
                        year(b.as_str())?,
                        bm.as_str().parse().ok()?,
                    )?),
                    bm.end(),
                )
            } else {
                (None, c.name("now")?.end())
            };
            if end.is_some_and(|e| e < start) {
                return None;
            }
            Some(FoundPeriod {
                start,
                end,
                from: counter.at(a.start()),
                to: counter.at(to),
            })
        })
        .collect()
}

/// Every period in a folded line: a date, a separator, and a date or an
/// open end. A date followed by an open-end word alone ("2020.03 ~ 현재")
/// counts; a lone date does not.
pub fn periods(folded: &str) -> Vec<FoundPeriod> {
    let out = periods_of_dates(folded);
    if out.is_empty() {
        bare_periods(folded)
    } else {
        out
    }
}

fn periods_of_dates(folded: &str) -> Vec<FoundPeriod> {
    let found = dates(folded);
    let mut out = Vec::new();
    let mut i = 0;
    while i < found.len() {
        let a = found[i];
        let rest = &folded[a.end_byte..];
        let Some(sep) = SEPARATOR
            .find(rest)
            .filter(|m| !m.as_str().trim().is_empty())
        else {
            i += 1;
            continue;
        };
        let sep_text = &rest[..sep.end()];
        let after_sep = a.end + sep_text.chars().count();
        let after_sep_byte = a.end_byte + sep.end();
        if let Some(b) = found.get(i + 1)
            && b.start_byte == after_sep_byte
            && b.at >= a.at
        {
            let mut to = b.end;
            let tail = &folded[b.end_byte..];
            if let Some(u) = UNTIL.find(tail) {
                to += tail[..u.end()].chars().count();
            }
            out.push(FoundPeriod {
                start: a.at,
                end: Some(b.at),
                from: a.start,
                to,
            });
            i += 2;
            continue;
        }
        let tail = &folded[after_sep_byte..];
        // "2021.05.03.~" and nothing after: a job that goes on.
        if tail.trim().is_empty() && sep_text.contains('~') {
            out.push(FoundPeriod {
                start: a.at,
                end: None,
                from: a.start,
                to: after_sep,
            });
            i += 1;
            continue;
        }
        if let Some(m) = ONGOING.find(tail) {
            out.push(FoundPeriod {
                start: a.at,
                end: None,
                from: a.start,
                to: after_sep + tail[..m.end()].chars().count(),
            });
        }
        i += 1;
    }
    out
}

/// Whether the text right after a date says the job goes on ("2020.03
/// 입사 ~ 현재", "재직 중").
pub fn ongoing_word(folded: &str) -> bool {
    ONGOING.is_match(folded)
        || folded.contains("재직중")
        || folded.contains("재직 중")
        || folded.contains("현재")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold;

    fn ym(y: i32, m: u32) -> YearMonth {
        YearMonth { year: y, month: m }
    }

    fn one(s: &str) -> (YearMonth, Option<YearMonth>) {
        let p = periods(&fold(s));
        assert_eq!(p.len(), 1, "{s}: {p:?}");
        (p[0].start, p[0].end)
    }

    #[test]
    fn every_common_form_reads_as_the_same_period() {
        // Each line writes March 2019 to February 2021 another way.
        for s in [
            "2019.03 ~ 2021.02",
            "2019. 3. ~ 2021. 2.",
            "2019-03 - 2021-02",
            "2019/03~2021/02",
            "2019.03.02 ~ 2021.02.28",
            "2019년 3월 ~ 2021년 2월",
            "19년 3월 ~ 21년 2월",
            "'19.03 ~ '21.02",
            "’19.03 – ’21.02",
            "201903 ~ 202102",
            "2019年 3月 ～ 2021年 2月",
            "2019년 3월부터 2021년 2월까지",
            "２０１９．０３ ～ ２０２１．０２",
        ] {
            assert_eq!(one(s), (ym(2019, 3), Some(ym(2021, 2))), "{s}");
        }
    }

    #[test]
    fn an_open_end_is_ongoing() {
        for s in [
            "2020.03 ~ 현재",
            "2020.03 - 재직중",
            "2020.03 ~ 재직 중",
            "2020.03 - Present",
            "2020년 3월 ~ 현재까지",
        ] {
            assert_eq!(one(s), (ym(2020, 3), None), "{s}");
        }
    }

    #[test]
    fn phone_numbers_amounts_and_lone_dates_are_not_periods() {
        assert!(periods(&fold("010-2019-0312")).is_empty());
        assert!(periods(&fold("연봉 2,019만원")).is_empty());
        assert!(periods(&fold("1985.03.12 생")).is_empty());
        // An end before its start is a typo, not a period.
        assert!(periods(&fold("2021.02 ~ 2019.03")).is_empty());
    }
}

//! The figures computed: each one is a list of units (a seeker, a
//! placement, a session…) with the cut keys it falls under and what it
//! contributes; one aggregation makes the total and every cut's rows, so
//! a row and the total can never be counted two different ways.

use crate::catalogue::{Aggregate, Cut, Definition, FIGURES};
use crate::input::{Caseload, CompanyCuts, Placement, Seeker, SeekerCuts, Slice};
use chrono::{Datelike, Months, NaiveDate};
use serde::{Deserialize, Serialize};
// Keyed by the caseload's own ids and labels: a fast hash, with no need
// to defend against chosen keys (SipHash was some 8% of 성과's time at
// 50,000 seekers).
use rustc_hash::FxHashMap as HashMap;

/// The months asked about (whole months, inclusive) and the day the
/// figures are computed on (windows that end after it are not yet known).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    /// The first day of the first month.
    pub from: NaiveDate,
    /// The last day of the last month.
    pub to: NaiveDate,
    pub today: NaiveDate,
}

/// A period that cannot be asked about.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PeriodError {
    #[error("월은 2026-03처럼 적어 주세요 ('{0}').")]
    BadMonth(String),
    #[error("시작 월({from})이 끝 월({to})보다 늦습니다.")]
    Reversed { from: String, to: String },
}

fn month_start(text: &str) -> Result<NaiveDate, PeriodError> {
    let t = text.trim();
    let bad = || PeriodError::BadMonth(t.to_owned());
    let (y, m) = t.split_once('-').ok_or_else(bad)?;
    if y.len() != 4 || m.len() != 2 {
        return Err(bad());
    }
    let (y, m) = (y.parse().map_err(|_| bad())?, m.parse().map_err(|_| bad())?);
    NaiveDate::from_ymd_opt(y, m, 1).ok_or_else(bad)
}

impl Period {
    /// From "YYYY-MM" to "YYYY-MM", both whole months.
    pub fn months(from: &str, to: &str, today: NaiveDate) -> Result<Period, PeriodError> {
        let start = month_start(from)?;
        let last = month_start(to)?;
        if last < start {
            return Err(PeriodError::Reversed {
                from: from.trim().to_owned(),
                to: to.trim().to_owned(),
            });
        }
        let to = last
            .checked_add_months(Months::new(1))
            .and_then(|d| d.pred_opt())
            .unwrap_or(last);
        Ok(Period {
            from: start,
            to,
            today,
        })
    }

    pub fn contains(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.to
    }

    /// The period just before, of the same number of months (for the
    /// change the desk shows beside a headline figure).
    pub fn previous(&self) -> Period {
        let months = u32::try_from(
            (self.to.year() - self.from.year()) * 12 + self.to.month() as i32
                - self.from.month() as i32
                + 1,
        )
        .unwrap_or(1);
        let from = self
            .from
            .checked_sub_months(Months::new(months))
            .unwrap_or(self.from);
        Period {
            from,
            to: self.from.pred_opt().unwrap_or(self.from),
            today: self.today,
        }
    }
}

/// "2026-03".
pub fn month_key(day: NaiveDate) -> String {
    month_text(day.year(), day.month())
}

fn month_text(year: i32, month: u32) -> String {
    format!("{year:04}-{month:02}")
}

/// One cell: a figure's value over the units in it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cell {
    /// The cut's value ("2026-03", "김상담", …); "" for the total.
    pub key: String,
    /// The units the value rests on.
    pub n: u32,
    /// `None` when n is 0 for a share or a median.
    pub value: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CutTable {
    pub cut: Cut,
    pub rows: Vec<Cell>,
}

/// A figure as computed, every cell whatever its n (local use only: what
/// leaves the desk goes through [`crate::publish`]).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Figure {
    pub definition: &'static Definition,
    pub total: Cell,
    pub cuts: Vec<CutTable>,
}

/// What one unit (or, summed by the store, several alike) adds.
#[derive(Debug, Clone, Copy)]
enum Obs {
    One,
    Number(f64),
    Flag(bool),
    /// `n` units adding up to `sum`, `hits` of them with the flag.
    Many {
        n: u32,
        sum: f64,
        hits: u32,
    },
}

/// A figure's cell before it is read as a value: how many units, what
/// their numbers add up to, how many had the flag, and each number (for a
/// median). Two of them over disjoint units (two centers' caseloads) merge
/// into the one of both ([`Partial::merge`]); never two periods' (a firm
/// active in both months would count twice).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Partial {
    pub n: u32,
    pub sum: f64,
    pub hits: u32,
    pub values: Vec<f64>,
}

type Acc = Partial;

impl Partial {
    /// Adds the units of `other` (disjoint from these).
    pub fn merge(&mut self, other: &Partial) {
        self.n += other.n;
        self.sum += other.sum;
        self.hits += other.hits;
        self.values.extend_from_slice(&other.values);
    }

    /// The cell of these units as `aggregate` reads them.
    pub fn to_cell(&self, key: String, aggregate: Aggregate) -> Cell {
        self.clone().cell(key, aggregate)
    }

    fn add(&mut self, obs: Obs) {
        match obs {
            Obs::One => {
                self.n += 1;
                self.sum += 1.0;
            }
            Obs::Number(x) => {
                self.n += 1;
                self.sum += x;
                self.values.push(x);
            }
            Obs::Flag(b) => {
                self.n += 1;
                self.hits += u32::from(b);
            }
            Obs::Many { n, sum, hits } => {
                self.n += n;
                self.sum += sum;
                self.hits += hits;
            }
        }
    }

    fn cell(mut self, key: String, aggregate: Aggregate) -> Cell {
        let value = match aggregate {
            Aggregate::Count => Some(f64::from(self.n)),
            Aggregate::Sum => Some(self.sum),
            Aggregate::Share => {
                (self.n > 0).then(|| f64::from(self.hits) * 100.0 / f64::from(self.n))
            }
            Aggregate::Median => median(&mut self.values),
        };
        Cell {
            key,
            n: self.n,
            value,
        }
    }
}

/// The median; the mean of the two middle values when there are an even
/// number of them.
fn median(values: &mut [f64]) -> Option<f64> {
    if values.is_empty() {
        return None;
    }
    values.sort_by(f64::total_cmp);
    let mid = values.len() / 2;
    Some(if values.len() % 2 == 1 {
        values[mid]
    } else {
        (values[mid - 1] + values[mid]) / 2.0
    })
}

/// A cut's value as a unit is tallied: a month, or a label borrowed from
/// the facts (no text is made per unit; a cell's key is made once).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
enum Key<'a> {
    Month(i32, u32),
    Text(&'a str),
}

impl Key<'_> {
    fn text(self) -> String {
        match self {
            Key::Month(y, m) => month_text(y, m),
            Key::Text(t) => t.to_owned(),
        }
    }
}

fn month(day: NaiveDate) -> Key<'static> {
    Key::Month(day.year(), day.month())
}

/// The keys of one unit (at most a handful beside the groups).
type Keys<'a> = Vec<(Cut, Key<'a>)>;

/// One figure's tally: the total and each cut's rows.
#[derive(Default)]
struct Tally<'a> {
    total: Acc,
    by: HashMap<(Cut, Key<'a>), Acc>,
}

/// Every figure's tally, by catalogue position; when asked, also the
/// units behind one figure's total or one of its cells.
struct Tallies<'a> {
    at: HashMap<&'static str, usize>,
    figures: Vec<Tally<'a>>,
    /// The unit (a seeker's or a firm's id) the next pushes are about;
    /// `None` for rows the store summed.
    unit: Option<&'a str>,
    wanted: Option<Wanted>,
    members: Vec<Member>,
}

/// The figure (catalogue position) and cell whose units are listed.
struct Wanted {
    figure: usize,
    cell: Option<(Cut, String)>,
}

/// A unit behind a figure's cell: whose it is and what it added.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Member {
    /// The seeker's or the firm's id.
    pub id: String,
    /// Whether the flag held, for a share (취업했는가, 유지했는가…).
    pub flag: Option<bool>,
    /// Its number, for a median or a sum (days, won, minutes).
    pub value: Option<f64>,
}

impl<'a> Tallies<'a> {
    fn new() -> Tallies<'a> {
        Tallies {
            at: FIGURES.iter().enumerate().map(|(i, d)| (d.id, i)).collect(),
            figures: FIGURES.iter().map(|_| Tally::default()).collect(),
            unit: None,
            wanted: None,
            members: Vec::new(),
        }
    }

    fn note_member(&mut self, i: usize, keys: &[(Cut, Key<'a>)], obs: Obs) {
        let Some(w) = &self.wanted else { return };
        let Some(unit) = self.unit else { return };
        if w.figure != i {
            return;
        }
        if let Some((cut, key)) = &w.cell
            && !keys.iter().any(|(c, k)| c == cut && k.text() == *key)
        {
            return;
        }
        let (flag, value) = match obs {
            Obs::Flag(b) => (Some(b), None),
            Obs::Number(x) => (None, Some(x)),
            Obs::One | Obs::Many { .. } => (None, None),
        };
        self.members.push(Member {
            id: unit.to_owned(),
            flag,
            value,
        });
    }

    /// A sum the store kept: a month's adds to the total and to the
    /// month's row, a cut's row's to that row alone (a month named as a
    /// cut's row would count its units twice: left out).
    fn push_slice(&mut self, id: &'static str, day: NaiveDate, slice: &'a Slice, obs: Obs) {
        match slice {
            Slice::Month => self.push(id, &[(Cut::Month, month(day))], obs),
            Slice::Row { cut, .. } if *cut == Cut::Month => {}
            Slice::Row { cut, key } => {
                let Some(&i) = self.at.get(id) else {
                    debug_assert!(false, "{id} is not in the catalogue");
                    return;
                };
                self.figures[i]
                    .by
                    .entry((*cut, label(key)))
                    .or_default()
                    .add(obs);
            }
        }
    }

    fn push(&mut self, id: &'static str, keys: &[(Cut, Key<'a>)], obs: Obs) {
        let Some(&i) = self.at.get(id) else {
            debug_assert!(false, "{id} is not in the catalogue");
            return;
        };
        self.note_member(i, keys, obs);
        let t = &mut self.figures[i];
        t.total.add(obs);
        for key in keys {
            t.by.entry(*key).or_default().add(obs);
        }
    }
}

fn figure(definition: &'static Definition, tally: Tally<'_>) -> Figure {
    let mut rows: Vec<((Cut, Key<'_>), Acc)> = tally.by.into_iter().collect();
    rows.sort_unstable_by_key(|(k, _)| *k);
    let mut cuts: Vec<CutTable> = Vec::new();
    for ((cut, key), acc) in rows {
        let cell = acc.cell(key.text(), definition.aggregate);
        match cuts.last_mut() {
            Some(t) if t.cut == cut => t.rows.push(cell),
            _ => cuts.push(CutTable {
                cut,
                rows: vec![cell],
            }),
        }
    }
    Figure {
        definition,
        total: tally.total.cell(String::new(), definition.aggregate),
        cuts,
    }
}

/// An unknown value's row label.
const UNKNOWN: &str = "(미입력)";

fn label(text: &str) -> Key<'_> {
    if text.trim().is_empty() {
        Key::Text(UNKNOWN)
    } else {
        Key::Text(text)
    }
}

fn seeker_keys<'a>(cuts: &'a SeekerCuts, day: NaiveDate, counselor: &'a str) -> Keys<'a> {
    let mut keys = Vec::with_capacity(4 + cuts.target_groups.len());
    keys.extend([
        (Cut::Month, month(day)),
        (Cut::Counselor, label(counselor)),
        (Cut::Track, label(&cuts.track)),
        (Cut::Sigungu, label(&cuts.sigungu)),
    ]);
    push_distinct(&mut keys, Cut::TargetGroup, &cuts.target_groups);
    keys
}

/// Each distinct row once (a unit counts once in a row; "" and " " are
/// both the one row of values not recorded).
fn push_distinct<'a>(keys: &mut Keys<'a>, cut: Cut, values: &'a [String]) {
    for v in values {
        let key = (cut, label(v));
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
}

fn company_keys(cuts: &CompanyCuts, day: NaiveDate) -> Keys<'_> {
    let mut keys = Vec::with_capacity(3 + cuts.focus_industries.len());
    keys.extend([
        (Cut::Month, month(day)),
        (Cut::IndustrialComplex, label(&cuts.industrial_complex)),
        (Cut::Sigungu, label(&cuts.sigungu)),
    ]);
    push_distinct(&mut keys, Cut::FocusIndustry, &cuts.focus_industries);
    keys
}

/// The placements of the seeker's participation: a job that started
/// before they joined is not the program's doing.
fn since_joining(s: &Seeker, joined: NaiveDate) -> impl Iterator<Item = &Placement> {
    s.placements.iter().filter(move |p| p.started_on >= joined)
}

/// The figures of the seekers who joined in the period (the cohort).
fn cohort_figures<'a>(c: &'a Caseload, period: Period, out: &mut Tallies<'a>) {
    for s in &c.seekers {
        let Some(joined) = s.enrolled_on.filter(|d| *d <= period.to) else {
            continue;
        };
        out.unit = Some(&s.id);
        let keys = seeker_keys(&s.cuts, joined, &s.cuts.counselor);
        if s.active {
            out.push("seekers_active", &keys, Obs::One);
        }
        if !period.contains(joined) {
            continue;
        }
        out.push("seekers_new", &keys, Obs::One);
        let stages = [
            ("stage_diagnosis", s.diagnosed_on.is_some()),
            ("stage_counseling", s.first_session_on.is_some()),
            ("stage_referral", s.first_referral_on.is_some()),
            (
                "stage_employment",
                since_joining(s, joined).next().is_some(),
            ),
            (
                "stage_aftercare",
                since_joining(s, joined).any(|p| !p.checks.is_empty()),
            ),
        ];
        for (id, reached) in stages {
            if reached {
                out.push(id, &keys, Obs::One);
            }
        }
        let first = since_joining(s, joined).min_by_key(|p| p.started_on);
        for (id, months) in [("employment_rate_3m", 3), ("employment_rate_6m", 6)] {
            let Some(window_end) = joined.checked_add_months(Months::new(months)) else {
                continue;
            };
            // Over only once its last day has passed: a job starting today
            // may still be recorded tomorrow.
            if window_end < period.today {
                let employed = first.is_some_and(|p| p.started_on <= window_end);
                out.push(id, &keys, Obs::Flag(employed));
            }
        }
        if let Some(p) = first {
            let days = (p.started_on - joined).num_days().max(0);
            out.push("days_to_employment", &keys, Obs::Number(days as f64));
        }
    }
}

/// The figures of the placements that started in the period.
fn placement_figures<'a>(c: &'a Caseload, period: Period, out: &mut Tallies<'a>) {
    let companies: HashMap<&str, &CompanyCuts> = c
        .companies
        .iter()
        .map(|x| (x.id.as_str(), &x.cuts))
        .collect();
    for s in &c.seekers {
        out.unit = Some(&s.id);
        for p in s
            .placements
            .iter()
            .filter(|p| period.contains(p.started_on))
        {
            let keys = seeker_keys(&s.cuts, p.started_on, &s.cuts.counselor);
            if let Some(w) = p.wage_monthly {
                let mut k = keys.clone();
                k.push((Cut::Occupation, label(&p.occupation)));
                out.push("starting_wage", &k, Obs::Number(w as f64));
            }
            for (id, months) in [
                ("retention_3m", 3u8),
                ("retention_6m", 6),
                ("retention_12m", 12),
            ] {
                // The latest check of that month count is the one that stands.
                if let Some(check) = p.checks.iter().rev().find(|x| x.months == months) {
                    out.push(id, &keys, Obs::Flag(check.still_employed));
                }
            }
            if let Some((id, firm)) = p
                .company
                .as_deref()
                .and_then(|id| companies.get(id).map(|f| (id, f)))
            {
                // A hire through the center is the firm's: listed by firm.
                out.unit = Some(id);
                let k = company_keys(firm, p.started_on);
                out.push("company_hires", &k, Obs::One);
                if let Some(check) = p.checks.iter().rev().find(|x| x.months == 3) {
                    out.push(
                        "company_hire_retention_3m",
                        &k,
                        Obs::Flag(check.still_employed),
                    );
                }
                out.unit = Some(&s.id);
            }
        }
    }
}

fn activity_figures<'a>(c: &'a Caseload, period: Period, out: &mut Tallies<'a>) {
    for r in c.referrals.iter().filter(|r| period.contains(r.on)) {
        out.unit = Some(&r.seeker_id);
        let mut k = seeker_keys(&r.seeker, r.on, &r.seeker.counselor);
        k.push((Cut::PartnerType, label(&r.partner_type)));
        k.push((Cut::Outcome, label(&r.outcome)));
        out.push("referrals", &k, Obs::One);
    }
    out.unit = None;
    for s in c.sessions.iter().filter(|s| period.contains(s.month)) {
        let n = s.sessions;
        let sessions = Obs::Many {
            n,
            sum: f64::from(n),
            hits: 0,
        };
        out.push_slice("sessions", s.month, &s.slice, sessions);
        let minutes = Obs::Many {
            n,
            sum: s.minutes as f64,
            hits: 0,
        };
        out.push_slice("session_minutes", s.month, &s.slice, minutes);
    }
    for i in c.iap_checks.iter().filter(|i| period.contains(i.month)) {
        let checks = Obs::Many {
            n: i.checked,
            sum: 0.0,
            hits: i.complied.min(i.checked),
        };
        out.push_slice("iap_compliance", i.month, &i.slice, checks);
    }
    for firm in &c.companies {
        out.unit = Some(&firm.id);
        if let Some(first) = firm.activity.iter().filter(|d| period.contains(**d)).min() {
            out.push("firms_served", &company_keys(&firm.cuts, *first), Obs::One);
        }
        for (id, days) in [
            ("company_diagnoses", &firm.diagnoses),
            ("actions_done", &firm.actions_done),
            ("programs_linked", &firm.programs_linked),
        ] {
            for d in days.iter().filter(|d| period.contains(**d)) {
                out.push(id, &company_keys(&firm.cuts, *d), Obs::One);
            }
        }
    }
    let firms: HashMap<&str, &CompanyCuts> = c
        .companies
        .iter()
        .map(|x| (x.id.as_str(), &x.cuts))
        .collect();
    static NONE: CompanyCuts = CompanyCuts {
        focus_industries: Vec::new(),
        industrial_complex: String::new(),
        sigungu: String::new(),
    };
    for v in &c.vacancies {
        let cuts = firms.get(v.company.as_str()).copied().unwrap_or(&NONE);
        out.unit = Some(&v.company);
        if period.contains(v.opened_on) {
            out.push(
                "vacancies_opened",
                &company_keys(cuts, v.opened_on),
                Obs::One,
            );
        }
        if let Some(filled) = v.filled_on.filter(|d| period.contains(*d)) {
            let k = company_keys(cuts, filled);
            out.push("vacancies_filled", &k, Obs::One);
            let days = (filled - v.opened_on).num_days().max(0);
            out.push("days_to_fill", &k, Obs::Number(days as f64));
        }
    }
}

/// Every figure's total for the period, unread ([`Partial`]), in catalogue
/// order: what a server merges over several centers' caseloads.
pub fn totals(c: &Caseload, period: Period) -> Vec<Partial> {
    let mut tallies = Tallies::new();
    tally(c, period, &mut tallies);
    tallies.figures.into_iter().map(|t| t.total).collect()
}

/// Every figure of the catalogue for the period, in catalogue order.
pub fn compute(c: &Caseload, period: Period) -> Vec<Figure> {
    let mut tallies = Tallies::new();
    tally(c, period, &mut tallies);
    FIGURES
        .iter()
        .zip(tallies.figures)
        .map(|(d, t)| figure(d, t))
        .collect()
}

fn tally<'a>(c: &'a Caseload, period: Period, tallies: &mut Tallies<'a>) {
    cohort_figures(c, period, tallies);
    placement_figures(c, period, tallies);
    activity_figures(c, period, tallies);
}

/// The units behind a figure's total (`cell` `None`) or behind one of its
/// cells (a cut and a row's key as [`compute`] gives it), in the order they
/// were counted: the same pass as [`compute`], so the list and the count
/// cannot disagree. Empty for an unknown figure, and for the figures the
/// store sums (sessions, minutes, IAP compliance), whose units are not
/// read one by one. A seeker or firm may appear more than once (two
/// placements, two referrals).
pub fn members(
    c: &Caseload,
    period: Period,
    figure: &str,
    cell: Option<(Cut, &str)>,
) -> Vec<Member> {
    let mut tallies = Tallies::new();
    let Some(&i) = tallies.at.get(figure) else {
        return Vec::new();
    };
    tallies.wanted = Some(Wanted {
        figure: i,
        cell: cell.map(|(cut, key)| (cut, key.to_owned())),
    });
    tally(c, period, &mut tallies);
    tallies.members
}

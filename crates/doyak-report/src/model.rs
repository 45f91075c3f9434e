//! The report model: what a screen hands over to be printed. Plain data, no
//! layout decisions; every string may be empty or hold anything a user typed.

use serde::{Deserialize, Serialize};

/// One printable report (보고서): a title page header, then blocks in order.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Document {
    /// Printed large and bold at the top of the first page, and the PDF's
    /// title, e.g. "구직자 진단 결과 및 개인별 취업활동계획(IAP)".
    pub title: String,
    /// A smaller line under the title.
    pub subtitle: Option<String>,
    /// Header key/value lines, printed as a grid of two pairs a row:
    /// ("성명", "김도약"), ("작성일", "2026-12-03") …
    pub meta: Vec<(String, String)>,
    /// The body, in order.
    pub blocks: Vec<Block>,
    /// Printed at the bottom left of every page; "n / N 쪽" goes on the right.
    pub footer: String,
}

/// One piece of the body.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum Block {
    /// A section heading, bold; never left alone at the bottom of a page.
    Heading(String),
    /// Body text that wraps; '\n' starts a new line.
    Paragraph(String),
    /// Smaller, grey text: basis notes, "확인 필요". '\n' starts a new line.
    Note(String),
    /// A table with a light grey header row that is repeated on every page
    /// the table reaches. Cells wrap within their column.
    ///
    /// A row with fewer cells than columns is padded with empty cells; a row
    /// with more has the extra cells' text put in its last cell, one extra
    /// cell a line, so nothing typed is lost. A table without columns is
    /// printed as one untitled column.
    Table {
        columns: Vec<Column>,
        rows: Vec<Vec<String>>,
    },
    /// A horizontal bar chart, one bar a row (e.g. readiness scale scores).
    Bars(Vec<Bar>),
}

/// A table column.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Column {
    /// The header cell's text.
    pub title: String,
    /// Relative weight of the column's width; the columns share the text
    /// width in proportion. A weight that is not a finite number above 0
    /// counts as 1.
    pub width: f32,
    /// How the column's cells (not its header, which is centred) align.
    pub align: Align,
}

/// Horizontal alignment of a table column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Align {
    #[default]
    Left,
    Right,
    Center,
}

/// One bar of a [`Block::Bars`] chart.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bar {
    /// Printed left of the bar.
    pub label: String,
    /// The bar's length is `value / max` of the track, clamped to the track;
    /// a value that is not a number draws an empty bar.
    pub value: f32,
    /// The value of a full bar; 0, below 0 or not a number draws an empty bar.
    pub max: f32,
    /// Printed right of the bar, e.g. "62점 · 보통".
    pub text: String,
}

impl Bar {
    /// The filled share of the track, in 0..=1.
    pub fn fraction(&self) -> f32 {
        if self.max.is_nan() || self.max <= 0.0 || self.value.is_nan() {
            return 0.0;
        }
        // max may be +inf: any finite value is then 0 of it.
        let fraction = self.value / self.max;
        if fraction.is_nan() {
            0.0
        } else {
            fraction.clamp(0.0, 1.0)
        }
    }
}

impl Column {
    /// The width weight actually used: the given one, or 1 when it is not a
    /// finite number above 0.
    pub(crate) fn weight(&self) -> f32 {
        if self.width.is_finite() && self.width > 0.0 {
            self.width
        } else {
            1.0
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn bar(value: f32, max: f32) -> Bar {
        Bar {
            label: String::new(),
            value,
            max,
            text: String::new(),
        }
    }

    #[test]
    fn bar_fraction_clamps_and_treats_bad_input_as_empty() {
        assert_eq!(bar(62.0, 100.0).fraction(), 0.62);
        assert_eq!(
            bar(150.0, 100.0).fraction(),
            1.0,
            "over max fills the track, no more"
        );
        assert_eq!(bar(-5.0, 100.0).fraction(), 0.0, "below 0 is an empty bar");
        assert_eq!(
            bar(f32::NAN, 100.0).fraction(),
            0.0,
            "NaN value is an empty bar"
        );
        assert_eq!(bar(5.0, 0.0).fraction(), 0.0, "max 0 is an empty bar");
        assert_eq!(
            bar(5.0, -1.0).fraction(),
            0.0,
            "negative max is an empty bar"
        );
        assert_eq!(
            bar(5.0, f32::NAN).fraction(),
            0.0,
            "NaN max is an empty bar"
        );
        assert_eq!(bar(f32::INFINITY, 100.0).fraction(), 1.0);
        assert_eq!(
            bar(f32::INFINITY, f32::INFINITY).fraction(),
            0.0,
            "inf/inf is NaN: empty"
        );
    }

    #[test]
    fn column_weight_falls_back_to_one() {
        let column = |width| Column {
            title: String::new(),
            width,
            align: Align::Left,
        };
        assert_eq!(column(2.5).weight(), 2.5);
        for bad in [0.0, -1.0, f32::NAN, f32::INFINITY] {
            assert_eq!(
                column(bad).weight(),
                1.0,
                "weight {bad} is unusable, counts as 1"
            );
        }
    }
}

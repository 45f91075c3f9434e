//! doyak-report: one report module for every printable report (seeker,
//! company, monthly). A screen builds a [`Document`] — title, header
//! key/value lines, then headings, paragraphs, notes, tables and bar charts
//! — and [`render_pdf`] turns it into the bytes of an A4 PDF.
//!
//! The Korean font (Pretendard GOV, Regular and Bold, OFL 1.1) is compiled
//! in and only the glyphs a report uses are embedded, so a report prints
//! the same on any machine and copies out as text. Like the engines, this
//! crate is pure: no files, no clock, no randomness — the same document
//! gives the same bytes.
//!
//! Bad input is printed as well as it can be, never a panic or an error:
//! control characters are dropped, rows are fitted to their table's columns
//! (see [`Block::Table`]), bars with unusable numbers are empty, and text of
//! any length flows onto as many pages as it needs. Layout in brief: 20 mm
//! margins; Korean text breaks between syllables (at spaces when that keeps
//! the line full); a table's header row repeats on every page, a row is
//! kept whole unless it is taller than a page, and then it continues under
//! the repeated header; every page ends with the footer text and "n / N 쪽".

mod error;
mod font;
mod layout;
mod model;
mod paint;
mod table;
mod text;

pub use error::ReportError;
pub use model::{Align, Bar, Block, Column, Document};

/// Renders `doc` to the bytes of a PDF file.
///
/// Fails only if the bundled font cannot be read or the PDF writer refuses
/// the document; nothing in `doc` can make it fail.
pub fn render_pdf(doc: &Document) -> Result<Vec<u8>, ReportError> {
    let fonts = font::Fonts::load()?;
    let pages = layout::layout(doc, &fonts);
    paint::paint(&pages, &fonts, &text::clean(&doc.title, false))
}

//! A document as lines the engine reads, with the text folded for matching.
//!
//! Folding maps one character to one character (full-width ASCII to ASCII,
//! every tilde and dash to '~' and '-', 年/月/日 to 년/월/일, letters to
//! lower case), so a match's character offsets in the folded text are its
//! offsets in the original line too: the desk highlights the original.

use serde::Serialize;

use crate::read::{Block, Document};

/// Where a line sits in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Cell {
    /// Which table (index of its block).
    pub table: usize,
    pub row: usize,
    pub col: usize,
}

/// One line of the document: a paragraph, or one line of a table cell.
#[derive(Debug, Clone)]
pub struct Line {
    /// The text as written (trimmed).
    pub text: String,
    /// [`fold`]ed `text`: same number of characters.
    pub folded: String,
    /// The table cell it came from, if any.
    pub cell: Option<Cell>,
}

/// A span of one line, in characters (not bytes).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Span {
    pub line: usize,
    pub start: usize,
    pub end: usize,
}

/// One character folded for matching; always exactly one character out.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFF01 + 0x21)
            .unwrap_or(c)
            .to_ascii_lowercase(),
        '\u{3000}' | '\u{00A0}' | '\t' => ' ',
        '∼' | '〜' | '˜' => '~',
        '–' | '—' | '‐' | '‑' | '‒' | '−' | '―' | 'ㅡ' => '-',
        '年' => '년',
        '月' => '월',
        '日' => '일',
        '’' | '‘' | '`' | '´' => '\'',
        '。' => '.',
        _ => c.to_ascii_lowercase(),
    }
}

/// A string folded character by character (see the module note).
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// Folded text without whitespace, and for each of its characters the
/// character offset it came from: matching ignores spacing ("경 력 사 항",
/// "지게차 운전기능사") and still reports where in the line it matched.
#[derive(Debug, Clone)]
pub struct Compact {
    pub text: String,
    /// `offsets[i]` is the character offset in the line of the compact
    /// text's i-th character; one extra entry holds the line's length.
    pub offsets: Vec<usize>,
}

impl Compact {
    pub fn of(folded: &str) -> Compact {
        let mut text = String::with_capacity(folded.len());
        let mut offsets = Vec::with_capacity(folded.len() + 1);
        let mut n = 0;
        for (i, c) in folded.chars().enumerate() {
            n = i + 1;
            if !c.is_whitespace() {
                text.push(c);
                offsets.push(i);
            }
        }
        offsets.push(n);
        Compact { text, offsets }
    }

    /// The line's character range of the compact byte range `start..end`.
    pub fn chars_of(&self, start: usize, end: usize) -> (usize, usize) {
        let s = self.text[..start].chars().count();
        let e = s + self.text[start..end].chars().count();
        let from = self.offsets[s];
        let to = if e == 0 { 0 } else { self.offsets[e - 1] + 1 };
        (from, to.max(from))
    }
}

/// A string without whitespace, folded: the key names and words are
/// compared by.
pub fn compact(s: &str) -> String {
    s.chars()
        .map(fold_char)
        .filter(|c| !c.is_whitespace())
        .collect()
}

/// The longest line the engine reads, in characters. A résumé's lines are
/// far shorter; a longer one (a file with no line breaks, or built to be
/// slow) is cut at a space before this, so the work per line stays bounded.
pub const MAX_LINE_CHARS: usize = 1_000;

/// A line cut into pieces of at most [`MAX_LINE_CHARS`], at the last space
/// before the limit where there is one.
fn chunks(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while rest.chars().count() > MAX_LINE_CHARS {
        let limit = rest
            .char_indices()
            .nth(MAX_LINE_CHARS)
            .map_or(rest.len(), |(b, _)| b);
        let cut = rest[..limit]
            .rfind(char::is_whitespace)
            .filter(|&b| b > 0)
            .unwrap_or(limit);
        out.push(&rest[..cut]);
        rest = &rest[cut..];
    }
    out.push(rest);
    out
}

/// The document's lines in reading order: each paragraph, then each table
/// row's cells left to right, a cell with several paragraphs giving one
/// line each.
pub fn lines(document: &Document) -> Vec<Line> {
    let mut out = Vec::new();
    let mut push = |text: &str, cell: Option<Cell>| {
        for part in text.split('\n') {
            for text in chunks(part.trim()) {
                let text = text.trim();
                if !text.is_empty() {
                    out.push(Line {
                        text: text.to_owned(),
                        folded: fold(text),
                        cell,
                    });
                }
            }
        }
    };
    for (b, block) in document.blocks.iter().enumerate() {
        match block {
            Block::Paragraph(text) => push(text, None),
            Block::Table(rows) => {
                for (r, row) in rows.iter().enumerate() {
                    for (c, cell) in row.iter().enumerate() {
                        push(
                            cell,
                            Some(Cell {
                                table: b,
                                row: r,
                                col: c,
                            }),
                        );
                    }
                }
            }
        }
    }
    out
}

/// Lines of plain text (the counselor's edited text): one paragraph each.
pub fn lines_of_text(text: &str) -> Vec<Line> {
    lines(&Document {
        format: crate::read::Format::Text,
        blocks: text
            .lines()
            .map(|l| Block::Paragraph(l.to_owned()))
            .collect(),
    })
}

/// Whether a character is a Hangul syllable or jamo.
pub fn is_hangul(c: char) -> bool {
    matches!(c, '\u{AC00}'..='\u{D7A3}' | '\u{1100}'..='\u{11FF}' | '\u{3130}'..='\u{318F}')
}

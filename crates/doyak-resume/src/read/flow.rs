//! The body of a word-processor XML part (DOCX's `word/document.xml`, an
//! HWPX section) walked into blocks.
//!
//! Both formats share the shape that matters here — paragraphs `p` holding
//! text `t`, tables `tbl` of rows `tr` of cells `tc` whose content is more
//! paragraphs — under different namespaces, so one walker matches local
//! names and a [`Dialect`] says where the two differ.

use quick_xml::Reader;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};

use super::{Block, ReadError};

/// Where a format departs from the shared shape.
#[derive(Debug)]
pub(super) struct Dialect {
    /// Elements whose whole subtree is not body text: the fallback copy of
    /// alternate content (which repeats the preferred copy), headers,
    /// footers, notes.
    pub(super) skip: &'static [&'static str],
    /// The element inside which `tab`, line breaks and special spaces count
    /// as text: DOCX puts them in a run `r` beside `t`, HWPX inside `t`.
    /// A `tab` elsewhere is a tab-stop definition, not a character.
    pub(super) inline_parent: &'static str,
}

/// Walks one XML part into blocks. Malformed XML is [`ReadError::Broken`];
/// an XML part that ends early gives what was read up to its end.
pub(super) fn walk(part: &str, xml: &[u8], dialect: &Dialect) -> Result<Vec<Block>, ReadError> {
    let xml = std::str::from_utf8(xml)
        .map_err(|_| ReadError::broken(format!("{part}: UTF-8이 아닌 XML")))?;
    let mut reader = Reader::from_str(xml);
    let mut flow = Flow::default();
    // Local names of the open elements; `skipping` is the depth at which a
    // skipped subtree started.
    let mut open: Vec<String> = Vec::new();
    let mut skipping: Option<usize> = None;
    loop {
        let event = reader
            .read_event()
            .map_err(|error| ReadError::broken(format!("{part}: {error}")))?;
        match event {
            Event::Start(element) => {
                let name = local_name(&element);
                if skipping.is_none() {
                    if dialect.skip.contains(&name.as_str()) {
                        skipping = Some(open.len());
                    } else {
                        flow.start(&name);
                    }
                }
                open.push(name);
            }
            Event::End(_) => {
                let Some(name) = open.pop() else { continue };
                match skipping {
                    Some(depth) if depth == open.len() => skipping = None,
                    Some(_) => {}
                    None => flow.end(&name),
                }
            }
            Event::Empty(element) if skipping.is_none() => {
                let name = local_name(&element);
                let parent = open.last().map(String::as_str);
                if parent == Some(dialect.inline_parent)
                    && let Some(text) = inline(&name)
                {
                    flow.text(text);
                } else {
                    // `<w:tc/>` is an empty cell that still holds its column.
                    flow.start(&name);
                    flow.end(&name);
                }
            }
            Event::Text(text) if skipping.is_none() && in_text(&open) => {
                flow.text(&text.xml10_content());
            }
            Event::GeneralRef(reference) if skipping.is_none() && in_text(&open) => {
                let resolved = if reference.is_char_ref() {
                    reference
                        .resolve_char_ref()
                        .ok()
                        .flatten()
                        .map(String::from)
                } else {
                    resolve_predefined_entity(&reference).map(String::from)
                };
                if let Some(resolved) = resolved {
                    flow.text(&resolved);
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    Ok(flow.finish())
}

fn local_name(element: &BytesStart<'_>) -> String {
    element.local_name().as_ref().to_owned()
}

fn in_text(open: &[String]) -> bool {
    open.last().is_some_and(|name| name == "t")
}

/// What an empty inline element stands for in the text.
fn inline(name: &str) -> Option<&'static str> {
    match name {
        "tab" => Some("\t"),
        "br" | "cr" | "lineBreak" => Some("\n"),
        "fwSpace" | "nbSpace" => Some(" "),
        "noBreakHyphen" | "hyphen" => Some("-"),
        _ => None,
    }
}

/// Blocks being built: the open paragraphs (a text box can open one inside
/// another) and the open top-level table. A table inside a table is
/// flattened into the outer cell, one inner paragraph a line: a counselor
/// wants its words, and a grid inside a cell has no reliable reading order.
#[derive(Debug, Default)]
struct Flow {
    blocks: Vec<Block>,
    paragraphs: Vec<String>,
    table_depth: usize,
    rows: Vec<Vec<String>>,
    row: Option<Vec<String>>,
    cell: Option<String>,
}

impl Flow {
    fn start(&mut self, name: &str) {
        match name {
            "p" => self.paragraphs.push(String::new()),
            "tbl" => {
                if self.table_depth == 0 {
                    // HWPX anchors a table inside a paragraph: the text before
                    // the table comes before it.
                    for open in 0..self.paragraphs.len() {
                        let text = std::mem::take(&mut self.paragraphs[open]);
                        self.emit(text);
                    }
                }
                self.table_depth += 1;
            }
            "tr" if self.table_depth == 1 => {
                self.end_row();
                self.row = Some(Vec::new());
            }
            "tc" if self.table_depth == 1 => {
                self.end_cell();
                self.cell = Some(String::new());
            }
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "p" => {
                if let Some(text) = self.paragraphs.pop() {
                    self.emit(text);
                }
            }
            "tbl" => {
                if self.table_depth == 1 {
                    self.end_table();
                }
                self.table_depth = self.table_depth.saturating_sub(1);
            }
            "tr" if self.table_depth == 1 => self.end_row(),
            "tc" if self.table_depth == 1 => self.end_cell(),
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        if let Some(paragraph) = self.paragraphs.last_mut() {
            paragraph.push_str(text);
        }
    }

    /// A finished paragraph goes into the open cell, or is a block.
    fn emit(&mut self, text: String) {
        if text.trim().is_empty() {
            return;
        }
        if self.table_depth > 0 {
            let cell = self.cell.get_or_insert_with(String::new);
            if !cell.is_empty() {
                cell.push('\n');
            }
            cell.push_str(&text);
        } else {
            self.blocks.push(Block::Paragraph(text));
        }
    }

    fn end_cell(&mut self) {
        if let Some(cell) = self.cell.take() {
            self.row.get_or_insert_with(Vec::new).push(cell);
        }
    }

    fn end_row(&mut self) {
        self.end_cell();
        if let Some(row) = self.row.take() {
            self.rows.push(row);
        }
    }

    fn end_table(&mut self) {
        self.end_row();
        let rows = std::mem::take(&mut self.rows);
        self.blocks.push(Block::Table(rows));
    }

    /// The blocks, closing whatever a part that ended early left open.
    fn finish(mut self) -> Vec<Block> {
        while let Some(text) = self.paragraphs.pop() {
            self.emit(text);
        }
        if self.table_depth > 0 {
            self.end_table();
        }
        self.blocks
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PLAIN: Dialect = Dialect {
        skip: &["Fallback"],
        inline_parent: "r",
    };

    #[test]
    fn text_before_an_anchored_table_comes_before_it() {
        let xml = "<s><p><t>앞</t><tbl><tr><tc><p><t>칸</t></p></tc></tr></tbl><t>뒤</t></p></s>";
        assert_eq!(
            walk("test", xml.as_bytes(), &PLAIN).expect("well-formed"),
            vec![
                Block::Paragraph("앞".into()),
                Block::Table(vec![vec!["칸".into()]]),
                Block::Paragraph("뒤".into()),
            ],
            "reading order is kept around a table anchored in a paragraph"
        );
    }

    #[test]
    fn entities_and_inline_breaks_are_text() {
        let xml =
            "<p><r><t>A&amp;B&#xAC00;</t><tab/><t>x</t><br/><t>y</t></r><tabs><tab/></tabs></p>";
        assert_eq!(
            walk("test", xml.as_bytes(), &PLAIN).expect("well-formed"),
            vec![Block::Paragraph("A&B가\tx\ny".into())],
            "a tab stop definition outside a run is not a tab character"
        );
    }

    #[test]
    fn malformed_xml_is_broken() {
        let result = walk("test", b"<p><t>a</x></p>", &PLAIN);
        assert!(
            matches!(result, Err(ReadError::Broken { .. })),
            "{result:?}"
        );
    }
}

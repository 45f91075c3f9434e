//! Grids of bordered cells: the document's meta grid and its tables. Cells
//! wrap within their column; a table's header row repeats on every page it
//! reaches; a row that fits on a page is never split, and a row taller than
//! a page is split between lines, continuing under the repeated header.

use crate::layout::{
    self, BORDER, CELL, CONTENT_HEIGHT, CONTENT_WIDTH, Flow, HEADER_CELL, KEY_FILL, LEFT, Op, Rgb,
    Style,
};
use crate::model::{Align, Column};
use crate::text::{self, Line};

const PAD_X: f32 = 4.0;
const PAD_Y: f32 = 3.0;
const BORDER_WIDTH: f32 = 0.5;
/// Table rows start a new page rather than begin a split with fewer lines.
const MIN_SPLIT_LINES: usize = 3;

#[derive(Debug)]
struct Cell {
    lines: Vec<Line>,
    style: Style,
    align: Align,
    fill: Option<Rgb>,
    /// The first column the cell covers, and how many.
    column: usize,
    span: usize,
}

#[derive(Debug)]
struct Row {
    cells: Vec<Cell>,
}

impl Row {
    fn line_count(&self) -> usize {
        self.cells
            .iter()
            .map(|c| c.lines.len())
            .max()
            .unwrap_or(0)
            .max(1)
    }
}

/// Column edges: `edges[i]` is column i's left side, the last is the right
/// side of the grid.
#[derive(Debug)]
struct Grid {
    edges: Vec<f32>,
}

impl Grid {
    fn new(weights: &[f32]) -> Self {
        let total: f32 = weights.iter().sum();
        let mut edges = Vec::with_capacity(weights.len() + 1);
        let mut x = LEFT;
        edges.push(x);
        for weight in weights {
            x += weight / total * CONTENT_WIDTH;
            edges.push(x);
        }
        Grid { edges }
    }

    fn span(&self, column: usize, span: usize) -> (f32, f32) {
        let last = self.edges.len() - 1;
        let from = column.min(last);
        let to = (column + span).min(last);
        (self.edges[from], self.edges[to] - self.edges[from])
    }

    #[allow(clippy::too_many_arguments)]
    fn cell(
        &self,
        flow: &Flow<'_>,
        text: &str,
        style: Style,
        align: Align,
        fill: Option<Rgb>,
        column: usize,
        span: usize,
    ) -> Cell {
        let (_, width) = self.span(column, span);
        let face = flow.fonts.face(style.weight);
        let text = text::clean(text, true);
        Cell {
            lines: text::wrap(&text, face, style.size, width - 2.0 * PAD_X),
            style,
            align,
            fill,
            column,
            span,
        }
    }
}

/// A document table. See [`crate::Block::Table`] for how rows that do not
/// match the columns are printed.
pub(crate) fn table(flow: &mut Flow<'_>, columns: &[Column], rows: &[Vec<String>]) {
    let untitled = [Column {
        title: String::new(),
        width: 1.0,
        align: Align::Left,
    }];
    let columns = if columns.is_empty() {
        &untitled[..]
    } else {
        columns
    };
    let weights: Vec<f32> = columns.iter().map(Column::weight).collect();
    let grid = Grid::new(&weights);
    let header = columns.iter().any(|c| !c.title.trim().is_empty()).then(|| {
        let mut row = Row {
            cells: columns
                .iter()
                .enumerate()
                .map(|(i, c)| {
                    grid.cell(
                        flow,
                        &c.title,
                        HEADER_CELL,
                        Align::Center,
                        Some(layout::HEADER_FILL),
                        i,
                        1,
                    )
                })
                .collect(),
        };
        // A header taller than a third of a page would leave too little
        // room for rows under it on every page.
        let max_lines = ((CONTENT_HEIGHT / 3.0 - 2.0 * PAD_Y) / HEADER_CELL.line_height()) as usize;
        let face = flow.fonts.face(HEADER_CELL.weight);
        for cell in &mut row.cells {
            let (_, width) = grid.span(cell.column, 1);
            let lines = std::mem::take(&mut cell.lines);
            cell.lines = text::clip_lines(
                lines,
                max_lines,
                face,
                HEADER_CELL.size,
                width - 2.0 * PAD_X,
            );
        }
        row
    });
    let body: Vec<Row> = rows
        .iter()
        .map(|texts| Row {
            cells: fit_to_columns(texts, columns.len())
                .iter()
                .enumerate()
                .map(|(i, text)| grid.cell(flow, text, CELL, columns[i].align, None, i, 1))
                .collect(),
        })
        .collect();
    draw_rows(flow, &grid, header.as_ref(), &body);
}

/// Exactly `n` cell texts (n ≥ 1): missing cells are empty, and the text
/// of cells past the last column goes into the last cell, one a line
/// (empty ones are skipped).
fn fit_to_columns(texts: &[String], n: usize) -> Vec<String> {
    let mut cells: Vec<String> = texts.iter().take(n).cloned().collect();
    cells.resize(n, String::new());
    if let (Some(extras), Some(last)) = (texts.get(n..), cells.last_mut()) {
        for extra in extras.iter().filter(|extra| !extra.trim().is_empty()) {
            if !last.is_empty() {
                last.push('\n');
            }
            last.push_str(extra);
        }
    }
    cells
}

/// The header key/value lines: two pairs a row, keys bold on light grey;
/// an odd last pair's value spans the rest of its row.
pub(crate) fn meta_grid(flow: &mut Flow<'_>, meta: &[(String, String)]) {
    let grid = Grid::new(&[1.1, 2.9, 1.1, 2.9]);
    let key_style = Style {
        weight: HEADER_CELL.weight,
        ..CELL
    };
    let rows: Vec<Row> = meta
        .chunks(2)
        .map(|pairs| {
            let mut cells = Vec::new();
            for (i, (key, value)) in pairs.iter().enumerate() {
                let span = if pairs.len() == 1 { 3 } else { 1 };
                let key = text::clean(key, false);
                cells.push(grid.cell(flow, &key, key_style, Align::Left, Some(KEY_FILL), 2 * i, 1));
                cells.push(grid.cell(flow, value, CELL, Align::Left, None, 2 * i + 1, span));
            }
            Row { cells }
        })
        .collect();
    draw_rows(flow, &grid, None, &rows);
}

fn row_height(lines: usize, style_height: f32) -> f32 {
    lines as f32 * style_height + 2.0 * PAD_Y
}

fn draw_rows(flow: &mut Flow<'_>, grid: &Grid, header: Option<&Row>, rows: &[Row]) {
    let lh = CELL.line_height();
    let header_height = header.map_or(0.0, |h| row_height(h.line_count(), lh));
    let start_page = |flow: &mut Flow<'_>| {
        flow.new_page();
        if let Some(header) = header {
            draw_slice(flow, grid, header, 0, header.line_count());
        }
    };
    if rows.is_empty() {
        if let Some(header) = header {
            flow.ensure(header_height);
            draw_slice(flow, grid, header, 0, header.line_count());
        }
        return;
    }
    for (index, row) in rows.iter().enumerate() {
        let lines = row.line_count();
        let height = row_height(lines, lh);
        let fits_a_page = header_height + height <= CONTENT_HEIGHT;
        if index == 0 {
            // The header never stands alone at the bottom of a page.
            let first = if fits_a_page {
                height
            } else {
                row_height(MIN_SPLIT_LINES, lh)
            };
            flow.ensure(header_height + first);
            if let Some(header) = header {
                draw_slice(flow, grid, header, 0, header.line_count());
            }
        }
        let room = |flow: &Flow<'_>| {
            ((layout::BOTTOM - flow.y - 2.0 * PAD_Y) / lh)
                .floor()
                .max(0.0) as usize
        };
        if !flow.fits(height) && (fits_a_page || room(flow) < MIN_SPLIT_LINES.min(lines)) {
            start_page(flow);
        }
        // Only a row taller than a page loops: each page takes the lines
        // that fit, and the rest continue under the repeated header.
        let mut from = 0;
        while from < lines {
            let take = room(flow).min(lines - from);
            if take == 0 {
                start_page(flow);
                if room(flow) == 0 {
                    break; // cannot happen: the header is at most a third of a page
                }
                continue;
            }
            draw_slice(flow, grid, row, from, take);
            from += take;
            if from < lines {
                start_page(flow);
            }
        }
    }
}

/// Draws lines `from..from + count` of every cell of `row` as one band of
/// bordered cells at the flow's position, and moves the flow below it.
fn draw_slice(flow: &mut Flow<'_>, grid: &Grid, row: &Row, from: usize, count: usize) {
    let lh = CELL.line_height();
    let top = flow.y;
    let height = row_height(count, lh);
    // Fills first, inset by half a border, so no fill covers a border.
    for cell in &row.cells {
        if let Some(color) = cell.fill {
            let (x, w) = grid.span(cell.column, cell.span);
            let inset = BORDER_WIDTH / 2.0;
            flow.page.push(Op::FillRect {
                x: x + inset,
                y: top + inset,
                w: w - 2.0 * inset,
                h: height - 2.0 * inset,
                color,
            });
        }
    }
    for cell in &row.cells {
        let (x, w) = grid.span(cell.column, cell.span);
        flow.page.push(Op::StrokeRect {
            x,
            y: top,
            w,
            h: height,
            width: BORDER_WIDTH,
            color: BORDER,
        });
        for (i, line) in cell.lines.iter().skip(from).take(count).enumerate() {
            let line_x = layout::aligned_x(x, w, PAD_X, line.width, cell.align);
            flow.text(line_x, top + PAD_Y + i as f32 * lh, cell.style, line);
        }
    }
    flow.y = top + height;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::font::Fonts;
    use crate::model::{Block, Document};

    /// The text drawn on each page, one entry per text operation.
    fn page_texts(doc: &Document) -> Vec<Vec<String>> {
        let fonts = Fonts::load().expect("bundled fonts load");
        layout::layout(doc, &fonts)
            .iter()
            .map(|page| {
                page.iter()
                    .filter_map(|op| match op {
                        Op::Text { text, .. } => Some(text.clone()),
                        _ => None,
                    })
                    .collect()
            })
            .collect()
    }

    fn table_doc(rows: Vec<Vec<String>>) -> Document {
        let column = |title: &str| Column {
            title: title.to_owned(),
            width: 1.0,
            align: Align::Left,
        };
        Document {
            title: "표".to_owned(),
            blocks: vec![Block::Table {
                columns: vec![column("번호"), column("활동")],
                rows,
            }],
            ..Document::default()
        }
    }

    fn page_of(pages: &[Vec<String>], text: &str) -> Vec<usize> {
        (0..pages.len())
            .filter(|&p| pages[p].iter().any(|t| t == text))
            .collect()
    }

    #[test]
    fn a_row_that_fits_a_page_is_never_split() {
        let rows = (0..120)
            .map(|n| vec![n.to_string(), format!("행{n} 첫째\n행{n} 둘째\n행{n} 셋째")])
            .collect();
        let pages = page_texts(&table_doc(rows));
        assert!(pages.len() >= 3, "120 three-line rows need several pages");
        for n in 0..120 {
            let first = page_of(&pages, &format!("행{n} 첫째"));
            let last = page_of(&pages, &format!("행{n} 셋째"));
            assert_eq!(first.len(), 1, "row {n}'s text is drawn once");
            assert_eq!(
                first, last,
                "row {n} fits a page, so all its lines share one"
            );
        }
    }

    #[test]
    fn the_header_repeats_on_every_page_the_table_reaches() {
        let rows = (0..200)
            .map(|n| vec![n.to_string(), format!("활동 {n}")])
            .collect();
        let pages = page_texts(&table_doc(rows));
        assert!(pages.len() >= 3, "200 rows need at least 3 pages");
        for (p, texts) in pages.iter().enumerate() {
            assert!(
                texts.iter().any(|t| t == "활동"),
                "page {} continues the table, so it starts with the header row",
                p + 1
            );
        }
    }

    #[test]
    fn a_row_taller_than_a_page_continues_under_the_repeated_header() {
        let tall: Vec<String> = (0..150).map(|n| format!("긴 줄 {n}")).collect();
        let rows = vec![
            vec!["1".to_owned(), "짧은 행".to_owned()],
            vec!["2".to_owned(), tall.join("\n")],
            vec!["3".to_owned(), "다음 행".to_owned()],
        ];
        let pages = page_texts(&table_doc(rows));
        let mut previous = 0;
        for (n, line) in tall.iter().enumerate() {
            let on = page_of(&pages, line);
            assert_eq!(
                on.len(),
                1,
                "line {n} of the tall row is drawn exactly once, none lost"
            );
            assert!(
                on[0] >= previous,
                "the tall row's lines keep their order across pages"
            );
            previous = on[0];
        }
        assert!(
            previous >= 2,
            "150 lines at 12.6 pt take three pages: {previous}"
        );
        for (p, texts) in pages.iter().enumerate() {
            let headers = texts.iter().filter(|t| *t == "활동").count();
            assert_eq!(headers, 1, "page {} repeats the header once", p + 1);
        }
        assert_eq!(
            page_of(&pages, "다음 행"),
            [previous],
            "the next row follows on the same page"
        );
    }

    fn strings(texts: &[&str]) -> Vec<String> {
        texts.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn rows_are_fitted_to_the_columns() {
        assert_eq!(
            fit_to_columns(&strings(&["a"]), 3),
            strings(&["a", "", ""]),
            "missing cells are empty"
        );
        assert_eq!(
            fit_to_columns(&strings(&["a", "b", "c", "d"]), 2),
            strings(&["a", "b\nc\nd"]),
            "extra cells go into the last cell, one a line"
        );
        assert_eq!(
            fit_to_columns(&strings(&["a", "", "c"]), 2),
            strings(&["a", "c"])
        );
        assert_eq!(fit_to_columns(&[], 1), strings(&[""]));
        assert_eq!(
            fit_to_columns(&strings(&["a", "b", " ", ""]), 2),
            strings(&["a", "b"]),
            "empty extra cells add no blank lines"
        );
    }

    #[test]
    fn grid_edges_share_the_width_by_weight() {
        let grid = Grid::new(&[1.0, 3.0]);
        assert_eq!(grid.edges[0], LEFT);
        assert!((grid.edges[1] - (LEFT + CONTENT_WIDTH / 4.0)).abs() < 1e-3);
        assert!((grid.edges[2] - (LEFT + CONTENT_WIDTH)).abs() < 1e-3);
        assert_eq!(
            grid.span(5, 1),
            (grid.edges[2], 0.0),
            "out of range spans are empty, not a panic"
        );
    }
}

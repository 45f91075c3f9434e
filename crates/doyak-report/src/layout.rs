//! Page layout: turns a [`Document`] into pages of drawing operations. The
//! body is laid out first, so the page count is known when the footer's
//! "n / N 쪽" is added to every page; painting comes after (see `paint`).

use crate::font::{Fonts, Weight};
use crate::model::{Align, Bar, Block, Document};
use crate::table;
use crate::text::{self, Line};

/// A4 portrait, in points.
pub(crate) const PAGE_WIDTH: f32 = 210.0 * MM;
pub(crate) const PAGE_HEIGHT: f32 = 297.0 * MM;
const MM: f32 = 72.0 / 25.4;
const MARGIN: f32 = 20.0 * MM;
pub(crate) const LEFT: f32 = MARGIN;
pub(crate) const CONTENT_WIDTH: f32 = PAGE_WIDTH - 2.0 * MARGIN;
pub(crate) const TOP: f32 = MARGIN;
/// The body ends here; the footer sits in the bottom margin below.
pub(crate) const BOTTOM: f32 = PAGE_HEIGHT - MARGIN;
pub(crate) const CONTENT_HEIGHT: f32 = BOTTOM - TOP;
const FOOTER_RULE: f32 = BOTTOM + 4.0 * MM;
const FOOTER_BASELINE: f32 = BOTTOM + 9.0 * MM;

/// A colour, 0–255 per channel.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Rgb(pub(crate) u8, pub(crate) u8, pub(crate) u8);

const INK: Rgb = Rgb(0x1a, 0x1a, 0x1a);
const GREY_INK: Rgb = Rgb(0x5c, 0x5c, 0x5c);
pub(crate) const BORDER: Rgb = Rgb(0x8c, 0x8c, 0x8c);
pub(crate) const HEADER_FILL: Rgb = Rgb(0xeb, 0xeb, 0xeb);
pub(crate) const KEY_FILL: Rgb = Rgb(0xf4, 0xf4, 0xf4);
const TRACK_FILL: Rgb = Rgb(0xe6, 0xe6, 0xe6);
const BAR_FILL: Rgb = Rgb(0x25, 0x6e, 0xf4);

/// How a run of text is set. `leading` is the line height over the size.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct Style {
    pub(crate) size: f32,
    pub(crate) weight: Weight,
    pub(crate) color: Rgb,
    pub(crate) leading: f32,
}

impl Style {
    const fn new(size: f32, weight: Weight, color: Rgb, leading: f32) -> Self {
        Style {
            size,
            weight,
            color,
            leading,
        }
    }

    pub(crate) fn line_height(&self) -> f32 {
        self.size * self.leading
    }
}

const TITLE: Style = Style::new(17.0, Weight::Bold, INK, 1.35);
const SUBTITLE: Style = Style::new(11.0, Weight::Regular, GREY_INK, 1.4);
const HEADING: Style = Style::new(12.5, Weight::Bold, INK, 1.4);
const BODY: Style = Style::new(10.0, Weight::Regular, INK, 1.55);
const NOTE: Style = Style::new(8.5, Weight::Regular, GREY_INK, 1.45);
pub(crate) const CELL: Style = Style::new(9.0, Weight::Regular, INK, 1.4);
pub(crate) const HEADER_CELL: Style = Style::new(9.0, Weight::Bold, INK, 1.4);
const BAR_TEXT: Style = Style::new(9.0, Weight::Regular, INK, 1.4);
const FOOTER: Style = Style::new(8.0, Weight::Regular, GREY_INK, 1.2);

/// Lines of a bar's label or text beyond this are cut with "…", so a bar
/// row always fits on one page.
const BAR_MAX_LINES: usize = 4;

/// One drawing operation. Coordinates are points from the page's top left,
/// y growing downwards; rectangles are (x, y, width, height).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Op {
    Text {
        x: f32,
        baseline: f32,
        style: Style,
        text: String,
    },
    FillRect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Rgb,
    },
    StrokeRect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        width: f32,
        color: Rgb,
    },
    Line {
        from: (f32, f32),
        to: (f32, f32),
        width: f32,
        color: Rgb,
    },
}

pub(crate) type Page = Vec<Op>;

/// The pages being filled, top to bottom.
#[derive(Debug)]
pub(crate) struct Flow<'f> {
    pub(crate) fonts: &'f Fonts,
    done: Vec<Page>,
    pub(crate) page: Page,
    /// Where the next thing goes on the current page.
    pub(crate) y: f32,
}

impl<'f> Flow<'f> {
    fn new(fonts: &'f Fonts) -> Self {
        Flow {
            fonts,
            done: Vec::new(),
            page: Vec::new(),
            y: TOP,
        }
    }

    pub(crate) fn new_page(&mut self) {
        self.done.push(std::mem::take(&mut self.page));
        self.y = TOP;
    }

    pub(crate) fn at_top(&self) -> bool {
        self.y <= TOP
    }

    /// Is there room for `height` more on this page?
    pub(crate) fn fits(&self, height: f32) -> bool {
        self.y + height <= BOTTOM + 0.01
    }

    /// Starts a new page unless `height` fits here. A fresh page is kept
    /// even if `height` is taller than a page: the caller splits or clips.
    pub(crate) fn ensure(&mut self, height: f32) {
        if !self.fits(height) && !self.at_top() {
            self.new_page();
        }
    }

    /// Vertical space between blocks; none at the top of a page.
    fn space(&mut self, height: f32) {
        if !self.at_top() {
            self.y += height;
        }
    }

    /// Draws `line` in a line box whose top is `top`, its glyphs centred
    /// in the box by the font's ascent and descent.
    pub(crate) fn text(&mut self, x: f32, top: f32, style: Style, line: &Line) {
        if line.text.is_empty() {
            return;
        }
        let face = self.fonts.face(style.weight);
        let glyph_height = (face.ascent + face.descent) * style.size;
        let baseline = top + (style.line_height() - glyph_height) / 2.0 + face.ascent * style.size;
        self.page.push(Op::Text {
            x,
            baseline,
            style,
            text: line.text.clone(),
        });
    }

    /// Lines across the text width, flowing onto new pages as needed.
    fn lines(&mut self, lines: &[Line], style: Style, align: Align) {
        let height = style.line_height();
        for line in lines {
            self.ensure(height);
            let x = aligned_x(LEFT, CONTENT_WIDTH, 0.0, line.width, align);
            self.text(x, self.y, style, line);
            self.y += height;
        }
    }

    fn wrap(&self, text: &str, style: Style, width: f32) -> Vec<Line> {
        text::wrap(text, self.fonts.face(style.weight), style.size, width)
    }

    fn finish(mut self) -> Vec<Page> {
        self.done.push(self.page);
        self.done
    }
}

/// Where a line of `width` starts in a box at `x` of `box_width`, keeping
/// `padding` from the box's sides.
pub(crate) fn aligned_x(x: f32, box_width: f32, padding: f32, width: f32, align: Align) -> f32 {
    match align {
        Align::Left => x + padding,
        Align::Right => x + box_width - padding - width,
        Align::Center => x + (box_width - width) / 2.0,
    }
}

/// Lays out the whole document: its pages with the footer on each.
pub(crate) fn layout(doc: &Document, fonts: &Fonts) -> Vec<Page> {
    let mut flow = Flow::new(fonts);
    let title = text::clean(&doc.title, true);
    if !title.trim().is_empty() {
        let lines = flow.wrap(&title, TITLE, CONTENT_WIDTH);
        flow.lines(&lines, TITLE, Align::Center);
    }
    if let Some(subtitle) = &doc.subtitle {
        let subtitle = text::clean(subtitle, true);
        if !subtitle.trim().is_empty() {
            flow.space(2.0);
            let lines = flow.wrap(&subtitle, SUBTITLE, CONTENT_WIDTH);
            flow.lines(&lines, SUBTITLE, Align::Center);
        }
    }
    if !doc.meta.is_empty() {
        flow.space(10.0);
        table::meta_grid(&mut flow, &doc.meta);
    }
    flow.space(6.0);
    for block in &doc.blocks {
        match block {
            Block::Heading(heading) => self::heading(&mut flow, heading),
            Block::Paragraph(paragraph) => {
                flow.space(6.0);
                let lines = flow.wrap(&text::clean(paragraph, true), BODY, CONTENT_WIDTH);
                flow.lines(&lines, BODY, Align::Left);
            }
            Block::Note(note) => {
                flow.space(4.0);
                let lines = flow.wrap(&text::clean(note, true), NOTE, CONTENT_WIDTH);
                flow.lines(&lines, NOTE, Align::Left);
            }
            Block::Table { columns, rows } => {
                flow.space(8.0);
                table::table(&mut flow, columns, rows);
            }
            Block::Bars(bars) => {
                flow.space(8.0);
                self::bars(&mut flow, bars);
            }
        }
    }
    let mut pages = flow.finish();
    footer(&mut pages, &doc.footer, fonts);
    pages
}

/// A heading with a thin rule under it, moved to the next page together
/// with room for a few body lines rather than left alone at the bottom.
fn heading(flow: &mut Flow<'_>, heading: &str) {
    flow.space(14.0);
    let lines = flow.wrap(&text::clean(heading, true), HEADING, CONTENT_WIDTH);
    let height = lines.len() as f32 * HEADING.line_height() + 4.0;
    let with_next = height + 3.0 * BODY.line_height();
    if with_next <= CONTENT_HEIGHT {
        flow.ensure(with_next);
    }
    flow.lines(&lines, HEADING, Align::Left);
    let rule = flow.y + 1.0;
    flow.page.push(Op::Line {
        from: (LEFT, rule),
        to: (LEFT + CONTENT_WIDTH, rule),
        width: 0.6,
        color: BORDER,
    });
    flow.y += 4.0;
}

/// A horizontal bar chart: label, track with the bar, text. A row is never
/// split: its label and text are cut to [`BAR_MAX_LINES`] lines.
fn bars(flow: &mut Flow<'_>, bars: &[Bar]) {
    const GAP: f32 = 8.0;
    const PAD: f32 = 3.0;
    const BAR_HEIGHT: f32 = 8.0;
    let label_width = CONTENT_WIDTH * 0.28;
    let track_width = CONTENT_WIDTH * 0.44;
    let track_x = LEFT + label_width + GAP;
    let text_x = track_x + track_width + GAP;
    let text_width = LEFT + CONTENT_WIDTH - text_x;
    let face = flow.fonts.face(BAR_TEXT.weight);
    let lh = BAR_TEXT.line_height();
    for bar in bars {
        let cut = |text: &str, width: f32| {
            let lines = text::wrap(&text::clean(text, true), face, BAR_TEXT.size, width);
            text::clip_lines(lines, BAR_MAX_LINES, face, BAR_TEXT.size, width)
        };
        let label = cut(&bar.label, label_width);
        let text = cut(&bar.text, text_width);
        let height = label.len().max(text.len()).max(1) as f32 * lh + 2.0 * PAD;
        flow.ensure(height);
        let top = flow.y;
        for (x, lines) in [(LEFT, &label), (text_x, &text)] {
            let first = top + (height - lines.len() as f32 * lh) / 2.0;
            for (i, line) in lines.iter().enumerate() {
                flow.text(x, first + i as f32 * lh, BAR_TEXT, line);
            }
        }
        let bar_y = top + (height - BAR_HEIGHT) / 2.0;
        flow.page.push(Op::FillRect {
            x: track_x,
            y: bar_y,
            w: track_width,
            h: BAR_HEIGHT,
            color: TRACK_FILL,
        });
        let filled = track_width * bar.fraction();
        if filled > 0.0 {
            flow.page.push(Op::FillRect {
                x: track_x,
                y: bar_y,
                w: filled,
                h: BAR_HEIGHT,
                color: BAR_FILL,
            });
        }
        flow.y += height;
    }
}

/// The footer on every page: a rule, the document's footer text on the
/// left (cut with "…" if it would reach the page number) and "n / N 쪽" on
/// the right.
fn footer(pages: &mut [Page], footer: &str, fonts: &Fonts) {
    let total = pages.len();
    let footer = text::clean(footer, false);
    let face = fonts.face(FOOTER.weight);
    for (index, page) in pages.iter_mut().enumerate() {
        page.push(Op::Line {
            from: (LEFT, FOOTER_RULE),
            to: (LEFT + CONTENT_WIDTH, FOOTER_RULE),
            width: 0.5,
            color: BORDER,
        });
        let number = format!("{} / {total} 쪽", index + 1);
        let number_width = face.width(&number, FOOTER.size);
        page.push(Op::Text {
            x: LEFT + CONTENT_WIDTH - number_width,
            baseline: FOOTER_BASELINE,
            style: FOOTER,
            text: number,
        });
        let room = CONTENT_WIDTH - number_width - 12.0;
        let line = text::one_line(&footer, face, FOOTER.size, room);
        if !line.text.is_empty() {
            page.push(Op::Text {
                x: LEFT,
                baseline: FOOTER_BASELINE,
                style: FOOTER,
                text: line.text,
            });
        }
    }
}

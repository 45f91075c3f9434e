//! Painting: the laid-out pages into a PDF with krilla, which embeds the
//! subset of each font that the pages use.

use krilla::Document as PdfDocument;
use krilla::color::rgb;
use krilla::geom::{Path, PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke};
use krilla::surface::Surface;

use crate::ReportError;
use crate::font::Fonts;
use crate::layout::{Op, PAGE_HEIGHT, PAGE_WIDTH, Page, Rgb};

/// The PDF of `pages`. Nothing time- or machine-dependent goes in (no
/// creation date; krilla derives the file ID from the content), so the
/// same pages give the same bytes.
pub(crate) fn paint(pages: &[Page], fonts: &Fonts, title: &str) -> Result<Vec<u8>, ReportError> {
    let mut document = PdfDocument::new();
    document.set_metadata(
        Metadata::new()
            .title(title.to_owned())
            .language("ko-KR".to_owned()),
    );
    let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).unwrap_or_default();
    for ops in pages {
        let mut page = document.start_page_with(settings.clone());
        let mut surface = page.surface();
        for op in ops {
            draw(&mut surface, fonts, op);
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(ReportError::Pdf)
}

fn color(Rgb(r, g, b): Rgb) -> rgb::Color {
    rgb::Color::new(r, g, b)
}

fn fill(c: Rgb) -> Fill {
    Fill {
        paint: color(c).into(),
        ..Fill::default()
    }
}

fn stroke(c: Rgb, width: f32) -> Stroke {
    Stroke {
        paint: color(c).into(),
        width,
        ..Stroke::default()
    }
}

fn rect(x: f32, y: f32, w: f32, h: f32) -> Option<Path> {
    let mut builder = PathBuilder::new();
    builder.push_rect(Rect::from_xywh(x, y, w, h)?);
    builder.finish()
}

fn draw(surface: &mut Surface<'_>, fonts: &Fonts, op: &Op) {
    match op {
        Op::Text {
            x,
            baseline,
            style,
            text,
        } => {
            let face = fonts.face(style.weight);
            surface.set_stroke(None);
            surface.set_fill(Some(fill(style.color)));
            surface.draw_glyphs(
                Point::from_xy(*x, *baseline),
                &face.glyphs(text),
                face.pdf.clone(),
                text,
                style.size,
                false,
            );
        }
        Op::FillRect { x, y, w, h, color } => {
            // A zero or negative size has nothing to fill.
            if let Some(path) = rect(*x, *y, *w, *h) {
                surface.set_stroke(None);
                surface.set_fill(Some(fill(*color)));
                surface.draw_path(&path);
            }
        }
        Op::StrokeRect {
            x,
            y,
            w,
            h,
            width,
            color,
        } => {
            if let Some(path) = rect(*x, *y, *w, *h) {
                surface.set_fill(None);
                surface.set_stroke(Some(stroke(*color, *width)));
                surface.draw_path(&path);
            }
        }
        Op::Line {
            from,
            to,
            width,
            color,
        } => {
            let mut builder = PathBuilder::new();
            builder.move_to(from.0, from.1);
            builder.line_to(to.0, to.1);
            if let Some(path) = builder.finish() {
                surface.set_fill(None);
                surface.set_stroke(Some(stroke(*color, *width)));
                surface.draw_path(&path);
            }
        }
    }
}

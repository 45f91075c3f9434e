//! The bundled Korean font, Pretendard GOV Regular and Bold (OFL 1.1, see
//! assets/ATTRIBUTION.md): compiled in, measured with its own advance widths,
//! and handed to the PDF writer, which embeds only the glyphs a report uses.

use krilla::text::{Font, GlyphId, KrillaGlyph};
use skrifa::MetadataProvider;
use skrifa::charmap::Charmap;
use skrifa::instance::{LocationRef, Size};
use skrifa::metrics::GlyphMetrics;

use crate::ReportError;

const REGULAR_NAME: &str = "PretendardGOV-Regular.otf";
const BOLD_NAME: &str = "PretendardGOV-Bold.otf";
static REGULAR: &[u8] = include_bytes!("../../../assets/fonts/PretendardGOV-Regular.otf");
static BOLD: &[u8] = include_bytes!("../../../assets/fonts/PretendardGOV-Bold.otf");

/// Which of the two faces a piece of text uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Weight {
    Regular,
    /// Title, headings, table headers, meta keys.
    Bold,
}

/// One face: the PDF writer's handle and the tables to measure with. All
/// lengths it returns are in em (multiply by the font size in points).
pub(crate) struct Face {
    pub(crate) pdf: Font,
    charmap: Charmap<'static>,
    metrics: GlyphMetrics<'static>,
    units_per_em: f32,
    /// Above the baseline, in em.
    pub(crate) ascent: f32,
    /// Below the baseline, in em, as a positive number.
    pub(crate) descent: f32,
}

impl std::fmt::Debug for Face {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Face")
            .field("units_per_em", &self.units_per_em)
            .field("ascent", &self.ascent)
            .field("descent", &self.descent)
            .finish_non_exhaustive()
    }
}

impl Face {
    fn load(name: &'static str, data: &'static [u8]) -> Result<Self, ReportError> {
        let unreadable = || ReportError::Font { name };
        let font = skrifa::FontRef::new(data).map_err(|_| unreadable())?;
        let pdf = Font::new(data.into(), 0).ok_or_else(unreadable)?;
        let metrics = font.metrics(Size::unscaled(), LocationRef::default());
        let units_per_em = f32::from(metrics.units_per_em);
        if units_per_em <= 0.0 {
            return Err(unreadable());
        }
        Ok(Face {
            pdf,
            charmap: font.charmap(),
            metrics: font.glyph_metrics(Size::unscaled(), LocationRef::default()),
            units_per_em,
            ascent: metrics.ascent / units_per_em,
            descent: metrics.descent.abs() / units_per_em,
        })
    }

    /// The glyph for `c`; a character the font lacks gets glyph 0 (.notdef),
    /// which prints as an empty box but still copies out as the character.
    fn glyph(&self, c: char) -> (GlyphId, f32) {
        let id = self.charmap.map(c).unwrap_or(skrifa::GlyphId::NOTDEF);
        let advance = self.metrics.advance_width(id).unwrap_or(0.0) / self.units_per_em;
        (GlyphId::new(id.to_u32()), advance)
    }

    /// The advance width of `c`, in em.
    pub(crate) fn advance(&self, c: char) -> f32 {
        self.glyph(c).1
    }

    /// The width of `text` set at `size` points, in points.
    pub(crate) fn width(&self, text: &str, size: f32) -> f32 {
        text.chars().map(|c| self.advance(c)).sum::<f32>() * size
    }

    /// One glyph per character, advancing by the font's own widths: the same
    /// numbers [`Face::width`] adds up, so what was measured is what is drawn.
    /// Hangul needs no shaping (syllables are precomposed; decomposed jamo
    /// are composed before this, see `text::clean`).
    pub(crate) fn glyphs(&self, text: &str) -> Vec<KrillaGlyph> {
        text.char_indices()
            .map(|(start, c)| {
                let (id, advance) = self.glyph(c);
                KrillaGlyph::new(
                    id,
                    advance,
                    0.0,
                    0.0,
                    0.0,
                    start..start + c.len_utf8(),
                    None,
                )
            })
            .collect()
    }
}

/// Both faces, read once per rendered document.
#[derive(Debug)]
pub(crate) struct Fonts {
    regular: Face,
    bold: Face,
}

impl Fonts {
    pub(crate) fn load() -> Result<Self, ReportError> {
        Ok(Fonts {
            regular: Face::load(REGULAR_NAME, REGULAR)?,
            bold: Face::load(BOLD_NAME, BOLD)?,
        })
    }

    pub(crate) fn face(&self, weight: Weight) -> &Face {
        match weight {
            Weight::Regular => &self.regular,
            Weight::Bold => &self.bold,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use skrifa::outline::{DrawSettings, OutlinePen};

    /// Counts path segments: a glyph with none draws nothing.
    struct SegmentCount(usize);

    impl OutlinePen for SegmentCount {
        fn move_to(&mut self, _: f32, _: f32) {}
        fn line_to(&mut self, _: f32, _: f32) {
            self.0 += 1;
        }
        fn quad_to(&mut self, _: f32, _: f32, _: f32, _: f32) {
            self.0 += 1;
        }
        fn curve_to(&mut self, _: f32, _: f32, _: f32, _: f32, _: f32, _: f32) {
            self.0 += 1;
        }
        fn close(&mut self) {}
    }

    /// The characters of `wanted` the font cannot draw: no cmap entry, or an
    /// entry whose glyph is .notdef or has no outline. Checking the outline
    /// matters: NanumSquare maps all 11,172 syllables but 8,693 of them to
    /// empty glyphs, which would print as blanks.
    fn undrawable(data: &[u8], wanted: impl Iterator<Item = char>) -> Vec<char> {
        let font = skrifa::FontRef::new(data).expect("the bundled font parses");
        let charmap = font.charmap();
        let outlines = font.outline_glyphs();
        let settings = || DrawSettings::unhinted(Size::unscaled(), LocationRef::default());
        wanted
            .filter(|&c| {
                let Some(id) = charmap.map(c).filter(|id| *id != skrifa::GlyphId::NOTDEF) else {
                    return true;
                };
                let mut pen = SegmentCount(0);
                let drawn = outlines
                    .get(id)
                    .is_some_and(|outline| outline.draw(settings(), &mut pen).is_ok());
                !drawn || pen.0 == 0
            })
            .collect()
    }

    fn all_hangul_syllables() -> impl Iterator<Item = char> {
        '\u{AC00}'..='\u{D7A3}'
    }

    /// Symbols the reports print: bullets, notes, numbered steps, arrows,
    /// ranges and quotation brackets.
    const REPORT_SYMBOLS: &str = "·※①②③④⑤⑥⑦⑧⑨⑩→○●～「」…";

    #[test]
    fn both_faces_draw_every_hangul_syllable() {
        assert_eq!(
            all_hangul_syllables().count(),
            11_172,
            "U+AC00..=U+D7A3 is 19×21×28 syllables"
        );
        for (name, data) in [(REGULAR_NAME, REGULAR), (BOLD_NAME, BOLD)] {
            let missing = undrawable(data, all_hangul_syllables());
            assert!(
                missing.is_empty(),
                "{name} must draw every syllable a name can hold; missing {} such as {:?}",
                missing.len(),
                &missing[..missing.len().min(10)]
            );
        }
    }

    #[test]
    fn both_faces_draw_ascii_and_report_symbols() {
        for (name, data) in [(REGULAR_NAME, REGULAR), (BOLD_NAME, BOLD)] {
            let wanted = ('!'..='~').chain(REPORT_SYMBOLS.chars());
            let missing = undrawable(data, wanted);
            assert!(
                missing.is_empty(),
                "{name} lacks {missing:?}, which reports print"
            );
        }
    }

    #[test]
    fn widths_come_from_the_font() {
        let fonts = Fonts::load().expect("bundled fonts load");
        let face = fonts.face(Weight::Regular);
        let syllable = face.width("가", 10.0);
        assert!(
            syllable > 5.0 && syllable < 12.0,
            "a syllable is about one em: {syllable}"
        );
        assert!(
            face.width("i", 10.0) < face.width("W", 10.0),
            "a proportional font: i is narrower than W"
        );
        assert_eq!(face.width("가나", 10.0), 2.0 * syllable, "widths add up");
        assert!(fonts.face(Weight::Bold).width("가", 10.0) > 0.0);
    }
}

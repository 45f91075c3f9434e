//! Text before it is placed: cleaning what a user may have typed or pasted,
//! and breaking it into lines that fit a width, the Korean way.

use crate::font::Face;

/// A line of text ready to draw, with its measured width in points.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Line {
    pub(crate) text: String,
    pub(crate) width: f32,
}

/// Makes user text printable: control characters and invisible formatting
/// marks are dropped, a tab becomes a space, "\r\n" and a lone '\r' become
/// '\n' (or a space when `keep_newlines` is false), and decomposed Hangul
/// (conjoining jamo, as macOS writes file names and some pastes arrive) is
/// composed into syllables, which is what the font draws.
pub(crate) fn clean(text: &str, keep_newlines: bool) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let c = match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                '\n'
            }
            '\t' => ' ',
            _ => c,
        };
        let c = if c == '\n' && !keep_newlines { ' ' } else { c };
        if (c.is_control() && c != '\n') || is_invisible(c) {
            continue;
        }
        out.push(c);
    }
    compose_hangul(&out)
}

/// Format characters that draw nothing and would otherwise print as boxes:
/// zero-width spaces and joiners, bidi controls, word joiners, the BOM, the
/// soft hyphen.
fn is_invisible(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{2064}' | '\u{FEFF}')
}

/// Composes conjoining jamo (U+1100 leading, U+1161 vowel, optional U+11A8
/// trailing) into Hangul syllables, by the Unicode arithmetic; anything else
/// passes through unchanged.
fn compose_hangul(text: &str) -> String {
    const S_BASE: u32 = 0xAC00;
    const L_BASE: u32 = 0x1100;
    const V_BASE: u32 = 0x1161;
    const T_BASE: u32 = 0x11A7;
    const L_COUNT: u32 = 19;
    const V_COUNT: u32 = 21;
    const T_COUNT: u32 = 28;
    if !text.chars().any(|c| ('\u{1100}'..='\u{11FF}').contains(&c)) {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let l = u32::from(chars[i]).wrapping_sub(L_BASE);
        let v = chars.get(i + 1).map(|&c| u32::from(c).wrapping_sub(V_BASE));
        if let (true, Some(v)) = (l < L_COUNT, v.filter(|&v| v < V_COUNT)) {
            let t = chars
                .get(i + 2)
                .map(|&c| u32::from(c).wrapping_sub(T_BASE))
                .filter(|&t| t > 0 && t < T_COUNT);
            let code = S_BASE + (l * V_COUNT + v) * T_COUNT + t.unwrap_or(0);
            if let Some(syllable) = char::from_u32(code) {
                out.push(syllable);
                i += if t.is_some() { 3 } else { 2 };
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Characters that make a line break around them natural in Korean text:
/// Hangul, CJK ideographs, kana, full-width forms and circled numbers.
fn is_wide(c: char) -> bool {
    matches!(c,
        '\u{1100}'..='\u{11FF}' | '\u{2460}'..='\u{24FF}' | '\u{2E80}'..='\u{303F}'
        | '\u{3040}'..='\u{30FF}' | '\u{3130}'..='\u{318F}' | '\u{3200}'..='\u{33FF}'
        | '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7A3}'
        | '\u{F900}'..='\u{FAFF}' | '\u{FF00}'..='\u{FFEF}')
}

/// Characters a line must not start with (they close what came before).
fn no_line_start(c: char) -> bool {
    ".,!?:;)]}%·…」』〉》】〕’”～~、。".contains(c)
}

/// Characters a line must not end with (they open what comes after).
fn no_line_end(c: char) -> bool {
    "([{「『〈《【〔‘“".contains(c)
}

/// May a line end between `before` and `after` (no space between them)?
/// After any wide character, yes, so Hangul breaks between syllables; but
/// not between Latin letters or digits, nor before a particle that follows
/// them ("IAP를", "62점"), nor inside bracket pairs.
fn breakable(before: char, after: char) -> bool {
    is_wide(before) && !no_line_start(after) && !no_line_end(before)
}

/// A space break is taken only if it fills at least this share of the
/// line; otherwise breaking between syllables gives a less ragged edge.
const SPACE_BREAK_MIN_FILL: f32 = 0.6;

/// Breaks `text` into lines at most `max_width` points wide, set in `face` at
/// `size`. '\n' starts a new line. A line breaks at the last space that
/// keeps the line reasonably full, else between Hangul syllables, else at
/// a space, and a token with no break in it (a long ASCII run) breaks
/// between characters. Every line holds at least one character, so the
/// result is finite whatever the width. Spaces at a break are dropped.
pub(crate) fn wrap(text: &str, face: &Face, size: f32, max_width: f32) -> Vec<Line> {
    let max_width = if max_width.is_nan() { 0.0 } else { max_width };
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        wrap_paragraph(paragraph, face, size, max_width, &mut lines);
    }
    lines
}

fn wrap_paragraph(text: &str, face: &Face, size: f32, max_width: f32, lines: &mut Vec<Line>) {
    let chars: Vec<char> = text.chars().collect();
    let widths: Vec<f32> = chars.iter().map(|&c| face.advance(c) * size).collect();
    let line_of = |from: usize, to: usize| {
        let to = (from..to)
            .rev()
            .find(|&i| !chars[i].is_whitespace())
            .map_or(from, |i| i + 1);
        Line {
            text: chars[from..to].iter().collect(),
            width: widths[from..to].iter().sum(),
        }
    };
    if chars.is_empty() {
        lines.push(line_of(0, 0));
        return;
    }
    let mut start = 0;
    while start < chars.len() {
        let mut width = 0.0;
        let mut at_space: Option<(usize, f32)> = None;
        let mut between: Option<usize> = None;
        let mut end = start;
        while end < chars.len() {
            if end > start {
                let (before, after) = (chars[end - 1], chars[end]);
                if before.is_whitespace() && !after.is_whitespace() {
                    at_space = Some((end, width));
                } else if breakable(before, after) {
                    between = Some(end);
                }
            }
            if end > start && !chars[end].is_whitespace() && width + widths[end] > max_width {
                break;
            }
            width += widths[end];
            end += 1;
        }
        if end < chars.len() {
            let space_fills = at_space.filter(|&(_, w)| w >= SPACE_BREAK_MIN_FILL * max_width);
            end = match (space_fills, between, at_space) {
                (Some((at, _)), _, _) => at,
                (None, Some(at), _) => at,
                (None, None, Some((at, _))) => at,
                (None, None, None) => end,
            };
        }
        lines.push(line_of(start, end));
        start = end;
        while start < chars.len() && chars[start].is_whitespace() {
            start += 1;
        }
    }
}

/// `text` on one line, cut to `max_width` with "…" at the end if it is
/// wider. Newlines should already be spaces (see [`clean`]).
pub(crate) fn one_line(text: &str, face: &Face, size: f32, max_width: f32) -> Line {
    let width = face.width(text, size);
    if width <= max_width {
        return Line {
            text: text.to_owned(),
            width,
        };
    }
    truncate_with_ellipsis(text, face, size, max_width)
}

/// `text` with "…" appended, dropping characters from its end until both fit.
fn truncate_with_ellipsis(text: &str, face: &Face, size: f32, max_width: f32) -> Line {
    let ellipsis = face.advance('…') * size;
    let mut kept = String::new();
    let mut width = 0.0;
    for c in text.chars() {
        let w = face.advance(c) * size;
        if width + w + ellipsis > max_width {
            break;
        }
        kept.push(c);
        width += w;
    }
    let kept = kept.trim_end().to_owned();
    let width = face.width(&kept, size) + ellipsis;
    Line {
        text: kept + "…",
        width,
    }
}

/// Keeps at most `max_lines` lines (at least one); when some are dropped the
/// last kept line ends in "…" so the reader sees that text was cut.
pub(crate) fn clip_lines(
    mut lines: Vec<Line>,
    max_lines: usize,
    face: &Face,
    size: f32,
    max_width: f32,
) -> Vec<Line> {
    let max_lines = max_lines.max(1);
    if lines.len() <= max_lines {
        return lines;
    }
    lines.truncate(max_lines);
    if let Some(last) = lines.pop() {
        lines.push(truncate_with_ellipsis(&last.text, face, size, max_width));
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::font::{Fonts, Weight};

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn clean_strips_controls_and_normalises_newlines() {
        assert_eq!(clean("a\u{0}b\u{7}c\u{1b}[0m", true), "abc[0m");
        assert_eq!(clean("a\r\nb\rc\nd", true), "a\nb\nc\nd");
        assert_eq!(clean("a\r\nb\tc", false), "a b c");
        assert_eq!(
            clean("김\u{200B}도\u{FEFF}약\u{202E}", true),
            "김도약",
            "invisible marks print as boxes"
        );
        assert_eq!(clean("", true), "");
    }

    #[test]
    fn clean_composes_decomposed_hangul() {
        // 김 = ᄀ ᅵ ᆷ, 도 = ᄃ ᅩ: how macOS spells "김도" in file names.
        assert_eq!(
            clean("\u{1100}\u{1175}\u{11B7}\u{1103}\u{1169}약", true),
            "김도약"
        );
        // A lone leading jamo stays as it is.
        assert_eq!(clean("\u{1100}x", true), "\u{1100}x");
    }

    fn fonts() -> Fonts {
        Fonts::load().expect("bundled fonts load")
    }

    #[test]
    fn short_text_is_one_line_with_its_measured_width() {
        let fonts = fonts();
        let face = fonts.face(Weight::Regular);
        let lines = wrap("김도약", face, 10.0, 500.0);
        assert_eq!(texts(&lines), ["김도약"]);
        assert_eq!(lines[0].width, face.width("김도약", 10.0));
        assert_eq!(
            texts(&wrap("", face, 10.0, 500.0)),
            [""],
            "empty text is one empty line"
        );
        assert_eq!(
            texts(&wrap("가\n\n나", face, 10.0, 500.0)),
            ["가", "", "나"]
        );
    }

    #[test]
    fn hangul_breaks_between_syllables_when_no_space_fits() {
        let fonts = fonts();
        let face = fonts.face(Weight::Regular);
        let one = face.width("가", 10.0);
        let lines = wrap("가나다라마바사", face, 10.0, one * 3.5);
        assert_eq!(
            texts(&lines),
            ["가나다", "라마바", "사"],
            "3 syllables fit in 3.5 em"
        );
        for line in &lines {
            assert!(line.width <= one * 3.5, "{line:?} must fit the width");
        }
    }

    #[test]
    fn a_space_is_preferred_when_the_line_stays_full() {
        let fonts = fonts();
        let face = fonts.face(Weight::Regular);
        let one = face.width("가", 10.0);
        // "가나다라 마바" in 5.5 em: the space after 4 syllables fills over
        // 60 %, so the word 마바 moves down whole.
        let lines = wrap("가나다라 마바사아", face, 10.0, one * 5.5);
        assert_eq!(texts(&lines), ["가나다라", "마바사아"]);
        // Only one syllable before the space: breaking there would leave the
        // line nearly empty, so the break falls between syllables instead.
        let lines = wrap("가 나다라마바사아자", face, 10.0, one * 5.5);
        assert_eq!(texts(&lines), ["가 나다라마", "바사아자"]);
    }

    #[test]
    fn latin_words_break_at_spaces_and_long_tokens_by_character() {
        let fonts = fonts();
        let face = fonts.face(Weight::Regular);
        let width = face.width("defghij", 10.0) + 0.01;
        let lines = wrap("abc defghij klm", face, 10.0, width);
        assert_eq!(
            texts(&lines),
            ["abc", "defghij", "klm"],
            "Latin words are never split while a space break exists"
        );
        let long = "x".repeat(100);
        let lines = wrap(&long, face, 10.0, width);
        assert!(
            lines.len() > 5,
            "100 x's do not fit in 10 characters' width"
        );
        assert_eq!(
            lines.iter().map(|l| l.text.len()).sum::<usize>(),
            100,
            "nothing lost"
        );
        assert!(lines.iter().all(|l| l.width <= width + 1e-3));
    }

    #[test]
    fn particles_stay_with_latin_words_and_digits() {
        let fonts = fonts();
        let face = fonts.face(Weight::Regular);
        let width = face.width("가나다IAP", 10.0);
        let lines = wrap("가나다IAP를", face, 10.0, width);
        assert_eq!(texts(&lines), ["가나다", "IAP를"], "를 belongs to IAP");
    }

    #[test]
    fn closing_punctuation_does_not_start_a_line() {
        let fonts = fonts();
        let face = fonts.face(Weight::Regular);
        let width = face.width("가나다", 10.0);
        let lines = wrap("가나다.", face, 10.0, width);
        assert_eq!(texts(&lines), ["가나", "다."]);
    }

    #[test]
    fn zero_width_still_progresses() {
        let fonts = fonts();
        let face = fonts.face(Weight::Regular);
        assert_eq!(texts(&wrap("가나 a", face, 10.0, 0.0)), ["가", "나", "a"]);
        assert_eq!(texts(&wrap("가나", face, 10.0, f32::NAN)), ["가", "나"]);
    }

    #[test]
    fn one_line_and_clip_cut_with_an_ellipsis() {
        let fonts = fonts();
        let face = fonts.face(Weight::Regular);
        let width = face.width("가나다라", 10.0);
        let line = one_line("가나다라마바사", face, 10.0, width);
        assert_eq!(line.text, "가나다…");
        assert!(line.width <= width);
        assert_eq!(one_line("가나", face, 10.0, width).text, "가나");
        let lines = wrap("가나다라마바사아자차카타", face, 10.0, width);
        let clipped = clip_lines(lines, 2, face, 10.0, width);
        assert_eq!(texts(&clipped), ["가나다라", "마바사…"]);
        let short = wrap("가\n나", face, 10.0, width);
        assert_eq!(
            texts(&clip_lines(short, 1, face, 10.0, width)),
            ["가…"],
            "one ellipsis, not two"
        );
    }
}

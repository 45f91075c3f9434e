//! A three-page Korean report read back with poppler: the text that comes
//! out, the pages, the fonts and the metadata.

use std::sync::OnceLock;

use crate::documents::{self, FOOTER, RARE_NAME, TABLE_ROWS, TITLE};
use crate::poppler;

/// Rendered once; every test here reads the same bytes.
fn pdf() -> &'static [u8] {
    static PDF: OnceLock<Vec<u8>> = OnceLock::new();
    PDF.get_or_init(|| {
        doyak_report::render_pdf(&documents::three_page_report()).expect("the report renders")
    })
}

#[test]
fn korean_text_comes_back_from_pdftotext() {
    let text = poppler::text(pdf());
    for expected in [
        TITLE,
        "구직자·기업 도약보장 패키지 · 1단계",
        "김도약",
        "2026-12-03",
        "① 진단 요약",
        "특수용접기능사",
        "※ 적합도는 참고 값이며 표준화 검사가 아닙니다.",
        "62점 · 보통",
        "활동 내용",
        &format!("{RARE_NAME} 님 첫 상담"),
        "마지막 행 동행 면접",
        "800,000원",
    ] {
        assert!(
            text.contains(expected),
            "{expected:?} was drawn with glyphs mapped back to its characters, so pdftotext \
             must return it; got:\n{text}"
        );
    }
}

#[test]
fn the_paragraph_wraps_onto_several_lines() {
    let text = poppler::text(pdf());
    let line_of = |phrase: &str| {
        text.lines()
            .position(|line| line.contains(phrase))
            .unwrap_or_else(|| panic!("{phrase:?} is in the text:\n{text}"))
    };
    let first = line_of("김도약 님은");
    let last = line_of("가능성이 높은 편입니다.");
    assert!(
        last >= first + 2,
        "the paragraph is about 190 characters and a line holds about 50 syllables, \
         so it takes at least three lines (lines {first} and {last})"
    );
}

#[test]
fn three_a4_pages_each_with_footer_header_row_and_page_number() {
    assert_eq!(
        poppler::page_count(pdf()),
        3,
        "{TABLE_ROWS} table rows after the first page's header material fill three pages"
    );
    assert_eq!(
        poppler::info(pdf(), "Page size"),
        "595.276 x 841.89 pts (A4)",
        "A4 portrait"
    );
    for page in 1..=3 {
        // -raw keeps the spaces of "1 / 3 쪽"; -layout joins short runs
        // whose gaps are all one space, taking them for letter-spacing.
        let raw = poppler::page_text(pdf(), page, "-raw");
        let number = format!("{page} / 3 쪽");
        assert!(
            raw.contains(&number),
            "page {page} ends with {number:?}:\n{raw}"
        );
        assert!(
            raw.contains(FOOTER),
            "page {page} carries the footer text:\n{raw}"
        );
        let layout = poppler::page_text(pdf(), page, "-layout");
        assert!(
            layout.contains("활동 내용"),
            "the table reaches page {page}, so its header row is repeated there:\n{layout}"
        );
    }
    let last = poppler::page_text(pdf(), 3, "-layout");
    assert!(
        last.contains("마지막 행 동행 면접"),
        "the last row ends the table on page 3"
    );
}

#[test]
fn both_faces_are_embedded_as_subsets() {
    let fonts = poppler::run("pdffonts", &["PDF"], pdf());
    for face in ["PretendardGOV-Regular", "PretendardGOV-Bold"] {
        let line = fonts
            .lines()
            .find(|line| line.contains(face))
            .unwrap_or_else(|| panic!("{face} is used for body text or headings:\n{fonts}"));
        let columns: Vec<&str> = line.split_whitespace().collect();
        // name type… emb sub uni object-number generation
        let [.., emb, sub, uni, _, _] = columns[..] else {
            panic!("pdffonts prints a row per font: {line}");
        };
        assert_eq!(
            (emb, sub, uni),
            ("yes", "yes", "yes"),
            "{face} must be embedded (prints anywhere), subset (small file) and carry \
             a ToUnicode map (copyable text): {line}"
        );
        assert!(
            columns[0].chars().nth(6) == Some('+'),
            "a subset font's name starts with a six-letter tag and '+': {line}"
        );
    }
    assert!(
        pdf().len() < 300_000,
        "the fonts are 3.7 MB each, a subset with a few hundred glyphs keeps the PDF far \
         smaller: {} bytes",
        pdf().len()
    );
}

#[test]
fn the_pdf_title_is_the_document_title_and_the_language_korean() {
    assert_eq!(
        poppler::info(pdf(), "Title"),
        TITLE,
        "the PDF title is doc.title"
    );
    let lang = b"/Lang(ko-KR)";
    assert!(
        pdf().windows(lang.len()).any(|w| w == lang),
        "the catalog declares Korean, so screen readers and search pick the right language"
    );
}

//! The same document always gives the same bytes, and no input panics:
//! empty, mismatched, non-numeric, control characters, very long.

use doyak_report::{Align, Bar, Block, Column, Document, render_pdf};
use proptest::prelude::*;

use crate::documents::{self, column};
use crate::poppler;

#[test]
fn the_same_document_gives_the_same_bytes() {
    let doc = documents::three_page_report();
    let first = render_pdf(&doc).expect("renders");
    let second = render_pdf(&doc.clone()).expect("renders again");
    assert!(
        first == second,
        "a report saved twice must be byte-identical (no clock, no randomness)"
    );
    let date = b"CreationDate";
    assert!(
        !first.windows(date.len()).any(|w| w == date),
        "no creation date: it would make every render differ"
    );
}

#[test]
fn an_empty_document_is_one_page_with_its_page_number() {
    let pdf = render_pdf(&Document::default()).expect("an empty document renders");
    assert_eq!(
        poppler::page_count(&pdf),
        1,
        "nothing to print still makes one page"
    );
    let raw = poppler::page_text(&pdf, 1, "-raw");
    assert!(
        raw.contains("1 / 1 쪽"),
        "the footer is printed even on an empty page: {raw:?}"
    );
}

#[test]
fn messy_input_is_printed_as_well_as_it_can_be() {
    let doc = Document {
        title: "김\u{0}도\u{7}약\u{1b}\t보고서".to_owned(),
        subtitle: Some(String::new()),
        meta: vec![
            (String::new(), String::new()),
            ("성명\n".to_owned(), "\r\n".to_owned()),
        ],
        blocks: vec![
            Block::Heading(String::new()),
            Block::Paragraph(String::new()),
            Block::Note("\u{feff}\u{200b}".to_owned()),
            Block::Table {
                columns: vec![
                    column("가", f32::NAN, Align::Right),
                    column("나", -3.0, Align::Center),
                ],
                rows: vec![
                    vec![],
                    vec!["하나".to_owned()],
                    vec![
                        "일".to_owned(),
                        "이".to_owned(),
                        "넘친칸".to_owned(),
                        "또넘친칸".to_owned(),
                    ],
                ],
            },
            Block::Table {
                columns: vec![],
                rows: vec![vec!["열없는표".to_owned(), "둘째칸".to_owned()]],
            },
            Block::Table {
                columns: vec![column("", 1.0, Align::Left)],
                rows: vec![],
            },
            Block::Bars(vec![
                Bar {
                    label: "NaN".to_owned(),
                    value: f32::NAN,
                    max: 100.0,
                    text: String::new(),
                },
                Bar {
                    label: "음수".to_owned(),
                    value: -5.0,
                    max: -1.0,
                    text: "∞".to_owned(),
                },
                Bar {
                    label: String::new(),
                    value: f32::INFINITY,
                    max: 0.0,
                    text: String::new(),
                },
            ]),
            Block::Bars(vec![]),
        ],
        footer: "\n\n".to_owned(),
    };
    let pdf = render_pdf(&doc).expect("messy input still renders");
    let text = poppler::text(&pdf);
    assert!(
        text.contains("김도약 보고서"),
        "control characters are dropped, the tab is a space: {text}"
    );
    assert!(
        text.contains("넘친칸"),
        "extra cells' text goes into the last cell, not lost: {text}"
    );
    assert!(
        text.contains("또넘친칸"),
        "every extra cell is kept: {text}"
    );
    assert!(
        text.contains("둘째칸"),
        "a table without columns prints its cells in one column: {text}"
    );
    assert!(
        text.contains("하나"),
        "a short row is padded, its cell printed: {text}"
    );
}

#[test]
fn very_long_text_flows_onto_hundreds_of_pages() {
    let sentence = "상담 기록이 아주 길어도 보고서는 끝까지 인쇄되어야 합니다. ";
    let doc = Document {
        title: "긴 보고서".to_owned(),
        blocks: vec![
            Block::Paragraph(sentence.repeat(10_000)),
            Block::Table {
                columns: vec![
                    column("번호", 1.0, Align::Right),
                    column("내용", 4.0, Align::Left),
                ],
                rows: (0..3_000)
                    .map(|n| vec![n.to_string(), "x".repeat(n % 300)])
                    .collect(),
            },
        ],
        footer: "끝".to_owned(),
        ..Document::default()
    };
    let pdf = render_pdf(&doc).expect("a long report renders");
    let pages = poppler::page_count(&pdf);
    assert!(
        pages >= 200,
        "10,000 sentences and 3,000 rows take hundreds of pages, got {pages}"
    );
    let raw = poppler::page_text(&pdf, pages, "-raw");
    assert!(
        raw.contains(&format!("{pages} / {pages} 쪽")),
        "the last page is numbered: {raw}"
    );
}

fn any_text() -> impl Strategy<Value = String> {
    // Hangul, Latin, digits, spaces and newlines, symbols, control and
    // invisible characters, decomposed jamo, characters the font lacks.
    prop::collection::vec(
        prop_oneof![
            prop::char::range('가', '힣'),
            prop::char::range('a', 'z'),
            Just(' '),
            Just('\n'),
            Just('\r'),
            Just('\t'),
            Just('\u{0}'),
            Just('\u{200b}'),
            Just('\u{1100}'),
            Just('\u{1161}'),
            Just('·'),
            Just('※'),
            Just('…'),
            Just('😀'),
            Just('漢'),
            any::<char>(),
        ],
        0..120,
    )
    .prop_map(|chars| chars.into_iter().collect())
}

fn any_number() -> impl Strategy<Value = f32> {
    prop_oneof![
        Just(f32::NAN),
        Just(f32::INFINITY),
        Just(f32::NEG_INFINITY),
        Just(0.0),
        -1e6f32..1e6,
    ]
}

fn any_block() -> impl Strategy<Value = Block> {
    let align = prop_oneof![Just(Align::Left), Just(Align::Right), Just(Align::Center)];
    let column = (any_text(), any_number(), align).prop_map(|(title, width, align)| Column {
        title,
        width,
        align,
    });
    let bar = (any_text(), any_number(), any_number(), any_text()).prop_map(
        |(label, value, max, text)| Bar {
            label,
            value,
            max,
            text,
        },
    );
    prop_oneof![
        any_text().prop_map(Block::Heading),
        any_text().prop_map(Block::Paragraph),
        any_text().prop_map(Block::Note),
        (
            prop::collection::vec(column, 0..6),
            prop::collection::vec(prop::collection::vec(any_text(), 0..8), 0..12),
        )
            .prop_map(|(columns, rows)| Block::Table { columns, rows }),
        prop::collection::vec(bar, 0..6).prop_map(Block::Bars),
    ]
}

fn any_document() -> impl Strategy<Value = Document> {
    (
        any_text(),
        prop::option::of(any_text()),
        prop::collection::vec((any_text(), any_text()), 0..5),
        prop::collection::vec(any_block(), 0..8),
        any_text(),
    )
        .prop_map(|(title, subtitle, meta, blocks, footer)| Document {
            title,
            subtitle,
            meta,
            blocks,
            footer,
        })
}

proptest! {
    // Each case renders a PDF with two fonts subset: keep the count small.
    #![proptest_config(ProptestConfig::with_cases(24))]

    #[test]
    fn any_document_renders_without_panicking(doc in any_document()) {
        let pdf = render_pdf(&doc).expect("no document content can make rendering fail");
        prop_assert!(pdf.starts_with(b"%PDF-"), "the bytes are a PDF file");
    }
}

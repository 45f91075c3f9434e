//! The documents the tests render.

use doyak_report::{Align, Bar, Block, Column, Document};

pub const TITLE: &str = "구직자 진단 결과 및 개인별 취업활동계획(IAP)";
pub const FOOTER: &str = "창원고용센터 · 도약보장 패키지";
/// Rare syllables (a name can be any of the 11,172): if one were missing
/// from the font it would print as a box and copy out wrong.
pub const RARE_NAME: &str = "뷁햏똠";
/// Rows of the test table: 20 fit on page 1 under the title, meta grid,
/// paragraph and bars, 38 on page 2, so 80 rows end on page 3.
pub const TABLE_ROWS: usize = 80;

pub fn column(title: &str, width: f32, align: Align) -> Column {
    Column {
        title: title.to_owned(),
        width,
        align,
    }
}

/// A Korean seeker report three pages long: title, meta grid, a wrapping
/// paragraph, a note, bars and a table that runs over two page breaks.
pub fn three_page_report() -> Document {
    let mut rows: Vec<Vec<String>> = (1..=TABLE_ROWS)
        .map(|n| {
            vec![
                n.to_string(),
                format!("구인처 방문 및 알선 {n}회차"),
                "2027-01-05".to_owned(),
                format!("{n}0,000원"),
            ]
        })
        .collect();
    rows[0][1] = format!("{RARE_NAME} 님 첫 상담");
    rows[TABLE_ROWS - 1][1] = "마지막 행 동행 면접".to_owned();
    Document {
        title: TITLE.to_owned(),
        subtitle: Some("구직자·기업 도약보장 패키지 · 1단계".to_owned()),
        meta: vec![
            ("성명".to_owned(), "김도약".to_owned()),
            ("작성일".to_owned(), "2026-12-03".to_owned()),
            ("희망 직종".to_owned(), "용접원".to_owned()),
        ],
        blocks: vec![
            Block::Heading("① 진단 요약".to_owned()),
            Block::Paragraph(
                "김도약 님은 조선업 협력사에서 4년간 용접 보조로 일한 경력이 있으며 특수용접기능사 취득을 목표로 합니다. \
                 희망 직종과의 적합도는 72점으로 적합에 해당하고 부족한 능력단위는 피복아크용접과 용접 도면 해독입니다. \
                 지역 구인 수요가 꾸준하여 3개월 안에 취업할 가능성이 높은 편입니다."
                    .to_owned(),
            ),
            Block::Note("※ 적합도는 참고 값이며 표준화 검사가 아닙니다.".to_owned()),
            Block::Heading("② 구직 준비도".to_owned()),
            Block::Bars(vec![
                Bar {
                    label: "구직 동기".to_owned(),
                    value: 82.0,
                    max: 100.0,
                    text: "82점 · 높음".to_owned(),
                },
                Bar {
                    label: "자기 이해".to_owned(),
                    value: 62.0,
                    max: 100.0,
                    text: "62점 · 보통".to_owned(),
                },
            ]),
            Block::Heading("③ 취업활동계획".to_owned()),
            Block::Table {
                columns: vec![
                    column("번호", 0.7, Align::Center),
                    column("활동 내용", 3.0, Align::Left),
                    column("시작일", 1.2, Align::Center),
                    column("지원금", 1.2, Align::Right),
                ],
                rows,
            },
        ],
        footer: FOOTER.to_owned(),
    }
}

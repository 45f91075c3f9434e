//! Writes a sample seeker report (구직자 진단 결과 및 IAP) to the PDF path
//! given on the command line, for looking at the layout:
//! `cargo run -p doyak-report --example sample_report -- /tmp/sample.pdf`

use doyak_report::{Align, Bar, Block, Column, Document, render_pdf};

fn column(title: &str, width: f32, align: Align) -> Column {
    Column {
        title: title.to_owned(),
        width,
        align,
    }
}

fn row(cells: &[&str]) -> Vec<String> {
    cells.iter().map(|c| (*c).to_owned()).collect()
}

fn sample() -> Document {
    let meta = [
        ("성명", "김도약"),
        ("생년월일", "1988-04-17"),
        ("희망 직종", "용접원 (KECO 8421)"),
        ("담당 상담사", "이상담"),
        ("작성일", "2026-12-03"),
        ("참여 단계", "1단계 · 진단 및 IAP 수립"),
        ("주소지", "경상남도 창원시 성산구"),
    ];
    let activities = [
        [
            "1",
            "특수용접기능사 필기 준비",
            "2026-12-08",
            "2027-01-30",
            "훈련기관 연계 · 주 3회",
        ],
        [
            "2",
            "이력서·자기소개서 작성",
            "2026-12-08",
            "2026-12-19",
            "상담사와 2회 점검",
        ],
        [
            "3",
            "뿌리산업 채용 박람회 참석",
            "2026-12-17",
            "2026-12-17",
            "창원컨벤션센터",
        ],
        [
            "4",
            "CO2 용접 실습(국민내일배움카드)",
            "2027-01-05",
            "2027-03-26",
            "120시간 과정",
        ],
        ["5", "동행 면접 2회 이상", "2027-02-01", "2027-03-31", ""],
    ];
    let mut rows: Vec<Vec<String>> = activities.iter().map(|r| row(r)).collect();
    for n in 6..=48 {
        rows.push(vec![
            n.to_string(),
            format!("추가 활동 {n}: 구인처 방문 및 알선 결과 확인"),
            "2027-04-01".to_owned(),
            "2027-04-30".to_owned(),
            "※ 확인 필요".to_owned(),
        ]);
    }
    Document {
        title: "구직자 진단 결과 및 개인별 취업활동계획(IAP)".to_owned(),
        subtitle: Some("구직자·기업 도약보장 패키지 · 1단계".to_owned()),
        meta: meta.iter().map(|(k, v)| ((*k).to_owned(), (*v).to_owned())).collect(),
        blocks: vec![
            Block::Heading("① 진단 요약".to_owned()),
            Block::Paragraph(
                "김도약 님은 조선업 협력사에서 4년간 CO2 용접 보조로 일한 경력이 있으며, 특수용접기능사 취득을 목표로 합니다. \
                 희망 직종(용접원)과의 적합도는 72점으로 '적합'에 해당하고, 부족한 능력단위는 '피복아크용접'과 '용접 도면 해독' 두 가지입니다. \
                 지역(창원·김해) 구인 수요가 꾸준하여 3개월 안에 취업할 가능성이 높은 편입니다.\n\
                 생활 여건 점검에서 통근 수단(자가용 없음)이 장애요인으로 나타나, 대중교통 30분 이내 사업장을 우선 알선합니다."
                    .to_owned(),
            ),
            Block::Note("※ 적합도는 직업 프로필과 보유 자격·경력을 비교한 참고 값이며 표준화 검사가 아닙니다. 근거: 진단 자료 2026-11-20 확인.".to_owned()),
            Block::Heading("② 구직 준비도".to_owned()),
            Block::Bars(vec![
                Bar { label: "구직 동기".to_owned(), value: 82.0, max: 100.0, text: "82점 · 높음".to_owned() },
                Bar { label: "자기 이해".to_owned(), value: 62.0, max: 100.0, text: "62점 · 보통".to_owned() },
                Bar { label: "구직 기술(이력서·면접)".to_owned(), value: 38.0, max: 100.0, text: "38점 · 낮음 → 집중 지원".to_owned() },
                Bar { label: "생활 여건".to_owned(), value: 55.0, max: 100.0, text: "55점 · 보통".to_owned() },
            ]),
            Block::Heading("③ 개인별 취업활동계획".to_owned()),
            Block::Table {
                columns: vec![
                    column("번호", 0.6, Align::Center),
                    column("활동", 3.2, Align::Left),
                    column("시작일", 1.3, Align::Center),
                    column("종료일", 1.3, Align::Center),
                    column("비고", 2.2, Align::Left),
                ],
                rows,
            },
            Block::Heading("④ 상담사 의견".to_owned()),
            Block::Paragraph("면접 경험이 적어 모의 면접을 두 번 이상 진행하고, 자격 취득 전이라도 보조 용접원 채용에 지원하도록 권합니다.".to_owned()),
        ],
        footer: "창원고용센터 · 도약보장 패키지 · 김도약 (개인정보 포함: 취급 주의)".to_owned(),
    }
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(path) = std::env::args_os().nth(1) else {
        return Err("usage: sample_report <output.pdf>".into());
    };
    let pdf = render_pdf(&sample())?;
    std::fs::write(&path, &pdf)?;
    println!("{} bytes → {}", pdf.len(), path.to_string_lossy());
    Ok(())
}

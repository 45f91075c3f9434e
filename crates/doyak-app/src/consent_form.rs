//! The consent form (개인정보 수집·이용·제공 동의서) to print and sign: what
//! 개인정보 보호법 requires a person be told before consenting — the purpose,
//! the items, how long they are kept, and that they may refuse and what
//! refusing means (제15조 제2항); for 제3자 제공 who receives what and why
//! (제17조 제2항); 민감정보 asked on its own (제23조). One check box per
//! purpose, so each consent is given or refused separately. The retention
//! period is the center's rule; an unconfirmed one prints 확인 필요.
//! Made with the same report library and font as every other report.

use crate::forms::parse_id;
use crate::{AppError, Desk, ExportOutcome};
use doyak_domain::privacy::CONSENT_FORM_VERSION;
use doyak_domain::seeker::ConsentScope;
use doyak_report::{Align, Block, Column, Document, render_pdf};
use std::path::Path;

/// What each purpose is, what it covers and what refusing means.
fn purpose_rows(retention: &str) -> Vec<Vec<String>> {
    let row = |scope: ConsentScope, items: &str, refusal: &str| {
        vec![
            format!("□ 동의함  □ 동의하지 않음\n{}", scope.label_ko()),
            items.to_owned(),
            retention.to_owned(),
            refusal.to_owned(),
        ]
    };
    vec![
        row(
            ConsentScope::Counseling,
            "성명, 생년월일, 성별, 연락처(전화·이메일), 주소(시군구), 학력·자격·경력·훈련, 희망 직종·임금·근무지, 상담 내용, 진단·문진 응답, 이력서 파일",
            "도약보장 패키지의 진단·상담·취업지원을 받을 수 없습니다.",
        ),
        row(
            ConsentScope::ShareWithEmployers,
            "제공받는 자: 알선하는 구인기업. 항목: 성명, 연락처, 학력·자격·경력. 목적: 채용 심사",
            "구인기업 알선을 받을 수 없습니다. 다른 지원은 받을 수 있습니다.",
        ),
        row(
            ConsentScope::ShareWithPartners,
            "제공받는 자: 연계하는 기관(훈련기관, 복지·상담기관 등). 항목: 성명, 연락처, 연계에 필요한 상담 내용. 목적: 연계 지원",
            "기관 연계를 받을 수 없습니다. 다른 지원은 받을 수 있습니다.",
        ),
        row(
            ConsentScope::Sensitive,
            "건강 등 취업에 영향을 주는 사정(취업 장애요인)",
            "장애요인을 고려한 상담·연계를 받을 수 없습니다.",
        ),
        row(
            ConsentScope::InsuranceRecords,
            "고용보험 가입·이직 이력",
            "취업 여부를 직접 알려 주셔야 합니다.",
        ),
        row(
            ConsentScope::FollowUp,
            "연락처 (취업 후 3·6·12개월 고용유지 확인)",
            "취업 후 사후관리 연락을 받지 않습니다.",
        ),
    ]
}

impl Desk {
    /// The consent form as PDF bytes, for `seeker_id` (name printed) or
    /// blank (`""`): the counselor prints it, the person ticks and signs.
    pub fn consent_form(&self, seeker_id: &str) -> Result<Vec<u8>, AppError> {
        let name = match seeker_id.trim() {
            "" => String::new(),
            id => {
                let seeker = self.seeker(parse_id(id)?)?;
                self.log_access(
                    doyak_store::Access::Print,
                    doyak_domain::EntityKind::Seeker,
                    Some(seeker.id),
                    "consent_form",
                )?;
                seeker.name
            }
        };
        // The form names the period of a case that ends with employment
        // and of one that ends without, once when they are the same (the
        // 삭제된 등록 period is not the signer's case). The table's cell is
        // narrow: the words are kept short.
        let rule = |k| self.retention_rule(k);
        let (employed, closed) = (
            rule(doyak_domain::privacy::RetentionKind::Employed)?,
            rule(doyak_domain::privacy::RetentionKind::Closed)?,
        );
        let text = |r: &doyak_domain::privacy::RetentionRule| {
            format!(
                "{}년{}",
                r.years,
                if r.confirmed {
                    ""
                } else {
                    " (센터 확인 필요)"
                }
            )
        };
        let retention = if employed == closed {
            format!("지원 종료 후 {}", text(&employed))
        } else {
            format!(
                "취업 종료 후 {}, 미취업 종료 후 {}",
                text(&employed),
                text(&closed)
            )
        };
        let doc = Document {
            title: "개인정보 수집·이용·제공 동의서".into(),
            subtitle: Some(format!("구직자·기업 도약보장 패키지 — {}", self.center_name())),
            meta: vec![
                ("성명".into(), name),
                ("작성일".into(), self.clock.today().to_string()),
                ("동의서 버전".into(), CONSENT_FORM_VERSION.into()),
                ("동의 방식".into(), "□ 서면  □ 구두  □ 전자".into()),
            ],
            blocks: vec![
                Block::Paragraph(format!(
                    "{}는 도약보장 패키지 지원을 위해 아래와 같이 개인정보를 처리합니다. 항목마다 동의 여부를 표시해 주세요. 동의는 언제든지 철회할 수 있으며, 수집·이용 동의를 철회하면 지원이 종료되고 개인정보는 지체 없이 파기됩니다(통계에 필요한 항목은 이름 없이 남습니다).",
                    self.center_name()
                )),
                Block::Table {
                    columns: vec![
                        Column { title: "동의 항목".into(), width: 2.2, align: Align::Left },
                        Column { title: "처리하는 개인정보·제공받는 자".into(), width: 3.2, align: Align::Left },
                        Column { title: "보유기간".into(), width: 1.4, align: Align::Left },
                        Column { title: "동의하지 않을 때".into(), width: 2.2, align: Align::Left },
                    ],
                    rows: purpose_rows(&retention),
                },
                Block::Note(
                    "개인정보 보호법 제15조(수집·이용), 제17조(제3자 제공), 제23조(민감정보)에 따라 알려 드립니다. 동의를 거부할 권리가 있으며, 거부에 따른 불이익은 위 표와 같습니다.\n주민등록번호 등 고유식별정보는 수집하지 않습니다."
                        .into(),
                ),
                Block::Paragraph("위 내용을 확인하였으며, 표시한 항목에 동의합니다.".into()),
                Block::Paragraph("날짜:            년      월      일\n\n본인 성명:                          (서명)\n\n확인 상담사:                        (서명)".into()),
            ],
            footer: format!("도약 동의서 {CONSENT_FORM_VERSION}"),
        };
        render_pdf(&doc).map_err(AppError::Report)
    }

    /// Writes the consent form to a new PDF in `dir` (never over a file).
    pub fn save_consent_form(
        &mut self,
        seeker_id: &str,
        dir: &Path,
    ) -> Result<ExportOutcome, AppError> {
        let bytes = self.consent_form(seeker_id)?;
        let stem = format!("도약-개인정보동의서-{}", self.clock.today());
        let path = crate::files::write_new_file(dir, &stem, "pdf", &bytes)?;
        Ok(ExportOutcome {
            path: path.display().to_string(),
            count: 1,
        })
    }
}

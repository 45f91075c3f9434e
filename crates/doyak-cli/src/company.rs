//! `doyak company diagnose|programs`: the firm's 구인애로 진단 and the
//! support programs it may use, from the caseload (read only), as Korean
//! text or one JSON object.

use clap::Subcommand;
use doyak_app::Desk;

use crate::{Failure, print_out};

#[derive(Debug, Subcommand)]
pub(crate) enum CompanyAction {
    /// 기업의 모집 중인 구인마다 미충원 원인별 근거와 점수를 씁니다 (마지막 방문 문진 포함).
    Diagnose {
        /// 기업 ID
        id: String,
        /// 출력 형식: text(한국어) 또는 json
        #[arg(long, default_value = "text", value_parser = ["text", "json"])]
        format: String,
    },
    /// 기업이 기준일에 쓸 수 있는 지원사업: 해당 / 해당 없음 / 확인 필요와 그 근거.
    Programs {
        /// 기업 ID
        id: String,
        /// 기준일 (YYYY-MM-DD, 기본값 오늘)
        #[arg(long, default_value = "")]
        date: String,
        /// 채용(예정) 구직자 ID (나이 등 채용자 요건을 함께 판단)
        #[arg(long, default_value = "")]
        seeker: String,
        /// 출력 형식: text(한국어) 또는 json
        #[arg(long, default_value = "text", value_parser = ["text", "json"])]
        format: String,
    },
}

fn json<T: serde::Serialize>(value: &T) -> Result<Vec<u8>, Failure> {
    let mut out =
        serde_json::to_vec_pretty(value).map_err(|e| Failure::App(doyak_app::AppError::Json(e)))?;
    out.push(b'\n');
    Ok(out)
}

fn score(s: Option<u32>) -> String {
    s.map_or_else(|| "확인 필요".to_owned(), |s| s.to_string())
}

pub(crate) fn run(desk: &Desk, action: CompanyAction) -> Result<(), Failure> {
    match action {
        CompanyAction::Diagnose { id, format } => {
            let d = desk.company_diagnosis(&id)?;
            if format == "json" {
                return print_out(&json(&d)?);
            }
            let mut out = format!(
                "{} 구인애로 진단 ({}, 진단 기준 {}{})\n",
                d.company_name,
                d.diagnosed_on,
                d.engine,
                if d.visit_form.is_empty() {
                    ", 방문 문진 없음".to_owned()
                } else {
                    format!(", 방문 문진 {} {}문항", d.visit_form, d.visit_answered)
                }
            );
            for v in &d.vacancies {
                out.push_str(&format!("\n■ {} ({})\n", v.title, v.occupation));
                for c in &v.causes {
                    out.push_str(&format!(
                        "  - {}: {}{}\n",
                        c.label,
                        score(c.score),
                        if c.too_strict { " (요건 과도)" } else { "" }
                    ));
                    for f in &c.facts {
                        out.push_str(&format!("      · {f}\n"));
                    }
                }
            }
            for s in &d.skipped {
                out.push_str(&format!("\n(제외) {s}\n"));
            }
            print_out(out.as_bytes())
        }
        CompanyAction::Programs {
            id,
            date,
            seeker,
            format,
        } => {
            let v = desk.company_programs(&id, &date, &seeker)?;
            if format == "json" {
                return print_out(&json(&v)?);
            }
            let mut out = format!(
                "{} 지원사업 ({} 기준, 자료 {}): 해당 {} · 확인 필요 {} · 해당 없음 {}\n",
                v.company_name, v.on, v.data_version, v.counts[0], v.counts[1], v.counts[2]
            );
            for p in &v.programs {
                out.push_str(&format!("\n■ {} — {}\n", p.name, p.verdict_label));
                for r in &p.reasons {
                    out.push_str(&format!("  · {r}\n"));
                }
                if !p.missing.is_empty() {
                    out.push_str(&format!("  확인할 것: {}\n", p.missing.join(", ")));
                }
                out.push_str(&format!(
                    "  지원 내용: {} / 신청: {} / 출처: {} ({}, 신뢰도 {})\n",
                    p.amount, p.applies, p.source, p.source_date, p.confidence
                ));
            }
            print_out(out.as_bytes())
        }
    }
}

//! The 진단 tab over a demo caseload: labels made in Rust, the five best
//! occupations best first, and 비슷한 이전 참여자 agreeing with the closed
//! cases the caseload holds.

use crate::*;
use doyak_app::SeekerFilter;

#[test]
fn the_diagnosis_tab_ranks_explains_and_counts_closed_cases() {
    let mut fx = new_desk();
    let spec = fx.desk.demo_spec(150, 20, 4).unwrap();
    fx.desk.generate_demo(&spec, &mut |_, _| {}).unwrap();
    // Twelve closed welders (희망 직종 82, 용접기능사), enrolled on
    // 2026-03-01: with the demo's own, at least 10 cases aim at 중분류 82.
    let mut welders = Vec::new();
    for i in 0..12 {
        let id = crate::recommend::seeker(&mut fx.desk, &format!("종료용접{i}"), true, "yes");
        let mut s = fx.desk.seeker(id.parse().unwrap()).unwrap();
        s.status = doyak_domain::SeekerStatus::Closed;
        s.enrolled_on = chrono::NaiveDate::from_ymd_opt(2026, 3, 1);
        fx.desk.save(&s).unwrap();
        welders.push(id);
    }
    // Counted from the records themselves, not through the index the view
    // reads: closed (취업 or 종료), enrolled, first 희망 직종 in the 중분류.
    let closed = fx
        .desk
        .store()
        .seekers_with_status(&[
            doyak_domain::SeekerStatus::Employed,
            doyak_domain::SeekerStatus::Closed,
        ])
        .unwrap();
    let aiming_at = |middle: &str| {
        closed
            .iter()
            .filter(|s| s.enrolled_on.is_some())
            .filter(|s| {
                s.desired_occupations
                    .first()
                    .is_some_and(|c| c.as_str().get(..2) == Some(middle))
            })
            .count()
    };
    let page = fx
        .desk
        .list_seekers(&SeekerFilter {
            limit: 30,
            ..Default::default()
        })
        .unwrap();
    let mut shown = 0;
    let ids = page.items.iter().map(|s| s.id.to_string()).chain(welders);
    for id in ids {
        let view = fx.desk.diagnosis_view(&id).unwrap();
        assert_eq!(view.profiles, 74);
        assert_eq!(view.occupations.len(), 5, "the desk shows the five best");
        assert!(
            view.occupations.windows(2).all(|w| w[0].fit >= w[1].fit),
            "best first"
        );
        for o in &view.occupations {
            assert_eq!(o.met + o.partly + o.missing, o.units.len() as u32);
            for u in &o.units {
                let label = match u.status.as_str() {
                    "met" => "충족",
                    "partly" => "일부 충족",
                    "missing" => "미충족",
                    other => panic!("status {other}"),
                };
                assert_eq!(u.status_label, label);
                assert!(
                    u.ncs_code == "확인 필요" || doyak_diagnosis::is_ncs_unit_code(&u.ncs_code)
                );
            }
            // 비슷한 이전 참여자 is shown exactly when the caseload holds 10
            // or more closed cases aiming at the same 중분류.
            let same_middle = aiming_at(&o.code[..2]);
            assert_eq!(
                !o.similar.is_empty(),
                same_middle >= 10,
                "{}: {same_middle} closed cases, text {:?}",
                o.code,
                o.similar
            );
            if !o.similar.is_empty() {
                assert!(
                    o.similar.contains(&format!("종료 사례 {same_middle}명")),
                    "{}",
                    o.similar
                );
                shown += 1;
            }
        }
    }
    assert!(
        shown > 0,
        "the caseload's {} closed cases reach 10 in 중분류 82 (the twelve welders), so both sides are exercised",
        closed.len()
    );

    // Read at each view: one more closed welder makes the count one larger.
    let welder = crate::recommend::seeker(&mut fx.desk, "종료용접추가", true, "yes");
    let before = fx.desk.diagnosis_view(&welder).unwrap();
    let count = |v: &doyak_app::DiagnosisView| {
        v.occupations
            .iter()
            .find(|o| o.code.starts_with("82") && !o.similar.is_empty())
            .map(|o| o.similar.clone())
            .unwrap_or_default()
    };
    let n = aiming_at("82");
    assert!(
        count(&before).contains(&format!("종료 사례 {n}명")),
        "{}",
        count(&before)
    );
    let mut s = fx.desk.seeker(welder.parse().unwrap()).unwrap();
    s.status = doyak_domain::SeekerStatus::Closed;
    s.enrolled_on = chrono::NaiveDate::from_ymd_opt(2026, 3, 1);
    fx.desk.save(&s).unwrap();
    let after = fx.desk.diagnosis_view(&welder).unwrap();
    assert!(
        count(&after).contains(&format!("종료 사례 {}명", n + 1)),
        "{}",
        count(&after)
    );
}

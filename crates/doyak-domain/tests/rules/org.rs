//! `Center::check`, `Counselor::check` and `PartnerInstitution::check`.

use crate::*;
use doyak_domain::{Center, Counselor, CounselorRole, PartnerInstitution, Phone};
use expect_test::expect;

#[test]
fn center() {
    // 센터명 required; 소재지, when given, a known 시군구.
    let table = Table::new(Center {
        id: center_id(),
        name: "서부고용복지플러스센터".into(),
        sigungu: Some("11110".into()),
    })
    .case("name empty", |c| c.name.clear())
    .case("name blank", |c| c.name = "  ".into())
    .case("sigungu none", |c| c.sigungu = None)
    .case("sigungu unknown", |c| c.sigungu = Some("11111".into()))
    .case("sigungu empty", |c| c.sigungu = Some("".into()));
    expect![[r#"
        valid           | ok
        name empty      | name(센터명): 필수 항목입니다.
        name blank      | name(센터명): 필수 항목입니다.
        sigungu none    | ok
        sigungu unknown | sigungu(소재지): 알 수 없는 시군구 코드입니다: 11111
        sigungu empty   | sigungu(소재지): 알 수 없는 시군구 코드입니다: 
    "#]]
    .assert_eq(&table.shared());
}

#[test]
fn counselor() {
    // 상담사 이름 required; nothing else.
    let table = Table::new(Counselor {
        id: id(60),
        center_id: center_id(),
        name: "박상담".into(),
        role: CounselorRole::Counselor,
        active: true,
    })
    .case("name empty", |c| c.name.clear())
    .case("name blank", |c| c.name = "\u{3000}".into())
    .case("inactive admin", |c| {
        c.role = CounselorRole::Admin;
        c.active = false;
    });
    expect![[r#"
        valid          | ok
        name empty     | name(상담사 이름): 필수 항목입니다.
        name blank     | name(상담사 이름): 필수 항목입니다.
        inactive admin | ok
    "#]]
    .assert_eq(&table.shared());
}

#[test]
fn partner_institution() {
    // 기관명 and 기관 유형 required; 소재지, when given, a known 시군구. The
    // type is an id of partner_institution_types.csv, which the code book
    // does not cover: any non-blank text passes.
    let table = Table::new(PartnerInstitution {
        id: id(41),
        center_id: center_id(),
        name: "안산시 정신건강복지센터".into(),
        kind: "mental_health".into(),
        phone: Some(Phone::parse("031-481-0000").unwrap()),
        sigungu: Some("41273".into()),
    })
    .case("name empty", |p| p.name.clear())
    .case("kind empty", |p| p.kind.clear())
    .case("kind not a type id", |p| p.kind = "아무 기관".into())
    .case("sigungu unknown", |p| p.sigungu = Some("4127".into()))
    .case("all three wrong", |p| {
        p.name = " ".into();
        p.kind = " ".into();
        p.sigungu = Some("x".into());
    });
    expect![[r#"
        valid              | ok
        name empty         | name(기관명): 필수 항목입니다.
        kind empty         | kind(기관 유형): 필수 항목입니다.
        kind not a type id | ok
        sigungu unknown    | sigungu(소재지): 알 수 없는 시군구 코드입니다: 4127
        all three wrong    | name(기관명): 필수 항목입니다.
                           | kind(기관 유형): 필수 항목입니다.
                           | sigungu(소재지): 알 수 없는 시군구 코드입니다: x
    "#]]
    .assert_eq(&table.shared());
}

//! The hidden world the synthetic caseload is drawn from: latent skill
//! clusters, job archetypes (a KECO middle group is too coarse to be one job),
//! the occupation families that group archetypes, and the two regions.
//!
//! None of this is shown to the engine. It sees only what a 구직표 or a 구인표
//! states: KECO codes, written skills and certificates, a stated commute
//! limit. The families are our own clustering of archetypes; they cut across
//! KECO major groups (a 지게차 operator is 6, a packer is 8, both in 물류) and
//! split middle groups (82 holds both welders and painters), and they are
//! deliberately not derived from `assets/match/keco_related.csv`.

/// A latent skill cluster: skills that are learned together. A person's or a
/// job's true skill profile is a weight per cluster; the written skills are a
/// few draws from it.
pub struct Cluster {
    pub name: &'static str,
    /// Canonical spellings (some of them are in `skill_synonyms.csv`, some
    /// are not, as in real 구인표).
    pub skills: &'static [&'static str],
}

// One cluster a line: a table to read across, not code.
#[rustfmt::skip]
pub const CLUSTERS: &[Cluster] = &[
    Cluster { name: "용접", skills: &["CO2 용접", "TIG 용접", "피복아크 용접", "가우징", "취부", "가스 절단"] },
    Cluster { name: "도면·측정", skills: &["도면 해독", "측정기 사용(버니어캘리퍼스·마이크로미터)", "3차원 측정기", "외관 검사"] },
    Cluster { name: "절삭가공", skills: &["CNC 선반", "머시닝센터(MCT)", "G코드 프로그래밍", "CAM 기초", "와이어컷 방전가공", "그라인더 작업"] },
    Cluster { name: "도장·표면", skills: &["에어리스 스프레이 도장", "블라스팅", "분체 도장", "도막 두께 측정", "전기도금", "사상(그라인딩)"] },
    Cluster { name: "설비·전기", skills: &["설비 보전", "공유압 회로", "PLC 기초", "전기 배선", "시퀀스 제어", "제어반 조립"] },
    Cluster { name: "전자조립", skills: &["SMT 장비 운용", "클린룸 작업", "납땜", "장비 모니터링", "웨이퍼 이송"] },
    Cluster { name: "라인작업", skills: &["제품 조립", "포장", "라벨 부착", "라인 작업", "자재 운반"] },
    Cluster { name: "성형·화학", skills: &["사출기 운전", "금형 교체", "성형 불량 판별", "취출 로봇 조작", "약품 관리"] },
    Cluster { name: "품질", skills: &["품질검사", "불량 분석", "ISO 9001 문서 관리", "출하 검사"] },
    Cluster { name: "식품", skills: &["위생 관리(HACCP)", "식품 포장", "배합", "식품 검수", "살균 공정"] },
    Cluster { name: "봉제", skills: &["미싱", "재단", "봉제", "검단", "다림질"] },
    Cluster { name: "창고", skills: &["지게차 운전", "상하차", "재고 관리", "랩핑·적재", "PDA 스캔", "피킹"] },
    Cluster { name: "운전", skills: &["화물 운송", "배송 동선 관리", "화물 결박", "운행기록 관리", "차량 점검", "대형버스 운전"] },
    Cluster { name: "돌봄", skills: &["신체활동 지원", "치매 어르신 돌봄", "식사·위생 보조", "이동 보조", "아이 돌봄", "가사 지원"] },
    Cluster { name: "조리", skills: &["한식 조리", "단체급식 조리", "식자재 관리", "조리 보조", "식기 세척"] },
    Cluster { name: "접객", skills: &["고객 응대", "서빙", "객실 정비", "프런트 응대", "외국어 응대", "POS 운용", "상품 진열"] },
    Cluster { name: "미화", skills: &["건물 청소", "분리수거", "청소장비 사용", "방역 소독"] },
    Cluster { name: "경비", skills: &["출입 통제", "순찰", "CCTV 모니터링", "주차 관리", "소방 설비 점검"] },
    Cluster { name: "사무", skills: &["엑셀", "한글(HWP)", "문서 작성", "ERP 입력", "전화 응대"] },
    Cluster { name: "회계", skills: &["회계 프로그램(더존)", "전표 처리", "세무 신고 보조", "급여 계산"] },
    Cluster { name: "영업", skills: &["거래처 관리", "영업 상담", "견적서 작성", "판촉"] },
    Cluster { name: "건설", skills: &["형틀 목공", "철근 조립", "비계 설치", "건설 자재 운반", "배관", "굴착기 운전"] },
    Cluster { name: "의료보조", skills: &["활력징후 측정", "투약 보조", "병동 업무", "환자 이송"] },
    Cluster { name: "IT", skills: &["네트워크 설정", "PC 정비", "서버 관리", "헬프데스크"] },
];

/// Where an archetype's workplaces are (see [`World::place_weight`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sector {
    /// 산업단지: the outer industrial belt.
    Factory,
    /// Anywhere people live (돌봄, 음식, 경비, 미화).
    Town,
    /// City centres (사무, 영업, 호텔).
    Downtown,
    /// 물류센터 and sites along the highways.
    Road,
}

/// A job as it really is. Several archetypes share a KECO middle group, and
/// the engine cannot tell them apart by code.
pub struct Archetype {
    pub key: &'static str,
    pub keco: &'static str,
    /// The true skill profile, as (cluster name, weight).
    pub mix: &'static [(&'static str, f64)],
    /// Requirement slots: a vacancy that requires certificates asks for one
    /// alternative of each slot (official names from qualifications.csv, or
    /// a free name the reference list does not know).
    pub required: &'static [&'static [&'static str]],
    pub require_rate: f64,
    pub preferred: &'static [&'static str],
    /// Monthly wage band, 만원.
    pub wage: (f64, f64),
    pub shift_rate: f64,
    pub housing_rate: f64,
    pub bus_rate: f64,
    pub sector: Sector,
}

const fn job(
    key: &'static str,
    keco: &'static str,
    mix: &'static [(&'static str, f64)],
    wage: (f64, f64),
    sector: Sector,
) -> Archetype {
    Archetype {
        key,
        keco,
        mix,
        required: &[],
        require_rate: 0.0,
        preferred: &[],
        wage,
        shift_rate: 0.0,
        housing_rate: 0.0,
        bus_rate: 0.0,
        sector,
    }
}

impl Archetype {
    const fn requires(mut self, slots: &'static [&'static [&'static str]], rate: f64) -> Archetype {
        self.required = slots;
        self.require_rate = rate;
        self
    }
    const fn prefers(mut self, names: &'static [&'static str]) -> Archetype {
        self.preferred = names;
        self
    }
    /// Shares of vacancies with shift work, 기숙사 and 통근버스.
    const fn conditions(mut self, shift: f64, housing: f64, bus: f64) -> Archetype {
        self.shift_rate = shift;
        self.housing_rate = housing;
        self.bus_rate = bus;
        self
    }
}

use Sector::{Downtown, Factory, Road, Town};

pub const ARCHETYPES: &[Archetype] = &[
    job(
        "weld",
        "82",
        &[("용접", 0.75), ("도면·측정", 0.25)],
        (280.0, 450.0),
        Factory,
    )
    .requires(&[&["용접기능사", "특수용접기능사"]], 0.6)
    .prefers(&["용접산업기사", "배관기능사", "판금제관기능사"])
    .conditions(0.3, 0.3, 0.35),
    job(
        "paint",
        "82",
        &[("도장·표면", 0.8), ("라인작업", 0.2)],
        (250.0, 380.0),
        Factory,
    )
    .prefers(&["금속도장기능사"])
    .conditions(0.3, 0.25, 0.3),
    job(
        "plating",
        "85",
        &[("도장·표면", 0.5), ("성형·화학", 0.5)],
        (240.0, 340.0),
        Factory,
    )
    .prefers(&["표면처리기능사", "화학분석기능사", "위험물기능사"])
    .conditions(0.6, 0.2, 0.35),
    job(
        "cnc",
        "81",
        &[("절삭가공", 0.75), ("도면·측정", 0.25)],
        (260.0, 420.0),
        Factory,
    )
    .requires(&[&["컴퓨터응용선반기능사", "컴퓨터응용밀링기능사"]], 0.25)
    .prefers(&["컴퓨터응용가공산업기사", "기계가공조립기능사"])
    .conditions(0.45, 0.2, 0.35),
    job(
        "maint",
        "81",
        &[("설비·전기", 0.75), ("절삭가공", 0.15), ("용접", 0.1)],
        (290.0, 450.0),
        Factory,
    )
    .requires(&[&["설비보전기능사", "전기기능사", "공유압기능사"]], 0.3)
    .prefers(&["기계정비산업기사", "공유압기능사", "전기기능사"])
    .conditions(0.45, 0.15, 0.35),
    job(
        "electronics",
        "83",
        &[("전자조립", 0.6), ("라인작업", 0.3), ("설비·전기", 0.1)],
        (230.0, 320.0),
        Factory,
    )
    .prefers(&["전자기기기능사"])
    .conditions(0.6, 0.25, 0.45),
    job(
        "semicon",
        "83",
        &[("전자조립", 0.7), ("설비·전기", 0.3)],
        (270.0, 400.0),
        Factory,
    )
    .requires(&[&["반도체설비보전기능사"]], 0.15)
    .prefers(&["전자기기기능사", "반도체설비보전기능사"])
    .conditions(0.85, 0.2, 0.6),
    job(
        "assembly",
        "89",
        &[("라인작업", 0.85), ("창고", 0.15)],
        (210.0, 270.0),
        Factory,
    )
    .prefers(&["지게차운전기능사"])
    .conditions(0.5, 0.2, 0.4),
    job(
        "injection",
        "85",
        &[("성형·화학", 0.7), ("라인작업", 0.3)],
        (220.0, 320.0),
        Factory,
    )
    .prefers(&["사출금형산업기사", "금형기능사"])
    .conditions(0.75, 0.2, 0.4),
    job(
        "food",
        "87",
        &[("식품", 0.6), ("라인작업", 0.4)],
        (210.0, 280.0),
        Factory,
    )
    .conditions(0.45, 0.15, 0.4),
    job(
        "sewing",
        "86",
        &[("봉제", 0.9), ("라인작업", 0.1)],
        (210.0, 300.0),
        Factory,
    )
    .conditions(0.1, 0.05, 0.1),
    job(
        "qc",
        "15",
        &[("품질", 0.6), ("도면·측정", 0.4)],
        (250.0, 380.0),
        Factory,
    )
    .prefers(&["품질경영산업기사", "정밀측정기능사", "정밀측정산업기사"])
    .conditions(0.3, 0.1, 0.35),
    job(
        "forklift",
        "62",
        &[("창고", 0.9), ("라인작업", 0.1)],
        (250.0, 330.0),
        Road,
    )
    .requires(&[&["지게차운전기능사"]], 0.9)
    .conditions(0.35, 0.05, 0.2),
    job(
        "picker",
        "62",
        &[("창고", 0.8), ("라인작업", 0.2)],
        (210.0, 290.0),
        Road,
    )
    .prefers(&["지게차운전기능사"])
    .conditions(0.6, 0.05, 0.35),
    job(
        "truck",
        "62",
        &[("운전", 0.85), ("창고", 0.15)],
        (300.0, 450.0),
        Road,
    )
    .requires(
        &[
            &["제1종 보통 운전면허", "제1종 대형 운전면허"],
            &["화물운송종사자격"],
        ],
        1.0,
    )
    .prefers(&["제1종 대형 운전면허"])
    .conditions(0.3, 0.02, 0.0),
    job(
        "delivery",
        "62",
        &[("운전", 0.7), ("창고", 0.3)],
        (260.0, 400.0),
        Town,
    )
    .requires(&[&["제1종 보통 운전면허", "제2종 보통 운전면허"]], 0.9)
    .prefers(&["화물운송종사자격"])
    .conditions(0.1, 0.0, 0.0),
    job(
        "bus",
        "62",
        &[("운전", 0.9), ("접객", 0.1)],
        (330.0, 450.0),
        Town,
    )
    .requires(&[&["제1종 대형 운전면허"], &["버스운전자격"]], 1.0)
    .conditions(0.8, 0.0, 0.0),
    job(
        "care",
        "55",
        &[("돌봄", 0.85), ("의료보조", 0.15)],
        (200.0, 260.0),
        Town,
    )
    .requires(&[&["요양보호사"]], 1.0)
    .prefers(&["사회복지사 2급"])
    .conditions(0.5, 0.0, 0.0),
    job(
        "childcare",
        "55",
        &[("돌봄", 0.6), ("미화", 0.2), ("조리", 0.2)],
        (190.0, 250.0),
        Town,
    )
    .conditions(0.05, 0.0, 0.0),
    job(
        "nurse_aide",
        "30",
        &[("의료보조", 0.8), ("돌봄", 0.2)],
        (210.0, 290.0),
        Town,
    )
    .requires(&[&["간호조무사"]], 1.0)
    .conditions(0.4, 0.0, 0.0),
    job(
        "cook",
        "53",
        &[("조리", 0.8), ("식품", 0.2)],
        (230.0, 350.0),
        Town,
    )
    .requires(&[&["한식조리기능사"]], 0.35)
    .prefers(&["한식조리기능사", "양식조리기능사", "한식조리산업기사"])
    .conditions(0.2, 0.1, 0.05),
    job(
        "kitchen",
        "53",
        &[("조리", 0.5), ("접객", 0.5)],
        (200.0, 250.0),
        Town,
    )
    .conditions(0.2, 0.05, 0.0),
    job(
        "hotel",
        "52",
        &[("접객", 0.7), ("미화", 0.3)],
        (210.0, 280.0),
        Downtown,
    )
    .conditions(0.5, 0.2, 0.1),
    job(
        "cleaning",
        "56",
        &[("미화", 0.9), ("경비", 0.1)],
        (190.0, 230.0),
        Town,
    )
    .conditions(0.1, 0.0, 0.05),
    job(
        "security",
        "54",
        &[("경비", 0.85), ("미화", 0.15)],
        (200.0, 250.0),
        Town,
    )
    .conditions(0.9, 0.0, 0.0),
    job(
        "clerk",
        "02",
        &[("사무", 0.85), ("회계", 0.15)],
        (210.0, 320.0),
        Downtown,
    )
    .prefers(&["컴퓨터활용능력 2급", "워드프로세서", "컴퓨터활용능력 1급"]),
    job(
        "accounting",
        "02",
        &[("회계", 0.7), ("사무", 0.3)],
        (230.0, 350.0),
        Downtown,
    )
    .prefers(&["컴퓨터활용능력 1급"]),
    job(
        "logistics_office",
        "02",
        &[("사무", 0.5), ("창고", 0.5)],
        (230.0, 320.0),
        Road,
    )
    .prefers(&["물류관리사", "컴퓨터활용능력 2급"]),
    job(
        "cashier",
        "61",
        &[("접객", 0.7), ("창고", 0.15), ("사무", 0.15)],
        (200.0, 260.0),
        Town,
    )
    .conditions(0.3, 0.0, 0.0),
    job(
        "sales",
        "61",
        &[("영업", 0.75), ("사무", 0.25)],
        (250.0, 400.0),
        Downtown,
    )
    .prefers(&["제1종 보통 운전면허"]),
    job(
        "construction",
        "70",
        &[("건설", 0.85), ("용접", 0.15)],
        (280.0, 420.0),
        Road,
    )
    .conditions(0.0, 0.2, 0.2),
    job(
        "excavator",
        "70",
        &[("건설", 0.8), ("운전", 0.2)],
        (330.0, 450.0),
        Road,
    )
    .requires(&[&["굴착기운전기능사"]], 1.0)
    .conditions(0.0, 0.2, 0.0),
    job(
        "electrician",
        "83",
        &[("설비·전기", 0.8), ("건설", 0.2)],
        (280.0, 420.0),
        Town,
    )
    .requires(&[&["전기기능사"]], 0.7)
    .prefers(&["전기산업기사", "전기공사산업기사"])
    .conditions(0.1, 0.1, 0.1),
    job(
        "it_support",
        "13",
        &[("IT", 0.8), ("사무", 0.2)],
        (250.0, 400.0),
        Downtown,
    )
    .conditions(0.15, 0.0, 0.0),
];

pub fn cluster(name: &str) -> usize {
    CLUSTERS
        .iter()
        .position(|c| c.name == name)
        .unwrap_or_else(|| panic!("no skill cluster {name}"))
}

/// A region with its own family structure and job mix.
pub struct World {
    pub name: &'static str,
    pub label: &'static str,
    /// 시도 code prefixes of the 시군구 in the region.
    pub sido: &'static [&'static str],
    /// Families: (name, archetype keys). Every archetype is in exactly one.
    pub families: &'static [(&'static str, &'static [&'static str])],
    /// True affinity between members of one family (another archetype of
    /// the same family); the same archetype is 1.
    pub same_family: f64,
    /// Affinity between families not listed in `cross`.
    pub unrelated: f64,
    /// (family, family, affinity).
    pub cross: &'static [(&'static str, &'static str, f64)],
    /// (archetype, seeker weight, vacancy weight); the rest weigh 1, 1.
    pub mix: &'static [(&'static str, f64, f64)],
    /// Industrial / central 시군구 that get more of their sector's jobs:
    /// (code, sector, weight).
    pub hubs: &'static [(&'static str, Sector, f64)],
    /// Median true commute tolerance (km).
    pub tolerance_km: f64,
    /// Share of seekers who would move into 기숙사.
    pub relocate_rate: f64,
    /// Width of the commute acceptance sigmoid, as a multiple of the
    /// default (larger: distance matters less sharply).
    pub commute_softness: f64,
    /// Multiplier on the archetypes' 기숙사 rates.
    pub housing_factor: f64,
}

/// 수도권 (서울·인천·경기): manufacturing in the outer belt, offices in
/// Seoul, logistics along the highways.
pub const CAPITAL: World = World {
    name: "capital",
    label: "수도권 (11·28·41)",
    sido: &["11", "28", "41"],
    families: &[
        (
            "금속·기계",
            &["weld", "paint", "plating", "cnc", "maint", "qc"],
        ),
        ("전기·전자", &["electronics", "semicon", "electrician"]),
        ("라인생산", &["assembly", "injection", "food", "sewing"]),
        (
            "물류·운송",
            &[
                "forklift",
                "picker",
                "truck",
                "delivery",
                "bus",
                "logistics_office",
            ],
        ),
        ("돌봄·보건", &["care", "childcare", "nurse_aide"]),
        ("음식·숙박", &["cook", "kitchen", "hotel"]),
        ("시설관리", &["cleaning", "security"]),
        (
            "사무·판매",
            &["clerk", "accounting", "cashier", "sales", "it_support"],
        ),
        ("건설", &["construction", "excavator"]),
    ],
    same_family: 0.7,
    unrelated: 0.06,
    cross: &[
        ("금속·기계", "전기·전자", 0.35),
        ("금속·기계", "라인생산", 0.3),
        ("금속·기계", "건설", 0.3),
        ("전기·전자", "라인생산", 0.35),
        ("전기·전자", "건설", 0.25),
        ("라인생산", "물류·운송", 0.35),
        ("라인생산", "음식·숙박", 0.2),
        ("음식·숙박", "시설관리", 0.3),
        ("음식·숙박", "돌봄·보건", 0.25),
        ("돌봄·보건", "시설관리", 0.3),
        ("사무·판매", "물류·운송", 0.25),
        ("사무·판매", "음식·숙박", 0.15),
        ("건설", "물류·운송", 0.25),
    ],
    mix: &[
        ("weld", 1.0, 1.5),
        ("cnc", 1.0, 1.5),
        ("electronics", 1.0, 1.5),
        ("semicon", 0.6, 1.0),
        ("assembly", 2.5, 3.0),
        ("food", 1.0, 1.5),
        ("forklift", 1.0, 1.5),
        ("picker", 1.5, 2.5),
        ("care", 2.5, 3.0),
        ("cook", 1.5, 1.5),
        ("kitchen", 1.5, 2.0),
        ("cleaning", 2.0, 1.5),
        ("security", 1.5, 1.0),
        ("clerk", 4.0, 1.5),
        ("accounting", 1.5, 1.0),
        ("cashier", 1.5, 1.5),
        ("it_support", 1.0, 0.6),
        ("bus", 0.4, 0.6),
        ("excavator", 0.4, 0.4),
    ],
    hubs: &[
        ("41273", Factory, 4.0), // 안산 반월·시화
        ("41390", Factory, 4.0), // 시흥 시화
        ("41590", Factory, 4.0), // 화성
        ("41220", Factory, 3.0), // 평택
        ("41570", Factory, 3.0), // 김포
        ("28200", Factory, 3.0), // 인천 남동
        ("28260", Factory, 2.0), // 인천 서구
        ("41500", Factory, 2.0), // 이천
        ("41500", Road, 3.0),
        ("41610", Road, 3.0),     // 경기 광주
        ("41461", Road, 3.0),     // 용인 처인
        ("41550", Road, 2.0),     // 안성
        ("11680", Downtown, 3.0), // 강남
        ("11140", Downtown, 3.0), // 중구
        ("11560", Downtown, 2.0), // 영등포
        ("41135", Downtown, 2.0), // 분당
    ],
    tolerance_km: 15.0,
    relocate_rate: 0.2,
    commute_softness: 1.0,
    housing_factor: 1.0,
};

/// The capital region under kinder assumptions about the two things the
/// first runs blame most: distance hurts half as sharply, and half the
/// seekers would move into 기숙사. If the engine's standing against the
/// naive baseline changes here, that standing hangs on those assumptions.
pub const CAPITAL_LENIENT: World = World {
    name: "capital-lenient",
    label: "수도권, lenient commute & 기숙사",
    relocate_rate: 0.5,
    commute_softness: 2.0,
    ..CAPITAL
};

/// 동남권 (부산·울산·경남): shipyards and plants, a different family
/// structure (welders, painters and plant construction are one trade here;
/// 돌봄 and 미화·경비 are one labour pool), longer distances, more 기숙사.
pub const SOUTHEAST: World = World {
    name: "southeast",
    label: "동남권 (26·31·48)",
    sido: &["26", "31", "48"],
    families: &[
        (
            "조선·플랜트",
            &[
                "weld",
                "paint",
                "plating",
                "construction",
                "excavator",
                "electrician",
            ],
        ),
        (
            "기계·자동차",
            &["cnc", "maint", "injection", "qc", "electronics", "semicon"],
        ),
        ("라인·식품", &["assembly", "food", "sewing", "kitchen"]),
        (
            "물류·운송",
            &["forklift", "picker", "truck", "delivery", "bus"],
        ),
        (
            "생활서비스",
            &["care", "childcare", "nurse_aide", "cleaning", "security"],
        ),
        ("음식·판매", &["cook", "hotel", "cashier"]),
        (
            "사무",
            &[
                "clerk",
                "accounting",
                "sales",
                "it_support",
                "logistics_office",
            ],
        ),
    ],
    same_family: 0.55,
    unrelated: 0.08,
    cross: &[
        ("조선·플랜트", "기계·자동차", 0.4),
        ("기계·자동차", "라인·식품", 0.35),
        ("조선·플랜트", "물류·운송", 0.2),
        ("라인·식품", "물류·운송", 0.3),
        ("생활서비스", "음식·판매", 0.35),
        ("라인·식품", "음식·판매", 0.3),
        ("사무", "음식·판매", 0.15),
    ],
    mix: &[
        ("weld", 2.5, 4.0),
        ("paint", 1.5, 2.5),
        ("construction", 1.5, 2.0),
        ("maint", 1.0, 1.5),
        ("cnc", 1.0, 1.5),
        ("injection", 1.0, 1.5),
        ("semicon", 0.2, 0.2),
        ("assembly", 2.0, 2.0),
        ("care", 2.5, 2.5),
        ("cleaning", 2.0, 1.5),
        ("clerk", 3.0, 1.0),
        ("it_support", 0.5, 0.3),
        ("hotel", 1.0, 1.0),
    ],
    hubs: &[
        ("48310", Factory, 6.0), // 거제 조선소
        ("31170", Factory, 5.0), // 울산 동구 조선소
        ("31710", Factory, 3.0), // 울주 (온산)
        ("31200", Factory, 3.0), // 울산 북구 (자동차)
        ("48123", Factory, 4.0), // 창원 성산 (국가산단)
        ("48250", Factory, 2.0), // 김해
        ("26440", Factory, 2.0), // 부산 강서 (녹산)
        ("26530", Factory, 2.0), // 부산 사상
        ("26440", Road, 3.0),
        ("48330", Road, 2.0),     // 양산
        ("26230", Downtown, 3.0), // 부산진
        ("26350", Downtown, 2.0), // 해운대
        ("48123", Downtown, 2.0),
        ("31140", Downtown, 2.0), // 울산 남구
    ],
    tolerance_km: 18.0,
    relocate_rate: 0.35,
    commute_softness: 1.0,
    housing_factor: 1.5,
};

impl World {
    pub fn family_of(&self, archetype: usize) -> usize {
        let key = ARCHETYPES[archetype].key;
        self.families
            .iter()
            .position(|(_, members)| members.contains(&key))
            .unwrap_or_else(|| panic!("{key} is in no family of {}", self.name))
    }

    fn family_index(&self, name: &str) -> usize {
        self.families
            .iter()
            .position(|(n, _)| *n == name)
            .unwrap_or_else(|| panic!("no family {name} in {}", self.name))
    }

    /// Family × family affinity, row-major, diagonal `same_family`.
    pub fn family_affinity(&self) -> Vec<f64> {
        let n = self.families.len();
        let mut m = vec![self.unrelated; n * n];
        for f in 0..n {
            m[f * n + f] = self.same_family;
        }
        for &(a, b, w) in self.cross {
            let (a, b) = (self.family_index(a), self.family_index(b));
            m[a * n + b] = w;
            m[b * n + a] = w;
        }
        m
    }

    /// (seeker weight, vacancy weight) of an archetype.
    pub fn weights(&self, archetype: usize) -> (f64, f64) {
        let key = ARCHETYPES[archetype].key;
        self.mix
            .iter()
            .find(|(k, _, _)| *k == key)
            .map_or((1.0, 1.0), |&(_, s, v)| (s, v))
    }

    /// How likely a workplace of `sector` is in 시군구 `code`.
    pub fn place_weight(&self, code: &str, sector: Sector) -> f64 {
        let hub: f64 = self
            .hubs
            .iter()
            .filter(|(c, s, _)| *c == code && *s == sector)
            .map(|(_, _, w)| w)
            .product();
        // Metropolitan cities (서울, 부산) hold the offices, the provinces
        // the plants.
        let metro = code.starts_with("11") || code.starts_with("26");
        let base = match sector {
            Sector::Factory if metro => 0.2,
            Sector::Road if metro => 0.3,
            Sector::Downtown if metro => 2.0,
            Sector::Downtown => 0.4,
            _ => 1.0,
        };
        base * hub
    }
}

/// Qualification ids that satisfy another's requirement because they are
/// the same 종목 at a higher grade or a larger driving licence. A fact about
/// the certificates (국가기술자격법, 도로교통법), which the hidden model
/// needs too; written out here rather than read from the engine's table.
pub const HIGHER_GRADE: &[(&str, &str)] = &[
    ("weld-industrial", "weld-craftsman"),
    ("elec-industrial", "elec-craftsman"),
    ("korean-cook-industrial", "korean-cook-craftsman"),
    ("computer-1", "computer-2"),
    ("licence-1-large", "licence-1-regular"),
    ("licence-1-large", "licence-2-regular"),
    ("licence-1-regular", "licence-2-regular"),
];

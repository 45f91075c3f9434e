//! The jobs the focus industries hire for and job seekers ask for: a KECO
//! middle group, titles, skills, the certificates a vacancy requires or
//! prefers, a wage band, shift patterns, training courses, and who tends to
//! want the job. Vacancies and seekers are both drawn from this one table, so
//! they meet in the middle the way a real caseload does.

use crate::dice::{Dice, Weighted};
use doyak_domain::Shift;
use doyak_refdata::RefData;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Job {
    Welder,
    Fitter,
    Painter,
    Caster,
    PressOperator,
    HeatTreater,
    Plater,
    Machinist,
    MouldMaker,
    InjectionOperator,
    Maintenance,
    Assembler,
    ProductionWorker,
    QualityInspector,
    ForkliftDriver,
    TruckDriver,
    BusDriver,
    ParcelHandler,
    LogisticsClerk,
    CareWorker,
    Cook,
    KitchenAssistant,
    Cleaner,
    SecurityGuard,
    Electrician,
    SemiconductorOperator,
    AutoMechanic,
    FrontDesk,
    SalesClerk,
    OfficeClerk,
}

pub(crate) struct JobProfile {
    pub job: Job,
    /// KECO 2018 middle group.
    pub keco: &'static str,
    /// The short Korean name a counselor uses: "용접", "요양보호사".
    pub label: &'static str,
    pub vacancy_titles: &'static [&'static str],
    /// What the job is called on a résumé.
    pub history_titles: &'static [&'static str],
    pub skills: &'static [&'static str],
    /// Requirement slots; a vacancy that requires certificates asks for one
    /// name out of each slot.
    pub required: &'static [&'static [&'static str]],
    /// How often a vacancy for this job requires its certificates.
    pub require_rate: f64,
    pub preferred: &'static [&'static str],
    /// Monthly wage band in 만원.
    pub wage: (u32, u32),
    /// Weights of 주간, 2교대, 3교대, 야간, 격일·기타.
    pub shifts: [u32; 5],
    /// 국민내일배움카드 courses that lead to the job.
    pub courses: &'static [&'static str],
    /// Percentage of seekers wanting the job who are men.
    pub male_pct: u32,
    /// Relative interest of seekers aged 18–34, 35–49 and 50–67.
    pub ages: [u32; 3],
    /// How many seekers ask for this job, relative to the others; 0 for jobs
    /// only firms post.
    pub seeker_weight: u32,
    /// The Holland (RIASEC) letters the job suits.
    pub riasec: &'static str,
    /// KECO middle groups a seeker wanting this job also accepts.
    pub related: &'static [&'static str],
    /// Words of the names of firms that employ people in this job.
    pub employer_words: &'static [&'static str],
}

const MANUFACTURING_FIRMS: &[&str] = &["정밀", "산업", "공업", "테크", "기계", "금속"];

pub(crate) const JOBS: &[JobProfile] = &[
    JobProfile {
        job: Job::Welder,
        keco: "82",
        label: "용접",
        vacancy_titles: &["CO2 용접원", "TIG 용접원", "특수용접 기능공", "배관 용접원"],
        history_titles: &["용접공", "CO2 용접공", "배관 용접공", "특수용접 기능공"],
        skills: &[
            "CO2 용접",
            "TIG 용접",
            "피복아크 용접",
            "도면 해독",
            "가우징",
            "취부",
        ],
        required: &[&["용접기능사", "특수용접기능사"]],
        require_rate: 1.0,
        preferred: &["특수용접기능사", "용접산업기사", "배관기능사"],
        wage: (280, 420),
        shifts: [60, 30, 5, 0, 5],
        courses: &[
            "특수용접(CO2·TIG) 실무 과정",
            "용접기능사 자격취득 과정",
            "배관용접 실무 과정",
        ],
        male_pct: 95,
        ages: [3, 4, 3],
        seeker_weight: 8,
        riasec: "RC",
        related: &["89"],
        employer_words: &["기공", "철강", "산업", "중공업", "스틸"],
    },
    JobProfile {
        job: Job::Fitter,
        keco: "82",
        label: "제관·취부",
        vacancy_titles: &["선체 취부원", "제관·취부 기능공", "철구조물 제관원"],
        history_titles: &["취부사", "제관공", "선체 조립공"],
        skills: &[
            "취부",
            "도면 해독",
            "그라인더 작업",
            "가스 절단",
            "선체 블록 조립",
        ],
        required: &[],
        require_rate: 0.0,
        preferred: &["용접기능사", "선체건조기능사", "판금제관기능사"],
        wage: (270, 400),
        shifts: [75, 20, 0, 0, 5],
        courses: &["선체 조립(취부) 실무 과정", "판금·제관 실무 과정"],
        male_pct: 95,
        ages: [3, 4, 3],
        seeker_weight: 3,
        riasec: "RC",
        related: &["89"],
        employer_words: &["조선", "해양", "기공", "중공업"],
    },
    JobProfile {
        job: Job::Painter,
        keco: "82",
        label: "도장",
        vacancy_titles: &["선박 도장원", "분체 도장원", "스프레이 도장원"],
        history_titles: &["도장공", "선박 도장공", "분체 도장 작업자"],
        skills: &[
            "에어리스 스프레이 도장",
            "블라스팅",
            "분체 도장",
            "도막 두께 측정",
        ],
        required: &[],
        require_rate: 0.0,
        preferred: &["도장기능사", "금속도장기능사"],
        wage: (260, 380),
        shifts: [70, 25, 0, 0, 5],
        courses: &["선박 도장 실무 과정", "금속 도장 실무 과정"],
        male_pct: 80,
        ages: [2, 4, 4],
        seeker_weight: 2,
        riasec: "RA",
        related: &["89"],
        employer_words: &["도장", "코팅", "해양"],
    },
    JobProfile {
        job: Job::Caster,
        keco: "82",
        label: "주조",
        vacancy_titles: &[
            "주조 생산직",
            "주물 사상원",
            "다이캐스팅 오퍼레이터",
            "용해 작업자",
        ],
        history_titles: &["주물공", "주조 생산직", "다이캐스팅 작업자"],
        skills: &[
            "주형 조형",
            "용해 작업",
            "사상(그라인딩)",
            "다이캐스팅 설비 운전",
            "탕도 설계 기초",
        ],
        required: &[],
        require_rate: 0.0,
        preferred: &["주조기능사", "금속재료산업기사"],
        wage: (260, 380),
        shifts: [45, 40, 10, 5, 0],
        courses: &["주조·다이캐스팅 실무 과정"],
        male_pct: 90,
        ages: [2, 4, 4],
        seeker_weight: 2,
        riasec: "R",
        related: &["89"],
        employer_words: &["주물", "주철", "캐스팅", "금속"],
    },
    JobProfile {
        job: Job::PressOperator,
        keco: "82",
        label: "프레스·단조",
        vacancy_titles: &["프레스 오퍼레이터", "단조 생산직", "판금 프레스원"],
        history_titles: &["프레스공", "단조공", "판금공"],
        skills: &[
            "프레스 금형 교체",
            "단조 프레스 작업",
            "판금 절곡",
            "설비 일상점검",
        ],
        required: &[],
        require_rate: 0.0,
        preferred: &["판금제관기능사", "금형기능사"],
        wage: (250, 350),
        shifts: [45, 45, 10, 0, 0],
        courses: &["프레스·판금 실무 과정"],
        male_pct: 85,
        ages: [3, 4, 3],
        seeker_weight: 3,
        riasec: "R",
        related: &["89"],
        employer_words: &["단조", "프레스", "금속", "정공"],
    },
    JobProfile {
        job: Job::HeatTreater,
        keco: "82",
        label: "열처리",
        vacancy_titles: &["열처리 생산직", "열처리로 운전원"],
        history_titles: &["열처리공", "열처리로 운전원"],
        skills: &["열처리로 운전", "경도 측정", "침탄 열처리", "고주파 열처리"],
        required: &[],
        require_rate: 0.0,
        preferred: &["열처리기능사", "금속재료시험기능사"],
        wage: (250, 360),
        shifts: [25, 45, 30, 0, 0],
        courses: &["금속 열처리 실무 과정"],
        male_pct: 90,
        ages: [2, 4, 4],
        seeker_weight: 1,
        riasec: "RI",
        related: &["89"],
        employer_words: &["열처리", "열산업", "금속"],
    },
    JobProfile {
        job: Job::Plater,
        keco: "82",
        label: "도금",
        vacancy_titles: &["도금 생산직", "아노다이징 작업자", "전해연마 작업자"],
        history_titles: &["도금공", "표면처리 작업자"],
        skills: &["전기도금", "아노다이징", "도금액 관리", "표면 검사"],
        required: &[],
        require_rate: 0.0,
        preferred: &["표면처리기능사", "화학분석기능사"],
        wage: (240, 330),
        shifts: [60, 35, 5, 0, 0],
        courses: &["표면처리(도금) 실무 과정"],
        male_pct: 75,
        ages: [2, 4, 4],
        seeker_weight: 1,
        riasec: "RC",
        related: &["89", "85"],
        employer_words: &["도금", "표면처리", "케미칼"],
    },
    JobProfile {
        job: Job::Machinist,
        keco: "81",
        label: "CNC 가공",
        vacancy_titles: &[
            "CNC 선반 가공원",
            "MCT 가공원",
            "CNC 밀링 오퍼레이터",
            "정밀가공 기능공",
        ],
        history_titles: &["CNC 선반공", "MCT 가공원", "밀링공", "정밀가공 기능공"],
        skills: &[
            "CNC 선반",
            "머시닝센터(MCT)",
            "도면 해독",
            "측정기 사용(버니어캘리퍼스·마이크로미터)",
            "G코드 프로그래밍",
            "CAM 기초",
        ],
        required: &[&[
            "컴퓨터응용선반기능사",
            "컴퓨터응용밀링기능사",
            "기계가공조립기능사",
        ]],
        require_rate: 0.3,
        preferred: &[
            "컴퓨터응용가공산업기사",
            "기계가공조립기능사",
            "정밀측정산업기사",
        ],
        wage: (260, 400),
        shifts: [55, 40, 5, 0, 0],
        courses: &[
            "CNC 선반·밀링 가공 실무",
            "컴퓨터응용가공(MCT) 과정",
            "스마트공장 CNC 가공 과정",
        ],
        male_pct: 85,
        ages: [4, 4, 2],
        seeker_weight: 6,
        riasec: "RI",
        related: &["82", "89"],
        employer_words: &["정밀", "정공", "기계", "테크", "엠텍"],
    },
    JobProfile {
        job: Job::MouldMaker,
        keco: "81",
        label: "금형",
        vacancy_titles: &["금형 제작·수리원", "금형 조립원", "사출금형 수리 기능공"],
        history_titles: &["금형공", "금형 조립원"],
        skills: &[
            "금형 조립",
            "와이어컷 방전가공",
            "금형 수리",
            "연삭 가공",
            "도면 해독",
        ],
        required: &[],
        require_rate: 0.0,
        preferred: &["금형기능사", "사출금형산업기사", "프레스금형산업기사"],
        wage: (280, 420),
        shifts: [85, 15, 0, 0, 0],
        courses: &["금형 설계·제작 실무 과정"],
        male_pct: 90,
        ages: [3, 4, 3],
        seeker_weight: 1,
        riasec: "RI",
        related: &["89"],
        employer_words: &["금형", "몰드", "정밀"],
    },
    JobProfile {
        job: Job::InjectionOperator,
        keco: "85",
        label: "사출 성형",
        vacancy_titles: &["사출 성형 오퍼레이터", "사출기 조작원"],
        history_titles: &["사출 성형원", "사출기 조작원"],
        skills: &[
            "사출기 운전",
            "금형 교체",
            "성형 불량 판별",
            "취출 로봇 조작",
        ],
        required: &[],
        require_rate: 0.0,
        preferred: &["사출금형산업기사", "금형기능사"],
        wage: (230, 320),
        shifts: [25, 55, 20, 0, 0],
        courses: &["사출성형 실무 과정"],
        male_pct: 65,
        ages: [4, 3, 3],
        seeker_weight: 2,
        riasec: "R",
        related: &["89"],
        employer_words: &["플라텍", "폴리머", "산업", "화학"],
    },
    JobProfile {
        job: Job::Maintenance,
        keco: "81",
        label: "설비 보전",
        vacancy_titles: &[
            "설비 보전원",
            "생산설비 유지보수 기사",
            "공무팀 설비 정비원",
        ],
        history_titles: &["설비 보전원", "공무 담당", "설비 정비원"],
        skills: &[
            "설비 보전",
            "공유압 회로",
            "PLC 기초",
            "전기 배선",
            "용접 보수 작업",
        ],
        required: &[&["전기기능사", "설비보전기능사", "공유압기능사"]],
        require_rate: 0.2,
        preferred: &[
            "설비보전기능사",
            "공유압기능사",
            "전기기능사",
            "기계정비산업기사",
        ],
        wage: (280, 420),
        shifts: [60, 25, 15, 0, 0],
        courses: &["스마트공장 설비보전 과정", "공유압·PLC 제어 실무"],
        male_pct: 92,
        ages: [3, 4, 3],
        seeker_weight: 3,
        riasec: "RI",
        related: &["83"],
        employer_words: MANUFACTURING_FIRMS,
    },
    JobProfile {
        job: Job::Assembler,
        keco: "81",
        label: "기계 조립",
        vacancy_titles: &["기계 조립원", "자동화설비 조립 기능공"],
        history_titles: &["기계 조립원", "설비 조립공"],
        skills: &["기계 조립", "도면 해독", "공구 사용", "토크 관리"],
        required: &[],
        require_rate: 0.0,
        preferred: &["기계가공조립기능사", "전기기능사"],
        wage: (250, 360),
        shifts: [75, 25, 0, 0, 0],
        courses: &["기계조립·정비 실무 과정"],
        male_pct: 85,
        ages: [3, 4, 3],
        seeker_weight: 3,
        riasec: "R",
        related: &["89"],
        employer_words: &["기계", "오토메이션", "테크", "산업"],
    },
    JobProfile {
        job: Job::ProductionWorker,
        keco: "89",
        label: "제조 생산직",
        vacancy_titles: &[
            "생산직 (조립·포장)",
            "생산 보조원",
            "제조 단순 생산직",
            "자재 운반·포장원",
        ],
        history_titles: &["생산직", "조립 생산직", "포장 작업자", "생산 보조"],
        skills: &["제품 조립", "포장", "외관 검사", "자재 운반", "라벨 부착"],
        required: &[],
        require_rate: 0.0,
        preferred: &["지게차운전기능사"],
        wage: (210, 280),
        shifts: [45, 40, 10, 5, 0],
        courses: &["스마트공장 생산 기초 과정"],
        male_pct: 55,
        ages: [5, 3, 3],
        seeker_weight: 16,
        riasec: "RC",
        related: &["82", "81", "87"],
        employer_words: MANUFACTURING_FIRMS,
    },
    JobProfile {
        job: Job::QualityInspector,
        keco: "15",
        label: "품질관리",
        vacancy_titles: &["품질관리(QC) 담당", "품질검사원", "출하검사 담당"],
        history_titles: &["품질관리 담당", "품질검사원"],
        skills: &[
            "품질검사",
            "측정기 사용(버니어캘리퍼스·마이크로미터)",
            "3차원 측정기",
            "불량 분석",
            "ISO 9001 문서 관리",
        ],
        required: &[],
        require_rate: 0.0,
        preferred: &["품질경영산업기사", "정밀측정산업기사", "품질경영기사"],
        wage: (250, 380),
        shifts: [75, 25, 0, 0, 0],
        courses: &["품질관리 실무 (QC 7가지 도구)"],
        male_pct: 60,
        ages: [4, 4, 2],
        seeker_weight: 4,
        riasec: "CI",
        related: &["89", "02"],
        employer_words: MANUFACTURING_FIRMS,
    },
    JobProfile {
        job: Job::ForkliftDriver,
        keco: "62",
        label: "지게차 운전",
        vacancy_titles: &["지게차 운전원", "지게차 상하차 기사"],
        history_titles: &["지게차 기사", "지게차 운전원"],
        skills: &["지게차 운전", "상하차", "재고 관리", "랩핑·적재"],
        required: &[&["지게차운전기능사"]],
        require_rate: 1.0,
        preferred: &["굴착기운전기능사"],
        wage: (240, 330),
        shifts: [65, 30, 0, 5, 0],
        courses: &["지게차운전기능사 자격취득 과정"],
        male_pct: 95,
        ages: [3, 4, 3],
        seeker_weight: 6,
        riasec: "R",
        related: &["89"],
        employer_words: &["물류", "로지스", "산업"],
    },
    JobProfile {
        job: Job::TruckDriver,
        keco: "62",
        label: "화물 운송",
        vacancy_titles: &[
            "5톤 화물차 운전기사",
            "1톤 배송기사",
            "25톤 카고 운전원",
            "냉동탑차 배송기사",
        ],
        history_titles: &["화물차 운전기사", "배송기사"],
        skills: &["화물 운송", "배송 동선 관리", "화물 결박", "운행기록 관리"],
        required: &[
            &["제1종 보통 운전면허", "제1종 대형 운전면허"],
            &["화물운송종사자격"],
        ],
        require_rate: 1.0,
        preferred: &["제1종 대형 운전면허"],
        wage: (280, 420),
        shifts: [70, 0, 0, 15, 15],
        courses: &["화물운송종사자격 취득 과정", "대형 운전면허 취득 과정"],
        male_pct: 95,
        ages: [2, 4, 4],
        seeker_weight: 6,
        riasec: "R",
        related: &["89"],
        employer_words: &["물류", "운수", "통운", "로지스", "익스프레스"],
    },
    JobProfile {
        job: Job::BusDriver,
        keco: "62",
        label: "버스 운전",
        vacancy_titles: &[
            "시내버스 운전기사",
            "통근버스 운전기사",
            "전세버스 운전기사",
        ],
        history_titles: &["버스 운전기사", "전세버스 기사"],
        skills: &["대형버스 운전", "노선 운행", "안전운행", "승객 응대"],
        required: &[&["제1종 대형 운전면허"], &["버스운전자격"]],
        require_rate: 1.0,
        preferred: &[],
        wage: (300, 420),
        shifts: [10, 30, 0, 0, 60],
        courses: &["대형 운전면허 취득 과정", "버스운전자격 취득 과정"],
        male_pct: 95,
        ages: [1, 4, 5],
        seeker_weight: 3,
        riasec: "RS",
        related: &[],
        employer_words: &["여객", "교통", "관광"],
    },
    JobProfile {
        job: Job::ParcelHandler,
        keco: "62",
        label: "택배·물류",
        vacancy_titles: &[
            "택배 분류·상하차원",
            "물류센터 입출고 작업자",
            "택배 배송기사",
        ],
        history_titles: &["택배 상하차", "물류센터 작업자", "택배 기사"],
        skills: &["상하차", "분류 작업", "PDA 스캔", "배송 동선 관리"],
        required: &[],
        require_rate: 0.0,
        preferred: &["제1종 보통 운전면허", "지게차운전기능사"],
        wage: (220, 320),
        shifts: [45, 20, 0, 35, 0],
        courses: &["물류관리 실무 (WMS)"],
        male_pct: 80,
        ages: [5, 3, 2],
        seeker_weight: 4,
        riasec: "R",
        related: &["89"],
        employer_words: &["물류", "로지스", "익스프레스"],
    },
    JobProfile {
        job: Job::LogisticsClerk,
        keco: "02",
        label: "물류·생산관리 사무",
        vacancy_titles: &["물류관리 사무원", "생산관리 사무원", "자재·구매 사무원"],
        history_titles: &["물류 사무원", "생산관리 담당", "자재 담당"],
        skills: &["엑셀", "ERP 입력", "재고 관리", "입출고 관리", "발주 관리"],
        required: &[],
        require_rate: 0.0,
        preferred: &["물류관리사", "컴퓨터활용능력 2급", "컴퓨터활용능력 1급"],
        wage: (230, 330),
        shifts: [100, 0, 0, 0, 0],
        courses: &["물류관리 실무 (WMS)", "ERP 생산관리 실무"],
        male_pct: 45,
        ages: [5, 3, 1],
        seeker_weight: 5,
        riasec: "CE",
        related: &["02"],
        employer_words: &["물류", "산업", "테크"],
    },
    JobProfile {
        job: Job::CareWorker,
        keco: "55",
        label: "요양보호사",
        vacancy_titles: &[
            "요양보호사 (시설)",
            "재가 요양보호사",
            "방문요양 요양보호사",
        ],
        history_titles: &["요양보호사", "간병인"],
        skills: &[
            "신체활동 지원",
            "치매 어르신 돌봄",
            "식사·위생 보조",
            "이동 보조",
        ],
        required: &[&["요양보호사"]],
        require_rate: 1.0,
        preferred: &["사회복지사 2급"],
        wage: (210, 280),
        shifts: [45, 0, 45, 0, 10],
        courses: &["요양보호사 양성과정 (신규자 320시간)"],
        male_pct: 10,
        ages: [1, 3, 6],
        seeker_weight: 10,
        riasec: "S",
        related: &["56"],
        employer_words: &["요양원", "노인요양센터", "재가복지센터", "실버케어"],
    },
    JobProfile {
        job: Job::Cook,
        keco: "53",
        label: "조리",
        vacancy_titles: &["단체급식 조리원", "한식 조리사", "구내식당 조리원"],
        history_titles: &["조리원", "한식 조리사", "급식 조리원"],
        skills: &[
            "한식 조리",
            "단체급식 조리",
            "식자재 관리",
            "위생 관리(HACCP)",
        ],
        required: &[&["한식조리기능사"]],
        require_rate: 0.3,
        preferred: &["한식조리기능사", "양식조리기능사", "조리산업기사"],
        wage: (220, 320),
        shifts: [80, 20, 0, 0, 0],
        courses: &["한식조리기능사 취득 과정", "단체급식 조리 실무"],
        male_pct: 35,
        ages: [2, 4, 4],
        seeker_weight: 6,
        riasec: "RA",
        related: &["53"],
        employer_words: &["푸드", "푸드서비스", "식품", "한식뷔페"],
    },
    JobProfile {
        job: Job::KitchenAssistant,
        keco: "53",
        label: "주방보조",
        vacancy_titles: &["주방 보조원", "홀서빙·주방보조"],
        history_titles: &["주방 보조", "홀서빙"],
        skills: &["식기 세척", "식재료 손질", "고객 응대", "배식"],
        required: &[],
        require_rate: 0.0,
        preferred: &[],
        wage: (200, 250),
        shifts: [70, 30, 0, 0, 0],
        courses: &["외식 서비스 실무 과정"],
        male_pct: 25,
        ages: [3, 2, 4],
        seeker_weight: 4,
        riasec: "SR",
        related: &["56"],
        employer_words: &["식당", "푸드", "한식뷔페"],
    },
    JobProfile {
        job: Job::Cleaner,
        keco: "56",
        label: "미화",
        vacancy_titles: &["건물 미화원", "객실 정비원", "공장 미화원"],
        history_titles: &["미화원", "청소원", "객실 정비원"],
        skills: &["건물 청소", "분리수거", "객실 정비", "청소장비 사용"],
        required: &[],
        require_rate: 0.0,
        preferred: &[],
        wage: (200, 240),
        shifts: [90, 10, 0, 0, 0],
        courses: &["건물위생관리 실무 과정"],
        male_pct: 30,
        ages: [0, 2, 8],
        seeker_weight: 5,
        riasec: "R",
        related: &["53"],
        employer_words: &["종합관리", "환경", "크린"],
    },
    JobProfile {
        job: Job::SecurityGuard,
        keco: "54",
        label: "경비",
        vacancy_titles: &["아파트 경비원", "공장 보안·경비원", "시설 경비원"],
        history_titles: &["경비원", "보안요원"],
        skills: &["출입 통제", "순찰", "CCTV 모니터링", "주차 관리"],
        required: &[],
        require_rate: 0.0,
        preferred: &[],
        wage: (210, 260),
        shifts: [10, 0, 20, 0, 70],
        courses: &["일반경비원 신임교육"],
        male_pct: 90,
        ages: [0, 1, 9],
        seeker_weight: 4,
        riasec: "RC",
        related: &["56"],
        employer_words: &["종합관리", "시스템", "시설관리"],
    },
    JobProfile {
        job: Job::Electrician,
        keco: "83",
        label: "전기·전장",
        vacancy_titles: &["선박 전장 배선원", "전기 설비 기사", "제어반 배선원"],
        history_titles: &["전기 기사", "전장 배선공"],
        skills: &[
            "전기 배선",
            "제어반 조립",
            "시퀀스 제어",
            "전기 도면 해독",
            "선박 전장",
        ],
        required: &[&["전기기능사"]],
        require_rate: 0.4,
        preferred: &["전기산업기사", "전기기능사"],
        wage: (270, 400),
        shifts: [80, 20, 0, 0, 0],
        courses: &["전기기능사 자격취득 과정", "선박 전장 실무 과정"],
        male_pct: 90,
        ages: [3, 4, 3],
        seeker_weight: 3,
        riasec: "RI",
        related: &["81"],
        employer_words: &["전기", "전장", "일렉트릭"],
    },
    JobProfile {
        job: Job::SemiconductorOperator,
        keco: "83",
        label: "반도체·전자 생산",
        vacancy_titles: &[
            "반도체 장비 오퍼레이터",
            "전자부품 생산 오퍼레이터",
            "SMT 라인 오퍼레이터",
        ],
        history_titles: &["반도체 오퍼레이터", "SMT 오퍼레이터", "전자부품 생산직"],
        skills: &["클린룸 작업", "장비 모니터링", "SMT 장비 운용", "외관 검사"],
        required: &[],
        require_rate: 0.0,
        preferred: &["반도체설비보전기능사", "전자기기기능사"],
        wage: (240, 340),
        shifts: [15, 40, 45, 0, 0],
        courses: &["반도체 장비 운용 실무 과정"],
        male_pct: 50,
        ages: [7, 2, 1],
        seeker_weight: 3,
        riasec: "RC",
        related: &["89"],
        employer_words: &["세미텍", "일렉트로닉스", "전자", "테크"],
    },
    JobProfile {
        job: Job::AutoMechanic,
        keco: "81",
        label: "자동차 정비",
        vacancy_titles: &["버스 정비원", "화물차 정비원"],
        history_titles: &["자동차 정비사", "정비원"],
        skills: &["차량 점검", "엔진 정비", "브레이크 정비", "정비 이력 관리"],
        required: &[&["자동차정비기능사"]],
        require_rate: 0.5,
        preferred: &["자동차정비산업기사"],
        wage: (260, 380),
        shifts: [85, 15, 0, 0, 0],
        courses: &["자동차정비기능사 취득 과정"],
        male_pct: 95,
        ages: [3, 4, 3],
        seeker_weight: 2,
        riasec: "RI",
        related: &["62"],
        employer_words: &["모터스", "자동차공업사", "정비"],
    },
    JobProfile {
        job: Job::FrontDesk,
        keco: "52",
        label: "호텔 프런트",
        vacancy_titles: &["호텔 프런트 직원"],
        history_titles: &["호텔 프런트", "객실 예약 담당"],
        skills: &["예약 관리", "고객 응대", "객실 배정", "외국어 응대"],
        required: &[],
        require_rate: 0.0,
        preferred: &[],
        wage: (220, 280),
        shifts: [40, 60, 0, 0, 0],
        courses: &["호텔 서비스 실무 과정"],
        male_pct: 40,
        ages: [6, 3, 1],
        seeker_weight: 2,
        riasec: "SE",
        related: &["61"],
        employer_words: &["호텔", "관광호텔"],
    },
    JobProfile {
        job: Job::SalesClerk,
        keco: "61",
        label: "판매·영업",
        vacancy_titles: &["매장 판매원"],
        history_titles: &["매장 판매원", "영업 사원", "판매 사원"],
        skills: &["고객 응대", "상품 진열", "POS 운용", "재고 관리"],
        required: &[],
        require_rate: 0.0,
        preferred: &[],
        wage: (210, 300),
        shifts: [80, 20, 0, 0, 0],
        courses: &["유통관리 실무 과정"],
        male_pct: 40,
        ages: [4, 3, 2],
        seeker_weight: 4,
        riasec: "ES",
        related: &["02", "53"],
        employer_words: &["유통", "상사", "마트"],
    },
    JobProfile {
        job: Job::OfficeClerk,
        keco: "02",
        label: "사무",
        vacancy_titles: &["사무원"],
        history_titles: &["사무원", "경리 사무원", "총무 사무원"],
        skills: &["엑셀", "한글(HWP)", "회계 프로그램(더존)", "문서 작성"],
        required: &[],
        require_rate: 0.0,
        preferred: &["컴퓨터활용능력 2급", "워드프로세서"],
        wage: (210, 300),
        shifts: [100, 0, 0, 0, 0],
        courses: &["전산회계·세무 실무 과정", "사무자동화(OA) 실무 과정"],
        male_pct: 30,
        ages: [5, 3, 2],
        seeker_weight: 8,
        riasec: "CS",
        related: &["61"],
        employer_words: &["상사", "산업", "유통"],
    },
];

pub(crate) fn profile(job: Job) -> &'static JobProfile {
    &JOBS[job as usize]
}

const SHIFTS: [Shift; 5] = [
    Shift::Day,
    Shift::TwoShift,
    Shift::ThreeShift,
    Shift::Night,
    Shift::Other,
];

impl JobProfile {
    pub(crate) fn shift(&self, dice: &mut Dice) -> Shift {
        let table: [(Shift, u32); 5] = std::array::from_fn(|i| (SHIFTS[i], self.shifts[i]));
        dice.weighted(&table)
    }

    /// Whether the job is production work in a factory or a shipyard.
    pub(crate) fn is_manufacturing(&self) -> bool {
        self.keco.starts_with('8') || self.keco == "15"
    }
}

/// A job with its certificate names checked against qualifications.csv.
#[derive(Debug)]
pub(crate) struct ResolvedJob {
    /// Requirement slots with the names that exist in the reference list.
    pub required: Vec<Vec<&'static str>>,
    pub preferred: Vec<&'static str>,
    /// Certificates a seeker aiming at this job may hold: every
    /// qualification of the job's KECO middle group, the ones the job names
    /// three times as likely.
    pub held: Weighted<&'static str>,
}

/// Every job resolved against the reference data, indexed by `Job as usize`.
pub(crate) fn resolve(refdata: &'static RefData) -> Vec<ResolvedJob> {
    let official = |name: &str| refdata.qualification(name).map(|q| q.name_ko.as_str());
    JOBS.iter()
        .map(|p| {
            let required: Vec<Vec<&'static str>> = p
                .required
                .iter()
                .map(|slot| slot.iter().filter_map(|n| official(n)).collect::<Vec<_>>())
                .filter(|slot| !slot.is_empty())
                .collect();
            let preferred: Vec<&'static str> =
                p.preferred.iter().filter_map(|n| official(n)).collect();
            let named: Vec<&'static str> = required
                .iter()
                .flatten()
                .chain(&preferred)
                .copied()
                .collect();
            let mut held: Vec<(&'static str, f64)> = refdata
                .qualifications
                .iter()
                .filter(|q| q.keco_middle.as_deref() == Some(p.keco))
                .map(|q| {
                    let w = if named.contains(&q.name_ko.as_str()) {
                        3.0
                    } else {
                        1.0
                    };
                    (q.name_ko.as_str(), w)
                })
                .collect();
            for name in &named {
                if !held.iter().any(|(n, _)| n == name) {
                    held.push((name, 3.0));
                }
            }
            ResolvedJob {
                required,
                preferred,
                held: Weighted::new(held),
            }
        })
        .collect()
}

/// The weighted choice of a job for a seeker of one gender and age band.
pub(crate) fn seeker_table(male: bool, age_band: usize) -> Vec<(Job, u32)> {
    JOBS.iter()
        .map(|p| {
            let gender = if male { p.male_pct } else { 100 - p.male_pct };
            (p.job, p.seeker_weight * gender * p.ages[age_band])
        })
        .filter(|(_, w)| *w > 0)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn table_is_indexed_by_job_and_every_list_is_filled() {
        for (i, p) in JOBS.iter().enumerate() {
            assert_eq!(p.job as usize, i, "{} is out of place", p.label);
            assert!(!p.vacancy_titles.is_empty(), "{}", p.label);
            assert!(!p.history_titles.is_empty(), "{}", p.label);
            assert!(p.skills.len() >= 3, "{}", p.label);
            assert!(!p.courses.is_empty(), "{}", p.label);
            assert!(!p.employer_words.is_empty(), "{}", p.label);
            assert!(p.shifts.iter().sum::<u32>() > 0, "{}", p.label);
            assert!(p.wage.0 >= 200 && p.wage.1 <= 450 && p.wage.0 < p.wage.1);
        }
    }

    #[test]
    fn every_keco_code_is_a_middle_group() {
        let r = doyak_refdata::get();
        for p in JOBS {
            let k = r
                .keco(p.keco)
                .unwrap_or_else(|| panic!("{}: {}", p.label, p.keco));
            assert!(k.major.is_some(), "{} must be a middle group", p.keco);
            for rel in p.related {
                assert!(r.keco(rel).is_some(), "{}: related {rel}", p.label);
            }
        }
    }

    #[test]
    fn jobs_that_always_require_a_certificate_find_it_in_the_reference_list() {
        let resolved = resolve(doyak_refdata::get());
        for p in JOBS.iter().filter(|p| p.require_rate >= 1.0) {
            let r = &resolved[p.job as usize];
            assert_eq!(
                r.required.len(),
                p.required.len(),
                "{}: every requirement slot of {:?} must name a qualification in qualifications.csv",
                p.label,
                p.required
            );
        }
        let welder = &resolved[Job::Welder as usize];
        assert!(welder.required[0].iter().all(|n| n.contains("용접")));
    }

    #[test]
    fn women_over_50_lean_to_care_and_young_men_to_the_factory() {
        let older_women = seeker_table(false, 2);
        let share = |table: &[(Job, u32)], job: Job| {
            let total: u32 = table.iter().map(|(_, w)| w).sum();
            table.iter().find(|(j, _)| *j == job).map_or(0, |(_, w)| *w) as f64 / total as f64
        };
        assert!(share(&older_women, Job::CareWorker) > 0.25);
        assert!(share(&older_women, Job::Welder) < 0.01);
        let young_men = seeker_table(true, 0);
        assert!(share(&young_men, Job::ProductionWorker) > 0.1);
        assert_eq!(share(&young_men, Job::SecurityGuard), 0.0);
    }
}

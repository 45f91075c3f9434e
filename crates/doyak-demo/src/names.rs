//! Names: Korean people by surname frequency, gender and birth cohort,
//! foreign-born names (결혼이민자), e-mail handles, and small-firm names that
//! sound like the SMEs in an industrial complex.

use crate::dice::Dice;
use doyak_domain::seeker::Gender;

/// Surnames with their share per 10 000 people (2015 census, rounded; the
/// long tail is trimmed and folded into the head).
const SURNAMES: &[(&str, u32)] = &[
    ("김", 2150),
    ("이", 1470),
    ("박", 840),
    ("최", 470),
    ("정", 430),
    ("강", 230),
    ("조", 210),
    ("윤", 210),
    ("장", 200),
    ("임", 170),
    ("한", 150),
    ("오", 150),
    ("서", 150),
    ("신", 140),
    ("권", 140),
    ("황", 140),
    ("안", 140),
    ("송", 130),
    ("류", 120),
    ("전", 110),
    ("홍", 110),
    ("고", 90),
    ("문", 90),
    ("양", 90),
    ("손", 90),
    ("배", 80),
    ("백", 70),
    ("허", 60),
    ("유", 60),
    ("남", 55),
    ("심", 55),
    ("노", 45),
    ("하", 45),
    ("곽", 40),
    ("성", 40),
    ("차", 40),
    ("주", 40),
    ("우", 40),
    ("구", 40),
    ("민", 35),
    ("진", 35),
    ("나", 30),
    ("지", 30),
    ("엄", 30),
    ("채", 25),
    ("원", 25),
    ("천", 22),
    ("방", 22),
    ("공", 20),
    ("현", 20),
    ("함", 20),
    ("변", 20),
    ("염", 18),
    ("여", 18),
    ("추", 12),
    ("도", 12),
    ("소", 10),
    ("석", 10),
    ("선", 10),
    ("설", 10),
    ("마", 8),
    ("길", 8),
    ("연", 8),
    ("위", 8),
    ("표", 7),
    ("명", 6),
    ("기", 6),
    ("반", 6),
    ("왕", 5),
    ("금", 5),
    ("옥", 5),
    ("육", 5),
    ("인", 5),
    ("맹", 3),
    ("제", 3),
    ("모", 3),
    ("남궁", 3),
    ("탁", 3),
    ("국", 3),
    ("어", 2),
    ("황보", 2),
    ("제갈", 1),
    ("선우", 1),
];

/// Given names that were common for each cohort (statistics of birth
/// registrations by decade; popular names of the time).
const MALE_BEFORE_1970: &[&str] = &[
    "영수", "영호", "영철", "성호", "성수", "정호", "상철", "영식", "광수", "종석", "재호", "병철",
    "용수", "동수", "명수", "만수", "기철", "진호", "성진", "종호", "영진", "상호", "경수", "춘식",
    "정수", "동호", "재철", "기수",
];
const MALE_1970S: &[&str] = &[
    "성민", "정훈", "성훈", "상훈", "지훈", "준호", "재훈", "동현", "현철", "성진", "민수", "지성",
    "상욱", "준영", "정민", "종민", "진우", "승호", "재영", "태호", "영민", "대성", "형준", "성욱",
    "석진", "병훈",
];
const MALE_1980S_1990S: &[&str] = &[
    "지훈", "현우", "민수", "동현", "준영", "성민", "민재", "승현", "준혁", "지원", "현준", "민혁",
    "재현", "성현", "상현", "우진", "건우", "승민", "도현", "태현", "진혁", "동욱", "민석", "준수",
    "경민", "재민",
];
const MALE_2000S: &[&str] = &[
    "민준", "서준", "도윤", "예준", "시우", "주원", "하준", "지호", "준서", "준우", "현우", "도현",
    "건우", "우진", "민재", "현준", "선우", "서진", "연우", "유준", "정우", "승우", "승현", "지환",
];
const FEMALE_BEFORE_1970: &[&str] = &[
    "정숙", "영숙", "미경", "순자", "영희", "경숙", "영자", "정희", "명숙", "경희", "미숙", "현숙",
    "혜숙", "옥순", "영미", "정자", "순희", "은숙", "미자", "춘자", "금순", "경자", "숙자", "말순",
    "순옥", "복순",
];
const FEMALE_1970S: &[&str] = &[
    "미영", "은정", "은영", "현정", "지영", "미정", "수진", "은주", "혜진", "선영", "지은", "정은",
    "은희", "미선", "현주", "미란", "정미", "경아", "윤정", "혜정", "소영", "진희", "수정", "주연",
    "미화", "선희",
];
const FEMALE_1980S_1990S: &[&str] = &[
    "지은", "지혜", "민지", "수빈", "유진", "지현", "수진", "은지", "혜진", "민정", "소연", "예진",
    "다은", "지원", "보람", "현지", "슬기", "아름", "한나", "다혜", "수연", "서영", "은비", "하나",
    "세영", "가영",
];
const FEMALE_2000S: &[&str] = &[
    "서연", "지우", "서윤", "민서", "하은", "지민", "수아", "하윤", "윤서", "지유", "채원", "예은",
    "수빈", "지아", "예린", "서현", "다은", "유나", "소윤", "가은", "시은", "민지", "예서", "유진",
];

/// A Korean full name for someone of `gender` born in `birth_year`.
pub(crate) fn korean_name(dice: &mut Dice, gender: Gender, birth_year: i32) -> String {
    let surname = dice.weighted(SURNAMES);
    let given = dice.one(given_names(gender, birth_year));
    format!("{surname}{given}")
}

fn given_names(gender: Gender, birth_year: i32) -> &'static [&'static str] {
    match (gender, birth_year) {
        (Gender::Male, ..=1969) => MALE_BEFORE_1970,
        (Gender::Male, 1970..=1979) => MALE_1970S,
        (Gender::Male, 1980..=1999) => MALE_1980S_1990S,
        (Gender::Male, _) => MALE_2000S,
        (Gender::Female, ..=1969) => FEMALE_BEFORE_1970,
        (Gender::Female, 1970..=1979) => FEMALE_1970S,
        (Gender::Female, 1980..=1999) => FEMALE_1980S_1990S,
        (Gender::Female, _) => FEMALE_2000S,
    }
}

/// A foreign-born person's name as written on their alien registration card
/// (Latin capitals) or as a counselor transliterated it, with the language an
/// interpreter would need.
#[derive(Debug, Clone, Copy)]
pub(crate) struct ForeignName {
    pub latin: &'static str,
    pub hangul: &'static str,
    pub language: &'static str,
    pub gender: Gender,
}

const FOREIGN_NAMES: &[ForeignName] = &[
    foreign("NGUYEN THI LAN", "응우옌티란", "베트남어", Gender::Female),
    foreign("TRAN THI MAI", "쩐티마이", "베트남어", Gender::Female),
    foreign("PHAM THI HUONG", "팜티흐엉", "베트남어", Gender::Female),
    foreign("LE THI THU", "레티투", "베트남어", Gender::Female),
    foreign("HOANG THI NGA", "호앙티응아", "베트남어", Gender::Female),
    foreign("VU THI HANH", "부티하인", "베트남어", Gender::Female),
    foreign("NGUYEN VAN HUNG", "응우옌반흥", "베트남어", Gender::Male),
    foreign("WANG LI", "왕리", "중국어", Gender::Female),
    foreign("LIU YAN", "류옌", "중국어", Gender::Female),
    foreign("ZHANG MEI", "장메이", "중국어", Gender::Female),
    foreign("LI JUN", "리쥔", "중국어", Gender::Male),
    foreign(
        "MARIA CRISTINA SANTOS",
        "마리아 산토스",
        "영어(필리핀)",
        Gender::Female,
    ),
    foreign(
        "JOCELYN REYES",
        "조셀린 레예스",
        "영어(필리핀)",
        Gender::Female,
    ),
    foreign(
        "ROWENA DELA CRUZ",
        "로웨나 델라크루즈",
        "영어(필리핀)",
        Gender::Female,
    ),
    foreign("SOKHA CHAN", "속하 찬", "크메르어", Gender::Female),
    foreign("SREY MOM", "스레이 멈", "크메르어", Gender::Female),
    foreign(
        "DILNOZA KARIMOVA",
        "딜노자 카리모바",
        "러시아어",
        Gender::Female,
    ),
    foreign(
        "ULUGBEK KARIMOV",
        "울루그벡 카리모프",
        "러시아어",
        Gender::Male,
    ),
    foreign(
        "OYUNCHIMEG BATBAYAR",
        "어윤치메그 바트바야르",
        "몽골어",
        Gender::Female,
    ),
    foreign("SIRIPORN SAETANG", "시리폰 새탕", "태국어", Gender::Female),
    foreign(
        "ANAK AGUNG PUTRI",
        "아낙 아궁 푸트리",
        "인도네시아어",
        Gender::Female,
    ),
    foreign("ERDENE BOLD", "에르덴 볼드", "몽골어", Gender::Male),
];

const fn foreign(
    latin: &'static str,
    hangul: &'static str,
    language: &'static str,
    gender: Gender,
) -> ForeignName {
    ForeignName {
        latin,
        hangul,
        language,
        gender,
    }
}

/// A foreign-born name; most 결혼이민자 in employment programs are women.
pub(crate) fn foreign_name(dice: &mut Dice) -> ForeignName {
    let want = if dice.chance(0.85) {
        Gender::Female
    } else {
        Gender::Male
    };
    loop {
        let n = dice.one(FOREIGN_NAMES);
        if n.gender == want {
            return n;
        }
    }
}

/// Conventional spellings of surnames in e-mail handles; others fall back to
/// the Revised Romanization.
const SURNAME_ROMAN: &[(&str, &str)] = &[
    ("김", "kim"),
    ("이", "lee"),
    ("박", "park"),
    ("최", "choi"),
    ("정", "jung"),
    ("강", "kang"),
    ("조", "cho"),
    ("윤", "yoon"),
    ("장", "jang"),
    ("임", "lim"),
    ("오", "oh"),
    ("신", "shin"),
    ("권", "kwon"),
    ("안", "ahn"),
    ("류", "ryu"),
    ("유", "yoo"),
    ("문", "moon"),
    ("노", "noh"),
    ("우", "woo"),
    ("구", "koo"),
    ("고", "ko"),
];

const INITIAL_ROMAN: [&str; 19] = [
    "g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p",
    "h",
];
const MEDIAL_ROMAN: [&str; 21] = [
    "a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we",
    "wi", "yu", "eu", "ui", "i",
];
const FINAL_ROMAN: [&str; 28] = [
    "", "k", "k", "k", "n", "n", "n", "t", "l", "k", "m", "l", "l", "l", "p", "l", "m", "p", "p",
    "t", "t", "ng", "t", "t", "k", "t", "p", "t",
];

/// Hangul syllables in the Revised Romanization, letter by letter (no sound
/// changes across syllables: good enough for an e-mail handle).
pub(crate) fn romanize(text: &str) -> String {
    let mut out = String::new();
    for c in text.chars() {
        let code = c as u32;
        if (0xAC00..=0xD7A3).contains(&code) {
            let offset = code - 0xAC00;
            out.push_str(INITIAL_ROMAN[(offset / 588) as usize]);
            out.push_str(MEDIAL_ROMAN[((offset % 588) / 28) as usize]);
            out.push_str(FINAL_ROMAN[(offset % 28) as usize]);
        } else if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        }
    }
    out
}

/// An e-mail address on a reserved example domain (RFC 2606), so a demo
/// caseload never holds a stranger's real address.
pub(crate) fn email(dice: &mut Dice, name: &str, birth_year: i32) -> String {
    let (surname, given) = split_korean_name(name);
    let family = SURNAME_ROMAN
        .iter()
        .find(|(s, _)| *s == surname)
        .map_or_else(|| romanize(surname), |(_, r)| (*r).to_owned());
    let given = romanize(given);
    let yy = birth_year.rem_euclid(100);
    let domain = dice.one(&["example.com", "example.net", "example.org"]);
    match dice.below(3) {
        0 => format!("{given}.{family}{yy:02}@{domain}"),
        1 => format!("{family}{given}{}@{domain}", dice.range(1, 999)),
        _ => format!("{given}{yy:02}{}@{domain}", dice.range(0, 9)),
    }
}

/// Splits a Korean full name into surname and given name, knowing the
/// two-syllable surnames.
pub(crate) fn split_korean_name(name: &str) -> (&str, &str) {
    for double in ["남궁", "황보", "제갈", "선우"] {
        if let Some(rest) = name.strip_prefix(double) {
            return (double, rest);
        }
    }
    let cut = name.char_indices().nth(1).map_or(name.len(), |(i, _)| i);
    name.split_at(cut)
}

/// First halves of firm names: ordinary two-syllable words and place-like
/// names small firms use. Famous group and brand names are left out on purpose.
const FIRM_STEMS: &[&str] = &[
    "대성",
    "한일",
    "세진",
    "동양",
    "삼원",
    "우성",
    "신흥",
    "영진",
    "성원",
    "한성",
    "대원",
    "진성",
    "동진",
    "상신",
    "협성",
    "신성",
    "제일",
    "대진",
    "정우",
    "서진",
    "보성",
    "한길",
    "대영",
    "성진",
    "태성",
    "대흥",
    "영신",
    "동일",
    "신영",
    "우진",
    "삼진",
    "대광",
    "유성",
    "선진",
    "부광",
    "동보",
    "일신",
    "삼정",
    "정일",
    "광명",
    "진영",
    "명성",
    "미래",
    "새한",
    "신광",
    "남선",
    "동신",
    "경일",
    "성림",
    "우신",
    "삼우",
    "한빛",
    "한결",
    "새롬",
    "세광",
    "동방",
    "우림",
    "태양",
    "성일",
    "진흥",
    "성우",
    "대현",
    "화진",
    "청송",
    "대륙",
    "경원",
    "중앙",
    "한서",
    "영남",
    "호남",
    "서해",
    "동해",
    "금강",
    "백두",
    "한마음",
    "새솔",
    "다온",
    "가온",
    "누리",
    "해오름",
];

/// How a firm's legal form shows in its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LegalForm {
    /// (주)대성정밀
    CorpPrefix,
    /// 대성정밀(주)
    CorpSuffix,
    /// 주식회사 대성정밀
    CorpSpelled,
    /// 대성정밀 (개인사업자)
    Sole,
}

impl LegalForm {
    pub(crate) fn is_corporation(self) -> bool {
        !matches!(self, LegalForm::Sole)
    }
}

/// A firm name from a stem, an industry word ("정밀", "주물", "물류") and a legal
/// form. `corporate_share` is how often the industry incorporates.
pub(crate) fn firm_name(
    dice: &mut Dice,
    words: &[&str],
    corporate_share: f64,
) -> (String, LegalForm) {
    let stem = dice.one(FIRM_STEMS);
    let word = dice.one(words);
    let base = format!("{stem}{word}");
    let form = if dice.chance(corporate_share) {
        dice.weighted(&[
            (LegalForm::CorpPrefix, 60),
            (LegalForm::CorpSuffix, 32),
            (LegalForm::CorpSpelled, 8),
        ])
    } else {
        LegalForm::Sole
    };
    let name = match form {
        LegalForm::CorpPrefix => format!("(주){base}"),
        LegalForm::CorpSuffix => format!("{base}(주)"),
        LegalForm::CorpSpelled => format!("주식회사 {base}"),
        LegalForm::Sole => base,
    };
    (name, form)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn surname_shares_are_realistic() {
        let total: u32 = SURNAMES.iter().map(|(_, w)| w).sum();
        let kim = SURNAMES[0].1 as f64 / total as f64;
        assert!(
            (0.20..0.23).contains(&kim),
            "김 is about 21.5% of Koreans, table gives {kim:.3}"
        );
        let mut d = Dice::new(1, 0);
        let kims = (0..10_000)
            .filter(|_| korean_name(&mut d, Gender::Male, 1980).starts_with('김'))
            .count();
        assert!((1_900..2_400).contains(&kims), "{kims} of 10 000 are 김");
    }

    #[test]
    fn cohorts_get_the_names_of_their_time() {
        assert!(given_names(Gender::Female, 1962).contains(&"정숙"));
        assert!(given_names(Gender::Male, 2003).contains(&"민준"));
        assert!(!given_names(Gender::Male, 2003).contains(&"영수"));
        for table in [
            MALE_BEFORE_1970,
            MALE_1970S,
            MALE_1980S_1990S,
            MALE_2000S,
            FEMALE_BEFORE_1970,
            FEMALE_1970S,
            FEMALE_1980S_1990S,
            FEMALE_2000S,
        ] {
            assert!(table.iter().all(|n| n.chars().count() == 2), "{table:?}");
        }
    }

    #[test]
    fn romanization_and_email_handles() {
        assert_eq!(romanize("민준"), "minjun");
        assert_eq!(romanize("서연"), "seoyeon");
        assert_eq!(split_korean_name("남궁민수"), ("남궁", "민수"));
        assert_eq!(split_korean_name("김영희"), ("김", "영희"));
        let mut d = Dice::new(1, 0);
        let mut with_surname = 0;
        for _ in 0..300 {
            let e = email(&mut d, "김민준", 1995);
            // Every form carries the given name; two of the three forms also
            // the surname as Koreans romanise it ("kim", not "gim").
            assert!(
                e.is_ascii() && e.contains("minjun") && e.contains("@example."),
                "{e}"
            );
            assert!(!e.contains("gim"), "{e}");
            with_surname += usize::from(e.contains("kim"));
        }
        assert!(
            (150..250).contains(&with_surname),
            "{with_surname} of 300 carry the surname"
        );
    }

    #[test]
    fn foreign_names_are_mostly_women() {
        let mut d = Dice::new(1, 0);
        let women = (0..1000)
            .filter(|_| foreign_name(&mut d).gender == Gender::Female)
            .count();
        assert!((800..900).contains(&women), "{women} of 1000");
    }

    #[test]
    fn firm_names_carry_their_legal_form() {
        let mut d = Dice::new(1, 0);
        for _ in 0..200 {
            let (name, form) = firm_name(&mut d, &["정밀"], 0.6);
            assert!(name.contains("정밀"));
            assert_eq!(
                form.is_corporation(),
                name.contains("(주)") || name.contains("주식회사")
            );
        }
    }
}

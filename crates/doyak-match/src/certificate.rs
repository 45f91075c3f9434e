//! Certificate names as people write them: which qualification a name means
//! ("지게차운전기능사 자격증" → 지게차운전기능사), the comparison keys it
//! satisfies, and the KECO middle group a held certificate points to.

use crate::data::{CertificateSignal, normalise, tables};
use doyak_refdata::Qualification;

/// Words written after a certificate's name that do not change which
/// certificate it is ("용접기능사 취득", "요양보호사 최종 합격"), compared
/// without whitespace. A longer word comes before a shorter one it ends
/// with ("최종합격" before "합격").
const HOLDING_WORDS: &[&str] = &[
    "자격증",
    "자격",
    "취득함",
    "취득",
    "보유",
    "소지",
    "있음",
    "최종합격",
    "합격",
    "이수",
];

/// Words that say the certificate is *not* held yet. A 필기 pass in
/// particular is not the certificate: a 국가기술자격 is issued only after
/// the 실기, and the 필기 pass only exempts from the 필기 for two years. A
/// name with one of these is compared as written, so it never satisfies a
/// requirement for the certificate itself.
const NOT_HELD_WORDS: &[&str] = &["필기", "미취득", "예정", "준비", "응시", "공부중"];

/// What a written certificate name means.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Reading<'a> {
    /// A qualification in the reference list.
    Known(&'a Qualification),
    /// A name the list does not know (or one not yet held): compared by its
    /// text.
    Text,
}

/// Whether a parenthesised note only says when or that the certificate was
/// obtained ("(2019년 취득)", "(2019.05)"), as opposed to part of the name
/// ("컴퓨터활용능력(1급)").
fn is_annotation(inner: &str) -> bool {
    let mut rest = inner.to_owned();
    for word in HOLDING_WORDS {
        rest = rest.replace(word, "");
    }
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    let only_date = rest
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, '.' | '-' | '/' | '~' | '년' | '월' | '일'));
    only_date && (rest.is_empty() || digits >= 4)
}

/// One layer of noise off the end of a whitespace-free name: a trailing
/// annotation in parentheses, a holding word, or the 증 of 면허증.
fn strip_once(name: &str) -> Option<&str> {
    if let Some(open) = name.strip_suffix(')').and_then(|n| n.rfind('('))
        && is_annotation(&name[open + 1..name.len() - 1])
    {
        return Some(&name[..open]);
    }
    for word in HOLDING_WORDS {
        if let Some(rest) = name.strip_suffix(word)
            && !rest.is_empty()
        {
            return Some(rest);
        }
    }
    name.strip_suffix('증')
        .filter(|rest| rest.ends_with("면허"))
}

/// The name without the noise people add, whitespace removed, as far as it
/// goes; each layer is tried against the reference list first, so an
/// official name that ends in a holding word (화물운송종사자격) stays whole.
fn read_with_text(name: &str) -> (Reading<'static>, String) {
    let refdata = doyak_refdata::get();
    let mut text: String = name.chars().filter(|c| !c.is_whitespace()).collect();
    if NOT_HELD_WORDS.iter().any(|w| text.contains(w)) {
        let reading = refdata
            .qualification(name)
            .map_or(Reading::Text, Reading::Known);
        return (reading, text);
    }
    loop {
        if let Some(q) = refdata.qualification(&text) {
            return (Reading::Known(q), text);
        }
        match strip_once(&text) {
            Some(rest) => text = rest.to_owned(),
            None => return (Reading::Text, text),
        }
    }
}

/// What a written certificate name means.
pub(crate) fn read(name: &str) -> Reading<'static> {
    read_with_text(name).0
}

/// The comparison key of a certificate name and the keys it satisfies:
/// "q:<id>" for itself and what it implies (a higher grade, a larger
/// licence), "t:<text>" for a name the reference list does not know, the
/// text stripped of holding words, without whitespace, ASCII lowercase.
/// The first key is the certificate's own: a requirement for `wanted` is met
/// by a held name whose keys contain `certificate_keys(wanted)[0]`, which is
/// how callers comparing many names against many (the diagnosis engine)
/// avoid reading each name again per comparison.
pub fn certificate_keys(name: &str) -> Vec<String> {
    match read_with_text(name) {
        (Reading::Known(q), _) => std::iter::once(q.id.as_str())
            .chain(
                tables()
                    .implies
                    .get(&q.id)
                    .into_iter()
                    .flatten()
                    .map(String::as_str),
            )
            .map(|id| format!("q:{id}"))
            .collect(),
        (Reading::Text, text) => vec![format!("t:{}", normalise(&text))],
    }
}

/// Whether holding the certificate written `held` meets a requirement for
/// `wanted`, as the hard constraint reads both: the same qualification, or
/// one that implies it (용접산업기사 meets 용접기능사, 제1종 대형 meets 제1종
/// 보통). The demo generator asks this so that no note calls a certificate
/// missing that the seeker's held one already meets.
pub fn certificate_satisfies(held: &str, wanted: &str) -> bool {
    certificate_keys(wanted)
        .first()
        .is_some_and(|key| certificate_keys(held).contains(key))
}

/// The name reasons show for a certificate: the official name, or the text
/// as written.
pub(crate) fn certificate_name(name: &str) -> String {
    match read(name) {
        Reading::Known(q) => q.name_ko.clone(),
        Reading::Text => name.trim().to_owned(),
    }
}

/// The KECO middle group a held certificate says the seeker trained for,
/// and whether it is a general one (컴퓨터활용능력) that counts only when
/// no trade certificate does. `None` for unknown names and for certificates
/// that say nothing about a trade (보통 운전면허).
pub(crate) fn certificate_occupation(name: &str) -> Option<(&'static Qualification, bool)> {
    let Reading::Known(q) = read(name) else {
        return None;
    };
    q.keco_middle.as_ref()?;
    match tables().certificate_signal.get(&q.id) {
        Some(CertificateSignal::None) => None,
        Some(CertificateSignal::General) => Some((q, true)),
        None => Some((q, false)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn id(name: &str) -> Option<&'static str> {
        match read(name) {
            Reading::Known(q) => Some(q.id.as_str()),
            Reading::Text => None,
        }
    }

    #[test]
    fn holding_words_and_notes_do_not_change_the_certificate() {
        for written in [
            "지게차운전기능사 자격증",
            "지게차운전기능사 취득",
            "지게차운전기능사자격증취득",
            "지게차 자격증",
            "지게차운전기능사 (2019년 취득)",
            "지게차운전기능사(2019.05)",
            "지게차운전기능사 최종 합격",
            " 지게차 면허증 ",
        ] {
            assert_eq!(
                id(written),
                Some("forklift-craftsman"),
                "{written:?} names the 지게차운전기능사"
            );
        }
        assert_eq!(
            id("1종 보통 면허증"),
            Some("licence-1-regular"),
            "면허증 is the 면허"
        );
        assert_eq!(
            id("화물운송종사자격"),
            Some("cargo-driver"),
            "an official name ending in 자격 is found before anything is stripped"
        );
        assert_eq!(id("화물운송종사 자격증 취득"), Some("cargo-driver"));
        assert_eq!(
            id("컴퓨터활용능력(1급)"),
            Some("computer-1"),
            "(1급) is part of the name, not a note"
        );
    }

    #[test]
    fn a_written_exam_pass_or_a_plan_is_not_the_certificate() {
        for written in [
            "지게차운전기능사 필기 합격",
            "지게차운전기능사(필기)",
            "용접기능사 취득 예정",
            "용접기능사 준비중",
            "용접기능사 미취득",
        ] {
            assert_eq!(id(written), None, "{written:?} is not held yet");
            assert_ne!(
                certificate_keys(written),
                certificate_keys("지게차운전기능사"),
                "{written:?}"
            );
        }
    }

    #[test]
    fn a_higher_grade_satisfies_a_lower_one_and_not_back() {
        assert!(certificate_satisfies("용접산업기사", "용접기능사"));
        assert!(
            certificate_satisfies("용접기사", "용접기능사"),
            "by way of 산업기사"
        );
        assert!(certificate_satisfies("용접기능사", "용접기능사"));
        assert!(!certificate_satisfies("용접기능사", "용접산업기사"));
        assert!(!certificate_satisfies("특수용접기능사", "용접기능사"));
        assert!(!certificate_satisfies("용접기능사 필기 합격", "용접기능사"));
    }

    #[test]
    fn unknown_names_compare_by_their_text_without_holding_words() {
        assert_eq!(certificate_keys("ABC 인증 취득"), vec!["t:abc인증"]);
        assert_eq!(certificate_keys("abc인증"), vec!["t:abc인증"]);
        assert_eq!(certificate_name(" ABC 인증 취득 "), "ABC 인증 취득");
        assert_eq!(certificate_name("지게차 자격증"), "지게차운전기능사");
    }

    #[test]
    fn trade_certificates_point_to_an_occupation_ordinary_licences_do_not() {
        let middle = |name: &str| {
            certificate_occupation(name).map(|(q, general)| (q.keco_middle.as_deref(), general))
        };
        assert_eq!(middle("지게차운전기능사 자격증"), Some((Some("62"), false)));
        assert_eq!(middle("용접"), Some((Some("82"), false)));
        assert_eq!(
            middle("1종 보통"),
            None,
            "most adults drive: it says nothing about wanting a driving job"
        );
        assert_eq!(middle("제1종 대형 운전면허"), Some((Some("62"), false)));
        assert_eq!(middle("컴활 2급"), Some((Some("02"), true)));
        assert_eq!(middle("사내 안전교육"), None, "unknown names point nowhere");
    }
}

//! 가림(마스킹): how an identifier looks in a masked export. The common
//! Korean practice for lists handed around an office: the name keeps its
//! first and last character (김*수, 남궁**호; two characters keep the
//! first: 김*), a phone number keeps its first and last group
//! (010-****-5678), a birth date keeps its year (1985-**-**) and an
//! e-mail its first two characters and domain (ab***@example.com). Every
//! masked value holds `*`, so an importer can refuse it (never write a
//! masked name over a real one).

use crate::Phone;

/// The character every masked value holds.
pub const MASK: char = '*';

pub fn mask_name(name: &str) -> String {
    let chars: Vec<char> = name.trim().chars().collect();
    match chars.len() {
        0 => String::new(),
        1 => MASK.to_string(),
        2 => format!("{}{MASK}", chars[0]),
        n => {
            let middle: String = std::iter::repeat_n(MASK, n - 2).collect();
            format!("{}{middle}{}", chars[0], chars[n - 1])
        }
    }
}

/// A phone number as text (a file's cell): the middle group masked when it
/// has three, otherwise all but the last four characters.
pub fn mask_phone_text(text: &str) -> String {
    let text = text.trim();
    match Phone::parse(text) {
        Ok(phone) => phone.masked(),
        Err(_) => {
            let chars: Vec<char> = text.chars().collect();
            let keep = chars.len().min(4);
            let masked: String = std::iter::repeat_n(MASK, chars.len() - keep).collect();
            let tail: String = chars[chars.len() - keep..].iter().collect();
            if text.is_empty() {
                String::new()
            } else {
                format!("{masked}{tail}")
            }
        }
    }
}

/// A birth date as text (YYYY-MM-DD): its year kept.
pub fn mask_birth_text(text: &str) -> String {
    match text.trim().get(..4) {
        Some(year) if year.chars().all(|c| c.is_ascii_digit()) => format!("{year}-**-**"),
        _ if text.trim().is_empty() => String::new(),
        _ => "****-**-**".into(),
    }
}

pub fn mask_email(email: &str) -> String {
    let email = email.trim();
    match email.split_once('@') {
        Some((local, domain)) => {
            let kept: String = local.chars().take(2).collect();
            format!("{kept}***@{domain}")
        }
        None => "***".into(),
    }
}

/// Whether `text` holds the mask character: a value from a masked export.
pub fn is_masked(text: &str) -> bool {
    text.contains(MASK)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keep_their_first_and_last_character() {
        assert_eq!(mask_name("김민수"), "김*수");
        assert_eq!(mask_name("남궁민수"), "남**수");
        assert_eq!(
            mask_name("이호"),
            "이*",
            "two characters keep the family name only"
        );
        assert_eq!(mask_name("김"), "*");
        assert_eq!(mask_name("  "), "");
        assert_eq!(mask_name("NGUYEN VAN AN"), "N***********N");
        for name in ["김민수", "이호", "김", "NGUYEN VAN AN"] {
            assert!(is_masked(&mask_name(name)), "{name}: a masked name says so");
        }
    }

    #[test]
    fn contacts_and_birth_dates_keep_only_what_a_list_needs() {
        // A phone as a domain value masks the same way as its text.
        let phone = Phone::parse("010-1234-5678").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(mask_phone_text(phone.as_str()), "010-****-5678");
        let day = chrono::NaiveDate::from_ymd_opt(1985, 3, 9).unwrap_or_default();
        assert_eq!(mask_birth_text(&day.to_string()), "1985-**-**");
        assert_eq!(mask_email("abcdef@example.com"), "ab***@example.com");
        assert_eq!(mask_email("a@x.kr"), "a***@x.kr");
        assert_eq!(mask_email("no-at-sign"), "***");
        assert_eq!(mask_phone_text("010-1234-5678"), "010-****-5678");
        assert_eq!(
            mask_phone_text("1588"),
            "1588",
            "a short number keeps what it has"
        );
        assert_eq!(mask_phone_text("0311234567x"), "*******567x");
        assert_eq!(mask_phone_text(""), "");
        assert_eq!(mask_birth_text("1985-03-09"), "1985-**-**");
        assert_eq!(mask_birth_text(""), "");
        assert_eq!(mask_birth_text("모름"), "****-**-**");
    }
}

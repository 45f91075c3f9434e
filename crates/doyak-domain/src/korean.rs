//! Korean name matching that understands 초성 (initial consonants): a counselor
//! types "ㄱㅁㅅ" or "김민" or even the half-composed "김미" and finds 김민수.

const SYLLABLE_FIRST: u32 = 0xAC00;
const SYLLABLE_LAST: u32 = 0xD7A3;
/// Compatibility jamo for the 19 initial consonants, in Unicode syllable order.
const INITIALS: [char; 19] = [
    'ㄱ', 'ㄲ', 'ㄴ', 'ㄷ', 'ㄸ', 'ㄹ', 'ㅁ', 'ㅂ', 'ㅃ', 'ㅅ', 'ㅆ', 'ㅇ', 'ㅈ', 'ㅉ', 'ㅊ', 'ㅋ',
    'ㅌ', 'ㅍ', 'ㅎ',
];

/// A precomposed Hangul syllable split into its jamo indices.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Syllable {
    initial: u32,
    medial: u32,
    final_: u32,
}

fn decompose(c: char) -> Option<Syllable> {
    let code = c as u32;
    if !(SYLLABLE_FIRST..=SYLLABLE_LAST).contains(&code) {
        return None;
    }
    let offset = code - SYLLABLE_FIRST;
    Some(Syllable {
        initial: offset / 588,
        medial: (offset % 588) / 28,
        final_: offset % 28,
    })
}

fn initial_jamo(c: char) -> Option<char> {
    decompose(c).map(|s| INITIALS[s.initial as usize])
}

fn is_initial_jamo(c: char) -> bool {
    INITIALS.contains(&c)
}

/// The search key stored beside a name: each syllable replaced by its initial
/// consonant, other characters lower-cased, spaces dropped. "김 민수" → "ㄱㅁㅅ".
pub fn chosung_key(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(|c| match initial_jamo(c) {
            Some(j) => vec![j],
            None => c.to_lowercase().collect(),
        })
        .collect()
}

/// A normalised query: whitespace removed, Latin letters lower-cased.
fn query_chars(query: &str) -> Vec<char> {
    query
        .chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_lowercase)
        .collect()
}

/// Whether one query character matches one name character.
///
/// - an initial consonant (ㄱ) matches any syllable starting with it;
/// - a full syllable matches itself, and also a syllable it is the start of while
///   an IME is still composing (미 matches 민: same initial and vowel, no final yet),
///   but only as the last character typed;
/// - anything else must be equal (case-insensitive).
fn char_matches(q: char, n: char, is_last: bool) -> bool {
    if q == n {
        return true;
    }
    if is_initial_jamo(q) {
        return initial_jamo(n) == Some(q);
    }
    if let (Some(qs), Some(ns)) = (decompose(q), decompose(n)) {
        return is_last && qs.final_ == 0 && qs.initial == ns.initial && qs.medial == ns.medial;
    }
    n.to_lowercase().eq(std::iter::once(q))
}

/// True when `query` occurs in `name` as a contiguous run under [`char_matches`].
/// An empty query matches everything.
pub fn matches(query: &str, name: &str) -> bool {
    NameQuery::new(query).matches(name)
}

/// A query prepared once and matched against many names without allocating
/// (a search over 100 000 seekers calls [`NameQuery::matches`] per name).
#[derive(Debug, Clone)]
pub struct NameQuery {
    chars: Vec<char>,
    key: String,
}

impl NameQuery {
    pub fn new(query: &str) -> NameQuery {
        NameQuery {
            chars: query_chars(query),
            key: prefilter_key(query),
        }
    }

    /// The [`prefilter_key`] of the query: a name whose [`chosung_key`]
    /// does not contain it cannot match.
    pub fn key(&self) -> &str {
        &self.key
    }

    /// Same as [`matches`] with this query.
    pub fn matches(&self, name: &str) -> bool {
        let q = &self.chars;
        let Some(last) = q.len().checked_sub(1) else {
            return true;
        };
        let mut rest = name;
        loop {
            let mut candidate = rest.chars().filter(|c| !c.is_whitespace());
            let mut all = true;
            for (i, &qc) in q.iter().enumerate() {
                match candidate.next() {
                    Some(n) if char_matches(qc, n, i == last) => {}
                    Some(_) => {
                        all = false;
                        break;
                    }
                    None => return false,
                }
            }
            if all {
                return true;
            }
            // Advance to the next non-space character of the name.
            let mut chars = rest.char_indices().skip_while(|(_, c)| c.is_whitespace());
            match chars.nth(1) {
                Some((at, _)) => rest = &rest[at..],
                None => return false,
            }
        }
    }
}

/// The part of a query that can be checked against [`chosung_key`] with a plain
/// substring test: every query character reduced to its initial. Any name that
/// [`matches`] the query contains this key in its own key, so a store can
/// pre-filter with `LIKE` and confirm with [`matches`].
pub fn prefilter_key(query: &str) -> String {
    chosung_key(query)
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    /// The definition of [`matches`] written the plain way (collect, slide a
    /// window), to check the allocation-free [`NameQuery::matches`] against.
    fn reference(query: &str, name: &str) -> bool {
        let q = query_chars(query);
        if q.is_empty() {
            return true;
        }
        let n: Vec<char> = name.chars().filter(|c| !c.is_whitespace()).collect();
        q.len() <= n.len()
            && (0..=n.len() - q.len()).any(|start| {
                q.iter()
                    .enumerate()
                    .all(|(i, &qc)| char_matches(qc, n[start + i], i + 1 == q.len()))
            })
    }

    proptest! {
        #[test]
        fn name_query_agrees_with_the_reference(
            name in "[김민수미이박ㄱㅁㅅ A]{0,8}",
            query in "[김민수미이박ㄱㅁㅅ a]{0,4}",
        ) {
            prop_assert_eq!(NameQuery::new(&query).matches(&name), reference(&query, &name));
        }
    }

    use super::*;

    #[test]
    fn chosung_key_reduces_syllables_to_initials() {
        assert_eq!(chosung_key("김민수"), "ㄱㅁㅅ");
        assert_eq!(
            chosung_key("쌍용 Kim"),
            "ㅆㅇkim",
            "double consonants are their own initial"
        );
        assert_eq!(chosung_key(""), "");
    }

    #[test]
    fn finds_kim_minsu_by_every_spelling_a_counselor_types() {
        for q in [
            "ㄱㅁㅅ",
            "김민",
            "김민수",
            "민수",
            "ㅁㅅ",
            "김ㅁ",
            "ㄱ민",
            "김미",
            "김 민",
        ] {
            assert!(matches(q, "김민수"), "{q} should find 김민수");
        }
        for q in ["ㄱㅅ", "김수", "미수", "ㅂ", "김민수김"] {
            assert!(
                !matches(q, "김민수"),
                "{q} must not find 김민수 (not a contiguous run)"
            );
        }
    }

    #[test]
    fn half_composed_syllable_only_matches_at_the_end() {
        // "미" typed while composing "민" is fine at the end, but "미수" is a
        // different name, not 민수.
        assert!(matches("미", "민수"));
        assert!(!matches("미수", "민수"));
    }

    #[test]
    fn latin_names_match_case_insensitively() {
        assert!(matches("nguyen", "NGUYEN Van An"));
    }

    proptest::proptest! {
        #[test]
        fn prefilter_never_drops_a_match(name in "[가-힣]{1,5}", start in 0usize..5, len in 1usize..5, mode in 0u8..3) {
            let chars: Vec<char> = name.chars().collect();
            let start = start.min(chars.len() - 1);
            let end = (start + len).min(chars.len());
            let query: String = chars[start..end].iter().enumerate().map(|(i, &c)| match (mode + i as u8) % 3 {
                0 => initial_jamo(c).unwrap_or(c),
                _ => c,
            }).collect();
            proptest::prop_assert!(matches(&query, &name));
            proptest::prop_assert!(chosung_key(&name).contains(&prefilter_key(&query)));
        }
    }
}

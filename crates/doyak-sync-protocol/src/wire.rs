//! Small values every message uses: entity kinds (open to kinds added
//! later), clock stamps in their text form, and change-log positions.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// A name this build does not know, kept verbatim so it can be stored,
/// forwarded or shown. Only the parser makes one, so an `UnknownName` never
/// holds a known name and every value encodes back to what was read.
#[derive(Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct UnknownName(String);

impl UnknownName {
    pub(crate) fn new(name: &str) -> UnknownName {
        UnknownName(name.to_owned())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for UnknownName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:?}", self.0)
    }
}

/// The kind of record a mutation or change is about. The names equal the
/// desk's table names (`doyak_domain::EntityKind::as_str`) and never change.
///
/// Open-ended on purpose: a newer server may deliver a kind an older desk
/// does not know yet (a schema change, not a protocol change). It decodes as
/// [`EntityKind::Unknown`] instead of failing the whole pull page.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(into = "String", from = "String")]
pub enum EntityKind {
    Center,
    Counselor,
    Partner,
    Seeker,
    Company,
    Vacancy,
    Referral,
    Application,
    /// An append-only event (session note, diagnosis, placement…).
    Event,
    Unknown(UnknownName),
}

impl EntityKind {
    /// Every kind this build knows.
    pub const KNOWN: [EntityKind; 9] = [
        EntityKind::Center,
        EntityKind::Counselor,
        EntityKind::Partner,
        EntityKind::Seeker,
        EntityKind::Company,
        EntityKind::Vacancy,
        EntityKind::Referral,
        EntityKind::Application,
        EntityKind::Event,
    ];

    pub fn as_str(&self) -> &str {
        match self {
            EntityKind::Center => "center",
            EntityKind::Counselor => "counselor",
            EntityKind::Partner => "partner",
            EntityKind::Seeker => "seeker",
            EntityKind::Company => "company",
            EntityKind::Vacancy => "vacancy",
            EntityKind::Referral => "referral",
            EntityKind::Application => "application",
            EntityKind::Event => "event",
            EntityKind::Unknown(name) => name.as_str(),
        }
    }

    /// Reads a wire name; never fails.
    pub fn from_wire(name: &str) -> EntityKind {
        Self::KNOWN
            .into_iter()
            .find(|k| k.as_str() == name)
            .unwrap_or_else(|| EntityKind::Unknown(UnknownName::new(name)))
    }

    pub fn is_known(&self) -> bool {
        !matches!(self, EntityKind::Unknown(_))
    }
}

impl From<String> for EntityKind {
    fn from(s: String) -> Self {
        EntityKind::from_wire(&s)
    }
}

impl From<EntityKind> for String {
    fn from(k: EntityKind) -> String {
        k.as_str().to_owned()
    }
}

/// A hybrid-logical-clock stamp in the desk's text form
/// `{wall_ms:015}-{counter:08}-{device}` (see `doyak_domain::HlcStamp`).
/// The text is the contract; the fields are there so the server can clamp a
/// skewed clock without parsing strings itself. Stamps order and explain;
/// they never decide alone who wins a merge.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize)]
#[serde(try_from = "String")]
pub struct HlcStamp {
    pub wall_ms: u64,
    pub counter: u32,
    /// The device that made the stamp (its device id).
    pub device: String,
}

impl fmt::Display for HlcStamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "{:015}-{:08}-{}",
            self.wall_ms, self.counter, self.device
        )
    }
}

/// Written as its text straight into the output: a push writes a stamp for
/// every change and stored record, and going through `String` (a copy of
/// the stamp, then the text) allocated twice each time.
impl Serialize for HlcStamp {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl fmt::Debug for HlcStamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "HlcStamp({self})")
    }
}

impl FromStr for HlcStamp {
    type Err = crate::ProtocolError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || crate::ProtocolError::InvalidStamp;
        let digits = |p: &str| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit());
        // The device is a UUID and holds hyphens itself: split twice only.
        let mut parts = s.splitn(3, '-');
        let wall = parts.next().filter(|p| digits(p)).ok_or_else(bad)?;
        let counter = parts.next().filter(|p| digits(p)).ok_or_else(bad)?;
        let device = parts.next().filter(|d| !d.is_empty()).ok_or_else(bad)?;
        Ok(HlcStamp {
            wall_ms: wall.parse().map_err(|_| bad())?,
            counter: counter.parse().map_err(|_| bad())?,
            device: device.to_owned(),
        })
    }
}

impl From<HlcStamp> for String {
    fn from(s: HlcStamp) -> String {
        s.to_string()
    }
}

impl TryFrom<String> for HlcStamp {
    type Error = crate::ProtocolError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        s.parse()
    }
}

/// A position in a center's change log. The server bumps it under a row lock
/// inside the push transaction, so positions are committed in order and a
/// reader that resumes from one never skips a row. `0` is "before anything".
#[derive(
    Debug, Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct ChangeVersion(pub u64);

impl ChangeVersion {
    pub const START: ChangeVersion = ChangeVersion(0);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_known_name_never_becomes_unknown() {
        for kind in EntityKind::KNOWN {
            assert_eq!(EntityKind::from_wire(kind.as_str()), kind);
        }
        let later = EntityKind::from_wire("training_course");
        assert!(!later.is_known(), "a kind added later must still decode");
        assert_eq!(later.as_str(), "training_course", "and be kept verbatim");
    }

    #[test]
    fn stamps_keep_the_desks_text_form() {
        let s: HlcStamp = "000001700000000-00000002-0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"
            .parse()
            .expect("the desk's stamp form parses");
        assert_eq!(s.wall_ms, 1_700_000_000);
        assert_eq!(s.counter, 2);
        assert_eq!(s.device, "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");
        for bad in [
            "", "12", "12-3", "12-3-", "-3-d", "1x-3-d", "+1-3-d", "1-3_-d",
        ] {
            assert!(bad.parse::<HlcStamp>().is_err(), "{bad:?} is not a stamp");
        }
    }
}

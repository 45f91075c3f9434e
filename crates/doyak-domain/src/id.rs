//! Client-generated UUIDv7 ids: unique across devices without asking a server,
//! and sortable by creation time, which keeps B-tree inserts cheap.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;
use uuid::Uuid;

/// The id of any record or event. UUIDv7: 48 bits of Unix milliseconds, then
/// random bits, so ids made on two offline laptops never collide in practice.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(Uuid);

impl Id {
    /// Builds a v7 id from the caller's clock reading and random bytes; the domain
    /// owns neither, so the caller decides where they come from.
    pub fn new_v7(unix_ms: u64, random: [u8; 10]) -> Self {
        Id(uuid::Builder::from_unix_timestamp_millis(unix_ms, &random).into_uuid())
    }

    /// The milliseconds since the Unix epoch that the id was minted at.
    pub fn unix_ms(&self) -> Option<u64> {
        self.0.get_timestamp().map(|t| {
            let (secs, nanos) = t.to_unix();
            secs * 1000 + u64::from(nanos) / 1_000_000
        })
    }

    pub fn as_uuid(&self) -> Uuid {
        self.0
    }
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.hyphenated().fmt(f)
    }
}

impl fmt::Debug for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Id({self})")
    }
}

impl FromStr for Id {
    type Err = uuid::Error;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Uuid::parse_str(s).map(Id)
    }
}

impl From<Uuid> for Id {
    fn from(u: Uuid) -> Self {
        Id(u)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v7_ids_sort_by_time_and_round_trip() {
        let a = Id::new_v7(1_700_000_000_000, [0xff; 10]);
        let b = Id::new_v7(1_700_000_000_001, [0x00; 10]);
        assert!(
            a < b,
            "a later millisecond must sort later whatever the random bits"
        );
        assert_eq!(a.unix_ms(), Some(1_700_000_000_000));
        let parsed: Id = a.to_string().parse().expect("display output parses back");
        assert_eq!(parsed, a);
        assert_eq!(a.as_uuid().get_version_num(), 7);
    }
}

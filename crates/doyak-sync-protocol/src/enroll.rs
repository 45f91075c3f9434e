//! Enrollment: a device trades a one-time code from its center administrator
//! for a device token, and the wire forms of both secrets. Neither prints
//! in `Debug`, so no log line, panic message or test failure shows one.

use crate::{ProtocolError, ProtocolVersion};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fmt;
use uuid::Uuid;
use zeroize::Zeroizing;

/// Crockford base32: no I, L, O or U, so a code read aloud or copied from
/// paper is not mistyped.
const CROCKFORD: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_LEN: usize = 12;

/// A one-time enrollment code: 12 Crockford base32 characters (60 random
/// bits), shown to the administrator as `ABCD-EFGH-JKMN`. Short-lived,
/// single-use and rate-limited on the server, so 60 bits is plenty.
#[derive(Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct EnrollmentCode(String);

impl EnrollmentCode {
    /// A code from 8 random bytes (the caller owns randomness).
    pub fn from_random(bytes: [u8; 8]) -> EnrollmentCode {
        let bits = u64::from_be_bytes(bytes);
        let code = (0..CODE_LEN)
            .map(|i| char::from(CROCKFORD[((bits >> (5 * i)) & 31) as usize]))
            .collect();
        EnrollmentCode(code)
    }

    /// Reads a code as a person typed it: case, spaces and hyphens do not
    /// matter, and O, I and L are read as 0, 1 and 1.
    pub fn parse(typed: &str) -> Result<EnrollmentCode, ProtocolError> {
        let code: String = typed
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '-')
            .map(|c| match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                other => other,
            })
            .collect();
        let valid = code.len() == CODE_LEN && code.bytes().all(|b| CROCKFORD.contains(&b));
        if valid {
            Ok(EnrollmentCode(code))
        } else {
            Err(ProtocolError::InvalidEnrollmentCode)
        }
    }

    /// The code in the form an administrator reads out: `ABCD-EFGH-JKMN`.
    pub fn grouped(&self) -> String {
        let (a, rest) = self.0.split_at(4);
        let (b, c) = rest.split_at(4);
        format!("{a}-{b}-{c}")
    }

    /// The normalized code, for the server to hash and look up.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for EnrollmentCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("EnrollmentCode(<redacted>)")
    }
}

impl From<EnrollmentCode> for String {
    fn from(c: EnrollmentCode) -> String {
        c.0
    }
}

impl TryFrom<String> for EnrollmentCode {
    type Error = ProtocolError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        EnrollmentCode::parse(&s)
    }
}

const TOKEN_PREFIX: &str = "doyak_dt1_";
const TOKEN_HEX_LEN: usize = 64;

/// A device's bearer token: `doyak_dt1_` and 64 lowercase hex digits (256
/// random bits). The prefix lets secret scanners and people recognise one
/// pasted where it should not be. The server stores only a hash; the desk
/// keeps it in the OS keyring or the encrypted caseload. Sent as
/// `Authorization: Bearer <token>`.
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(into = "String", try_from = "String")]
pub struct DeviceToken(Zeroizing<String>);

impl DeviceToken {
    /// A token from 32 random bytes (the caller owns randomness).
    pub fn from_random(bytes: [u8; 32]) -> DeviceToken {
        let mut token = String::with_capacity(TOKEN_PREFIX.len() + TOKEN_HEX_LEN);
        token.push_str(TOKEN_PREFIX);
        for b in bytes {
            token.push_str(&format!("{b:02x}"));
        }
        DeviceToken(Zeroizing::new(token))
    }

    /// Reads a token, e.g. from an `Authorization` header; the form only,
    /// whether the server issued it is the server's question.
    pub fn parse(text: &str) -> Result<DeviceToken, ProtocolError> {
        let hex = text
            .strip_prefix(TOKEN_PREFIX)
            .ok_or(ProtocolError::InvalidToken)?;
        let valid = hex.len() == TOKEN_HEX_LEN
            && hex
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        if valid {
            Ok(DeviceToken(Zeroizing::new(text.to_owned())))
        } else {
            Err(ProtocolError::InvalidToken)
        }
    }

    /// The token itself, for the `Authorization` header or the keyring.
    /// Named so that every use stands out in review.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for DeviceToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("DeviceToken(<redacted>)")
    }
}

impl From<DeviceToken> for String {
    /// Hands the text over (to the serializer); the token keeps nothing.
    fn from(mut t: DeviceToken) -> String {
        std::mem::take(&mut *t.0)
    }
}

impl TryFrom<String> for DeviceToken {
    type Error = ProtocolError;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        // The decoded text is wiped too, whether or not it is a token.
        let s = Zeroizing::new(s);
        DeviceToken::parse(&s)
    }
}

/// `POST /sync/enroll`, the one request without a token.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrollRequest {
    pub protocol: ProtocolVersion,
    pub code: EnrollmentCode,
    /// The id the desk gave itself when its caseload file was created; its
    /// clock stamps and sequence numbers are under this id.
    pub device_id: Uuid,
    /// A name the administrator recognises in the device list ("3층 상담실 노트북").
    pub device_name: String,
    /// The desk build, for support; never parsed.
    pub app_version: String,
    /// The center of the desk's caseload. A server refuses a code of another
    /// center before anything is recorded (`center.forbidden`), so a wrong
    /// code neither uses itself up nor ties the device to the wrong center.
    /// Optional: a desk that does not send it is checked after the answer.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub center_id: Option<Uuid>,
}

/// The token, issued once: the server cannot show it again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EnrollResponse {
    pub protocol: ProtocolVersion,
    pub device_id: Uuid,
    /// The center whose data this device may push and pull, and no other.
    pub center_id: Uuid,
    pub center_name: String,
    pub token: DeviceToken,
    /// When the token stops working (`auth.expired`); `None` for never.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub expires_at: Option<DateTime<Utc>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_reads_back_however_it_was_typed() {
        let code = EnrollmentCode::from_random([0x5a; 8]);
        let typed = code.grouped().to_lowercase().replace('-', " - ");
        assert_eq!(EnrollmentCode::parse(&typed), Ok(code));
        assert_eq!(
            EnrollmentCode::parse("O0I1-L000-0000").map(|c| c.grouped()),
            Ok("0011-1000-0000".to_owned()),
            "letters that look like digits are read as the digits"
        );
        for bad in [
            "",
            "ABCD-EFGH",
            "ABCD-EFGH-JKMU",
            "ABCD-EFGH-JKMN-P",
            "한글코드한글코드한글코드",
        ] {
            assert!(EnrollmentCode::parse(bad).is_err(), "{bad:?} is not a code");
        }
    }

    #[test]
    fn tokens_have_one_form_and_never_print() {
        let token = DeviceToken::from_random([0xab; 32]);
        assert_eq!(DeviceToken::parse(token.expose_secret()), Ok(token.clone()));
        assert_eq!(format!("{token:?}"), "DeviceToken(<redacted>)");
        let code = EnrollmentCode::from_random([1; 8]);
        assert!(!format!("{code:?}").contains(code.expose_secret()));
        let upper = token.expose_secret().to_uppercase();
        for bad in ["", "doyak_dt1_", "Bearer x", upper.as_str(), "doyak_dt1_zz"] {
            assert!(DeviceToken::parse(bad).is_err(), "{bad:?} is not a token");
        }
    }
}

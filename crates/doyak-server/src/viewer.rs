//! A viewer's token: `doyak_vt1_` and 64 lowercase hex digits (256 random
//! bits). Its own prefix, so it can never pass for a device token: the
//! sync routes refuse it before looking anything up, and a log or a paste
//! shows which kind of token it is.

use std::fmt;

const PREFIX: &str = "doyak_vt1_";
const HEX_LEN: usize = 64;

#[derive(Clone, PartialEq, Eq)]
pub struct ViewerToken(String);

impl ViewerToken {
    /// A token from 32 random bytes (the caller owns randomness).
    pub fn from_random(bytes: [u8; 32]) -> ViewerToken {
        let mut token = String::with_capacity(PREFIX.len() + HEX_LEN);
        token.push_str(PREFIX);
        for b in bytes {
            token.push_str(&format!("{b:02x}"));
        }
        ViewerToken(token)
    }

    /// Reads a token; its form only.
    pub fn parse(text: &str) -> Option<ViewerToken> {
        let hex = text.strip_prefix(PREFIX)?;
        let valid = hex.len() == HEX_LEN
            && hex
                .bytes()
                .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
        valid.then(|| ViewerToken(text.to_owned()))
    }

    /// Whether `text` has the viewer token's prefix (whatever follows).
    pub fn looks_like(text: &str) -> bool {
        text.starts_with(PREFIX)
    }

    /// The token itself, to hand to its holder once.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ViewerToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ViewerToken(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_viewer_token_is_read_strictly_and_never_as_a_device_token() {
        let token = ViewerToken::from_random([0xab; 32]);
        let text = token.expose_secret().to_owned();
        assert_eq!(ViewerToken::parse(&text), Some(token.clone()));
        assert!(doyak_sync_protocol::DeviceToken::parse(&text).is_err());
        for bad in [
            text.to_uppercase(),
            text[..text.len() - 1].to_owned(),
            format!("{text}0"),
            text.replace("vt1", "dt1"),
        ] {
            assert_eq!(ViewerToken::parse(&bad), None, "{bad}");
        }
        assert!(!format!("{token:?}").contains("abab"), "never printed");
    }
}

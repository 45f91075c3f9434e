//! Bytes ⇄ messages, in the order a peer must check things: size first
//! (before parsing anything), then the protocol version (before reading a
//! shape that version may not have), then the shape.

use crate::{
    AccessLogRequest, AccessLogResponse, EnrollRequest, EnrollResponse, MAX_REQUEST_BYTES,
    MAX_RESPONSE_BYTES, ProtocolError, ProtocolVersion, PullRequest, PullResponse, PushRequest,
    PushResponse,
};
use serde::{Serialize, de::DeserializeOwned};
use serde_json::Value;

/// A versioned message: a body that names its protocol version.
pub trait Message: Serialize + DeserializeOwned {
    /// A Korean name for error messages ("동기화 요청").
    const WHAT: &'static str;
    /// The largest body of this kind a peer reads.
    const MAX_BYTES: usize;
    fn protocol(&self) -> ProtocolVersion;
}

macro_rules! message {
    ($ty:ty, $what:literal, $max:expr) => {
        impl Message for $ty {
            const WHAT: &'static str = $what;
            const MAX_BYTES: usize = $max;
            fn protocol(&self) -> ProtocolVersion {
                self.protocol
            }
        }
    };
}

message!(PushRequest, "변경 보내기 요청", MAX_REQUEST_BYTES);
message!(PushResponse, "변경 보내기 응답", MAX_RESPONSE_BYTES);
message!(PullRequest, "변경 받기 요청", MAX_REQUEST_BYTES);
message!(PullResponse, "변경 받기 응답", MAX_RESPONSE_BYTES);
message!(EnrollRequest, "기기 등록 요청", MAX_REQUEST_BYTES);
message!(EnrollResponse, "기기 등록 응답", MAX_RESPONSE_BYTES);
message!(AccessLogRequest, "접근 기록 보내기 요청", MAX_REQUEST_BYTES);
message!(
    AccessLogResponse,
    "접근 기록 보내기 응답",
    MAX_RESPONSE_BYTES
);

/// Reads a message this build supports. An unsupported version is reported
/// as such (with the versions we speak, for the error body) even when the
/// rest of the body would not parse, because under another version it
/// need not.
pub fn decode<M: Message>(bytes: &[u8]) -> Result<M, ProtocolError> {
    if bytes.len() > M::MAX_BYTES {
        return Err(ProtocolError::TooLarge {
            bytes: bytes.len(),
            limit: M::MAX_BYTES,
        });
    }
    let version = peek_version(bytes, M::WHAT)?;
    if !version.is_supported() {
        return Err(ProtocolError::UnsupportedVersion {
            found: u64::from(version.0),
            supported: ProtocolVersion::SUPPORTED.to_vec(),
        });
    }
    serde_json::from_slice(bytes).map_err(|e| ProtocolError::malformed(M::WHAT, &e))
}

/// The `protocol` field of a body, read without reading the rest into
/// types (serde skips the other fields without building them).
pub fn peek_version(bytes: &[u8], what: &'static str) -> Result<ProtocolVersion, ProtocolError> {
    #[derive(serde::Deserialize)]
    struct Envelope {
        protocol: Option<Value>,
    }
    let envelope: Envelope =
        serde_json::from_slice(bytes).map_err(|e| ProtocolError::malformed(what, &e))?;
    match envelope.protocol {
        None | Some(Value::Null) => Err(ProtocolError::MissingVersion { what }),
        Some(Value::Number(n)) => match n.as_u64() {
            Some(v) => u32::try_from(v).map(ProtocolVersion).map_err(|_| {
                ProtocolError::UnsupportedVersion {
                    found: v,
                    supported: ProtocolVersion::SUPPORTED.to_vec(),
                }
            }),
            None => Err(ProtocolError::MissingVersion { what }),
        },
        Some(_) => Err(ProtocolError::MissingVersion { what }),
    }
}

/// Writes a message as compact JSON.
pub fn encode<M: Message>(message: &M) -> Vec<u8> {
    serde_json::to_vec(message)
        .expect("wire types only hold string-keyed maps and plain values, which always encode")
}

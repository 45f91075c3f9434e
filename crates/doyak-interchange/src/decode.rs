//! Turns CSV bytes into text: UTF-8 with or without a byte-order mark, UTF-16
//! with one, or CP949, and names the first unreadable line when none fits.
//!
//! Order matters. A byte-order mark is trusted first. Then valid UTF-8 wins
//! over CP949: Korean CP949 text is practically never valid UTF-8 (its trail
//! bytes run up to 0xFE, UTF-8 continuation bytes stop at 0xBF), while UTF-8
//! Korean text is rarely valid CP949, so the cheaper strict test goes first.

use std::borrow::Cow;

use encoding_rs::{DecoderResult, EUC_KR, Encoding, UTF_16BE, UTF_16LE};

use crate::{ReadError, SourceEncoding};

/// CSV text and the encoding it was found in.
#[derive(Debug)]
pub(crate) struct Decoded<'a> {
    pub(crate) text: Cow<'a, str>,
    pub(crate) encoding: SourceEncoding,
}

/// Where strict decoding hit the first byte it could not accept.
#[derive(Debug, Clone, Copy)]
struct Failure {
    /// Byte offset into the input (after any byte-order mark).
    offset: usize,
    /// 1-based line of that byte.
    line: usize,
}

impl From<Failure> for ReadError {
    fn from(failure: Failure) -> Self {
        ReadError::UnknownEncoding { line: failure.line }
    }
}

/// Detects the encoding and decodes. Never replaces bad bytes with U+FFFD: a
/// silently garbled name is worse than a clear error naming the line.
pub(crate) fn decode(bytes: &[u8]) -> Result<Decoded<'_>, ReadError> {
    let decoded = if let Some(rest) = bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Decoded {
            text: Cow::Borrowed(utf8(rest)?),
            encoding: SourceEncoding::Utf8Bom,
        }
    } else if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        Decoded {
            text: Cow::Owned(strict(UTF_16LE, rest)?),
            encoding: SourceEncoding::Utf16Le,
        }
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        Decoded {
            text: Cow::Owned(strict(UTF_16BE, rest)?),
            encoding: SourceEncoding::Utf16Be,
        }
    } else {
        match utf8(bytes) {
            Ok(text) => Decoded {
                text: Cow::Borrowed(text),
                encoding: SourceEncoding::Utf8,
            },
            Err(utf8_failure) => match strict(EUC_KR, bytes) {
                Ok(text) => Decoded {
                    text: Cow::Owned(text),
                    encoding: SourceEncoding::Cp949,
                },
                // Neither fits. The encoding that read further is the one the
                // file is most likely in, so its failure names the line the
                // counselor should look at.
                Err(cp949_failure) => {
                    let likelier = if cp949_failure.offset > utf8_failure.offset {
                        cp949_failure
                    } else {
                        utf8_failure
                    };
                    return Err(likelier.into());
                }
            },
        }
    };
    // A NUL never belongs in a CSV file; it is the signature of UTF-16 saved
    // without a byte-order mark, which decodes as "valid" UTF-8 full of NULs
    // and would otherwise come out as one garbled column.
    if let Some(index) = decoded.text.find('\0') {
        return Err(ReadError::UnknownEncoding {
            line: line_of(&decoded.text[..index]),
        });
    }
    Ok(decoded)
}

fn utf8(bytes: &[u8]) -> Result<&str, Failure> {
    std::str::from_utf8(bytes).map_err(|error| {
        let offset = error.valid_up_to();
        let newlines = bytes[..offset]
            .iter()
            .filter(|&&byte| byte == b'\n')
            .count();
        Failure {
            offset,
            line: newlines + 1,
        }
    })
}

/// Decodes without replacement characters, stopping at the first malformed
/// sequence.
fn strict(encoding: &'static Encoding, bytes: &[u8]) -> Result<String, Failure> {
    let mut decoder = encoding.new_decoder_without_bom_handling();
    let mut text = String::with_capacity(
        decoder
            .max_utf8_buffer_length_without_replacement(bytes.len())
            .unwrap_or(bytes.len()),
    );
    let mut position = 0;
    loop {
        let (result, read) =
            decoder.decode_to_string_without_replacement(&bytes[position..], &mut text, true);
        match result {
            DecoderResult::InputEmpty => return Ok(text),
            DecoderResult::OutputFull => {
                position += read;
                // Only reached if the capacity estimate overflowed; grow and go on.
                text.reserve(bytes.len() - position + 16);
            }
            DecoderResult::Malformed(bad, after) => {
                // `read` counts the malformed bytes and those consumed after them.
                let offset = position + read - usize::from(after) - usize::from(bad);
                // Everything before the bad sequence is in `text`, and newlines
                // decode one to one, so counting them there gives the line.
                return Err(Failure {
                    offset,
                    line: line_of(&text),
                });
            }
        }
    }
}

/// 1-based line on which the text that follows `before` starts.
fn line_of(before: &str) -> usize {
    before.bytes().filter(|&byte| byte == b'\n').count() + 1
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cp949(text: &str) -> Vec<u8> {
        let (bytes, _, had_errors) = EUC_KR.encode(text);
        assert!(!had_errors, "the sample must be representable in CP949");
        bytes.into_owned()
    }

    #[test]
    fn korean_cp949_is_not_mistaken_for_utf8() {
        let text = "성명,연락처,희망직종\r\n김민준,010-1234-5678,사회복지사\r\n";
        let bytes = cp949(text);
        let decoded = decode(&bytes).expect("CP949 Korean decodes");
        assert_eq!(
            decoded.encoding,
            SourceEncoding::Cp949,
            "Korean CP949 bytes are invalid UTF-8"
        );
        assert_eq!(decoded.text, text, "decoding must restore the exact text");
    }

    #[test]
    fn korean_utf8_is_not_mistaken_for_cp949() {
        let text = "성명,연락처,희망직종\r\n김민준,010-1234-5678,사회복지사\r\n";
        let decoded = decode(text.as_bytes()).expect("UTF-8 decodes");
        assert_eq!(
            decoded.encoding,
            SourceEncoding::Utf8,
            "valid UTF-8 is taken as UTF-8 first"
        );
        assert!(
            matches!(decoded.text, Cow::Borrowed(_)),
            "UTF-8 input is not copied"
        );
    }

    #[test]
    fn a_bad_byte_in_a_cp949_file_is_reported_on_its_own_line() {
        let mut bytes = cp949("성명,연락처\r\n김민준,010\r\n");
        bytes.extend_from_slice(b"\xFF\r\n");
        let error = decode(&bytes).expect_err("0xFF is neither UTF-8 nor CP949");
        assert!(
            matches!(error, ReadError::UnknownEncoding { line: 3 }),
            "UTF-8 fails on line 1 but CP949 reads to line 3, so line 3 is the one to fix: {error:?}"
        );
    }

    #[test]
    fn utf16_without_bom_is_refused_not_read_as_nul_riddled_utf8() {
        let bytes: Vec<u8> = "이름\tA\n"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let error = decode(&bytes).expect_err("no byte-order mark, NUL bytes");
        assert!(
            matches!(error, ReadError::UnknownEncoding { line: 1 }),
            "without a BOM the NULs of UTF-16 give it away on line 1: {error:?}"
        );
    }

    #[test]
    fn a_lone_surrogate_in_utf16_names_its_line() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("a\nb\n".encode_utf16().flat_map(u16::to_le_bytes));
        bytes.extend_from_slice(&0xD800_u16.to_le_bytes());
        let error = decode(&bytes).expect_err("an unpaired surrogate is malformed UTF-16");
        assert!(
            matches!(error, ReadError::UnknownEncoding { line: 3 }),
            "two newlines precede the surrogate: {error:?}"
        );
    }
}

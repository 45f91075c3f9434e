//! Which reader a file goes to: magic bytes first, the file name second.

use super::{Format, ReadError, archive::Archive};

/// Zip's local-file-header magic (DOCX, HWPX), and the end-of-directory one
/// an empty zip starts with.
const ZIP_MAGIC: &[u8] = b"PK\x03\x04";
const EMPTY_ZIP_MAGIC: &[u8] = b"PK\x05\x06";
/// The OLE2 compound-file magic: HWP 5, legacy Word `.doc`, and the
/// container an encrypted DOCX/HWPX-era Office file is wrapped in.
const CFB_MAGIC: &[u8] = b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1";
/// PDF readers accept the header anywhere in the first 1024 bytes (some
/// generators put junk before it), so we do too.
const PDF_HEADER_WINDOW: usize = 1024;
/// How much of a file is looked at to tell text from binary.
const TEXT_SNIFF: usize = 8 * 1024;

/// The format of `bytes`, or why it is none we read.
pub(super) fn detect(file_name: &str, bytes: &[u8]) -> Result<Format, ReadError> {
    let extension = extension(file_name);
    if bytes.starts_with(ZIP_MAGIC) || bytes.starts_with(EMPTY_ZIP_MAGIC) {
        return zip_format(&extension, bytes);
    }
    if bytes.starts_with(CFB_MAGIC) {
        return cfb_format(&extension, bytes);
    }
    let window = &bytes[..bytes.len().min(PDF_HEADER_WINDOW)];
    if window.windows(5).any(|w| w == b"%PDF-") {
        return Ok(Format::Pdf);
    }
    if matches!(extension.as_str(), "txt" | "text" | "md") || looks_like_text(bytes) {
        return Ok(Format::Text);
    }
    match extension.as_str() {
        // The name promises a format we read, but the bytes are not it:
        // a damaged download, not an unknown kind of file.
        "docx" | "hwpx" | "pdf" => Err(ReadError::broken(format!(
            "{extension} 파일의 시작 부분이 올바르지 않습니다"
        ))),
        "hwp" => Err(ReadError::broken(
            "hwp 파일의 시작 부분이 올바르지 않습니다",
        )),
        _ => Err(ReadError::UnknownFormat),
    }
}

/// The lower-case extension of a file name, or "" when there is none.
fn extension(file_name: &str) -> String {
    file_name
        .rsplit_once('.')
        .map(|(_, extension)| extension.trim().to_lowercase())
        .unwrap_or_default()
}

/// HWPX (by its `mimetype` entry or its package file) or DOCX (by its main
/// part); another zip (an XLSX, a folder of photos) is not a résumé format.
fn zip_format(extension: &str, bytes: &[u8]) -> Result<Format, ReadError> {
    let mut archive = Archive::open(bytes)?;
    if archive.contains(super::hwpx::PACKAGE)
        || archive.mimetype()?.as_deref() == Some(super::hwpx::MIMETYPE)
    {
        return Ok(Format::Hwpx);
    }
    if archive.contains(super::docx::MAIN_PART) {
        return Ok(Format::Docx);
    }
    match extension {
        "docx" | "hwpx" => Err(ReadError::broken(format!(
            "{extension} 파일에 본문이 없습니다"
        ))),
        _ => Err(ReadError::UnknownFormat),
    }
}

/// An OLE2 compound file. Office wraps an encrypted DOCX in one, with an
/// `EncryptionInfo` stream; HWP 5 has `FileHeader` and `BodyText` storages.
///
/// The directory entry names are UTF-16LE in the file, so they are looked
/// for as such instead of parsing the container: an unencrypted OLE file
/// that happens to hold this exact UTF-16 string in its data is the only
/// false match, and it would be a legacy `.doc` we refuse anyway.
fn cfb_format(extension: &str, bytes: &[u8]) -> Result<Format, ReadError> {
    if contains_utf16(bytes, "EncryptionInfo") {
        return Err(ReadError::Encrypted);
    }
    if extension == "hwp" || contains_utf16(bytes, "HwpSummaryInformation") {
        return Ok(Format::Hwp);
    }
    Err(ReadError::UnknownFormat)
}

fn contains_utf16(bytes: &[u8], needle: &str) -> bool {
    let needle: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
    bytes.windows(needle.len()).any(|window| window == needle)
}

/// No NUL and no control bytes other than whitespace in the first 8 KB, or a
/// byte-order mark: what text files look like and binaries do not.
fn looks_like_text(bytes: &[u8]) -> bool {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return true;
    }
    bytes[..bytes.len().min(TEXT_SNIFF)]
        .iter()
        .all(|&byte| byte >= 0x20 || matches!(byte, b'\t' | b'\n' | b'\r' | 0x0C))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bytes_win_over_the_name() {
        assert_eq!(
            detect("이력서.hwp", b"%PDF-1.7\n").ok(),
            Some(Format::Pdf),
            "a PDF renamed .hwp by a messenger is still a PDF"
        );
        assert_eq!(
            detect("이력서.docx", "이름 김도약".as_bytes()).ok(),
            Some(Format::Text),
            "plain UTF-8 saved with a wrong name reads as text"
        );
    }

    #[test]
    fn binary_junk_is_unknown_unless_the_name_promises_a_format() {
        let junk = [0x00, 0x01, 0x02, 0xFF];
        assert_eq!(detect("photo.jpg", &junk), Err(ReadError::UnknownFormat));
        assert!(
            matches!(detect("이력서.pdf", &junk), Err(ReadError::Broken { .. })),
            "a .pdf that is not a PDF is a damaged file, the counselor should ask again"
        );
    }

    #[test]
    fn an_ole_file_with_encryption_info_is_encrypted() {
        let mut bytes = CFB_MAGIC.to_vec();
        bytes.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(detect("이력서.docx", &bytes), Err(ReadError::Encrypted));
        assert_eq!(
            detect("이력서.hwp", CFB_MAGIC).ok(),
            Some(Format::Hwp),
            "an OLE file named .hwp goes to the HWP 5 reader"
        );
        assert_eq!(
            detect("옛문서.doc", CFB_MAGIC),
            Err(ReadError::UnknownFormat),
            "legacy Word is not read"
        );
    }
}

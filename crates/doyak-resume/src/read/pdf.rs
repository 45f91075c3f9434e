//! PDF: the text layer only, through `lopdf`'s text extraction.
//!
//! Each line of a page (what the PDF ends with a text object or a
//! next-line operator) becomes a paragraph, pages in order. Tables are not
//! recovered: a PDF holds positioned glyphs and ruled lines, not cells, and
//! guessing columns from coordinates fails often enough on Korean résumé
//! forms that a wrong table would mislead more than flat lines do. A scan
//! (pages that are pictures) has no text layer and is refused as
//! [`ReadError::NoText`]; there is no OCR here.
//!
//! A PDF owner-protected only (opens without a password, "copying not
//! allowed") is read, as every viewer does; one that needs a password to
//! open is [`ReadError::Encrypted`].

use lopdf::Document;

use super::{Block, ReadError};

/// Share of letters that may be U+FFFD or private-use code points before
/// the whole text layer is distrusted. Such characters are glyphs without a
/// Unicode mapping; a few are a stray symbol font, more are a résumé whose
/// names and dates would come out as garbage.
const MAX_UNMAPPED_SHARE: f64 = 0.03;

pub(super) fn read(bytes: &[u8]) -> Result<Vec<Block>, ReadError> {
    let document = match Document::load_mem(bytes) {
        Ok(document) => document,
        Err(_) if has_encrypt_entry(bytes) => return Err(ReadError::Encrypted),
        Err(error) => return Err(ReadError::broken(format!("PDF: {error}"))),
    };
    // lopdf decrypts on load when the empty user password opens the file;
    // when it cannot, the trailer still names an Encrypt dictionary.
    if document.trailer.get(b"Encrypt").is_ok() && !document.was_encrypted() {
        return Err(ReadError::Encrypted);
    }
    let mut blocks = Vec::new();
    let mut failed_chunks = 0;
    for page in document.get_pages().into_keys() {
        for chunk in document.extract_text_chunks(&[page]) {
            match chunk {
                Ok(text) => {
                    blocks.extend(text.lines().map(|line| Block::Paragraph(line.to_owned())))
                }
                Err(_) => failed_chunks += 1,
            }
        }
    }
    trust(&blocks, failed_chunks)?;
    Ok(blocks)
}

/// Refuses a text layer whose glyphs mostly do not map to Unicode.
/// `failed_chunks` counts runs of text lopdf could not decode at all.
fn trust(blocks: &[Block], failed_chunks: usize) -> Result<(), ReadError> {
    let (letters, unmapped) = count_letters(blocks);
    let total = letters + unmapped;
    if total > 0 && unmapped as f64 / total as f64 > MAX_UNMAPPED_SHARE {
        return Err(ReadError::Unreadable);
    }
    if letters == 0 && failed_chunks > 0 {
        // Text was drawn but none of it could be decoded (a font lopdf
        // cannot map): not a scan, so "no text" would mislead.
        return Err(ReadError::Unreadable);
    }
    Ok(())
}

/// Whether the file names an Encrypt dictionary anywhere (the trailer is
/// where it belongs; a damaged file may keep it only in an xref stream).
fn has_encrypt_entry(bytes: &[u8]) -> bool {
    bytes.windows(8).any(|window| window == b"/Encrypt")
}

/// Letters (of any script) and characters that stand for an unmapped glyph.
fn count_letters(blocks: &[Block]) -> (usize, usize) {
    let mut letters = 0;
    let mut unmapped = 0;
    for block in blocks {
        if let Block::Paragraph(text) = block {
            for c in text.chars() {
                if is_unmapped(c) {
                    unmapped += 1;
                } else if c.is_alphabetic() {
                    letters += 1;
                }
            }
        }
    }
    (letters, unmapped)
}

fn is_unmapped(c: char) -> bool {
    matches!(c, '\u{FFFD}' | '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{10FFFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn private_use_and_replacement_characters_count_as_unmapped() {
        let blocks = vec![Block::Paragraph("김도약\u{E001}\u{FFFD} 2019".into())];
        assert_eq!(
            count_letters(&blocks),
            (3, 2),
            "three Hangul letters, two unmapped glyphs; digits and spaces are neither"
        );
    }

    #[test]
    fn more_than_three_percent_unmapped_is_unreadable() {
        let line = |unmapped: usize| {
            let mut text = "가".repeat(100 - unmapped);
            text.extend(std::iter::repeat_n('\u{E000}', unmapped));
            vec![Block::Paragraph(text)]
        };
        assert_eq!(
            trust(&line(3), 0),
            Ok(()),
            "3 of 100 is a stray symbol font"
        );
        assert_eq!(
            trust(&line(4), 0),
            Err(ReadError::Unreadable),
            "4 of 100 is past the 3% a counselor could correct by hand"
        );
        assert_eq!(
            trust(&[], 2),
            Err(ReadError::Unreadable),
            "text drawn in fonts that cannot be decoded at all is not a scan"
        );
        assert_eq!(
            trust(&[], 0),
            Ok(()),
            "no text at all is left for the NoText check"
        );
    }
}

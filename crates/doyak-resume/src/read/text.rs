//! Plain text: one paragraph per line, decoded as the CSV importer decodes
//! (UTF-8 with or without a byte-order mark, UTF-16 with one, CP949), so
//! every Doyak reader agrees on what a Korean text file is.

use super::{Block, ReadError};

pub(super) fn read(bytes: &[u8]) -> Result<Vec<Block>, ReadError> {
    let (text, _encoding) = doyak_interchange::decode_text(bytes).map_err(|error| match error {
        doyak_interchange::ReadError::UnknownEncoding { line } => {
            ReadError::UnknownEncoding { line }
        }
        // `decode_text` promises no other error; should that change, the file
        // is still unreadable and the counselor sees why.
        other => ReadError::broken(other.to_string()),
    })?;
    Ok(text
        .lines()
        .map(|line| Block::Paragraph(line.to_owned()))
        .collect())
}

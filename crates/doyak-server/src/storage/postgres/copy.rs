//! Binary `COPY` for the push's bulk writes (see [`CopyRows`]).

use crate::error::StorageError;
use crate::storage::Result;
use postgres::Transaction;

/// Rows for `COPY … FROM STDIN (FORMAT binary)`, encoded here and sent in
/// 64 KB pieces as they are made, so PostgreSQL stores the first rows while
/// the server still encodes the next (the two share the machine's cores
/// instead of taking turns). The driver's own binary writer entered its
/// runtime for every row: a fifth of the server's time in a 100k-row push.
/// Format (PostgreSQL manual, "COPY", binary format): a signature, flags and
/// header extension; per row the field count, then each field as a length
/// (−1 for NULL) and its bytes in the type's binary form; a −1 trailer.
pub(super) struct CopyRows<'a> {
    sink: postgres::CopyInWriter<'a>,
    buf: Vec<u8>,
    columns: i16,
    /// Fields written into the current row so far.
    filled: i16,
    /// The first failure to send; reported by [`CopyRows::finish`].
    failed: Option<std::io::Error>,
}

impl<'a> CopyRows<'a> {
    const SIGNATURE: &'static [u8; 11] = b"PGCOPY\n\xff\r\n\0";
    const PIECE: usize = 64 * 1024;

    pub(super) fn start(
        tx: &'a mut Transaction<'_>,
        sql: &str,
        columns: i16,
    ) -> Result<CopyRows<'a>> {
        let sink = tx.copy_in(sql)?;
        let mut buf = Vec::with_capacity(2 * Self::PIECE);
        buf.extend_from_slice(Self::SIGNATURE);
        buf.extend_from_slice(&0i32.to_be_bytes()); // flags: no OIDs
        buf.extend_from_slice(&0i32.to_be_bytes()); // no header extension
        Ok(CopyRows {
            sink,
            buf,
            columns,
            filled: 0,
            failed: None,
        })
    }

    fn field(&mut self, bytes: Option<&[u8]>) {
        if self.filled == 0 {
            self.buf.extend_from_slice(&self.columns.to_be_bytes());
        }
        match bytes {
            // Every value written here is far below 2 GB (a push is at most 8 MB).
            Some(b) => {
                self.buf.extend_from_slice(&(b.len() as i32).to_be_bytes());
                self.buf.extend_from_slice(b);
            }
            None => self.buf.extend_from_slice(&(-1i32).to_be_bytes()),
        }
        self.filled = (self.filled + 1) % self.columns;
        if self.filled == 0 && self.buf.len() >= Self::PIECE {
            self.send();
        }
    }

    fn send(&mut self) {
        use std::io::Write;
        if self.failed.is_none()
            && let Err(e) = self.sink.write_all(&self.buf)
        {
            self.failed = Some(e);
        }
        self.buf.clear();
    }

    /// `text`: the UTF-8 bytes.
    pub(super) fn text(&mut self, s: &str) {
        self.field(Some(s.as_bytes()));
    }

    pub(super) fn opt_text(&mut self, s: Option<&str>) {
        self.field(s.map(str::as_bytes));
    }

    /// `bigint`: 8 bytes, big-endian.
    pub(super) fn int8(&mut self, n: i64) {
        self.field(Some(&n.to_be_bytes()));
    }

    /// `boolean`: one byte, 0 or 1.
    pub(super) fn bool(&mut self, b: bool) {
        self.field(Some(&[u8::from(b)]));
    }

    /// Sends the rest and the trailer; the rows are stored when this returns `Ok`.
    pub(super) fn finish(mut self) -> Result<()> {
        debug_assert_eq!(self.filled, 0, "a row was left unfinished");
        self.buf.extend_from_slice(&(-1i16).to_be_bytes());
        self.send();
        if let Some(e) = self.failed.take() {
            return Err(StorageError::Copy(e));
        }
        self.sink.finish()?;
        Ok(())
    }
}

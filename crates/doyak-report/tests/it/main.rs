//! Integration tests of doyak-report: rendered PDFs read back with poppler
//! (text, fonts, pages), determinism, and inputs that must not panic.

mod documents;
mod poppler;
mod robust;
mod round_trip;

//! Integration tests of doyak-resume.

mod labelled;
mod read;

//! Integration tests of doyak-resume.

mod engine;
mod labelled;
mod read;

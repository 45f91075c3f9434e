//! Integration tests of doyak-resume.

mod read;

//! Integration tests of doyak-resume.

//! Résumé and 자기소개서 consulting, offline and in Korean.
//!
//! [`read`] turns a file's bytes into text blocks. The engine reads those
//! blocks into sections, certificates, an employment timeline and
//! quantified achievements, then scores them against an industry rubric
//! (assets/resume) and, when given, a vacancy. Pure: "today" is an
//! argument, nothing is read from disk or the clock.

pub mod read;

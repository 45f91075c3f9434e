//! The one error type of the crate. Bad input is never an error (it is
//! printed as well as it can be); only the PDF writer itself can fail.

/// Why no PDF was returned.
#[derive(Debug, thiserror::Error)]
pub enum ReportError {
    /// A bundled font could not be read: the build shipped a broken file.
    #[error("the bundled font {name} cannot be read")]
    Font { name: &'static str },

    /// The PDF writer refused the document (e.g. a PDF size limit).
    #[error("the PDF could not be written")]
    Pdf(#[source] krilla::error::KrillaError),
}

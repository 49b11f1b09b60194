//! The model's errors, by name, with the wording the user reads (see also `src/error.rs`
//! for the layers above). Pure: no browser, no storage.

use thiserror::Error;
use uuid::Uuid;

/// A stage change that can't be recorded.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub(crate) enum ChangeError {
    #[error("Enter the date of the change, like 2026-03-14.")]
    BadDate,
    #[error("A change can't be dated in the future.")]
    FutureDate,
    /// Deleted in another tab meanwhile.
    #[error("This application no longer exists.")]
    Gone,
}

/// An interview round's form that can't be saved.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub(crate) enum RoundError {
    #[error("Enter the interview date, like 2026-03-14.")]
    BadDate,
    #[error("Rate the interview from 1 to 5, or leave it unrated.")]
    BadRating,
    #[error("Enter the start time like 14:30, or leave it empty.")]
    BadTime,
    #[error("Enter a time zone name like Europe/London, or leave it empty for your own.")]
    BadTimeZone,
    #[error("Keep the place under 1,000 characters: an address or a video link.")]
    PlaceTooLong,
}

/// A date on the feedback request (when it was asked, when they replied) that can't
/// be kept.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub(crate) enum FeedbackDateError {
    #[error("Enter the date you asked, like 2026-03-14.")]
    BadAskedOn,
    #[error("The date you asked can't be in the future.")]
    FutureAskedOn,
    #[error("Enter the date of the reply, like 2026-03-14.")]
    BadReplyDate,
    #[error("The reply date can't be in the future.")]
    FutureReplyDate,
    #[error("The reply can't come before you asked: check both dates.")]
    ReplyBeforeAsk,
}

/// Data that breaks a rule serde can't check (a hand-edited or damaged file). Shown
/// inside "The saved data is damaged: …" or "This backup is damaged: …".
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub(crate) enum InvalidData {
    #[error("two applications share the id {0}")]
    DuplicateApplication(Uuid),
    #[error("two reflections share the id {0}")]
    DuplicateReflection(Uuid),
    #[error("reflection {0} points to a missing application")]
    OrphanReflection(Uuid),
    #[error("application {0} has no company")]
    NoCompany(Uuid),
    #[error("application {0} has no stage history")]
    NoHistory(Uuid),
    #[error("application {0} has an interview rating outside 1–5")]
    RatingOutOfRange(Uuid),
    #[error("reflection step {0} is outside 1–5")]
    StepOutOfRange(u8),
    #[error("confidence {0} is outside 1–10")]
    ConfidenceOutOfRange(u8),
}

/// A spreadsheet that can't be read or written.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub(crate) enum SheetError {
    #[error("This file is empty.")]
    Empty,
    #[error("This file isn't a readable CSV: {0}.")]
    NotCsv(String),
    #[error("The CSV could not be made: {0}.")]
    Export(String),
    /// The app shows missing columns in the mapping step; only the one-call import of
    /// the tests refuses outright.
    #[cfg(test)]
    #[error("This CSV needs a Company column and a Role (or Position, or Title) column.")]
    NeedsColumns,
}

/// A quick-add line that does not make an application yet: what to type.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub(crate) enum QuickAddError {
    #[error("Type a company and a role, like “Acme — Recruiter”, then press Enter.")]
    Empty,
    #[error("Which company is it? Type its name to add it.")]
    NoCompany,
    /// The link came from a job board, which doesn't name the company.
    #[error("{0} links don't say the company. Type its name to add it.")]
    BoardLink(&'static str),
    #[error("Which role is it? Type it to add the application.")]
    NoRole,
}

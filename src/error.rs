//! Every error a user can meet, by name, and the one place their wording lives.
//!
//! Each layer returns one of these enums, never a bare `String`. Their `Display` is the
//! sentence the user reads: plain, saying what happened and, where it matters, that
//! nothing was lost or changed. Views show `error.to_string()` and write no wording of
//! their own for these. Payloads that are `String` hold the browser's or a parser's own
//! words, quoted inside ours.

use thiserror::Error;

use crate::storage::envelope::SCHEMA_VERSION;

/// Stored text that can't be opened as a notebook (the read-only banner says why).
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub(crate) enum DecodeError {
    #[error("The saved data is not valid JSON ({0}).")]
    NotJson(String),
    #[error("The saved data does not look like Knockback data: {0}.")]
    NotKnockback(String),
    #[error("The saved data uses schema version {0}, made by a newer Knockback than this one (which knows version {SCHEMA_VERSION}).")]
    FutureVersion(u64),
    #[error("Upgrading the saved data from schema version {from} failed: {reason}.")]
    Migration { from: u32, reason: String },
    #[error("The saved data is damaged: {0}.")]
    Invalid(String),
}

/// The notebook could not be written as JSON (serde's words inside).
#[derive(Clone, Debug, PartialEq, Eq, Error)]
#[error("your notebook could not be written out ({0})")]
pub(crate) struct EncodeError(pub(crate) String);

/// Why a save did not land.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub(crate) enum SaveError {
    /// `QuotaExceededError` (every engine), or Firefox's older `NS_ERROR_DOM_QUOTA_REACHED`.
    #[error("The browser's storage for this site is full.")]
    Quota,
    /// Another tab saved a newer revision since this tab last read or wrote.
    #[error("Another tab saved first.")]
    Stale,
    /// What was read back differs from what was written.
    #[error("The browser did not keep what was written.")]
    Verify,
    #[error("The browser refused to save ({0}).")]
    Browser(String),
    #[error("The notebook could not be prepared for saving: {0}.")]
    Encode(EncodeError),
    #[error("The notebook could not be encrypted: {0}")]
    Lock(LockError),
}

/// Why a locked envelope's settings are refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub(crate) enum SealedProblem {
    #[error("it was locked with settings this version of Knockback doesn't know")]
    UnknownSettings,
    #[error("its key settings are weaker than Knockback allows")]
    Weaker,
    #[error("its encrypted parts are damaged")]
    Damaged,
}

/// The passphrase lock's failures.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub(crate) enum LockError {
    #[error("This browser has no WebCrypto, so it can't encrypt or unlock.")]
    NoWebCrypto,
    #[error("This browser can't make random numbers, so it can't encrypt safely.")]
    NoRandom,
    #[error("The key could not be made from the passphrase.")]
    KeyDerivation,
    #[error("Encryption failed.")]
    Encryption,
    /// AES-GCM can't tell a wrong passphrase from tampering, and neither can we.
    #[error("That passphrase doesn't open this notebook (or the locked data was changed).")]
    WrongPassphrase,
    #[error("It was locked with another passphrase.")]
    OtherPassphrase,
    #[error("The locked data was changed.")]
    Changed,
    #[error("The unlocked data is damaged.")]
    NotText,
    #[error("This notebook can't be unlocked: {0}.")]
    Settings(SealedProblem),
    #[error("The passphrase is right, but the data inside is damaged: {0}")]
    InsideDamaged(DecodeError),
    #[error("Turn the lock on first.")]
    NotOn,
    #[error("That isn't your current passphrase, so nothing was changed.")]
    WrongCurrent,
    #[error("The locked notebook couldn't be read, so the passphrase was not changed.")]
    StoredUnreadable,
    #[error("The encrypted part could not be written.")]
    Wrap,
}

/// A file chosen for restore that can't be restored. Nothing was changed.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub(crate) enum FileError {
    #[error("This file is empty.")]
    Empty,
    #[error("It is too large to be a Knockback backup (over 20 MB).")]
    TooLarge,
    #[error("This file isn't a Knockback backup: it isn't readable JSON (it may be another kind of file, or cut short).")]
    NotJson,
    #[error("This file isn't a Knockback backup: {0}.")]
    NotKnockback(String),
    #[error("This backup was made by a newer version of Knockback (schema {0}; this one reads up to {SCHEMA_VERSION}). Update Knockback, then restore it.")]
    FutureVersion(u64),
    #[error("This backup uses an old format (schema {from}) that couldn't be upgraded: {reason}.")]
    Migration { from: u32, reason: String },
    #[error("This backup is damaged, so nothing was restored: {0}.")]
    Damaged(String),
    #[error("{0}")]
    Browser(BrowserError),
    #[error("{0}")]
    Lock(LockError),
}

impl From<DecodeError> for FileError {
    /// The same failure as the stored notebook's, worded for a file the user chose.
    fn from(e: DecodeError) -> Self {
        match e {
            DecodeError::NotJson(_) => FileError::NotJson,
            DecodeError::NotKnockback(why) => FileError::NotKnockback(why),
            DecodeError::FutureVersion(v) => FileError::FutureVersion(v),
            DecodeError::Migration { from, reason } => FileError::Migration { from, reason },
            DecodeError::Invalid(why) => FileError::Damaged(why),
        }
    }
}

/// What the browser itself would not do.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub(crate) enum BrowserError {
    #[error("the browser could not prepare the file")]
    PrepareFile,
    #[error("the browser could not start the download")]
    StartDownload,
    #[error("The browser could not read this file.")]
    ReadFile,
    #[error("The file could not be read as text.")]
    NotText,
}

/// Why a download was not offered. Nothing was written.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub(crate) enum DownloadError {
    #[error("Nothing was downloaded: there is no unsaved edit any more.")]
    NoUnsavedEdit,
    #[error("Nothing was downloaded: there is no safety copy any more.")]
    NoSafetyCopy,
    #[error("Nothing was downloaded: that copy is gone.")]
    CopyGone,
    #[error("Nothing was downloaded: nothing is stored.")]
    NothingStored,
    #[error("Nothing was downloaded: {0}.")]
    Encode(EncodeError),
    #[error("Nothing was downloaded: the file came out unreadable ({0}). Your notebook itself is unchanged.")]
    Unrestorable(FileError),
    #[error("Nothing was downloaded: it could not be encrypted ({0})")]
    Encrypt(LockError),
    #[error("Nothing was downloaded: {0}.")]
    Browser(BrowserError),
}

/// Why a restore (Replace, Merge, the safety copy) changed nothing.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub(crate) enum RestoreError {
    #[error(
        "Saving isn't working right now (see the message at the top), so nothing was restored."
    )]
    NotSaving,
    #[error("Your current notebook could not be copied ({0}), so nothing was restored.")]
    CopyCurrent(EncodeError),
    #[error("There isn't enough storage space to keep a safety copy, so nothing was restored. Download a backup, free some space, then try again.")]
    NoRoomForSafetyCopy,
    #[error("The safety copy could not be written ({0}), so nothing was restored.")]
    SafetyCopy(SaveError),
    #[error("This backup is bigger than this browser's storage can hold, so nothing was changed.")]
    TooBig,
    #[error("The restored data could not be saved, so nothing was changed.")]
    NotSaved,
    #[error("There is no safety copy any more.")]
    NoSafetyCopy,
    #[error("This safety copy is encrypted with a passphrase this notebook no longer uses. Download it, then restore it with that passphrase.")]
    SafetyCopyLockedElsewhere,
    #[error("{0}")]
    File(FileError),
}

/// Removing a copy kept beside the notebook.
#[derive(Clone, Debug, PartialEq, Eq, Error)]
pub(crate) enum CopyError {
    #[error("that is not a copy Knockback keeps")]
    NotACopy,
    #[error("the browser refused ({0})")]
    Browser(String),
}

/// A new passphrase the lock panel refuses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Error)]
pub(crate) enum PassphraseError {
    #[error("Use at least {0} characters; a short sentence is easiest to remember.")]
    TooShort(usize),
    #[error("The two passphrases don't match.")]
    Mismatch,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_file_error_keeps_the_reason_in_the_files_words() {
        let e = FileError::from(DecodeError::Invalid(
            "two applications share the id x".into(),
        ));
        assert_eq!(
            e.to_string(),
            "This backup is damaged, so nothing was restored: two applications share the id x."
        );
        assert!(FileError::from(DecodeError::FutureVersion(9))
            .to_string()
            .contains("newer version of Knockback (schema 9"));
        // The stored notebook's wording for the same failure speaks of saved data.
        assert!(DecodeError::FutureVersion(9)
            .to_string()
            .starts_with("The saved data"));
    }

    #[test]
    fn no_message_shows_a_debug_form() {
        let samples: Vec<String> = vec![
            SaveError::Lock(LockError::Encryption).to_string(),
            DownloadError::Unrestorable(FileError::Empty).to_string(),
            RestoreError::SafetyCopy(SaveError::Verify).to_string(),
            RestoreError::File(FileError::Lock(LockError::WrongPassphrase)).to_string(),
            LockError::Settings(SealedProblem::Weaker).to_string(),
        ];
        for s in samples {
            assert!(
                !s.contains('{') && !s.contains("Some(") && !s.contains('"'),
                "{s}"
            );
        }
    }
}

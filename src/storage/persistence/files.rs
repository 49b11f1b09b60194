//! Files in and out, from the persistence side: every download of the notebook or its
//! copies, and every restore. Two promises hold for all of them:
//! - with the lock on, what is downloaded is encrypted, unless the user asked for plain;
//! - every notebook file is read back before it is offered, so a broken file is never
//!   handed to the user (an error says why instead).

use std::future::Future;
use std::pin::Pin;

use chrono::Utc;

use super::Persistence;
use crate::error::{DownloadError, FileError, RestoreError, SaveError};
use crate::model::{AppData, Meta};
use crate::storage::backup::{self, MergeReport};
use crate::storage::copies;
use crate::storage::crypto::{self, SealKey};
use crate::storage::encoder;
use crate::storage::envelope;
use crate::storage::local;
use crate::storage::sealed::{self, Holds, Sealed};

/// A backup file read and checked, shown before the user chooses Replace or Merge.
pub(crate) use crate::storage::backup::Preview;

/// A file the app offers to download.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Offer {
    /// The notebook as a backup: encrypted when the lock is on.
    Backup,
    /// The notebook as a plain backup even with the lock on, because the user asked.
    PlainBackup,
    /// This tab's edit that a newer save from another tab replaced.
    UnsavedEdit,
    /// The safety copy from the last restore.
    SafetyCopy,
    /// A set-aside copy of data that could not be opened, by its key.
    SetAside(String),
    /// The stored text this build can't open, as it is right now (read-only banner).
    Unreadable,
}

/// What the store knows that a download may need: the notebook on screen, a stale
/// tab's lost edit, the unreadable text the read-only banner holds.
pub(crate) struct OnScreen<'a> {
    pub(crate) data: &'a AppData,
    pub(crate) lost: Option<&'a AppData>,
    pub(crate) unreadable: Option<&'a str>,
}

/// A download being encrypted: it ends in the file's name and text.
pub(crate) type Sealing = Pin<Box<dyn Future<Output = Result<(String, String), DownloadError>>>>;

/// A download ready to hand to the browser, or still being encrypted.
pub(crate) enum Prepared {
    Ready { name: String, text: String },
    Sealing(Sealing),
}

/// An encrypted file waiting for its passphrase. Opaque outside storage.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct LockedFile(Sealed);

/// What a chosen backup file turned out to be.
pub(crate) enum FileRead {
    Preview(Box<Preview>),
    /// Encrypted: it needs its passphrase (see [`Persistence::open_locked_file`]).
    Locked(LockedFile),
}

/// A copy of unreadable data set aside, as the settings page lists it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SetAside {
    pub(crate) key: String,
    /// When it was set aside, as stored in its key.
    pub(crate) label: String,
}

/// What a download holds before any encryption.
enum Content {
    /// A notebook's data JSON: written as a backup file.
    Notebook(String),
    /// A stored copy's text: handed over exactly as it is, whatever it holds.
    Stored(String),
}

fn file_name(base: &str, encrypted: bool) -> String {
    // ISO 8601, as `NaiveDate` displays itself (no format string: see `format_time`).
    let day = crate::browser::today();
    let lock = if encrypted { "-encrypted" } else { "" };
    format!("knockback-{base}-{day}{lock}.json")
}

impl Persistence {
    /// Prepares `what` for download. Nothing is written to storage.
    pub(crate) fn prepare(
        &self,
        what: &Offer,
        on: OnScreen<'_>,
    ) -> Result<Prepared, DownloadError> {
        let key = match what {
            Offer::PlainBackup => None,
            _ => self.0.borrow().key.clone(),
        };
        let (base, content) = self.content_of(what, on)?;
        Ok(match (content, key) {
            (Content::Notebook(json), key) => {
                let plain = envelope::backup(&json, Utc::now());
                backup::check_restorable(&plain).map_err(DownloadError::Unrestorable)?;
                match key {
                    None => Prepared::Ready {
                        name: file_name(base, false),
                        text: plain,
                    },
                    // A backup seals the data alone, as the notebook itself is sealed.
                    Some(key) => sealing(base, async move {
                        let s = crypto::seal(&key, &json, Holds::Data).await?;
                        sealed::wrap(&s, 0, Utc::now())
                    }),
                }
            }
            // Already ciphertext (a sealed copy): handed over exactly as it is.
            (Content::Stored(text), _) if sealed::is_sealed(&text) => Prepared::Ready {
                name: file_name(base, true),
                text,
            },
            (Content::Stored(text), None) => Prepared::Ready {
                name: file_name(base, false),
                text,
            },
            (Content::Stored(text), Some(key)) => sealing(base, seal_copy(key, text)),
        })
    }

    /// The file's name stem and what it holds, in plain.
    fn content_of(
        &self,
        what: &Offer,
        on: OnScreen<'_>,
    ) -> Result<(&'static str, Content), DownloadError> {
        let stored = |key: &str, gone: DownloadError| local::read_raw(key).ok_or(gone);
        Ok(match what {
            Offer::Backup | Offer::PlainBackup => (
                "backup",
                Content::Notebook(self.encode(on.data).map_err(DownloadError::Encode)?),
            ),
            Offer::UnsavedEdit => {
                let lost = on.lost.ok_or(DownloadError::NoUnsavedEdit)?;
                let json = encoder::encode_data(lost).map_err(DownloadError::Encode)?;
                ("unsaved-edit", Content::Notebook(json))
            }
            Offer::SafetyCopy => (
                "safety-copy",
                Content::Stored(stored(local::SAFETY_KEY, DownloadError::NoSafetyCopy)?),
            ),
            Offer::SetAside(k) => (
                "set-aside-copy",
                Content::Stored(stored(k, DownloadError::CopyGone)?),
            ),
            Offer::Unreadable => match on.unreadable {
                Some(raw) => ("unreadable-data", Content::Stored(raw.to_owned())),
                None => (
                    "unreadable-data",
                    Content::Stored(stored(local::DATA_KEY, DownloadError::NothingStored)?),
                ),
            },
        })
    }

    /// Reads a chosen file: a preview, or a request for its passphrase. Nothing changes.
    pub(crate) fn read_file(&self, text: &str) -> Result<FileRead, FileError> {
        if let Some((s, _)) = sealed::peek(text) {
            return Ok(FileRead::Locked(LockedFile(s)));
        }
        backup::read(text).map(|p| FileRead::Preview(Box::new(p)))
    }

    /// Opens an encrypted file with its passphrase into a preview: decrypt, read, check,
    /// in one call. Nothing changes.
    pub(crate) async fn open_locked_file(
        &self,
        file: LockedFile,
        passphrase: &str,
    ) -> Result<Preview, FileError> {
        let LockedFile(file) = file;
        let (text, _) = crypto::open(passphrase, &file)
            .await
            .map_err(FileError::Lock)?;
        backup::read_opened(&text, file.holds)
    }

    /// Refuses a file too large to be a backup before it is read.
    pub(crate) fn check_file_size(&self, bytes: f64) -> Result<(), FileError> {
        backup::check_size(bytes)
    }

    /// The notebook after "Replace" with `file` (see `backup::replaced`).
    pub(crate) fn replaced(&self, current: &Meta, file: &Preview) -> AppData {
        backup::replaced(current, file)
    }

    /// The notebook after "Merge" with `file`, and what the merge did.
    pub(crate) fn merged(&self, current: &AppData, file: &Preview) -> (AppData, MergeReport) {
        backup::merge(current, &file.data)
    }

    /// Keeps `current` as the safety copy (sealed when the lock is on), replacing the
    /// previous one, before a restore changes anything.
    pub(crate) async fn write_safety_copy(&self, current: &AppData) -> Result<(), RestoreError> {
        let (revision, key) = {
            let inner = self.0.borrow();
            (inner.revision, inner.key.clone())
        };
        let json = self.encode(current).map_err(RestoreError::CopyCurrent)?;
        let text = envelope::wrap(&json, revision, Utc::now());
        copies::write_safety(key.as_ref(), &text)
            .await
            .map_err(|e| match e {
                SaveError::Quota => RestoreError::NoRoomForSafetyCopy,
                other => RestoreError::SafetyCopy(other),
            })
    }

    /// Reads the safety copy back (opening it with the lock's key if sealed).
    pub(crate) async fn read_safety_copy(&self) -> Result<Preview, RestoreError> {
        let raw = local::read_raw(local::SAFETY_KEY).ok_or(RestoreError::NoSafetyCopy)?;
        let Some((s, _)) = sealed::peek(&raw) else {
            return backup::read(&raw).map_err(RestoreError::File);
        };
        let key = self.0.borrow().key.clone();
        let key = key.ok_or(RestoreError::SafetyCopyLockedElsewhere)?;
        let text = crypto::open_with(&key, &s)
            .await
            .map_err(|_| RestoreError::SafetyCopyLockedElsewhere)?;
        backup::read_opened(&text, s.holds).map_err(RestoreError::File)
    }

    /// True when a safety copy is kept.
    pub(crate) fn has_safety_copy(&self) -> bool {
        local::read_raw(local::SAFETY_KEY).is_some()
    }

    /// The set-aside copies of unreadable data, oldest first.
    pub(crate) fn set_aside_copies(&self) -> Vec<SetAside> {
        local::quarantine_keys()
            .into_iter()
            .map(|key| SetAside {
                label: key.trim_start_matches(local::QUARANTINE_PREFIX).to_owned(),
                key,
            })
            .collect()
    }

    /// Characters this site's storage uses, and what browsers are sure to give it.
    pub(crate) fn storage_use(&self) -> (usize, usize) {
        (local::used_chars(), local::CAPACITY_CHARS)
    }
}

/// A download still being encrypted, named `base`.
fn sealing(
    base: &'static str,
    seal: impl Future<Output = Result<String, crate::error::LockError>> + 'static,
) -> Prepared {
    Prepared::Sealing(Box::pin(async move {
        let text = seal.await.map_err(DownloadError::Encrypt)?;
        Ok((file_name(base, true), text))
    }))
}

async fn seal_copy(key: SealKey, text: String) -> Result<String, crate::error::LockError> {
    copies::seal_text(&key, &text).await
}

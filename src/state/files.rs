//! Files in and out: every download the app offers of the notebook or its copies, and
//! every restore. Two promises hold here for all of them:
//! - with the lock on, what is downloaded is encrypted, unless the user asked for plain;
//! - every file offered is checked to restore before it is written, so a broken file is
//!   never handed to the user (an error is shown instead).

use leptos::prelude::*;

use super::{Health, Store};
use crate::model::AppData;
use crate::storage::backup;
/// A backup file read and checked, shown before the user chooses Replace or Merge.
pub(crate) use crate::storage::backup::Preview;
use crate::storage::copies;
use crate::storage::crypto;
use crate::storage::local::{self, SaveError};
use crate::storage::sealed::{self, Holds, Sealed};
use crate::storage::{encoder, envelope};

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

/// What a download holds before any encryption.
enum Content {
    /// A notebook's data JSON: written as a backup file.
    Notebook(String),
    /// A stored copy's text: handed over exactly as it is, whatever it holds.
    Stored(String),
}

fn encrypt_failed(e: String) -> String {
    format!("Nothing was downloaded: it could not be encrypted ({e}).")
}

/// An encrypted file waiting for its passphrase. Opaque to the views.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct LockedFile(Sealed);

/// What a chosen backup file turned out to be.
pub(crate) enum FileRead {
    Preview(Box<Preview>),
    /// Encrypted: it needs its passphrase (see [`Store::open_locked_file`]).
    Locked(LockedFile),
}

/// A copy of unreadable data set aside, as the settings page lists it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct SetAside {
    pub(crate) key: String,
    /// When it was set aside, as stored in its key.
    pub(crate) label: String,
}

fn file_name(base: &str, encrypted: bool) -> String {
    let day = crate::browser::today().format("%Y-%m-%d");
    if encrypted {
        format!("knockback-{base}-{day}-encrypted.json")
    } else {
        format!("knockback-{base}-{day}.json")
    }
}

impl Store {
    /// Downloads `what`. `done` hears the file's name, or why nothing was written.
    pub(crate) fn offer(&self, what: Offer, done: impl FnOnce(Result<String, String>) + 'static) {
        let key = match what {
            Offer::PlainBackup => None,
            _ => self.key.get_value(),
        };
        let (base, content) = match self.content_of(&what) {
            Ok(found) => found,
            Err(e) => return done(Err(format!("Nothing was downloaded: {e}"))),
        };
        let store = *self;
        let backed_up = matches!(what, Offer::Backup | Offer::PlainBackup);
        let finish = move |encrypted: bool, text: String| {
            let name = file_name(base, encrypted);
            crate::browser::download(&name, "application/json", &text)
                .map(|()| {
                    if backed_up {
                        store.mark_backed_up();
                    }
                    name
                })
                .map_err(|e| format!("Nothing was downloaded: {e}"))
        };
        match (content, key) {
            (Content::Notebook(json), key) => {
                let plain = envelope::backup(&json, chrono::Utc::now());
                if let Err(e) = backup::check_restorable(&plain) {
                    return done(Err(format!(
                        "Nothing was downloaded: the file came out unreadable ({e}). Your notebook itself is unchanged."
                    )));
                }
                let Some(key) = key else {
                    return done(finish(false, plain));
                };
                // A backup seals the data alone, as the notebook itself is sealed.
                wasm_bindgen_futures::spawn_local(async move {
                    let sealed = match crypto::seal(&key, &json, Holds::Data).await {
                        Ok(s) => sealed::wrap(&s, 0, chrono::Utc::now()),
                        Err(e) => Err(e),
                    };
                    done(sealed.map_err(encrypt_failed).and_then(|s| finish(true, s)));
                });
            }
            // Already ciphertext (a sealed copy): handed over exactly as it is.
            (Content::Stored(text), _) if sealed::is_sealed(&text) => done(finish(true, text)),
            (Content::Stored(text), None) => done(finish(false, text)),
            (Content::Stored(text), Some(key)) => {
                wasm_bindgen_futures::spawn_local(async move {
                    let sealed = copies::seal_text(&key, &text).await;
                    done(sealed.map_err(encrypt_failed).and_then(|s| finish(true, s)));
                });
            }
        }
    }

    /// The file's name stem and what it holds, in plain.
    fn content_of(&self, what: &Offer) -> Result<(&'static str, Content), String> {
        let stored = |key: &str, gone: &str| local::read_raw(key).ok_or_else(|| gone.to_owned());
        Ok(match what {
            Offer::Backup | Offer::PlainBackup => ("backup", Content::Notebook(self.encode()?)),
            Offer::UnsavedEdit => match self.health.get_untracked() {
                Health::Superseded { lost } => (
                    "unsaved-edit",
                    Content::Notebook(encoder::encode_data(&lost)?),
                ),
                _ => return Err("there is no unsaved edit any more".into()),
            },
            Offer::SafetyCopy => (
                "safety-copy",
                Content::Stored(stored(
                    local::SAFETY_KEY,
                    "there is no safety copy any more",
                )?),
            ),
            Offer::SetAside(k) => (
                "set-aside-copy",
                Content::Stored(stored(k, "that copy is gone")?),
            ),
            Offer::Unreadable => match self.health.get_untracked() {
                Health::ReadOnly { raw, .. } => ("unreadable-data", Content::Stored(raw)),
                _ => (
                    "unreadable-data",
                    Content::Stored(stored(local::DATA_KEY, "nothing is stored")?),
                ),
            },
        })
    }

    /// Reads a chosen file: a preview, or a request for its passphrase. Nothing changes.
    pub(crate) fn read_file(&self, text: &str) -> Result<FileRead, String> {
        if let Some((s, _)) = sealed::peek(text) {
            return Ok(FileRead::Locked(LockedFile(s)));
        }
        backup::read(text).map(|p| FileRead::Preview(Box::new(p)))
    }

    /// Opens an encrypted file with its passphrase, into a preview. Nothing changes.
    pub(crate) fn open_locked_file(
        &self,
        file: LockedFile,
        passphrase: String,
        done: impl FnOnce(Result<Preview, String>) + 'static,
    ) {
        let LockedFile(file) = file;
        wasm_bindgen_futures::spawn_local(async move {
            done(
                crypto::open(&passphrase, &file)
                    .await
                    .and_then(|(text, _)| backup::read_opened(&text, file.holds)),
            );
        });
    }

    /// Refuses a file too large to be a backup before it is read.
    pub(crate) fn check_file_size(&self, bytes: f64) -> Result<(), String> {
        backup::check_size(bytes)
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

    /// True when a safety copy is kept.
    pub(crate) fn has_safety_copy(&self) -> bool {
        local::read_raw(local::SAFETY_KEY).is_some()
    }

    /// Replaces the data with `file`'s (a restore's "Replace").
    pub(crate) fn replace_with(
        &self,
        file: &Preview,
        done: impl FnOnce(Result<(), String>) + 'static,
    ) {
        let data = self
            .data
            .with_untracked(|d| backup::replaced(&d.meta, file));
        self.apply_restore(data, done);
    }

    /// Merges `file` into the data; `done` hears the report's message.
    pub(crate) fn merge_with(
        &self,
        file: &Preview,
        done: impl FnOnce(Result<String, String>) + 'static,
    ) {
        let (merged, report) = self.data.with_untracked(|d| backup::merge(d, &file.data));
        self.apply_restore(merged, move |r| done(r.map(|()| report.message())));
    }

    /// Puts the safety copy back; what was there becomes the safety copy.
    pub(crate) fn restore_safety_copy(&self, done: impl FnOnce(Result<(), String>) + 'static) {
        let Some(raw) = local::read_raw(local::SAFETY_KEY) else {
            return done(Err("There is no safety copy any more.".into()));
        };
        let store = *self;
        let key = self.key.get_value();
        wasm_bindgen_futures::spawn_local(async move {
            let read = match (sealed::peek(&raw), key) {
                (None, _) => backup::read(&raw),
                (Some((s, _)), Some(key)) => match crypto::open_with(&key, &s).await {
                    Ok(text) => backup::read_opened(&text, s.holds),
                    Err(_) => Err(LOCKED_ELSEWHERE.into()),
                },
                (Some(_), None) => Err(LOCKED_ELSEWHERE.into()),
            };
            match read {
                Ok(p) => {
                    let data = store.data.with_untracked(|d| backup::replaced(&d.meta, &p));
                    store.apply_restore(data, done);
                }
                Err(e) => done(Err(e)),
            }
        });
    }

    /// Replaces the data with `new` (a restore), all or nothing: the current data is first
    /// kept as the safety copy (sealed when the lock is on), then the new data is written
    /// at once. If either write fails, nothing changes.
    fn apply_restore(&self, new: AppData, done: impl FnOnce(Result<(), String>) + 'static) {
        if !matches!(self.health.get_untracked(), Health::Ok) {
            return done(Err("Saving isn't working right now (see the message at the top), so nothing was restored.".into()));
        }
        self.flush();
        let current = match self.export_json() {
            Ok(text) => text,
            Err(e) => {
                return done(Err(format!(
                    "Your current notebook could not be copied ({e}), so nothing was restored."
                )))
            }
        };
        let store = *self;
        let key = self.key.get_value();
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(e) = copies::write_safety(key.as_ref(), &current).await {
                return done(Err(match e {
                    SaveError::Quota => "There isn't enough storage space to keep a safety copy, so nothing was restored. Download a backup, free some space, then try again.".to_owned(),
                    SaveError::Other(why) => format!("The safety copy could not be written ({why}), so nothing was restored."),
                    SaveError::Verify | SaveError::Stale => "The safety copy could not be written, so nothing was restored.".to_owned(),
                }));
            }
            let old = store.data.get_untracked();
            store.data.set(new);
            store.save_now();
            match store.health.get_untracked() {
                Health::Ok => done(Ok(())),
                failed => {
                    // Roll back: the old data is still what is stored.
                    store.data.set(old);
                    store.health.set(Health::Ok);
                    done(Err(match failed {
                        Health::SaveFailed(SaveError::Quota) => {
                            "This backup is bigger than this browser's storage can hold, so nothing was changed.".to_owned()
                        }
                        _ => "The restored data could not be saved, so nothing was changed.".to_owned(),
                    }))
                }
            }
        });
    }
}

const LOCKED_ELSEWHERE: &str = "This safety copy is encrypted with a passphrase this notebook no longer uses. Download it, then restore it with that passphrase.";

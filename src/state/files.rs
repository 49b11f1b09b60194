//! Files in and out, as the views use them: downloads (encrypted under the lock, checked
//! to restore) and restores (Replace, Merge, the safety copy), all or nothing.

use leptos::prelude::*;

use super::{Health, Store};
use crate::error::{DownloadError, FileError, RestoreError, SaveError};
use crate::model::AppData;
use crate::storage::persistence::{
    FileRead, LockedFile, Offer, OnScreen, Prepared, Preview, SetAside,
};

impl Store {
    /// Downloads `what`. `done` hears the file's name, or why nothing was written.
    pub(crate) fn offer(
        &self,
        what: Offer,
        done: impl FnOnce(Result<String, DownloadError>) + 'static,
    ) {
        let health = self.health.get_untracked();
        let (lost, unreadable) = match &health {
            Health::Superseded { lost } => (Some(lost.as_ref()), None),
            Health::ReadOnly { raw, .. } => (None, Some(raw.as_str())),
            _ => (None, None),
        };
        let prepared = self.whole(|data| {
            self.persistence().prepare(
                &what,
                OnScreen {
                    data,
                    lost,
                    unreadable,
                },
            )
        });
        let store = *self;
        let backed_up = matches!(what, Offer::Backup | Offer::PlainBackup);
        let finish = move |name: String, text: String| {
            crate::browser::download(&name, "application/json", &text)
                .map_err(DownloadError::Browser)?;
            if backed_up {
                store.mark_backed_up();
            }
            Ok(name)
        };
        match prepared {
            Err(e) => done(Err(e)),
            Ok(Prepared::Ready { name, text }) => done(finish(name, text)),
            Ok(Prepared::Sealing(sealing)) => {
                wasm_bindgen_futures::spawn_local(async move {
                    done(sealing.await.and_then(|(name, text)| finish(name, text)));
                });
            }
        }
    }

    /// Reads a chosen file: a preview, or a request for its passphrase. Nothing changes.
    pub(crate) fn read_file(&self, text: &str) -> Result<FileRead, FileError> {
        self.persistence().read_file(text)
    }

    /// Opens an encrypted file with its passphrase, into a preview. Nothing changes.
    pub(crate) fn open_locked_file(
        &self,
        file: LockedFile,
        passphrase: String,
        done: impl FnOnce(Result<Preview, FileError>) + 'static,
    ) {
        let persistence = self.persistence();
        wasm_bindgen_futures::spawn_local(async move {
            done(persistence.open_locked_file(file, &passphrase).await);
        });
    }

    /// Refuses a file too large to be a backup before it is read.
    pub(crate) fn check_file_size(&self, bytes: f64) -> Result<(), FileError> {
        self.persistence().check_file_size(bytes)
    }

    /// The set-aside copies of unreadable data, oldest first.
    pub(crate) fn set_aside_copies(&self) -> Vec<SetAside> {
        self.persistence().set_aside_copies()
    }

    /// Characters this site's storage uses, and what browsers are sure to give it.
    pub(crate) fn storage_use(&self) -> (usize, usize) {
        self.persistence().storage_use()
    }

    /// True when a safety copy is kept.
    pub(crate) fn has_safety_copy(&self) -> bool {
        self.persistence().has_safety_copy()
    }

    /// Replaces the data with `file`'s (a restore's "Replace").
    pub(crate) fn replace_with(
        &self,
        file: &Preview,
        done: impl FnOnce(Result<(), RestoreError>) + 'static,
    ) {
        let data = self
            .data
            .with_untracked(|d| self.persistence().replaced(&d.meta, file));
        self.apply_restore(data, done);
    }

    /// Merges `file` into the data; `done` hears the report's message.
    pub(crate) fn merge_with(
        &self,
        file: &Preview,
        done: impl FnOnce(Result<String, RestoreError>) + 'static,
    ) {
        let (merged, report) = self
            .data
            .with_untracked(|d| self.persistence().merged(d, file));
        self.apply_restore(merged, move |r| done(r.map(|()| report.message())));
    }

    /// Puts the safety copy back; what was there becomes the safety copy.
    pub(crate) fn restore_safety_copy(
        &self,
        done: impl FnOnce(Result<(), RestoreError>) + 'static,
    ) {
        let store = *self;
        let persistence = self.persistence();
        wasm_bindgen_futures::spawn_local(async move {
            match persistence.read_safety_copy().await {
                Ok(p) => {
                    let data = store
                        .data
                        .with_untracked(|d| persistence.replaced(&d.meta, &p));
                    store.apply_restore(data, done);
                }
                Err(e) => done(Err(e)),
            }
        });
    }

    /// Replaces the data with `new` (a restore), all or nothing: the current data is first
    /// kept as the safety copy (sealed when the lock is on), then the new data is written
    /// at once. If either write fails, nothing changes.
    fn apply_restore(&self, new: AppData, done: impl FnOnce(Result<(), RestoreError>) + 'static) {
        if !self.health.with_untracked(|h| matches!(h, Health::Ok)) {
            return done(Err(RestoreError::NotSaving));
        }
        self.flush();
        let current = self.data.get_untracked();
        let store = *self;
        let persistence = self.persistence();
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(e) = persistence.write_safety_copy(&current).await {
                return done(Err(e));
            }
            store.data.set(new);
            store.save_now();
            match store.health.get_untracked() {
                Health::Ok => done(Ok(())),
                failed => {
                    // Roll back: the old data is still what is stored.
                    store.data.set(current);
                    store.health.set(Health::Ok);
                    done(Err(match failed {
                        Health::SaveFailed(SaveError::Quota) => RestoreError::TooBig,
                        _ => RestoreError::NotSaved,
                    }))
                }
            }
        });
    }
}

//! The passphrase lock, as the views use it: each call runs the persistence side (see
//! `storage::persistence`) and shows what happened, in words for the lock panel.

use leptos::prelude::*;

use super::{Health, Store};
use crate::error::{CopyError, LockError};
use crate::model::wording::count;
use crate::storage::copies::CopiesReport;

/// What the lock panel says after sealing or opening the copies.
fn copies_line(report: &CopiesReport, done: &str) -> String {
    let mut line = String::new();
    if report.changed > 0 {
        line = format!(
            "{} {done}.",
            count(
                report.changed,
                "copy kept beside it was",
                "copies kept beside it were"
            )
        );
    }
    if !report.failed.is_empty() {
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(&format!(
            "{} could not be changed (the browser's storage may be full); see below.",
            count(report.failed.len(), "copy", "copies")
        ));
    }
    line
}

/// `first`, then the copies line if there is one.
fn with_copies(first: &str, report: &CopiesReport, done: &str) -> String {
    format!("{first} {}", copies_line(report, done))
        .trim_end()
        .to_owned()
}

impl Store {
    /// Opens the locked notebook with `passphrase`. `done` hears the outcome.
    pub(crate) fn unlock(
        &self,
        passphrase: String,
        done: impl FnOnce(Result<(), LockError>) + 'static,
    ) {
        let Health::AwaitingPassphrase(notebook) = self.health.get_untracked() else {
            return done(Ok(()));
        };
        let store = *self;
        let persistence = self.persistence();
        wasm_bindgen_futures::spawn_local(async move {
            match persistence.unlock(notebook, &passphrase).await {
                Ok((data, report)) => {
                    store.lock_on.set(true);
                    store.data.set(data);
                    store.health.set(Health::Ok);
                    done(Ok(()));
                    if report.changed > 0 || !report.failed.is_empty() {
                        store
                            .notice
                            .set(Some(copies_line(&report, "now encrypted too")));
                    }
                }
                Err(e) => done(Err(e)),
            }
        });
    }

    /// Turns the passphrase lock on: from now on every save is encrypted, and so is
    /// every copy kept beside the notebook. `done` hears what to tell the user.
    pub(crate) fn enable_lock(
        &self,
        passphrase: String,
        done: impl FnOnce(Result<String, LockError>) + 'static,
    ) {
        let store = *self;
        let persistence = self.persistence();
        wasm_bindgen_futures::spawn_local(async move {
            match persistence.enable_lock(&passphrase).await {
                Ok(report) => {
                    store.lock_on.set(true);
                    store.save_now();
                    done(Ok(with_copies(
                        "Locked. Your notebook is now stored encrypted.",
                        &report,
                        "encrypted too",
                    )));
                }
                Err(e) => done(Err(e)),
            }
        });
    }

    /// Turns the lock off: the notebook and its copies are stored in plain text again.
    pub(crate) fn disable_lock(&self, done: impl FnOnce(String) + 'static) {
        let store = *self;
        let persistence = self.persistence();
        wasm_bindgen_futures::spawn_local(async move {
            let Some(report) = persistence.disable_lock().await else {
                return done("The lock is already off.".into());
            };
            store.lock_on.set(false);
            store.save_now();
            done(with_copies(
                "The lock is off. Your notebook is stored in plain text again.",
                &report,
                "readable again too",
            ));
        });
    }

    /// Changes the passphrase (the current one first); the notebook and every copy are
    /// sealed again under the new one.
    pub(crate) fn change_passphrase(
        &self,
        current: String,
        new: String,
        done: impl FnOnce(Result<String, LockError>) + 'static,
    ) {
        let store = *self;
        let persistence = self.persistence();
        wasm_bindgen_futures::spawn_local(async move {
            match persistence.change_passphrase(&current, &new).await {
                Ok(report) => {
                    store.save_now();
                    done(Ok(with_copies(
                        "Passphrase changed. Use the new one from now on.",
                        &report,
                        "re-encrypted too",
                    )));
                }
                Err(e) => done(Err(e)),
            }
        });
    }

    /// Copies still readable while the lock is on.
    pub(crate) fn readable_copies(&self) -> Vec<String> {
        self.persistence().readable_copies()
    }

    /// Deletes the copies the lock could not cover, after the user asked to.
    pub(crate) fn delete_readable_copies(&self) -> Result<usize, CopyError> {
        self.persistence().delete_readable_copies()
    }

    /// Tries again to seal copies left readable (after freeing space, say).
    pub(crate) fn seal_readable_copies(&self, done: impl FnOnce(String) + 'static) {
        let persistence = self.persistence();
        wasm_bindgen_futures::spawn_local(async move {
            let report = persistence.seal_readable_copies().await;
            done(copies_line(&report, "now encrypted"));
        });
    }
}

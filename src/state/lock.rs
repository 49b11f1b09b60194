//! The passphrase lock, seen from the store: opening a locked notebook, turning the lock
//! on and off, and changing the passphrase. Each covers every copy the app keeps (see
//! `storage::copies`), so no readable copy of the notebook is left behind.

use leptos::prelude::*;

use super::{Health, Store};
use crate::model::wording::count;
use crate::storage::copies::{self, CopiesReport};
use crate::storage::crypto;
use crate::storage::local;
use crate::storage::sealed;

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

impl Store {
    /// Opens locked data with `passphrase`. `done` hears the outcome. Any copy an older
    /// version left readable beside the locked notebook is sealed straight away.
    pub(crate) fn unlock(
        &self,
        passphrase: String,
        done: impl FnOnce(Result<(), String>) + 'static,
    ) {
        let Health::AwaitingPassphrase { sealed, revision } = self.health.get_untracked() else {
            return done(Ok(()));
        };
        let store = *self;
        wasm_bindgen_futures::spawn_local(async move {
            let opened = match crypto::open(&passphrase, &sealed).await {
                Ok((text, key)) => {
                    match crate::storage::envelope::decode(&crate::storage::envelope::wrap(
                        &text,
                        revision,
                        chrono::Utc::now(),
                    )) {
                        Ok(d) => Ok((d, key)),
                        Err(e) => Err(format!(
                            "The passphrase is right, but the data inside is damaged: {e}"
                        )),
                    }
                }
                Err(e) => Err(e),
            };
            let (d, key) = match opened {
                Ok(ok) => ok,
                Err(e) => return done(Err(e)),
            };
            store.key.set_value(Some(key.clone()));
            store.lock_on.set(true);
            store.revision.set_value(revision);
            // What was just opened is what is stored: nothing to write.
            let packed = store.packed_of(&d.data).ok().map(|p| p.signature);
            store.last_saved.set_value(packed);
            store.data.set(d.data);
            store.health.set(Health::Ok);
            done(Ok(()));
            let report = copies::seal_all(&key).await;
            if report.changed > 0 || !report.failed.is_empty() {
                store
                    .notice
                    .set(Some(copies_line(&report, "now encrypted too")));
            }
        });
    }

    /// Turns the passphrase lock on: from now on every save is encrypted, and so is
    /// every copy kept beside the notebook. `done` hears what to tell the user.
    pub(crate) fn enable_lock(
        &self,
        passphrase: String,
        done: impl FnOnce(Result<String, String>) + 'static,
    ) {
        let store = *self;
        wasm_bindgen_futures::spawn_local(async move {
            let key = match crypto::new_key(&passphrase).await {
                Ok(key) => key,
                Err(e) => return done(Err(e)),
            };
            store.key.set_value(Some(key.clone()));
            store.lock_on.set(true);
            store.last_saved.set_value(None);
            store.save_now();
            let report = copies::seal_all(&key).await;
            done(Ok(format!(
                "Locked. Your notebook is now stored encrypted. {}",
                copies_line(&report, "encrypted too")
            )
            .trim_end()
            .to_owned()));
        });
    }

    /// Turns the lock off: the notebook and its copies are stored in plain text again.
    pub(crate) fn disable_lock(&self, done: impl FnOnce(String) + 'static) {
        let Some(key) = self.key.get_value() else {
            return done("The lock is already off.".into());
        };
        self.key.set_value(None);
        self.lock_on.set(false);
        self.last_saved.set_value(None);
        self.save_now();
        wasm_bindgen_futures::spawn_local(async move {
            let report = copies::open_all(&key).await;
            done(
                format!(
                    "The lock is off. Your notebook is stored in plain text again. {}",
                    copies_line(&report, "readable again too")
                )
                .trim_end()
                .to_owned(),
            );
        });
    }

    /// Changes the passphrase: `current` must open the stored notebook; then the
    /// notebook and every copy are sealed again under `new`, so the old passphrase
    /// opens nothing.
    pub(crate) fn change_passphrase(
        &self,
        current: String,
        new: String,
        done: impl FnOnce(Result<String, String>) + 'static,
    ) {
        let Some(old) = self.key.get_value() else {
            return done(Err("Turn the lock on first.".into()));
        };
        let stored = local::read_raw(local::DATA_KEY).and_then(|raw| sealed::peek(&raw));
        let store = *self;
        wasm_bindgen_futures::spawn_local(async move {
            let Some((stored, _)) = stored else {
                return done(Err(
                    "The locked notebook couldn't be read, so the passphrase was not changed."
                        .into(),
                ));
            };
            if crypto::open(&current, &stored).await.is_err() {
                return done(Err(
                    "That isn't your current passphrase, so nothing was changed.".into(),
                ));
            }
            let key = match crypto::new_key(&new).await {
                Ok(key) => key,
                Err(e) => return done(Err(e)),
            };
            store.key.set_value(Some(key.clone()));
            store.last_saved.set_value(None);
            store.save_now();
            let report = copies::reseal_all(&old, &key).await;
            done(Ok(format!(
                "Passphrase changed. Use the new one from now on. {}",
                copies_line(&report, "re-encrypted too")
            )
            .trim_end()
            .to_owned()));
        });
    }

    /// Copies still readable while the lock is on (see `copies::readable`); empty when
    /// the lock is off, where everything is readable by choice.
    pub(crate) fn readable_copies(&self) -> Vec<String> {
        if self.key.with_value(Option::is_none) {
            return Vec::new();
        }
        copies::readable()
    }

    /// Deletes the copies the lock could not cover, after the user asked to.
    pub(crate) fn delete_readable_copies(&self) -> Result<usize, String> {
        let keys = self.readable_copies();
        for key in &keys {
            local::remove_copy(key)?;
        }
        Ok(keys.len())
    }

    /// Tries again to seal copies left readable (after freeing space, say).
    pub(crate) fn seal_readable_copies(&self, done: impl FnOnce(String) + 'static) {
        let Some(key) = self.key.get_value() else {
            return done(String::new());
        };
        wasm_bindgen_futures::spawn_local(async move {
            let report = copies::seal_all(&key).await;
            done(copies_line(&report, "now encrypted"));
        });
    }
}

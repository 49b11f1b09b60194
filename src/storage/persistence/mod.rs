//! Keeping the notebook in this browser, behind one door.
//!
//! [`Persistence`] owns everything about the stored notebook that is not the data
//! itself: the revision it last saw, the signature of the last write (so an unchanged
//! notebook is never written again), the caching encoder, the passphrase lock's key, and
//! whether an encrypted save is in flight. It is not reactive: the store in `src/state/`
//! holds the signals and calls in here for every side effect, and views never see it.
//!
//! The lock lives in `lock`, downloads and restores in `files`.

mod files;
mod lock;

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use chrono::Utc;
use wasm_bindgen::JsValue;

pub(crate) use files::{FileRead, LockedFile, Offer, OnScreen, Prepared, Preview, SetAside};

use super::crypto::{self, SealKey};
use super::encoder::{Encoder, Packed, Signature};
use super::envelope::{self, DecodeError};
use super::local::{self, Boot, Newer};
use super::sealed::{self, Holds, Sealed};
use crate::error::{EncodeError, SaveError};
use crate::model::AppData;

/// A locked notebook this tab has not opened yet. Opaque outside storage.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct LockedNotebook {
    sealed: Sealed,
    revision: u64,
}

/// What was found at start-up.
pub(crate) enum Opened {
    /// Nothing stored yet: a first visit.
    Fresh,
    Loaded {
        data: AppData,
        /// Set when the data was upgraded from an older schema on the way in.
        migrated_from: Option<u32>,
    },
    /// Stored text this build can't open. It is left in place and copied aside to
    /// `quarantine_key`; nothing may be written until the user decides.
    Unreadable {
        raw: String,
        error: DecodeError,
        quarantine_key: Option<String>,
    },
    /// The browser refuses localStorage (its own words).
    Unavailable(String),
    Locked(LockedNotebook),
}

/// What one call to [`Persistence::save`] did.
pub(crate) enum SaveStep {
    /// Nothing changed since the last write.
    Unchanged,
    Done(Result<(), SaveError>),
    /// Encrypting (asynchronous): the outcome comes from the future.
    Sealing(Pin<Box<dyn Future<Output = Result<(), SaveError>>>>),
    /// An encrypted save is running; [`Persistence::take_again`] says to save after it.
    Queued,
}

/// What another tab saved, as this tab can take it in.
pub(crate) enum NewerStep {
    Plain(AppData),
    /// Locked with the key this tab holds: opening is asynchronous. `Err` means it no
    /// longer opens with that key (the passphrase changed in the other tab).
    Opening(Pin<Box<dyn Future<Output = Result<AppData, LockedNotebook>>>>),
    /// Another tab turned the lock on: this one must ask for the passphrase too.
    Locked(LockedNotebook),
    /// Something this build can't read: stop writing rather than overwrite it.
    Unreadable {
        error: DecodeError,
        raw: String,
    },
}

struct Inner {
    revision: u64,
    /// What the last write held: a save with the same signature is skipped. `None`
    /// after loading, so start-up never serialises the whole notebook.
    last_saved: Option<Signature>,
    /// Serialises the data, reusing the text of unchanged records; its packed pieces
    /// are JS strings, so unchanged records never cross into JS again.
    encoder: Encoder<JsValue>,
    /// The passphrase lock's key while the lock is on and open; `None` when it is off.
    key: Option<SealKey>,
    /// An encrypted save is running / another is wanted after it.
    sealing: bool,
    again: bool,
}

/// See the module's doc. Cheap to clone (shared): async work holds a clone.
#[derive(Clone)]
pub(crate) struct Persistence(Rc<RefCell<Inner>>);

impl Persistence {
    /// Reads what is stored. Never writes the notebook's key.
    pub(crate) fn open() -> (Persistence, Opened) {
        let (revision, opened) = match local::boot() {
            Boot::Fresh => (0, Opened::Fresh),
            Boot::Loaded(d) => (
                d.revision,
                Opened::Loaded {
                    data: d.data,
                    migrated_from: d.migrated_from,
                },
            ),
            Boot::Unreadable {
                raw,
                error,
                quarantine_key,
            } => (
                0,
                Opened::Unreadable {
                    raw,
                    error,
                    quarantine_key,
                },
            ),
            Boot::Unavailable(why) => (0, Opened::Unavailable(why)),
            Boot::Locked { sealed, revision } => (
                revision,
                Opened::Locked(LockedNotebook { sealed, revision }),
            ),
        };
        let inner = Inner {
            revision,
            last_saved: None,
            encoder: Encoder::new(local::js_piece),
            key: None,
            sealing: false,
            again: false,
        };
        (Persistence(Rc::new(RefCell::new(inner))), opened)
    }

    /// True while the lock is on and open here: saves and downloads are encrypted.
    pub(crate) fn lock_on(&self) -> bool {
        self.0.borrow().key.is_some()
    }

    /// The data as JSON (the envelope's `data`), reusing unchanged records' text.
    pub(crate) fn encode(&self, data: &AppData) -> Result<String, EncodeError> {
        self.0.borrow_mut().encoder.encode(data)
    }

    fn packed(&self, data: &AppData) -> Result<Packed<JsValue>, EncodeError> {
        self.0.borrow_mut().encoder.encode_packed(data)
    }

    /// Fills part of the encoder's cache (`budget` records) while the page is idle after
    /// start-up, so the first save after an edit serialises and packs one record, not
    /// the whole notebook. True when there is nothing left to fill (or it failed: the
    /// next save then encodes in full and reports the error).
    pub(crate) fn warm_some(&self, data: &AppData, budget: usize) -> bool {
        self.0
            .borrow_mut()
            .encoder
            .warm_some(data, budget)
            .unwrap_or(true)
    }

    /// Marks `data` as what is stored (just opened or adopted), so it isn't written back.
    fn stored_is(&self, data: &AppData, revision: u64) {
        let signature = self.packed(data).ok().map(|p| p.signature);
        let mut inner = self.0.borrow_mut();
        inner.revision = revision;
        inner.last_saved = signature;
    }

    /// Forgets what the last write held, so the next save writes (the lock changed, or
    /// the user starts over from unreadable data).
    pub(crate) fn forget_last_write(&self) {
        self.0.borrow_mut().last_saved = None;
    }

    /// Writes `data` if it changed since the last write: packed in plain at once, or
    /// encrypted (asynchronously) when the lock is on. Refuses to overwrite a newer save
    /// from another tab, or stored text this build can't read unless `replace_unreadable`
    /// (the user chose to start over and that text is safe under a quarantine key).
    pub(crate) fn save(&self, data: &AppData, replace_unreadable: bool) -> SaveStep {
        let packed = match self.packed(data) {
            Ok(p) => p,
            Err(e) => return SaveStep::Done(Err(SaveError::Encode(e))),
        };
        let (base, key) = {
            let inner = self.0.borrow();
            if inner.last_saved.as_ref() == Some(&packed.signature) {
                return SaveStep::Unchanged;
            }
            (inner.revision, inner.key.clone())
        };
        let Some(key) = key else {
            let result = local::save_packed(&packed.pieces, base, replace_unreadable);
            return SaveStep::Done(self.saved(result, packed.signature));
        };
        let json = match self.encode(data) {
            Ok(j) => j,
            Err(e) => return SaveStep::Done(Err(SaveError::Encode(e))),
        };
        {
            // One encrypted save at a time; a change made meanwhile is saved after it.
            let mut inner = self.0.borrow_mut();
            if inner.sealing {
                inner.again = true;
                return SaveStep::Queued;
            }
            inner.sealing = true;
        }
        let this = self.clone();
        SaveStep::Sealing(Box::pin(async move {
            let result = match crypto::seal(&key, &json, Holds::Data).await {
                Ok(s) => local::save_text(base, replace_unreadable, |rev| {
                    sealed::wrap(&s, rev, Utc::now()).map_err(SaveError::Lock)
                }),
                Err(e) => Err(SaveError::Lock(e)),
            };
            this.0.borrow_mut().sealing = false;
            this.saved(result, packed.signature)
        }))
    }

    /// After an encrypted save: true when a change came in meanwhile (save again).
    pub(crate) fn take_again(&self) -> bool {
        std::mem::take(&mut self.0.borrow_mut().again)
    }

    fn saved(&self, result: Result<u64, SaveError>, written: Signature) -> Result<(), SaveError> {
        let revision = result?;
        let mut inner = self.0.borrow_mut();
        inner.revision = revision;
        inner.last_saved = Some(written);
        Ok(())
    }

    /// What another tab saved since this tab last read or wrote, if anything.
    pub(crate) fn newer(&self) -> Option<NewerStep> {
        let (revision, key) = {
            let inner = self.0.borrow();
            (inner.revision, inner.key.clone())
        };
        Some(match local::newer_than(revision)? {
            Newer::Plain(decoded) => {
                // The other tab turned the lock off.
                self.0.borrow_mut().key = None;
                self.stored_is(&decoded.data, decoded.revision);
                NewerStep::Plain(decoded.data)
            }
            Newer::Locked(sealed, revision) => {
                let notebook = LockedNotebook { sealed, revision };
                let Some(key) = key else {
                    return Some(NewerStep::Locked(notebook));
                };
                let this = self.clone();
                NewerStep::Opening(Box::pin(async move {
                    let opened = crypto::open_with(&key, &notebook.sealed).await.ok();
                    match opened.and_then(|text| {
                        envelope::decode(&envelope::wrap(&text, revision, Utc::now())).ok()
                    }) {
                        Some(d) => {
                            this.stored_is(&d.data, revision);
                            Ok(d.data)
                        }
                        None => Err(notebook),
                    }
                }))
            }
            Newer::Unreadable(error) => NewerStep::Unreadable {
                error,
                raw: local::read_raw(local::DATA_KEY).unwrap_or_default(),
            },
        })
    }
}

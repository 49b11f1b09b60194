//! Keeping the notebook in this browser, behind one door.
//!
//! [`Persistence`] owns everything about the stored notebook that is not the data
//! itself: the revision it last saw, the signature of the last write (so an unchanged
//! notebook is never written again), the caching encoder, the passphrase lock's key, and
//! whether an encrypted save is in flight. It is not reactive: the store in `src/state/`
//! holds the signals and calls in here for every side effect, and views never see it.
//!
//! The lock lives in `lock`, downloads and restores in `files`.

mod deferred;
mod files;
mod lock;
mod locked_parts;
mod reading;
mod single_key;

use std::cell::RefCell;
use std::future::Future;
use std::pin::Pin;
use std::rc::Rc;

use chrono::Utc;

pub(crate) use deferred::LoadStep;
pub(crate) use files::{FileRead, LockedFile, Offer, OnScreen, Prepared, Preview, SetAside};

use super::crypto::{self, SealKey};
use super::encoder::Encoder;
use super::envelope::DecodeError;
use super::local::{self, Boot, Later};
use super::parts;
use super::parts::chunks::{Cache, Plan};
use super::parts::commit::Expect;
use super::parts::head::{Body, Head};
use super::sealed::Sealed;
use crate::error::{EncodeError, SaveError};
use crate::model::summary::Summary;
use crate::model::AppData;

/// A locked notebook this tab has not opened yet. Opaque outside storage.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct LockedNotebook {
    /// The sealed manifest (in parts, `save` set) or an older notebook's sealed data.
    sealed: Sealed,
    revision: u64,
    save: Option<String>,
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
    /// The notebook in parts, begun: the dashboard's summary now, the rest through
    /// [`Persistence::load_some`].
    Early(Box<Summary>),
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
    /// The revision and save id this tab last read or wrote.
    revision: u64,
    save: Option<String>,
    /// What the stored parts hold, so a save writes only the parts that changed. Empty
    /// after a first visit, an older notebook, or a change of lock: the next save
    /// writes every part.
    cache: Cache,
    /// This tab's id in the names of the parts it writes.
    tab: String,
    /// Serialises the data for backups, reusing unchanged records' JSON.
    encoder: Encoder,
    /// The passphrase lock's key while the lock is on and open; `None` when it is off.
    key: Option<SealKey>,
    /// An encrypted save is running / another is wanted after it.
    sealing: bool,
    again: bool,
    /// An older notebook too big to move into parts this session (see `single_key`).
    single_key: bool,
    /// An older single-key notebook as it was opened, until it is first written: it has
    /// no parts to compare with, and putting back the very data stored (a failed
    /// restore rolling back) must not count as a change.
    opened_single: Option<AppData>,
    /// The rest of a start-up that painted from the summary, still being read. Nothing
    /// is saved meanwhile: the store finishes reading before it takes an edit.
    later: Option<Later>,
}

/// See the module's doc. Cheap to clone (shared): async work holds a clone.
#[derive(Clone)]
pub(crate) struct Persistence(Rc<RefCell<Inner>>);

impl Persistence {
    /// Reads what is stored. Never writes the notebook's key.
    pub(crate) fn open() -> (Persistence, Opened) {
        let this = Persistence(Rc::new(RefCell::new(Inner {
            revision: 0,
            save: None,
            cache: Cache::default(),
            tab: tab_id(),
            encoder: Encoder::default(),
            key: None,
            sealing: false,
            again: false,
            single_key: false,
            opened_single: None,
            later: None,
        })));
        let opened = match local::boot() {
            Boot::Fresh => Opened::Fresh,
            boot => this.take(boot),
        };
        (this, opened)
    }

    /// True while the lock is on and open here: saves and downloads are encrypted.
    pub(crate) fn lock_on(&self) -> bool {
        self.0.borrow().key.is_some()
    }

    /// The data as JSON (the envelope's `data`), reusing unchanged records' text.
    pub(crate) fn encode(&self, data: &AppData) -> Result<String, EncodeError> {
        self.0.borrow_mut().encoder.encode(data)
    }

    /// Fills part of the encoder's cache (`budget` records) while the page is idle after
    /// start-up, so the first backup serialises only what changed since. True when there is nothing left to fill (or it failed: the
    /// next save then encodes in full and reports the error).
    pub(crate) fn warm_some(&self, data: &AppData, budget: usize) -> bool {
        self.0
            .borrow_mut()
            .encoder
            .warm_some(data, budget)
            .unwrap_or(true)
    }

    /// Records what is stored now (just opened, adopted or written).
    fn stored_is(&self, revision: u64, save: Option<String>, cache: Cache) {
        let mut inner = self.0.borrow_mut();
        inner.opened_single = None;
        // Stored in parts now (by this tab or another): the fallback is over.
        if save.is_some() {
            inner.single_key = false;
        }
        inner.revision = revision;
        inner.save = save;
        inner.cache = cache;
    }

    /// Forgets what the stored parts hold, so the next save writes every part (the lock
    /// changed, or the user starts over from unreadable data).
    pub(crate) fn forget_last_write(&self) {
        let mut inner = self.0.borrow_mut();
        inner.cache = Cache::default();
        inner.opened_single = None;
    }

    /// Writes `data` if it changed since the last write: packed in plain at once, or
    /// encrypted (asynchronously) when the lock is on. Refuses to overwrite a newer save
    /// from another tab, or stored text this build can't read unless `replace_unreadable`
    /// (the user chose to start over and that text is safe under a quarantine key).
    pub(crate) fn save(&self, data: &AppData, replace_unreadable: bool) -> SaveStep {
        let (revision, expect, prefix, save, key) = {
            let inner = self.0.borrow();
            let revision = inner.revision + 1;
            let (save, prefix) = parts::save_id(revision, &inner.tab);
            let expect = Expect {
                revision: inner.revision,
                save: inner.save.clone(),
                replace_unreadable,
            };
            (revision, expect, prefix, save, inner.key.clone())
        };
        let inner = self.0.borrow();
        // Still reading: `data` is not the notebook yet, and must never replace it.
        if inner.later.is_some()
            || inner.opened_single.as_ref() == Some(data) && !replace_unreadable
        {
            return SaveStep::Unchanged;
        }
        drop(inner);
        if self.0.borrow().single_key {
            return self.single_key_step(data, expect, key);
        }
        let summary = Summary::stored(data, crate::browser::today());
        let plan = self.0.borrow().cache.plan(data, summary, &prefix);
        let mut plan = match plan {
            Ok(p) => p,
            Err(e) => return SaveStep::Done(Err(SaveError::Encode(e))),
        };
        if plan.unchanged() && !replace_unreadable {
            return SaveStep::Unchanged;
        }
        let Some(key) = key else {
            plan.pack();
            let head = Head {
                revision,
                save,
                body: Body::Plain(plan.manifest()),
            };
            let result = self.land(plan, &expect, &head);
            if Self::may_fall_back(&result, &expect) {
                return self.single_key_step(data, expect, None);
            }
            return SaveStep::Done(result);
        };
        if !self.begin_sealing() {
            return SaveStep::Queued;
        }
        let this = self.clone();
        // Only a move into parts can fall back, so only then is the data kept for it.
        let fallback = (expect.save.is_none() && expect.revision > 0).then(|| data.clone());
        SaveStep::Sealing(Box::pin(async move {
            let mut result = match locked_parts::seal_plan(&key, &mut plan).await {
                Ok(sealed) => {
                    let head = Head {
                        revision,
                        save,
                        body: Body::Sealed(sealed),
                    };
                    this.land(plan, &expect, &head)
                }
                Err(e) => Err(SaveError::Lock(e)),
            };
            if let Some(data) = fallback.filter(|_| Self::may_fall_back(&result, &expect)) {
                result = this.seal_single_key(&data, &expect, &key).await;
            }
            this.0.borrow_mut().sealing = false;
            result
        }))
    }

    /// Starts an encrypted save: one at a time, so false (and a save is wanted after
    /// the running one) when one is in flight.
    fn begin_sealing(&self) -> bool {
        let mut inner = self.0.borrow_mut();
        if inner.sealing {
            inner.again = true;
            return false;
        }
        inner.sealing = true;
        true
    }

    /// Commits a planned save (see `parts::commit`) and remembers what is stored now.
    fn land(&self, plan: Plan, expect: &Expect, head: &Head) -> Result<(), SaveError> {
        let kv = local::BrowserKv::open().map_err(SaveError::Browser)?;
        let landed = {
            let inner = self.0.borrow();
            parts::land(
                &kv,
                local::DATA_KEY,
                &inner.cache,
                plan,
                expect,
                head,
                Utc::now(),
            )
        };
        let (cache, written) = landed?;
        report_written(written);
        self.stored_is(head.revision, Some(head.save.clone()), cache);
        Ok(())
    }

    /// After an encrypted save: true when a change came in meanwhile (save again).
    pub(crate) fn take_again(&self) -> bool {
        std::mem::take(&mut self.0.borrow_mut().again)
    }
}

/// A random id for this tab, in the names of the parts it writes.
fn tab_id() -> String {
    crypto::random_bytes(4)
        .map(|b| b.iter().map(|x| format!("{x:02x}")).collect())
        .unwrap_or_else(|_| {
            format!(
                "{:08x}",
                (js_sys::Math::random() * f64::from(u32::MAX)) as u32
            )
        })
}

/// Leaves what the last save wrote (UTF-16 units) where the benchmark can read it.
fn report_written(units: usize) {
    if let Some(w) = web_sys::window() {
        let _ = js_sys::Reflect::set(&w, &"__knockbackSaveUnits".into(), &(units as f64).into());
    }
}

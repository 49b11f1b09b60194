//! The app's shared state and the one effect that persists it.
//!
//! Like the Leptos todomvc example, the user's data is a plain [`AppData`] in one
//! signal and a single effect saves it. Unlike todomvc, the effect never writes over
//! data it failed to load, waits for typing to settle (debounce), writes only when the
//! text actually changed, and refuses to overwrite a newer save from another tab.

use leptos::prelude::*;
use std::time::Duration;

use crate::model::AppData;
use crate::storage::crypto::{self, SealKey};
use crate::storage::encoder;
use crate::storage::envelope::{self, DecodeError};
use crate::storage::local::{self, Boot, Newer, SaveError};
use crate::storage::sealed::{self, Holds, Sealed};

mod files;
mod lock;
mod prefs;

pub(crate) use files::{FileRead, LockedFile, Offer, Preview};

/// How long the store waits after the last change before writing. Short enough that a
/// reload right after typing keeps everything (we also flush when the page is hidden).
const SAVE_DELAY: Duration = Duration::from_millis(250);

/// Whether saving works, and if not, why. Shown by the storage banner.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Health {
    Ok,
    /// The stored data could not be opened; nothing is written until the user decides.
    ReadOnly {
        error: DecodeError,
        raw: String,
        quarantine_key: Option<String>,
    },
    /// The browser blocks localStorage: the app works, but only until the tab closes.
    Unavailable(String),
    /// The last save failed; the data on screen is newer than the stored copy.
    SaveFailed(SaveError),
    /// Another tab saved first; this tab now shows that newer data. `lost` is this
    /// tab's unsaved version, offered as a download (a backup file) so nothing is lost.
    Superseded {
        lost: Box<AppData>,
    },
    /// The stored notebook is locked and this tab has not opened it yet: the unlock
    /// screen asks for the passphrase; nothing shows or saves until then. (Compare
    /// [`Store::lock_on`]: the lock is on *and* open in this tab.)
    AwaitingPassphrase {
        sealed: Sealed,
        revision: u64,
    },
}

/// Shared through context; `Copy` so closures can capture it freely.
#[derive(Clone, Copy)]
pub(crate) struct Store {
    pub(crate) data: RwSignal<AppData>,
    pub(crate) health: RwSignal<Health>,
    /// A one-line notice, e.g. "Updated from another tab".
    pub(crate) notice: RwSignal<Option<String>>,
    /// The last deletion, offered for "Undo" for a few seconds.
    pub(crate) undo: RwSignal<Option<crate::model::Deleted>>,
    revision: StoredValue<u64>,
    /// What the last write held, if known: a save with the same signature is skipped.
    /// `None` after loading, so start-up never serialises the whole notebook.
    last_saved: StoredValue<Option<encoder::Signature>>,
    /// Serialises the data, reusing the text of unchanged records (see [`encoder::Encoder`]);
    /// its packed pieces are JS strings.
    ///
    /// `StoredValue<_, LocalStorage>` is Leptos's arena storage for values that are not
    /// `Send` (JS strings, CryptoKeys): "LocalStorage" there means thread-local, and has
    /// nothing to do with the browser's localStorage.
    encoder: StoredValue<encoder::Encoder<wasm_bindgen::JsValue>, LocalStorage>,
    pending: StoredValue<Option<TimeoutHandle>>,
    /// The passphrase lock's key while unlocked; `None` when the lock is off.
    key: StoredValue<Option<SealKey>, LocalStorage>,
    /// The passphrase lock is on and open in this tab (saves and downloads are
    /// encrypted). Compare [`Health::AwaitingPassphrase`]: locked and not yet opened.
    pub(crate) lock_on: RwSignal<bool>,
    /// An encrypted save is running (they are asynchronous) / another is wanted after it.
    saving: StoredValue<bool>,
    again: StoredValue<bool>,
}

impl Store {
    /// Loads from storage and starts the persisting effect and the cross-tab sync.
    pub(crate) fn start() -> Store {
        let mut notice = None;
        let (data, health, revision) = match local::boot() {
            Boot::Fresh => (AppData::default(), Health::Ok, 0),
            Boot::Loaded(d) => {
                if let Some(v) = d.migrated_from {
                    notice = Some(format!(
                        "Your notebook was upgraded from an older format (version {v}). Nothing was lost."
                    ));
                }
                (d.data, Health::Ok, d.revision)
            }
            Boot::Unreadable {
                raw,
                error,
                quarantine_key,
            } => (
                AppData::default(),
                Health::ReadOnly {
                    error,
                    raw,
                    quarantine_key,
                },
                0,
            ),
            Boot::Unavailable(why) => (AppData::default(), Health::Unavailable(why), 0),
            Boot::Locked { sealed, revision } => (
                AppData::default(),
                Health::AwaitingPassphrase { sealed, revision },
                revision,
            ),
        };
        let store = Store {
            data: RwSignal::new(data),
            health: RwSignal::new(health),
            notice: RwSignal::new(notice),
            undo: RwSignal::new(None),
            revision: StoredValue::new(revision),
            last_saved: StoredValue::new(None),
            encoder: StoredValue::new_local(encoder::Encoder::new(local::js_piece)),
            pending: StoredValue::new(None),
            key: StoredValue::new_local(None),
            lock_on: RwSignal::new(false),
            saving: StoredValue::new(false),
            again: StoredValue::new(false),
        };

        // The one effect that persists. It skips its first run (that is the loaded data).
        Effect::new(move |prev: Option<()>| {
            store.data.track();
            if prev.is_some() {
                store.schedule_save();
            }
        });

        if !store.data.with_untracked(|d| d.applications.is_empty()) {
            store.warm_encoder();
        }
        local::on_other_tab_change(move || store.adopt_newer());
        // A tab brought back to the front may have missed events while frozen.
        let vis = window_event_listener(leptos::ev::visibilitychange, move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                store.flush();
            } else {
                store.adopt_newer();
            }
        });
        let hide = window_event_listener(leptos::ev::pagehide, move |_| store.flush());
        // Both live as long as the page.
        std::mem::forget((vis, hide));
        store
    }

    /// True when edits can be saved; forms disable themselves otherwise.
    pub(crate) fn writable(&self) -> bool {
        !matches!(
            self.health.get(),
            Health::ReadOnly { .. } | Health::AwaitingPassphrase { .. }
        )
    }

    /// The data as JSON (the envelope's `data`), reusing unchanged records' text.
    fn encode(&self) -> Result<String, String> {
        self.data.with_untracked(|d| {
            self.encoder
                .try_update_value(|e| e.encode(d))
                .unwrap_or_else(|| encoder::encode_data(d))
        })
    }

    /// The data packed for storage (see [`encoder::Encoder::encode_packed`]).
    fn packed(&self) -> Result<encoder::Packed<wasm_bindgen::JsValue>, String> {
        self.data.with_untracked(|d| self.packed_of(d))
    }

    fn packed_of(&self, data: &AppData) -> Result<encoder::Packed<wasm_bindgen::JsValue>, String> {
        self.encoder
            .try_update_value(|e| e.encode_packed(data))
            .unwrap_or_else(|| Err("the encoder is gone".into()))
    }

    /// Fills the encoder's cache while the page is idle after start-up, so the first
    /// save after an edit serialises and packs one record, not the whole notebook.
    fn warm_encoder(&self) {
        let store = *self;
        set_timeout(
            move || {
                let _ = store.packed();
            },
            Duration::from_millis(100),
        );
    }

    /// Applies an edit to the data and returns what the edit returned; `None` when
    /// nothing may be written (read-only, or waiting for the passphrase). Every change
    /// goes through here.
    pub(crate) fn update<T>(&self, f: impl FnOnce(&mut AppData) -> T) -> Option<T> {
        if !self.writable() {
            return None;
        }
        let mut out = None;
        self.data.update(|d| out = Some(f(d)));
        out
    }

    /// Edits one reflection (the wizard's steps, the plan, the summary).
    pub(crate) fn edit_reflection(
        &self,
        id: uuid::Uuid,
        f: impl FnOnce(&mut crate::model::Reflection),
    ) {
        self.update(|d| d.edit_reflection(id, chrono::Utc::now(), f));
    }

    /// Deletes an application and offers "Undo".
    pub(crate) fn delete_application(&self, id: uuid::Uuid) {
        if !self.writable() {
            return;
        }
        let mut deleted = None;
        self.data.update(|d| deleted = d.delete_application(id));
        if deleted.is_some() {
            self.undo.set(deleted);
        }
    }

    pub(crate) fn undo_delete(&self) {
        if let Some(deleted) = self.undo.get_untracked() {
            self.undo.set(None);
            self.update(|d| d.undo_delete(deleted));
        }
    }

    fn schedule_save(&self) {
        if let Some(h) = self.pending.get_value() {
            h.clear();
        }
        let store = *self;
        let handle = set_timeout_with_handle(move || store.save_now(), SAVE_DELAY).ok();
        self.pending.set_value(handle);
    }

    /// Saves immediately if a save is waiting (the page is being hidden or closed).
    pub(crate) fn flush(&self) {
        if let Some(h) = self.pending.get_value() {
            h.clear();
            self.save_now();
        }
    }

    /// Writes the current data if it changed since the last write.
    pub(crate) fn save_now(&self) {
        self.save_inner(false);
    }

    fn save_inner(&self, replace_unreadable: bool) {
        let started = now_ms();
        self.pending.set_value(None);
        if matches!(
            self.health.get_untracked(),
            Health::ReadOnly { .. } | Health::Unavailable(_) | Health::AwaitingPassphrase { .. }
        ) {
            return;
        }
        let packed = match self.packed() {
            Ok(p) => p,
            Err(e) => return self.health.set(Health::SaveFailed(SaveError::Other(e))),
        };
        if self
            .last_saved
            .with_value(|last| last.as_ref() == Some(&packed.signature))
        {
            return;
        }
        let base = self.revision.get_value();
        let Some(key) = self.key.get_value() else {
            let result = local::save_packed(&packed.pieces, base, replace_unreadable);
            self.finish_save(result, packed.signature);
            return report_save_time(started);
        };
        let json = match self.encode() {
            Ok(j) => j,
            Err(e) => return self.health.set(Health::SaveFailed(SaveError::Other(e))),
        };
        // Locked: encryption is asynchronous, so one save runs at a time and a change
        // made meanwhile is saved right after.
        if self.saving.get_value() {
            self.again.set_value(true);
            return;
        }
        self.saving.set_value(true);
        let store = *self;
        wasm_bindgen_futures::spawn_local(async move {
            let result = match crypto::seal(&key, &json, Holds::Data).await {
                Ok(s) => local::save_text(base, replace_unreadable, |rev| {
                    sealed::wrap(&s, rev, chrono::Utc::now())
                }),
                Err(e) => Err(SaveError::Other(e)),
            };
            store.saving.set_value(false);
            store.finish_save(result, packed.signature);
            if store.again.get_value() {
                store.again.set_value(false);
                store.save_now();
            }
        });
    }

    fn finish_save(&self, result: Result<u64, SaveError>, written: encoder::Signature) {
        match result {
            Ok(rev) => {
                self.revision.set_value(rev);
                self.last_saved.set_value(Some(written));
                if !matches!(self.health.get_untracked(), Health::Ok) {
                    self.health.set(Health::Ok);
                }
            }
            Err(SaveError::Stale) => {
                // Someone else's newer save wins; ours is kept as a download.
                let lost = Box::new(self.data.get_untracked());
                self.adopt_newer();
                self.health.set(Health::Superseded { lost });
            }
            Err(e) => self.health.set(Health::SaveFailed(e)),
        }
    }

    /// Takes in data another tab saved: plain, or locked with the key this tab holds.
    fn adopt(&self, data: AppData, revision: u64) {
        let packed = self.packed_of(&data).ok().map(|p| p.signature);
        self.revision.set_value(revision);
        // Set before the signal so the persisting effect sees nothing new to write.
        self.last_saved.set_value(packed);
        self.data.set(data);
        self.notice
            .set(Some("Updated with changes made in another tab.".into()));
    }

    /// Replaces the data with a newer save from another tab, if there is one.
    fn adopt_newer(&self) {
        if matches!(
            self.health.get_untracked(),
            Health::ReadOnly { .. } | Health::Unavailable(_)
        ) {
            return;
        }
        match local::newer_than(self.revision.get_value()) {
            None => {}
            Some(Newer::Plain(decoded)) => {
                // The other tab turned the lock off.
                self.key.set_value(None);
                self.lock_on.set(false);
                self.adopt(decoded.data, decoded.revision);
            }
            Some(Newer::Locked(sealed, revision)) => match self.key.get_value() {
                Some(key) => {
                    let store = *self;
                    wasm_bindgen_futures::spawn_local(async move {
                        let opened = crypto::open_with(&key, &sealed).await;
                        match opened.ok().and_then(|text| {
                            envelope::decode(&envelope::wrap(&text, revision, chrono::Utc::now()))
                                .ok()
                        }) {
                            Some(d) => store.adopt(d.data, revision),
                            None => store
                                .health
                                .set(Health::AwaitingPassphrase { sealed, revision }),
                        }
                    });
                }
                // Another tab turned the lock on: ask for the passphrase here too.
                None => self
                    .health
                    .set(Health::AwaitingPassphrase { sealed, revision }),
            },
            Some(Newer::Unreadable(error)) => {
                // Another tab (or an older/newer build) wrote something we can't read:
                // stop writing rather than overwrite it.
                let raw = local::read_raw(local::DATA_KEY).unwrap_or_default();
                self.health.set(Health::ReadOnly {
                    error,
                    raw,
                    quarantine_key: None,
                });
            }
        }
    }

    /// After the user chose to start over from a read-only state: the unreadable text is
    /// safe under its quarantine key, so the data key may be written again.
    pub(crate) fn start_fresh(&self) {
        if let Health::ReadOnly {
            quarantine_key: Some(_),
            ..
        } = self.health.get_untracked()
        {
            self.health.set(Health::Ok);
            self.last_saved.set_value(None);
            self.save_inner(true);
        }
    }

    /// The current data as an envelope (the safety copy's text). An encoding error is
    /// returned, never written as a broken file.
    pub(crate) fn export_json(&self) -> Result<String, String> {
        let json = self.encode()?;
        Ok(envelope::wrap(
            &json,
            self.revision.get_value(),
            chrono::Utc::now(),
        ))
    }

    /// Records that a backup was downloaded (for the "time to back up" nudge).
    pub(crate) fn mark_backed_up(&self) {
        self.update(|d| {
            d.meta.last_backup_at = Some(chrono::Utc::now());
            d.meta.changes_since_backup = 0;
        });
    }
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Leaves the last save's duration (serialise, write, read back) where the benchmark
/// (`scripts/bench.sh`) can read it. One number on `window`; nothing leaves the page.
fn report_save_time(started: f64) {
    if let Some(w) = web_sys::window() {
        let _ = js_sys::Reflect::set(
            &w,
            &"__knockbackSaveMs".into(),
            &(now_ms() - started).into(),
        );
    }
}

pub(crate) fn use_store() -> Store {
    // Provided by `App` before any page renders; a missing context is a programming
    // error caught by every end-to-end test, not a runtime condition.
    expect_context::<Store>()
}

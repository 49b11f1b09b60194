//! The app's shared state: the user's data, whether saving works, one-line notices and
//! undo, shared through context. Persistence itself is behind one door,
//! `storage::persistence::Persistence`; this module only wires its side effects.
//!
//! Like the Leptos todomvc example, the user's data is a plain [`AppData`] in one signal
//! and one effect persists it. Each side effect is a named `handle_*` function, and
//! [`Store::start`] only wires them: the data changing (debounced save), another tab
//! saving, the tab being hidden or shown, the page closing.

use leptos::prelude::*;
use std::time::Duration;

use crate::error::{DecodeError, SaveError};
use crate::model::AppData;
use crate::storage::persistence::{LockedNotebook, NewerStep, Opened, Persistence, SaveStep};

mod files;
mod loading;
mod lock;
mod prefs;
mod undo;

pub(crate) use crate::storage::persistence::{FileRead, LockedFile, Offer, Preview};

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
    AwaitingPassphrase(LockedNotebook),
}

/// Shared through context; `Copy` so closures can capture it freely.
#[derive(Clone, Copy)]
pub(crate) struct Store {
    pub(crate) data: RwSignal<AppData>,
    pub(crate) health: RwSignal<Health>,
    /// A one-line notice, e.g. "Updated from another tab".
    pub(crate) notice: RwSignal<Option<String>>,
    /// The last deletion or one-tap stage move, offered for "Undo" for a few seconds.
    pub(crate) undo: RwSignal<Option<crate::model::Undoable>>,
    /// The passphrase lock is on and open in this tab (saves and downloads are
    /// encrypted). Compare [`Health::AwaitingPassphrase`]: locked and not yet opened.
    pub(crate) lock_on: RwSignal<bool>,
    /// False while start-up is still reading the notebook after painting the dashboard
    /// from `early`, the summary the last save stored (see `loading`).
    pub(crate) ready: RwSignal<bool>,
    early: RwSignal<Option<crate::model::summary::Summary>>,
    /// `StoredValue<_, LocalStorage>` is Leptos's arena storage for values that are not
    /// `Send` (JS strings, CryptoKeys): "LocalStorage" there means thread-local, and has
    /// nothing to do with the browser's localStorage.
    persistence: StoredValue<Persistence, LocalStorage>,
    /// The debounced save waiting to run.
    pending: StoredValue<Option<TimeoutHandle>>,
}

impl Store {
    /// Opens what is stored and wires every side effect.
    pub(crate) fn start() -> Store {
        let (persistence, opened) = Persistence::open();
        let mut notice = None;
        let mut early = None;
        let (data, health) = match opened {
            Opened::Fresh => (AppData::default(), Health::Ok),
            Opened::Early(summary) => {
                early = Some(*summary);
                (AppData::default(), Health::Ok)
            }
            Opened::Loaded {
                data,
                migrated_from,
            } => {
                notice = migrated_from.map(|v| {
                    format!("Your notebook was upgraded from an older format (version {v}). Nothing was lost.")
                });
                (data, Health::Ok)
            }
            Opened::Unreadable {
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
            ),
            Opened::Unavailable(why) => (AppData::default(), Health::Unavailable(why)),
            Opened::Locked(notebook) => (AppData::default(), Health::AwaitingPassphrase(notebook)),
        };
        let store = Store {
            data: RwSignal::new(data),
            health: RwSignal::new(health),
            notice: RwSignal::new(notice),
            undo: RwSignal::new(None),
            lock_on: RwSignal::new(false),
            ready: RwSignal::new(early.is_none()),
            early: RwSignal::new(early),
            persistence: StoredValue::new_local(persistence),
            pending: StoredValue::new(None),
        };

        // The one effect that persists. It skips its first run (that is the loaded data).
        Effect::new(move |prev: Option<()>| {
            store.data.track();
            if prev.is_some() {
                store.handle_data_change();
            }
        });
        if !store.ready.get_untracked() {
            store.load_after_paint();
        } else if !store.data.with_untracked(|d| d.applications.is_empty()) {
            store.warm_later();
        }
        crate::storage::local::on_other_tab_change(move || store.handle_other_tab_save());
        let vis = window_event_listener(leptos::ev::visibilitychange, move |_| {
            store.handle_visibility_change()
        });
        let hide = window_event_listener(leptos::ev::pagehide, move |_| store.flush());
        // Both live as long as the page.
        std::mem::forget((vis, hide));
        store
    }

    fn persistence(&self) -> Persistence {
        self.persistence.get_value()
    }

    /// The data changed: save once typing settles.
    fn handle_data_change(&self) {
        if let Some(h) = self.pending.get_value() {
            h.clear();
        }
        let store = *self;
        let handle = set_timeout_with_handle(move || store.save_now(), SAVE_DELAY).ok();
        self.pending.set_value(handle);
    }

    /// Another tab wrote the notebook (the `storage` event).
    fn handle_other_tab_save(&self) {
        self.adopt_newer();
    }

    /// Hidden: save now (the tab may be frozen or closed). Shown again: it may have
    /// missed other tabs' saves while frozen.
    fn handle_visibility_change(&self) {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            self.flush();
        } else {
            self.adopt_newer();
        }
    }

    /// True when edits can be saved; forms disable themselves otherwise.
    pub(crate) fn writable(&self) -> bool {
        // `with`, not `get`: no clone of the health (a stale tab's holds a whole notebook).
        !self
            .health
            .with(|h| matches!(h, Health::ReadOnly { .. } | Health::AwaitingPassphrase(_)))
    }

    /// Applies an edit to the data and returns what the edit returned; `None` when
    /// nothing may be written (read-only, or waiting for the passphrase). Every change
    /// goes through here.
    pub(crate) fn update<T>(&self, f: impl FnOnce(&mut AppData) -> T) -> Option<T> {
        // An edit made while start-up is still reading applies to the whole notebook.
        self.finish_loading();
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

    /// Saves immediately if a save is waiting (the page is being hidden or closed).
    pub(crate) fn flush(&self) {
        if let Some(h) = self.pending.get_value() {
            h.clear();
            self.save_now();
        }
    }

    /// Writes the current data if it changed since the last write.
    pub(crate) fn save_now(&self) {
        self.save(false);
    }

    fn save(&self, replace_unreadable: bool) {
        let started = now_ms();
        self.pending.set_value(None);
        if self.health.with_untracked(|h| {
            matches!(
                h,
                Health::ReadOnly { .. } | Health::Unavailable(_) | Health::AwaitingPassphrase(_)
            )
        }) {
            return;
        }
        let persistence = self.persistence();
        let step = self
            .data
            .with_untracked(|d| persistence.save(d, replace_unreadable));
        match step {
            SaveStep::Unchanged | SaveStep::Queued => {}
            SaveStep::Done(result) => {
                self.saved(result);
                report_save_time(started);
            }
            SaveStep::Sealing(sealing) => {
                let store = *self;
                wasm_bindgen_futures::spawn_local(async move {
                    store.saved(sealing.await);
                    if persistence.take_again() {
                        store.save_now();
                    }
                });
            }
        }
    }

    /// Shows what a save came to.
    fn saved(&self, result: Result<(), SaveError>) {
        match result {
            Ok(()) => {
                if !self.health.with_untracked(|h| matches!(h, Health::Ok)) {
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

    /// Takes in a newer save from another tab, if there is one.
    fn adopt_newer(&self) {
        if self
            .health
            .with_untracked(|h| matches!(h, Health::ReadOnly { .. } | Health::Unavailable(_)))
        {
            return;
        }
        let Some(step) = self.persistence().newer() else {
            return;
        };
        match step {
            NewerStep::Plain(data) => {
                // The other tab turned the lock off, if it was on.
                self.lock_on.set(false);
                self.adopted(data);
            }
            NewerStep::Opening(opening) => {
                let store = *self;
                wasm_bindgen_futures::spawn_local(async move {
                    match opening.await {
                        Ok(data) => store.adopted(data),
                        Err(notebook) => store.health.set(Health::AwaitingPassphrase(notebook)),
                    }
                });
            }
            // Another tab turned the lock on: ask for the passphrase here too.
            NewerStep::Locked(notebook) => self.health.set(Health::AwaitingPassphrase(notebook)),
            // Another tab (or another build) wrote something this one can't read: stop
            // writing rather than overwrite it.
            NewerStep::Unreadable { error, raw } => self.health.set(Health::ReadOnly {
                error,
                raw,
                quarantine_key: None,
            }),
        }
    }

    /// Shows data another tab saved (persistence already knows it is what is stored,
    /// so the persisting effect finds nothing new to write).
    fn adopted(&self, data: AppData) {
        self.data.set(data);
        // It replaced a start-up read still running, if there was one.
        self.finish_loading();
        self.notice
            .set(Some("Updated with changes made in another tab.".into()));
    }

    /// After the user chose to start over from a read-only state: the unreadable text is
    /// safe under its quarantine key, so the notebook's key may be written again.
    pub(crate) fn start_fresh(&self) {
        if let Health::ReadOnly {
            quarantine_key: Some(_),
            ..
        } = self.health.get_untracked()
        {
            self.health.set(Health::Ok);
            self.persistence().forget_last_write();
            self.save(true);
        }
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

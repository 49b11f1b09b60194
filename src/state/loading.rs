//! Start-up in two steps. A returning user's dashboard paints from the summary the last
//! save stored (`model::summary`); the notebook's parts are read afterwards, a few
//! milliseconds at a time, each slice its own task, so the first paint and the first
//! taps never wait behind the whole notebook.
//!
//! Nothing the user does meanwhile is lost or waits long: an edit, a page that needs the
//! whole notebook or a download first finishes the read at once ([`Store::whole`]),
//! and persistence refuses to save while it is unfinished.

use std::time::Duration;

use leptos::prelude::*;

use super::{now_ms, Health, Store};
use crate::model::summary::Summary;
use crate::model::AppData;
use crate::storage::persistence::{LoadStep, Opened};

/// One slice of reading, in milliseconds: well under a frame at 4× CPU throttling.
const SLICE_MS: f64 = 8.0;

impl Store {
    /// Reads the rest of the notebook once the dashboard has painted.
    pub(super) fn load_after_paint(&self) {
        let store = *self;
        request_animation_frame(move || {
            // The frame callback runs before that frame paints: yield once more.
            set_timeout(move || store.handle_load_slice(), Duration::ZERO);
        });
    }

    /// One slice of the start-up read, then yield to the browser.
    fn handle_load_slice(&self) {
        if self.ready.get_untracked() {
            return;
        }
        let started = now_ms();
        match self
            .persistence()
            .load_some(|| now_ms() - started < SLICE_MS)
        {
            LoadStep::Pending => {
                let store = *self;
                set_timeout(move || store.handle_load_slice(), Duration::ZERO);
            }
            LoadStep::Idle => self.ready_now(),
            LoadStep::Done(opened) => self.loaded(opened),
        }
    }

    /// Finishes the start-up read at once, if it is still running: before an edit, a
    /// page that needs the whole notebook, or a download.
    pub(crate) fn finish_loading(&self) {
        if self.ready.get_untracked() {
            return;
        }
        match self.persistence().load_some(|| true) {
            // `|| true` reads every part: nothing is pending.
            LoadStep::Idle | LoadStep::Pending => self.ready_now(),
            LoadStep::Done(opened) => self.loaded(opened),
        }
    }

    /// Reads the whole notebook (finishing the start-up read first).
    pub(crate) fn whole<T>(&self, f: impl FnOnce(&AppData) -> T) -> T {
        self.finish_loading();
        self.data.with_untracked(f)
    }

    fn loaded(&self, opened: Opened) {
        match opened {
            Opened::Loaded { data, .. } => {
                // Persistence knows this is what is stored: the persisting effect finds
                // nothing new to write.
                self.data.set(data);
                self.warm_later();
            }
            Opened::Unreadable {
                raw,
                error,
                quarantine_key,
            } => self.health.set(Health::ReadOnly {
                error,
                raw,
                quarantine_key,
            }),
            Opened::Unavailable(why) => self.health.set(Health::Unavailable(why)),
            Opened::Locked(notebook) => self.health.set(Health::AwaitingPassphrase(notebook)),
            Opened::Fresh | Opened::Early(_) => {}
        }
        self.ready_now();
    }

    fn ready_now(&self) {
        self.early.set(None);
        self.ready.set(true);
    }

    /// What the dashboard shows: from the stored summary while the notebook is still
    /// being read, from the data after. Tracks both.
    pub(crate) fn glance<T>(
        &self,
        early: impl FnOnce(&Summary) -> T,
        full: impl FnOnce(&AppData) -> T,
    ) -> T {
        match self.early.with(|e| e.as_ref().map(early)) {
            Some(t) => t,
            None => self.data.with(full),
        }
    }

    /// Fills the encoder's cache once the page is idle (see `handle_idle_start`).
    pub(super) fn warm_later(&self) {
        let store = *self;
        set_timeout(
            move || store.handle_idle_start(),
            Duration::from_millis(100),
        );
    }

    /// Start-up is over: fill the encoder's cache while the page is idle, so the first
    /// save after an edit serialises and packs one record, not the whole notebook. In
    /// slices of a few milliseconds, each its own task, so typing or a click is never
    /// kept waiting behind it (one pass was a 40 ms task with 1,000 applications).
    fn handle_idle_start(&self) {
        const SLICE_MS: f64 = 6.0;
        const RECORDS_PER_STEP: usize = 10;
        let started = now_ms();
        let persistence = self.persistence();
        let done = self.data.with_untracked(|d| loop {
            if persistence.warm_some(d, RECORDS_PER_STEP) {
                break true;
            }
            if now_ms() - started > SLICE_MS {
                break false;
            }
        });
        if !done {
            let store = *self;
            set_timeout(move || store.handle_idle_start(), Duration::ZERO);
        }
    }
}

//! The browser side of the store: the only code in Knockback that touches localStorage.
//!
//! We use `web_sys` directly rather than `gloo-storage`: its `raw()` panics when the
//! browser blocks storage (private modes, disabled cookies), and a notebook app must
//! explain that, not crash.

use crate::model::order;
use chrono::{DateTime, Utc};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Storage;

use super::envelope::{self, DecodeError, Decoded};
use super::parts::{self, chunks, commit, Kv, KvError};
use super::sealed::{self, Sealed};

mod reading;

use crate::error::CopyError;
pub(crate) use crate::error::SaveError;
pub(crate) use reading::{load_some, newer_than, Later};

/// Where the notebook's head lives (see `parts`); an older build's whole notebook.
pub(crate) const DATA_KEY: &str = "knockback:data";
/// The data as it was just before the last restore, so a restore can be undone.
pub(crate) const SAFETY_KEY: &str = "knockback:safety-copy";
/// What we count on localStorage holding per site: browsers allow 5–10 MB; we plan
/// for the smallest, counted in UTF-16 characters as browsers do.
pub(crate) const CAPACITY_CHARS: usize = 5_000_000;

/// Unreadable data is copied under this prefix (plus a timestamp) before anything else.
pub(crate) const QUARANTINE_PREFIX: &str = "knockback:quarantine:";

/// What the app finds when it starts.
pub(crate) enum Boot {
    /// Nothing stored yet: a first visit.
    Fresh,
    /// An older single-key notebook (schema 3 or earlier).
    Loaded(Decoded),
    /// The notebook in parts: its dashboard summary, right for today; the rest is read
    /// after the dashboard has painted ([`load_some`]).
    Early {
        summary: Box<crate::model::summary::Summary>,
        later: Later,
    },
    /// The notebook in parts, and what its parts hold.
    Parts {
        data: crate::model::AppData,
        cache: chunks::Cache,
        revision: u64,
        save: String,
    },
    /// Stored data that this build cannot open. It is left in place and copied to
    /// `quarantine_key`; the app runs read-only so it cannot be overwritten.
    Unreadable {
        raw: String,
        error: DecodeError,
        quarantine_key: Option<String>,
    },
    /// The browser refuses access to localStorage altogether.
    Unavailable(String),
    /// The data is locked with a passphrase; the app asks for it before anything else.
    /// `sealed`: the manifest of a notebook in parts (`save` is set), or an older
    /// single-key notebook's data.
    Locked {
        sealed: Sealed,
        revision: u64,
        save: Option<String>,
    },
}

fn storage() -> Result<Storage, String> {
    let window = web_sys::window().ok_or("no browser window")?;
    match window.local_storage() {
        Ok(Some(s)) => Ok(s),
        Ok(None) => Err("this browser has no local storage".into()),
        Err(e) => Err(js_error_text(&e)),
    }
}

/// The one probe before any other code (gloo-storage, in `prefs`) may use localStorage:
/// true when the browser hands it over without throwing.
pub(crate) fn usable() -> bool {
    storage().is_ok()
}

fn js_error_name(e: &wasm_bindgen::JsValue) -> Option<String> {
    e.dyn_ref::<web_sys::DomException>().map(|d| d.name())
}

fn js_error_text(e: &wasm_bindgen::JsValue) -> String {
    if let Some(d) = e.dyn_ref::<web_sys::DomException>() {
        return format!("{}: {}", d.name(), d.message());
    }
    e.as_string()
        .unwrap_or_else(|| "the browser refused".into())
}

fn is_quota_error(e: &wasm_bindgen::JsValue) -> bool {
    matches!(
        js_error_name(e).as_deref(),
        Some("QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED")
    )
}

/// Reads the stored envelope at start-up. Never writes to `DATA_KEY`.
pub(crate) fn boot() -> Boot {
    let store = match storage() {
        Ok(s) => s,
        Err(e) => return Boot::Unavailable(e),
    };
    let raw = match store.get_item(DATA_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Boot::Fresh,
        Err(e) => return Boot::Unavailable(js_error_text(&e)),
    };
    let kv = BrowserKv(store);
    match parts::head::read(&raw) {
        Some(Ok(head)) => return reading::read_parts(&kv, head, Some(crate::browser::today())),
        Some(Err(error)) => {
            let raw = commit::snapshot(&kv, DATA_KEY);
            let quarantine_key = quarantine(&kv.0, &raw, Utc::now());
            return Boot::Unreadable {
                raw,
                error,
                quarantine_key,
            };
        }
        None => {}
    }
    let store = kv.0;
    if let Some((sealed, revision)) = sealed::peek(&raw) {
        return Boot::Locked {
            sealed,
            revision,
            save: None,
        };
    }
    match envelope::decode(&raw) {
        Ok(decoded) => Boot::Loaded(decoded),
        Err(error) => {
            let quarantine_key = quarantine(&store, &raw, Utc::now());
            Boot::Unreadable {
                raw,
                error,
                quarantine_key,
            }
        }
    }
}

/// Sets a damaged notebook in parts aside: the head and every part, byte for byte, as
/// one snapshot under a quarantine key.
fn set_aside(kv: &BrowserKv, error: DecodeError) -> Boot {
    let raw = commit::snapshot(kv, DATA_KEY);
    let quarantine_key = quarantine(&kv.0, &raw, Utc::now());
    Boot::Unreadable {
        raw,
        error,
        quarantine_key,
    }
}

/// Copies unreadable text to a quarantine key, once: if an identical copy already
/// exists (the user reloaded), its key is returned instead of writing another.
fn quarantine(store: &Storage, raw: &str, now: DateTime<Utc>) -> Option<String> {
    if let Some(existing) = quarantine_keys()
        .into_iter()
        .find(|k| store.get_item(k).ok().flatten().as_deref() == Some(raw))
    {
        return Some(existing);
    }
    let key = format!(
        "{QUARANTINE_PREFIX}{}",
        now.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
    );
    store.set_item(&key, raw).ok().map(|()| key)
}

/// All quarantined copies, oldest first.
pub(crate) fn quarantine_keys() -> Vec<String> {
    let Ok(store) = storage() else {
        return Vec::new();
    };
    let len = store.length().unwrap_or(0);
    let mut keys: Vec<String> = (0..len)
        .filter_map(|i| store.key(i).ok().flatten())
        .filter(|k| k.starts_with(QUARANTINE_PREFIX))
        .collect();
    order::sort(&mut keys);
    keys
}

pub(crate) fn read_raw(key: &str) -> Option<String> {
    storage().ok()?.get_item(key).ok().flatten()
}

/// localStorage as the parts' [`Kv`].
pub(crate) struct BrowserKv(Storage);

impl BrowserKv {
    pub(crate) fn open() -> Result<BrowserKv, String> {
        storage().map(BrowserKv)
    }
}

fn kv_error(e: &wasm_bindgen::JsValue) -> KvError {
    if is_quota_error(e) {
        KvError::Quota
    } else {
        KvError::Other(js_error_text(e))
    }
}

impl Kv for BrowserKv {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        self.0.get_item(key).map_err(|e| kv_error(&e))
    }
    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        self.0.set_item(key, value).map_err(|e| kv_error(&e))
    }
    fn remove(&self, key: &str) {
        // A part left behind is tidied later; nothing to report.
        let _ = self.0.remove_item(key);
    }
    fn keys(&self) -> Vec<String> {
        let len = self.0.length().unwrap_or(0);
        (0..len)
            .filter_map(|i| self.0.key(i).ok().flatten())
            .collect()
    }
}

/// Calls `on_change` when another tab writes the data key (the `storage` event only
/// fires in the other tabs, never in the one that wrote).
pub(crate) fn on_other_tab_change(on_change: impl Fn() + 'static) {
    let handle = window_event_listener(leptos::ev::storage, move |ev| {
        // A `null` key means the other tab cleared all storage.
        if ev.key().is_none_or(|k| k == DATA_KEY) {
            on_change();
        }
    });
    // The store lives as long as the page: keep listening.
    std::mem::forget(handle);
}

/// Writes `text` under one of the copy keys (the safety copy, a set-aside copy), replacing
/// what was there, and reads it back: a copy that didn't land intact is an error.
pub(crate) fn write_copy(key: &str, text: &str) -> Result<(), SaveError> {
    debug_assert!(key == SAFETY_KEY || key.starts_with(QUARANTINE_PREFIX));
    let store = storage().map_err(SaveError::Browser)?;
    store.set_item(key, text).map_err(|e| {
        if is_quota_error(&e) {
            SaveError::Quota
        } else {
            SaveError::Browser(js_error_text(&e))
        }
    })?;
    match store.get_item(key) {
        Ok(Some(back)) if back == text => Ok(()),
        _ => Err(SaveError::Verify),
    }
}

/// Removes one of the copy keys (only ever after the user asked).
pub(crate) fn remove_copy(key: &str) -> Result<(), CopyError> {
    if key != SAFETY_KEY && !key.starts_with(QUARANTINE_PREFIX) {
        return Err(CopyError::NotACopy);
    }
    storage()
        .map_err(CopyError::Browser)?
        .remove_item(key)
        .map_err(|e| CopyError::Browser(js_error_text(&e)))
}

/// Every copy kept beside the notebook: the safety copy (if any), then the set-aside
/// copies, oldest first. The passphrase lock covers each of them.
pub(crate) fn copy_keys() -> Vec<String> {
    let mut keys: Vec<String> = read_raw(SAFETY_KEY)
        .map(|_| SAFETY_KEY.to_owned())
        .into_iter()
        .collect();
    keys.extend(quarantine_keys());
    keys
}

/// Characters used by this site's localStorage (keys and values), as browsers count them.
/// Each value's length is read on the JS side: copying a big notebook into wasm to
/// count it took about 90 ms on every visit to Settings.
pub(crate) fn used_chars() -> usize {
    let Ok(store) = storage() else { return 0 };
    let len = store.length().unwrap_or(0);
    let raw: &RawStorage = store.unchecked_ref();
    (0..len)
        .filter_map(|i| store.key(i).ok().flatten())
        .map(|k| {
            let value = raw
                .get_item_raw(&k)
                .ok()
                .and_then(|v| v.dyn_into::<js_sys::JsString>().ok())
                .map_or(0, |v| v.length() as usize);
            k.encode_utf16().count() + value
        })
        .sum()
}

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `Storage`, bound again so a value can stay a JS string: web-sys's `getItem`
    /// always converts it to a Rust `String`.
    #[wasm_bindgen(js_name = Storage)]
    type RawStorage;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_raw(
        this: &RawStorage,
        key: &str,
    ) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;
}

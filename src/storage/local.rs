//! The browser side of the store: the only code in Knockback that touches localStorage.
//!
//! We use `web_sys` directly rather than `gloo-storage`: its `raw()` panics when the
//! browser blocks storage (private modes, disabled cookies), and a notebook app must
//! explain that, not crash.

use chrono::{DateTime, Utc};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Storage;

use super::envelope::{self, DecodeError, Decoded};
use super::sealed::{self, Sealed};
pub(crate) use crate::error::SaveError;
use crate::error::{CopyError, EncodeError};

/// Where the envelope lives.
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
    Loaded(Decoded),
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
    Locked {
        sealed: Sealed,
        revision: u64,
    },
}

/// What another tab saved.
pub(crate) enum Newer {
    Plain(Decoded),
    Locked(Sealed, u64),
    Unreadable(DecodeError),
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
    if let Some((sealed, revision)) = sealed::peek(&raw) {
        return Boot::Locked { sealed, revision };
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
    keys.sort();
    keys
}

pub(crate) fn read_raw(key: &str) -> Option<String> {
    storage().ok()?.get_item(key).ok().flatten()
}

/// Writes the packed data, as pieces from `encoder::Encoder::encode_packed`, as revision
/// `base_revision + 1` (see [`save_text`]). The pieces are JS strings already, so only
/// the envelope's head crosses from wasm; the browser joins them.
pub(crate) fn save_packed(
    pieces: &[wasm_bindgen::JsValue],
    base_revision: u64,
    replace_unreadable: bool,
) -> Result<u64, SaveError> {
    save_js(base_revision, replace_unreadable, |revision| {
        let (head, tail) = envelope::packed_head_and_tail(revision, Utc::now());
        // Head, every piece, tail: one slot each, joined in JS.
        let slots = u32::try_from(pieces.len() + 2)
            .map_err(|_| SaveError::Browser("too many records".into()))?;
        let all = js_sys::Array::new_with_length(slots);
        all.set(0, head.into());
        for (i, piece) in (1u32..).zip(pieces) {
            all.set(i, piece.clone());
        }
        all.set(slots - 1, tail.into());
        Ok(all.join("").into())
    })
}

/// A packed piece (UTF-16LE bytes) as a JS string, for `encoder::Encoder`.
pub(crate) fn js_piece(bytes: Vec<u8>) -> Result<wasm_bindgen::JsValue, EncodeError> {
    thread_local! {
        // One decoder for all pieces: making one per piece cost more than decoding.
        static DECODER: Result<Utf16Decoder, wasm_bindgen::JsValue> = Utf16Decoder::new("utf-16le");
    }
    DECODER.with(|d| match d {
        Ok(d) => d.decode(&bytes).map_err(|e| EncodeError(js_error_text(&e))),
        Err(e) => Err(EncodeError(js_error_text(e))),
    })
}

/// Writes the text `make` builds for revision `base_revision + 1`, unless another tab
/// has saved a newer revision since, or the stored text is something this build can't
/// read (a newer schema, damage). Reads the text back to make sure it landed intact.
///
/// `replace_unreadable` is set only when the user chose to start over and the
/// unreadable text is already safe under a quarantine key.
pub(crate) fn save_text(
    base_revision: u64,
    replace_unreadable: bool,
    make: impl FnOnce(u64) -> Result<String, SaveError>,
) -> Result<u64, SaveError> {
    save_js(base_revision, replace_unreadable, |revision| {
        make(revision).map(|text| wasm_bindgen::JsValue::from_str(&text))
    })
}

/// [`save_text`] for text already made on the JS side.
fn save_js(
    base_revision: u64,
    replace_unreadable: bool,
    make: impl FnOnce(u64) -> Result<wasm_bindgen::JsValue, SaveError>,
) -> Result<u64, SaveError> {
    let store: RawStorage = storage().map_err(SaveError::Browser)?.unchecked_into();
    // The stored text stays on the JS side: copying megabytes into wasm memory and back
    // (twice per save) was most of a save's time. Only its head crosses over.
    let current = store
        .get_item_raw(DATA_KEY)
        .map_err(|e| SaveError::Browser(js_error_text(&e)))?;
    if let Some(current) = current.dyn_ref::<js_sys::JsString>() {
        let head = String::from(current.slice(0, HEAD_CHARS));
        let peeked = match envelope::peek_head(&head) {
            Some(rev) => rev,
            // Not shaped as Knockback writes it: read it all and let the parser decide.
            None => envelope::peek_revision(&String::from(current.clone())),
        };
        match peeked {
            Some(stored) if stored > base_revision => return Err(SaveError::Stale),
            Some(_) => {}
            None if replace_unreadable => {}
            // Treated like a newer save: the caller re-reads and goes read-only.
            None => return Err(SaveError::Stale),
        }
    }
    let revision = base_revision + 1;
    let text = make(revision)?;
    if let Err(e) = store.set_item_raw(DATA_KEY, &text) {
        return Err(if is_quota_error(&e) {
            SaveError::Quota
        } else {
            SaveError::Browser(js_error_text(&e))
        });
    }
    // Read back and compare in JS (`===` on two strings).
    match store.get_item_raw(DATA_KEY) {
        Ok(back) if back == text => Ok(revision),
        _ => Err(SaveError::Verify),
    }
}

/// Enough of an envelope to hold everything before `data` (see `envelope::peek_revision`).
const HEAD_CHARS: u32 = 512;

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `Storage`, bound again so a value can stay a JS string: web-sys's `getItem` and
    /// `setItem` always convert it to and from a Rust `String`.
    #[wasm_bindgen(js_name = Storage)]
    type RawStorage;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_item_raw(
        this: &RawStorage,
        key: &str,
    ) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;
    /// `TextDecoder`, bound again so its result stays a JS string (web-sys returns a
    /// Rust `String`).
    #[wasm_bindgen(js_name = TextDecoder)]
    type Utf16Decoder;
    #[wasm_bindgen(constructor, catch, js_class = "TextDecoder")]
    fn new(label: &str) -> Result<Utf16Decoder, wasm_bindgen::JsValue>;
    #[wasm_bindgen(method, catch, js_class = "TextDecoder")]
    fn decode(
        this: &Utf16Decoder,
        bytes: &[u8],
    ) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue>;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_item_raw(
        this: &RawStorage,
        key: &str,
        value: &wasm_bindgen::JsValue,
    ) -> Result<(), wasm_bindgen::JsValue>;
}

/// Reads what another tab saved, if it is newer than `known_revision`.
pub(crate) fn newer_than(known_revision: u64) -> Option<Newer> {
    let store: RawStorage = storage().ok()?.unchecked_into();
    let raw = store
        .get_item_raw(DATA_KEY)
        .ok()?
        .dyn_into::<js_sys::JsString>()
        .ok()?;
    // This runs whenever the tab comes back to the front: look at the head first and
    // bring the whole text into wasm only when there is something newer to read.
    let head = String::from(raw.slice(0, HEAD_CHARS));
    if envelope::peek_head(&head)
        .flatten()
        .is_some_and(|r| r <= known_revision)
    {
        return None;
    }
    let raw = String::from(raw);
    // Unreadable text (peek gives `None`) falls through to `decode`, which says why.
    if envelope::peek_revision(&raw).is_some_and(|r| r <= known_revision) {
        return None;
    }
    if let Some((sealed, revision)) = sealed::peek(&raw) {
        return Some(Newer::Locked(sealed, revision));
    }
    Some(match envelope::decode(&raw) {
        Ok(d) => Newer::Plain(d),
        Err(e) => Newer::Unreadable(e),
    })
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

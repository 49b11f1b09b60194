//! The order of writes that makes a save all or nothing, reading a save back, and
//! tidying parts no head names.
//!
//! 1. The stored head must still be the one this tab last read or wrote (else `Stale`).
//! 2. Each new part is written under a fresh key and read back; on any failure every
//!    new part written so far is removed and the old head, which never named them,
//!    still stands.
//! 3. The head is checked once more, then written and read back.
//! 4. Only then are the parts the old head named, and this one doesn't, removed.
//!
//! A page closed between any two writes leaves the old head and all its parts, plus
//! some unnamed parts that [`tidy`] removes later.

use crate::model::order;
use std::collections::HashSet;

use super::head::{self, Manifest};
use super::{part_revision, Kv, KvError, PART_PREFIX};
use crate::error::SaveError;
use crate::storage::envelope;

/// What the stored head must still be for a save to go ahead.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Expect {
    /// The revision this tab last read or wrote (0: nothing).
    pub(crate) revision: u64,
    /// The save id of that head, when it was a schema-4 head.
    pub(crate) save: Option<String>,
    /// Set only when the user chose to start over and the unreadable text is already
    /// safe under a quarantine key.
    pub(crate) replace_unreadable: bool,
}

fn save_error(e: KvError) -> SaveError {
    match e {
        KvError::Quota => SaveError::Quota,
        KvError::Other(why) => SaveError::Browser(why),
    }
}

/// Checks that the stored head at `head_key` is the one expected.
fn check_head(current: Option<&str>, expect: &Expect) -> Result<(), SaveError> {
    let Some(raw) = current else {
        return Ok(());
    };
    if expect.replace_unreadable {
        return Ok(());
    }
    let newer = |revision: u64, same_save: bool| {
        revision > expect.revision || (revision == expect.revision && !same_save)
    };
    match head::peek(raw) {
        Some((revision, save)) => {
            if newer(revision, expect.save.as_deref() == Some(save.as_str())) {
                return Err(SaveError::Stale);
            }
            Ok(())
        }
        // An older single-key notebook (or unreadable text): as before the parts.
        None => match envelope::peek_revision(raw) {
            Some(stored) if stored > expect.revision => Err(SaveError::Stale),
            Some(_) => Ok(()),
            // Treated like a newer save: the caller re-reads and goes read-only.
            None => Err(SaveError::Stale),
        },
    }
}

/// Writes `parts` (key, text) and then `head_text` at `head_key`, in the order above,
/// and removes `retired` once the head is written.
pub(crate) fn commit(
    kv: &dyn Kv,
    head_key: &str,
    expect: &Expect,
    head_text: &str,
    parts: &[(&str, &str)],
    retired: &[String],
) -> Result<(), SaveError> {
    let before = kv.get(head_key).map_err(save_error)?;
    check_head(before.as_deref(), expect)?;
    let mut written: Vec<&str> = Vec::with_capacity(parts.len());
    let undo = |written: &[&str]| {
        for key in written {
            kv.remove(key);
        }
    };
    for (key, text) in parts {
        written.push(key);
        if let Err(e) = kv.set(key, text) {
            undo(&written);
            return Err(save_error(e));
        }
    }
    for (key, text) in parts {
        if kv.get(key).ok().flatten().as_deref() != Some(*text) {
            undo(&written);
            return Err(SaveError::Verify);
        }
    }
    // Another tab may have saved while the parts were written.
    if kv.get(head_key).map_err(save_error)? != before {
        undo(&written);
        return Err(SaveError::Stale);
    }
    if let Err(e) = kv.set(head_key, head_text) {
        undo(&written);
        return Err(save_error(e));
    }
    if kv.get(head_key).ok().flatten().as_deref() != Some(head_text) {
        // Whatever the head now says, its parts must stay: nothing is removed.
        return Err(SaveError::Verify);
    }
    for key in retired {
        if !parts.iter().any(|(k, _)| k == key) {
            kv.remove(key);
        }
    }
    Ok(())
}

/// Removes every part no head names that was written for revision `upto` or earlier:
/// left by a save that was cut off, or by a tab whose save lost to a newer one. Parts
/// of a later revision may be another tab's save in progress and are left alone.
pub(crate) fn tidy(kv: &dyn Kv, manifest: Option<&Manifest>, upto: u64) -> usize {
    let named: HashSet<&str> = manifest
        .map(|m| m.all().map(|p| p.key.as_str()).collect())
        .unwrap_or_default();
    remove_unnamed(kv, &named, upto)
}

/// Removes every part not in `named` written for revision `upto` or earlier.
pub(crate) fn remove_unnamed(kv: &dyn Kv, named: &HashSet<&str>, upto: u64) -> usize {
    let mut removed = 0;
    for key in kv.keys() {
        if key.starts_with(PART_PREFIX)
            && !named.contains(key.as_str())
            && part_revision(&key).is_some_and(|r| r <= upto)
        {
            kv.remove(&key);
            removed += 1;
        }
    }
    removed
}

/// A part the head names that isn't there.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Missing(pub(crate) String);

/// Reads every part `manifest` names, in its order.
pub(crate) fn fetch(kv: &dyn Kv, manifest: &Manifest) -> Result<Vec<String>, Missing> {
    manifest
        .all()
        .map(|p| {
            kv.get(&p.key)
                .ok()
                .flatten()
                .ok_or_else(|| Missing(p.key.clone()))
        })
        .collect()
}

/// The head and every part key it could name (read or not), as one JSON object of key to
/// text (`null` for a part that is gone): how a damaged notebook is set aside, byte for
/// byte, and downloaded.
pub(crate) fn snapshot(kv: &dyn Kv, head_key: &str) -> String {
    let mut map = serde_json::Map::new();
    let mut keys: Vec<String> = kv
        .keys()
        .into_iter()
        .filter(|k| k == head_key || k.starts_with(PART_PREFIX))
        .collect();
    order::sort(&mut keys);
    let named: Vec<String> = kv
        .get(head_key)
        .ok()
        .flatten()
        .and_then(|raw| head::read(&raw)?.ok())
        .and_then(|h| match h.body {
            head::Body::Plain(m) => Some(m.all().map(|p| p.key.clone()).collect()),
            head::Body::Sealed(_) => None,
        })
        .unwrap_or_default();
    for key in named {
        if !keys.contains(&key) {
            keys.push(key);
        }
    }
    for key in keys {
        let value = kv
            .get(&key)
            .ok()
            .flatten()
            .map_or(serde_json::Value::Null, serde_json::Value::String);
        map.insert(key, value);
    }
    serde_json::Value::Object(map).to_string()
}

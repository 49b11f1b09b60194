//! The copies Knockback keeps beside the notebook (the safety copy from the last
//! restore, set-aside copies of data it could not open) and how the passphrase lock
//! covers them: sealed when the lock goes on or opens, re-sealed when the passphrase
//! changes, opened again when the lock comes off.
//!
//! A sealed copy holds the whole text it replaced ([`Holds::File`]), so opening it gives
//! back exactly the file that was there, and a downloaded sealed copy restores like an
//! encrypted backup.

use chrono::Utc;

use super::crypto::{self, SealKey};
use super::local::{self, SaveError};
use super::sealed::{self, Holds};
use crate::error::LockError;

/// What a pass over the copies did, for the lock panel to report.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct CopiesReport {
    pub(crate) changed: usize,
    /// Copies that could not be changed (storage full, say), by key: they are as they
    /// were, and the lock panel lists them.
    pub(crate) failed: Vec<String>,
}

/// Seals every copy that is still readable. Copies that are already ciphertext (sealed by
/// this passphrase, or a set-aside lock Knockback can't read) are left as they are.
pub(crate) async fn seal_all(key: &SealKey) -> CopiesReport {
    let mut report = CopiesReport::default();
    for name in local::copy_keys() {
        let Some(raw) = local::read_raw(&name) else {
            continue;
        };
        if sealed::is_sealed(&raw) {
            continue;
        }
        match seal_text(key, &raw).await {
            Ok(text) if local::write_copy(&name, &text).is_ok() => report.changed += 1,
            _ => report.failed.push(name),
        }
    }
    report
}

/// Opens every copy this key sealed, so it is usable with the lock off.
pub(crate) async fn open_all(key: &SealKey) -> CopiesReport {
    let mut report = CopiesReport::default();
    for (name, text) in opened_copies(key).await {
        match local::write_copy(&name, &text) {
            Ok(()) => report.changed += 1,
            Err(_) => report.failed.push(name),
        }
    }
    report
}

/// Seals again under `new` every copy `old` sealed, after a change of passphrase, so no
/// copy opens with the old one.
pub(crate) async fn reseal_all(old: &SealKey, new: &SealKey) -> CopiesReport {
    let mut report = CopiesReport::default();
    for (name, text) in opened_copies(old).await {
        match seal_text(new, &text).await {
            Ok(sealed) if local::write_copy(&name, &sealed).is_ok() => report.changed += 1,
            _ => report.failed.push(name),
        }
    }
    report
}

/// The copies `key` sealed, opened: (key in storage, the copy's plain text). Copies
/// sealed by another passphrase (an older lock) are left out: they stay as they are.
async fn opened_copies(key: &SealKey) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for name in local::copy_keys() {
        let Some((s, _)) = local::read_raw(&name).and_then(|raw| sealed::peek(&raw)) else {
            continue;
        };
        if s.holds != Holds::File {
            continue;
        }
        if let Ok(text) = crypto::open_with(key, &s).await {
            out.push((name, text));
        }
    }
    out
}

/// Copies still readable while the lock is on: ones that could not be sealed, or that an
/// older version of Knockback left in plain text.
pub(crate) fn readable() -> Vec<String> {
    local::copy_keys()
        .into_iter()
        .filter(|k| local::read_raw(k).is_some_and(|raw| !sealed::is_sealed(&raw)))
        .collect()
}

/// Writes the safety copy: `text` as it is, or sealed under `key` when the lock is on.
pub(crate) async fn write_safety(key: Option<&SealKey>, text: &str) -> Result<(), SaveError> {
    let text = match key {
        Some(key) => seal_text(key, text).await.map_err(SaveError::Lock)?,
        None => text.to_owned(),
    };
    local::write_copy(local::SAFETY_KEY, &text)
}

/// A whole file's text sealed as a file of its own (a valid encrypted backup when it
/// holds a backup).
pub(crate) async fn seal_text(key: &SealKey, text: &str) -> Result<String, LockError> {
    let s = crypto::seal(key, text, Holds::File).await?;
    sealed::wrap(&s, 0, Utc::now())
}

//! Reading the notebook in parts out of localStorage: at start-up (the dashboard's
//! summary first, when it is right for today), part by part after the first paint, and
//! another tab's newer save.

use chrono::NaiveDate;

use super::{envelope, set_aside, Boot, BrowserKv, DATA_KEY};
use crate::error::DecodeError;
use crate::model::summary::Summary;
use crate::storage::parts::chunks::{unpacked, Rest};
use crate::storage::parts::head::{self, Body, Head, Manifest, PartRef};
use crate::storage::parts::loading::Loading;
use crate::storage::parts::{commit, Kv};
use crate::storage::sealed;

/// The part of a start-up still to read: every part the head names, one at a time.
pub(crate) struct Later {
    loading: Loading,
    revision: u64,
    save: String,
}

impl Later {
    /// The revision and save id of the head being read.
    pub(crate) fn ids(&self) -> (u64, &str) {
        (self.revision, &self.save)
    }
}

/// Reads a notebook in parts from its head. With `today`, a plain notebook whose summary
/// is right for today is only begun: its summary comes back at once and the rest
/// through [`load_some`]. A part that is missing or unreadable sets the whole notebook
/// aside (head and parts, byte for byte, as one snapshot) and says which.
pub(super) fn read_parts(kv: &BrowserKv, head: Head, today: Option<NaiveDate>) -> Boot {
    let manifest = match head.body {
        Body::Sealed(sealed) => {
            return Boot::Locked {
                sealed,
                revision: head.revision,
                save: Some(head.save),
            }
        }
        Body::Plain(manifest) => manifest,
    };
    let early = today.and_then(|day| summary(kv, &manifest).filter(|s| s.covers(day)));
    let mut later = Later {
        loading: Loading::new(manifest),
        revision: head.revision,
        save: head.save,
    };
    match early {
        Some(summary) => Boot::Early {
            summary: Box::new(summary),
            later,
        },
        None => read(kv, &mut later, || true).unwrap_or_else(|| {
            set_aside(kv, DecodeError::Invalid("it was read only in part".into()))
        }),
    }
}

/// The summary a manifest names, with the meta from the rest's part, if both read.
/// Anything wrong only means start-up reads the whole notebook first, which then judges
/// the parts.
fn summary(kv: &BrowserKv, manifest: &Manifest) -> Option<Summary> {
    fn one<T: serde::de::DeserializeOwned>(kv: &BrowserKv, part: &PartRef) -> Option<T> {
        if part.is_none() {
            return None;
        }
        let text = kv.get(&part.key).ok()??;
        let json = unpacked(&part.key, &text).ok()?;
        serde_json::from_str::<Vec<T>>(&json).ok()?.pop()
    }
    let rest: Rest = one(kv, &manifest.rest)?;
    let summary: Summary = one(kv, &manifest.summary)?;
    Some(Summary {
        meta: rest.meta,
        ..summary
    })
}

/// Reads more of a begun start-up while `more()` says so: `None` when parts are left,
/// else the notebook (or why it can't be opened, set aside as at start-up).
pub(crate) fn load_some(later: &mut Later, more: impl FnMut() -> bool) -> Option<Boot> {
    match BrowserKv::open() {
        Ok(kv) => read(&kv, later, more),
        Err(why) => Some(Boot::Unavailable(why)),
    }
}

fn read(kv: &BrowserKv, later: &mut Later, mut more: impl FnMut() -> bool) -> Option<Boot> {
    while let Some(r) = later.loading.next_part() {
        let text = match kv.get(&r.key) {
            Ok(Some(text)) => text,
            _ => {
                let missing = format!("its part {} is missing", r.key);
                return Some(set_aside(kv, DecodeError::Invalid(missing)));
            }
        };
        let taken = unpacked(&r.key, &text).and_then(|json| later.loading.take(&json));
        if let Err(e) = taken {
            return Some(set_aside(kv, e));
        }
        if later.loading.next_part().is_some() && !more() {
            return None;
        }
    }
    let loading = std::mem::replace(&mut later.loading, Loading::new(Manifest::default()));
    let manifest = loading.manifest().clone();
    Some(match loading.finish() {
        Ok((data, cache)) => {
            commit::tidy(kv, Some(&manifest), later.revision);
            Boot::Parts {
                data,
                cache,
                revision: later.revision,
                save: later.save.clone(),
            }
        }
        Err(e) => set_aside(kv, e),
    })
}

/// Reads what another tab saved, if it is newer than what this tab knows: a higher
/// revision, or the same revision saved by another tab.
pub(crate) fn newer_than(known_revision: u64, known_save: Option<&str>) -> Option<Boot> {
    let kv = BrowserKv::open().ok()?;
    let raw = kv.get(DATA_KEY).ok()??;
    if let Some((revision, save)) = head::peek(&raw) {
        if revision < known_revision
            || (revision == known_revision && known_save == Some(save.as_str()))
        {
            return None;
        }
        return Some(match head::read(&raw)? {
            Ok(head) => read_parts(&kv, head, None),
            Err(error) => Boot::Unreadable {
                raw,
                error,
                quarantine_key: None,
            },
        });
    }
    // An older single-key notebook (an older build in another tab).
    if envelope::peek_revision(&raw).is_some_and(|r| r <= known_revision) {
        return None;
    }
    if let Some((sealed, revision)) = sealed::peek(&raw) {
        return Some(Boot::Locked {
            sealed,
            revision,
            save: None,
        });
    }
    Some(match envelope::decode(&raw) {
        Ok(d) => Boot::Loaded(d),
        Err(error) => Boot::Unreadable {
            raw,
            error,
            quarantine_key: None,
        },
    })
}

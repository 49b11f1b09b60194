//! The notebook in parts (stored schema 4): a small head under `knockback:data` that
//! names the current parts, and the parts themselves, each its own localStorage key.
//!
//! Why: one key holding the whole notebook meant every save wrote all of it (1.9 MB
//! with 1,000 applications) in one `setItem` that can't be sliced, the longest task a
//! save made on a phone. In parts, a save writes only what changed.
//!
//! - **Head** (`head`): schema 4, the revision, this save's id, and the manifest: the
//!   key of every part, in order, per stream. Under the lock the manifest is sealed, and
//!   lists each sealed part's IV, unique per write, so a part that is swapped, dropped
//!   or rolled back no longer matches and is reported, never used.
//! - **Parts** (`chunks`): the applications, reflections and company notes each cut into
//!   runs of records at content-defined boundaries (a record whose id hashes to 0 mod
//!   [`chunks::AVERAGE`] ends a run), so an edit or an insertion changes one part and
//!   the others keep their keys; plus one small part with the rest (meta, profile), and
//!   one with the dashboard's summary (`model::summary`), which start-up reads first.
//! - **Reading** (`loading`): part by part, so start-up can read the notebook in slices
//!   after the dashboard has painted from its summary.
//! - **Order of writes** (`commit`): new parts under fresh names, read back; the head
//!   checked again and written, read back; only then the parts it no longer names
//!   removed. A save cut off anywhere leaves the previous head and all its parts.
//!
//! Pure apart from the [`Kv`] it is handed: the browser's localStorage in `local`, a
//! map with injected faults in the tests.

pub(crate) mod chunks;
pub(crate) mod commit;
pub(crate) mod head;
pub(crate) mod loading;
#[cfg(test)]
mod tests;

/// Every part's key starts so; the rest is `<revision>-<tab>-<n>`.
pub(crate) const PART_PREFIX: &str = "knockback:part:";

/// The stored notebook's schema: 4 is the notebook in parts. The data inside keeps
/// `envelope::SCHEMA_VERSION` (backups are unchanged); the step from 3 is the layout
/// alone, made at the first save after a schema-3 notebook is opened.
pub(crate) const STORED_SCHEMA: u32 = 4;

/// Why the browser refused a write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum KvError {
    Quota,
    Other(String),
}

/// A string-to-string store: localStorage, or a map in tests.
pub(crate) trait Kv {
    fn get(&self, key: &str) -> Result<Option<String>, KvError>;
    fn set(&self, key: &str, value: &str) -> Result<(), KvError>;
    fn remove(&self, key: &str);
    fn keys(&self) -> Vec<String>;
}

/// The revision a part key was written for, if it is one of ours.
pub(crate) fn part_revision(key: &str) -> Option<u64> {
    key.strip_prefix(PART_PREFIX)?
        .split('-')
        .next()?
        .parse()
        .ok()
}

/// A save's identity: `<revision>-<tab>`, and the prefix of its parts' keys.
pub(crate) fn save_id(revision: u64, tab: &str) -> (String, String) {
    let save = format!("{revision}-{tab}");
    let prefix = format!("{PART_PREFIX}{save}-");
    (save, prefix)
}

/// Lands `plan` (its parts packed or sealed already) as revision `revision` with the
/// head `body`, through [`commit::commit`], and tidies what the save left unnamed.
/// Returns the cache of what is now stored and the characters written.
pub(crate) fn land(
    kv: &dyn Kv,
    head_key: &str,
    old: &chunks::Cache,
    plan: chunks::Plan,
    expect: &commit::Expect,
    new_head: &head::Head,
    saved_at: chrono::DateTime<chrono::Utc>,
) -> Result<(chunks::Cache, usize), crate::error::SaveError> {
    let text = head::write(new_head, saved_at).map_err(crate::error::SaveError::Encode)?;
    let parts: Vec<(&str, &str)> = plan
        .writes
        .iter()
        .map(|w| (w.key.as_str(), w.stored.as_str()))
        .collect();
    let written = text.encode_utf16().count()
        + plan
            .writes
            .iter()
            .map(|w| w.stored.encode_utf16().count())
            .sum::<usize>();
    let named: std::collections::HashSet<String> =
        plan.manifest().all().map(|p| p.key.clone()).collect();
    let retired: Vec<String> = old
        .keys()
        .into_iter()
        .filter(|k| !named.contains(k))
        .collect();
    commit::commit(kv, head_key, expect, &text, &parts, &retired)?;
    let cache = plan.into_cache();
    // Parts of this revision or earlier that the new head doesn't name: a cut-off save's.
    // After starting over, every other part: the notebook they made is set aside whole.
    let upto = if expect.replace_unreadable {
        u64::MAX
    } else {
        new_head.revision
    };
    let named: std::collections::HashSet<&str> = named.iter().map(String::as_str).collect();
    commit::remove_unnamed(kv, &named, upto);
    Ok((cache, written))
}

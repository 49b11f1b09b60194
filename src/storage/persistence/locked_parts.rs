//! The lock, for the notebook in parts: sealing a save's new parts and its manifest, and
//! opening a locked notebook, each part checked against the IV its manifest lists, so a
//! part swapped, dropped or rolled back is reported and never used.

use chrono::Utc;

use super::{LockedNotebook, Persistence};
use crate::error::{DecodeError, LockError};
use crate::model::AppData;
use crate::storage::crypto::{self, SealKey};
use crate::storage::envelope;
use crate::storage::local;
use crate::storage::parts::chunks::{Cache, Plan};
use crate::storage::parts::commit;
use crate::storage::parts::head::Manifest;
use crate::storage::parts::loading;
use crate::storage::sealed::{Holds, Sealed};

impl Persistence {
    /// Opens a locked notebook with the key: its manifest, then every part, each checked
    /// against the IV the manifest lists (see `parts`). On success it is what is stored.
    pub(super) async fn open_locked(
        &self,
        key: &SealKey,
        notebook: &LockedNotebook,
    ) -> Result<AppData, LockError> {
        let text = crypto::open_with(key, &notebook.sealed).await?;
        self.opened(key, notebook, text).await
    }

    /// [`Self::open_locked`] once the manifest (or an older notebook's data) is open.
    pub(super) async fn opened(
        &self,
        key: &SealKey,
        notebook: &LockedNotebook,
        text: String,
    ) -> Result<AppData, LockError> {
        let Some(save) = notebook.save.clone() else {
            let decoded = envelope::decode(&envelope::wrap(&text, notebook.revision, Utc::now()))
                .map_err(LockError::InsideDamaged)?;
            self.stored_is(notebook.revision, None, Cache::default());
            return Ok(decoded.data);
        };
        let damaged = |why: String| LockError::InsideDamaged(DecodeError::Invalid(why));
        let manifest: Manifest =
            serde_json::from_str(&text).map_err(|e| damaged(format!("its list of parts ({e})")))?;
        let kv = local::BrowserKv::open().map_err(damaged)?;
        let texts = commit::fetch(&kv, &manifest)
            .map_err(|commit::Missing(k)| damaged(format!("its part {k} is missing")))?;
        let mut opened = Vec::with_capacity(texts.len());
        for (r, stored) in manifest.all().zip(texts) {
            let part: Sealed = serde_json::from_str(&stored)
                .map_err(|_| damaged(format!("its part {} is not encrypted", r.key)))?;
            if part.iv != r.iv {
                return Err(damaged(format!(
                    "its part {} is not the one last saved (swapped or rolled back)",
                    r.key
                )));
            }
            let json = crypto::open_with(key, &part)
                .await
                .map_err(|_| damaged(format!("its part {} does not open", r.key)))?;
            opened.push(json);
        }
        let mut opened = opened.into_iter();
        let (data, cache) = loading::assemble(&manifest, |_| Ok(opened.next().unwrap_or_default()))
            .map_err(LockError::InsideDamaged)?;
        commit::tidy(&kv, Some(&manifest), notebook.revision);
        self.stored_is(notebook.revision, Some(save), cache);
        Ok(data)
    }
}

/// Seals every new part of `plan` (a fresh IV each) and then its manifest.
pub(super) async fn seal_plan(key: &SealKey, plan: &mut Plan) -> Result<Sealed, LockError> {
    for w in &mut plan.writes {
        let sealed = crypto::seal(key, &w.json, Holds::Data).await?;
        w.iv = sealed.iv.clone();
        w.stored = serde_json::to_string(&sealed).map_err(|_| LockError::Wrap)?;
    }
    let manifest = serde_json::to_string(&plan.manifest()).map_err(|_| LockError::Wrap)?;
    crypto::seal(key, &manifest, Holds::Data).await
}

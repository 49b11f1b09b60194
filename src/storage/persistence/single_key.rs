//! The fallback for a big older notebook: written in place, as one key, the way builds
//! before the parts wrote it.
//!
//! Why: moving a single-key notebook into parts writes every part before the head
//! replaces the old key, so for a moment both are stored. Past half the browser's quota
//! that can't fit, and the all-or-nothing order refuses to delete the only complete copy
//! first. Such a notebook keeps its single key (rewritten in place, which needs no room
//! for a second copy) for the rest of the session, and tries the parts again next time.

use chrono::Utc;

use super::Persistence;
use crate::error::SaveError;
use crate::model::AppData;
use crate::storage::crypto::{self, SealKey};
use crate::storage::envelope;
use crate::storage::local;
use crate::storage::parts::chunks::{packed_string, Cache};
use crate::storage::parts::commit::{self, Expect};
use crate::storage::sealed::{self, Holds};

impl Persistence {
    /// True when a failed move into parts should fall back to the single key: the
    /// browser is full and the stored notebook is an older single-key one.
    pub(super) fn may_fall_back(result: &Result<(), SaveError>, expect: &Expect) -> bool {
        matches!(result, Err(SaveError::Quota)) && expect.save.is_none() && expect.revision > 0
    }

    /// Writes `data` in place as a single key, sealed when `key` is given, and keeps to
    /// that for the session.
    pub(super) async fn save_single_key(
        &self,
        data: &AppData,
        expect: &Expect,
        key: Option<SealKey>,
    ) -> Result<(), SaveError> {
        let json = self.encode(data).map_err(SaveError::Encode)?;
        let revision = expect.revision + 1;
        let text = match key {
            None => {
                let mut text = envelope::head(revision, Utc::now(), None);
                text.push_str("\"packed\":\"");
                text.push_str(&packed_string(&json));
                text.push_str("\"}");
                text
            }
            Some(key) => {
                let s = crypto::seal(&key, &json, Holds::Data)
                    .await
                    .map_err(SaveError::Lock)?;
                sealed::wrap(&s, revision, Utc::now()).map_err(SaveError::Lock)?
            }
        };
        let kv = local::BrowserKv::open().map_err(SaveError::Browser)?;
        commit::commit(&kv, local::DATA_KEY, expect, &text, &[], &[])?;
        self.stored_is(revision, None, Cache::default());
        self.0.borrow_mut().single_key = true;
        Ok(())
    }
}

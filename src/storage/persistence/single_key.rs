//! The fallback for a big older notebook: written in place, as one key, the way builds
//! before the parts wrote it.
//!
//! Why: moving a single-key notebook into parts writes every part before the head
//! replaces the old key, so for a moment both are stored. Past half the browser's quota
//! that can't fit, and the all-or-nothing order refuses to delete the only complete copy
//! first. Such a notebook keeps its single key (rewritten in place, which needs no room
//! for a second copy) for the rest of the session, and tries the parts again next time.

use chrono::Utc;

use super::{Persistence, SaveStep};
use crate::error::SaveError;
use crate::model::AppData;
use crate::storage::crypto::{self, SealKey};
use crate::storage::envelope;
use crate::storage::local;
use crate::storage::parts::chunks::{packed_string, Cache};
use crate::storage::parts::commit::{self, Expect};
use crate::storage::sealed::{self, Holds};

impl Persistence {
    /// A save in the older single-key form (see `single_key`), plain or sealed.
    pub(super) fn single_key_step(
        &self,
        data: &AppData,
        expect: Expect,
        key: Option<SealKey>,
    ) -> SaveStep {
        let Some(key) = key else {
            return SaveStep::Done(self.save_single_key(data, &expect));
        };
        if !self.begin_sealing() {
            return SaveStep::Queued;
        }
        let this = self.clone();
        let data = data.clone();
        SaveStep::Sealing(Box::pin(async move {
            let result = this.seal_single_key(&data, &expect, &key).await;
            this.0.borrow_mut().sealing = false;
            result
        }))
    }

    /// True when a failed move into parts should fall back to the single key: the
    /// browser is full and the stored notebook is an older single-key one.
    pub(super) fn may_fall_back(result: &Result<(), SaveError>, expect: &Expect) -> bool {
        matches!(result, Err(SaveError::Quota)) && expect.save.is_none() && expect.revision > 0
    }

    /// Writes `data` in place as a single key, in plain (at once, as a plain save is:
    /// a restore reads its outcome straight after), and keeps to that for the session.
    pub(super) fn save_single_key(&self, data: &AppData, expect: &Expect) -> Result<(), SaveError> {
        let json = self.encode(data).map_err(SaveError::Encode)?;
        let revision = expect.revision + 1;
        let mut text = envelope::head(revision, Utc::now(), None);
        text.push_str("\"packed\":\"");
        text.push_str(&packed_string(&json));
        text.push_str("\"}");
        self.write_single_key(&text, revision, expect)
    }

    /// [`Self::save_single_key`], sealed with the lock's key.
    pub(super) async fn seal_single_key(
        &self,
        data: &AppData,
        expect: &Expect,
        key: &SealKey,
    ) -> Result<(), SaveError> {
        let json = self.encode(data).map_err(SaveError::Encode)?;
        let revision = expect.revision + 1;
        let s = crypto::seal(key, &json, Holds::Data)
            .await
            .map_err(SaveError::Lock)?;
        let text = sealed::wrap(&s, revision, Utc::now()).map_err(SaveError::Lock)?;
        self.write_single_key(&text, revision, expect)
    }

    fn write_single_key(
        &self,
        text: &str,
        revision: u64,
        expect: &Expect,
    ) -> Result<(), SaveError> {
        let kv = local::BrowserKv::open().map_err(SaveError::Browser)?;
        commit::commit(&kv, local::DATA_KEY, expect, text, &[], &[])?;
        self.stored_is(revision, None, Cache::default());
        self.0.borrow_mut().single_key = true;
        Ok(())
    }
}

//! The passphrase lock, from the persistence side: opening a locked notebook, turning
//! the lock on and off, changing the passphrase. Each covers every copy kept beside the
//! notebook (see `storage::copies`), so no readable copy is left behind.

use super::{LockedNotebook, Persistence};
use crate::error::{CopyError, LockError};
use crate::model::AppData;
use crate::storage::copies::{self, CopiesReport};
use crate::storage::crypto;
use crate::storage::local;
use crate::storage::parts::{self, head::Body, head::Head};
use crate::storage::sealed;

impl Persistence {
    /// Opens `notebook` with `passphrase`. On success the key is held (the lock is on
    /// and open), and any copy an older version left readable beside it is sealed.
    pub(crate) async fn unlock(
        &self,
        notebook: LockedNotebook,
        passphrase: &str,
    ) -> Result<(AppData, CopiesReport), LockError> {
        let (text, key) = crypto::open(passphrase, &notebook.sealed).await?;
        // What was just opened is what is stored: nothing to write.
        let data = self.opened(&key, &notebook, text).await?;
        self.0.borrow_mut().key = Some(key.clone());
        let report = copies::seal_all(&key).await;
        Ok((data, report))
    }

    /// Turns the lock on: the next save is encrypted, and every copy is sealed now.
    pub(crate) async fn enable_lock(&self, passphrase: &str) -> Result<CopiesReport, LockError> {
        let key = crypto::new_key(passphrase).await?;
        self.0.borrow_mut().key = Some(key.clone());
        self.forget_last_write();
        Ok(copies::seal_all(&key).await)
    }

    /// Turns the lock off: the next save is plain, and the copies are opened again so
    /// they stay usable. `None` when the lock was already off.
    pub(crate) async fn disable_lock(&self) -> Option<CopiesReport> {
        let key = self.0.borrow_mut().key.take()?;
        self.forget_last_write();
        Some(copies::open_all(&key).await)
    }

    /// Changes the passphrase: `current` must open the stored notebook; then the next
    /// save and every copy are sealed under `new`, so the old passphrase opens nothing.
    pub(crate) async fn change_passphrase(
        &self,
        current: &str,
        new: &str,
    ) -> Result<CopiesReport, LockError> {
        let old = self.0.borrow().key.clone().ok_or(LockError::NotOn)?;
        let stored = local::read_raw(local::DATA_KEY)
            .and_then(|raw| match parts::head::read(&raw) {
                Some(Ok(Head {
                    body: Body::Sealed(s),
                    ..
                })) => Some(s),
                Some(_) => None,
                None => sealed::peek(&raw).map(|(s, _)| s),
            })
            .ok_or(LockError::StoredUnreadable)?;
        if crypto::open(current, &stored).await.is_err() {
            return Err(LockError::WrongCurrent);
        }
        let key = crypto::new_key(new).await?;
        self.0.borrow_mut().key = Some(key.clone());
        self.forget_last_write();
        Ok(copies::reseal_all(&old, &key).await)
    }

    /// Copies still readable while the lock is on (see `copies::readable`); empty when
    /// the lock is off, where everything is readable by choice.
    pub(crate) fn readable_copies(&self) -> Vec<String> {
        if self.lock_on() {
            copies::readable()
        } else {
            Vec::new()
        }
    }

    /// Deletes the copies the lock could not cover (only ever after the user asked).
    pub(crate) fn delete_readable_copies(&self) -> Result<usize, CopyError> {
        let keys = self.readable_copies();
        for key in &keys {
            local::remove_copy(key)?;
        }
        Ok(keys.len())
    }

    /// Tries again to seal copies left readable (after freeing space, say).
    pub(crate) async fn seal_readable_copies(&self) -> CopiesReport {
        let key = self.0.borrow().key.clone();
        match key {
            Some(key) => copies::seal_all(&key).await,
            None => CopiesReport::default(),
        }
    }
}

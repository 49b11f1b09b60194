//! Taking in what is stored, at start-up and when another tab saved: what was read
//! becomes what this tab knows is stored.

use super::{LockedNotebook, NewerStep, Opened, Persistence};
use crate::storage::local::{self, Boot};
use crate::storage::parts::chunks::Cache;

impl Persistence {
    /// Takes in what was read from storage (at start-up or from another tab): plain data
    /// becomes what this tab knows is stored.
    pub(super) fn take(&self, boot: Boot) -> Opened {
        // Whatever came in (another tab's save, say) replaces a start-up still reading.
        self.0.borrow_mut().later = None;
        match boot {
            Boot::Fresh => Opened::Fresh,
            Boot::Early { summary, later } => {
                let (revision, save) = later.ids();
                self.stored_is(revision, Some(save.to_owned()), Cache::default());
                self.0.borrow_mut().later = Some(later);
                Opened::Early(summary)
            }
            Boot::Loaded(d) => {
                self.stored_is(d.revision, None, Cache::default());
                self.0.borrow_mut().opened_single = Some(d.data.clone());
                Opened::Loaded {
                    data: d.data,
                    // A single-key notebook is written in parts at its first save.
                    migrated_from: d.migrated_from,
                }
            }
            Boot::Parts {
                data,
                cache,
                revision,
                save,
            } => {
                self.stored_is(revision, Some(save), cache);
                Opened::Loaded {
                    data,
                    migrated_from: None,
                }
            }
            Boot::Unreadable {
                raw,
                error,
                quarantine_key,
            } => Opened::Unreadable {
                raw,
                error,
                quarantine_key,
            },
            Boot::Unavailable(why) => Opened::Unavailable(why),
            Boot::Locked {
                sealed,
                revision,
                save,
            } => Opened::Locked(LockedNotebook {
                sealed,
                revision,
                save,
            }),
        }
    }

    /// What another tab saved since this tab last read or wrote, if anything.
    pub(crate) fn newer(&self) -> Option<NewerStep> {
        let (revision, save, key) = {
            let inner = self.0.borrow();
            (inner.revision, inner.save.clone(), inner.key.clone())
        };
        let boot = local::newer_than(revision, save.as_deref())?;
        Some(match self.take(boot) {
            Opened::Fresh => return None,
            Opened::Loaded { data, .. } => {
                // The other tab turned the lock off.
                self.0.borrow_mut().key = None;
                NewerStep::Plain(data)
            }
            Opened::Locked(notebook) => {
                let Some(key) = key else {
                    return Some(NewerStep::Locked(notebook));
                };
                let this = self.clone();
                NewerStep::Opening(Box::pin(async move {
                    match this.open_locked(&key, &notebook).await {
                        Ok(data) => Ok(data),
                        Err(_) => Err(notebook),
                    }
                }))
            }
            Opened::Unreadable { error, raw, .. } => NewerStep::Unreadable { error, raw },
            // Only a start-up begins from the summary.
            Opened::Unavailable(_) | Opened::Early(_) => return None,
        })
    }
}

//! The rest of a start-up that painted from the dashboard's summary: the notebook's
//! parts, read a slice at a time so the browser stays free between them.

use super::{Opened, Persistence};
use crate::storage::local;

/// What one call to [`Persistence::load_some`] did.
pub(crate) enum LoadStep {
    /// Nothing is being read (start-up read everything, or another tab's save or the
    /// lock took its place).
    Idle,
    /// Parts are left: call again after yielding to the browser.
    Pending,
    /// Every part is in: the notebook, or why it can't be opened.
    Done(Opened),
}

impl Persistence {
    /// Reads parts while `more()` says so (a time budget, or always to finish at once).
    pub(crate) fn load_some(&self, more: impl FnMut() -> bool) -> LoadStep {
        let Some(mut later) = self.0.borrow_mut().later.take() else {
            return LoadStep::Idle;
        };
        match local::load_some(&mut later, more) {
            None => {
                self.0.borrow_mut().later = Some(later);
                LoadStep::Pending
            }
            Some(boot) => LoadStep::Done(self.take(boot)),
        }
    }
}

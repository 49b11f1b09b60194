//! Small preferences kept in their own localStorage keys (`knockback:pref:*`) through
//! gloo-storage: which one-time notices the user dismissed.
//!
//! They hold flags, never the user's text, so they need no lock: anything personal (a
//! name, a signature) belongs in the notebook, where the passphrase lock covers it.
//! The notebook itself stays on `local`'s hardened path, because gloo's
//! `LocalStorage::raw()` panics when the browser blocks storage; here every call goes
//! through one probe first, so a blocked browser just forgets the preference.

use gloo_storage::{LocalStorage, Storage};

use super::local::{self, SaveError};

/// A preference flag, by name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Flag {
    /// The notice that Safari may delete data after 7 days unused.
    EvictionNoticeDismissed,
    /// The applications page opens as a board rather than a list.
    BoardView,
}

impl Flag {
    fn key(self) -> &'static str {
        match self {
            Flag::EvictionNoticeDismissed => "knockback:pref:eviction-notice-dismissed",
            Flag::BoardView => "knockback:pref:board-view",
        }
    }
}

/// The flag's value; `false` when unset or when storage can't be used.
pub(crate) fn get(flag: Flag) -> bool {
    local::usable() && LocalStorage::get::<bool>(flag.key()).unwrap_or(false)
}

/// Sets the flag. Storage that is blocked or full only means the notice shows again.
pub(crate) fn set(flag: Flag, value: bool) -> Result<(), SaveError> {
    if !local::usable() {
        return Err(SaveError::Browser("storage is blocked".into()));
    }
    LocalStorage::set(flag.key(), value).map_err(|e| SaveError::Browser(e.to_string()))
}

//! Preferences and browser facts the views need, so they never reach into storage.

use super::Store;
use crate::model::eviction::Eviction;
use crate::storage::prefs::{self, Flag};

impl Store {
    /// Whether this browser may delete the notebook on its own (Safari's 7-day rule).
    pub(crate) fn eviction(&self) -> Eviction {
        crate::browser::eviction()
    }

    /// True when the user dismissed the eviction notice.
    pub(crate) fn eviction_notice_dismissed(&self) -> bool {
        prefs::get(Flag::EvictionNoticeDismissed)
    }

    /// Remembers that the eviction notice was read. If storage won't keep the flag, the
    /// notice simply shows again next time.
    pub(crate) fn dismiss_eviction_notice(&self) {
        let _ = prefs::set(Flag::EvictionNoticeDismissed, true);
    }

    /// True when the user last chose the board over the list.
    pub(crate) fn board_view_preferred(&self) -> bool {
        prefs::get(Flag::BoardView)
    }

    /// Remembers the list/board choice. A blocked storage only means the list opens
    /// next time; the address still carries the choice.
    pub(crate) fn remember_board_view(&self, board: bool) {
        let _ = prefs::set(Flag::BoardView, board);
    }
}

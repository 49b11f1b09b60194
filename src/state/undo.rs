//! What the Undo bar takes back: a deleted application, or the stage entry a one-tap
//! move (the board, the list's quick change) added. Kept in memory only; a reload
//! ends the offer, as the bar's ten seconds do.

use leptos::prelude::*;
use uuid::Uuid;

use super::Store;
use crate::model::error::ChangeError;
use crate::model::stage::StageChange;
use crate::model::{Moved, Stage, Undoable};

impl Store {
    /// Deletes an application and offers "Undo".
    pub(crate) fn delete_application(&self, id: Uuid) {
        if let Some(deleted) = self.update(|d| d.delete_application(id)).flatten() {
            self.undo.set(Some(Undoable::Deleted(Box::new(deleted))));
        }
    }

    /// Moves an application to `to`, dated today, and offers "Undo".
    pub(crate) fn move_application(&self, id: Uuid, to: Stage) -> Option<Result<(), ChangeError>> {
        let today = crate::browser::today();
        let now = chrono::Utc::now();
        let moved = self.update(|d| {
            let name = d
                .application(id)
                .map(|a| format!("{} at {}", a.role, a.company))
                .unwrap_or_default();
            d.record_stage(id, to, today, today, now).map(|()| name)
        })?;
        Some(moved.map(|name| {
            let change = StageChange {
                stage: to,
                on: today,
                recorded_at: now,
            };
            self.undo.set(Some(Undoable::Moved(Moved {
                application_id: id,
                change,
                name,
            })));
        }))
    }

    /// Takes back what the Undo bar offers: puts a deleted application back, or takes
    /// out the stage entry a move added.
    pub(crate) fn undo_last(&self) {
        if let Some(undoable) = self.undo.get_untracked() {
            self.undo.set(None);
            match undoable {
                Undoable::Deleted(deleted) => {
                    self.update(|d| d.undo_delete(*deleted));
                }
                Undoable::Moved(moved) => {
                    self.update(|d| d.undo_move(&moved, chrono::Utc::now()));
                }
            }
        }
    }
}

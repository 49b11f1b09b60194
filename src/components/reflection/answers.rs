//! How every reflection step reads and writes its answers: one reactive read of the
//! reflection, one change through the store (stamped, saved, counted for backup).

use leptos::prelude::*;
use uuid::Uuid;

use crate::model::Reflection;
use crate::state::{use_store, Store};

/// One reflection's answers, as the wizard's steps edit them.
#[derive(Clone, Copy)]
pub(crate) struct Answers {
    store: Store,
    reflection_id: Uuid,
}

impl Answers {
    pub(crate) fn new(reflection_id: Uuid) -> Self {
        Answers {
            store: use_store(),
            reflection_id,
        }
    }

    /// Reads one answer (tracked); the default while the reflection is gone.
    pub(crate) fn get<R: Default>(self, f: impl FnOnce(&Reflection) -> R) -> R {
        self.store
            .data
            .with(|d| d.reflection(self.reflection_id).map(f).unwrap_or_default())
    }

    /// A reactive read of one answer, for `prop:value`.
    pub(crate) fn read<R: Default>(
        self,
        f: impl Fn(&Reflection) -> R + Copy + Send + Sync + 'static,
    ) -> impl Fn() -> R + Copy + Send + Sync + 'static {
        move || self.get(f)
    }

    /// Changes the reflection, if it is still there.
    pub(crate) fn write(self, f: impl FnOnce(&mut Reflection)) {
        self.store.edit_reflection(self.reflection_id, f);
    }
}

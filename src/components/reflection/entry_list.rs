//! The list editor the reflection steps share: numbered entries (skill gaps,
//! techniques), each a fieldset with its own fields and a Remove button, and an Add
//! button below. [`Entries`] reads and writes one list of the reflection by id.

use leptos::prelude::*;
use uuid::Uuid;

use super::answers::Answers;
use crate::model::Reflection;

/// One list inside a reflection, addressed by entry id.
pub(crate) struct Entries<T: 'static> {
    answers: Answers,
    list: fn(&Reflection) -> &Vec<T>,
    list_mut: fn(&mut Reflection) -> &mut Vec<T>,
    id: fn(&T) -> Uuid,
}

// Derived `Clone`/`Copy` would ask the same of `T`; the fields are all `Copy`.
impl<T> Clone for Entries<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T> Copy for Entries<T> {}

impl<T: 'static> Entries<T> {
    pub(crate) fn new(
        reflection_id: Uuid,
        list: fn(&Reflection) -> &Vec<T>,
        list_mut: fn(&mut Reflection) -> &mut Vec<T>,
        id: fn(&T) -> Uuid,
    ) -> Self {
        Entries {
            answers: Answers::new(reflection_id),
            list,
            list_mut,
            id,
        }
    }

    /// Every entry's id, in order (tracked).
    fn ids(self) -> Vec<Uuid> {
        self.answers
            .get(|r| (self.list)(r).iter().map(self.id).collect())
    }

    /// Reads one field of one entry (tracked); the default when it is gone.
    pub(crate) fn get<R: Default>(self, entry: Uuid, f: impl Fn(&T) -> R) -> R {
        self.answers.get(|r| {
            (self.list)(r)
                .iter()
                .find(|e| (self.id)(e) == entry)
                .map(f)
                .unwrap_or_default()
        })
    }

    /// Changes one entry, if it is still there.
    pub(crate) fn set(self, entry: Uuid, f: impl FnOnce(&mut T)) {
        let Entries { list_mut, id, .. } = self;
        self.answers.write(|r| {
            if let Some(e) = list_mut(r).iter_mut().find(|e| id(e) == entry) {
                f(e)
            }
        });
    }

    /// Adds an entry at the end.
    pub(crate) fn add(self, entry: T) {
        let list_mut = self.list_mut;
        self.answers.write(|r| list_mut(r).push(entry));
    }

    fn remove(self, entry: Uuid) {
        let Entries { list_mut, id, .. } = self;
        self.answers
            .write(|r| list_mut(r).retain(|e| id(e) != entry));
    }
}

/// The numbered entries of one list and its Add button. `noun` names an entry
/// ("Gap 2", "Remove gap 2"); `fields` draws the fields of entry `n` with that id.
#[component]
pub(crate) fn EntryList<T: Send + Sync + 'static, V: IntoView + 'static>(
    entries: Entries<T>,
    /// Capitalised, as in the legend: "Gap", "Technique".
    noun: &'static str,
    add_label: &'static str,
    /// A new, empty entry with this id.
    blank: fn(Uuid) -> T,
    fields: impl Fn(usize, Uuid) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView {
    // Keyed by id, so typing in one row never re-creates the inputs (focus stays put).
    let ids = Memo::new(move |_| entries.ids());
    let rows = move || ids.get().into_iter().enumerate().collect::<Vec<_>>();
    view! {
        <ol class="entry-list">
            <For each=rows key=|(_, id)| *id let:item>
                {
                    let (i, id) = item;
                    let n = i + 1;
                    view! {
                        <li class="entry">
                            <fieldset>
                                <legend>{format!("{noun} {n}")}</legend>
                                {fields(n, id)}
                                <button type="button" class="link" aria-label=format!("Remove {} {n}", noun.to_lowercase())
                                    on:click=move |_| entries.remove(id)>"Remove"</button>
                            </fieldset>
                        </li>
                    }
                }
            </For>
        </ol>
        <button type="button" class="secondary" on:click=move |_| entries.add(blank(Uuid::new_v4()))>{add_label}</button>
    }
}

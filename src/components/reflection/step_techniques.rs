//! Step 2: techniques and answers used in the interview, each marked keep, improve or
//! drop, with a note.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::reflection::entry_list::{Entries, EntryList};
use crate::model::reflection::{Technique, Verdict};
use crate::model::self_review::{placeholder, Field};

#[component]
pub(crate) fn StepTechniques(reflection_id: Uuid) -> impl IntoView {
    let list = Entries::new(
        reflection_id,
        |r| &r.techniques,
        |r| &mut r.techniques,
        |t| t.id,
    );
    let fields = move |n: usize, tid: Uuid| {
        view! {
            <div class="field">
                <label for=format!("tech-{tid}")>{format!("Technique {n}: what I did")}</label>
                <input id=format!("tech-{tid}") type="text" placeholder=placeholder(Field::Technique)
                    prop:value=move || list.get(tid, |t| t.name.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); list.set(tid, move |t| t.name = v) }/>
            </div>
            <fieldset class="radio-row">
                <legend>{format!("Technique {n}: keep, improve or drop?")}</legend>
                {Verdict::ALL.into_iter().map(|v| view! {
                    <label class="radio">
                        <input type="radio" name=format!("verdict-{tid}") value=v.key()
                            prop:checked=move || list.get(tid, |t| t.verdict == v)
                            on:change=move |_| list.set(tid, move |t| t.verdict = v)/>
                        " " {v.label()}
                    </label>
                }).collect_view()}
            </fieldset>
            <div class="field">
                <label for=format!("tech-note-{tid}")>{format!("Technique {n}: note")}</label>
                <input id=format!("tech-note-{tid}") type="text" placeholder=placeholder(Field::TechniqueNote)
                    prop:value=move || list.get(tid, |t| t.note.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); list.set(tid, move |t| t.note = v) }/>
            </div>
        }
    };
    view! {
        <EntryList entries=list noun="Technique" add_label="Add a technique" blank=Technique::blank fields=fields/>
    }
}

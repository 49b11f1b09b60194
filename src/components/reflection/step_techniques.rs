//! Step 2: techniques and answers used in the interview, each marked keep, improve or
//! drop, with a note.

use leptos::prelude::*;
use uuid::Uuid;

use crate::model::reflection::{Reflection, Technique, Verdict};
use crate::state::use_store;

#[component]
pub(crate) fn StepTechniques(reflection_id: Uuid) -> impl IntoView {
    let store = use_store();
    let edit = move |f: Box<dyn FnOnce(&mut Reflection)>| {
        store.edit_reflection(reflection_id, f);
    };
    let ids = Memo::new(move |_| {
        store.data.with(|d| {
            d.reflection(reflection_id)
                .map(|r| r.techniques.iter().map(|t| t.id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let read = move |tid: Uuid| {
        store.data.with(|d| {
            d.reflection(reflection_id)
                .and_then(|r| r.techniques.iter().find(|t| t.id == tid))
                .cloned()
        })
    };
    let write = move |tid: Uuid, f: Box<dyn FnOnce(&mut Technique)>| {
        edit(Box::new(move |r| {
            if let Some(t) = r.techniques.iter_mut().find(|t| t.id == tid) {
                f(t)
            }
        }));
    };
    let add = move |_| {
        edit(Box::new(|r| {
            r.techniques.push(Technique {
                id: Uuid::new_v4(),
                name: String::new(),
                verdict: Verdict::Keep,
                note: String::new(),
            })
        }))
    };
    let rows = move || ids.get().into_iter().enumerate().collect::<Vec<_>>();
    view! {
        <p>"Which techniques and answers did you use? The STAR method, your opening story, the questions you asked, that joke… Mark each one."</p>
        <ol class="entry-list">
            <For each=rows key=|(_, id)| *id let:item>
                {
                    let (i, tid) = item;
                    let n = i + 1;
                    view! {
                        <li class="entry">
                            <fieldset>
                                <legend>{format!("Technique {n}")}</legend>
                                <div class="field">
                                    <label for=format!("tech-{tid}")>{format!("Technique {n}: what I did")}</label>
                                    <input id=format!("tech-{tid}") type="text"
                                        prop:value=move || read(tid).map(|t| t.name).unwrap_or_default()
                                        on:input=move |ev| { let v = event_target_value(&ev); write(tid, Box::new(move |t| t.name = v)) }/>
                                </div>
                                <fieldset class="radio-row">
                                    <legend>{format!("Technique {n}: keep, improve or drop?")}</legend>
                                    {Verdict::ALL.into_iter().map(|v| view! {
                                        <label class="radio">
                                            <input type="radio" name=format!("verdict-{tid}") value=v.key()
                                                prop:checked=move || read(tid).is_some_and(|t| t.verdict == v)
                                                on:change=move |_| write(tid, Box::new(move |t| t.verdict = v))/>
                                            " " {v.label()}
                                        </label>
                                    }).collect_view()}
                                </fieldset>
                                <div class="field">
                                    <label for=format!("tech-note-{tid}")>{format!("Technique {n}: note")}</label>
                                    <input id=format!("tech-note-{tid}") type="text"
                                        prop:value=move || read(tid).map(|t| t.note).unwrap_or_default()
                                        on:input=move |ev| { let v = event_target_value(&ev); write(tid, Box::new(move |t| t.note = v)) }/>
                                </div>
                                <button type="button" class="link" aria-label=format!("Remove technique {n}")
                                    on:click=move |_| edit(Box::new(move |r| r.techniques.retain(|t| t.id != tid)))>"Remove"</button>
                            </fieldset>
                        </li>
                    }
                }
            </For>
        </ol>
        <button type="button" class="secondary" on:click=add>"Add a technique"</button>
    }
}

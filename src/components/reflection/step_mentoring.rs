//! Step 4: what the feedback says about the user, and one thing to try differently.

use leptos::prelude::*;
use uuid::Uuid;

use crate::model::reflection::{Mentoring, Reflection};
use crate::state::use_store;

#[component]
pub(crate) fn StepMentoring(reflection_id: Uuid) -> impl IntoView {
    let store = use_store();
    let read = move |f: fn(&Mentoring) -> String| {
        move || {
            store.data.with(|d| {
                d.reflection(reflection_id)
                    .map(|r| f(&r.mentoring))
                    .unwrap_or_default()
            })
        }
    };
    let write = move |f: Box<dyn FnOnce(&mut Reflection)>| {
        store.edit_reflection(reflection_id, f);
    };
    view! {
        <div class="field">
            <label for="learned">"What did you learn about yourself?"</label>
            <p class="hint" id="learned-hint">"Habits, the impression you give: interrupting, rushing, sounding unsure, or being great with people."</p>
            <textarea id="learned" rows="5" aria-describedby="learned-hint" prop:value=read(|m| m.learned.clone())
                on:input=move |ev| { let v = event_target_value(&ev); write(Box::new(move |r| r.mentoring.learned = v)) }></textarea>
        </div>
        <div class="field">
            <label for="try-differently">"One thing to try differently next time"</label>
            <input id="try-differently" type="text" prop:value=read(|m| m.try_differently.clone())
                on:input=move |ev| { let v = event_target_value(&ev); write(Box::new(move |r| r.mentoring.try_differently = v)) }/>
        </div>
    }
}

//! Step 4: what the feedback says about the user, and one thing to try differently.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::reflection::answers::Answers;
use crate::model::reflection::{Mentoring, Reflection};
use crate::model::self_review::{placeholder, Field};

#[component]
pub(crate) fn StepMentoring(reflection_id: Uuid) -> impl IntoView {
    let answers = Answers::new(reflection_id);
    let read = move |f: fn(&Mentoring) -> String| answers.read(move |r| f(&r.mentoring));
    let write = move |f: Box<dyn FnOnce(&mut Reflection)>| answers.write(f);
    view! {
        <div class="field">
            <label for="learned">"What did you learn about yourself?"</label>
            <p class="hint" id="learned-hint">"Habits, the impression you give: interrupting, rushing, sounding unsure, or being great with people."</p>
            <textarea id="learned" rows="5" placeholder=placeholder(Field::Learned) aria-describedby="learned-hint" prop:value=read(|m| m.learned.clone())
                on:input=move |ev| { let v = event_target_value(&ev); write(Box::new(move |r| r.mentoring.learned = v)) }></textarea>
        </div>
        <div class="field">
            <label for="try-differently">"One thing to try differently next time"</label>
            <input id="try-differently" type="text" placeholder=placeholder(Field::TryDifferently) prop:value=read(|m| m.try_differently.clone())
                on:input=move |ev| { let v = event_target_value(&ev); write(Box::new(move |r| r.mentoring.try_differently = v)) }/>
        </div>
    }
}

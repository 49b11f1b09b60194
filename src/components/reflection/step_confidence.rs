//! Step 5: three things done well (first, on purpose; each can become a technique to
//! keep), confidence now on a 1–10 row of large radio buttons, and the next step.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::reflection::answers::Answers;
use crate::components::reflection::keep_button::KeepButton;
use crate::model::reflection::Reflection;
use crate::model::self_review::{placeholder, Field};

#[component]
pub(crate) fn StepConfidence(
    reflection_id: Uuid,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let answers = Answers::new(reflection_id);
    let write = move |f: Box<dyn FnOnce(&mut Reflection)>| answers.write(f);
    let read = move |f: fn(&Reflection) -> String| answers.read(f);
    let well =
        |i: usize| move |r: &Reflection| r.confidence.did_well.get(i).cloned().unwrap_or_default();
    let set_well = move |i: usize, v: String| {
        write(Box::new(move |r| {
            let list = &mut r.confidence.did_well;
            if list.len() <= i {
                list.resize(i + 1, String::new());
            }
            list[i] = v;
        }))
    };
    let rating = answers.read(|r| r.confidence.rating);
    view! {
        <fieldset>
            <legend>"Three things you did well"</legend>
            {(0..3).map(|i| {
                let id = format!("did-well-{}", i + 1);
                let get = well(i);
                view! {
                    <div class="field">
                        <label for=id.clone()>{format!("Did well {}", i + 1)}</label>
                        <input id=id type="text" placeholder=placeholder(Field::DidWell)
                            prop:value=move || answers.get(get)
                            on:input=move |ev| set_well(i, event_target_value(&ev))/>
                        <KeepButton reflection_id=reflection_id text=Signal::derive(move || answers.get(get)) status=status/>
                    </div>
                }
            }).collect_view()}
        </fieldset>
        <fieldset class="scale" aria-describedby="confidence-ends">
            <legend>"How confident do you feel now? (1 to 10)"</legend>
            <div class="scale-options">
                {(1..=10u8).map(|n| view! {
                    <label class="scale-option">
                        <input type="radio" name="confidence" value=n.to_string()
                            prop:checked=move || rating() == Some(n)
                            on:change=move |_| write(Box::new(move |r| r.confidence.rating = Some(n)))/>
                        <span>{n}</span>
                    </label>
                }).collect_view()}
            </div>
            <p class="hint" id="confidence-ends">"1 is shaken, 10 is ready for the next one."</p>
        </fieldset>
        <div class="field">
            <label for="next-step">"My next step"</label>
            <input id="next-step" type="text" placeholder=placeholder(Field::NextStep) prop:value=read(|r| r.confidence.next_step.clone())
                on:input=move |ev| { let v = event_target_value(&ev); write(Box::new(move |r| r.confidence.next_step = v)) }/>
        </div>
    }
}

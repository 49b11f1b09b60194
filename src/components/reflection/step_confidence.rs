//! Step 5: three things done well (first, on purpose), confidence now, and the next step.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::reflection::answers::Answers;
use crate::model::reflection::Reflection;

#[component]
pub(crate) fn StepConfidence(reflection_id: Uuid) -> impl IntoView {
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
    view! {
        <fieldset>
            <legend>"Three things you did well"</legend>
            {(0..3).map(|i| {
                let id = format!("did-well-{}", i + 1);
                let get = well(i);
                view! {
                    <div class="field">
                        <label for=id.clone()>{format!("Did well {}", i + 1)}</label>
                        <input id=id type="text"
                            prop:value=move || answers.get(get)
                            on:input=move |ev| set_well(i, event_target_value(&ev))/>
                    </div>
                }
            }).collect_view()}
        </fieldset>
        <div class="field narrow">
            <label for="confidence">"How confident do you feel now? (1 to 10)"</label>
            <select id="confidence" prop:value=read(|r| r.confidence.rating.map(|n| n.to_string()).unwrap_or_default())
                on:change=move |ev| { let v = event_target_value(&ev).parse::<u8>().ok().filter(|n| (1..=10).contains(n)); write(Box::new(move |r| r.confidence.rating = v)) }>
                <option value="">"Choose…"</option>
                {(1..=10).map(|n| view! { <option value=n.to_string()>{match n { 1 => "1 – shaken".to_owned(), 10 => "10 – ready for the next one".to_owned(), n => n.to_string() }}</option> }).collect_view()}
            </select>
        </div>
        <div class="field">
            <label for="next-step">"My next step"</label>
            <input id="next-step" type="text" prop:value=read(|r| r.confidence.next_step.clone())
                on:input=move |ev| { let v = event_target_value(&ev); write(Box::new(move |r| r.confidence.next_step = v)) }/>
        </div>
    }
}

//! Step 3: keep the door open: thank the interviewer, stay in touch, consider
//! reapplying and other roles there.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::application::message_editor::MessageEditor;
use crate::components::choice_select::ChoiceSelect;
use crate::components::reflection::answers::Answers;
use crate::model::reflection::{Opportunities, ReapplyInterest, Reflection};
use crate::model::self_review::{placeholder, Field};
use crate::model::templates;
use crate::state::use_store;

#[component]
pub(crate) fn StepOpportunities(reflection_id: Uuid, application_id: Uuid) -> impl IntoView {
    let store = use_store();
    let answers = Answers::new(reflection_id);
    let read = move |f: fn(&Opportunities) -> String| answers.read(move |r| f(&r.opportunities));
    let write = move |f: Box<dyn FnOnce(&mut Reflection)>| answers.write(f);
    let date = |s: &str| chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").ok();
    let message = store
        .data
        .with_untracked(|d| d.application(application_id).cloned());
    let in_touch = answers.read(|r| r.opportunities.stay_in_touch);
    view! {
        {message.map(|m| view! {
            <details class="template">
                <summary>"Thank-you message"</summary>
                <MessageEditor id="thanks" app=m make=templates::thank_you/>
            </details>
        })}
        <div class="grid-2">
            <div class="field">
                <label for="thanked-on">"I thanked them on"</label>
                <input id="thanked-on" type="date" prop:value=read(|o| o.thanked_on.map(|d| d.to_string()).unwrap_or_default())
                    on:input=move |ev| { let v = date(&event_target_value(&ev)); write(Box::new(move |r| r.opportunities.thanked_on = v)) }/>
            </div>
            <div class="field">
                <label for="reapply">"Would you apply there again?"</label>
                <ChoiceSelect id="reapply" value=Signal::derive(read(|o| o.reapply.key().to_owned()))
                    on_change={move |k: Option<ReapplyInterest>| { let v = k.unwrap_or_default(); write(Box::new(move |r| r.opportunities.reapply = v)) }}/>
            </div>
        </div>
        <div class="field inline-check">
            <label>
                <input type="checkbox" prop:checked=in_touch
                    on:change=move |ev| { let v = event_target_checked(&ev); write(Box::new(move |r| r.opportunities.stay_in_touch = v)) }/>
                " Stay in touch with them"
            </label>
        </div>
        <div class="grid-2">
            <div class="field">
                <label for="reconnect-on">"Reconnect on"</label>
                <input id="reconnect-on" type="date" prop:value=read(|o| o.reconnect_on.map(|d| d.to_string()).unwrap_or_default())
                    on:input=move |ev| { let v = date(&event_target_value(&ev)); write(Box::new(move |r| r.opportunities.reconnect_on = v)) }/>
            </div>
            <div class="field">
                <label for="other-roles">"Other roles there that could suit you"</label>
                <input id="other-roles" type="text" placeholder=placeholder(Field::OtherRoles) prop:value=read(|o| o.other_roles.clone())
                    on:input=move |ev| { let v = event_target_value(&ev); write(Box::new(move |r| r.opportunities.other_roles = v)) }/>
            </div>
        </div>
    }
}

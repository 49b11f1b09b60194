//! Step 1: skill or experience gaps, each with an action and an optional target date.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::choice_select::ChoiceSelect;
use crate::components::reflection::entry_list::{Entries, EntryList};
use crate::model::reflection::{ActionKind, SkillGap};
use crate::model::self_review::{placeholder, Field};

#[component]
pub(crate) fn StepSkills(reflection_id: Uuid) -> impl IntoView {
    let list = Entries::new(reflection_id, |r| &r.skills, |r| &mut r.skills, |g| g.id);
    let get = move |gid: Uuid, f: fn(&SkillGap) -> String| move || list.get(gid, f);
    let set = move |gid: Uuid, f: fn(&mut SkillGap, String)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            list.set(gid, move |g| f(g, v));
        }
    };
    let set_kind = move |gid: Uuid| {
        move |kind: Option<ActionKind>| {
            list.set(gid, move |g| g.action_kind = kind.unwrap_or_default())
        }
    };
    let fields = move |n: usize, gid: Uuid| {
        view! {
            <div class="grid-2">
                <div class="field">
                    <label for=format!("gap-{gid}")>{format!("Gap {n}: skill or experience")}</label>
                    <input id=format!("gap-{gid}") type="text" placeholder=placeholder(Field::Gap) prop:value=get(gid, |g| g.gap.clone()) on:input=set(gid, |g, v| g.gap = v)/>
                </div>
                <div class="field">
                    <label for=format!("action-{gid}")>{format!("Gap {n}: what I'll do")}</label>
                    <input id=format!("action-{gid}") type="text" placeholder=placeholder(Field::GapAction) prop:value=get(gid, |g| g.action.clone()) on:input=set(gid, |g, v| g.action = v)/>
                </div>
                <div class="field">
                    <label for=format!("kind-{gid}")>{format!("Gap {n}: kind of action")}</label>
                    <ChoiceSelect id=format!("kind-{gid}") value=Signal::derive(get(gid, |g| g.action_kind.key().to_owned()))
                        on_change=set_kind(gid)/>
                </div>
                <div class="field">
                    <label for=format!("target-{gid}")>{format!("Gap {n}: target date (optional)")}</label>
                    <input id=format!("target-{gid}") type="date" prop:value=get(gid, |g| g.target_date.map(|d| d.to_string()).unwrap_or_default())
                        on:input=set(gid, |g, v| g.target_date = chrono::NaiveDate::parse_from_str(&v, "%Y-%m-%d").ok())/>
                </div>
            </div>
        }
    };
    view! {
        <EntryList entries=list noun="Gap" add_label="Add a gap" blank=SkillGap::blank fields=fields/>
    }
}

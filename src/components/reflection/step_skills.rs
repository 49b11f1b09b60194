//! Step 1: skill or experience gaps, each with an action and an optional target date.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::choice_select::ChoiceSelect;
use crate::model::reflection::{ActionKind, Reflection, SkillGap};
use crate::state::use_store;

#[component]
pub(crate) fn StepSkills(reflection_id: Uuid) -> impl IntoView {
    let store = use_store();
    let edit = move |f: Box<dyn FnOnce(&mut Reflection)>| {
        store.edit_reflection(reflection_id, f);
    };
    // Keyed by id, so typing in one row never re-creates the inputs (focus stays put).
    let ids = Memo::new(move |_| {
        store.data.with(|d| {
            d.reflection(reflection_id)
                .map(|r| r.skills.iter().map(|g| g.id).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    });
    let get = move |gid: Uuid, f: fn(&SkillGap) -> String| {
        move || {
            store.data.with(|d| {
                d.reflection(reflection_id)
                    .and_then(|r| r.skills.iter().find(|g| g.id == gid))
                    .map(f)
                    .unwrap_or_default()
            })
        }
    };
    let set = move |gid: Uuid, f: fn(&mut SkillGap, String)| {
        move |ev: leptos::ev::Event| {
            let v = event_target_value(&ev);
            edit(Box::new(move |r| {
                if let Some(g) = r.skills.iter_mut().find(|g| g.id == gid) {
                    f(g, v)
                }
            }));
        }
    };
    let set_kind = move |gid: Uuid| {
        move |kind: Option<ActionKind>| {
            let kind = kind.unwrap_or_default();
            edit(Box::new(move |r| {
                if let Some(g) = r.skills.iter_mut().find(|g| g.id == gid) {
                    g.action_kind = kind;
                }
            }));
        }
    };
    let add = move |_| {
        edit(Box::new(|r| r.skills.push(SkillGap::blank(Uuid::new_v4()))));
    };
    let rows = move || ids.get().into_iter().enumerate().collect::<Vec<_>>();
    view! {
        <p>"What skill or experience did they say was missing? For each, choose one thing you'll do about it."</p>
        <ol class="entry-list">
            <For each=rows key=|(_, id)| *id let:item>
                {
                    let (i, gid) = item;
                    let n = i + 1;
                    view! {
                        <li class="entry">
                            <fieldset>
                                <legend>{format!("Gap {n}")}</legend>
                                <div class="grid-2">
                                    <div class="field">
                                        <label for=format!("gap-{gid}")>{format!("Gap {n}: skill or experience")}</label>
                                        <input id=format!("gap-{gid}") type="text" prop:value=get(gid, |g| g.gap.clone()) on:input=set(gid, |g, v| g.gap = v)/>
                                    </div>
                                    <div class="field">
                                        <label for=format!("action-{gid}")>{format!("Gap {n}: what I'll do")}</label>
                                        <input id=format!("action-{gid}") type="text" prop:value=get(gid, |g| g.action.clone()) on:input=set(gid, |g, v| g.action = v)/>
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
                                <button type="button" class="link" aria-label=format!("Remove gap {n}")
                                    on:click=move |_| edit(Box::new(move |r| r.skills.retain(|g| g.id != gid)))>"Remove"</button>
                            </fieldset>
                        </li>
                    }
                }
            </For>
        </ol>
        <button type="button" class="secondary" on:click=add>"Add a gap"</button>
    }
}

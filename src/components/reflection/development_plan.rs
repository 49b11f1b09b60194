//! The development plan: every skill action across reflections, with its status. One
//! card per item (gap, action, target date, status, the rejection it came from), which
//! reads on a phone without sideways scrolling; on wide screens the cards sit in columns.
//! A long plan shows its first cards (open ones, soonest first) and "Show more".

use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser::format_date;
use crate::components::choice_select::ChoiceSelect;
use crate::components::show_more::{ShowMore, FIRST};
use crate::model::insights::PlanItem;
use crate::model::reflection::PlanStatus;
use crate::routes::AppRoute;
use crate::state::use_store;

#[component]
pub(crate) fn DevelopmentPlan(#[prop(into)] items: Signal<Vec<PlanItem>>) -> impl IntoView {
    let store = use_store();
    let shown = RwSignal::new(FIRST);
    let total = Signal::derive(move || items.with(Vec::len));
    view! {
        <section class="card" aria-labelledby="plan-h">
            <h2 id="plan-h">"Development plan"</h2>
            {move || {
                let items = items.get();
                if items.is_empty() {
                    return view! { <p class="muted">"Skill gaps you note in step 1 of a reflection become your plan here."</p> }.into_any();
                }
                view! {
                    <ul class="plan-list">
                        {items.into_iter().take(shown.get()).map(|i| {
                            let (rid, gid) = (i.reflection_id, i.gap_id);
                            let select_id = format!("plan-status-{gid}");
                            let action = if i.action.is_empty() {
                                "No action written yet.".to_owned()
                            } else {
                                format!("{} ({})", i.action, i.kind.label().to_lowercase())
                            };
                            view! {
                                <li class="plan-item">
                                    <h3>{i.gap.clone()}</h3>
                                    <p>{action}</p>
                                    <dl>
                                        <dt>"Target"</dt>
                                        <dd>{i.target.map(format_date).unwrap_or_else(|| "—".into())}</dd>
                                        <dt>"From"</dt>
                                        <dd><A href=AppRoute::Application(i.application_id).href()>{i.source.clone()}</A></dd>
                                    </dl>
                                    <div class="field">
                                        // "Status of <gap>": every card's select has its own name.
                                        <label for=select_id.clone()>"Status"<span class="visually-hidden">{format!(" of {}", i.gap)}</span></label>
                                        <ChoiceSelect id=select_id value=i.status.key().to_owned()
                                            disabled=Signal::derive(move || !store.writable())
                                            on_change={move |s: Option<PlanStatus>| {
                                                store.edit_reflection(rid, |r| r.set_plan_status(gid, s.unwrap_or_default()));
                                            }}/>
                                    </div>
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                }.into_any()
            }}
            <ShowMore shown total what="plan items"/>
        </section>
    }
}

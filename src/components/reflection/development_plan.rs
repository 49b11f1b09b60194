//! The development plan: every skill action across reflections, with its status.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser::format_date;
use crate::components::choice_select::ChoiceSelect;
use crate::model::insights::PlanItem;
use crate::model::reflection::PlanStatus;
use crate::routes::AppRoute;
use crate::state::use_store;

#[component]
pub(crate) fn DevelopmentPlan(#[prop(into)] items: Signal<Vec<PlanItem>>) -> impl IntoView {
    let store = use_store();
    view! {
        <section class="card" aria-labelledby="plan-h">
            <h2 id="plan-h">"Development plan"</h2>
            {move || {
                let items = items.get();
                if items.is_empty() {
                    return view! { <p class="muted">"Skill gaps you note in step 1 of a reflection become your plan here."</p> }.into_any();
                }
                view! {
                    <div class="table-scroll">
                    <table class="data-table">
                        <thead><tr>
                            <th scope="col">"Gap"</th><th scope="col">"Action"</th><th scope="col">"Target"</th>
                            <th scope="col">"Status"</th><th scope="col">"From"</th>
                        </tr></thead>
                        <tbody>
                            {items.into_iter().map(|i| {
                                let (rid, gid) = (i.reflection_id, i.gap_id);
                                let label = format!("Status of {}", i.gap);
                                view! {
                                    <tr>
                                        <th scope="row">{i.gap.clone()}</th>
                                        <td>{if i.action.is_empty() { "—".to_owned() } else { format!("{} ({})", i.action, i.kind.label().to_lowercase()) }}</td>
                                        <td>{i.target.map(format_date).unwrap_or_else(|| "—".into())}</td>
                                        <td>
                                            <ChoiceSelect label=label value=i.status.key().to_owned()
                                                disabled=Signal::derive(move || !store.writable())
                                                on_change={move |s: Option<PlanStatus>| {
                                                    store.edit_reflection(rid, |r| r.set_plan_status(gid, s.unwrap_or_default()));
                                                }}/>
                                        </td>
                                        <td><A href=AppRoute::Application(i.application_id).href()>{i.source.clone()}</A></td>
                                    </tr>
                                }
                            }).collect_view()}
                        </tbody>
                    </table>
                    </div>
                }.into_any()
            }}
        </section>
    }
}

//! The dashboard's "Today" section: what is due or coming up, each with a button that
//! goes straight to its action (one tap from the list).

use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser::today;
use crate::model::today::{Target, TodayItem, TodayKind};
use crate::routes::AppRoute;

/// The page an item's action opens. Kept here because the model sits below the routes.
fn route(target: Target) -> AppRoute {
    match target {
        Target::Application(id) => AppRoute::Application(id),
        Target::Reflect(id) => AppRoute::reflect(id),
        Target::Plan => AppRoute::Insights,
    }
}

/// `items`: today's list from the dashboard's summary, where reflections have no
/// deadline and only the first few are listed (the rest wait on the Reflect page rather
/// than pushing the dashboard down); `waiting`: how many reflections wait in all.
#[component]
pub(crate) fn TodayList(
    #[prop(into)] items: Signal<Vec<TodayItem>>,
    #[prop(into)] waiting: Signal<usize>,
) -> impl IntoView {
    view! {
        <section class="card today" aria-labelledby="today-h">
            <h2 id="today-h">"Today"</h2>
            {move || {
                let list = items.get();
                if list.is_empty() {
                    view! {
                        <p class="today-empty">"Nothing needs you today. Enjoy the breathing room."</p>
                        <p class="muted">"Follow-ups, interviews in the coming week, plan targets, reconnect dates and rejections waiting for a reflection will gather here as they come up."</p>
                    }.into_any()
                } else {
                    let now = today();
                    let waiting = waiting.get();
                    let listed = list.iter().filter(|i| i.kind == TodayKind::Reflection).count();
                    view! {
                        <ul class="today-list">
                            {list.into_iter().map(|item| view! { <TodayRow item=item today=now/> }).collect_view()}
                        </ul>
                        {(waiting > listed).then(|| view! {
                            <p class="actions">
                                <A href=AppRoute::ReflectList.href() attr:class="button secondary today-action">
                                    {format!("See all {waiting} waiting reflections")}
                                </A>
                            </p>
                        })}
                    }.into_any()
                }
            }}
        </section>
    }
}

#[component]
fn TodayRow(item: TodayItem, today: chrono::NaiveDate) -> impl IntoView {
    let when = item.when_label(today);
    let time = item.time_label().map(|t| {
        if item.zone.is_empty() {
            format!(" · {t}")
        } else {
            format!(" · {t} ({})", item.zone)
        }
    });
    let label = format!("{}: {}, {}", item.verb.label(), item.title, item.subject);
    // A bare meeting link says nothing the "Join call" button doesn't; an address does.
    let show_place = !item.place.is_empty() && item.call.as_deref() != Some(item.place.as_str());
    let join = item.call.clone().map(|href| {
        let name = format!("Join call: {}, {} (opens in a new tab)", item.title, item.subject);
        view! {
            <a href=href class="button today-action" target="_blank" rel="noopener noreferrer" aria-label=name>"Join call"</a>
        }
    });
    let class = format!("today-item today-{:?}", item.when).to_lowercase();
    view! {
        <li class=class>
            <div class="today-text">
                <p class="today-when"><strong>{when}</strong>{time}</p>
                <p class="today-title">{item.title}<span class="muted">{format!(" · {}", item.subject)}</span></p>
                {show_place.then(|| view! { <p class="today-place muted">{item.place}</p> })}
            </div>
            <div class="today-actions">
                {join}
                <A href=route(item.target).href() attr:class="button secondary today-action" attr:aria-label=label>{item.verb.label()}</A>
            </div>
        </li>
    }
}

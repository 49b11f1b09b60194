//! Insights across reflections: development plan, technique board, confidence over
//! time with the wins log, and recurring themes. Long lists show their first
//! screenful and "Show more", so a big notebook opens without a long freeze.

use leptos::prelude::*;

use crate::browser::format_date;
use crate::components::deferred::Deferred;
use crate::components::reflection::confidence_chart::ConfidenceChart;
use crate::components::reflection::development_plan::DevelopmentPlan;
use crate::components::reflection::technique_board::TechniqueBoard;
use crate::components::reflection::themes_panel::ThemesPanel;
use crate::components::show_more::{ShowMore, FIRST};
use crate::model::insights;
use crate::state::use_store;

#[component]
pub(crate) fn Insights() -> impl IntoView {
    crate::browser::set_title("Insights");
    let store = use_store();
    let plan = Memo::new(move |_| store.data.with(insights::plan));
    let board = Memo::new(move |_| store.data.with(insights::board));
    let series = Memo::new(move |_| store.data.with(insights::confidence_series));
    let wins = Memo::new(move |_| store.data.with(insights::wins));
    let wins_shown = RwSignal::new(FIRST);
    let wins_total = Signal::derive(move || wins.with(Vec::len));
    let any = Memo::new(move |_| store.data.with(|d| !d.reflections.is_empty()));
    view! {
        <h1>"Insights"</h1>
        <Show when=move || !any.get()>
            <p class="card">"Insights grow from your reflections: your development plan, the interview techniques to keep, improve or drop, and how your confidence changes over time. Reflect on a rejection and they appear here."</p>
        </Show>
        <DevelopmentPlan items=plan/>
        // Each heavy section in its own task, in reading order.
        <Deferred after=1><TechniqueBoard board=board/></Deferred>
        <Deferred after=2>
            <section class="card" aria-labelledby="confidence-h">
                <h2 id="confidence-h">"Confidence over time"</h2>
                <ConfidenceChart series=series/>
            </section>
        </Deferred>
        <div class="dash-grid">
            <Deferred after=3><section class="card" aria-labelledby="wins-h">
                <h2 id="wins-h">"Wins log"</h2>
                {move || {
                    let w = wins.get();
                    if w.is_empty() {
                        view! { <p class="muted">"What you did well, from each reflection, collects here."</p> }.into_any()
                    } else {
                        view! { <ul>{w.into_iter().take(wins_shown.get()).map(|w| view! { <li>{w.text}<span class="muted">{format!(" · {} · {}", w.source, format_date(w.date))}</span></li> }).collect_view()}</ul> }.into_any()
                    }
                }}
                <ShowMore shown=wins_shown total=wins_total what="wins"/>
            </section></Deferred>
            <Deferred after=4><ThemesPanel/></Deferred>
        </div>
    }
}

//! The first page: what needs doing today, then how the search is going.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::browser::today;
use crate::components::application::quick_add::QuickAddBar;
use crate::components::dashboard::due_list::DueList;
use crate::components::dashboard::funnel_chart::FunnelChart;
use crate::components::dashboard::source_stats::SourceStats;
use crate::components::dashboard::today_list::TodayList;
use crate::components::settings::backup_nudge::BackupNudge;
use crate::components::unencrypted_hint::UnencryptedHint;
use crate::model::ics;
use crate::model::query::ListQuery;
use crate::model::stats::FeedbackRates;
use crate::model::summary::Summary;
use crate::routes::AppRoute;
use crate::state::use_store;

#[component]
pub(crate) fn Dashboard() -> impl IntoView {
    crate::browser::set_title("Dashboard");
    let store = use_store();
    // Everything below draws from one summary: the one the last save stored while the
    // notebook is still being read at start-up, then one built from the data.
    let summary =
        Memo::new(move |_| store.glance(Summary::clone, |d| Summary::of(d, today(), today())));
    let total = Memo::new(move |_| summary.with(|s| s.total));
    let counts = Memo::new(move |_| summary.with(|s| s.counts.clone()));
    let funnel = Memo::new(move |_| summary.with(|s| s.funnel.clone()));
    let rates = Memo::new(move |_| summary.with(|s| s.rates.clone()));
    let sources = Memo::new(move |_| summary.with(|s| s.sources.clone()));
    let ghosted = Memo::new(move |_| summary.with(|s| s.ghosted_on(today())));
    let items = Memo::new(move |_| summary.with(|s| s.today_on(today())));
    let waiting = Memo::new(move |_| summary.with(|s| s.waiting));
    let ics_message = RwSignal::new(None::<String>);
    let download_ics = move |_| {
        let reminders = store.whole(|d| ics::reminders(d, today()));
        if reminders.is_empty() {
            ics_message.set(Some("Nothing to add yet: follow-ups, interviews, plan targets and reconnect dates appear here once you have some.".into()));
            return;
        }
        let text = ics::calendar(
            &reminders,
            chrono::Utc::now(),
            &crate::browser::zone::utc_offset,
        );
        ics_message.set(Some(
            match crate::browser::download("knockback-reminders.ics", "text/calendar", &text) {
                Ok(()) => format!(
                    "Downloaded {} reminders. Open the file to add them to your calendar.",
                    reminders.len()
                ),
                Err(e) => format!("The download could not start: {e}."),
            },
        ));
    };
    let add_sample = move |_| {
        store.update(|d| d.add_sample(today(), chrono::Utc::now()));
    };

    view! {
        <h1>"Dashboard"</h1>
        <Show
            when=move || { total.get() > 0 }
            fallback=move || view! {
                <section class="card empty-state" aria-labelledby="welcome">
                    <h2 id="welcome">"Welcome to Knockback"</h2>
                    <p>"Keep your whole job search in one place, and turn every rejection into feedback you can use."</p>
                    <p>"Everything you write stays in this browser. No account, no server, nothing sent anywhere."</p>
                    <div class="actions">
                        <A href=AppRoute::NewApplication.href() attr:class="button">"Add your first application"</A>
                        <button type="button" class="secondary" disabled=move || !store.writable() on:click=add_sample>"Try with sample data"</button>
                    </div>
                </section>
            }
        >
            // Today first: what needs the user now; capturing a new one comes next.
            <TodayList items=items waiting=waiting/>
        </Show>
        // One bar for both: its "Added …" line must outlive the first application
        // turning the welcome into the dashboard.
        <QuickAddBar/>
        <Show when=move || { total.get() > 0 }>
            <div class="dash-grid">
                <section class="card" aria-labelledby="by-stage">
                    <h2 id="by-stage">"Applications by stage"</h2>
                    <p>{move || format!("{} in total", total.get())}</p>
                    <ul class="stage-counts">
                        {move || counts.get().into_iter().map(|(s, n)| view! {
                            <li><A href=AppRoute::Applications(ListQuery { stage: Some(s), ..ListQuery::default() }).href()>
                                <span class=format!("badge stage-{}", s.key())>{s.label()}</span>" "<strong>{n}</strong>
                            </A></li>
                        }).collect_view()}
                    </ul>
                    <p class="actions">
                        <A href=AppRoute::NewApplication.href() attr:class="button">"Add application"</A>
                    </p>
                </section>
                <section class="card" aria-labelledby="funnel-h">
                    <h2 id="funnel-h">"Funnel"</h2>
                    <FunnelChart funnel=funnel/>
                </section>
                <SourceStats rates=sources/>
                <section class="card" aria-labelledby="feedback-h">
                    <h2 id="feedback-h">"Feedback after rejections"</h2>
                    {move || {
                        let r = rates.get();
                        match FeedbackRates::percent(r.asked, r.rejections) {
                            None => view! { <p class="muted">"No rejections yet. When one comes, Knockback helps you ask why."</p> }.into_any(),
                            Some(asked) => view! {
                                <dl class="rates">
                                    <dt>"Asked for feedback"</dt>
                                    <dd>{format!("{asked}% ({} of {} rejections)", r.asked, r.rejections)}</dd>
                                    <dt>"Feedback received"</dt>
                                    <dd>{match FeedbackRates::percent(r.received, r.asked) {
                                        Some(p) => format!("{p}% ({} of {} asked)", r.received, r.asked),
                                        None => "Not asked yet".to_owned(),
                                    }}</dd>
                                </dl>
                            }.into_any(),
                        }
                    }}
                </section>
                <Show when=move || ghosted.with(|g| !g.is_empty())>
                    <DueList id="ghosted" title="Ghosted?" empty="" items=ghosted link_to=AppRoute::Application/>
                </Show>
                <BackupNudge/>
                <section class="card" aria-labelledby="calendar-h">
                    <h2 id="calendar-h">"Calendar"</h2>
                    <p>"Add your follow-ups, interviews, plan targets and reconnect dates to any calendar app, with reminders. Download again after changes: the events update instead of doubling."</p>
                    <div class="actions">
                        <button type="button" class="secondary" on:click=download_ics>"Download reminders (.ics)"</button>
                    </div>
                    <UnencryptedHint/>
                    <p role="status">{ics_message}</p>
                </section>
            </div>
        </Show>
    }
}

//! Interview rounds of one application: list, add, edit, remove.

use crate::model::order;
use leptos::prelude::*;
use uuid::Uuid;

use crate::browser::format_date;
use crate::components::application::zone_picker::ZonePicker;
use crate::components::choice_select::ChoiceSelect;
use crate::model::interview::{InterviewDraft, InterviewKind, InterviewRound};
use crate::state::use_store;

/// `children`: shown under the rounds, where the user just added one (the page passes
/// the "Move to Interviewing?" prompt when it applies).
#[component]
pub(crate) fn InterviewRounds(
    app_id: Uuid,
    rounds: Vec<InterviewRound>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let store = use_store();
    // `Some(None)`: adding a new round; `Some(Some(id))`: editing that one.
    let editing = RwSignal::new(None::<Option<Uuid>>);
    let mut rounds = rounds;
    order::sort_by_key(&mut rounds, |r| r.date);
    let count = rounds.len();

    let items = rounds
        .into_iter()
        .enumerate()
        .map(|(i, r)| {
            let rid = r.id;
            let title = format!("Round {}: {} interview, {}", i + 1, r.kind.label(), format_date(r.date));
            let remove_label = format!("Remove round {}", i + 1);
            let edit_label = format!("Edit round {}", i + 1);
            let round = r.clone();
            view! {
                <li class="round">
                    <Show
                        when=move || editing.get() == Some(Some(rid))
                        fallback=move || {
                            let r = round.clone();
                            view! {
                                <h3>{title.clone()}</h3>
                                {r.start_time.map(|t| {
                                    let zone = (!r.time_zone.is_empty()).then(|| format!(" ({})", r.time_zone));
                                    view! { <p>{format!("At {}{}", crate::model::time::format_time(t), zone.unwrap_or_default())}</p> }
                                })}
                                {match r.video_link() {
                                    Some(link) => Some(view! {
                                        <p><a href=link.to_owned() rel="noopener noreferrer" target="_blank">"Join video call"</a></p>
                                    }.into_any()),
                                    None => (!r.place.is_empty()).then(|| view! { <p>{format!("Where: {}", r.place)}</p> }.into_any()),
                                }}
                                {(!r.interviewers.is_empty()).then(|| view! { <p>{format!("With {}", r.interviewers.join(", "))}</p> })}
                                {r.self_rating.map(|n| view! { <p>{format!("How it went: {n} out of 5")}</p> })}
                                {(!r.notes.is_empty()).then(|| view! { <p class="prewrap">{r.notes.clone()}</p> })}
                                <div class="actions">
                                    <button type="button" class="secondary" aria-label=edit_label.clone()
                                        disabled=move || !store.writable()
                                        on:click=move |_| editing.set(Some(Some(rid)))>"Edit"</button>
                                    <button type="button" class="secondary" aria-label=remove_label.clone()
                                        disabled=move || !store.writable()
                                        on:click=move |_| { store.update(|d| d.remove_interview(app_id, rid, chrono::Utc::now())); }>"Remove"</button>
                                </div>
                            }
                        }
                    >
                        <RoundForm app_id=app_id draft=InterviewDraft::from_round(&r) round_id=rid editing=editing/>
                    </Show>
                </li>
            }
        })
        .collect_view();

    view! {
        <section class="card" aria-labelledby="rounds-title">
            <h2 id="rounds-title">"Interview rounds"</h2>
            {(count == 0).then(|| view! { <p class="muted">"No interviews recorded yet."</p> })}
            <ol class="rounds">{items}</ol>
            {children.map(|c| c())}
            <Show
                when=move || editing.get() == Some(None)
                fallback=move || view! {
                    <button type="button" disabled=move || !store.writable()
                        on:click=move |_| editing.set(Some(None))>"Add interview round"</button>
                }
            >
                <RoundForm
                    app_id=app_id
                    draft=InterviewDraft {
                        date: crate::browser::today().to_string(),
                        kind: "video".into(),
                        time_zone: crate::browser::time_zone(),
                        ..Default::default()
                    }
                    round_id=Uuid::new_v4()
                    editing=editing
                />
            </Show>
        </section>
    }
}

/// Adds or replaces the round `round_id`.
#[component]
fn RoundForm(
    app_id: Uuid,
    draft: InterviewDraft,
    round_id: Uuid,
    editing: RwSignal<Option<Option<Uuid>>>,
) -> impl IntoView {
    let store = use_store();
    let draft = RwSignal::new(draft);
    let error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match draft.with_untracked(|d| d.build(round_id)) {
            Ok(round) => {
                store.update(|d| d.upsert_interview(app_id, round, chrono::Utc::now()));
                editing.set(None);
            }
            Err(e) => error.set(Some(e.to_string())),
        }
    };
    view! {
        <form class="round-form" on:submit=save aria-label="Interview round">
            <div class="grid-2">
                <div class="field">
                    <label for="round-date">"Interview date"</label>
                    <input id="round-date" type="date" aria-describedby="round-error"
                        prop:value=move || draft.with(|d| d.date.clone())
                        on:input=move |ev| draft.update(|d| d.date = event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="round-kind">"Kind"</label>
                    <ChoiceSelect id="round-kind" value=Signal::derive(move || draft.with(|d| d.kind.clone()))
                        on_change={move |k: Option<InterviewKind>| draft.update(|d| d.kind = k.map(InterviewKind::key).unwrap_or_default().to_owned())}/>
                </div>
                <div class="field">
                    <label for="round-time">"Start time"</label>
                    <input id="round-time" type="time" aria-describedby="round-error"
                        prop:value=move || draft.with(|d| d.start_time.clone())
                        on:input=move |ev| draft.update(|d| d.start_time = event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="round-zone">"Time zone"</label>
                    <p class="hint" id="round-zone-hint">"Like Europe/London: type a city or region to find it. Empty means yours."</p>
                    <ZonePicker id="round-zone" described_by="round-zone-hint round-error"
                        value=Signal::derive(move || draft.with(|d| d.time_zone.clone()))
                        on_change=Callback::new(move |z: String| draft.update(|d| d.time_zone = z))/>
                </div>
                <div class="field">
                    <label for="round-interviewers">"Interviewers"</label>
                    <p class="hint" id="round-interviewers-hint">"Separate names with commas."</p>
                    <input id="round-interviewers" type="text" aria-describedby="round-interviewers-hint"
                        prop:value=move || draft.with(|d| d.interviewers.clone())
                        on:input=move |ev| draft.update(|d| d.interviewers = event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="round-rating">"How did it go?"</label>
                    <select id="round-rating" prop:value=move || draft.with(|d| d.rating.clone())
                        on:change=move |ev| draft.update(|d| d.rating = event_target_value(&ev))>
                        <option value="">"Not rated"</option>
                        <option value="1">"1 – badly"</option>
                        <option value="2">"2"</option>
                        <option value="3">"3 – okay"</option>
                        <option value="4">"4"</option>
                        <option value="5">"5 – very well"</option>
                    </select>
                </div>
            </div>
            <div class="field">
                <label for="round-place">"Place or video link"</label>
                <p class="hint" id="round-place-hint">"An address, or paste the meeting link."</p>
                <input id="round-place" type="text" aria-describedby="round-place-hint round-error"
                    prop:value=move || draft.with(|d| d.place.clone())
                    on:input=move |ev| draft.update(|d| d.place = event_target_value(&ev))/>
            </div>
            <div class="field">
                <label for="round-notes">"Interview notes"</label>
                <textarea id="round-notes" rows="3" prop:value=move || draft.with(|d| d.notes.clone())
                    on:input=move |ev| draft.update(|d| d.notes = event_target_value(&ev))></textarea>
            </div>
            <p class="field-error" id="round-error" role="alert">{error}</p>
            <div class="actions">
                <button type="submit" disabled=move || !store.writable()>"Save round"</button>
                <button type="button" class="secondary" on:click=move |_| editing.set(None)>"Cancel"</button>
            </div>
        </form>
    }
}

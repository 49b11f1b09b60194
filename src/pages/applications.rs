//! The applications page: a list (Active by default, or Closed, or All) or a board with
//! a column per stage. Search, filters, sort, the scope and the view all live in the
//! URL; the list/board choice is also remembered for the next visit.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::browser::today;
use crate::components::application::board::{Board, Card};
use crate::components::application::list_filters::{ListFilters, SearchTyping};
use crate::components::application::list_row::{ListRow, Row};
use crate::components::application::quick_add::QuickAddBar;
use crate::components::deferred::drawn_in_slices;
use crate::model::query::{ListQuery, Scope, SearchIndex, ViewMode};
use crate::model::{AppData, Application};
use crate::routes::AppRoute;
use crate::state::use_store;

/// Rows rendered at first and per "Show more": enough to fill any screen, few enough that
/// a keystroke in the search box re-renders within a frame even with thousands stored.
const PAGE: usize = 30;
/// Rows drawn in the list's first frame: a phone's screenful.
const FIRST_FRAME: usize = 8;

#[component]
pub(crate) fn Applications() -> impl IntoView {
    crate::browser::set_title("Applications");
    let store = use_store();
    let params = use_query_map();
    let from_url = Memo::new(move |_| params.with(|p| ListQuery::from_params(|k| p.get_str(k))));
    // What is being typed in the search box filters at once; the address follows once
    // typing pauses (see `ListFilters`), because updating it costs more than a frame's
    // share on every key.
    let typing = SearchTyping::default();
    Effect::new(move |_| {
        from_url.track();
        // The address changed: a filter, a link, Back, or the search text arriving.
        // Unless a key is still waiting to be written, the address is the truth.
        if !typing.pending.get_value() {
            typing.text.set(None);
        }
    });
    let query = Memo::new(move |_| {
        let mut q = from_url.get();
        if let Some(text) = typing.text.get() {
            q.text = text;
        }
        q
    });
    // The address says which view when it can; otherwise the last one chosen.
    let preferred = if store.board_view_preferred() {
        ViewMode::Board
    } else {
        ViewMode::List
    };
    let view_mode = Memo::new(move |_| query.with(|q| q.view).unwrap_or(preferred));
    // Only when the view itself changes, not on every search or filter.
    let chosen_view = Memo::new(move |_| query.with(|q| q.view));
    Effect::new(move |_| {
        if let Some(v) = chosen_view.get() {
            store.remember_board_view(v == ViewMode::Board);
        }
    });
    let total = Memo::new(move |_| store.data.with(|d| d.applications.len()));
    // Lowercased once per change of the data, not once per keystroke; built only once
    // a search needs it (a memo is computed when first read), and otherwise once the
    // list is up, so the first key finds it ready.
    let index = Memo::new(move |_| store.data.with(SearchIndex::new));
    // A quarter second: after the list's first frames (its rows' controls come a frame
    // later), and before most people have started to type.
    set_timeout(
        move || {
            let _ = index.try_with_untracked(|_| ());
        },
        std::time::Duration::from_millis(250),
    );
    let rows = Memo::new(move |_| {
        let q = query.get();
        let today = today();
        store.data.with(|d| {
            matching(index, &q, d, today)
                .into_iter()
                .map(|a| Row {
                    id: a.id,
                    company: a.company.clone(),
                    role: a.role.clone(),
                    stage: a.stage(),
                    applied_on: a.applied_on,
                    needs_feedback: a.needs_feedback(),
                    follow_up_due: a.feedback.follow_up_due_by(today),
                    sample: a.sample,
                })
                .collect::<Vec<_>>()
        })
    });
    // A memo, read by every column: a derived signal ran the whole search again for
    // each column and each count on the board, 21 times to open it.
    let cards = Memo::new(move |_| {
        let q = query.with(ListQuery::for_board);
        let today = today();
        store.data.with(|d| {
            matching(index, &q, d, today)
                .into_iter()
                .map(|a| Card {
                    id: a.id,
                    company: a.company.clone(),
                    role: a.role.clone(),
                    stage: a.stage(),
                    needs_feedback: a.needs_feedback(),
                    follow_up_due: a.feedback.follow_up_due_by(today),
                })
                .collect::<Vec<_>>()
        })
    });
    let announce = RwSignal::new(None::<String>);
    let filters_open = RwSignal::new(query.with_untracked(ListQuery::active_filters) > 0);

    let limit = RwSignal::new(PAGE);
    // A new search or filter starts again from the top.
    Effect::new(move |_| {
        query.track();
        limit.set(PAGE);
    });
    // The first rows in the first frame, the rest of the page after it is painted.
    let drawn = drawn_in_slices(
        FIRST_FRAME,
        PAGE,
        Signal::derive(move || rows.with(Vec::len).min(limit.get())),
    );
    let visible = move || rows.with(|r| r.iter().take(drawn.get()).cloned().collect::<Vec<_>>());
    let hidden = move || rows.with(Vec::len).saturating_sub(limit.get());
    let with = move |f: &dyn Fn(&mut ListQuery)| {
        let mut q = query.get();
        f(&mut q);
        AppRoute::Applications(q).href()
    };
    let is_board = move || view_mode.get() == ViewMode::Board;

    view! {
        <div class="page-head">
            <h1>"Applications"</h1>
            <A href=AppRoute::NewApplication.href() attr:class="button">"Add application"</A>
        </div>
        <QuickAddBar/>
        <Show
            when=move || { total.get() > 0 }
            fallback=|| view! { <p class="card">"No applications yet. Add the first one to get started."</p> }
        >
            <div class="list-toolbar">
                <nav class="switch" aria-label="Show as">
                    {[(ViewMode::List, "List"), (ViewMode::Board, "Board")].into_iter().map(|(v, label)| view! {
                        <a href=move || with(&|q| q.view = Some(v))
                            aria-current=move || (view_mode.get() == v).then_some("true")>{label}</a>
                    }).collect_view()}
                </nav>
                <Show when=move || !is_board()>
                    <nav class="switch" aria-label="Which applications">
                        {Scope::ALL.into_iter().map(|s| view! {
                            <a href=move || with(&|q| { q.scope = s; q.stage = None; })
                                aria-current=move || query.with(|q| q.scope == s && q.stage.is_none()).then_some("true")>{s.label()}</a>
                        }).collect_view()}
                    </nav>
                </Show>
                <button type="button" class="secondary" aria-controls="list-filters"
                    aria-expanded=move || filters_open.get().to_string()
                    on:click=move |_| filters_open.update(|o| *o = !*o)>
                    {move || match query.with(ListQuery::active_filters) {
                        0 => "Filter".to_owned(),
                        n => format!("Filter ({n})"),
                    }}
                </button>
            </div>
            <div id="list-filters" hidden=move || !filters_open.get()>
                <ListFilters query=query typing=typing/>
            </div>
            <p class="muted" role="status">{move || {
                let all = total.get();
                if is_board() {
                    let shown = cards.with(Vec::len);
                    if shown == all { format!("{all} applications") } else { format!("Showing {shown} of {all} applications") }
                } else {
                    let shown = rows.with(Vec::len);
                    if shown == all { format!("{all} applications") } else { format!("Showing {shown} of {all} applications") }
                }
            }}</p>
            <p class="move-status" role="status">{announce}</p>
            <Show when=is_board fallback=move || view! {
                <ul class="app-list" aria-label="Your applications">
                    <For each=visible key=|r| (r.id, r.stage, r.needs_feedback, r.follow_up_due) let:row>
                        <ListRow row=row announce=announce/>
                    </For>
                </ul>
                <Show when=move || { hidden() > 0 }>
                    <p class="actions">
                        <button type="button" class="secondary" on:click=move |_| limit.update(|l| *l += PAGE)>
                            {move || format!("Show {} more ({} not shown)", hidden().min(PAGE), hidden())}
                        </button>
                    </p>
                </Show>
                <Show when=move || rows.with(Vec::is_empty)>
                    <p class="card">{move || if query.with(ListQuery::is_filtered) {
                        "Nothing matches this search. Try fewer filters."
                    } else {
                        "Nothing here. Switch to All to see every application."
                    }}</p>
                </Show>
            }>
                <Board cards=cards announce=announce/>
            </Show>
        </Show>
    }
}

/// The applications `q` shows, reading the search index only when there is text.
fn matching<'a>(
    index: Memo<SearchIndex>,
    q: &ListQuery,
    d: &'a AppData,
    today: chrono::NaiveDate,
) -> Vec<&'a Application> {
    if q.has_text() {
        index.with(|i| q.apply_indexed(d, Some(i), today))
    } else {
        q.apply_indexed(d, None, today)
    }
}

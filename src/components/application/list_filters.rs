//! Search, filters and sort for the applications list. The view lives in the URL: every
//! change navigates, so a view can be bookmarked and Back brings the last one back.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use crate::components::choice_select::ChoiceSelect;
use crate::model::choice::Choice;
use crate::model::query::{all_tags, ListQuery, SortKey};
use crate::model::Stage;
use crate::routes::AppRoute;
use crate::state::use_store;

/// How long typing must pause before the search text goes into the address.
const WRITE_AFTER_MS: u64 = 400;

/// The search text while it is being typed, ahead of the address. `text` overrides the
/// address's text while `Some`; `pending` is true while a key waits to be written.
#[derive(Clone, Copy)]
pub(crate) struct SearchTyping {
    pub(crate) text: RwSignal<Option<String>>,
    pub(crate) pending: StoredValue<bool>,
    timer: StoredValue<Option<TimeoutHandle>>,
}

impl Default for SearchTyping {
    fn default() -> Self {
        Self {
            text: RwSignal::new(None),
            pending: StoredValue::new(false),
            timer: StoredValue::new(None),
        }
    }
}

impl SearchTyping {
    /// Forgets a write that has not happened yet (another change is written now).
    fn cancel(self) {
        if let Some(timer) = self.timer.try_update_value(Option::take).flatten() {
            timer.clear();
        }
        let _ = self.pending.try_set_value(false);
    }
}

/// `query`: the list's view, with `typing` ahead of the address.
#[component]
pub(crate) fn ListFilters(
    #[prop(into)] query: Signal<ListQuery>,
    typing: SearchTyping,
) -> impl IntoView {
    let store = use_store();
    let navigate = use_navigate();
    let tags = Memo::new(move |_| store.data.with(all_tags));
    // Leaving the page drops a write still waiting: it would bring the list back.
    on_cleanup(move || typing.cancel());
    // Typing replaces the history entry (Back should not replay every keystroke);
    // choosing a filter adds one.
    let go = move |q: ListQuery, replace: bool| {
        typing.cancel();
        navigate(
            &AppRoute::Applications(q).path(),
            NavigateOptions {
                replace,
                scroll: false,
                ..Default::default()
            },
        );
    };
    let go_toggle = go.clone();
    let go_pick = go.clone();
    let go_clear = go.clone();
    let go_text = go.clone();
    // The value of a plain `<select>` (the tag): a new history entry.
    let change = move |f: fn(&mut ListQuery, String)| {
        let go = go.clone();
        move |ev: leptos::ev::Event| {
            let mut q = query.get_untracked();
            f(&mut q, event_target_value(&ev));
            go(q, false);
        }
    };
    // A choice from a list: a new history entry, like the other filters.
    fn pick_with<T: Choice>(
        query: Signal<ListQuery>,
        go: impl Fn(ListQuery, bool) + Clone + Send + Sync + 'static,
        f: fn(&mut ListQuery, Option<T>),
    ) -> impl Fn(Option<T>) + Send + Sync + 'static {
        move |choice| {
            let mut q = query.get_untracked();
            f(&mut q, choice);
            go(q, false);
        }
    }
    let toggle = move |f: fn(&mut ListQuery, bool)| {
        let go = go_toggle.clone();
        move |ev: leptos::ev::Event| {
            let mut q = query.get_untracked();
            f(&mut q, event_target_checked(&ev));
            go(q, false);
        }
    };
    view! {
        <form class="card filters" role="search" aria-label="Filter applications" on:submit=|ev| ev.prevent_default()>
            <div class="field grow">
                <label for="search">"Search"</label>
                <input id="search" type="search" placeholder="Company, role, notes or tag"
                    prop:value=move || query.with(|q| q.text.clone())
                    on:input={
                        let go = go_text.clone();
                        move |ev| {
                            // Filter now; write the address when typing pauses.
                            typing.cancel();
                            typing.text.set(Some(event_target_value(&ev)));
                            typing.pending.set_value(true);
                            let go = go.clone();
                            let handle = set_timeout_with_handle(
                                move || go(query.get_untracked(), true),
                                std::time::Duration::from_millis(WRITE_AFTER_MS),
                            )
                            .ok();
                            typing.timer.set_value(handle);
                        }
                    }/>
            </div>
            <div class="field">
                <label for="filter-stage">"Stage"</label>
                <ChoiceSelect id="filter-stage" none="All stages"
                    value=Signal::derive(move || query.with(|q| q.stage.map(|s| s.key()).unwrap_or_default().to_owned()))
                    on_change=pick_with(query, go_pick.clone(), |q: &mut ListQuery, s: Option<Stage>| q.stage = s)/>
            </div>
            <div class="field">
                <label for="filter-tag">"Tag"</label>
                <select id="filter-tag" prop:value=move || query.with(|q| q.tag.clone().unwrap_or_default())
                    on:change=change(|q, v| q.tag = (!v.is_empty()).then_some(v))>
                    <option value="">"All tags"</option>
                    {move || tags.get().into_iter().map(|t| view! { <option value=t.clone()>{t.clone()}</option> }).collect_view()}
                </select>
            </div>
            <div class="field">
                <label for="sort">"Sort by"</label>
                <ChoiceSelect id="sort" value=Signal::derive(move || query.with(|q| q.sort.key().to_owned()))
                    on_change=pick_with(query, go_pick.clone(), |q: &mut ListQuery, k: Option<SortKey>| q.sort = k.unwrap_or_default())/>
            </div>
            <div class="checks">
                <label><input type="checkbox" prop:checked=move || query.with(|q| q.needs_feedback)
                    on:change=toggle(|q, v| q.needs_feedback = v)/>" Needs feedback"</label>
                <label><input type="checkbox" prop:checked=move || query.with(|q| q.follow_up_due)
                    on:change=toggle(|q, v| q.follow_up_due = v)/>" Follow-up due"</label>
            </div>
            <Show when=move || query.with(ListQuery::is_filtered)>
                <button type="button" class="link" on:click={
                    let go = go_clear.clone();
                    move |_| go(ListQuery { sort: query.get_untracked().sort, ..Default::default() }, false)
                }>"Clear filters"</button>
            </Show>
        </form>
    }
}

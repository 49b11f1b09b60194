//! Insights' themes: patterns that recur across recent reflections ("Nerves came up
//! in 3 of your last 5 reflections"), and the most frequent gaps and techniques, all
//! matched loosely (see `model::themes`).

use leptos::prelude::*;

use crate::model::themes::{self, Theme};
use crate::state::use_store;

/// How many recent reflections patterns are looked for in.
const WINDOW: usize = 10;

#[component]
pub(crate) fn ThemesPanel() -> impl IntoView {
    let store = use_store();
    let lists = Memo::new(move |_| store.data.with(|d| themes::themes(d, 5)));
    let patterns = Memo::new(move |_| store.data.with(|d| themes::patterns(d, WINDOW, 5)));
    let theme_list = |items: Vec<Theme>| {
        if items.is_empty() {
            view! { <p class="muted">"None yet."</p> }.into_any()
        } else {
            view! { <ol>{items.into_iter().map(|t| view! { <li>{format!("{} ({}×)", t.label, t.count)}</li> }).collect_view()}</ol> }.into_any()
        }
    };
    view! {
        <section class="card" aria-labelledby="themes-h">
            <h2 id="themes-h">"Themes"</h2>
            <h3 id="patterns-h">"Patterns"</h3>
            {move || {
                let p = patterns.get();
                if p.is_empty() {
                    view! { <p class="muted">"When the same thing comes up in more than one reflection, it shows here, even in different words."</p> }.into_any()
                } else {
                    view! { <ul class="patterns" aria-labelledby="patterns-h">{p.into_iter().map(|p| view! { <li>{p.sentence()}</li> }).collect_view()}</ul> }.into_any()
                }
            }}
            <h3>"Most frequent gaps"</h3>
            {move || theme_list(lists.get().0)}
            <h3>"Most frequent techniques"</h3>
            {move || theme_list(lists.get().1)}
        </section>
    }
}

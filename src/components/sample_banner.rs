//! Marks sample data as such, with one click to remove it.

use leptos::prelude::*;

use crate::state::use_store;

#[component]
pub(crate) fn SampleBanner() -> impl IntoView {
    let store = use_store();
    let has_sample = Memo::new(move |_| store.glance(|s| s.sample, |d| d.has_sample()));
    view! {
        <Show when=move || has_sample.get()>
            <aside class="notice sample-notice" aria-label="Sample data">
                <span>"You're trying Knockback with sample data. Entries marked Sample aren't yours."</span>
                <button type="button" class="secondary" disabled=move || !store.writable()
                    on:click=move |_| { store.update(|d| d.remove_sample()); }>"Remove sample data"</button>
            </aside>
        </Show>
    }
}

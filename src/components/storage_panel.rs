//! How much room is left, and whether the browser promised to keep the data.

use leptos::prelude::*;

use crate::state::use_store;
use crate::storage::local;

/// Above this share of the capacity, warn before writes start failing.
pub(crate) const WARN_SHARE: f64 = 0.6;

#[component]
pub(crate) fn StoragePanel() -> impl IntoView {
    let store = use_store();
    let persisted = RwSignal::new(None::<Option<bool>>);
    // Recounted whenever the data changes (after the debounced save has run, close enough).
    let used = Memo::new(move |_| {
        store.data.track();
        local::used_chars()
    });
    let share = move || used.get() as f64 / local::CAPACITY_CHARS as f64;
    let ask = move |_| crate::browser::request_persistence(move |r| persisted.set(Some(r)));
    view! {
        <section class="card" aria-labelledby="storage-h">
            <h2 id="storage-h">"Storage"</h2>
            <p>{move || format!("Using {:.0}% of the space this browser gives Knockback (about {} KB of {} KB).",
                share() * 100.0, used.get() * 2 / 1024, local::CAPACITY_CHARS * 2 / 1024)}</p>
            <Show when=move || { share() >= WARN_SHARE }>
                <p class="field-error" role="alert">"Storage is getting full. Download a backup, then remove old applications or sample data before saving fails."</p>
            </Show>
            <p>"Browsers may clear site data when the device runs low on space. You can ask this browser to keep Knockback's data."</p>
            <div class="actions">
                <button type="button" class="secondary" on:click=ask>"Ask the browser to keep my data"</button>
                <span role="status">{move || persisted.get().map(|r| match r {
                    Some(true) => "Granted: this browser will keep your data unless you clear it yourself.",
                    Some(false) => "Not granted: the browser may still clear it under pressure, so keep backups.",
                    None => "This browser doesn't say; keep backups to be safe.",
                })}</span>
            </div>
        </section>
    }
}

//! How much room is left, whether the browser promised to keep the data (asked on every
//! engine, and the answer shown), and whether it may delete it on its own.

use crate::model::wording::fixed;
use leptos::prelude::*;

use crate::model::eviction::{Eviction, EVICTION_DAYS};
use crate::state::use_store;

/// Above this share of the capacity, warn before writes start failing.
pub(crate) const WARN_SHARE: f64 = 0.6;

fn persisted_text(answer: Option<bool>, asked: bool) -> &'static str {
    match (answer, asked) {
        (Some(true), _) => "Granted: this browser has promised to keep Knockback's data unless you clear it yourself.",
        (Some(false), true) => "Not granted: the browser may still clear it under pressure, so keep backups.",
        (Some(false), false) => "Not promised yet: the browser may clear it when space runs low. You can ask it to keep your data.",
        (None, _) => "This browser doesn't say whether it will keep your data; keep backups to be safe.",
    }
}

#[component]
pub(crate) fn StoragePanel() -> impl IntoView {
    let store = use_store();
    // What the browser says now, then what it answered when asked.
    let persisted = RwSignal::new(None::<(Option<bool>, bool)>);
    crate::browser::storage_persisted(move |r| {
        if persisted.get_untracked().is_none() {
            persisted.set(Some((r, false)));
        }
    });
    // Recounted whenever the data changes (after the debounced save has run, close enough).
    let used = Memo::new(move |_| {
        store.data.track();
        store.storage_use()
    });
    let share = move || {
        let (used, capacity) = used.get();
        used as f64 / capacity as f64
    };
    let ask = move |_| crate::browser::request_persistence(move |r| persisted.set(Some((r, true))));
    let eviction = match store.eviction() {
        Eviction::AtRisk => Some(format!("This browser (Safari, or any browser on iPhone and iPad) deletes a site's data after {EVICTION_DAYS} days without a visit. Add Knockback to your Home Screen, and keep backups.")),
        Eviction::Installed => Some("Opened from your Home Screen: Safari's 7-day deletion doesn't apply to Knockback here.".to_owned()),
        Eviction::NotExpected => None,
    };
    view! {
        <section class="card" aria-labelledby="storage-h">
            <h2 id="storage-h">"Storage"</h2>
            <p>{move || format!("Using {}% of the space this browser gives Knockback (about {} KB of {} KB).",
                fixed(share() * 100.0, 0), used.get().0 * 2 / 1024, used.get().1 * 2 / 1024)}</p>
            <Show when=move || { share() >= WARN_SHARE }>
                <p class="field-error" role="alert">"Storage is getting full. Download a backup, then remove old applications or sample data before saving fails."</p>
            </Show>
            {eviction.map(|text| view! { <p class="eviction">{text}</p> })}
            <p>"Browsers may clear site data when the device runs low on space. You can ask this browser to keep Knockback's data."</p>
            <div class="actions">
                <button type="button" class="secondary" on:click=ask>"Ask the browser to keep my data"</button>
                <span role="status">{move || persisted.get().map(|(r, asked)| persisted_text(r, asked))}</span>
            </div>
        </section>
    }
}

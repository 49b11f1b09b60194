//! "Time for a backup": browser storage can be cleared, so after 14 days or 25 changes
//! without a backup the dashboard says so, with the button right there. With the lock
//! on, the backup is encrypted like the notebook.

use leptos::prelude::*;

use crate::model::eviction::Eviction;
use crate::model::wording::backup_status;
use crate::state::{use_store, Offer};

#[component]
pub(crate) fn BackupNudge() -> impl IntoView {
    let store = use_store();
    // Stricter where the browser may delete the data after 7 days unused.
    let strict = store.eviction() == Eviction::AtRisk;
    let status = Memo::new(move |_| {
        let (meta, any) = store.glance(
            |s| (s.meta.clone(), s.total > 0),
            |d| (d.meta.clone(), !d.applications.is_empty()),
        );
        backup_status(&meta, any, strict, chrono::Utc::now())
    });
    let error = RwSignal::new(None::<String>);
    let backup = move |_| {
        store.offer(Offer::Backup, move |r| {
            error.set(r.err().map(|e| e.to_string()))
        });
    };
    view! {
        <section class="card" class:nudge=move || status.with(|s| s.due) aria-labelledby="backup-h">
            <h2 id="backup-h">"Backup"</h2>
            <p>{move || status.with(|s| s.text.clone())}</p>
            <div class="actions">
                <button type="button" class=move || if status.with(|s| s.due) { "" } else { "secondary" } on:click=backup>
                    {move || if store.lock_on.get() { "Download backup (encrypted)" } else { "Download backup" }}
                </button>
            </div>
            <p class="field-error" role="alert">{error}</p>
        </section>
    }
}

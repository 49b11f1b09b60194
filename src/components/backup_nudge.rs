//! "Time for a backup": browser storage can be cleared, so after 14 days or 25 changes
//! without a backup the dashboard says so, with the button right there.

use leptos::prelude::*;

use crate::browser::download;
use crate::components::storage_banner::backup_name;
use crate::state::use_store;

const NUDGE_DAYS: i64 = 14;
const NUDGE_CHANGES: u32 = 25;

#[component]
pub(crate) fn BackupNudge() -> impl IntoView {
    let store = use_store();
    let state = Memo::new(move |_| {
        store.data.with(|d| {
            let days = d
                .meta
                .last_backup_at
                .map(|t| (chrono::Utc::now() - t).num_days());
            let due = !d.applications.is_empty()
                && (days.is_none_or(|n| n >= NUDGE_DAYS)
                    || d.meta.changes_since_backup >= NUDGE_CHANGES);
            (d.meta.last_backup_at, d.meta.changes_since_backup, due)
        })
    });
    let backup = move |_| {
        if download(&backup_name(), "application/json", &store.backup_json()).is_ok() {
            store.mark_backed_up();
        }
    };
    view! {
        <section class="card" class:nudge=move || state.get().2 aria-labelledby="backup-h">
            <h2 id="backup-h">"Backup"</h2>
            <p>{move || {
                let (last, changes, due) = state.get();
                let when = match last {
                    Some(t) => format!("Last backup: {}.", crate::browser::format_date(t.date_naive())),
                    None => "No backup yet.".to_owned(),
                };
                if due {
                    format!("{when} {changes} changes since. Your notebook lives only in this browser: a backup keeps it safe.")
                } else {
                    when
                }
            }}</p>
            <div class="actions">
                <button type="button" class=move || if state.get().2 { "" } else { "secondary" } on:click=backup>"Download backup"</button>
            </div>
        </section>
    }
}

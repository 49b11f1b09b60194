//! Backup and settings: where the data lives, a download of all of it, and any copies
//! of unreadable data that were set aside.

use leptos::prelude::*;

use crate::browser::download;
use crate::components::storage_banner::backup_name;
use crate::state::use_store;
use crate::storage::local;

#[component]
pub(crate) fn Settings() -> impl IntoView {
    crate::browser::set_title("Backup & settings");
    let store = use_store();
    let message = RwSignal::new(None::<String>);
    let quarantined = local::quarantine_keys();

    let backup = move |_| match download(&backup_name(), "application/json", &store.export_json()) {
        Ok(()) => {
            store.update(|d| {
                d.meta.last_backup_at = Some(chrono::Utc::now());
                d.meta.changes_since_backup = 0;
            });
            message.set(Some("Backup downloaded. Keep it somewhere safe.".into()));
        }
        Err(e) => message.set(Some(format!("The download could not start: {e}."))),
    };

    view! {
        <h1>"Backup & settings"</h1>
        <section class="card" aria-labelledby="backup">
            <h2 id="backup">"Backup"</h2>
            <p>"Your notebook lives only in this browser. Clearing site data or switching browsers loses it, so download a backup now and then."</p>
            <p>{move || store.data.with(|d| match d.meta.last_backup_at {
                Some(t) => format!("Last backup: {}.", crate::browser::format_date(t.date_naive())),
                None => "You haven't made a backup yet.".to_owned(),
            })}</p>
            <div class="actions">
                <button type="button" on:click=backup>"Download backup"</button>
            </div>
            <p role="status">{message}</p>
        </section>
        {(!quarantined.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="quarantine">
                <h2 id="quarantine">"Set-aside copies"</h2>
                <p>"These are copies of saved data this version of Knockback could not open. They are kept untouched."</p>
                <ul>
                    {quarantined.into_iter().map(|key| {
                        let label = key.trim_start_matches(local::QUARANTINE_PREFIX).to_owned();
                        let k = key.clone();
                        view! {
                            <li>
                                <span>{format!("Set aside {label}")}</span>" "
                                <button type="button" class="secondary" on:click=move |_| {
                                    if let Some(raw) = local::read_raw(&k) {
                                        let _ = download("knockback-set-aside-copy.json", "application/json", &raw);
                                    }
                                }>"Download"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        })}
        <section class="card" aria-labelledby="privacy">
            <h2 id="privacy">"Privacy"</h2>
            <p>"Knockback has no server and no account. It never sends your data anywhere; it only leaves this browser when you download it."</p>
        </section>
    }
}

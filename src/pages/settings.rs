//! Backup and settings: backups, restore, spreadsheets, storage, and any copies of
//! unreadable data that were set aside.

use leptos::prelude::*;

use crate::components::settings::backup_nudge::BackupNudge;
use crate::components::settings::csv_panel::CsvPanel;
use crate::components::settings::lock_panel::LockPanel;
use crate::components::settings::profile_panel::ProfilePanel;
use crate::components::settings::restore_panel::RestorePanel;
use crate::components::settings::storage_panel::StoragePanel;
use crate::state::{use_store, Offer};

#[component]
pub(crate) fn Settings() -> impl IntoView {
    crate::browser::set_title("Backup & settings");
    let store = use_store();
    let quarantined = store.set_aside_copies();
    let set_aside_error = RwSignal::new(None::<String>);
    view! {
        <h1>"Backup & settings"</h1>
        <BackupNudge/>
        <RestorePanel/>
        <CsvPanel/>
        <ProfilePanel/>
        <StoragePanel/>
        <LockPanel/>
        {(!quarantined.is_empty()).then(|| view! {
            <section class="card" aria-labelledby="quarantine">
                <h2 id="quarantine">"Set-aside copies"</h2>
                <p>"These are copies of saved data this version of Knockback could not open. They are kept untouched."</p>
                <ul>
                    {quarantined.into_iter().map(|copy| {
                        let (label, k) = (copy.label, copy.key);
                        view! {
                            <li>
                                <span>{format!("Set aside {label}")}</span>" "
                                <button type="button" class="secondary" on:click=move |_| {
                                    store.offer(Offer::SetAside(k.clone()), move |r| set_aside_error.set(r.err().map(|e| e.to_string())));
                                }>"Download"</button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <p class="field-error" role="alert">{set_aside_error}</p>
            </section>
        })}
        <section class="card" aria-labelledby="privacy">
            <h2 id="privacy">"Privacy"</h2>
            <p>"Knockback has no server and no account. It never sends your data anywhere; it only leaves this browser when you download it."</p>
        </section>
    }
}

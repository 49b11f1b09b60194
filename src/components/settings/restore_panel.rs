//! Restore from a backup: pick or drop a file; it is read and checked completely before
//! anything changes; then a preview and a choice of Replace or Merge. The current data
//! is kept as a safety copy that can be restored or downloaded.

use leptos::prelude::*;

use crate::browser::{format_date, read_file_text};
use crate::error::FileError;
use crate::model::wording::count;
use crate::state::{use_store, FileRead, LockedFile, Offer, Preview};

#[component]
pub(crate) fn RestorePanel() -> impl IntoView {
    let store = use_store();
    let preview = RwSignal::new(None::<Preview>);
    let error = RwSignal::new(None::<String>);
    let result = RwSignal::new(None::<String>);
    let dragging = RwSignal::new(false);
    let safety = RwSignal::new(store.has_safety_copy());
    // An encrypted backup waiting for its passphrase.
    let locked_file = RwSignal::new(None::<LockedFile>);
    let passphrase = RwSignal::new(String::new());
    let unlocking = RwSignal::new(false);

    let take_file = move |file: web_sys::File| {
        preview.set(None);
        result.set(None);
        error.set(None);
        if let Err(e) = store.check_file_size(file.size()) {
            error.set(Some(format!(
                "“{}”: {e}. Nothing was changed.",
                file.name()
            )));
            return;
        }
        let name = file.name();
        locked_file.set(None);
        read_file_text(file, move |text| {
            match text
                .map_err(FileError::Browser)
                .and_then(|t| store.read_file(&t))
            {
                Ok(FileRead::Locked(s)) => locked_file.set(Some(s)),
                Ok(FileRead::Preview(p)) => preview.set(Some(*p)),
                Err(e) => error.set(Some(format!("“{name}”: {e} Nothing was changed."))),
            }
        });
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        if let Some(file) = input.files().and_then(|f| f.get(0)) {
            take_file(file);
        }
        input.set_value("");
    };
    let on_drop = move |ev: leptos::ev::DragEvent| {
        ev.prevent_default();
        dragging.set(false);
        if let Some(file) = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0))
        {
            take_file(file);
        }
    };
    let restored = move |message: String| {
        preview.set(None);
        result.set(Some(format!(
            "{message} Your previous data is kept as a safety copy below."
        )));
        safety.set(store.has_safety_copy());
    };
    let apply = move |merge: bool| {
        let Some(p) = preview.get_untracked() else {
            return;
        };
        error.set(None);
        if merge {
            store.merge_with(&p, move |r| match r {
                Ok(message) => restored(message),
                Err(e) => error.set(Some(e.to_string())),
            });
        } else {
            let message = format!(
                "Replaced: your notebook now holds the backup's {}.",
                count(p.applications, "application", "applications")
            );
            store.replace_with(&p, move |r| match r {
                Ok(()) => restored(message),
                Err(e) => error.set(Some(e.to_string())),
            });
        }
    };
    let restore_safety = move |_| {
        error.set(None);
        store.restore_safety_copy(move |r| match r {
            Ok(()) => {
                result.set(Some(
                    "The safety copy is back. What you had a moment ago is now the safety copy."
                        .into(),
                ));
                safety.set(store.has_safety_copy());
            }
            Err(e) => error.set(Some(e.to_string())),
        });
    };
    let download_safety = move |_| {
        store.offer(Offer::SafetyCopy, move |r| {
            if let Err(e) = r {
                error.set(Some(e.to_string()));
            }
        });
    };

    view! {
        <section class="card" aria-labelledby="restore-h">
            <h2 id="restore-h">"Restore from a backup"</h2>
            <p>"The whole file is checked before anything changes, and your current data is kept as a safety copy."</p>
            <div class="dropzone" class:dragging=dragging
                on:dragover=move |ev: leptos::ev::DragEvent| { ev.prevent_default(); dragging.set(true); }
                on:dragleave=move |_| dragging.set(false)
                on:drop=on_drop>
                <label for="restore-file">"Choose a backup file"</label>
                <input id="restore-file" type="file" accept=".json,application/json" aria-describedby="restore-hint" on:change=on_pick/>
                <p class="hint" id="restore-hint">"Or drop a knockback-backup-….json file here."</p>
            </div>
            <p class="field-error" role="alert">{error}</p>
            <Show when=move || locked_file.with(Option::is_some)>
                <form class="inline-form" aria-label="Unlock the backup" on:submit=move |ev: leptos::ev::SubmitEvent| {
                    ev.prevent_default();
                    let Some(s) = locked_file.get_untracked() else { return };
                    unlocking.set(true);
                    error.set(None);
                    store.open_locked_file(s, passphrase.get_untracked(), move |opened| {
                        unlocking.set(false);
                        match opened {
                            Ok(p) => {
                                locked_file.set(None);
                                passphrase.set(String::new());
                                preview.set(Some(p));
                            }
                            Err(e) => error.set(Some(format!("{e} Nothing was changed."))),
                        }
                    });
                }>
                    <p>"This backup is encrypted. Enter the passphrase it was locked with."</p>
                    <div class="field">
                        <label for="backup-passphrase">"Backup passphrase"</label>
                        <input id="backup-passphrase" type="password" prop:value=passphrase on:input=move |ev| passphrase.set(event_target_value(&ev))/>
                    </div>
                    <div class="actions"><button type="submit" disabled=unlocking>"Open the backup"</button></div>
                </form>
            </Show>
            {move || preview.get().map(|p| {
                let range = match (p.first_date, p.last_date) {
                    (Some(a), Some(b)) => format!("from {} to {}", format_date(a), format_date(b)),
                    _ => "with no dates".to_owned(),
                };
                view! {
                    <div class="preview" role="region" aria-label="Backup preview">
                        <h3>"This backup holds"</h3>
                        <ul>
                            <li>{format!("{}, {range}", count(p.applications, "application", "applications"))}</li>
                            <li>{count(p.interviews, "interview round", "interview rounds")}</li>
                            <li>{format!("{} with feedback received", count(p.feedback_received, "application", "applications"))}</li>
                            <li>{count(p.reflections, "reflection", "reflections")}</li>
                            <li>{count(p.companies, "company note", "company notes")}</li>
                            <li>{format!("Schema version {}{}", p.schema_version,
                                p.exported_at.map(|t| format!(", exported {}", format_date(t.date_naive()))).unwrap_or_default())}</li>
                        </ul>
                        {(p.capacity_percent() > 60).then(|| view! {
                            <p class="field-error" role="alert">{format!(
                                "This backup takes {}% of the space browsers are sure to give Knockback. Restoring it may not fit; if it doesn't, nothing will change.",
                                p.capacity_percent()
                            )}</p>
                        })}
                        <div class="actions">
                            <button type="button" on:click=move |_| apply(true)>"Merge into my data"</button>
                            <button type="button" class="secondary danger" on:click=move |_| apply(false)>"Replace all my data"</button>
                            <button type="button" class="secondary" on:click=move |_| preview.set(None)>"Cancel"</button>
                        </div>
                        <p class="hint">"Merge keeps everything and takes the newer version of anything in both. Replace swaps your notebook for the backup."</p>
                    </div>
                }
            })}
            <p role="status">{result}</p>
            <Show when=move || safety.get()>
                <div class="safety">
                    <h3>"Safety copy"</h3>
                    <p>"Your data as it was just before the last restore."</p>
                    <div class="actions">
                        <button type="button" class="secondary" on:click=restore_safety>"Restore the safety copy"</button>
                        <button type="button" class="secondary" on:click=download_safety>"Download the safety copy"</button>
                    </div>
                </div>
            </Show>
        </section>
    }
}

//! Spreadsheets: export applications as CSV; import a CSV with a preview of what will be
//! created, the columns that were not understood, and the rows that could not be read.

use leptos::prelude::*;

use crate::browser::{download, read_file_text, today};
use crate::model::spreadsheet::{self, ImportPreview};
use crate::state::use_store;

#[component]
pub(crate) fn CsvPanel() -> impl IntoView {
    let store = use_store();
    let preview = RwSignal::new(None::<ImportPreview>);
    let message = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    let export = move |_| match store.data.with_untracked(spreadsheet::export) {
        Ok(text) => {
            let name = format!("knockback-applications-{}.csv", today().format("%Y-%m-%d"));
            message.set(download(&name, "text/csv", &text).err());
        }
        Err(e) => error.set(Some(format!("The CSV could not be made: {e}."))),
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        preview.set(None);
        error.set(None);
        message.set(None);
        if file.size() > 5.0 * 1024.0 * 1024.0 {
            error.set(Some(
                "This spreadsheet is too large to import (over 5 MB).".into(),
            ));
            return;
        }
        read_file_text(file, move |text| {
            match text.and_then(|t| spreadsheet::import(&t, today(), chrono::Utc::now())) {
                Ok(p) => preview.set(Some(p)),
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let add = move |_| {
        let Some(p) = preview.get_untracked() else {
            return;
        };
        let n = p.applications.len();
        store.update(|d| {
            for app in p.applications {
                d.add_application(app);
            }
        });
        preview.set(None);
        message.set(Some(format!("Added {n} applications.")));
    };
    view! {
        <section class="card" aria-labelledby="csv-h">
            <h2 id="csv-h">"Spreadsheets (CSV)"</h2>
            <p>"Export your applications, with their stage history and feedback status, to open in any spreadsheet. Or import a list you kept elsewhere."</p>
            <div class="actions">
                <button type="button" class="secondary" on:click=export>"Export applications as CSV"</button>
            </div>
            <div class="field">
                <label for="csv-file">"Import a CSV file"</label>
                <p class="hint" id="csv-hint">"Columns like Company, Role (or Position, Title), Date Applied, Status, Link, Location and Notes are recognised."</p>
                <input id="csv-file" type="file" accept=".csv,text/csv" aria-describedby="csv-hint" on:change=on_pick disabled=move || !store.writable()/>
            </div>
            <p class="field-error" role="alert">{error}</p>
            {move || preview.get().map(|p| {
                let n = p.applications.len();
                view! {
                    <div class="preview" role="region" aria-label="Import preview">
                        <h3>{format!("{n} applications to add")}</h3>
                        <ul class="compact">
                            {p.applications.iter().take(50).map(|a| view! { <li>{format!("{} — {} ({})", a.company, a.role, a.stage().label())}</li> }).collect_view()}
                        </ul>
                        {(n > 50).then(|| view! { <p class="muted">{format!("…and {} more.", n - 50)}</p> })}
                        <p>{format!("Columns used: {}.", p.matched.iter().map(|(h, f)| format!("{h} → {f}")).collect::<Vec<_>>().join(", "))}</p>
                        {(!p.unknown.is_empty()).then(|| view! {
                            <p>{format!("Columns not imported: {}.", p.unknown.join(", "))}</p>
                        })}
                        {(!p.bad_rows.is_empty()).then(|| view! {
                            <h3>{format!("{} rows can't be imported", p.bad_rows.len())}</h3>
                            <ul class="compact bad-rows">
                                {p.bad_rows.iter().map(|(row, why)| view! { <li>{format!("Row {row}: {why}.")}</li> }).collect_view()}
                            </ul>
                        })}
                        <div class="actions">
                            <button type="button" on:click=add disabled=move || n == 0 || !store.writable()>{format!("Add {n} applications")}</button>
                            <button type="button" class="secondary" on:click=move |_| preview.set(None)>"Cancel"</button>
                        </div>
                    </div>
                }
            })}
            <p role="status">{message}</p>
        </section>
    }
}

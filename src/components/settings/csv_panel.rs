//! Spreadsheets: export applications as CSV; import a CSV in steps: how each column is
//! read (which the user can change), then a preview of what will be created and the rows
//! that could not be read. Nothing is added before the user confirms the preview.

use std::sync::Arc;

use leptos::prelude::*;

use crate::browser::{download, read_file_text, today};
use crate::components::settings::csv_mapping::CsvMapping;
use crate::components::settings::csv_preview::CsvPreview;
use crate::components::unencrypted_hint::UnencryptedHint;
use crate::model::spreadsheet::{self, Mapping, Sheet};
use crate::state::use_store;

#[component]
pub(crate) fn CsvPanel() -> impl IntoView {
    let store = use_store();
    let sheet = RwSignal::new(None::<Arc<Sheet>>);
    let mapping = RwSignal::new(Mapping::default());
    let message = RwSignal::new(None::<String>);
    let error = RwSignal::new(None::<String>);
    // Rebuilt on every choice, so the user sees at once what a change of mapping does.
    let preview = Memo::new(move |_| {
        sheet.with(|s| {
            s.as_ref()
                .map(|s| mapping.with(|m| spreadsheet::preview(s, m, today(), chrono::Utc::now())))
        })
    });
    // Its own memo, so answering the question doesn't redraw (and unfocus) it.
    let date_question =
        Memo::new(move |_| preview.with(|p| p.as_ref().and_then(|p| p.date_question.clone())));
    let export = move |_| match store.data.with_untracked(spreadsheet::export) {
        Ok(text) => {
            let name = format!("knockback-applications-{}.csv", today().format("%Y-%m-%d"));
            message.set(
                download(&name, "text/csv", &text)
                    .err()
                    .map(|e| e.to_string()),
            );
        }
        Err(e) => error.set(Some(format!("The CSV could not be made: {e}."))),
    };
    let on_pick = move |ev: leptos::ev::Event| {
        let input = event_target::<web_sys::HtmlInputElement>(&ev);
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        input.set_value("");
        sheet.set(None);
        error.set(None);
        message.set(None);
        if file.size() > 5.0 * 1024.0 * 1024.0 {
            error.set(Some(
                "This spreadsheet is too large to import (over 5 MB).".into(),
            ));
            return;
        }
        read_file_text(file, move |text| {
            match text
                .map_err(|e| e.to_string())
                .and_then(|t| Sheet::read(&t))
            {
                Ok(s) => {
                    mapping.set(Mapping::guess(&s));
                    sheet.set(Some(Arc::new(s)));
                }
                Err(e) => error.set(Some(e)),
            }
        });
    };
    let add = Callback::new(move |()| {
        let Some(p) = preview.get_untracked() else {
            return;
        };
        let n = p.applications.len();
        if n == 0 {
            return;
        }
        store.update(|d| d.add_applications(p.applications));
        sheet.set(None);
        message.set(Some(format!("Added {n} applications.")));
    });
    let cancel = Callback::new(move |()| sheet.set(None));
    let writable = Signal::derive(move || store.writable());
    view! {
        <section class="card" aria-labelledby="csv-h">
            <h2 id="csv-h">"Spreadsheets (CSV)"</h2>
            <p>"Export your applications, with their stage history and feedback status, to open in any spreadsheet. Or import a list you kept elsewhere."</p>
            <div class="actions">
                <button type="button" class="secondary" on:click=export>"Export applications as CSV"</button>
            </div>
            <UnencryptedHint/>
            <div class="field">
                <label for="csv-file">"Import a CSV file"</label>
                <p class="hint" id="csv-hint">"Exports from JobSync, Huntr, Teal and Simplify, and spreadsheets with columns like Company, Role, Date Applied and Status, are recognised. You choose how each column is read before anything is added."</p>
                <input id="csv-file" type="file" accept=".csv,text/csv" aria-describedby="csv-hint" on:change=on_pick disabled=move || !store.writable()/>
            </div>
            <p class="field-error" role="alert">{error}</p>
            {move || sheet.get().map(|s| view! {
                <div class="preview" role="region" aria-label="Import preview">
                    <CsvMapping sheet=s mapping date_question/>
                    {move || preview.get().map(|p| view! {
                        <CsvPreview p writable on_add=add on_cancel=cancel/>
                    })}
                </div>
            })}
            <p role="status">{message}</p>
        </section>
    }
}

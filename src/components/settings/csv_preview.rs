//! The last step of a CSV import: what the current column mapping would add, the
//! columns left out, the rows that can't be read (by row number), and the buttons to
//! add them or cancel. Shown again after every change of mapping.

use leptos::prelude::*;

use crate::model::spreadsheet::ImportPreview;

/// At most this many applications are listed: enough to check the mapping by.
const SHOWN: usize = 50;

#[component]
pub(crate) fn CsvPreview(
    p: ImportPreview,
    #[prop(into)] writable: Signal<bool>,
    on_add: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let n = p.applications.len();
    let missing = p
        .missing
        .iter()
        .map(|f| {
            format!(
                "Choose which column holds the {}.",
                f.label().to_lowercase()
            )
        })
        .collect::<Vec<_>>()
        .join(" ");
    let waiting = p.waiting_for_date_order();
    let lines = p
        .applications
        .iter()
        .take(SHOWN)
        .map(|a| {
            let applied = a
                .applied_on
                .map(|d| format!(", applied {d}"))
                .unwrap_or_default();
            let line = format!(
                "{} — {} ({}{applied})",
                a.company,
                a.role,
                a.stage().label()
            );
            view! { <li>{line}</li> }
        })
        .collect_view();
    view! {
        {(!missing.is_empty()).then(|| view! { <p class="field-error" role="alert">{missing}</p> })}
        {waiting.then(|| view! {
            <p class="field-error" role="alert">"Answer the question about dates above to see what will be added."</p>
        })}
        <h3>{format!("{n} applications to add")}</h3>
        <ul class="compact">{lines}</ul>
        {(n > SHOWN).then(|| view! { <p class="muted">{format!("…and {} more.", n - SHOWN)}</p> })}
        {(!p.ignored.is_empty()).then(|| view! {
            <p>{format!("Columns not imported: {}.", p.ignored.join(", "))}</p>
        })}
        {(!p.in_notes.is_empty()).then(|| view! {
            <h3>"Kept in the notes instead"</h3>
            <ul class="compact">
                {p.in_notes.iter().map(|(row, why)| view! { <li>{format!("Row {row}: {why}.")}</li> }).collect_view()}
            </ul>
        })}
        {(!p.bad_rows.is_empty()).then(|| view! {
            <h3>{format!("{} rows can't be imported", p.bad_rows.len())}</h3>
            <ul class="compact bad-rows">
                {p.bad_rows.iter().map(|(row, why)| view! { <li>{format!("Row {row}: {why}.")}</li> }).collect_view()}
            </ul>
        })}
        <div class="actions">
            <button type="button" on:click=move |_| on_add.run(()) disabled=move || n == 0 || !writable.get()>
                {format!("Add {n} applications")}
            </button>
            <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>"Cancel"</button>
        </div>
    }
}

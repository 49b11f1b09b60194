//! The column-mapping step of a CSV import: each column with its header, its first
//! values and a labelled choice of what it fills (or Ignore); and, when the file's
//! dates could be read either way, the question of which order it uses.

use std::sync::Arc;

use leptos::prelude::*;

use crate::components::choice_select::ChoiceSelect;

use crate::model::spreadsheet::{read_as, DateOrder, Field, Mapping, Sheet};

/// Long cells (a pasted job description) are cut so the table stays readable.
fn shorten(cell: &str) -> String {
    const MAX: usize = 40;
    if cell.chars().count() <= MAX {
        cell.to_owned()
    } else {
        format!("{}…", cell.chars().take(MAX).collect::<String>())
    }
}

#[component]
pub(crate) fn CsvMapping(
    sheet: Arc<Sheet>,
    mapping: RwSignal<Mapping>,
    /// A date from the file that reads both ways, while its values can't settle the order.
    #[prop(into)]
    date_question: Signal<Option<String>>,
) -> impl IntoView {
    let rows = sheet
        .headers
        .iter()
        .enumerate()
        .map(|(i, header)| {
            let id = format!("csv-col-{i}");
            let examples_id = format!("csv-col-{i}-values");
            let name = if header.is_empty() {
                format!("Column {}", i + 1)
            } else {
                header.clone()
            };
            let examples = sheet.examples(i, 3);
            let examples = if examples.is_empty() {
                "(empty)".to_owned()
            } else {
                examples.iter().map(|e| shorten(e)).collect::<Vec<_>>().join(" · ")
            };
            // Changing one column can take its field from another: that column's
            // select follows, because it reads the mapping.
            let chosen = Signal::derive(move || {
                mapping.with(|m| m.fields.get(i).copied().flatten().map(Field::key).unwrap_or_default().to_owned())
            });
            let choose = move |f: Option<Field>| mapping.update(|m| m.set(i, f));
            view! {
                <tr>
                    <th scope="row"><label for=id.clone()>{name}</label></th>
                    <td id=examples_id.clone()>{examples}</td>
                    <td>
                        <ChoiceSelect id=id described_by=examples_id none="Ignore" value=chosen on_change=choose/>
                    </td>
                </tr>
            }
        })
        .collect_view();
    let question = move || {
        date_question.get().map(|example| {
            let choice = |order: DateOrder| {
                let reading = read_as(&example, order)
                    .map(|d| format!(": {example} is {}", d.format("%-d %B %Y")))
                    .unwrap_or_default();
                view! {
                    <label class="radio">
                        <input type="radio" name="csv-date-order" value=order.key()
                            prop:checked=move || mapping.with(|m| m.date_order == Some(order))
                            on:change=move |_| mapping.update(|m| m.date_order = Some(order))/>
                        {format!("{}{reading}", order.label())}
                    </label>
                }
            };
            view! {
                <fieldset class="radio-row">
                    <legend>{format!("How are dates like {example} written in this file?")}</legend>
                    {choice(DateOrder::MonthFirst)}
                    {choice(DateOrder::DayFirst)}
                </fieldset>
            }
        })
    };
    view! {
        <div class="table-scroll">
            <table class="data-table">
                <caption>"What each column holds"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Column"</th>
                        <th scope="col">"First values"</th>
                        <th scope="col">"Import as"</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <p class="hint">"Knockback guessed from the headers and the values. Change any choice: the preview below follows."</p>
        {question}
    }
}

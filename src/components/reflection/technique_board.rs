//! Keep / improve / drop across all reflections, with counts, so patterns show. Each
//! column shows its most frequent techniques first and "Show more" for the rest.

use leptos::prelude::*;

use crate::components::show_more::{ShowMore, FIRST};
use crate::model::insights::{Board, BoardEntry};

#[component]
pub(crate) fn TechniqueBoard(#[prop(into)] board: Signal<Board>) -> impl IntoView {
    let column = |title: &'static str, id: &'static str, entries: Vec<BoardEntry>| {
        let shown = RwSignal::new(FIRST);
        let total = entries.len();
        let entries = StoredValue::new(entries);
        view! {
            <section class="board-col" aria-labelledby=id>
                <h3 id=id>{format!("{title} ({})", entries.with_value(|e| e.iter().map(|e| e.count).sum::<usize>()))}</h3>
                {if total == 0 {
                    view! { <p class="muted">"Nothing yet."</p> }.into_any()
                } else {
                    view! {
                        <ul>
                            {move || entries.with_value(|e| e.iter().take(shown.get()).cloned().collect::<Vec<_>>()).into_iter().map(|e| view! {
                                <li>
                                    <span class="board-name">{e.name.clone()}</span>
                                    {(e.count > 1).then(|| view! { " " <span class="badge">{format!("×{}", e.count)}</span> })}
                                    {(!e.notes.is_empty()).then(|| view! { <span class="muted board-notes">{e.notes.join(" · ")}</span> })}
                                </li>
                            }).collect_view()}
                        </ul>
                        <ShowMore shown total=total what="techniques"/>
                    }.into_any()
                }}
            </section>
        }
    };
    view! {
        <section class="card" aria-labelledby="board-h">
            <h2 id="board-h">"Technique board"</h2>
            <div class="board">
                {move || {
                    let b = board.get();
                    view! {
                        {column("Keep", "board-keep", b.keep)}
                        {column("Improve", "board-improve", b.improve)}
                        {column("Drop", "board-drop", b.drop)}
                    }
                }}
            </div>
        </section>
    }
}

//! Keep / improve / drop across all reflections, with counts, so patterns show.

use leptos::prelude::*;

use crate::model::insights::{Board, BoardEntry};

#[component]
pub(crate) fn TechniqueBoard(#[prop(into)] board: Signal<Board>) -> impl IntoView {
    let column = |title: &'static str, id: &'static str, entries: Vec<BoardEntry>| {
        view! {
            <section class="board-col" aria-labelledby=id>
                <h3 id=id>{format!("{title} ({})", entries.iter().map(|e| e.count).sum::<usize>())}</h3>
                {if entries.is_empty() {
                    view! { <p class="muted">"Nothing yet."</p> }.into_any()
                } else {
                    view! {
                        <ul>
                            {entries.into_iter().map(|e| view! {
                                <li>
                                    <span class="board-name">{e.name.clone()}</span>
                                    {(e.count > 1).then(|| view! { " " <span class="badge">{format!("×{}", e.count)}</span> })}
                                    {(!e.notes.is_empty()).then(|| view! { <span class="muted board-notes">{e.notes.join(" · ")}</span> })}
                                </li>
                            }).collect_view()}
                        </ul>
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

//! Insights across reflections: development plan, technique board, confidence over time.

use leptos::prelude::*;

use crate::state::use_store;

#[component]
pub(crate) fn Insights() -> impl IntoView {
    crate::browser::set_title("Insights");
    let store = use_store();
    let reflections = Memo::new(move |_| store.data.with(|d| d.reflections.len()));
    view! {
        <h1>"Insights"</h1>
        <section class="card">
            <p>{move || match reflections.get() {
                0 => "Insights grow from your reflections: your development plan, the interview techniques to keep, improve or drop, and how your confidence changes over time. Once you have reflected on a rejection, they appear here.".to_owned(),
                n => format!("You have {n} reflection(s). Your development plan, technique board and confidence chart appear here."),
            }}</p>
        </section>
    }
}

//! Pages that need the whole notebook. Start-up paints the dashboard from the stored
//! summary and reads the notebook after; a page opened before that read is done (a
//! deep link, or a tap in the first moments) finishes it first, so it never draws from,
//! or edits, a notebook only partly read.

use leptos::prelude::*;

use crate::state::use_store;

#[component]
pub(crate) fn WholeNotebook(children: Children) -> impl IntoView {
    use_store().finish_loading();
    children()
}

//! The "⋯" menu on a list row: actions that should not sit one slip away, like Delete
//! (which still offers Undo). Escape or leaving the menu closes it.

use leptos::prelude::*;
use uuid::Uuid;

use crate::components::application::move_menu::focus_left;
use crate::components::focus::focus_later;
use crate::state::use_store;

/// `name` reads "Recruiter at Acme".
#[component]
pub(crate) fn RowMenu(id: Uuid, name: String) -> impl IntoView {
    let store = use_store();
    let open = RwSignal::new(false);
    let button_id = format!("more-{id}");
    let panel_id = format!("more-panel-{id}");
    let keydown = {
        let button_id = button_id.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            if ev.key() == "Escape" && open.get_untracked() {
                ev.prevent_default();
                open.set(false);
                focus_later(button_id.clone());
            }
        }
    };
    let focusout = move |ev: leptos::ev::FocusEvent| {
        if focus_left(&ev) {
            open.set(false);
        }
    };
    let delete_label = format!("Delete {name}");
    view! {
        <div class="row-menu" on:keydown=keydown on:focusout=focusout>
            <button type="button" id=button_id class="secondary small icon" aria-expanded=move || open.get().to_string()
                aria-controls=panel_id.clone() aria-label=format!("More actions for {name}")
                on:click=move |_| open.update(|o| *o = !*o)>"⋯"</button>
            <Show when=move || open.get()>
                <div class="row-menu-panel card" id=panel_id.clone()>
                    <button type="button" class="secondary danger" disabled=move || !store.writable()
                        aria-label=delete_label.clone()
                        on:click=move |_| { open.set(false); store.delete_application(id) }>"Delete"</button>
                </div>
            </Show>
        </div>
    }
}

//! "Move to…" on a board card: a button that opens the other stages as buttons, the
//! keyboard and screen-reader way to do what dragging does. Arrow keys move between
//! the stages, Escape closes; after a move, focus follows the card to its new column.

use leptos::prelude::*;
use uuid::Uuid;
use wasm_bindgen::JsCast;

use crate::components::focus::focus_later;
use crate::model::Stage;
use crate::state::{use_store, Store};

/// Records a move to `to`, dated today (as the detail page's form defaults to), and
/// offers Undo. The Undo bar (a live region) says what moved; what is returned is the
/// sentence for the page's own live region: nothing after a move (one announcement,
/// not two), or why it didn't happen.
pub(crate) fn record_move(store: Store, id: Uuid, to: Stage) -> Option<String> {
    match store.move_application(id, to) {
        Some(Ok(())) => None,
        Some(Err(e)) => Some(e.to_string()),
        None => Some("This notebook can't be changed right now.".to_owned()),
    }
}

/// True when a `focusout` takes focus outside the element listening (Tab away, a click
/// elsewhere): a popup menu then closes. Shared by "Move to…" and the row's "⋯" menu.
pub(crate) fn focus_left(ev: &leptos::ev::FocusEvent) -> bool {
    let node = |t: Option<web_sys::EventTarget>| t.and_then(|t| t.dyn_into::<web_sys::Node>().ok());
    !node(ev.related_target())
        .zip(node(ev.current_target()))
        .is_some_and(|(to, menu)| menu.contains(Some(&to)))
}

/// Moves focus among the menu's buttons with the arrow keys, Home and End.
fn arrow_focus(ev: &leptos::ev::KeyboardEvent, list_id: &str) -> bool {
    let key = ev.key();
    if ![
        "ArrowDown",
        "ArrowRight",
        "ArrowUp",
        "ArrowLeft",
        "Home",
        "End",
    ]
    .contains(&key.as_str())
    {
        return false;
    }
    let Some(list) = document().get_element_by_id(list_id) else {
        return false;
    };
    let current = document()
        .active_element()
        .and_then(|a| a.closest("li").ok().flatten())
        .filter(|li| list.contains(Some(li)));
    let next = match (key.as_str(), current) {
        ("Home", _) | (_, None) => list.first_element_child(),
        ("End", _) => list.last_element_child(),
        ("ArrowDown" | "ArrowRight", Some(li)) => li.next_element_sibling().or(Some(li)),
        (_, Some(li)) => li.previous_element_sibling().or(Some(li)),
    };
    if let Some(b) = next
        .and_then(|li| li.query_selector("button").ok().flatten())
        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = b.focus();
    }
    true
}

/// `name` reads "Recruiter at Acme"; `announce` is the board's polite live region.
#[component]
pub(crate) fn MoveMenu(
    id: Uuid,
    current: Stage,
    name: String,
    announce: RwSignal<Option<String>>,
) -> impl IntoView {
    let store = use_store();
    let open = RwSignal::new(false);
    let button_id = format!("move-{id}");
    let list_id = format!("move-list-{id}");
    let open_menu = {
        let list_id = list_id.clone();
        move |_| {
            let now = !open.get_untracked();
            open.set(now);
            if now {
                // Land on the first stage, as a menu does.
                let list_id = list_id.clone();
                request_animation_frame(move || {
                    if let Some(el) = document()
                        .get_element_by_id(&list_id)
                        .and_then(|l| l.query_selector("button").ok().flatten())
                        .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok())
                    {
                        let _ = el.focus();
                    }
                });
            }
        }
    };
    let keydown = {
        let (button_id, list_id) = (button_id.clone(), list_id.clone());
        move |ev: leptos::ev::KeyboardEvent| {
            if !open.get_untracked() {
                return;
            }
            if ev.key() == "Escape" {
                ev.prevent_default();
                open.set(false);
                focus_later(button_id.clone());
            } else if arrow_focus(&ev, &list_id) {
                ev.prevent_default();
            }
        }
    };
    // Closes when focus leaves the menu (Tab away, a click elsewhere).
    let focusout = move |ev: leptos::ev::FocusEvent| {
        if focus_left(&ev) {
            open.set(false);
        }
    };
    let choose = {
        let button_id = button_id.clone();
        move |to: Stage| {
            open.set(false);
            announce.set(record_move(store, id, to));
            // The card is drawn again in its new column with the same button id.
            focus_later(button_id.clone());
        }
    };
    let label = format!("Move {name} to another stage");
    view! {
        <div class="move-menu" on:keydown=keydown on:focusout=focusout>
            <button type="button" id=button_id class="secondary small" aria-haspopup="true"
                aria-expanded=move || open.get().to_string() aria-controls=list_id.clone()
                disabled=move || !store.writable() on:click=open_menu>
                "Move to…"<span class="visually-hidden">{format!(" ({name})")}</span>
            </button>
            <Show when=move || open.get()>
                <ul class="move-list card" id=list_id.clone() aria-label=label.clone()>
                    {Stage::ALL.into_iter().filter(|s| *s != current).map(|s| {
                        let choose = choose.clone();
                        view! { <li><button type="button" class="secondary" on:click=move |_| choose(s)>{s.label()}</button></li> }
                    }).collect_view()}
                </ul>
            </Show>
        </div>
    }
}

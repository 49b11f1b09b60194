//! One application on the board: a link that opens it, a grip to drag it by touch
//! (a mouse can drag the whole card), and "Move to…" for the keyboard.

use leptos::prelude::*;

use crate::components::application::board::{BoardCtx, Card};
use crate::components::application::move_menu::MoveMenu;
use crate::routes::AppRoute;

#[component]
pub(crate) fn BoardCard(card: Card, ctx: BoardCtx) -> impl IntoView {
    let (id, from) = (card.id, card.stage);
    let name = format!("{} at {}", card.role, card.company);
    view! {
        <li class="card board-card" class:dragging=move || ctx.dragging.get() == Some(id)
            on:pointerdown=move |ev| ctx.down(&ev, id, from)
            on:pointermove=move |ev| ctx.moved(&ev)
            on:pointerup=move |ev| ctx.up(&ev)
            on:pointercancel=move |_| ctx.cancel()
            // The card redrawn mid-drag (another tab's save) loses the pointer: end the
            // drag rather than leave it running with nobody holding it. (Only the card's
            // own loss: a touch's implicit capture by the grip is handed to the card.)
            on:lostpointercapture=move |ev| {
                if ev.target() == ev.current_target() {
                    ctx.lost_capture();
                }
            }
            on:click=move |ev| ctx.click(&ev)>
            <span class="drag-grip" aria-hidden="true" title="Drag to another column">"⠿"</span>
            <a href=AppRoute::Application(id).href() draggable="false" class="board-card-link">
                <span class="app-company">{card.company.clone()}</span>
                <span class="app-role">{card.role.clone()}</span>
            </a>
            {card.needs_feedback.then(|| view! { <span class="badge due">"Needs feedback"</span> })}
            {card.follow_up_due.then(|| view! { <span class="badge due">"Follow-up due"</span> })}
            <MoveMenu id=id current=from name=name announce=ctx.announce/>
        </li>
    }
}

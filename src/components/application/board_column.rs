//! One stage's column on the board: its name, how many, its cards; lit up as the drop
//! target while a card is dragged over it.

use leptos::prelude::*;

use crate::components::application::board::{BoardCtx, Card};
use crate::components::application::board_card::BoardCard;
use crate::model::Stage;

#[component]
pub(crate) fn BoardColumn(stage: Stage, cards: Signal<Vec<Card>>, ctx: BoardCtx) -> impl IntoView {
    let heading = format!("col-{}", stage.key());
    let heading_ref = heading.clone();
    view! {
        <section class="board-column" data-stage=stage.key() aria-labelledby=heading_ref
            class:drop-target=move || ctx.hover.get() == Some(stage) && ctx.dragging.with(Option::is_some)>
            <h2 id=heading class="board-column-title">
                {stage.label()}" "<span class="muted">{move || format!("({})", cards.with(Vec::len))}</span>
            </h2>
            <ul class="board-cards" aria-label=format!("{} applications", stage.label())>
                <For each=move || cards.get() key=|c| (c.id, c.stage, c.needs_feedback, c.follow_up_due) let:card>
                    <BoardCard card=card ctx=ctx/>
                </For>
            </ul>
        </section>
    }
}

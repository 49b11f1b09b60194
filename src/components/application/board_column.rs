//! One stage's column on the board: its name, how many, its cards; lit up as the drop
//! target while a card is dragged over it.

use leptos::prelude::*;

use crate::components::application::board::{BoardCtx, Card};
use crate::components::application::board_card::BoardCard;
use crate::components::deferred::drawn_in_slices;
use crate::components::show_more::{ShowMore, FIRST};
use crate::model::Stage;

/// Cards each column draws per frame while the board opens (seven columns at once).
const CARDS_PER_FRAME: usize = 5;

#[component]
pub(crate) fn BoardColumn(stage: Stage, cards: Signal<Vec<Card>>, ctx: BoardCtx) -> impl IntoView {
    let heading = format!("col-{}", stage.key());
    let heading_ref = heading.clone();
    // A column of hundreds of cards showed them all at once: opening the board with
    // 1,000 applications was one task of half a second. A screenful, then on request.
    let shown = RwSignal::new(FIRST);
    let total = Signal::derive(move || cards.with(Vec::len));
    // A few cards per column in the first frame, a few more after each paint.
    let drawn = drawn_in_slices(
        CARDS_PER_FRAME,
        CARDS_PER_FRAME,
        Signal::derive(move || total.get().min(shown.get())),
    );
    let visible = move || cards.with(|c| c.iter().take(drawn.get()).cloned().collect::<Vec<_>>());
    view! {
        <section class="board-column" data-stage=stage.key() aria-labelledby=heading_ref
            class:drop-target=move || ctx.hover.get() == Some(stage) && ctx.dragging.with(Option::is_some)>
            <h2 id=heading class="board-column-title">
                {stage.label()}" "<span class="muted">{move || format!("({})", cards.with(Vec::len))}</span>
            </h2>
            <ul class="board-cards" aria-label=format!("{} applications", stage.label())>
                <For each=visible key=|c| (c.id, c.stage, c.needs_feedback, c.follow_up_due) let:card>
                    <BoardCard card=card ctx=ctx/>
                </For>
            </ul>
            <ShowMore shown=shown total=total what="cards"/>
        </section>
    }
}

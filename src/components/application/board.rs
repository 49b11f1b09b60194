//! The pipeline board: a column per active stage and the closed stages folded under
//! "Closed (N)". Cards move by dragging (Pointer Events, so mouse, pen and touch
//! behave alike in every engine) or by each card's "Move to…" menu; either way the
//! move is a dated stage change (today) in the history.
//!
//! A drag starts only after the pointer travels a few pixels, so a tap still opens the
//! card; a touch drag starts from the card's grip, so a swipe elsewhere still scrolls.
//! Escape or a cancelled pointer ends it with nothing changed. A card held near the
//! board's left or right edge (or the window's top or bottom) scrolls it, a frame at a
//! time, so every column can be reached in one drag, by mouse or by touch.

use leptos::prelude::*;
use uuid::Uuid;
use wasm_bindgen::JsCast;

use crate::components::application::board_column::BoardColumn;
use crate::components::application::move_menu::record_move;
use crate::model::Stage;
use crate::state::{use_store, Store};

/// What a card shows.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Card {
    pub(crate) id: Uuid,
    pub(crate) company: String,
    pub(crate) role: String,
    pub(crate) stage: Stage,
    pub(crate) needs_feedback: bool,
    pub(crate) follow_up_due: bool,
}

/// Pixels the pointer must travel before a press becomes a drag.
const THRESHOLD: f64 = 6.0;

/// A pointer pressed on a card, maybe dragging it.
#[derive(Clone, Copy, Debug)]
struct Press {
    id: Uuid,
    from: Stage,
    pointer: i32,
    x: f64,
    y: f64,
    dragging: bool,
}

/// The board's shared drag state and its live region, handed to columns and cards.
#[derive(Clone, Copy)]
pub(crate) struct BoardCtx {
    pub(crate) announce: RwSignal<Option<String>>,
    /// The column under a dragged card (the drop target).
    pub(crate) hover: RwSignal<Option<Stage>>,
    pub(crate) dragging: RwSignal<Option<Uuid>>,
    store: Store,
    press: StoredValue<Option<Press>>,
    /// The columns' scroller, scrolled by a card held near its edge.
    board: NodeRef<leptos::html::Div>,
    /// The pointer's last position during a drag, and whether the edge scroll runs.
    pointer_at: StoredValue<(f64, f64)>,
    edge_scrolling: StoredValue<bool>,
    /// Set when a drag ends, so the click that follows does not open the card.
    swallow_click: StoredValue<bool>,
}

/// How near an edge (in pixels) a held card starts scrolling, and the fastest step.
const EDGE: f64 = 48.0;
const EDGE_STEP: f64 = 18.0;

/// The scroll step for a pointer at `at` between `low` and `high`: negative near
/// `low`, positive near `high`, faster the nearer the edge, zero elsewhere.
fn edge_step(at: f64, low: f64, high: f64) -> f64 {
    let zone = EDGE.min((high - low) / 4.0);
    if at < low + zone {
        -EDGE_STEP * ((low + zone - at) / zone).min(1.0)
    } else if at > high - zone {
        EDGE_STEP * ((at - (high - zone)) / zone).min(1.0)
    } else {
        0.0
    }
}

/// The stage of the column at a point on screen, if any.
fn stage_at(x: f64, y: f64) -> Option<Stage> {
    let el = document().element_from_point(x as f32, y as f32)?;
    let col = el.closest("[data-stage]").ok().flatten()?;
    <Stage as crate::model::choice::Choice>::from_key(&col.get_attribute("data-stage")?)
}

impl BoardCtx {
    pub(crate) fn down(&self, ev: &leptos::ev::PointerEvent, id: Uuid, from: Stage) {
        if ev.button() != 0 || !ev.is_primary() {
            return;
        }
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let on = |sel: &str| {
            target
                .as_ref()
                .and_then(|t| t.closest(sel).ok().flatten())
                .is_some()
        };
        // Buttons keep their own clicks; touch and pen drag from the grip only, so
        // the rest of the card scrolls the page as usual.
        if on(".move-menu") || (ev.pointer_type() != "mouse" && !on(".drag-grip")) {
            return;
        }
        self.swallow_click.set_value(false);
        self.press.set_value(Some(Press {
            id,
            from,
            pointer: ev.pointer_id(),
            x: ev.client_x() as f64,
            y: ev.client_y() as f64,
            dragging: false,
        }));
    }

    pub(crate) fn moved(&self, ev: &leptos::ev::PointerEvent) {
        let Some(mut p) = self.press.get_value() else {
            return;
        };
        if p.pointer != ev.pointer_id() {
            return;
        }
        let (x, y) = (ev.client_x() as f64, ev.client_y() as f64);
        if !p.dragging {
            if (x - p.x).hypot(y - p.y) < THRESHOLD {
                return;
            }
            p.dragging = true;
            self.press.set_value(Some(p));
            self.dragging.set(Some(p.id));
            // Keep hearing the pointer when it leaves the card.
            if let Some(el) = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = el.set_pointer_capture(ev.pointer_id());
            }
        }
        ev.prevent_default();
        self.pointer_at.set_value((x, y));
        self.hover_at(x, y);
        if !self.edge_scrolling.get_value() && self.edge_steps() != (0.0, 0.0) {
            self.edge_scrolling.set_value(true);
            let ctx = *self;
            request_animation_frame(move || ctx.edge_tick());
        }
    }

    fn hover_at(&self, x: f64, y: f64) {
        let over = stage_at(x, y);
        if self.hover.get_untracked() != over {
            self.hover.set(over);
        }
    }

    /// (sideways step for the board, up-down step for the window) at the pointer.
    fn edge_steps(&self) -> (f64, f64) {
        let (x, y) = self.pointer_at.get_value();
        let sideways = self.board.get_untracked().map_or(0.0, |b| {
            let r = b.get_bounding_client_rect();
            let room = b.scroll_width() > b.client_width();
            if room {
                edge_step(x, r.left(), r.right())
            } else {
                0.0
            }
        });
        let height = window()
            .inner_height()
            .ok()
            .and_then(|h| h.as_f64())
            .unwrap_or(0.0);
        (sideways, edge_step(y, 0.0, height))
    }

    /// One frame of the edge scroll; the next is asked for while the card is held
    /// near an edge.
    fn edge_tick(&self) {
        // The board may be gone (the user went Back mid-drag), and its values with it:
        // `try_` reads see that instead of panicking.
        let held = (self.press.try_get_value().flatten()).is_some_and(|p| p.dragging);
        if !held {
            self.edge_scrolling.try_set_value(false);
            return;
        }
        let (dx, dy) = self.edge_steps();
        let board = self.board.get_untracked();
        let at = || {
            (
                board.as_ref().map_or(0, |b| b.scroll_left()),
                window().scroll_y().unwrap_or(0.0),
            )
        };
        let before = at();
        if let Some(b) = &board {
            b.set_scroll_left(b.scroll_left() + dx.round() as i32);
        }
        if dy != 0.0 {
            window().scroll_by_with_x_and_y(0.0, dy.round());
        }
        // Away from the edges, or nothing left to scroll that way: the loop ends, and
        // the next move near an edge starts it again.
        if at() == before {
            self.edge_scrolling.set_value(false);
            return;
        }
        // The columns moved under a still pointer.
        let (x, y) = self.pointer_at.get_value();
        self.hover_at(x, y);
        let ctx = *self;
        request_animation_frame(move || ctx.edge_tick());
    }

    pub(crate) fn up(&self, ev: &leptos::ev::PointerEvent) {
        let Some(p) = self.press.get_value() else {
            return;
        };
        if p.pointer != ev.pointer_id() {
            return;
        }
        self.press.set_value(None);
        if !p.dragging {
            return; // a tap: the link opens the card
        }
        // Some engines send no click after a captured drag: forget it after this task.
        self.swallow_click.set_value(true);
        let swallow = self.swallow_click;
        set_timeout(
            move || swallow.set_value(false),
            std::time::Duration::from_millis(0),
        );
        let to = stage_at(ev.client_x() as f64, ev.client_y() as f64);
        self.end();
        if let Some(to) = to.filter(|to| *to != p.from) {
            self.announce.set(record_move(self.store, p.id, to));
        }
    }

    /// The pointer's capture went without a pointerup on this card (it was redrawn):
    /// the drag ends with nothing moved. After a normal drop the press is already gone.
    pub(crate) fn lost_capture(&self) {
        if self.press.get_value().is_some_and(|p| p.dragging) {
            self.cancel();
        }
    }

    /// Ends a drag with nothing moved (Escape, a cancelled pointer).
    pub(crate) fn cancel(&self) {
        if self.press.get_value().is_some_and(|p| p.dragging) {
            self.announce.set(Some("Move cancelled.".to_owned()));
        }
        self.press.set_value(None);
        self.end();
    }

    fn end(&self) {
        self.hover.set(None);
        self.dragging.set(None);
    }

    /// The click after a drag would open the card: swallow it.
    pub(crate) fn click(&self, ev: &leptos::ev::MouseEvent) {
        if self.swallow_click.get_value() {
            self.swallow_click.set_value(false);
            ev.prevent_default();
            ev.stop_propagation();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::edge_step;

    #[test]
    fn a_card_near_an_edge_scrolls_towards_it_faster_the_nearer() {
        assert_eq!(edge_step(500.0, 0.0, 1000.0), 0.0);
        assert!(edge_step(10.0, 0.0, 1000.0) < edge_step(40.0, 0.0, 1000.0));
        assert!(edge_step(40.0, 0.0, 1000.0) < 0.0);
        assert!(edge_step(990.0, 0.0, 1000.0) > 0.0);
        assert_eq!(
            edge_step(-50.0, 0.0, 1000.0),
            -18.0,
            "beyond the edge: full speed"
        );
        // A short area keeps a still middle.
        assert_eq!(edge_step(50.0, 0.0, 100.0), 0.0);
    }
}

#[component]
pub(crate) fn Board(
    #[prop(into)] cards: Signal<Vec<Card>>,
    announce: RwSignal<Option<String>>,
) -> impl IntoView {
    let ctx = BoardCtx {
        announce,
        hover: RwSignal::new(None),
        dragging: RwSignal::new(None),
        store: use_store(),
        press: StoredValue::new(None),
        board: NodeRef::new(),
        pointer_at: StoredValue::new((0.0, 0.0)),
        edge_scrolling: StoredValue::new(false),
        swallow_click: StoredValue::new(false),
    };
    let esc = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && ctx.dragging.get_untracked().is_some() {
            ctx.cancel();
        }
    });
    on_cleanup(move || esc.remove());
    // A memo per column: its count, its cards and "Show more" read it, and it changes
    // only when a card of its own stage does.
    let in_stage = move |s: Stage| {
        Signal::from(Memo::new(move |_| {
            cards.with(|c| {
                c.iter()
                    .filter(|c| c.stage == s)
                    .cloned()
                    .collect::<Vec<_>>()
            })
        }))
    };
    let closed_open = RwSignal::new(false);
    let closed_count = move || cards.with(|c| c.iter().filter(|c| c.stage.is_closed()).count());
    view! {
        // Focusable, so a keyboard can scroll the columns sideways when they overflow.
        <div class="board" tabindex="0" role="group" aria-label="Active stages" node_ref=ctx.board
            class:is-dragging=move || ctx.dragging.with(Option::is_some)>
            {Stage::ALL.into_iter().filter(|s| !s.is_closed()).map(|s| view! {
                <BoardColumn stage=s cards=in_stage(s) ctx=ctx/>
            }).collect_view()}
        </div>
        // Shown (by the style sheet) only where the columns don't all fit.
        <p class="hint board-more">"Scroll or swipe sideways for more stages."</p>
        // Closed columns are built when first unfolded: most of a long search is closed,
        // and nobody sees those cards until they ask.
        <details class="board-closed card" on:toggle=move |ev| {
            if event_target::<web_sys::HtmlDetailsElement>(&ev).open() {
                closed_open.set(true);
            }
        }>
            <summary>{move || format!("Closed ({})", closed_count())}</summary>
            <Show when=move || closed_open.get()>
                <div class="board" tabindex="0" role="group" aria-label="Closed stages">
                    {Stage::ALL.into_iter().filter(|s| s.is_closed()).map(|s| view! {
                        <BoardColumn stage=s cards=in_stage(s) ctx=ctx/>
                    }).collect_view()}
                </div>
            </Show>
        </details>
    }
}

//! Moving keyboard focus to something the next render draws: a control after an edit
//! re-renders its row, or the new page's heading after a route change (a page that
//! arrives on demand draws its heading only once its piece of the wasm has loaded).
//!
//! Each waits over frames for the element to appear, and gives up as soon as the user
//! has put focus somewhere else meanwhile: a late focus would otherwise steal it (in
//! WebKit it closed a menu the user had just opened, by its `focusout`).

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Focuses the element with this id once the re-rendered view is on screen; if it has
/// gone (a row that left the Active view), the page's heading, so focus is never lost.
/// A list row's controls arrive a frame after the row (`AfterPaint`), so a missing id
/// is looked for again over a few frames before giving up on it.
pub(crate) fn focus_later(id: String) {
    let lookup = move |doc: &web_sys::Document, last: bool| {
        doc.get_element_by_id(&id)
            .or_else(|| last.then(|| heading(doc)).flatten())
    };
    focus_within_frames(lookup, 4, document().active_element());
}

/// Focuses the page's `h1` once it is drawn, else the main region: waits up to about
/// ten seconds of frames for a page still loading its code (with "Loading…" shown).
pub(crate) fn focus_heading() {
    let lookup = |doc: &web_sys::Document, last: bool| {
        heading(doc).or_else(|| last.then(|| doc.get_element_by_id("main")).flatten())
    };
    focus_within_frames(lookup, 600, document().active_element());
}

/// The page's heading, made focusable from script (not a tab stop).
fn heading(doc: &web_sys::Document) -> Option<web_sys::Element> {
    let h1 = doc.query_selector("main h1").ok().flatten()?;
    if !h1.has_attribute("tabindex") {
        let _ = h1.set_attribute("tabindex", "-1");
    }
    Some(h1)
}

fn focus_within_frames<F>(lookup: F, frames: u32, was: Option<web_sys::Element>)
where
    F: Fn(&web_sys::Document, bool) -> Option<web_sys::Element> + 'static,
{
    request_animation_frame(move || {
        let doc = document();
        // The user moved on (a click, a Tab, another control's own focus): leave it.
        // Focus that fell to the body (its element was re-rendered away) is not a move.
        let now = doc.active_element();
        let moved = now != was && now.as_ref() != doc.body().map(Into::into).as_ref();
        if moved {
            return;
        }
        let found = lookup(&doc, frames == 0);
        match found.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            Some(el) => {
                let _ = el.focus();
            }
            // Not drawn yet: a task, then the next frame, as `AfterPaint` waits.
            None if frames > 0 => set_timeout(
                move || focus_within_frames(lookup, frames - 1, was),
                Duration::ZERO,
            ),
            None => {}
        }
    });
}

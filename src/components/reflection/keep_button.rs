//! "Keep this technique": turns something that went well (the employer's "went well",
//! or the user's own "what I did well") into a technique to keep on the technique
//! board, once; when it is already kept, says so instead of offering it again.

use leptos::prelude::*;
use uuid::Uuid;

use crate::state::use_store;

/// "Keep this technique" for one thing that went well, or a note that it is kept.
/// Shared by the feedback block and step 5's "what I did well" entries.
#[component]
pub(crate) fn KeepButton(
    reflection_id: Uuid,
    #[prop(into)] text: Signal<String>,
    status: RwSignal<Option<String>>,
) -> impl IntoView {
    let store = use_store();
    let kept = Memo::new(move |_| {
        let t = text.get();
        store
            .data
            .with(|d| d.reflection(reflection_id).is_some_and(|r| r.keeps(&t)))
    });
    move || {
        let t = text.get();
        if t.trim().is_empty() {
            return ().into_any();
        }
        if kept.get() {
            return view! { <span class="kept muted">"✓ Kept on your technique board"</span> }
                .into_any();
        }
        let label = format!("Keep this technique: {}", t.trim());
        view! {
            <button type="button" class="link keep-button" aria-label=label
                on:click=move |_| {
                    let t = text.get_untracked();
                    store.edit_reflection(reflection_id, |r| {
                        r.keep_technique(&t, Uuid::new_v4());
                    });
                    status.set(Some(format!("Kept “{}” as a technique.", t.trim())));
                }>"Keep this technique"</button>
        }
        .into_any()
    }
}

//! Once, and dismissibly: Safari (and every browser on iPhone and iPad) may delete the
//! notebook after 7 days without a visit. Says so plainly, with the two remedies: add
//! Knockback to the Home Screen, and keep a backup.

use leptos::prelude::*;

use crate::model::eviction::{Eviction, EVICTION_DAYS};
use crate::state::{use_store, Offer};

#[component]
pub(crate) fn EvictionNotice() -> impl IntoView {
    let store = use_store();
    let show =
        RwSignal::new(store.eviction() == Eviction::AtRisk && !store.eviction_notice_dismissed());
    let error = RwSignal::new(None::<String>);
    let backup = move |_| {
        store.offer(Offer::Backup, move |r| {
            error.set(r.err().map(|e| e.to_string()))
        })
    };
    let dismiss = move |_| {
        store.dismiss_eviction_notice();
        show.set(false);
    };
    view! {
        <Show when=move || show.get()>
            <section class="banner banner-warn" aria-labelledby="eviction-h">
                <h2 id="eviction-h">"This browser may delete your notebook"</h2>
                <p>{format!("Safari, and every browser on iPhone and iPad, deletes a website's saved data when you haven't opened it for {EVICTION_DAYS} days. Knockback keeps your notebook only here, so protect it in one of two ways:")}</p>
                <ol>
                    <li>
                        <strong>"Add Knockback to your Home Screen. "</strong>
                        "On iPhone or iPad: tap the Share button, choose “Add to Home Screen”, then open Knockback from its new icon. On a Mac: in Safari, choose File, then “Add to Dock”. Data of apps opened this way is not deleted."
                    </li>
                    <li>
                        <strong>"Keep a backup. "</strong>
                        "Download one now, and again after you add or change things. A backup restores everything, in any browser."
                    </li>
                </ol>
                <div class="actions">
                    <button type="button" on:click=backup>"Download a backup"</button>
                    <button type="button" class="secondary" on:click=dismiss>"Got it"</button>
                </div>
                <p class="field-error" role="alert">{error}</p>
            </section>
        </Show>
    }
}

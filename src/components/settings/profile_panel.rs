//! "Your profile": the name and signature the message templates sign with. Kept in
//! the notebook, so the passphrase lock covers it like everything else.

use leptos::prelude::*;

use crate::model::Profile;
use crate::state::use_store;

/// The longest name or signature kept: a sign-off, not a letter.
const MAX_LEN: usize = 2000;

#[component]
pub(crate) fn ProfilePanel() -> impl IntoView {
    let store = use_store();
    let current = store.data.with_untracked(|d| d.profile.clone());
    let name = RwSignal::new(current.name);
    let signature = RwSignal::new(current.signature);
    let status = RwSignal::new(None::<&'static str>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let profile = Profile {
            name: name.get_untracked().trim().to_owned(),
            // Inner line breaks are the user's layout; only the ends are tidied.
            signature: signature.get_untracked().trim().to_owned(),
        };
        if profile.name.chars().count() > MAX_LEN || profile.signature.chars().count() > MAX_LEN {
            status.set(Some(
                "Keep your name and signature under 2,000 characters each.",
            ));
            return;
        }
        let saved = store.update(move |d| d.set_profile(profile));
        status.set(Some(if saved.is_some() {
            "Saved. Your messages now sign with it."
        } else {
            "Not saved: saving is paused until the problem above is resolved."
        }));
    };
    view! {
        <section class="card" aria-labelledby="profile-title" id="profile">
            <h2 id="profile-title">"Your profile"</h2>
            <p class="hint">"Used to sign the messages Knockback drafts for you. It stays in this browser."</p>
            <form class="form" on:submit=save>
                <div class="field">
                    <label for="profile-name">"Your name"</label>
                    <input id="profile-name" type="text" autocomplete="name"
                        prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/>
                </div>
                <div class="field">
                    <label for="profile-signature">"Signature"</label>
                    <p class="hint" id="profile-signature-hint">"Lines under your name in a formal message: a title, a phone number, a link."</p>
                    <textarea id="profile-signature" rows="3" aria-describedby="profile-signature-hint"
                        prop:value=signature on:input=move |ev| signature.set(event_target_value(&ev))></textarea>
                </div>
                <div class="actions">
                    <button type="submit" disabled=move || !store.writable()>"Save profile"</button>
                    <span role="status">{status}</span>
                </div>
            </form>
        </section>
    }
}

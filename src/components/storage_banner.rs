//! Tells the user, plainly, when their data is not being saved and what they can do.

use leptos::prelude::*;

use crate::state::{use_store, Health, Offer};

#[component]
pub(crate) fn StorageBanner() -> impl IntoView {
    let store = use_store();
    let download_error = RwSignal::new(None::<String>);
    let save_file = move |what: Offer| {
        store.offer(what, move |r| {
            download_error.set(r.err().map(|e| e.to_string()))
        });
    };

    let body = move || {
        match store.health.get() {
        // The unlock screen replaces the whole page, so no banner is needed.
        Health::Ok | Health::AwaitingPassphrase { .. } => None,
        Health::ReadOnly { error, quarantine_key, .. } => {
            let kept = if quarantine_key.is_some() {
                "It is kept exactly as it was, and a copy is set aside, so nothing is lost."
            } else {
                "It is kept exactly as it was, so nothing is lost."
            };
            let can_restart = quarantine_key.is_some();
            Some(view! {
                <div class="banner banner-error" role="alert">
                    <h2>"Your saved notebook can't be opened"</h2>
                    <p>{error.to_string()}</p>
                    <p>{kept} " Knockback is read-only until you decide what to do."</p>
                    <div class="actions">
                        <button type="button" on:click=move |_| save_file(Offer::Unreadable)>
                            "Download the saved data"
                        </button>
                        {can_restart.then(|| view! {
                            <button type="button" class="secondary" on:click=move |_| store.start_fresh()>
                                "Start a new notebook (keep the copy)"
                            </button>
                        })}
                    </div>
                </div>
            }.into_any())
        }
        Health::Unavailable(why) => Some(view! {
            <div class="banner banner-warn" role="alert">
                <h2>"This browser isn't letting Knockback save"</h2>
                <p>{format!("Storage is blocked ({why}). You can use the app, but everything is gone when this tab closes. Download a backup before you leave.")}</p>
                <div class="actions">
                    <button type="button" on:click=move |_| save_file(Offer::Backup)>
                        "Download your data"
                    </button>
                </div>
            </div>
        }.into_any()),
        Health::SaveFailed(e) => {
            let why = e.to_string();
            Some(view! {
                <div class="banner banner-error" role="alert">
                    <h2>"Your latest changes are not saved"</h2>
                    <p>{why} " Everything is still here on screen. Download your data to keep it safe, free some space, then try again."</p>
                    <div class="actions">
                        <button type="button" on:click=move |_| save_file(Offer::Backup)>
                            "Download your data"
                        </button>
                        <button type="button" class="secondary" on:click=move |_| store.save_now()>
                            "Try saving again"
                        </button>
                    </div>
                </div>
            }.into_any())
        }
        Health::Superseded { .. } => Some(view! {
            <div class="banner banner-warn" role="alert">
                <h2>"Another tab saved newer changes"</h2>
                <p>"This tab now shows them. The edit you made here was not saved over them; download it if you need it."</p>
                <div class="actions">
                    <button type="button" on:click=move |_| save_file(Offer::UnsavedEdit)>
                        "Download my unsaved edit"
                    </button>
                    <button type="button" class="secondary" on:click=move |_| store.health.set(Health::Ok)>
                        "Dismiss"
                    </button>
                </div>
            </div>
        }.into_any()),
    }
    };

    let notice = move || {
        store.notice.get().map(|text| view! {
            <div class="notice" role="status">
                <span>{text}</span>
                <button type="button" class="link" on:click=move |_| store.notice.set(None)>"Dismiss"</button>
            </div>
        })
    };

    view! {
        <div class="banners">
            {body}
            {notice}
            {move || download_error.get().map(|e| view! { <p class="field-error" role="alert">{e}</p> })}
        </div>
    }
}

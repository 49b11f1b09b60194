//! A page whose code is a separate piece of the wasm, fetched the first time the page
//! opens (every page but the dashboard and the list: see "What loads when" in
//! `docs/ARCHITECTURE.md`). Shows "Loading…" meanwhile; if the piece can't be fetched
//! (offline before the service worker had it, a flaky line), says so and offers to try
//! again, instead of the whole app stopping.

use std::future::Future;

use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_split_helpers::SplitLoaderError;

use crate::components::whole_notebook::WholeNotebook;

/// `load` is a split point: an `async fn` made by `#[wasm_split(…, fallible)]`, whose
/// first call fetches its piece and whose later calls return at once.
#[component]
pub(crate) fn OnDemand<F, Fut>(load: F) -> impl IntoView
where
    F: Fn() -> Fut + Copy + Send + Sync + 'static,
    Fut: Future<Output = Result<AnyView, SplitLoaderError>> + 'static,
{
    // Bumped by "Try again": the page's view reads it, so it asks for the piece anew.
    let attempt = RwSignal::new(0u32);
    let page = move || {
        attempt.track();
        // The loader's future is not `Send` (it is only ever polled on this one thread).
        let loading = SendWrapper::new(load());
        Suspend::new(async move {
            match loading.await {
                Ok(page) => page,
                Err(_) => view! {
                    <h1>"This page didn't load"</h1>
                    <div class="banner banner-error" role="alert">
                        <p>"Part of Knockback could not be fetched. Check your connection, then try again. Your notebook is safe: nothing was changed."</p>
                        <p class="actions">
                            <button type="button" on:click=move |_| attempt.update(|n| *n += 1)>"Try again"</button>
                        </p>
                    </div>
                }
                .into_any(),
            }
        })
    };
    view! {
        <WholeNotebook>
            <Suspense fallback=|| view! {
                <p class="page-loading" role="status"><span class="spinner" aria-hidden="true"></span>"Loading…"</p>
            }>{page}</Suspense>
        </WholeNotebook>
    }
}

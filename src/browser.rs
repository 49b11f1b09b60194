//! Small browser helpers that are not storage: file downloads, today's date in the
//! user's time zone, the base path the app is served from.

use chrono::NaiveDate;

use crate::error::BrowserError;
use wasm_bindgen::JsCast;

pub(crate) mod zone;

/// Offers `text` as a file download, the way a user saves any file.
pub(crate) fn download(filename: &str, mime: &str, text: &str) -> Result<(), BrowserError> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|_| BrowserError::PrepareFile)?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| BrowserError::PrepareFile)?;
    let document = leptos::prelude::document();
    let anchor = document
        .create_element("a")
        .map_err(|_| BrowserError::StartDownload)?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| BrowserError::StartDownload)?;
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    // Revoke on the next tick: revoking at once can cancel the download in some browsers.
    leptos::prelude::set_timeout(
        move || drop(web_sys::Url::revoke_object_url(&url)),
        std::time::Duration::from_secs(1),
    );
    Ok(())
}

/// Dates on screen (pure, so it lives with the model).
pub(crate) use crate::model::time::format_date;

/// The browser's own IANA time zone ("Europe/London"), or "" if it won't say.
/// `Intl.DateTimeFormat().resolvedOptions().timeZone`, read once per call (only the
/// interview form asks, when it opens).
pub(crate) fn time_zone() -> String {
    let format = js_sys::Intl::DateTimeFormat::new(&js_sys::Array::new(), &js_sys::Object::new());
    js_sys::Reflect::get(&format.resolved_options(), &"timeZone".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Today in the user's time zone (not UTC: "today" near midnight must match their wall clock).
pub(crate) fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}

/// The path the app is served under: `""` at the root, `"/knockback"` under a
/// sub-path. Read once from where the build put the app's own script (Trunk prefixes
/// every asset with `--public-url`), so no `<base>` element is needed.
pub(crate) fn base_path() -> &'static str {
    static BASE: std::sync::OnceLock<String> = std::sync::OnceLock::new();
    BASE.get_or_init(|| {
        let href = leptos::prelude::document()
            .query_selector("link[rel=modulepreload]")
            .ok()
            .flatten()
            .and_then(|el| el.get_attribute("href"))
            .unwrap_or_default();
        let path = web_sys::Url::new_with_base(
            &href,
            &leptos::prelude::location().href().unwrap_or_default(),
        )
        .map(|u| u.pathname())
        .unwrap_or_default();
        app_dir(&path).to_owned()
    })
}

/// The folder the app is served from, given its script's path: the script sits in the
/// build's `wasm-<hash>/` folder (scripts/split.mjs), one level below.
fn app_dir(script: &str) -> &str {
    let dir = script.rsplit_once('/').map_or("", |(dir, _)| dir);
    match dir.rsplit_once('/') {
        Some((parent, last)) if last.starts_with("wasm-") => parent,
        _ => dir,
    }
}

/// An app route (`"/applications"`) as a link under the base path. leptos_router
/// matches routes under its `base` but leaves absolute `href`s of `A` alone, so every
/// link goes through here. (`use_navigate` does add the base: pass it the bare route.)
pub(crate) fn app_path(route: &str) -> String {
    format!("{}{route}", base_path())
}

/// Names the page in the tab and for screen readers after a route change.
pub(crate) fn set_title(page: &str) {
    leptos::prelude::document().set_title(&format!("{page} · Knockback"));
}

/// Copies text to the clipboard; the callback hears whether it worked.
pub(crate) fn copy_to_clipboard(text: &str, done: impl FnOnce(bool) + 'static) {
    let Some(window) = web_sys::window() else {
        return done(false);
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::spawn_local(async move {
        done(wasm_bindgen_futures::JsFuture::from(promise).await.is_ok());
    });
}

/// Reads a picked or dropped file as text; the callback gets the text or a message.
pub(crate) fn read_file_text(
    file: web_sys::File,
    done: impl FnOnce(Result<String, BrowserError>) + 'static,
) {
    let promise = file.text();
    wasm_bindgen_futures::spawn_local(async move {
        let result = wasm_bindgen_futures::JsFuture::from(promise).await;
        done(match result {
            Ok(v) => v.as_string().ok_or(BrowserError::NotText),
            Err(_) => Err(BrowserError::ReadFile),
        });
    });
}

/// Asks the browser to keep this site's storage even when space runs low.
/// The callback hears `Some(true)` if granted, `None` if the browser can't say.
pub(crate) fn request_persistence(done: impl FnOnce(Option<bool>) + 'static) {
    storage_answer(web_sys::StorageManager::persist, done);
}

/// Whether the browser may delete Knockback's data on its own (see `model::eviction`).
pub(crate) fn eviction() -> crate::model::eviction::Eviction {
    let Some(window) = web_sys::window() else {
        return crate::model::eviction::Eviction::NotExpected;
    };
    let ua = window.navigator().user_agent().unwrap_or_default();
    let display_standalone = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches());
    // iOS Safari's own flag for a web app opened from the Home Screen.
    let ios_standalone = js_sys::Reflect::get(&window.navigator(), &"standalone".into())
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    crate::model::eviction::eviction(&ua, display_standalone || ios_standalone)
}

/// What the browser says about keeping this site's storage: `Some(true)` when it has
/// promised to keep it, `None` when it can't say (the API is missing, as in WebKit).
pub(crate) fn storage_persisted(done: impl FnOnce(Option<bool>) + 'static) {
    storage_answer(web_sys::StorageManager::persisted, done);
}

/// Calls one of `navigator.storage`'s yes/no promises and hands on its answer.
fn storage_answer(
    ask: fn(&web_sys::StorageManager) -> Result<js_sys::Promise, wasm_bindgen::JsValue>,
    done: impl FnOnce(Option<bool>) + 'static,
) {
    // WebKit has no `navigator.storage` at all: read it without web-sys's non-null typing.
    let storage = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"storage".into()).ok())
        .filter(|s| !s.is_undefined() && !s.is_null())
        .map(wasm_bindgen::JsCast::unchecked_into::<web_sys::StorageManager>);
    let Some(promise) = storage.and_then(|s| ask(&s).ok()) else {
        return done(None);
    };
    wasm_bindgen_futures::spawn_local(async move {
        done(
            wasm_bindgen_futures::JsFuture::from(promise)
                .await
                .ok()
                .and_then(|v| v.as_bool()),
        );
    });
}

#[cfg(test)]
mod tests {
    use super::app_dir;

    #[test]
    fn the_app_folder_is_above_the_wasm_folder() {
        assert_eq!(app_dir("/wasm-0123456789ab/knockback.js"), "");
        assert_eq!(
            app_dir("/knockback/wasm-0123456789ab/knockback.js"),
            "/knockback"
        );
        // An unsplit build (its script beside index.html).
        assert_eq!(app_dir("/knockback-0123.js"), "");
        assert_eq!(app_dir("/knockback/knockback-0123.js"), "/knockback");
        assert_eq!(app_dir(""), "");
    }
}

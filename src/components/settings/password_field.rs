//! One labelled password input, as the lock's forms use it (turn on, change).

use leptos::prelude::*;

/// A password field bound to `value`. `new` asks password managers to suggest a new
/// passphrase rather than fill the saved one.
#[component]
pub(crate) fn PasswordField(
    id: &'static str,
    label: &'static str,
    value: RwSignal<String>,
    /// The id of the element that explains errors for this form.
    described_by: &'static str,
    #[prop(optional)] new: bool,
) -> impl IntoView {
    let autocomplete = if new {
        "new-password"
    } else {
        "current-password"
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <input id=id type="password" autocomplete=autocomplete aria-describedby=described_by
                prop:value=value on:input=move |ev| value.set(event_target_value(&ev))/>
        </div>
    }
}

//! One `<select>` for every [`Choice`] enum (stages, interview kinds, plan statuses…).
//!
//! The generic part only turns the enum into `(key, label)` pairs and a key callback;
//! the view itself is built by one non-generic function, so each enum adds a few
//! bytes to the wasm rather than a whole copy of the view.

use leptos::prelude::*;

use crate::model::choice::Choice;

/// A `<select>` of `T`'s values. `value` is the selected key (`""` for none);
/// `on_change` hears the chosen value, or `None` for the `none` option.
#[component]
pub(crate) fn ChoiceSelect<T: Choice>(
    #[prop(optional, into)] id: Option<String>,
    /// `aria-label`, for a select with no `<label>`.
    #[prop(optional, into)]
    label: Option<String>,
    #[prop(optional, into)] described_by: Option<String>,
    #[prop(optional, into)] name: Option<&'static str>,
    /// Words for a leading empty option ("All stages"); none when absent.
    #[prop(optional)]
    none: Option<&'static str>,
    #[prop(optional, into)] disabled: Signal<bool>,
    #[prop(into)] value: Signal<String>,
    #[prop(into)] on_change: Callback<Option<T>>,
) -> impl IntoView {
    key_select(
        Attrs {
            id,
            label,
            described_by,
            name,
            none,
            disabled,
            value,
        },
        T::options(),
        Callback::new(move |key: String| on_change.run(T::from_key(&key))),
    )
}

/// The select's attributes, gathered so the view below stays non-generic.
struct Attrs {
    id: Option<String>,
    label: Option<String>,
    described_by: Option<String>,
    name: Option<&'static str>,
    none: Option<&'static str>,
    disabled: Signal<bool>,
    value: Signal<String>,
}

fn key_select(
    a: Attrs,
    options: Vec<(&'static str, &'static str)>,
    on_key: Callback<String>,
) -> AnyView {
    let value = a.value;
    view! {
        <select id=a.id aria-label=a.label aria-describedby=a.described_by name=a.name
            disabled=a.disabled prop:value=value
            on:change=move |ev| on_key.run(event_target_value(&ev))>
            {a.none.map(|words| view! {
                <option value="" prop:selected=move || value.with(String::is_empty)>{words}</option>
            })}
            // `selected` on each option as well as `value` on the select: the value is
            // set before the options exist on first render, and a select whose value
            // changes elsewhere (the CSV mapping) must follow.
            {options.into_iter().map(|(key, label)| view! {
                <option value=key prop:selected=move || value.with(|v| v == key)>{label}</option>
            }).collect_view()}
        </select>
    }
    .into_any()
}

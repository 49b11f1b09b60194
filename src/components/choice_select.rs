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
    // The options are fixed text from the code, so they go in as one HTML string: the
    // browser's parser builds them in one call, where elements built one by one cost
    // a dozen calls into JavaScript each. A list row holds a stage select, so this is
    // most of what a row costs to draw (and a search redraws up to 30 rows a key).
    // `selected` in the markup picks the first value, because `prop:value` on the select
    // runs before its options exist; afterwards `prop:value` alone follows changes.
    let html = options_html(a.none, &options, &value.get_untracked());
    view! {
        <select id=a.id aria-label=a.label aria-describedby=a.described_by name=a.name
            disabled=a.disabled inner_html=html prop:value=value
            on:change=move |ev| on_key.run(event_target_value(&ev))>
        </select>
    }
    .into_any()
}

/// `<option>`s for `options` (after a leading empty one when `none` has words), the one
/// whose key is `selected` marked so.
fn options_html(
    none: Option<&'static str>,
    options: &[(&'static str, &'static str)],
    selected: &str,
) -> String {
    let mut html = String::with_capacity(48 * (options.len() + 1));
    let none = none.map(|words| ("", words));
    for (key, label) in none.iter().chain(options) {
        html.push_str("<option value=\"");
        push_escaped(&mut html, key);
        html.push('"');
        if *key == selected {
            html.push_str(" selected");
        }
        html.push('>');
        push_escaped(&mut html, label);
        html.push_str("</option>");
    }
    html
}

/// Escapes the five characters that matter in HTML text and quoted attributes. The
/// labels are the app's own words, but "Declined by me" & co. should never depend on
/// not containing one.
fn push_escaped(out: &mut String, text: &str) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn options_mark_the_selected_one_and_escape_text() {
        let html = options_html(
            Some("All <stages>"),
            &[("a", "A & B"), ("b", "Say \"hi\"")],
            "b",
        );
        assert_eq!(
            html,
            "<option value=\"\">All &lt;stages&gt;</option>\
             <option value=\"a\">A &amp; B</option>\
             <option value=\"b\" selected>Say &quot;hi&quot;</option>"
        );
        assert!(options_html(None, &[("a", "A")], "").starts_with("<option value=\"a\">"));
    }
}

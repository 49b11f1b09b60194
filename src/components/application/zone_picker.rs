//! The interview's time zone: a text field that offers the browser's own list of zones
//! as the user types (an ARIA combobox), with their own zone first. Where the engine
//! has no list (`Intl.supportedValuesOf`), it stays a plain text field; either way any
//! well-formed name can be typed, and the round's form checks it.

use leptos::prelude::*;

use crate::model::interview::matching_zones;

/// Enough to pick from without a long list to scroll on a phone; typing narrows it.
const SHOWN: usize = 40;

#[component]
pub(crate) fn ZonePicker(
    /// The field's id (its label points at it).
    id: &'static str,
    /// What the field holds.
    value: Signal<String>,
    on_change: Callback<String>,
    /// Ids of the hint and error the field is described by.
    described_by: &'static str,
) -> impl IntoView {
    // Read once when the form opens: the list doesn't change while it is open.
    let zones = StoredValue::new(crate::browser::zone::time_zones());
    let own = StoredValue::new(crate::browser::time_zone());
    let open = RwSignal::new(false);
    let active = RwSignal::new(None::<usize>);
    let filtering = RwSignal::new(false);
    let list_id = format!("{id}-list");
    let offered = Memo::new(move |_| {
        zones.with_value(|z| {
            z.as_ref().map_or_else(Vec::new, |z| {
                own.with_value(|own| {
                    value.with(|typed| {
                        // Opened by a click or an arrow, the list shows every zone (the
                        // field holds one already); typing filters it.
                        let typed = if filtering.get() { typed.as_str() } else { "" };
                        (matching_zones(z, own, typed, SHOWN).into_iter())
                            .map(str::to_owned)
                            .collect::<Vec<_>>()
                    })
                })
            })
        })
    });
    let has_list = zones.with_value(Option::is_some);
    let option_id = move |i: usize| format!("{id}-option-{i}");
    let choose = move |zone: String| {
        on_change.run(zone);
        open.set(false);
        active.set(None);
    };
    let expanded_now = move || open.get_untracked() && offered.with_untracked(|o| !o.is_empty());
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        match ev.key().as_str() {
            "ArrowDown" | "ArrowUp" if has_list => {
                ev.prevent_default();
                if !open.get_untracked() {
                    filtering.set(false);
                    open.set(true);
                }
                let count = offered.with_untracked(Vec::len);
                if count == 0 {
                    return;
                }
                let down = ev.key() == "ArrowDown";
                active.update(|a| {
                    *a = Some(match (*a, down) {
                        (None, true) => 0,
                        (None, false) => count - 1,
                        (Some(i), true) => (i + 1) % count,
                        (Some(i), false) => (i + count - 1) % count,
                    })
                });
                // Keep the active option in sight in a list that scrolls.
                if let Some(el) = active
                    .get_untracked()
                    .and_then(|i| document().get_element_by_id(&option_id(i)))
                {
                    el.scroll_into_view_with_bool(false);
                }
            }
            "Enter" if expanded_now() && active.get_untracked().is_some() => {
                ev.prevent_default();
                if let Some(zone) = active
                    .get_untracked()
                    .and_then(|i| offered.with_untracked(|o| o.get(i).cloned()))
                {
                    choose(zone);
                }
            }
            // Only a list on show is closed: otherwise Escape is the form's to use.
            "Escape" if expanded_now() => {
                ev.prevent_default();
                ev.stop_propagation();
                open.set(false);
                active.set(None);
            }
            _ => {}
        }
    };
    let expanded = move || open.get() && offered.with(|o| !o.is_empty());
    view! {
        <div class="zone-picker">
            <input id=id type="text" autocomplete="off" spellcheck="false"
                role=has_list.then_some("combobox")
                aria-autocomplete=has_list.then_some("list")
                aria-controls=has_list.then(|| list_id.clone())
                aria-expanded=move || has_list.then(|| expanded().to_string())
                aria-activedescendant=move || active.get().filter(|_| expanded()).map(option_id)
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input=move |ev| {
                    on_change.run(event_target_value(&ev));
                    filtering.set(true);
                    open.set(true);
                    active.set(None);
                }
                on:click=move |_| {
                    filtering.set(false);
                    open.update(|o| *o = !*o);
                }
                on:keydown=on_key
                on:blur=move |_| {
                    open.set(false);
                    // No stale highlight for Enter to pick when the user comes back.
                    active.set(None);
                }/>
            {has_list.then(|| view! {
                <ul id=list_id.clone() role="listbox" class="zone-list" aria-label="Matching zones"
                    hidden=move || !expanded()>
                    <For each=move || offered.get().into_iter().enumerate()
                        key=|(i, z)| (*i, z.clone())
                        let:((i, zone))>
                        {
                            let mine = own.with_value(|o| *o == zone);
                            let label = if mine { format!("{zone} (yours)") } else { zone.clone() };
                            view! {
                                <li id=option_id(i) role="option"
                                    class:active=move || active.get() == Some(i)
                                    aria-selected=move || (active.get() == Some(i)).to_string()
                                    // Before the field's blur closes the list.
                                    on:mousedown=|ev| ev.prevent_default()
                                    on:click=move |_| choose(zone.clone())>
                                    {label}
                                </li>
                            }
                        }
                    </For>
                </ul>
            })}
        </div>
    }
}

//! The people at a company the user deals with: name, role, email.

use leptos::prelude::*;
use uuid::Uuid;

use crate::model::application::Contact;
use crate::state::use_store;

#[component]
pub(crate) fn ContactsEditor(app_id: Uuid, contacts: Vec<Contact>) -> impl IntoView {
    let store = use_store();
    let name = RwSignal::new(String::new());
    let role = RwSignal::new(String::new());
    let email = RwSignal::new(String::new());
    let error = RwSignal::new(None::<String>);
    let add = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let c = Contact {
            name: name.get_untracked().trim().into(),
            role: role.get_untracked().trim().into(),
            email: email.get_untracked().trim().into(),
        };
        if c.name.is_empty() {
            return error.set(Some("Enter the contact's name.".into()));
        }
        if !c.email.is_empty() && (!c.email.contains('@') || c.email.contains(char::is_whitespace))
        {
            return error.set(Some(
                "Enter an email address like name@example.com, or leave it empty.".into(),
            ));
        }
        error.set(None);
        store.update(|d| d.add_contact(app_id, c, chrono::Utc::now()));
        name.set(String::new());
        role.set(String::new());
        email.set(String::new());
    };
    view! {
        <section class="card" aria-labelledby="contacts-title">
            <h2 id="contacts-title">"Contacts"</h2>
            <ul class="contacts">
                {contacts.into_iter().enumerate().map(|(i, c)| {
                    let label = format!("Remove contact {}", c.name);
                    view! {
                        <li>
                            <strong>{c.name.clone()}</strong>
                            {(!c.role.is_empty()).then(|| format!(", {}", c.role))}
                            {(!c.email.is_empty()).then(|| view! { " · " <a href=format!("mailto:{}", c.email)>{c.email.clone()}</a> })}
                            " "
                            <button type="button" class="link" aria-label=label disabled=move || !store.writable()
                                on:click=move |_| { store.update(|d| d.remove_contact(app_id, i, chrono::Utc::now())); }>"Remove"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <form class="inline-form" on:submit=add aria-label="Add a contact" novalidate=true>
                <div class="field"><label for="contact-name">"Contact name"</label>
                    <input id="contact-name" type="text" aria-describedby="contact-error" prop:value=name on:input=move |ev| name.set(event_target_value(&ev))/></div>
                <div class="field"><label for="contact-role">"Their role"</label>
                    <input id="contact-role" type="text" prop:value=role on:input=move |ev| role.set(event_target_value(&ev))/></div>
                <div class="field"><label for="contact-email">"Email"</label>
                    <input id="contact-email" type="email" aria-describedby="contact-error" prop:value=email on:input=move |ev| email.set(event_target_value(&ev))/></div>
                <p class="field-error" id="contact-error" aria-live="polite">{error}</p>
                <div class="actions"><button type="submit" class="secondary" disabled=move || !store.writable()>"Add contact"</button></div>
            </form>
        </section>
    }
}

//! The application form, for adding and for editing. What the user typed is kept in a
//! plain draft, so an invalid field never loses anything; messages appear next to the
//! field they concern.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use uuid::Uuid;

use crate::components::application::company_reminder::CompanyReminder;
use crate::components::choice_select::ChoiceSelect;
use crate::components::text_field::TextField;
use crate::model::application::Priority;
use crate::model::{ApplicationDraft, Field, FieldError, Stage};
use crate::routes::AppRoute;
use crate::state::use_store;

/// `editing`: the application to edit, or `None` to add a new one.
#[component]
pub(crate) fn ApplicationForm(#[prop(optional)] editing: Option<Uuid>) -> impl IntoView {
    let store = use_store();
    let navigate = use_navigate();
    let initial = editing
        .and_then(|id| {
            store
                .data
                .with_untracked(|d| d.application(id).map(ApplicationDraft::from_application))
        })
        .unwrap_or_else(|| ApplicationDraft::new_for(crate::browser::today()));
    let draft = RwSignal::new(initial);
    let errors = RwSignal::new(Vec::<FieldError>::new());

    let error_for = move |field: Field| {
        move || {
            errors.with(|es| {
                es.iter()
                    .find(|e| e.field == field)
                    .map(|e| e.message.clone())
            })
        }
    };

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let today = crate::browser::today();
        let now = chrono::Utc::now();
        let result = match editing {
            None => draft
                .with_untracked(|d| d.build(Uuid::new_v4(), today, now))
                .map(|app| {
                    let id = app.id;
                    store.update(|data| data.add_application(app));
                    id
                }),
            Some(id) => {
                let d = draft.get_untracked();
                store
                    .update(|data| {
                        data.edit_application(id, now, |app| d.apply_to(app, today, now))
                    })
                    .flatten()
                    .unwrap_or(Err(Vec::new()))
                    .map(|()| id)
            }
        };
        match result {
            Ok(id) => {
                errors.set(Vec::new());
                // Unlike `A`'s href, `navigate` adds the router base itself.
                navigate(&AppRoute::Application(id).path(), Default::default());
            }
            Err(es) => {
                let first = es.first().map(|e| field_id(e.field));
                errors.set(es);
                // Focus the first field in trouble, so keyboard and screen-reader users
                // land where the fix is.
                if let Some(el) = first.and_then(|id| document().get_element_by_id(id)) {
                    use wasm_bindgen::JsCast;
                    if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                        let _ = el.focus();
                    }
                }
            }
        }
    };

    // Each input reads and writes one field of the draft.
    let bind = move |get: fn(&ApplicationDraft) -> &String,
                     set: fn(&mut ApplicationDraft, String)| {
        (
            Signal::derive(move || draft.with(|d| get(d).clone())),
            Callback::new(move |v: String| draft.update(|d| set(d, v))),
        )
    };
    let err = move |field: Field| Signal::derive(error_for(field));
    let (company, set_company) = bind(|d| &d.company, |d, v| d.company = v);
    let (role, set_role) = bind(|d| &d.role, |d, v| d.role = v);
    let (applied_on, set_applied_on) = bind(|d| &d.applied_on, |d, v| d.applied_on = v);
    let (link, set_link) = bind(|d| &d.link, |d, v| d.link = v);
    let (location, set_location) = bind(|d| &d.location, |d, v| d.location = v);
    let (source, set_source) = bind(|d| &d.source, |d, v| d.source = v);
    let (tags, set_tags) = bind(|d| &d.tags, |d, v| d.tags = v);
    let (salary_min, set_salary_min) = bind(|d| &d.salary_min, |d, v| d.salary_min = v);
    let (salary_max, set_salary_max) = bind(|d| &d.salary_max, |d, v| d.salary_max = v);
    let (currency, set_currency) = bind(|d| &d.currency, |d, v| d.currency = v);
    let (closing_on, set_closing_on) = bind(|d| &d.closing_on, |d, v| d.closing_on = v);
    let submit_label = if editing.is_some() {
        "Save changes"
    } else {
        "Save application"
    };
    let date_hint = if editing.is_some() {
        "Leave empty if you haven't applied yet."
    } else {
        "Today, unless you change it. Leave it empty if you haven't applied yet."
    };
    let stage_hint = editing.map(|_| "Changing the stage here records it as happening today.");

    view! {
        <form class="card form" on:submit=submit novalidate=true aria-describedby="form-required-note">
            <p class="hint" id="form-required-note">"Fields marked * are required."</p>
            <Show when=move || !store.writable()>
                <p class="field-error" role="alert">"Saving is paused until the problem above is resolved."</p>
            </Show>
            <div class="grid-2">
                <TextField id="company" label="Company" required=true value=company on_input=set_company error=err(Field::Company)/>
                <TextField id="role" label="Role" required=true value=role on_input=set_role error=err(Field::Role)/>
            </div>
            {editing.is_none().then(|| view! { <CompanyReminder company=company/> })}
            <div class="grid-2">
                <TextField id="applied_on" label="Date applied" kind="date" value=applied_on on_input=set_applied_on
                    error=err(Field::AppliedOn) hint=date_hint/>
                <div class="field">
                    <label for="stage">"Stage"</label>
                    {stage_hint.map(|h| view! { <p class="hint" id="stage-hint">{h}</p> })}
                    <ChoiceSelect
                        id="stage"
                        name="stage"
                        described_by={if editing.is_some() { "stage-hint stage-error" } else { "stage-error" }}
                        value=Signal::derive(move || draft.with(|d| d.stage.clone()))
                        on_change={move |s: Option<Stage>| {
                            let key = s.map(Stage::key).unwrap_or_default().to_owned();
                            match editing {
                                // Editing: the applied date is history, not a default.
                                Some(_) => draft.update(|d| d.stage = key),
                                None => draft.update(|d| d.choose_stage(key, crate::browser::today())),
                            }
                        }}
                    />
                    <p class="field-error" id="stage-error" aria-live="polite">{error_for(Field::Stage)}</p>
                </div>
                <TextField id="link" label="Job ad link" kind="url" value=link on_input=set_link error=err(Field::Link)/>
                <TextField id="location" label="Location" value=location on_input=set_location/>
                <TextField id="source" label="Where you found it" value=source on_input=set_source
                    hint="A job board, a referral, a recruiter…"/>
                <TextField id="tags" label="Tags" value=tags on_input=set_tags hint="Separate tags with commas."/>
            </div>
            <fieldset class="salary">
                <legend>"Salary (optional)"</legend>
                <div class="grid-3">
                    <TextField id="salary_min" label="From" value=salary_min on_input=set_salary_min
                        error=err(Field::SalaryMin) hint="Whole amount, like 45000 or 45k."/>
                    <TextField id="salary_max" label="To" value=salary_max on_input=set_salary_max
                        error=err(Field::SalaryMax)/>
                    <TextField id="currency" label="Currency" value=currency on_input=set_currency
                        error=err(Field::Currency) hint="A code like GBP, EUR or USD."/>
                </div>
            </fieldset>
            <div class="grid-2">
                <TextField id="closing_on" label="Closing date" kind="date" value=closing_on on_input=set_closing_on
                    error=err(Field::ClosingOn) hint="The last day to apply, if the ad says."/>
                <div class="field">
                    <label for="priority">"Priority"</label>
                    <p class="hint" id="priority-hint">"How much you want this one."</p>
                    <ChoiceSelect
                        id="priority"
                        name="priority"
                        none="Not set"
                        described_by="priority-hint priority-error"
                        value=Signal::derive(move || draft.with(|d| d.priority.clone()))
                        on_change={move |p: Option<Priority>| draft.update(|d| d.priority = p.map(Priority::key).unwrap_or_default().to_owned())}
                    />
                    <p class="field-error" id="priority-error" aria-live="polite">{error_for(Field::Priority)}</p>
                </div>
            </div>
            <div class="field">
                <label for="notes">"Notes"</label>
                <textarea
                    id="notes"
                    name="notes"
                    rows="4"
                    aria-describedby="notes-error"
                    prop:value=move || draft.with(|d| d.notes.clone())
                    on:input=move |ev| draft.update(|d| d.notes = event_target_value(&ev))
                ></textarea>
                <p class="field-error" id="notes-error" aria-live="polite">{error_for(Field::Notes)}</p>
            </div>
            <div class="actions">
                <button type="submit" disabled=move || !store.writable()>{submit_label}</button>
            </div>
        </form>
    }
}

fn field_id(field: Field) -> &'static str {
    match field {
        Field::Company => "company",
        Field::Role => "role",
        Field::Link => "link",
        Field::AppliedOn => "applied_on",
        Field::Stage => "stage",
        Field::Notes => "notes",
        Field::SalaryMin => "salary_min",
        Field::SalaryMax => "salary_max",
        Field::Currency => "currency",
        Field::ClosingOn => "closing_on",
        Field::Priority => "priority",
    }
}

//! The finished reflection, readable and printable, exportable as Markdown. Each
//! section links to its own step for editing; editing never turns it back into a draft.
//! Steps left empty are not shown as empty headings: they are listed once, at the end,
//! as steps that can still be added to.

use leptos::prelude::*;
use leptos_router::components::A;
use uuid::Uuid;

use crate::browser::format_date;
use crate::components::reflection::summary_next::SummaryNext;
use crate::components::unencrypted_hint::UnencryptedHint;
use crate::model::reflection::{Benefit, ReapplyInterest, Reflection};
use crate::routes::AppRoute;
use crate::state::use_store;

#[component]
pub(crate) fn ReflectionSummary(reflection_id: Uuid, application_id: Uuid) -> impl IntoView {
    let store = use_store();
    let data = Memo::new(move |_| {
        store.data.with(|d| {
            let r = d
                .reflections
                .iter()
                .find(|r| r.id == reflection_id)?
                .clone();
            let a = d.application(application_id)?;
            Some((r, a.company.clone(), a.role.clone()))
        })
    });
    let message = RwSignal::new(None::<String>);
    let export = move |_| {
        if let Some((r, company, role)) = data.get_untracked() {
            let md = r.to_markdown(&company, &role);
            let slug: String = company
                .chars()
                .map(|c| {
                    if c.is_alphanumeric() {
                        c.to_ascii_lowercase()
                    } else {
                        '-'
                    }
                })
                .collect();
            let name = format!(
                "knockback-reflection-{}-{}.md",
                slug.trim_matches('-'),
                r.updated_at.date_naive()
            );
            message.set(
                crate::browser::download(&name, "text/markdown", &md)
                    .err()
                    .map(|e| e.to_string()),
            );
        }
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let edit_href = move |n: usize| {
        AppRoute::Reflect {
            application: application_id,
            edit: Some(n as u8),
        }
        .href()
    };
    move || {
        data.get().map(|(r, _, _)| {
            let (answered, skipped): (Vec<_>, Vec<_>) = Benefit::ALL
                .into_iter()
                .enumerate()
                .map(|(i, b)| (i + 1, b))
                .partition(|(_, b)| r.answered(*b));
            let skipped_links = skipped
                .iter()
                .map(|(n, b)| {
                    view! { <li><A href=edit_href(*n)>{format!("{n}. {}", b.title())}</A></li> }
                })
                .collect_view();
            let none_answered = answered.is_empty();
            let skipped_intro = if none_answered {
                "You finished this reflection without notes, and that's fine. If something comes to mind later, add it to any step:"
            } else {
                "Steps you left empty. Add to them whenever something comes to mind:"
            };
            let writable = store.writable();
            let actions = r.action_count();
            view! {
                <div class="summary">
                    <div class="actions no-print summary-actions">
                        <button type="button" on:click=export>"Download as Markdown"</button>
                        <button type="button" class="secondary" on:click=print>"Print"</button>
                        {writable.then(|| view! { <A href=edit_href(1) attr:class="button secondary">"Edit reflection"</A> })}
                        <span role="status">{message}</span>
                        <UnencryptedHint/>
                    </div>
                    {answered.into_iter().map(|(n, b)| view! {
                        <section class="card" aria-labelledby=format!("sum-{n}")>
                            <div class="section-head">
                                <h2 id=format!("sum-{n}")>{format!("{n}. {}", b.title())}</h2>
                                {writable.then(|| view! {
                                    <A href=edit_href(n) attr:class="edit-link no-print"
                                        attr:aria-label=format!("Edit step {n}: {}", b.title())>"Edit"</A>
                                })}
                            </div>
                            {section(&r, b)}
                        </section>
                    }).collect_view()}
                    {(!skipped.is_empty() && writable).then(|| view! {
                        <section class="card skipped no-print" aria-labelledby="sum-skipped">
                            <h2 id="sum-skipped">{if none_answered { "Nothing written yet" } else { "Not answered" }}</h2>
                            <p>{skipped_intro}</p>
                            <ul class="due-list">{skipped_links}</ul>
                        </section>
                    })}
                    <SummaryNext actions=actions/>
                </div>
            }
        })
    }
}

/// The body of one answered section: only what was filled in.
fn section(r: &Reflection, benefit: Benefit) -> AnyView {
    let list = |items: Vec<String>| {
        view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }
    };
    match benefit {
        Benefit::Skills => list(
            r.skills
                .iter()
                .filter(|g| !g.is_blank())
                .map(|g| {
                    let mut s = g.gap.trim().to_owned();
                    if !g.action.trim().is_empty() {
                        let action = format!(
                            "{} ({})",
                            g.action.trim(),
                            g.action_kind.label().to_lowercase()
                        );
                        s = if s.is_empty() {
                            action
                        } else {
                            format!("{s}: {action}")
                        };
                    }
                    if let Some(t) = g.target_date {
                        s += &format!(", by {}", format_date(t));
                    }
                    s
                })
                .collect(),
        )
        .into_any(),
        Benefit::Techniques => list(
            r.techniques
                .iter()
                .filter(|t| !t.is_blank())
                .map(|t| {
                    let note = if t.note.trim().is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", t.note.trim())
                    };
                    format!("{}: {}{note}", t.name.trim(), t.verdict.label())
                })
                .collect(),
        )
        .into_any(),
        Benefit::Opportunities => {
            let o = &r.opportunities;
            let mut lines = Vec::new();
            if let Some(d) = o.thanked_on {
                lines.push(format!("Thanked them on {}", format_date(d)));
            }
            if o.stay_in_touch {
                lines.push("Staying in touch".to_owned());
            }
            if let Some(d) = o.reconnect_on {
                lines.push(format!("Reconnect on {}", format_date(d)));
            }
            if o.reapply != ReapplyInterest::Unsure {
                lines.push(format!("Apply again: {}", o.reapply.label()));
            }
            if !o.other_roles.trim().is_empty() {
                lines.push(format!("Other roles: {}", o.other_roles.trim()));
            }
            list(lines).into_any()
        }
        Benefit::Mentoring => {
            let part = |title: &'static str, text: &str| {
                let text = text.trim().to_owned();
                (!text.is_empty()).then(|| view! { <h3>{title}</h3><p class="prewrap">{text}</p> })
            };
            view! {
                {part("What I learned about myself", &r.mentoring.learned)}
                {part("One thing to try differently", &r.mentoring.try_differently)}
            }
            .into_any()
        }
        Benefit::Confidence => {
            let c = &r.confidence;
            let wins: Vec<String> = c
                .did_well
                .iter()
                .map(|w| w.trim().to_owned())
                .filter(|w| !w.is_empty())
                .collect();
            let next = c.next_step.trim().to_owned();
            view! {
                {(!wins.is_empty()).then(|| view! { <h3>"What I did well"</h3>{list(wins)} })}
                {c.rating.map(|n| view! { <p>{format!("Confidence now: {n} out of 10")}</p> })}
                {(!next.is_empty()).then(|| view! { <p>{format!("Next step: {next}")}</p> })}
            }
            .into_any()
        }
    }
}

//! The finished reflection, readable and printable, exportable as Markdown, and
//! reopenable for editing.

use leptos::prelude::*;
use uuid::Uuid;

use crate::browser::format_date;
use crate::model::reflection::{Benefit, ReflectionStatus};
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
            message.set(crate::browser::download(&name, "text/markdown", &md).err());
        }
    };
    let print = move |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
    };
    let reopen = move |_| {
        store.update(|d| {
            d.edit_reflection(reflection_id, chrono::Utc::now(), |r| {
                r.status = ReflectionStatus::Draft;
                r.step = 1;
            })
        });
    };
    move || {
        data.get().map(|(r, _, _)| {
            let list = |items: Vec<String>| {
                if items.is_empty() {
                    view! { <p class="muted">"Nothing noted."</p> }.into_any()
                } else {
                    view! { <ul>{items.into_iter().map(|i| view! { <li>{i}</li> }).collect_view()}</ul> }.into_any()
                }
            };
            let gaps = r.skills.iter().filter(|g| !g.gap.trim().is_empty()).map(|g| {
                let mut s = g.gap.trim().to_owned();
                if !g.action.trim().is_empty() {
                    s += &format!(": {} ({})", g.action.trim(), g.action_kind.label().to_lowercase());
                }
                if let Some(t) = g.target_date {
                    s += &format!(", by {}", format_date(t));
                }
                s
            }).collect::<Vec<_>>();
            let techniques = r.techniques.iter().filter(|t| !t.name.trim().is_empty()).map(|t| {
                let note = if t.note.trim().is_empty() { String::new() } else { format!(" ({})", t.note.trim()) };
                format!("{}: {}{note}", t.name.trim(), t.verdict.label())
            }).collect::<Vec<_>>();
            let o = &r.opportunities;
            let mut opp = vec![match o.thanked_on {
                Some(d) => format!("Thanked them on {}", format_date(d)),
                None => "Not thanked yet".to_owned(),
            }];
            opp.push(if o.stay_in_touch { "Staying in touch".to_owned() } else { "Not planning to stay in touch".to_owned() });
            if let Some(d) = o.reconnect_on {
                opp.push(format!("Reconnect on {}", format_date(d)));
            }
            opp.push(format!("Apply again: {}", o.reapply.label()));
            if !o.other_roles.trim().is_empty() {
                opp.push(format!("Other roles: {}", o.other_roles.trim()));
            }
            let wins = r.confidence.did_well.iter().filter(|w| !w.trim().is_empty()).cloned().collect::<Vec<_>>();
            view! {
                <div class="summary">
                    <div class="actions no-print">
                        <button type="button" on:click=export>"Download as Markdown"</button>
                        <button type="button" class="secondary" on:click=print>"Print"</button>
                        <button type="button" class="secondary" on:click=reopen disabled=move || !store.writable()>"Edit reflection"</button>
                        <span role="status">{message}</span>
                    </div>
                    <section class="card" aria-labelledby="sum-1"><h2 id="sum-1">{format!("1. {}", Benefit::Skills.title())}</h2>{list(gaps)}</section>
                    <section class="card" aria-labelledby="sum-2"><h2 id="sum-2">{format!("2. {}", Benefit::Techniques.title())}</h2>{list(techniques)}</section>
                    <section class="card" aria-labelledby="sum-3"><h2 id="sum-3">{format!("3. {}", Benefit::Opportunities.title())}</h2>{list(opp)}</section>
                    <section class="card" aria-labelledby="sum-4">
                        <h2 id="sum-4">{format!("4. {}", Benefit::Mentoring.title())}</h2>
                        <h3>"What I learned about myself"</h3>
                        <p class="prewrap">{r.mentoring.learned.clone()}</p>
                        <h3>"One thing to try differently"</h3>
                        <p>{r.mentoring.try_differently.clone()}</p>
                    </section>
                    <section class="card" aria-labelledby="sum-5">
                        <h2 id="sum-5">{format!("5. {}", Benefit::Confidence.title())}</h2>
                        <h3>"What I did well"</h3>
                        {list(wins)}
                        <p>{r.confidence.rating.map(|n| format!("Confidence now: {n} out of 10")).unwrap_or_else(|| "Confidence not rated".into())}</p>
                        <p>{format!("Next step: {}", r.confidence.next_step.trim())}</p>
                    </section>
                </div>
            }
        })
    }
}

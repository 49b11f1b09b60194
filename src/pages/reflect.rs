//! The reflection wizard's entry point. The guided steps are built on top of the
//! reflection model; this page introduces the five benefits it walks through.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::model::reflection::Benefit;

#[component]
pub(crate) fn Reflect() -> impl IntoView {
    crate::browser::set_title("Reflect");
    let lines = [
        "Name the skills or experience that were missing, and plan one concrete step for each.",
        "Sort what you tried in the interview into keep, improve and drop.",
        "Thank them, keep the door open, and note when to reconnect.",
        "Notice what the feedback says about your habits, and pick one thing to try differently.",
        "Write down what you did well, how you feel now, and your next step.",
    ];
    view! {
        <h1>"Reflect on a rejection"</h1>
        <p>"A no hurts, and it also teaches. The reflection walks you through five short steps, one for each thing feedback gives you."</p>
        <ol class="card benefits">
            {Benefit::ALL.into_iter().zip(lines).map(|(b, line)| view! {
                <li><strong>{b.title()}</strong><span>{line}</span></li>
            }).collect_view()}
        </ol>
        <p class="card">"The guided steps open from a rejected application. Until then, record your applications so each one is ready to reflect on. "
            <A href=crate::browser::app_path("/applications")>"Go to applications"</A>
        </p>
    }
}

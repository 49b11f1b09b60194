//! The applied → interviewed → offer funnel as an SVG bar chart, with the same numbers
//! in a table for screen readers and anyone who prefers text.

use leptos::prelude::*;

use crate::model::stats::Funnel;

#[component]
pub(crate) fn FunnelChart(#[prop(into)] funnel: Signal<Funnel>) -> impl IntoView {
    let rows = move || {
        let f = funnel.get();
        [
            ("Applied", f.applied),
            ("Interviewed", f.interviewed),
            ("Offer", f.offer),
        ]
    };
    let summary = move || {
        let f = funnel.get();
        format!(
            "{} applied, {} reached an interview, {} reached an offer.",
            f.applied, f.interviewed, f.offer
        )
    };
    view! {
        <figure class="chart">
            // The accessible name carries the numbers; the table below repeats them.
            <svg viewBox="0 0 320 120" role="img" aria-label=move || format!("Application funnel: {}", summary()) class="funnel">
                {move || {
                    let rows = rows();
                    let max = rows.iter().map(|r| r.1).max().unwrap_or(0).max(1);
                    rows.into_iter().enumerate().map(|(i, (label, n))| {
                        let y = 8 + i * 38;
                        let w = 8.0 + 200.0 * n as f64 / max as f64;
                        view! {
                            <g>
                                <text x="0" y=y + 20 class="chart-label">{label}</text>
                                <rect x="96" y=y width=format!("{w:.1}") height="28" rx="4" class=format!("bar bar-{i}")></rect>
                                <text x=format!("{:.1}", 104.0 + w) y=y + 20 class="chart-value">{n}</text>
                            </g>
                        }
                    }).collect_view()
                }}
            </svg>
            <figcaption class="visually-hidden">
                <table>
                    <caption>"Application funnel"</caption>
                    <thead><tr><th scope="col">"Step"</th><th scope="col">"Applications"</th></tr></thead>
                    <tbody>
                        {move || rows().into_iter().map(|(l, n)| view! { <tr><th scope="row">{l}</th><td>{n}</td></tr> }).collect_view()}
                    </tbody>
                </table>
            </figcaption>
        </figure>
    }
}

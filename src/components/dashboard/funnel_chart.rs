//! The applied → interviewed → offer funnel as an SVG bar chart, with the same numbers
//! in a table for screen readers and anyone who prefers text.
//!
//! The SVG has no viewBox on purpose: its units are CSS pixels, so the text keeps its
//! CSS size however narrow the card is (a scaled viewBox shrank it to about 9 px), and
//! bars are sized in percent of the width. Each step's name sits above its bar on the
//! left and its count on the right, anchored at the end, so a count of any length
//! ("1000") stays inside the chart instead of being clipped at the edge.

use crate::model::wording::fixed;
use leptos::prelude::*;

use crate::model::stats::Funnel;

/// Height of one step: a line of text, then the bar.
const ROW: usize = 52;
const BAR_TOP: usize = 24;
const BAR_HEIGHT: usize = 20;

#[component]
pub(crate) fn FunnelChart(#[prop(into)] funnel: Signal<Funnel>) -> impl IntoView {
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
            <svg role="img" aria-label=move || format!("Application funnel: {}", summary()) class="funnel"
                height=ROW * 2 + BAR_TOP + BAR_HEIGHT>
                {move || {
                    let f = funnel.get();
                    f.steps().into_iter().enumerate().map(|(i, (label, n))| {
                        let y = i * ROW;
                        view! {
                            <g>
                                <text x="0" y=y + 16 class="chart-label">{label}</text>
                                <text x="100%" y=y + 16 text-anchor="end" class="chart-value">{n}</text>
                                <rect x="0" y=y + BAR_TOP width=format!("{}%", fixed(f.bar_percent(n), 1)) height=BAR_HEIGHT rx="4" class=format!("bar bar-{i}")></rect>
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
                        {move || funnel.get().steps().into_iter().map(|(l, n)| view! { <tr><th scope="row">{l}</th><td>{n}</td></tr> }).collect_view()}
                    </tbody>
                </table>
            </figcaption>
        </figure>
    }
}

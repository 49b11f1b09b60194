//! Confidence over time: an SVG line chart with the same numbers in a table.

use leptos::prelude::*;

use crate::browser::format_date;
use crate::model::insights::{chart_points, ConfidencePoint};

const W: f64 = 300.0;
const H: f64 = 100.0;

#[component]
pub(crate) fn ConfidenceChart(#[prop(into)] series: Signal<Vec<ConfidencePoint>>) -> impl IntoView {
    let label = move || {
        let s = series.get();
        match (s.first(), s.last()) {
            (Some(a), Some(b)) if s.len() > 1 => format!(
                "Confidence over time: {} ratings, from {} to {} out of 10.",
                s.len(),
                a.rating,
                b.rating
            ),
            (Some(a), _) => format!("Confidence over time: one rating, {} out of 10.", a.rating),
            _ => "Confidence over time: no ratings yet.".to_owned(),
        }
    };
    view! {
        <figure class="chart">
            <svg viewBox=format!("-30 -10 {} {}", W + 50.0, H + 30.0) role="img" aria-label=label class="line-chart">
                {[1u8, 5, 10].into_iter().map(|v| {
                    let y = H - H * (f64::from(v) - 1.0) / 9.0;
                    view! {
                        <line x1="0" x2=W y1=y y2=y class="grid-line"></line>
                        <text x="-8" y=y + 4.0 class="chart-label" text-anchor="end">{v}</text>
                    }
                }).collect_view()}
                {move || {
                    let pts = chart_points(&series.get(), W, H);
                    let path = pts.iter().map(|(x, y)| format!("{x:.1},{y:.1}")).collect::<Vec<_>>().join(" ");
                    view! {
                        <polyline points=path class="series"></polyline>
                        {pts.into_iter().map(|(x, y)| view! { <circle cx=format!("{x:.1}") cy=format!("{y:.1}") r="4" class="dot"></circle> }).collect_view()}
                    }
                }}
            </svg>
            <figcaption>
                <table class="data-table">
                    <caption>"Confidence ratings"</caption>
                    <thead><tr><th scope="col">"Date"</th><th scope="col">"Rating"</th><th scope="col">"After"</th></tr></thead>
                    <tbody>
                        {move || series.get().into_iter().map(|p| view! {
                            <tr><td>{format_date(p.date)}</td><td>{format!("{} / 10", p.rating)}</td><td>{p.source}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </figcaption>
        </figure>
    }
}

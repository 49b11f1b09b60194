//! Confidence over time: an SVG line chart with the same numbers in a table.
//!
//! The outer SVG has no viewBox, so its labels stay at their CSS size (13 px) however
//! narrow the card: a scaled viewBox shrank them to about 8 px on a phone. Only the plot
//! inside stretches to the width; its strokes and dots keep their size
//! (`vector-effect: non-scaling-stroke`; a dot is a zero-length line with round caps).
//! With many ratings the dots merge into the line, so they are drawn only up to
//! [`MAX_DOTS`]; the table shows the latest ratings first and "Show more" for the rest.

use crate::model::wording::fixed;
use leptos::prelude::*;

use crate::browser::format_date;
use crate::components::show_more::{ShowMore, FIRST};
use crate::model::insights::{chart_points, ConfidencePoint};

const W: f64 = 300.0;
const H: f64 = 100.0;
/// Room above and below the plot (half a label, a dot), and left of it for "10".
const PAD_Y: f64 = 12.0;
const PAD_X: f64 = 40.0;
/// Beyond this many points, dots (two DOM nodes' worth each) only blur the line.
const MAX_DOTS: usize = 60;

#[component]
pub(crate) fn ConfidenceChart(#[prop(into)] series: Signal<Vec<ConfidencePoint>>) -> impl IntoView {
    let shown = RwSignal::new(FIRST);
    let total = Signal::derive(move || series.with(Vec::len));
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
            <svg role="img" aria-label=label class="line-chart" height=H + 2.0 * PAD_Y>
                {[1u8, 5, 10].into_iter().map(|v| {
                    let y = PAD_Y + H - H * (f64::from(v) - 1.0) / 9.0;
                    view! { <text x=PAD_X - 10.0 y=y + 4.5 class="chart-label" text-anchor="end">{v}</text> }
                }).collect_view()}
                // Width: the attribute for engines without CSS geometry, `.plot` in the CSS otherwise.
                <svg class="plot" x=PAD_X y=PAD_Y width="85%" height=H viewBox=format!("0 0 {W} {H}") preserveAspectRatio="none">
                    {[1u8, 5, 10].into_iter().map(|v| {
                        let y = H - H * (f64::from(v) - 1.0) / 9.0;
                        view! { <line x1="0" x2=W y1=y y2=y class="grid-line"></line> }
                    }).collect_view()}
                    {move || {
                        let pts = chart_points(&series.get(), W, H);
                        let path = pts.iter().map(|(x, y)| format!("{},{}", fixed(*x, 1), fixed(*y, 1))).collect::<Vec<_>>().join(" ");
                        let dots = if pts.len() <= MAX_DOTS { pts } else { Vec::new() };
                        view! {
                            <polyline points=path class="series"></polyline>
                            {dots.into_iter().map(|(x, y)| {
                                let (x, y) = (fixed(x, 1), fixed(y, 1));
                                view! { <line x1=x.clone() x2=x y1=y.clone() y2=y class="dot"></line> }
                            }).collect_view()}
                        }
                    }}
                </svg>
            </svg>
            <figcaption>
                <table class="data-table">
                    <caption>"Confidence ratings"</caption>
                    <thead><tr><th scope="col">"Date"</th><th scope="col">"Rating"</th><th scope="col">"After"</th></tr></thead>
                    <tbody>
                        // The latest ratings, still in date order.
                        {move || series.with(|s| s[s.len().saturating_sub(shown.get())..].to_vec()).into_iter().map(|p| view! {
                            <tr><td>{format_date(p.date)}</td><td>{format!("{} / 10", p.rating)}</td><td>{p.source}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
                <ShowMore shown total what="ratings"/>
            </figcaption>
        </figure>
    }
}

//! The dashboard's summary: everything the first page shows (counts, the funnel, the
//! feedback rates, sources, "Ghosted?", Today, the backup nudge), built from the whole
//! notebook.
//!
//! Every save stores one next to the notebook's parts, made for the days ahead, so a
//! returning user's dashboard paints from this small part while the notebook itself is
//! still being read. The dashboard always draws from a `Summary` (the stored one at
//! first, then one built from the data), so the two can't show different things.

use chrono::{Duration, NaiveDate};
use serde::{Deserialize, Serialize};

use super::stats::{self, Due, FeedbackRates, Funnel, SourceRate};
use super::today::{self, TodayItem, TodayKind};
use super::{AppData, Meta, Stage};

/// Days a stored summary stays right: past them, start-up reads the whole notebook
/// first (as it does without a summary).
pub(crate) const DAYS_AHEAD: i64 = 7;

/// Reflections waiting are listed a few at a time on the dashboard (the rest wait on the
/// Reflect page), so the summary keeps only those and their number.
pub(crate) const WAITING_SHOWN: usize = 3;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct Summary {
    /// The days this summary is right for, both included.
    pub(crate) from: NaiveDate,
    pub(crate) until: NaiveDate,
    pub(crate) total: usize,
    /// Applications at each stage that has any, in the stages' order.
    pub(crate) counts: Vec<(Stage, usize)>,
    pub(crate) funnel: Funnel,
    pub(crate) rates: FeedbackRates,
    pub(crate) sources: Vec<SourceRate>,
    /// Open applications that will ask "Ghosted?" by `until`, each with its first day.
    pub(crate) ghosted: Vec<(NaiveDate, Due)>,
    /// Today's candidates for any day from `from` to `until` (see `today::candidates`),
    /// with only the first [`WAITING_SHOWN`] waiting reflections.
    pub(crate) today: Vec<TodayItem>,
    /// Every reflection waiting.
    pub(crate) waiting: usize,
    /// For the backup nudge. Not in the stored summary: it changes with every edit, and
    /// would have the summary rewritten each time. Start-up reads it from the small part
    /// that holds it anyway (`Rest`).
    #[serde(skip)]
    pub(crate) meta: Meta,
    pub(crate) sample: bool,
}

impl Summary {
    /// The summary of `data` for every day from `from` to `until`.
    pub(crate) fn of(data: &AppData, from: NaiveDate, until: NaiveDate) -> Summary {
        let counts = Stage::ALL
            .into_iter()
            .map(|s| {
                (
                    s,
                    data.applications.iter().filter(|a| a.stage() == s).count(),
                )
            })
            .filter(|(_, n)| *n > 0)
            .collect();
        let ghosted = data
            .applications
            .iter()
            .filter_map(|a| {
                let day = a.ghosted_from().filter(|d| *d <= until)?;
                Some((
                    day,
                    Due {
                        id: a.id,
                        date: a.last_activity(),
                        label: format!("{} at {}", a.role, a.company),
                    },
                ))
            })
            .collect();
        let (waiting, mut items): (Vec<_>, Vec<_>) = today::candidates(data, from, until)
            .into_iter()
            .partition(|i| i.kind == TodayKind::Reflection);
        let count = waiting.len();
        // Waiting reflections show on every day in the same order: `select` puts them
        // in it, and the first few are the ones the dashboard lists.
        items.extend(
            today::select(&waiting, from)
                .into_iter()
                .take(WAITING_SHOWN),
        );
        Summary {
            from,
            until,
            total: data.applications.len(),
            counts,
            funnel: stats::funnel(data),
            rates: stats::feedback_rates(data),
            sources: stats::by_source(data),
            ghosted,
            today: items,
            waiting: count,
            meta: data.meta.clone(),
            sample: data.has_sample(),
        }
    }

    /// The summary a save stores: right from `today` for the week ahead, without the
    /// meta (see the field).
    pub(crate) fn stored(data: &AppData, today: NaiveDate) -> Summary {
        Summary {
            meta: Meta::default(),
            ..Summary::of(data, today, today + Duration::days(DAYS_AHEAD))
        }
    }

    /// True when this summary is right on `day`.
    pub(crate) fn covers(&self, day: NaiveDate) -> bool {
        self.from <= day && day <= self.until
    }

    /// Today's list on `day` (see `today::select`).
    pub(crate) fn today_on(&self, day: NaiveDate) -> Vec<TodayItem> {
        today::select(&self.today, day)
    }

    /// The applications asking "Ghosted?" on `day`.
    pub(crate) fn ghosted_on(&self, day: NaiveDate) -> Vec<Due> {
        self.ghosted
            .iter()
            .filter(|(from, _)| *from <= day)
            .map(|(_, due)| due.clone())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::today::today_items;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_stored_summary_shows_on_each_day_what_the_notebook_would() {
        let made = day("2026-03-01");
        let mut data = AppData::default();
        data.add_sample(made, "2026-03-01T09:00:00Z".parse().unwrap());
        let stored = Summary::stored(&data, made);
        // Through JSON, as it is stored.
        let stored: Summary =
            serde_json::from_str(&serde_json::to_string(&stored).unwrap()).unwrap();
        for n in 0..=DAYS_AHEAD {
            let on = made + Duration::days(n);
            assert!(stored.covers(on));
            let live = Summary::of(&data, on, on);
            assert_eq!(stored.today_on(on), live.today_on(on), "Today on {on}");
            assert_eq!(
                stored.ghosted_on(on),
                live.ghosted_on(on),
                "ghosted on {on}"
            );
            assert_eq!(stored.waiting, live.waiting);
            assert_eq!((stored.total, &stored.counts), (live.total, &live.counts));
            assert_eq!((&stored.funnel, &stored.rates), (&live.funnel, &live.rates));
        }
        assert!(!stored.covers(made + Duration::days(DAYS_AHEAD + 1)));
        assert!(!stored.covers(made - Duration::days(1)));
    }

    #[test]
    fn the_live_summary_lists_today_as_the_today_list_does() {
        let on = day("2026-03-01");
        let mut data = AppData::default();
        data.add_sample(on, "2026-03-01T09:00:00Z".parse().unwrap());
        let full = today_items(&data, on);
        let s = Summary::of(&data, on, on);
        let waiting = full
            .iter()
            .filter(|i| i.kind == TodayKind::Reflection)
            .count();
        assert_eq!(s.waiting, waiting);
        let shown: Vec<_> = full
            .iter()
            .filter(|i| i.kind != TodayKind::Reflection)
            .chain(
                full.iter()
                    .filter(|i| i.kind == TodayKind::Reflection)
                    .take(WAITING_SHOWN),
            )
            .cloned()
            .collect();
        let mut listed = s.today_on(on);
        let mut shown = shown;
        listed.sort_by(|a, b| a.key.cmp(&b.key));
        shown.sort_by(|a, b| a.key.cmp(&b.key));
        assert_eq!(listed, shown);
        assert!(s.sample);
    }

    #[test]
    fn ghosted_from_is_the_first_day_ghosted_is_asked() {
        use crate::model::nudges::{GHOSTED_AFTER_DAYS, NEW_ENTRY_GRACE_DAYS};
        // The rule as it reads, day by day.
        fn asked(a: &crate::model::Application, today: NaiveDate) -> bool {
            matches!(
                a.stage(),
                Stage::Applied | Stage::Screening | Stage::Interviewing
            ) && (today - a.last_activity()).num_days() >= GHOSTED_AFTER_DAYS
                && (today - a.created_at.date_naive()).num_days() >= NEW_ENTRY_GRACE_DAYS
                && a.interviews.iter().all(|i| i.date <= today)
        }
        let on = day("2026-03-01");
        let mut data = AppData::default();
        data.add_sample(
            on - Duration::days(90),
            "2025-12-01T09:00:00Z".parse().unwrap(),
        );
        let mut seen = 0;
        for a in &data.applications {
            for n in -60..60 {
                let d = on + Duration::days(n);
                seen += usize::from(asked(a, d));
                assert_eq!(
                    asked(a, d),
                    a.ghosted_from().is_some_and(|f| d >= f),
                    "{} on {d}",
                    a.company
                );
            }
        }
        assert!(seen > 0, "the sample has applications that go quiet");
    }
}

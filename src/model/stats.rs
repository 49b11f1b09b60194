//! What adds up on the dashboard: counts, the funnel, feedback rates, how each source
//! does, and the dated items of its lists.

use crate::model::order;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::feedback::FeedbackStatus;
use super::{AppData, Application, Stage};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct Funnel {
    pub(crate) applied: usize,
    pub(crate) interviewed: usize,
    pub(crate) offer: usize,
}

impl Funnel {
    /// The three steps with their counts, widest first, as the chart draws them.
    pub(crate) fn steps(&self) -> [(&'static str, usize); 3] {
        [
            ("Applied", self.applied),
            ("Interviewed", self.interviewed),
            ("Offer", self.offer),
        ]
    }

    /// A bar's length as a percentage of the chart's width: the biggest step fills it,
    /// and an empty step keeps a sliver so its row still reads as a bar.
    pub(crate) fn bar_percent(&self, n: usize) -> f64 {
        let max = self.applied.max(self.interviewed).max(self.offer).max(1);
        (100.0 * n as f64 / max as f64).clamp(1.0, 100.0)
    }
}

fn reached(app: &Application, stages: &[Stage]) -> bool {
    app.history.iter().any(|c| stages.contains(&c.stage))
}

/// Anything beyond "Saved" means the application went out.
fn went_out(app: &Application) -> bool {
    app.applied_on.is_some() || app.history.iter().any(|c| c.stage != Stage::Saved)
}

fn reached_interview(app: &Application) -> bool {
    reached(app, &[Stage::Interviewing]) || !app.interviews.is_empty()
}

fn reached_offer(app: &Application) -> bool {
    reached(app, &[Stage::Offer, Stage::Accepted, Stage::Declined])
}

/// Counts an application at every funnel step its history ever reached, so a rejection
/// after interviews still counts as "interviewed".
pub(crate) fn funnel(data: &AppData) -> Funnel {
    let mut f = Funnel::default();
    for app in &data.applications {
        f.applied += usize::from(went_out(app));
        f.interviewed += usize::from(reached_interview(app));
        f.offer += usize::from(reached_offer(app));
    }
    f
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct FeedbackRates {
    pub(crate) rejections: usize,
    pub(crate) asked: usize,
    pub(crate) received: usize,
}

impl FeedbackRates {
    /// Whole-number percentage, `None` when there is nothing to divide by.
    pub(crate) fn percent(part: usize, whole: usize) -> Option<u32> {
        (whole > 0).then(|| ((part as f64 / whole as f64) * 100.0).round() as u32)
    }
}

/// Of the rejections, how many asked for feedback, and of those, how many got it.
pub(crate) fn feedback_rates(data: &AppData) -> FeedbackRates {
    let mut r = FeedbackRates::default();
    for app in data
        .applications
        .iter()
        .filter(|a| a.stage() == Stage::Rejected)
    {
        r.rejections += 1;
        if app.feedback.status != FeedbackStatus::NotAsked {
            r.asked += 1;
        }
        if app.feedback.status == FeedbackStatus::Received {
            r.received += 1;
        }
    }
    r
}

/// One line of a dashboard to-do list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Due {
    pub(crate) id: Uuid,
    pub(crate) date: NaiveDate,
    pub(crate) label: String,
}

/// Applications a source needs before its rates are shown: one or two say nothing yet.
pub(crate) const MIN_PER_SOURCE: usize = 3;

/// How the applications from one source (a job board, a referral) went.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct SourceRate {
    /// As the user first typed it; sources match ignoring case and spaces around.
    pub(crate) source: String,
    /// Applications sent from this source.
    pub(crate) applications: usize,
    pub(crate) interviewed: usize,
    pub(crate) offers: usize,
}

impl SourceRate {
    /// "Referral → 60% reach interview (3 of 5)", plus offers when there are any.
    pub(crate) fn sentence(&self) -> String {
        let pct = |n| FeedbackRates::percent(n, self.applications).unwrap_or(0);
        let mut s = format!(
            "{} → {}% reach interview ({} of {})",
            self.source,
            pct(self.interviewed),
            self.interviewed,
            self.applications
        );
        if self.offers > 0 {
            s.push_str(&format!(
                ", {}% an offer ({} of {})",
                pct(self.offers),
                self.offers,
                self.applications
            ));
        }
        s
    }
}

/// Every source with at least [`MIN_PER_SOURCE`] applications sent, the best at
/// reaching interviews first. Roles only saved for later are not counted: they never
/// had the chance.
pub(crate) fn by_source(data: &AppData) -> Vec<SourceRate> {
    let mut rates: Vec<SourceRate> = Vec::new();
    for app in data.applications.iter().filter(|a| went_out(a)) {
        let source = app.source.trim();
        if source.is_empty() {
            continue;
        }
        let i = match rates
            .iter()
            .position(|r| r.source.to_lowercase() == source.to_lowercase())
        {
            Some(i) => i,
            None => {
                rates.push(SourceRate {
                    source: source.to_owned(),
                    applications: 0,
                    interviewed: 0,
                    offers: 0,
                });
                rates.len() - 1
            }
        };
        let r = &mut rates[i];
        r.applications += 1;
        r.interviewed += usize::from(reached_interview(app));
        r.offers += usize::from(reached_offer(app));
    }
    rates.retain(|r| r.applications >= MIN_PER_SOURCE);
    // Compare shares without floats: a/b > c/d when a·d > c·b.
    order::sort_by(&mut rates, |a, b| {
        (b.interviewed * a.applications)
            .cmp(&(a.interviewed * b.applications))
            .then(b.applications.cmp(&a.applications))
            .then(a.source.cmp(&b.source))
    });
    rates
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ApplicationDraft;
    use chrono::Utc;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).expect("date")
    }

    fn add(data: &mut AppData, company: &str, stages: &[Stage]) -> Uuid {
        let draft = ApplicationDraft {
            company: company.into(),
            role: "Role".into(),
            applied_on: "2026-01-01".into(),
            ..Default::default()
        };
        let mut app = draft
            .build(Uuid::new_v4(), d(6, 1), Utc::now())
            .expect("valid");
        for (i, s) in stages.iter().enumerate() {
            app.change_stage(*s, d(2, 1 + i as u32), Utc::now());
        }
        let id = app.id;
        data.add_application(app);
        id
    }

    #[test]
    fn funnel_counts_every_step_reached() {
        let mut data = AppData::default();
        add(&mut data, "A", &[]);
        add(&mut data, "B", &[Stage::Interviewing, Stage::Rejected]);
        add(
            &mut data,
            "C",
            &[Stage::Interviewing, Stage::Offer, Stage::Accepted],
        );
        assert_eq!(
            funnel(&data),
            Funnel {
                applied: 3,
                interviewed: 2,
                offer: 1
            }
        );
    }

    #[test]
    fn funnel_bars_scale_to_the_biggest_step() {
        for applied in [10, 100, 1000] {
            let f = Funnel {
                applied,
                interviewed: applied / 2,
                offer: 0,
            };
            assert_eq!(f.bar_percent(f.applied), 100.0);
            assert_eq!(f.bar_percent(f.interviewed), 50.0);
            assert_eq!(f.bar_percent(f.offer), 1.0, "an empty step keeps a sliver");
            assert_eq!(f.steps()[0], ("Applied", applied));
        }
        assert_eq!(Funnel::default().bar_percent(0), 1.0);
    }

    #[test]
    fn feedback_rates_and_percentages() {
        let mut data = AppData::default();
        add(&mut data, "A", &[Stage::Rejected]);
        let b = add(&mut data, "B", &[Stage::Rejected]);
        let c = add(&mut data, "C", &[Stage::Rejected]);
        for a in data.applications.iter_mut() {
            if a.id == b || a.id == c {
                a.feedback.mark_asked(d(3, 1), 7);
            }
            if a.id == c {
                a.feedback.status = FeedbackStatus::Received;
            }
        }
        let r = feedback_rates(&data);
        assert_eq!((r.rejections, r.asked, r.received), (3, 2, 1));
        assert_eq!(FeedbackRates::percent(r.asked, r.rejections), Some(67));
        assert_eq!(FeedbackRates::percent(0, 0), None);
    }

    #[test]
    fn rates_by_source() {
        let mut data = AppData::default();
        let mut set = |company: &str, source: &str, stages: &[Stage]| {
            let id = add(&mut data, company, stages);
            if let Some(a) = data.applications.iter_mut().find(|a| a.id == id) {
                a.source = source.into();
            }
        };
        set("A", "Referral", &[Stage::Interviewing, Stage::Offer]);
        set("B", "referral ", &[Stage::Interviewing, Stage::Rejected]);
        set("C", "Referral", &[Stage::Interviewing]);
        set("D", "Referral", &[Stage::Rejected]);
        set("E", "Referral", &[]);
        set("F", "Job board", &[Stage::Rejected]);
        set("G", "Job board", &[]);
        set("H", "Job board", &[Stage::Interviewing]);
        set("I", "Recruiter", &[Stage::Interviewing]);
        set("J", "", &[Stage::Interviewing]);
        let rates = by_source(&data);
        assert_eq!(
            rates.len(),
            2,
            "a source needs 3 applications; blank is no source"
        );
        assert_eq!(
            rates[0].sentence(),
            "Referral → 60% reach interview (3 of 5), 20% an offer (1 of 5)"
        );
        assert_eq!(
            rates[1].sentence(),
            "Job board → 33% reach interview (1 of 3)"
        );
    }
}

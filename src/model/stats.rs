//! What adds up on the dashboard: counts, the funnel, feedback rates and what is due.

use chrono::NaiveDate;
use uuid::Uuid;

use super::feedback::FeedbackStatus;
use super::{AppData, Stage};

#[derive(Clone, Debug, Default, PartialEq)]
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

/// Counts an application at every funnel step its history ever reached, so a rejection
/// after interviews still counts as "interviewed".
pub(crate) fn funnel(data: &AppData) -> Funnel {
    let mut f = Funnel::default();
    for app in &data.applications {
        let reached = |stages: &[Stage]| app.history.iter().any(|c| stages.contains(&c.stage));
        // Anything beyond "Saved" means the application went out.
        if app.applied_on.is_some() || app.history.iter().any(|c| c.stage != Stage::Saved) {
            f.applied += 1;
        }
        if reached(&[Stage::Interviewing]) || !app.interviews.is_empty() {
            f.interviewed += 1;
        }
        if reached(&[Stage::Offer, Stage::Accepted, Stage::Declined]) {
            f.offer += 1;
        }
    }
    f
}

#[derive(Clone, Debug, Default, PartialEq)]
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
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Due {
    pub(crate) id: Uuid,
    pub(crate) date: NaiveDate,
    pub(crate) label: String,
}

/// Feedback follow-ups due today or overdue, oldest first.
pub(crate) fn follow_ups_due(data: &AppData, today: NaiveDate) -> Vec<Due> {
    let mut v: Vec<Due> = data
        .applications
        .iter()
        .filter(|a| a.feedback.follow_up_due_by(today))
        .filter_map(|a| {
            Some(Due {
                id: a.id,
                date: a.feedback.follow_up_due?,
                label: format!("{} at {}", a.role, a.company),
            })
        })
        .collect();
    v.sort_by_key(|d| d.date);
    v
}

/// Interviews from today on, soonest first.
pub(crate) fn upcoming_interviews(data: &AppData, today: NaiveDate) -> Vec<Due> {
    let mut v: Vec<Due> = data
        .applications
        .iter()
        .flat_map(|a| {
            a.interviews
                .iter()
                .filter(|r| r.date >= today)
                .map(move |r| Due {
                    id: a.id,
                    date: r.date,
                    label: format!("{} interview: {} at {}", r.kind.label(), a.role, a.company),
                })
        })
        .collect();
    v.sort_by_key(|d| d.date);
    v
}

/// Rejections without a completed reflection.
pub(crate) fn unreflected_rejections(data: &AppData) -> Vec<Due> {
    data.applications
        .iter()
        .filter(|a| a.stage() == Stage::Rejected)
        .filter(|a| {
            !data.reflections.iter().any(|r| {
                r.application_id == a.id
                    && r.status == super::reflection::ReflectionStatus::Complete
            })
        })
        .map(|a| Due {
            id: a.id,
            date: a.history.last().map_or(a.created_at.date_naive(), |c| c.on),
            label: format!("{} at {}", a.role, a.company),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::interview::{InterviewKind, InterviewRound};
    use crate::model::reflection::{Reflection, ReflectionStatus};
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
    fn due_lists() {
        let mut data = AppData::default();
        let a = add(&mut data, "A", &[Stage::Rejected]);
        let b = add(&mut data, "B", &[Stage::Interviewing]);
        for app in data.applications.iter_mut() {
            if app.id == a {
                app.feedback.mark_asked(d(3, 1), 7);
            }
            if app.id == b {
                for (day, kind) in [
                    (10, InterviewKind::Video),
                    (1, InterviewKind::Phone),
                    (20, InterviewKind::OnSite),
                ] {
                    app.interviews.push(InterviewRound {
                        id: Uuid::new_v4(),
                        date: d(3, day),
                        kind,
                        interviewers: vec![],
                        notes: String::new(),
                        self_rating: None,
                        ..Default::default()
                    });
                }
            }
        }
        assert!(follow_ups_due(&data, d(3, 7)).is_empty());
        assert_eq!(follow_ups_due(&data, d(3, 9)).len(), 1);
        let up: Vec<_> = upcoming_interviews(&data, d(3, 5))
            .iter()
            .map(|x| x.date)
            .collect();
        assert_eq!(up, [d(3, 10), d(3, 20)]);
        assert_eq!(unreflected_rejections(&data).len(), 1);
        let mut r = Reflection::new(Uuid::new_v4(), a, Utc::now());
        data.reflections.push(r.clone());
        assert_eq!(
            unreflected_rejections(&data).len(),
            1,
            "a draft is not done"
        );
        r.status = ReflectionStatus::Complete;
        data.reflections[0] = r;
        assert!(unreflected_rejections(&data).is_empty());
    }
}

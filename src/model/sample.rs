//! "Try with sample data": a few realistic applications, clearly marked as samples so
//! one click removes them and they never mix with the user's own.

use chrono::{DateTime, Days, NaiveDate, Utc};
use uuid::Uuid;

use super::application::Contact;
use super::feedback::{Channel, FeedbackStatus};
use super::interview::{InterviewKind, InterviewRound};
use super::{AppData, ApplicationDraft, Stage};

/// Builds the sample applications relative to `today`, so follow-ups and interviews
/// land in the near past and future whenever the user tries it.
pub(crate) fn sample_applications(today: NaiveDate, now: DateTime<Utc>) -> Vec<super::Application> {
    let ago = |n: u64| today.checked_sub_days(Days::new(n)).unwrap_or(today);
    let ahead = |n: u64| today.checked_add_days(Days::new(n)).unwrap_or(today);
    // (company, role, tags, applied days ago, [(stage, days ago)])
    type Row<'a> = (&'a str, &'a str, &'a str, u64, &'a [(Stage, u64)]);
    let rows: [Row; 4] = [
        (
            "Northwind Traders",
            "HR Coordinator",
            "sample, hybrid",
            40,
            &[(Stage::Interviewing, 30), (Stage::Rejected, 9)],
        ),
        (
            "Contoso",
            "Recruitment Partner",
            "sample, remote",
            20,
            &[(Stage::Screening, 15), (Stage::Interviewing, 10)],
        ),
        ("Fabrikam", "People Advisor", "sample", 45, &[]),
        (
            "Tailspin Toys",
            "Talent Sourcer",
            "sample",
            60,
            &[
                (Stage::Interviewing, 50),
                (Stage::Offer, 35),
                (Stage::Declined, 33),
            ],
        ),
    ];
    rows.into_iter()
        .filter_map(|(company, role, tags, applied, changes)| {
            let draft = ApplicationDraft {
                company: company.into(),
                role: role.into(),
                applied_on: ago(applied).to_string(),
                tags: tags.into(),
                notes: "Sample data: remove it from the dashboard whenever you like.".into(),
                ..Default::default()
            };
            let mut app = draft.build(Uuid::new_v4(), today, now).ok()?;
            // As if entered the day it was applied for, the way a real user would have:
            // so the sample shows the "Ghosted?" question, which waits a few days after
            // an entry is created.
            app.created_at = now.checked_sub_days(Days::new(applied)).unwrap_or(now);
            for (stage, days_ago) in changes {
                app.change_stage(*stage, ago(*days_ago), now);
            }
            app.sample = true;
            Some(app)
        })
        .map(|mut app| {
            match app.company.as_str() {
                "Northwind Traders" => {
                    app.contacts.push(Contact {
                        name: "Morgan Blake".into(),
                        role: "Hiring manager".into(),
                        email: "morgan@northwind.example".into(),
                    });
                    app.interviews.push(InterviewRound {
                        id: Uuid::new_v4(),
                        date: ago(30),
                        kind: InterviewKind::Video,
                        interviewers: vec!["Morgan Blake".into()],
                        notes: "Competency questions.".into(),
                        self_rating: Some(3),
                        ..Default::default()
                    });
                    app.feedback.mark_asked(ago(9), 7);
                    app.feedback.channel = Some(Channel::Email);
                    app.feedback.asked_whom = "Morgan Blake".into();
                }
                "Contoso" => {
                    app.interviews.push(InterviewRound {
                        id: Uuid::new_v4(),
                        date: ahead(3),
                        kind: InterviewKind::OnSite,
                        interviewers: vec!["Priya Shah".into(), "Tom Ng".into()],
                        notes: "Bring portfolio.".into(),
                        self_rating: None,
                        ..Default::default()
                    });
                }
                "Tailspin Toys" => {
                    app.feedback.status = FeedbackStatus::NotAsked;
                }
                _ => {}
            }
            app
        })
        .collect()
}

impl AppData {
    pub(crate) fn has_sample(&self) -> bool {
        self.applications.iter().any(|a| a.sample)
    }

    pub(crate) fn add_sample(&mut self, today: NaiveDate, now: DateTime<Utc>) {
        if !self.has_sample() {
            self.applications.extend(sample_applications(today, now));
        }
    }

    /// Removes every sample application and anything that hangs off one.
    pub(crate) fn remove_sample(&mut self) {
        let ids: Vec<Uuid> = self
            .applications
            .iter()
            .filter(|a| a.sample)
            .map(|a| a.id)
            .collect();
        self.applications.retain(|a| !a.sample);
        self.reflections
            .retain(|r| !ids.contains(&r.application_id));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sample_is_marked_valid_and_removable() {
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).expect("date");
        let mut data = AppData::default();
        let own = ApplicationDraft {
            company: "Mine".into(),
            role: "Mine".into(),
            ..Default::default()
        }
        .build(Uuid::new_v4(), today, Utc::now())
        .expect("valid");
        data.add_application(own);
        let now = today.and_hms_opt(12, 0, 0).expect("time").and_utc();
        data.add_sample(today, now);
        assert_eq!(data.applications.len(), 5);
        assert!(data.validate().is_ok());
        data.add_sample(today, Utc::now());
        assert_eq!(
            data.applications.len(),
            5,
            "adding twice does not duplicate"
        );
        let rejected = data
            .applications
            .iter()
            .find(|a| a.company == "Northwind Traders")
            .expect("sample");
        assert_eq!(rejected.stage(), Stage::Rejected);
        assert!(rejected.feedback.follow_up_due_by(today));
        let quiet = data
            .applications
            .iter()
            .find(|a| a.company == "Fabrikam")
            .expect("sample");
        assert!(
            quiet.ghosted_suggested(today),
            "the sample shows Ghosted? the moment it is added"
        );
        data.remove_sample();
        assert_eq!(data.applications.len(), 1);
        assert_eq!(data.applications[0].company, "Mine");
    }
}

//! A job application: what was applied for, where it stands, and everything around it.

use super::error::InvalidData;
use crate::model::choice::Choice;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::feedback::FeedbackRequest;
use super::interview::InterviewRound;
use super::job_details::Details;
pub(crate) use super::job_details::Priority;
use super::stage::{insert_change, Stage, StageChange};

#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct Contact {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub(crate) name: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub(crate) role: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub(crate) email: String,
}

#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Application {
    pub(crate) id: Uuid,
    pub(crate) company: String,
    pub(crate) role: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(crate) link: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(crate) location: String,
    /// Where the user found the role: a job board, a referral, a recruiter.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(crate) source: String,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::time::opt_date"
    )]
    pub(crate) applied_on: Option<NaiveDate>,
    /// The advertised pay, in whole units of `currency`; either end may be unknown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) salary_min: Option<u64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) salary_max: Option<u64>,
    /// An ISO 4217 code ("GBP"), or empty when not given.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(crate) currency: String,
    /// The last day to apply, from the job ad.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::time::opt_date"
    )]
    pub(crate) closing_on: Option<NaiveDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) priority: Option<Priority>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) tags: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(crate) notes: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) contacts: Vec<Contact>,
    /// Never empty once created: the last entry is the current stage.
    pub(crate) history: Vec<StageChange>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) interviews: Vec<InterviewRound>,
    #[serde(default)]
    pub(crate) feedback: FeedbackRequest,
    /// Sample data is marked so it can be removed in one click and never mixed up
    /// with the user's own.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub(crate) sample: bool,
    #[serde(deserialize_with = "crate::model::time::datetime")]
    pub(crate) created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::model::time::datetime")]
    pub(crate) updated_at: DateTime<Utc>,
}

/// What the "add application" form collects, as typed. Kept as plain strings so an
/// invalid field never loses what the user wrote.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct ApplicationDraft {
    pub(crate) company: String,
    pub(crate) role: String,
    pub(crate) link: String,
    pub(crate) location: String,
    pub(crate) source: String,
    pub(crate) applied_on: String,
    pub(crate) stage: String,
    pub(crate) salary_min: String,
    pub(crate) salary_max: String,
    pub(crate) currency: String,
    pub(crate) closing_on: String,
    /// A `Priority` key, or "" for none.
    pub(crate) priority: String,
    pub(crate) tags: String,
    pub(crate) notes: String,
}

/// Which form field a validation message belongs to, so the UI can show it beside it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    Company,
    Role,
    Link,
    AppliedOn,
    Stage,
    Notes,
    SalaryMin,
    SalaryMax,
    Currency,
    ClosingOn,
    Priority,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct FieldError {
    pub(crate) field: Field,
    pub(crate) message: String,
}

/// The longest single text field we accept. Generous (a pasted job ad fits), but it
/// stops a runaway paste from eating the whole storage quota.
pub(crate) const MAX_TEXT: usize = 1_000_000;

impl ApplicationDraft {
    /// The blank "add application" form: most people log a role the day they apply,
    /// so it starts at Applied, today.
    pub(crate) fn new_for(today: NaiveDate) -> ApplicationDraft {
        ApplicationDraft {
            stage: Stage::Applied.key().to_owned(),
            applied_on: today.to_string(),
            ..Default::default()
        }
    }

    /// Sets the stage chosen in the form and keeps the default date in step with it: a
    /// role only saved for later has no applied date, so today's default is cleared
    /// (a date the user typed is theirs and stays), and comes back when they switch
    /// to a stage that went out.
    pub(crate) fn choose_stage(&mut self, key: String, today: NaiveDate) {
        let today = today.to_string();
        let saved = Stage::Saved.key();
        if key == saved && self.applied_on == today {
            self.applied_on.clear();
        } else if self.stage == saved && key != saved && self.applied_on.is_empty() {
            self.applied_on = today;
        }
        self.stage = key;
    }

    /// A draft filled from an existing application, for the edit form.
    pub(crate) fn from_application(app: &Application) -> ApplicationDraft {
        ApplicationDraft {
            company: app.company.clone(),
            role: app.role.clone(),
            link: app.link.clone(),
            location: app.location.clone(),
            source: app.source.clone(),
            applied_on: app.applied_on.map(|d| d.to_string()).unwrap_or_default(),
            stage: app.stage().key().to_owned(),
            tags: app.tags.join(", "),
            notes: app.notes.clone(),
            salary_min: app.salary_min.map(|n| n.to_string()).unwrap_or_default(),
            salary_max: app.salary_max.map(|n| n.to_string()).unwrap_or_default(),
            currency: app.currency.clone(),
            closing_on: app.closing_on.map(|d| d.to_string()).unwrap_or_default(),
            priority: app.priority.map(|p| p.key().to_owned()).unwrap_or_default(),
        }
    }

    /// Checks every field and says what to fix, field by field.
    fn validate(
        &self,
        today: NaiveDate,
    ) -> Result<(Option<NaiveDate>, Stage, Details), Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut err = |field, message: &str| {
            errors.push(FieldError {
                field,
                message: message.to_owned(),
            })
        };
        let company = self.company.trim();
        let role = self.role.trim();
        if company.is_empty() {
            err(Field::Company, "Enter the company name.");
        } else if company.chars().count() > 200 {
            err(
                Field::Company,
                "Keep the company name under 200 characters.",
            );
        }
        if role.is_empty() {
            err(Field::Role, "Enter the role you applied for.");
        } else if role.chars().count() > 200 {
            err(Field::Role, "Keep the role under 200 characters.");
        }
        let link = self.link.trim();
        if !link.is_empty() && !is_web_link(link) {
            err(
                Field::Link,
                "Enter a web address starting with https:// or http://.",
            );
        }
        let applied_on = match self.applied_on.trim() {
            "" => None,
            s => match NaiveDate::parse_from_str(s, "%Y-%m-%d") {
                Ok(d) if d > today => {
                    err(Field::AppliedOn, "The applied date can't be in the future.");
                    None
                }
                Ok(d) => Some(d),
                Err(_) => {
                    err(Field::AppliedOn, "Enter a date like 2026-03-14.");
                    None
                }
            },
        };
        let stage = match self.stage.trim() {
            "" => Stage::Applied,
            key => Stage::from_key(key).unwrap_or_else(|| {
                err(Field::Stage, "Choose a stage from the list.");
                Stage::Applied
            }),
        };
        if self.notes.len() > MAX_TEXT {
            err(
                Field::Notes,
                "These notes are too long to store (about a million characters at most).",
            );
        }
        let details = self.check_details(&mut errors);
        if errors.is_empty() {
            Ok((applied_on, stage, details))
        } else {
            Err(errors)
        }
    }

    /// Validates the draft and builds a new application, or says what to fix.
    pub(crate) fn build(
        &self,
        id: Uuid,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<Application, Vec<FieldError>> {
        let (applied_on, stage, details) = self.validate(today)?;
        let history = vec![StageChange {
            stage,
            on: applied_on.unwrap_or(today),
            recorded_at: now,
        }];
        let mut app = Application {
            id,
            company: String::new(),
            role: String::new(),
            link: String::new(),
            location: String::new(),
            source: String::new(),
            applied_on,
            salary_min: None,
            salary_max: None,
            currency: String::new(),
            closing_on: None,
            priority: None,
            tags: Vec::new(),
            notes: String::new(),
            contacts: Vec::new(),
            history,
            interviews: Vec::new(),
            feedback: FeedbackRequest::default(),
            sample: false,
            created_at: now,
            updated_at: now,
        };
        self.copy_text_into(&mut app);
        details.copy_into(&mut app);
        Ok(app)
    }

    /// Applies an edit to an existing application. A changed stage is recorded as a
    /// new dated change (today), so the history is never rewritten.
    pub(crate) fn apply_to(
        &self,
        app: &mut Application,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<(), Vec<FieldError>> {
        let (applied_on, stage, details) = self.validate(today)?;
        self.copy_text_into(app);
        details.copy_into(app);
        app.applied_on = applied_on;
        if stage != app.stage() {
            app.change_stage(stage, today, now);
        }
        app.updated_at = now;
        Ok(())
    }

    fn copy_text_into(&self, app: &mut Application) {
        app.company = self.company.trim().to_owned();
        app.role = self.role.trim().to_owned();
        app.link = self.link.trim().to_owned();
        app.location = self.location.trim().to_owned();
        app.source = self.source.trim().to_owned();
        app.tags = parse_tags(&self.tags);
        app.notes = self.notes.clone();
    }
}

/// Only web links are offered as clickable links; anything else (`javascript:`…) is refused.
pub(crate) fn is_web_link(s: &str) -> bool {
    let lower = s.to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        && s.len() > "http://".len() + 1
        && !s.chars().any(char::is_whitespace)
}

/// Tags are typed comma-separated; empties and repeats (ignoring case) are dropped.
pub(crate) fn parse_tags(input: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in input.split(',').map(str::trim).filter(|t| !t.is_empty()) {
        if !tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
            tags.push(tag.to_owned());
        }
    }
    tags
}

impl Application {
    /// The day it was applied for, or created if not applied yet: the default sort key.
    pub(crate) fn applied_or_created(&self) -> (NaiveDate, DateTime<Utc>) {
        (
            self.applied_on.unwrap_or(self.created_at.date_naive()),
            self.created_at,
        )
    }

    /// The last day there was news: a stage change or an interview. (Editing notes is
    /// not news from the employer, so it does not count.)
    pub(crate) fn last_activity(&self) -> NaiveDate {
        let stage = self.history.last().map(|c| c.on);
        let interview = self.interviews.iter().map(|i| i.date).max();
        stage.max(interview).unwrap_or(self.created_at.date_naive())
    }

    /// A rejection with no feedback asked for yet.
    pub(crate) fn needs_feedback(&self) -> bool {
        self.stage() == Stage::Rejected
            && self.feedback.status == super::feedback::FeedbackStatus::NotAsked
    }

    /// The current stage: the latest entry of the history.
    pub(crate) fn stage(&self) -> Stage {
        self.history.last().map_or(Stage::Saved, |c| c.stage)
    }

    /// Records a stage change that happened `on` (today or back-dated).
    pub(crate) fn change_stage(&mut self, stage: Stage, on: NaiveDate, now: DateTime<Utc>) {
        insert_change(
            &mut self.history,
            StageChange {
                stage,
                on,
                recorded_at: now,
            },
        );
        self.updated_at = now;
    }

    /// Checks invariants the UI guarantees but a hand-edited file might not.
    pub(crate) fn validate(&self) -> Result<(), InvalidData> {
        if self.company.trim().is_empty() {
            return Err(InvalidData::NoCompany(self.id));
        }
        if self.history.is_empty() {
            return Err(InvalidData::NoHistory(self.id));
        }
        if self
            .interviews
            .iter()
            .any(|i| !super::interview::valid_self_rating(i.self_rating))
        {
            return Err(InvalidData::RatingOutOfRange(self.id));
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 5, 10).expect("valid date")
    }

    fn draft() -> ApplicationDraft {
        ApplicationDraft {
            company: "  Acme ".into(),
            role: "Recruiter".into(),
            ..Default::default()
        }
    }

    #[test]
    fn minimal_draft_builds_an_applied_application() {
        let app = draft()
            .build(Uuid::nil(), today(), Utc::now())
            .expect("valid");
        assert_eq!(app.company, "Acme");
        assert_eq!(app.stage(), Stage::Applied);
        assert_eq!(app.history[0].on, today());
        assert!(app.validate().is_ok());
    }

    #[test]
    fn missing_fields_are_reported_per_field() {
        let errors = ApplicationDraft::default()
            .build(Uuid::nil(), today(), Utc::now())
            .expect_err("invalid");
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, [Field::Company, Field::Role]);
    }

    #[test]
    fn bad_link_date_and_stage_are_reported() {
        let d = ApplicationDraft {
            link: "javascript:alert(1)".into(),
            applied_on: "14/03/2026".into(),
            stage: "hired".into(),
            ..draft()
        };
        let errors = d
            .build(Uuid::nil(), today(), Utc::now())
            .expect_err("invalid");
        let fields: Vec<_> = errors.iter().map(|e| e.field).collect();
        assert_eq!(fields, [Field::Link, Field::AppliedOn, Field::Stage]);
    }

    #[test]
    fn future_applied_date_is_refused_and_past_one_is_history() {
        let future = ApplicationDraft {
            applied_on: "2026-05-11".into(),
            ..draft()
        };
        assert!(future.build(Uuid::nil(), today(), Utc::now()).is_err());
        let past = ApplicationDraft {
            applied_on: "2026-01-02".into(),
            stage: "rejected".into(),
            ..draft()
        };
        let app = past.build(Uuid::nil(), today(), Utc::now()).expect("valid");
        assert_eq!(app.stage(), Stage::Rejected);
        assert_eq!(
            app.history[0].on,
            NaiveDate::from_ymd_opt(2026, 1, 2).expect("date")
        );
    }

    #[test]
    fn salary_closing_date_and_priority_are_kept_and_edited() {
        let d = ApplicationDraft {
            salary_min: "£45,000".into(),
            salary_max: "55k".into(),
            currency: "gbp".into(),
            closing_on: "2026-06-30".into(),
            priority: "high".into(),
            ..draft()
        };
        let mut app = d.build(Uuid::nil(), today(), Utc::now()).expect("valid");
        assert_eq!(
            (app.salary_min, app.salary_max),
            (Some(45_000), Some(55_000))
        );
        assert_eq!(app.currency, "GBP");
        assert_eq!(app.closing_on, NaiveDate::from_ymd_opt(2026, 6, 30));
        assert_eq!(app.priority, Some(Priority::High));
        assert_eq!(app.salary_text().as_deref(), Some("GBP 45,000–55,000"));
        let mut edit = ApplicationDraft::from_application(&app);
        assert_eq!(
            (edit.salary_min.as_str(), edit.salary_max.as_str()),
            ("45000", "55000")
        );
        assert_eq!(
            (edit.closing_on.as_str(), edit.priority.as_str()),
            ("2026-06-30", "high")
        );
        edit.salary_max.clear();
        edit.priority.clear();
        edit.closing_on.clear();
        edit.apply_to(&mut app, today(), Utc::now()).expect("valid");
        assert_eq!(
            (app.salary_max, app.priority, app.closing_on),
            (None, None, None)
        );
        assert_eq!(app.salary_text().as_deref(), Some("GBP from 45,000"));
    }

    #[test]
    fn bad_salary_currency_closing_date_and_priority_are_reported() {
        let errors = |d: ApplicationDraft| -> Vec<(Field, String)> {
            d.build(Uuid::nil(), today(), Utc::now())
                .expect_err("invalid")
                .into_iter()
                .map(|e| (e.field, e.message))
                .collect()
        };
        let swapped = errors(ApplicationDraft {
            salary_min: "60000".into(),
            salary_max: "50000".into(),
            ..draft()
        });
        assert_eq!(swapped.len(), 1);
        assert_eq!(swapped[0].0, Field::SalaryMax);
        assert!(swapped[0].1.contains("below the minimum"));
        let all = errors(ApplicationDraft {
            salary_min: "-5".into(),
            salary_max: "lots".into(),
            currency: "pounds".into(),
            closing_on: "soon".into(),
            priority: "urgent".into(),
            ..draft()
        });
        let fields: Vec<_> = all.iter().map(|e| e.0).collect();
        assert_eq!(
            fields,
            [
                Field::SalaryMin,
                Field::SalaryMax,
                Field::Currency,
                Field::ClosingOn,
                Field::Priority
            ]
        );
        assert!(all[0].1.contains("negative"));
        assert!(all[1].1.contains("number"));
        assert!(all[2].1.contains("GBP"));
    }

    #[test]
    fn notebooks_without_the_new_fields_still_load() {
        let app = draft()
            .build(Uuid::nil(), today(), Utc::now())
            .expect("valid");
        let json = serde_json::to_string(&app).expect("encodes");
        for key in ["salary", "currency", "closing_on", "priority"] {
            assert!(!json.contains(key), "{key} is left out when empty");
        }
        let back: Application = serde_json::from_str(&json).expect("decodes");
        assert_eq!(back, app);
    }

    #[test]
    fn tags_are_trimmed_and_deduplicated() {
        assert_eq!(
            parse_tags(" remote, HR ,,hr, Remote ,senior"),
            ["remote", "HR", "senior"]
        );
        assert!(parse_tags(" , ").is_empty());
    }

    #[test]
    fn web_links_only() {
        assert!(is_web_link("https://example.com/job/1"));
        assert!(is_web_link("HTTP://EXAMPLE.COM"));
        assert!(!is_web_link("javascript:alert(1)"));
        assert!(!is_web_link("https://"));
        assert!(!is_web_link("https://exa mple.com"));
    }

    #[test]
    fn editing_keeps_history_and_records_a_stage_change() {
        let mut app = draft()
            .build(Uuid::nil(), today(), Utc::now())
            .expect("valid");
        let mut edit = ApplicationDraft::from_application(&app);
        assert_eq!(edit.stage, "applied");
        edit.role = "Senior Recruiter".into();
        edit.stage = "screening".into();
        edit.tags = "a, b".into();
        edit.apply_to(&mut app, today(), Utc::now()).expect("valid");
        assert_eq!(app.role, "Senior Recruiter");
        assert_eq!(app.history.len(), 2);
        assert_eq!(app.stage(), Stage::Screening);
        assert_eq!(app.tags, ["a", "b"]);
        let mut bad = ApplicationDraft::from_application(&app);
        bad.company = " ".into();
        assert!(bad.apply_to(&mut app, today(), Utc::now()).is_err());
        assert_eq!(app.company, "Acme", "an invalid edit changes nothing");
    }

    #[test]
    fn new_form_starts_applied_today() {
        let d = ApplicationDraft::new_for(today());
        assert_eq!(d.stage, "applied");
        assert_eq!(d.applied_on, "2026-05-10");
        let app = ApplicationDraft {
            company: "Acme".into(),
            role: "Recruiter".into(),
            ..d
        }
        .build(Uuid::nil(), today(), Utc::now())
        .expect("valid");
        assert_eq!(app.applied_on, Some(today()));
    }

    #[test]
    fn saved_for_later_clears_only_the_default_date() {
        let mut d = ApplicationDraft::new_for(today());
        d.choose_stage("saved".into(), today());
        assert_eq!(d.applied_on, "", "not applied yet: no date");
        d.choose_stage("screening".into(), today());
        assert_eq!(d.applied_on, "2026-05-10", "back to a stage that went out");
        d.applied_on = "2026-04-01".into();
        d.choose_stage("saved".into(), today());
        assert_eq!(d.applied_on, "2026-04-01", "a date the user typed stays");
        assert_eq!(d.stage, "saved");
    }

    #[test]
    fn needs_feedback_after_rejection_until_asked() {
        let mut app = draft()
            .build(Uuid::nil(), today(), Utc::now())
            .expect("valid");
        assert!(!app.needs_feedback());
        app.change_stage(Stage::Rejected, today(), Utc::now());
        assert!(app.needs_feedback());
        app.feedback.mark_asked(today(), 7);
        assert!(!app.needs_feedback());
    }

    #[test]
    fn stage_change_updates_timestamp() {
        let mut app = draft()
            .build(Uuid::nil(), today(), Utc::now())
            .expect("valid");
        let later = app.updated_at + chrono::Duration::seconds(5);
        app.change_stage(Stage::Rejected, today(), later);
        assert_eq!(app.stage(), Stage::Rejected);
        assert_eq!(app.updated_at, later);
    }
}

//! The domain: applications, stages, interviews, feedback and reflections.
//!
//! Plain Rust with no browser types, so every rule here is unit-tested natively. The UI
//! holds an [`AppData`] in a signal and calls these functions to change it.

pub(crate) mod application;
pub(crate) mod changes;
pub(crate) mod choice;
pub(crate) mod error;
pub(crate) mod eviction;
pub(crate) mod feedback;
pub(crate) mod ics;
pub(crate) mod insights;
pub(crate) mod interview;
pub(crate) mod job_details;
pub(crate) mod nudges;
pub(crate) mod order;
pub(crate) mod query;
pub(crate) mod quick_add;
pub(crate) mod reflection;
pub(crate) mod reflection_answers;
pub(crate) mod reflection_markdown;
pub(crate) mod sample;
pub(crate) mod self_review;
pub(crate) mod spreadsheet;
pub(crate) mod stage;
pub(crate) mod stats;
pub(crate) mod summary;
pub(crate) mod templates;
pub(crate) mod themes;
pub(crate) mod time;
pub(crate) mod today;
pub(crate) mod wording;

use chrono::{DateTime, Utc};
use error::{ChangeError, InvalidData};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use uuid::Uuid;

pub(crate) use application::{Application, ApplicationDraft, Field, FieldError};
pub(crate) use reflection::Reflection;
pub(crate) use stage::Stage;

/// A note the user keeps about a company as a whole (not one application).
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct CompanyNote {
    /// Matched case-insensitively against `Application::company`.
    pub(crate) name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(crate) notes: String,
    #[serde(deserialize_with = "crate::model::time::datetime")]
    pub(crate) updated_at: DateTime<Utc>,
}

/// What a delete removed, kept in memory for "Undo".
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Deleted {
    pub(crate) index: usize,
    pub(crate) application: Application,
    pub(crate) reflections: Vec<Reflection>,
}

/// A stage move made in one tap (the board, the list's quick change), kept in memory
/// for "Undo": the exact history entry it added, so Undo takes out that one and no
/// other (a change the user then dated by hand, an edit, all stay).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Moved {
    pub(crate) application_id: Uuid,
    pub(crate) change: stage::StageChange,
    /// "Recruiter at Acme", for the bar's sentence.
    pub(crate) name: String,
}

/// What the Undo bar offers to take back: the last delete or the last move.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Undoable {
    // Boxed: a whole application beside a small move.
    Deleted(Box<Deleted>),
    Moved(Moved),
}

impl Undoable {
    /// The bar's sentence.
    pub(crate) fn sentence(&self) -> String {
        match self {
            Undoable::Deleted(d) => {
                format!(
                    "Deleted {} at {}.",
                    d.application.role, d.application.company
                )
            }
            Undoable::Moved(m) => format!("Moved {} to {}.", m.name, m.change.stage.label()),
        }
    }
}

/// Company names match ignoring case and surrounding spaces ("acme " is "Acme").
pub(crate) fn same_company(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// Bookkeeping that is not the user's content but must survive a reload.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct Meta {
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::time::opt_datetime"
    )]
    pub(crate) last_backup_at: Option<DateTime<Utc>>,
    /// Edits since the last backup, for the "time to back up" nudge.
    pub(crate) changes_since_backup: u32,
}

/// Who the user is, for signing the messages Knockback drafts. Inside `AppData` so the
/// passphrase lock covers it like everything else they wrote.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct Profile {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub(crate) name: String,
    /// The sign-off block under the name: a title, a phone number, a link.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub(crate) signature: String,
}

impl Profile {
    pub(crate) fn is_empty(&self) -> bool {
        self.name.is_empty() && self.signature.is_empty()
    }
}

/// Everything the user owns. This is the `data` of the stored envelope.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct AppData {
    pub(crate) applications: Vec<Application>,
    pub(crate) reflections: Vec<Reflection>,
    pub(crate) companies: Vec<CompanyNote>,
    pub(crate) meta: Meta,
    #[serde(skip_serializing_if = "Profile::is_empty")]
    pub(crate) profile: Profile,
}

impl AppData {
    /// Replaces the profile; a real change counts towards the backup reminder.
    pub(crate) fn set_profile(&mut self, profile: Profile) {
        if self.profile != profile {
            self.profile = profile;
            self.meta.changes_since_backup = self.meta.changes_since_backup.saturating_add(1);
        }
    }

    pub(crate) fn add_application(&mut self, app: Application) {
        self.applications.push(app);
        self.meta.changes_since_backup = self.meta.changes_since_backup.saturating_add(1);
    }

    pub(crate) fn application(&self, id: Uuid) -> Option<&Application> {
        self.applications.iter().find(|a| a.id == id)
    }

    /// Applies `f` to one application and stamps it as changed. Returns what `f`
    /// returned, or `None` if the application is gone.
    pub(crate) fn edit_application<T>(
        &mut self,
        id: Uuid,
        now: DateTime<Utc>,
        f: impl FnOnce(&mut Application) -> T,
    ) -> Option<T> {
        let app = self.applications.iter_mut().find(|a| a.id == id)?;
        let out = f(app);
        app.updated_at = now;
        self.meta.changes_since_backup = self.meta.changes_since_backup.saturating_add(1);
        Some(out)
    }

    /// Removes an application and its reflections, returning them so "Undo" can put
    /// everything back exactly where it was.
    pub(crate) fn delete_application(&mut self, id: Uuid) -> Option<Deleted> {
        let index = self.applications.iter().position(|a| a.id == id)?;
        let application = self.applications.remove(index);
        let (reflections, keep): (Vec<_>, Vec<_>) = std::mem::take(&mut self.reflections)
            .into_iter()
            .partition(|r| r.application_id == id);
        self.reflections = keep;
        self.meta.changes_since_backup = self.meta.changes_since_backup.saturating_add(1);
        Some(Deleted {
            index,
            application,
            reflections,
        })
    }

    pub(crate) fn undo_delete(&mut self, deleted: Deleted) {
        if self.application(deleted.application.id).is_some() {
            return; // already back (a double click on Undo)
        }
        let at = deleted.index.min(self.applications.len());
        self.applications.insert(at, deleted.application);
        self.reflections.extend(deleted.reflections);
    }

    /// Takes out the stage entry a move added, if it is still there; the history is
    /// never left empty. True when something was taken out.
    pub(crate) fn undo_move(&mut self, moved: &Moved, now: DateTime<Utc>) -> bool {
        let Some(app) = (self.applications.iter_mut()).find(|a| a.id == moved.application_id)
        else {
            return false;
        };
        let Some(at) = app.history.iter().position(|c| *c == moved.change) else {
            return false; // already undone (a double click), or the entry was removed
        };
        if app.history.len() < 2 {
            return false;
        }
        app.history.remove(at);
        app.updated_at = now;
        self.meta.changes_since_backup = self.meta.changes_since_backup.saturating_add(1);
        true
    }

    /// Every application to `company`, compared without case or surrounding spaces.
    pub(crate) fn applications_at<'a>(
        &'a self,
        company: &'a str,
    ) -> impl Iterator<Item = &'a Application> + 'a {
        self.applications
            .iter()
            .filter(move |a| same_company(&a.company, company))
    }

    pub(crate) fn company_note(&self, company: &str) -> Option<&CompanyNote> {
        self.companies
            .iter()
            .find(|c| same_company(&c.name, company))
    }

    pub(crate) fn set_company_note(&mut self, company: &str, notes: String, now: DateTime<Utc>) {
        match self
            .companies
            .iter_mut()
            .find(|c| same_company(&c.name, company))
        {
            Some(c) => {
                c.notes = notes;
                c.updated_at = now;
            }
            None => self.companies.push(CompanyNote {
                name: company.trim().to_owned(),
                notes,
                updated_at: now,
            }),
        }
        self.meta.changes_since_backup = self.meta.changes_since_backup.saturating_add(1);
    }

    /// The most recent closed application at `company`: the "last time" reminder shown
    /// before applying there again.
    pub(crate) fn last_time_at<'a>(&'a self, company: &'a str) -> Option<&'a Application> {
        if company.trim().is_empty() {
            return None;
        }
        self.applications_at(company)
            .filter(|a| {
                a.stage().is_closed() || a.feedback.status != feedback::FeedbackStatus::NotAsked
            })
            .max_by_key(|a| a.last_activity())
    }

    pub(crate) fn reflection(&self, id: Uuid) -> Option<&Reflection> {
        self.reflections.iter().find(|r| r.id == id)
    }

    /// The reflection on an application, if one was started.
    pub(crate) fn reflection_for(&self, application_id: Uuid) -> Option<&Reflection> {
        self.reflections
            .iter()
            .find(|r| r.application_id == application_id)
    }

    /// Returns the reflection on `application_id`, starting a draft if there is none.
    /// One reflection per application: reopening edits the same one.
    pub(crate) fn start_reflection(
        &mut self,
        application_id: Uuid,
        id: Uuid,
        now: DateTime<Utc>,
    ) -> Option<Uuid> {
        self.application(application_id)?;
        if let Some(r) = self.reflection_for(application_id) {
            return Some(r.id);
        }
        self.reflections
            .push(Reflection::new(id, application_id, now));
        self.meta.changes_since_backup = self.meta.changes_since_backup.saturating_add(1);
        Some(id)
    }

    /// Applies `f` to one reflection and stamps it as changed.
    pub(crate) fn edit_reflection(
        &mut self,
        id: Uuid,
        now: DateTime<Utc>,
        f: impl FnOnce(&mut Reflection),
    ) {
        if let Some(r) = self.reflections.iter_mut().find(|r| r.id == id) {
            f(r);
            r.updated_at = now;
            self.meta.changes_since_backup = self.meta.changes_since_backup.saturating_add(1);
        }
    }

    /// Records a stage change dated `on`, today or earlier (the view reads the typed
    /// date with [`changes::parse_change_date`]).
    pub(crate) fn record_stage(
        &mut self,
        id: Uuid,
        stage: Stage,
        on: chrono::NaiveDate,
        today: chrono::NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<(), ChangeError> {
        if on > today {
            return Err(ChangeError::FutureDate);
        }
        let app = self
            .applications
            .iter_mut()
            .find(|a| a.id == id)
            .ok_or(ChangeError::Gone)?;
        app.change_stage(stage, on, now);
        self.meta.changes_since_backup = self.meta.changes_since_backup.saturating_add(1);
        Ok(())
    }

    /// Checks what serde cannot: unique ids, references that resolve, values in range.
    /// Loading refuses data that fails this rather than half-showing it.
    pub(crate) fn validate(&self) -> Result<(), InvalidData> {
        let mut ids = HashSet::new();
        for app in &self.applications {
            if !ids.insert(app.id) {
                return Err(InvalidData::DuplicateApplication(app.id));
            }
            app.validate()?;
        }
        let mut reflection_ids = HashSet::new();
        for r in &self.reflections {
            if !reflection_ids.insert(r.id) {
                return Err(InvalidData::DuplicateReflection(r.id));
            }
            if !ids.contains(&r.application_id) {
                return Err(InvalidData::OrphanReflection(r.id));
            }
            r.validate()?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn app(company: &str, applied: Option<(u32, u32)>) -> Application {
        let draft = ApplicationDraft {
            company: company.into(),
            role: "Role".into(),
            applied_on: applied
                .map(|(m, d)| format!("2026-{m:02}-{d:02}"))
                .unwrap_or_default(),
            ..Default::default()
        };
        let today = NaiveDate::from_ymd_opt(2026, 12, 31).expect("date");
        draft
            .build(Uuid::new_v4(), today, Utc::now())
            .expect("valid")
    }

    #[test]
    fn adding_counts_a_change() {
        let mut data = AppData::default();
        data.add_application(app("A", None));
        assert_eq!(data.applications.len(), 1);
        assert_eq!(data.meta.changes_since_backup, 1);
    }

    #[test]
    fn duplicate_ids_and_dangling_reflections_are_invalid() {
        let mut data = AppData::default();
        let a = app("A", None);
        data.add_application(a.clone());
        assert!(data.validate().is_ok());
        data.add_application(a.clone());
        assert!(data
            .validate()
            .unwrap_err()
            .to_string()
            .contains("share the id"));
        data.applications.pop();
        data.reflections
            .push(Reflection::new(Uuid::new_v4(), Uuid::new_v4(), Utc::now()));
        assert!(data
            .validate()
            .unwrap_err()
            .to_string()
            .contains("missing application"));
        data.reflections[0].application_id = a.id;
        assert!(data.validate().is_ok());
    }

    fn iso(s: &str) -> NaiveDate {
        changes::parse_change_date(s).expect("date")
    }

    #[test]
    fn record_stage_validates_and_back_dates() {
        let mut data = AppData::default();
        let a = app("A", Some((1, 5)));
        let id = a.id;
        data.add_application(a);
        let today = NaiveDate::from_ymd_opt(2026, 2, 1).expect("date");
        assert!(data
            .record_stage(id, Stage::Rejected, iso("2026-02-02"), today, Utc::now())
            .is_err());
        assert!(data
            .record_stage(
                Uuid::new_v4(),
                Stage::Rejected,
                iso("2026-01-20"),
                today,
                Utc::now()
            )
            .is_err());
        data.record_stage(id, Stage::Rejected, iso("2026-01-20"), today, Utc::now())
            .expect("ok");
        data.record_stage(
            id,
            Stage::Interviewing,
            iso("2026-01-10"),
            today,
            Utc::now(),
        )
        .expect("ok");
        let app = data.application(id).expect("exists");
        assert_eq!(
            app.stage(),
            Stage::Rejected,
            "the back-dated change slots in before"
        );
        assert_eq!(app.history.len(), 3);
        assert_eq!(data.meta.changes_since_backup, 3);
    }

    #[test]
    fn delete_and_undo_restore_everything_in_place() {
        let mut data = AppData::default();
        for c in ["A", "B", "C"] {
            data.add_application(app(c, None));
        }
        let b = data.applications[1].id;
        data.reflections
            .push(Reflection::new(Uuid::new_v4(), b, Utc::now()));
        let before = data.clone();
        let deleted = data.delete_application(b).expect("exists");
        assert_eq!(data.applications.len(), 2);
        assert!(data.reflections.is_empty());
        assert!(data.delete_application(b).is_none());
        data.undo_delete(deleted.clone());
        data.undo_delete(deleted);
        assert_eq!(data.applications, before.applications);
        assert_eq!(data.reflections, before.reflections);
    }

    #[test]
    fn undoing_a_move_takes_out_only_the_entry_it_added() {
        let mut data = AppData::default();
        data.add_application(app("A", None));
        let id = data.applications[0].id;
        let day = |d| chrono::NaiveDate::from_ymd_opt(2026, 3, d).expect("date");
        let now = Utc::now();
        data.record_stage(id, Stage::Screening, day(2), day(9), now)
            .expect("recorded");
        let moved_at = now + chrono::Duration::seconds(5);
        data.record_stage(id, Stage::Interviewing, day(9), day(9), moved_at)
            .expect("recorded");
        let moved = Moved {
            application_id: id,
            change: stage::StageChange {
                stage: Stage::Interviewing,
                on: day(9),
                recorded_at: moved_at,
            },
            name: "Role at A".into(),
        };
        // A back-dated change recorded after the move stays when the move is undone.
        data.record_stage(id, Stage::Screening, day(5), day(9), moved_at)
            .expect("recorded");
        let before: Vec<_> = data.applications[0].history.clone();
        assert!(data.undo_move(&moved, Utc::now()));
        let expected: Vec<_> = before.into_iter().filter(|c| *c != moved.change).collect();
        assert_eq!(
            data.applications[0].history, expected,
            "only the move's entry goes"
        );
        assert_eq!(expected.len(), 3, "the back-dated change stays");
        assert!(
            !data.undo_move(&moved, Utc::now()),
            "a second Undo does nothing"
        );
        assert_eq!(data.applications[0].history.len(), 3);
        assert_eq!(
            Undoable::Moved(moved).sentence(),
            "Moved Role at A to Interviewing."
        );
    }

    #[test]
    fn company_reminder_and_notes_ignore_case() {
        let mut data = AppData::default();
        let mut a = app("Acme", Some((1, 1)));
        a.change_stage(
            Stage::Rejected,
            NaiveDate::from_ymd_opt(2026, 2, 1).expect("date"),
            Utc::now(),
        );
        data.add_application(a);
        data.add_application(app("Acme", Some((5, 1))));
        assert_eq!(data.applications_at(" acme").count(), 2);
        let last = data.last_time_at("ACME ").expect("a closed one");
        assert_eq!(last.stage(), Stage::Rejected);
        assert!(data.last_time_at("Globex").is_none());
        assert!(data.last_time_at("").is_none());
        data.set_company_note("acme", "Friendly".into(), Utc::now());
        data.set_company_note("ACME", "Friendly team".into(), Utc::now());
        assert_eq!(data.companies.len(), 1);
        assert_eq!(
            data.company_note("Acme").map(|c| c.notes.as_str()),
            Some("Friendly team")
        );
    }

    #[test]
    fn one_reflection_per_application() {
        let mut data = AppData::default();
        let a = app("A", None);
        let aid = a.id;
        data.add_application(a);
        assert!(data
            .start_reflection(Uuid::new_v4(), Uuid::new_v4(), Utc::now())
            .is_none());
        let first = data
            .start_reflection(aid, Uuid::new_v4(), Utc::now())
            .expect("started");
        let again = data
            .start_reflection(aid, Uuid::new_v4(), Utc::now())
            .expect("same");
        assert_eq!(first, again);
        data.edit_reflection(first, Utc::now(), |r| r.step = 3);
        assert_eq!(data.reflection_for(aid).map(|r| r.step), Some(3));
    }

    #[test]
    fn empty_history_is_invalid() {
        let mut data = AppData::default();
        let mut a = app("A", None);
        a.history.clear();
        data.add_application(a);
        assert!(data.validate().is_err());
    }
}

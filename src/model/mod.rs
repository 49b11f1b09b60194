//! The domain: applications, stages, interviews, feedback and reflections.
//!
//! Plain Rust with no browser types, so every rule here is unit-tested natively. The UI
//! holds an [`AppData`] in a signal and calls these functions to change it.

pub(crate) mod application;
pub(crate) mod feedback;
pub(crate) mod interview;
pub(crate) mod reflection;
pub(crate) mod stage;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use uuid::Uuid;

pub(crate) use application::{Application, ApplicationDraft, Field, FieldError};
pub(crate) use reflection::Reflection;
pub(crate) use stage::Stage;

/// A note the user keeps about a company as a whole (not one application).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct CompanyNote {
    /// Matched case-insensitively against `Application::company`.
    pub(crate) name: String,
    #[serde(default)]
    pub(crate) notes: String,
    pub(crate) updated_at: DateTime<Utc>,
}

/// Bookkeeping that is not the user's content but must survive a reload.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct Meta {
    pub(crate) last_backup_at: Option<DateTime<Utc>>,
    /// Edits since the last backup, for the "time to back up" nudge.
    pub(crate) changes_since_backup: u32,
}

/// Everything the user owns. This is the `data` of the stored envelope.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct AppData {
    pub(crate) applications: Vec<Application>,
    pub(crate) reflections: Vec<Reflection>,
    pub(crate) companies: Vec<CompanyNote>,
    pub(crate) meta: Meta,
}

impl AppData {
    pub(crate) fn add_application(&mut self, app: Application) {
        self.applications.push(app);
        self.meta.changes_since_backup = self.meta.changes_since_backup.saturating_add(1);
    }

    pub(crate) fn application(&self, id: Uuid) -> Option<&Application> {
        self.applications.iter().find(|a| a.id == id)
    }

    /// Applications, most recently applied (or created) first.
    pub(crate) fn applications_newest_first(&self) -> Vec<&Application> {
        let mut apps: Vec<_> = self.applications.iter().collect();
        apps.sort_by(|a, b| {
            let key = |x: &Application| (x.applied_on.unwrap_or(x.created_at.date_naive()), x.created_at);
            key(b).cmp(&key(a))
        });
        apps
    }

    /// Checks what serde cannot: unique ids, references that resolve, values in range.
    /// Loading refuses data that fails this rather than half-showing it.
    pub(crate) fn validate(&self) -> Result<(), String> {
        let mut ids = HashSet::new();
        for app in &self.applications {
            if !ids.insert(app.id) {
                return Err(format!("two applications share the id {}", app.id));
            }
            app.validate()?;
        }
        let mut reflection_ids = HashSet::new();
        for r in &self.reflections {
            if !reflection_ids.insert(r.id) {
                return Err(format!("two reflections share the id {}", r.id));
            }
            if !ids.contains(&r.application_id) {
                return Err(format!("reflection {} points to a missing application", r.id));
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
        let draft = ApplicationDraft { company: company.into(), role: "Role".into(), ..Default::default() };
        let today = NaiveDate::from_ymd_opt(2026, 12, 31).expect("date");
        let mut a = draft.build(Uuid::new_v4(), today, Utc::now()).expect("valid");
        a.applied_on = applied.and_then(|(m, d)| NaiveDate::from_ymd_opt(2026, m, d));
        a
    }

    #[test]
    fn adding_counts_a_change() {
        let mut data = AppData::default();
        data.add_application(app("A", None));
        assert_eq!(data.applications.len(), 1);
        assert_eq!(data.meta.changes_since_backup, 1);
    }

    #[test]
    fn newest_applied_first() {
        let mut data = AppData::default();
        data.add_application(app("Old", Some((1, 1))));
        data.add_application(app("New", Some((6, 1))));
        data.add_application(app("Mid", Some((3, 1))));
        let names: Vec<_> = data.applications_newest_first().iter().map(|a| a.company.as_str()).collect();
        assert_eq!(names, ["New", "Mid", "Old"]);
    }

    #[test]
    fn duplicate_ids_and_dangling_reflections_are_invalid() {
        let mut data = AppData::default();
        let a = app("A", None);
        data.add_application(a.clone());
        assert!(data.validate().is_ok());
        data.add_application(a.clone());
        assert!(data.validate().unwrap_err().contains("share the id"));
        data.applications.pop();
        data.reflections.push(Reflection::new(Uuid::new_v4(), Uuid::new_v4(), Utc::now()));
        assert!(data.validate().unwrap_err().contains("missing application"));
        data.reflections[0].application_id = a.id;
        assert!(data.validate().is_ok());
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

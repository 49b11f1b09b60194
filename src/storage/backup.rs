//! Backups: reading a backup file into a preview without touching anything, and
//! combining it with the current data (replace, or merge by id where newer wins).
//!
//! Pure functions: the whole file is parsed and validated here before the UI offers to
//! apply it, and applying is a single swap of the store's data.

use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashMap;

use super::envelope::{self, SCHEMA_VERSION};
use super::packing;
use super::sealed::Holds;
use crate::error::{FileError, LockError};
use crate::model::wording::{and_list, count};
use crate::model::{AppData, Meta};

/// Backups bigger than this are refused before reading: no browser's localStorage
/// (5–10 MB) could hold them, and parsing them would freeze the tab.
pub(crate) const MAX_BACKUP_BYTES: u64 = 20 * 1024 * 1024;

/// What a valid backup holds, shown before the user chooses Replace or Merge.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Preview {
    pub(crate) data: AppData,
    pub(crate) schema_version: u32,
    pub(crate) exported_at: Option<DateTime<Utc>>,
    pub(crate) applications: usize,
    pub(crate) interviews: usize,
    pub(crate) feedback_received: usize,
    pub(crate) reflections: usize,
    pub(crate) companies: usize,
    pub(crate) first_date: Option<NaiveDate>,
    pub(crate) last_date: Option<NaiveDate>,
    /// About how many UTF-16 units it takes stored packed, as localStorage counts them.
    pub(crate) chars: usize,
}

impl Preview {
    /// The share of the space browsers are sure to give Knockback that this file would
    /// take stored, in percent.
    pub(crate) fn capacity_percent(&self) -> usize {
        self.chars * 100 / super::local::CAPACITY_CHARS
    }
}

/// Checks a chosen file's size before reading it: a file no browser could hold is
/// refused at once (reading it would freeze the tab).
pub(crate) fn check_size(bytes: f64) -> Result<(), FileError> {
    if bytes > MAX_BACKUP_BYTES as f64 {
        return Err(FileError::TooLarge);
    }
    Ok(())
}

/// Reads a backup file's text. Never panics, never touches storage.
pub(crate) fn read(text: &str) -> Result<Preview, FileError> {
    if text.trim().is_empty() {
        return Err(FileError::Empty);
    }
    let schema_version = schema_version_of(text);
    let decoded = envelope::decode(text)?;
    let exported_at = serde_json::from_str::<serde_json::Value>(text)
        .ok()
        .and_then(|v| {
            v.get("exported_at")
                .or_else(|| v.get("saved_at"))
                .and_then(|s| s.as_str().map(str::to_owned))
        })
        .and_then(|s| DateTime::parse_from_rfc3339(&s).ok())
        .map(|d| d.with_timezone(&Utc));
    let data = decoded.data;
    let dates = data.applications.iter().flat_map(|a| {
        a.applied_on
            .into_iter()
            .chain(a.history.iter().map(|c| c.on))
    });
    let (first_date, last_date) = dates.fold(
        (None, None),
        |(lo, hi): (Option<NaiveDate>, Option<NaiveDate>), d| {
            (
                Some(lo.map_or(d, |l| l.min(d))),
                Some(hi.map_or(d, |h| h.max(d))),
            )
        },
    );
    Ok(Preview {
        schema_version: schema_version.unwrap_or(SCHEMA_VERSION),
        exported_at,
        applications: data.applications.len(),
        interviews: data.applications.iter().map(|a| a.interviews.len()).sum(),
        feedback_received: data
            .applications
            .iter()
            .filter(|a| a.feedback.status == crate::model::feedback::FeedbackStatus::Received)
            .count(),
        reflections: data.reflections.len(),
        companies: data.companies.len(),
        first_date,
        last_date,
        chars: packing::packed_units(text),
        data,
    })
}

fn schema_version_of(text: &str) -> Option<u32> {
    #[derive(serde::Deserialize)]
    struct Head {
        schema_version: u32,
    }
    serde_json::from_str::<Head>(text)
        .ok()
        .map(|h| h.schema_version)
}

/// What happened to one kind of record in a merge.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Tally {
    pub(crate) added: usize,
    pub(crate) updated: usize,
    /// In both, and the current one was the same or newer.
    pub(crate) unchanged: usize,
}

/// A merge, counted by kind, so the message never calls a reflection an application.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct MergeReport {
    pub(crate) applications: Tally,
    pub(crate) reflections: Tally,
    pub(crate) companies: Tally,
    /// Incoming reflections for an application that already has a different one.
    pub(crate) clashes: usize,
}

impl MergeReport {
    /// "Merged. Added 3 applications and 1 reflection. Already up to date (yours were
    /// the same or newer): 2 applications."
    pub(crate) fn message(&self) -> String {
        let kinds = [
            (self.applications, "application", "applications"),
            (self.reflections, "reflection", "reflections"),
            (self.companies, "company note", "company notes"),
        ];
        let phrase = |pick: fn(&Tally) -> usize| -> String {
            let parts: Vec<String> = kinds
                .iter()
                .filter(|(t, _, _)| pick(t) > 0)
                .map(|(t, one, many)| count(pick(t), one, many))
                .collect();
            and_list(&parts)
        };
        let mut out = vec!["Merged.".to_owned()];
        let added = phrase(|t| t.added);
        let updated = phrase(|t| t.updated);
        let unchanged = phrase(|t| t.unchanged);
        if added.is_empty() && updated.is_empty() {
            out.push("Nothing new: your notebook already had everything in this file.".into());
        }
        if !added.is_empty() {
            out.push(format!("Added {added}."));
        }
        if !updated.is_empty() {
            out.push(format!("Updated {updated} (the file's were newer)."));
        }
        if !unchanged.is_empty() {
            out.push(format!(
                "Already up to date (yours were the same or newer): {unchanged}."
            ));
        }
        if self.clashes > 0 {
            out.push(format!(
                "Kept yours for {}: the file had a different reflection for an application you had already reflected on.",
                count(self.clashes, "reflection", "reflections")
            ));
        }
        out.join(" ")
    }

    fn changed(&self) -> usize {
        [self.applications, self.reflections, self.companies]
            .iter()
            .map(|t| t.added + t.updated)
            .sum()
    }
}

/// The notebook after "Replace": the file's data, with the bookkeeping that describes
/// this browser kept. The data now equals a file on the user's disk, so when that file
/// is a dated backup it counts as backed up then (or at the last backup, if later).
pub(crate) fn replaced(current: &Meta, file: &Preview) -> AppData {
    let mut data = file.data.clone();
    match file.exported_at {
        Some(at) => {
            data.meta.last_backup_at = current.last_backup_at.max(Some(at));
            data.meta.changes_since_backup = 0;
        }
        None => {
            data.meta.last_backup_at = current.last_backup_at;
            data.meta.changes_since_backup = current.changes_since_backup.saturating_add(1);
        }
    }
    data
}

/// Merges `incoming` into `current` by id: new records are added, a record in both is
/// replaced only when the incoming one is newer (`updated_at`), otherwise kept. The
/// current bookkeeping is kept, and what changed counts towards the next backup.
pub(crate) fn merge(current: &AppData, incoming: &AppData) -> (AppData, MergeReport) {
    let mut out = current.clone();
    let mut report = MergeReport::default();
    let index: HashMap<_, _> = out
        .applications
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id, i))
        .collect();
    let tally = &mut report.applications;
    for app in &incoming.applications {
        match index.get(&app.id) {
            None => {
                out.applications.push(app.clone());
                tally.added += 1;
            }
            Some(&i) if app.updated_at > out.applications[i].updated_at => {
                out.applications[i] = app.clone();
                tally.updated += 1;
            }
            Some(_) => tally.unchanged += 1,
        }
    }
    let index: HashMap<_, _> = out
        .reflections
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id, i))
        .collect();
    for r in &incoming.reflections {
        // One reflection per application: an incoming one for an application that
        // already has a different reflection is kept out rather than duplicated.
        let clash = out
            .reflections
            .iter()
            .any(|x| x.application_id == r.application_id && x.id != r.id);
        let tally = &mut report.reflections;
        match index.get(&r.id) {
            None if clash => report.clashes += 1,
            None => {
                out.reflections.push(r.clone());
                tally.added += 1;
            }
            Some(&i) if r.updated_at > out.reflections[i].updated_at => {
                out.reflections[i] = r.clone();
                tally.updated += 1;
            }
            Some(_) => tally.unchanged += 1,
        }
    }
    let tally = &mut report.companies;
    for c in &incoming.companies {
        match out
            .companies
            .iter_mut()
            .find(|x| crate::model::same_company(&x.name, &c.name))
        {
            None => {
                out.companies.push(c.clone());
                tally.added += 1;
            }
            Some(x) if c.updated_at > x.updated_at => {
                *x = c.clone();
                tally.updated += 1;
            }
            Some(_) => tally.unchanged += 1,
        }
    }
    // The profile is one record: a file's fills an empty one, never replaces the user's.
    if out.profile.is_empty() {
        out.profile = incoming.profile.clone();
    }
    let changed = u32::try_from(report.changed()).unwrap_or(u32::MAX);
    out.meta.changes_since_backup = out.meta.changes_since_backup.saturating_add(changed);
    (out, report)
}

/// Reads a passphrase-locked file once it is opened: `text` is the envelope's `data`
/// (the notebook, an encrypted backup) or a whole file (a sealed copy).
pub(crate) fn read_opened(text: &str, holds: Holds) -> Result<Preview, FileError> {
    match holds {
        Holds::Data => read(&envelope::wrap(text, 0, Utc::now())),
        Holds::File => read(text),
    }
}

/// Checks a file's text before it is offered as a download: it must restore. A file
/// that would not is never written; the caller says why instead.
pub(crate) fn check_restorable(text: &str) -> Result<(), FileError> {
    if let Some((s, _)) = super::sealed::peek(text) {
        return s
            .parts()
            .map(|_| ())
            .map_err(|p| FileError::Lock(LockError::Settings(p)));
    }
    read(text).map(|_| ())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ApplicationDraft;
    use uuid::Uuid;

    fn fixture() -> String {
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/schema-v1.json"
        ))
        .expect("fixture")
    }

    #[test]
    fn preview_counts_and_dates() {
        let p = read(&fixture()).expect("valid");
        assert_eq!(
            (
                p.applications,
                p.interviews,
                p.feedback_received,
                p.reflections,
                p.companies
            ),
            (2, 1, 1, 1, 1)
        );
        assert_eq!(p.first_date, NaiveDate::from_ymd_opt(2026, 1, 12));
        assert_eq!(p.last_date, NaiveDate::from_ymd_opt(2026, 2, 20));
        assert_eq!(p.schema_version, 1);
        assert!(p.exported_at.is_some());
    }

    #[test]
    fn bad_files_get_clear_messages() {
        let full = fixture();
        let cases: Vec<(String, &str)> = vec![
            (String::new(), "empty"),
            ("   \n".into(), "empty"),
            (
                "\u{FFFD}PNG\r\n\u{1a}\n\0\0\0\rIHDR".into(),
                "isn't readable JSON",
            ),
            (full[..full.len() / 2].to_owned(), "isn't readable JSON"),
            (
                r#"{"version":3,"items":[{"title":"todo"}]}"#.into(),
                "isn't a Knockback backup",
            ),
            (r#"{"schema_version":42,"data":{}}"#.into(), "newer version"),
            (
                r#"{"schema_version":1,"data":{"applications":[{"id":7}]}}"#.into(),
                "damaged",
            ),
            (
                format!("{}{}", "[".repeat(5000), "]".repeat(5000)),
                "isn't readable JSON",
            ),
        ];
        for (text, expect) in cases {
            let err = read(&text).expect_err("must fail").to_string();
            assert!(err.contains(expect), "{err:?} should mention {expect:?}");
        }
        let dup = full.replace(
            "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
            "6f1c2a9e-3b1d-4c8e-9a51-0d2f3c4b5a61",
        );
        assert!(read(&dup)
            .expect_err("duplicate ids")
            .to_string()
            .contains("share the id"));
    }

    fn app(company: &str) -> crate::model::Application {
        ApplicationDraft {
            company: company.into(),
            role: "R".into(),
            ..Default::default()
        }
        .build(
            Uuid::new_v4(),
            NaiveDate::from_ymd_opt(2026, 5, 1).expect("date"),
            Utc::now(),
        )
        .expect("valid")
    }

    #[test]
    fn merge_counts_each_kind_apart_and_in_the_singular() {
        // The fixture: 2 applications, 1 reflection, 1 company note.
        let file = read(&fixture()).expect("valid");
        let (once, first) = merge(&AppData::default(), &file.data);
        assert_eq!(first.applications.added, 2);
        assert_eq!(first.reflections.added, 1);
        assert_eq!(first.companies.added, 1);
        assert_eq!(
            first.message(),
            "Merged. Added 2 applications, 1 reflection and 1 company note."
        );
        // The same file again: nothing is new, and the reflection is not an application.
        let (_, again) = merge(&once, &file.data);
        assert_eq!(again.applications.unchanged, 2);
        assert_eq!(again.reflections.unchanged, 1);
        assert_eq!(
            again.message(),
            "Merged. Nothing new: your notebook already had everything in this file. Already up to date (yours were the same or newer): 2 applications, 1 reflection and 1 company note."
        );
    }

    #[test]
    fn replace_keeps_the_backup_date_and_counts_the_file_as_backed_up() {
        let file = read(&fixture()).expect("valid");
        let exported = file.exported_at.expect("the fixture is a dated backup");
        let never = Meta::default();
        let data = replaced(&never, &file);
        assert_eq!(data.meta.last_backup_at, Some(exported));
        assert_eq!(data.meta.changes_since_backup, 0);
        // A later backup of this browser's is not forgotten.
        let later = Meta {
            last_backup_at: Some(exported + chrono::Duration::days(3)),
            changes_since_backup: 9,
        };
        assert_eq!(
            replaced(&later, &file).meta.last_backup_at,
            later.last_backup_at
        );
        // A file with no export date (a plain envelope) is not a backup: keep counting.
        let undated = Preview {
            exported_at: None,
            ..file
        };
        let data = replaced(&later, &undated);
        assert_eq!(data.meta.last_backup_at, later.last_backup_at);
        assert_eq!(data.meta.changes_since_backup, 10);
    }

    #[test]
    fn only_files_that_restore_are_offered() {
        assert!(check_restorable(&fixture()).is_ok());
        // What an empty encoding used to produce: an envelope with nothing after "data".
        let broken = envelope::backup("", Utc::now());
        assert!(check_restorable(&broken).is_err());
        assert!(check_restorable("").is_err());
    }

    #[test]
    fn merge_fills_an_empty_profile_and_keeps_the_users_own() {
        let mut file = AppData::default();
        file.profile.name = "From the file".into();
        let (merged, _) = merge(&AppData::default(), &file);
        assert_eq!(merged.profile.name, "From the file");
        let mut mine = AppData::default();
        mine.profile.signature = "Mine".into();
        let (merged, _) = merge(&mine, &file);
        assert_eq!(merged.profile, mine.profile);
    }

    #[test]
    fn merge_adds_updates_newer_and_skips_older() {
        let mut current = AppData::default();
        let (a, b) = (app("A"), app("B"));
        current.add_application(a.clone());
        current.add_application(b.clone());
        let mut incoming = AppData::default();
        let mut a_newer = a.clone();
        a_newer.notes = "newer".into();
        a_newer.updated_at += chrono::Duration::seconds(10);
        let mut b_older = b.clone();
        b_older.notes = "older".into();
        b_older.updated_at -= chrono::Duration::seconds(10);
        incoming.add_application(a_newer);
        incoming.add_application(b_older);
        incoming.add_application(app("C"));
        let (merged, report) = merge(&current, &incoming);
        assert_eq!(
            report.applications,
            Tally {
                added: 1,
                updated: 1,
                unchanged: 1
            }
        );
        assert_eq!(
            report.message(),
            "Merged. Added 1 application. Updated 1 application (the file's were newer). Already up to date (yours were the same or newer): 1 application."
        );
        assert_eq!(
            merged.meta.changes_since_backup,
            current.meta.changes_since_backup + 2
        );
        assert_eq!(merged.applications.len(), 3);
        assert_eq!(
            merged.application(a.id).map(|x| x.notes.as_str()),
            Some("newer")
        );
        assert_eq!(merged.application(b.id).map(|x| x.notes.as_str()), Some(""));
        assert!(merged.validate().is_ok());
    }
}

/// The backup format, documented as a JSON Schema generated from the Rust types.
#[cfg(test)]
mod schema {
    use crate::model::AppData;
    use chrono::{DateTime, Utc};

    /// The envelope as written by "Download backup" (see `envelope::backup`).
    #[derive(schemars::JsonSchema)]
    #[allow(dead_code)]
    struct BackupFile {
        /// The data format's version; restoring upgrades older versions.
        schema_version: u32,
        /// The Knockback version that wrote the file.
        app_version: String,
        /// When the backup was downloaded.
        exported_at: Option<DateTime<Utc>>,
        saved_at: Option<DateTime<Utc>>,
        revision: Option<u64>,
        data: AppData,
    }

    const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/backup.schema.json");

    #[test]
    fn committed_schema_matches_the_types() {
        let mut schema = schemars::schema_for!(BackupFile);
        schema.insert("title".into(), "Knockback backup".into());
        let text = format!(
            "{}\n",
            serde_json::to_string_pretty(&schema).expect("serializes")
        );
        if std::env::var_os("UPDATE_SCHEMA").is_some() {
            std::fs::write(PATH, &text).expect("write schema");
        }
        let committed = std::fs::read_to_string(PATH).unwrap_or_default();
        assert!(
            committed == text,
            "docs/backup.schema.json is out of date: run `UPDATE_SCHEMA=1 cargo test schema`"
        );
    }
}

/// Property tests: the import path never panics, whatever bytes a file holds.
#[cfg(test)]
mod fuzz {
    use super::*;
    use proptest::prelude::*;

    fn fixture() -> String {
        std::fs::read_to_string(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/tests/fixtures/schema-v1.json"
        ))
        .expect("fixture")
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

        #[test]
        fn any_text_is_refused_or_read_never_a_panic(text in "\\PC{0,400}") {
            let _ = read(&text);
            let _ = crate::model::spreadsheet::import(&text, NaiveDate::MIN, Utc::now());
        }

        #[test]
        fn any_json_shape_is_handled(text in r#"[\[\]{}":,0-9a-z_ \-.]{0,300}"#) {
            let _ = read(&format!(r#"{{"schema_version":1,"data":{text}}}"#));
            let _ = read(&text);
        }

        #[test]
        fn damaged_backups_never_panic(cut in 0usize..4000, at in 0usize..4000, byte in any::<u8>()) {
            let full = fixture();
            let mut bytes = full.clone().into_bytes();
            let at = at % bytes.len();
            bytes[at] = byte;
            let mutated = String::from_utf8_lossy(&bytes).into_owned();
            let _ = read(&mutated);
            // Cut short anywhere before the closing brace, it must be refused, not half-read.
            let chars = full.chars().count();
            let cut = cut % chars;
            let truncated: String = full.chars().take(cut).collect();
            prop_assert!(read(&truncated).is_err() || cut + 2 >= chars);
        }
    }
}

//! Backups: reading a backup file into a preview without touching anything, and
//! combining it with the current data (replace, or merge by id where newer wins).
//!
//! Pure functions: the whole file is parsed and validated here before the UI offers to
//! apply it, and applying is a single swap of the store's data.

use chrono::{DateTime, NaiveDate, Utc};
use std::collections::HashMap;

use super::codec::{self, DecodeError, SCHEMA_VERSION};
use crate::model::AppData;

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

/// Why a file can't be restored, in words for the user.
pub(crate) fn explain(error: &DecodeError) -> String {
    match error {
        DecodeError::NotJson(_) => {
            "This file isn't a Knockback backup: it isn't readable JSON (it may be another kind of file, or cut short).".into()
        }
        DecodeError::NotKnockback(why) => format!("This file isn't a Knockback backup: {why}."),
        DecodeError::FutureVersion(v) => format!(
            "This backup was made by a newer version of Knockback (schema {v}; this one reads up to {SCHEMA_VERSION}). Update Knockback, then restore it."
        ),
        DecodeError::Migration { from, reason } => {
            format!("This backup uses an old format (schema {from}) that couldn't be upgraded: {reason}.")
        }
        DecodeError::Invalid(why) => format!("This backup is damaged, so nothing was restored: {why}."),
    }
}

/// Reads a backup file's text. Never panics, never touches storage.
pub(crate) fn read(text: &str) -> Result<Preview, String> {
    if text.trim().is_empty() {
        return Err("This file is empty.".into());
    }
    let schema_version = schema_version_of(text);
    let decoded = codec::decode(text).map_err(|e| explain(&e))?;
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
        chars: codec::packed_units(text),
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

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct MergeReport {
    pub(crate) added: usize,
    pub(crate) updated: usize,
    pub(crate) skipped: usize,
}

/// Merges `incoming` into `current` by id: new records are added, a record in both is
/// replaced only when the incoming one is newer (`updated_at`), otherwise skipped.
pub(crate) fn merge(current: &AppData, incoming: &AppData) -> (AppData, MergeReport) {
    let mut out = current.clone();
    let mut report = MergeReport::default();
    let index: HashMap<_, _> = out
        .applications
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id, i))
        .collect();
    for app in &incoming.applications {
        match index.get(&app.id) {
            None => {
                out.applications.push(app.clone());
                report.added += 1;
            }
            Some(&i) if app.updated_at > out.applications[i].updated_at => {
                out.applications[i] = app.clone();
                report.updated += 1;
            }
            Some(_) => report.skipped += 1,
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
        // already has a different reflection is skipped rather than duplicated.
        let clash = out
            .reflections
            .iter()
            .any(|x| x.application_id == r.application_id && x.id != r.id);
        match index.get(&r.id) {
            None if clash => report.skipped += 1,
            None => {
                out.reflections.push(r.clone());
                report.added += 1;
            }
            Some(&i) if r.updated_at > out.reflections[i].updated_at => {
                out.reflections[i] = r.clone();
                report.updated += 1;
            }
            Some(_) => report.skipped += 1,
        }
    }
    for c in &incoming.companies {
        match out
            .companies
            .iter_mut()
            .find(|x| crate::model::same_company(&x.name, &c.name))
        {
            None => out.companies.push(c.clone()),
            Some(x) if c.updated_at > x.updated_at => *x = c.clone(),
            Some(_) => {}
        }
    }
    (out, report)
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
            let err = read(&text).expect_err("must fail");
            assert!(err.contains(expect), "{err:?} should mention {expect:?}");
        }
        let dup = full.replace(
            "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d",
            "6f1c2a9e-3b1d-4c8e-9a51-0d2f3c4b5a61",
        );
        assert!(read(&dup)
            .expect_err("duplicate ids")
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
            report,
            MergeReport {
                added: 1,
                updated: 1,
                skipped: 1
            }
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

    /// The envelope as written by "Download backup" (see `codec::backup`).
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

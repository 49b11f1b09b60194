//! The stored envelope: `{ schema_version, app_version, saved_at, revision, data }`.
//!
//! Pure functions from text to data and back, so every rule about what we accept is
//! tested natively. Nothing here panics on any input: bad text becomes a `DecodeError`
//! that says, in plain words, why the data could not be opened.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::Value;
use std::fmt;

use super::migrate;
use crate::model::AppData;

/// The schema this build reads and writes.
pub(crate) const SCHEMA_VERSION: u32 = 1;
pub(crate) const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// A successfully opened envelope.
#[derive(Debug)]
pub(crate) struct Decoded {
    pub(crate) data: AppData,
    /// Bumped on every save; a tab that saw revision N must not overwrite N+1.
    pub(crate) revision: u64,
    /// Set when the data was upgraded from an older schema on the way in.
    pub(crate) migrated_from: Option<u32>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum DecodeError {
    NotJson(String),
    NotKnockback(String),
    FutureVersion(u64),
    Migration { from: u32, reason: String },
    Invalid(String),
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::NotJson(e) => write!(f, "The saved data is not valid JSON ({e})."),
            DecodeError::NotKnockback(why) => {
                write!(
                    f,
                    "The saved data does not look like Knockback data: {why}."
                )
            }
            DecodeError::FutureVersion(v) => write!(
                f,
                "The saved data uses schema version {v}, made by a newer Knockback than this one \
                 (which knows version {SCHEMA_VERSION})."
            ),
            DecodeError::Migration { from, reason } => {
                write!(
                    f,
                    "Upgrading the saved data from schema version {from} failed: {reason}."
                )
            }
            DecodeError::Invalid(why) => write!(f, "The saved data is damaged: {why}."),
        }
    }
}

/// Opens an envelope, upgrading older schemas. Never panics.
pub(crate) fn decode(raw: &str) -> Result<Decoded, DecodeError> {
    // Fast path for the common case, data of the current schema: straight into the Rust
    // types, without building a `Value` tree first (half the work on a big notebook).
    if let Some(decoded) = decode_current(raw) {
        return decoded;
    }
    // serde_json refuses nesting deeper than 128 levels, so hostile input cannot
    // overflow the stack here.
    let value: Value =
        serde_json::from_str(raw).map_err(|e| DecodeError::NotJson(e.to_string()))?;
    let Value::Object(mut envelope) = value else {
        return Err(DecodeError::NotKnockback("it is not a JSON object".into()));
    };
    let version = match envelope.get("schema_version") {
        None => return Err(DecodeError::NotKnockback("it has no schema_version".into())),
        Some(v) => v.as_u64().filter(|v| *v >= 1).ok_or_else(|| {
            DecodeError::NotKnockback("its schema_version is not a positive number".into())
        })?,
    };
    if version > u64::from(SCHEMA_VERSION) {
        return Err(DecodeError::FutureVersion(version));
    }
    // Checked above: 1 <= version <= SCHEMA_VERSION, which is a u32.
    let version = u32::try_from(version).map_err(|_| DecodeError::FutureVersion(version))?;
    let revision = envelope
        .get("revision")
        .and_then(Value::as_u64)
        .unwrap_or(0);
    let data = envelope
        .remove("data")
        .ok_or_else(|| DecodeError::NotKnockback("it has no data".into()))?;
    let data = migrate::upgrade(migrate::MIGRATIONS, version, SCHEMA_VERSION, data)
        .map_err(|(from, reason)| DecodeError::Migration { from, reason })?;
    let data: AppData =
        serde_json::from_value(data).map_err(|e| DecodeError::Invalid(e.to_string()))?;
    data.validate().map_err(DecodeError::Invalid)?;
    Ok(Decoded {
        data,
        revision,
        migrated_from: (version < SCHEMA_VERSION).then_some(version),
    })
}

/// Reads `schema_version` and `revision` from the envelope's head as written by `wrap`
/// (`{"schema_version":N,…,"revision":N,"data"…`). `None` when the text isn't shaped
/// that way, and the caller falls back to a full parse.
fn peek_head(raw: &str) -> Option<Option<u64>> {
    let head = raw.get(..raw.find("\"data\":").or_else(|| raw.find("\"sealed\":"))?)?;
    if head.len() > 400 || !head.starts_with("{\"schema_version\":") {
        return None;
    }
    let number_after = |key: &str| -> Option<u64> {
        let rest = &head[head.find(key)? + key.len()..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        digits.parse().ok()
    };
    let version = number_after("\"schema_version\":")?;
    let revision = number_after("\"revision\":")?;
    Some((version == u64::from(SCHEMA_VERSION)).then_some(revision))
}

/// Decodes an envelope of the current schema directly; `None` when it is anything else
/// (another version, not an envelope, not JSON), which the general path then explains.
fn decode_current(raw: &str) -> Option<Result<Decoded, DecodeError>> {
    #[derive(Deserialize)]
    struct Current {
        schema_version: u64,
        revision: Option<u64>,
        data: AppData,
    }
    let env: Current = serde_json::from_str(raw).ok()?;
    if env.schema_version != u64::from(SCHEMA_VERSION) {
        return None;
    }
    Some(match env.data.validate() {
        Ok(()) => Ok(Decoded {
            data: env.data,
            revision: env.revision.unwrap_or(0),
            migrated_from: None,
        }),
        Err(e) => Err(DecodeError::Invalid(e)),
    })
}

/// Serialises the user's data alone. The store compares this text with the last one
/// written, so an unchanged state is never written again.
pub(crate) fn encode_data(data: &AppData) -> Result<String, String> {
    serde_json::to_string(data).map_err(|e| e.to_string())
}

/// Wraps already-serialised data in the envelope, without serialising it a second time.
pub(crate) fn wrap(data_json: &str, revision: u64, saved_at: DateTime<Utc>) -> String {
    format!(
        "{{\"schema_version\":{SCHEMA_VERSION},\"app_version\":\"{APP_VERSION}\",\"saved_at\":\"{}\",\"revision\":{revision},\"data\":{data_json}}}",
        saved_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true)
    )
}

/// A backup file: the same envelope, plus when it was exported. Restoring reads it with
/// [`decode`], so a backup is also a valid stored envelope.
pub(crate) fn backup(data_json: &str, exported_at: DateTime<Utc>) -> String {
    let at = exported_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    format!(
        "{{\"schema_version\":{SCHEMA_VERSION},\"app_version\":\"{APP_VERSION}\",\"exported_at\":\"{at}\",\"saved_at\":\"{at}\",\"revision\":0,\"data\":{data_json}}}"
    )
}

/// Reads just the revision of a stored envelope of the current schema, to detect a newer
/// save by another tab. `None` means the text is not an envelope this build may replace.
pub(crate) fn peek_revision(raw: &str) -> Option<u64> {
    // Knockback writes the envelope's small fields before `data`/`sealed`, so the head
    // is enough; reading only it keeps every save from re-parsing the whole notebook.
    if let Some(rev) = peek_head(raw) {
        return rev;
    }
    #[derive(Deserialize)]
    struct Head {
        schema_version: u64,
        revision: Option<u64>,
    }
    serde_json::from_str::<Head>(raw)
        .ok()
        .filter(|h| h.schema_version == u64::from(SCHEMA_VERSION))
        .map(|h| h.revision.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ApplicationDraft;
    use chrono::NaiveDate;
    use uuid::Uuid;

    fn fixture(version: u32) -> String {
        let path = format!(
            "{}/tests/fixtures/schema-v{version}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {path}: {e}"))
    }

    fn sample() -> AppData {
        let mut data = AppData::default();
        let draft = ApplicationDraft {
            company: "Ünïcødé 🏢 شركة".into(),
            role: "Line\u{2028}separator".into(),
            notes: "x".repeat(100_000),
            ..Default::default()
        };
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).expect("date");
        data.add_application(
            draft
                .build(Uuid::new_v4(), today, Utc::now())
                .expect("valid"),
        );
        data
    }

    #[test]
    fn every_schema_version_has_a_fixture_that_loads() {
        for version in 1..=SCHEMA_VERSION {
            let decoded = decode(&fixture(version)).unwrap_or_else(|e| panic!("v{version}: {e}"));
            assert!(
                !decoded.data.applications.is_empty(),
                "v{version} fixture is empty"
            );
            let expect_migrated = (version < SCHEMA_VERSION).then_some(version);
            assert_eq!(decoded.migrated_from, expect_migrated);
        }
    }

    #[test]
    fn v1_fixture_content() {
        let d = decode(&fixture(1)).expect("loads");
        assert_eq!(d.revision, 7);
        let acme = &d.data.applications[0];
        assert_eq!(acme.company, "Acme Corp");
        assert_eq!(acme.stage(), crate::model::Stage::Rejected);
        assert_eq!(acme.history.len(), 3);
        assert_eq!(acme.interviews.len(), 1);
        assert_eq!(acme.feedback.went_well.len(), 3);
        assert_eq!(d.data.reflections.len(), 1);
        assert_eq!(d.data.reflections[0].confidence.rating, Some(6));
    }

    #[test]
    fn round_trip_is_exact_for_hard_text() {
        let data = sample();
        let json = encode_data(&data).expect("encodes");
        let raw = wrap(&json, 3, Utc::now());
        let back = decode(&raw).expect("decodes");
        assert_eq!(back.data, data);
        assert_eq!(back.revision, 3);
        assert_eq!(peek_revision(&raw), Some(3));
        assert_eq!(
            peek_revision(r#"{"schema_version":2,"revision":9,"data":{}}"#),
            None
        );
        assert_eq!(peek_revision("not json"), None);
    }

    #[test]
    fn not_json_is_refused() {
        for raw in [
            "",
            "{",
            "\u{89}PNG\r\n",
            "{\"schema_version\":1,\"data\":{}",
        ] {
            assert!(
                matches!(decode(raw), Err(DecodeError::NotJson(_))),
                "{raw:?}"
            );
        }
    }

    #[test]
    fn other_json_is_refused_with_a_reason() {
        for raw in [
            "[]",
            "42",
            "{}",
            r#"{"schema_version":"1","data":{}}"#,
            r#"{"schema_version":0,"data":{}}"#,
            r#"{"schema_version":1}"#,
        ] {
            assert!(
                matches!(decode(raw), Err(DecodeError::NotKnockback(_))),
                "{raw}"
            );
        }
    }

    #[test]
    fn future_version_is_refused() {
        let raw = r#"{"schema_version":99,"data":{"whatever":true}}"#;
        assert_eq!(
            decode(raw).expect_err("future"),
            DecodeError::FutureVersion(99)
        );
        let huge = r#"{"schema_version":18446744073709551615,"data":{}}"#;
        assert!(matches!(decode(huge), Err(DecodeError::FutureVersion(_))));
        assert!(DecodeError::FutureVersion(99)
            .to_string()
            .contains("newer Knockback"));
    }

    #[test]
    fn wrong_types_and_broken_invariants_are_invalid() {
        let wrong = r#"{"schema_version":1,"data":{"applications":"nope"}}"#;
        assert!(matches!(decode(wrong), Err(DecodeError::Invalid(_))));
        let data = sample();
        let mut twice = data.clone();
        twice.applications.push(data.applications[0].clone());
        let raw = wrap(&encode_data(&twice).expect("encodes"), 1, Utc::now());
        assert!(matches!(decode(&raw), Err(DecodeError::Invalid(e)) if e.contains("share the id")));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let raw = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(matches!(decode(&raw), Err(DecodeError::NotJson(_))));
    }

    #[test]
    fn empty_data_object_is_an_empty_notebook() {
        let d = decode(r#"{"schema_version":1,"data":{}}"#).expect("loads");
        assert_eq!(d.data, AppData::default());
        assert_eq!(d.revision, 0);
    }
}

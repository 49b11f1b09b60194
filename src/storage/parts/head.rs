//! The head: the one small key that says which parts make the notebook now.
//!
//! `{"schema_version":4,"app_version":…,"saved_at":…,"revision":N,"save":"N-tab",
//! "parts":{manifest}}`, or with `"sealed":{…}` (the manifest, encrypted) under the
//! lock. The revision and save id stay readable, so another tab can tell a newer save
//! without the key.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

use super::STORED_SCHEMA;
use crate::error::{DecodeError, EncodeError};
use crate::storage::envelope::APP_VERSION;
use crate::storage::sealed::Sealed;

/// One stored part: its key and, under the lock, the IV it was sealed with (fresh for
/// every write, so it names that one write).
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct PartRef {
    pub(crate) key: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(crate) iv: String,
}

impl PartRef {
    /// No part: a head from before the summary was stored names none.
    pub(crate) fn is_none(&self) -> bool {
        self.key.is_empty()
    }
}

/// Every part of one save, in order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct Manifest {
    pub(crate) applications: Vec<PartRef>,
    pub(crate) reflections: Vec<PartRef>,
    pub(crate) companies: Vec<PartRef>,
    /// Meta and profile.
    pub(crate) rest: PartRef,
    /// The dashboard's summary (`model::summary`), read first at start-up. Derived
    /// from the rest, so a head without one (an earlier build of schema 4) is whole.
    #[serde(default, skip_serializing_if = "PartRef::is_none")]
    pub(crate) summary: PartRef,
}

impl Manifest {
    /// Every part, streams in order, then the rest and the summary: the order
    /// `loading` reads them in.
    pub(crate) fn all(&self) -> impl Iterator<Item = &PartRef> {
        self.applications
            .iter()
            .chain(&self.reflections)
            .chain(&self.companies)
            .chain(std::iter::once(&self.rest))
            .chain(std::iter::once(&self.summary).filter(|r| !r.is_none()))
    }
}

/// What the head holds past its revision.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Body {
    Plain(Manifest),
    /// The manifest's JSON, sealed.
    Sealed(Sealed),
}

#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Head {
    pub(crate) revision: u64,
    /// `<revision>-<tab>`: tells this tab's save from another's of the same revision.
    pub(crate) save: String,
    pub(crate) body: Body,
}

/// The head's text.
pub(crate) fn write(head: &Head, saved_at: DateTime<Utc>) -> Result<String, EncodeError> {
    let json = |r: Result<String, serde_json::Error>| r.map_err(|e| EncodeError(e.to_string()));
    let body = match &head.body {
        Body::Plain(m) => format!("\"parts\":{}", json(serde_json::to_string(m))?),
        Body::Sealed(s) => format!("\"sealed\":{}", json(serde_json::to_string(s))?),
    };
    let save = json(serde_json::to_string(&head.save))?;
    Ok(format!(
        "{{\"schema_version\":{STORED_SCHEMA},\"app_version\":\"{APP_VERSION}\",\"saved_at\":\"{}\",\"revision\":{},\"save\":{save},{body}}}",
        saved_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true),
        head.revision,
    ))
}

/// Reads a head. `None` when the text is not a schema-4 head (an older single-key
/// notebook, or something else, for `envelope::decode` to judge).
pub(crate) fn read(raw: &str) -> Option<Result<Head, DecodeError>> {
    #[derive(Deserialize)]
    struct Version {
        schema_version: Option<serde_json::Value>,
    }
    #[derive(Deserialize)]
    struct Raw {
        revision: u64,
        save: String,
        parts: Option<Manifest>,
        sealed: Option<Sealed>,
    }
    // Only a small text is a head: a big one is an older notebook, not worth parsing twice.
    const OURS: &str = "{\"schema_version\":";
    if raw.len() > 1 << 20
        || !raw.starts_with('{')
        || raw.starts_with(OURS) && !raw[OURS.len()..].starts_with("4,")
    {
        return None;
    }
    let version = serde_json::from_str::<Version>(raw).ok()?.schema_version?;
    if version.as_u64() != Some(u64::from(STORED_SCHEMA)) {
        return None;
    }
    let bad = |why: String| DecodeError::Invalid(format!("its list of parts is damaged ({why})"));
    Some(match serde_json::from_str::<Raw>(raw) {
        Ok(Raw {
            revision,
            save,
            parts: Some(m),
            sealed: None,
        }) => Ok(Head {
            revision,
            save,
            body: Body::Plain(m),
        }),
        Ok(Raw {
            revision,
            save,
            parts: None,
            sealed: Some(s),
        }) => Ok(Head {
            revision,
            save,
            body: Body::Sealed(s),
        }),
        Ok(_) => Err(bad("it names no parts".into())),
        Err(e) => Err(bad(e.to_string())),
    })
}

/// The revision and save id of a head, read without the manifest; `None` for anything
/// that isn't a readable head.
pub(crate) fn peek(raw: &str) -> Option<(u64, String)> {
    #[derive(Deserialize)]
    struct Ids {
        schema_version: u64,
        revision: u64,
        save: String,
    }
    let ids: Ids = serde_json::from_str(raw).ok()?;
    (ids.schema_version == u64::from(STORED_SCHEMA)).then_some((ids.revision, ids.save))
}

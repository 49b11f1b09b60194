//! The stored envelope: `{ schema_version, app_version, saved_at, revision, data }`.
//!
//! In localStorage the `data` is kept *packed* (see `packing`) under `packed` instead,
//! which halves the space it takes; backups and exports carry plain `data`; a locked
//! notebook carries `sealed` (see `sealed`). All three share the one head writer here.
//!
//! Pure functions from text to data and back, so every rule about what we accept is
//! tested natively (`codec_tests`). Nothing here panics on any input: bad text becomes a
//! `DecodeError` that says, in plain words, why the data could not be opened.

use chrono::{DateTime, Utc};
use serde::Deserialize;
use serde_json::Value;

pub(crate) use crate::error::DecodeError;

use super::migrate;
use super::packing::unpack;
use crate::model::AppData;

/// The schema this build reads and writes.
///
/// 2: the stored envelope keeps its data packed (`packed`, not `data`).
/// The data itself is unchanged, so the step from 1 is the identity; the number still
/// moves so an older build reports "made by a newer Knockback" instead of "damaged".
///
/// 3: new optional fields (salary range and currency, closing date and priority on an
/// application; start time, time zone and place on an interview round; the reply date
/// of a feedback request; the user's profile). Older data simply lacks them, so the
/// step from 2 is the identity too; the number moves because a schema-2 build would
/// read schema-3 data and silently drop those fields on its next save. It must refuse
/// it as "newer" instead.
pub(crate) const SCHEMA_VERSION: u32 = 3;
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
    let data = match (envelope.remove("data"), envelope.remove("packed")) {
        (Some(data), _) => data,
        (None, Some(Value::String(packed))) => {
            let json = unpack(&packed).ok_or_else(|| {
                DecodeError::Invalid("its packed data has characters Knockback never writes".into())
            })?;
            serde_json::from_str(&json).map_err(|e| DecodeError::Invalid(e.to_string()))?
        }
        (None, _) => return Err(DecodeError::NotKnockback("it has no data".into())),
    };
    let data = migrate::upgrade(migrate::MIGRATIONS, version, SCHEMA_VERSION, data)?;
    // From text, as the parts are read, not `from_value`: a second kind of deserializer
    // compiled every stored type's `Deserialize` a second time into the first download.
    // Only older single-key notebooks and restores come this way, so the extra print of
    // the tree costs a few milliseconds where it happens at all.
    let data: AppData =
        serde_json::from_str(&data.to_string()).map_err(|e| DecodeError::Invalid(e.to_string()))?;
    data.validate()
        .map_err(|e| DecodeError::Invalid(e.to_string()))?;
    Ok(Decoded {
        data,
        revision,
        migrated_from: (version < SCHEMA_VERSION).then_some(version),
    })
}

/// Reads `schema_version` and `revision` from the envelope's head as written by `wrap`
/// (`{"schema_version":N,…,"revision":N,"data"…`). `None` when the text isn't shaped
/// that way, and the caller falls back to a full parse.
pub(crate) fn peek_head(raw: &str) -> Option<Option<u64>> {
    let head = raw.get(..head_end(raw)?)?;
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
    Some(readable_version(version).then_some(revision))
}

/// Where the envelope's head ends: the start of `packed`, `data` or `sealed`, whichever
/// `wrap_packed`, `wrap` or `sealed::wrap` wrote. Only the first 400 bytes are searched.
fn head_end(raw: &str) -> Option<usize> {
    let window = raw.get(..raw.len().min(400)).unwrap_or(raw);
    ["\"packed\":\"", "\"data\":", "\"sealed\":"]
        .iter()
        .filter_map(|key| window.find(key))
        .min()
}

/// True when the head, as Knockback writes it, goes on to plain or packed data (not a
/// passphrase-locked `sealed` part).
pub(crate) fn head_says_unsealed(raw: &str) -> bool {
    raw.starts_with("{\"schema_version\":")
        && head_end(raw).is_some_and(|i| {
            raw[i..].starts_with("\"packed\":") || raw[i..].starts_with("\"data\":")
        })
}

/// Versions this build reads (older ones are upgraded), and so may replace when saving.
pub(crate) fn readable_version(version: u64) -> bool {
    (1..=u64::from(SCHEMA_VERSION)).contains(&version)
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
    let (data, revision) = match packed_part(raw) {
        // What `wrap_packed` wrote: unpack and parse the data alone.
        Some((packed, revision)) => {
            let data = serde_json::from_str::<AppData>(&unpack(packed)?).ok()?;
            (data, revision)
        }
        None => {
            let env: Current = serde_json::from_str(raw).ok()?;
            if env.schema_version != u64::from(SCHEMA_VERSION) {
                return None;
            }
            (env.data, env.revision.unwrap_or(0))
        }
    };
    Some(match data.validate() {
        Ok(()) => Ok(Decoded {
            data,
            revision,
            migrated_from: None,
        }),
        Err(e) => Err(DecodeError::Invalid(e.to_string())),
    })
}

/// The packed text and revision of an envelope exactly as `wrap_packed` writes it, found
/// without parsing: packed text never contains `"` or `\\`, so it runs to the closing `"}`.
fn packed_part(raw: &str) -> Option<(&str, u64)> {
    const KEY: &str = "\"packed\":\"";
    let start = head_end(raw)?;
    let revision = peek_head(raw)?.filter(|_| raw[start..].starts_with(KEY))?;
    if !raw.starts_with(&format!("{{\"schema_version\":{SCHEMA_VERSION},")) {
        return None;
    }
    let packed = raw.get(start + KEY.len()..)?.strip_suffix("\"}")?;
    Some((packed, revision))
}

/// Everything an envelope has before its data: the one place its head is written, for
/// the stored notebook (`wrap`, `packed_head_and_tail`), backups (`backup`) and locks
/// (`sealed::wrap`). The peeks above depend on exactly this shape.
pub(crate) fn head(
    revision: u64,
    saved_at: DateTime<Utc>,
    exported_at: Option<DateTime<Utc>>,
) -> String {
    let stamp = |t: DateTime<Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let exported = exported_at
        .map(|t| format!("\"exported_at\":\"{}\",", stamp(t)))
        .unwrap_or_default();
    format!(
        "{{\"schema_version\":{SCHEMA_VERSION},\"app_version\":\"{APP_VERSION}\",{exported}\"saved_at\":\"{}\",\"revision\":{revision},",
        stamp(saved_at)
    )
}

/// The stored envelope's text before and after its packed data, as builds before the
/// notebook in parts (`parts`) stored it; tests make such notebooks with it.
#[cfg(test)]
pub(crate) fn packed_head_and_tail(
    revision: u64,
    saved_at: DateTime<Utc>,
) -> (String, &'static str) {
    let mut head = head(revision, saved_at, None);
    head.push_str("\"packed\":\"");
    (head, "\"}")
}

/// Wraps already-serialised data in the envelope, without serialising it a second time.
pub(crate) fn wrap(data_json: &str, revision: u64, saved_at: DateTime<Utc>) -> String {
    let mut out = head(revision, saved_at, None);
    out.reserve(data_json.len() + 10);
    out.push_str("\"data\":");
    out.push_str(data_json);
    out.push('}');
    out
}

/// A backup file: the same envelope, plus when it was exported. Restoring reads it with
/// [`decode`], so a backup is also a valid stored envelope.
pub(crate) fn backup(data_json: &str, exported_at: DateTime<Utc>) -> String {
    let mut out = head(0, exported_at, Some(exported_at));
    out.push_str("\"data\":");
    out.push_str(data_json);
    out.push('}');
    out
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
        .filter(|h| readable_version(h.schema_version))
        .map(|h| h.revision.unwrap_or(0))
}

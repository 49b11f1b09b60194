//! The stored envelope: `{ schema_version, app_version, saved_at, revision, data }`.
//!
//! In localStorage the `data` is kept *packed* (see [`pack_piece`]) under `packed` instead,
//! which halves the space it takes; backups and exports carry plain `data`. Both decode.
//!
//! Pure functions from text to data and back, so every rule about what we accept is
//! tested natively. Nothing here panics on any input: bad text becomes a `DecodeError`
//! that says, in plain words, why the data could not be opened.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::HashMap;
use std::fmt;
use uuid::Uuid;

use super::migrate;
use crate::model::{AppData, Application, Reflection};

/// The schema this build reads and writes.
///
/// 2: the stored envelope keeps its data packed (`packed`, not `data`).
/// The data itself is unchanged, so the step from 1 is the identity; the number still
/// moves so an older build reports "made by a newer Knockback" instead of "damaged".
pub(crate) const SCHEMA_VERSION: u32 = 2;
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
        Err(e) => Err(DecodeError::Invalid(e)),
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

/// Serialises the user's data alone. The store compares this text with the last one
/// written, so an unchanged state is never written again.
pub(crate) fn encode_data(data: &AppData) -> Result<String, String> {
    serde_json::to_string(data).map_err(|e| e.to_string())
}

/// Serialises the user's data, reusing the text of every application and reflection
/// that is unchanged since the previous call: as JSON ([`Encoder::encode`], byte for
/// byte what [`encode_data`] writes) and packed for storage ([`Encoder::encode_packed`]).
///
/// Why: an edit touches one or two records, yet serialising and packing all of them
/// was most of the time a save took with 1,000 applications stored (see the README's
/// benchmark). Comparing a record with its cached copy is far cheaper.
///
/// `P` is what a packed piece becomes for the caller: bytes here and in tests, a JS
/// string in the browser (so unchanged records never cross into JS again).
pub(crate) struct Encoder<P = Vec<u8>> {
    applications: Vec<(Uuid, Cached<Application, P>)>,
    reflections: Vec<(Uuid, Cached<Reflection, P>)>,
    /// Makes a piece from packed UTF-16LE bytes.
    make: fn(Vec<u8>) -> Result<P, String>,
    /// `{"applications":[`, `,` and `],"reflections":[`, made once.
    fixed: Option<[P; 3]>,
    /// Numbers each packed record, for [`Signature`].
    next_piece: u64,
    /// The length of the last JSON output, so the next one is allocated once.
    last_len: usize,
}

struct Cached<T, P> {
    value: T,
    json: String,
    /// `json` packed (see [`pack_piece`]) and numbered, made the first time it is needed.
    packed: Option<(u64, P)>,
}

/// The stored data as pieces to join, in order, and their [`Signature`].
pub(crate) struct Packed<P> {
    pub(crate) pieces: Vec<P>,
    pub(crate) signature: Signature,
}

/// Equal for two [`Packed`] from one encoder exactly when their joined text is equal:
/// the numbers of the record pieces, in order, and the rest of the text.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Signature {
    records: Vec<u64>,
    rest: String,
}

impl Default for Encoder<Vec<u8>> {
    fn default() -> Self {
        Encoder::new(Ok)
    }
}

impl<P: Clone> Encoder<P> {
    pub(crate) fn new(make: fn(Vec<u8>) -> Result<P, String>) -> Self {
        Encoder {
            applications: Vec::new(),
            reflections: Vec::new(),
            make,
            fixed: None,
            next_piece: 0,
            last_len: 0,
        }
    }

    pub(crate) fn encode(&mut self, data: &AppData) -> Result<String, String> {
        // Mirrors the field order of `AppData`'s derived `Serialize`; a test checks the
        // output equals `encode_data`'s for every kind of change.
        let mut out = String::with_capacity(self.last_len + 1024);
        out.push_str("{\"applications\":[");
        let ids = |a: &Application| a.id;
        cached_records(
            &mut self.applications,
            &data.applications,
            ids,
            json_into(&mut out),
        )?;
        out.push_str("],\"reflections\":[");
        let ids = |r: &Reflection| r.id;
        cached_records(
            &mut self.reflections,
            &data.reflections,
            ids,
            json_into(&mut out),
        )?;
        out.push_str(&companies_and_meta(data)?);
        self.last_len = out.len();
        Ok(out)
    }

    /// The data as the stored envelope's `packed` text (see [`pack_piece`]), in
    /// pieces to join. Each record is packed on its own, padded with a space (JSON
    /// whitespace) to a whole number of units, so its piece can be reused.
    pub(crate) fn encode_packed(&mut self, data: &AppData) -> Result<Packed<P>, String> {
        let make = self.make;
        let [open, comma, middle] = match &self.fixed {
            Some(fixed) => fixed.clone(),
            None => {
                let fixed = [
                    make(pack_piece("{\"applications\":["))?,
                    make(pack_piece(","))?,
                    make(pack_piece("],\"reflections\":["))?,
                ];
                self.fixed = Some(fixed.clone());
                fixed
            }
        };
        let mut out = PieceSink {
            make,
            comma,
            next: &mut self.next_piece,
            pieces: Vec::with_capacity(2 * (data.applications.len() + data.reflections.len()) + 4),
            records: Vec::with_capacity(data.applications.len() + data.reflections.len() + 1),
        };
        out.pieces.push(open);
        cached_records(
            &mut self.applications,
            &data.applications,
            |a| a.id,
            |c, first| out.record(&mut c.packed, &c.json, first),
        )?;
        // Marks where the applications end, for the signature.
        out.records.push(0);
        out.pieces.push(middle);
        cached_records(
            &mut self.reflections,
            &data.reflections,
            |r| r.id,
            |c, first| out.record(&mut c.packed, &c.json, first),
        )?;
        let PieceSink {
            mut pieces,
            records,
            ..
        } = out;
        let rest = companies_and_meta(data)?;
        pieces.push(make(pack_piece(&rest))?);
        Ok(Packed {
            pieces,
            signature: Signature { records, rest },
        })
    }
}

/// Appends each record's JSON to `out`, comma-separated, for [`cached_records`].
fn json_into<T, P>(
    out: &mut String,
) -> impl FnMut(&mut Cached<T, P>, bool) -> Result<(), String> + '_ {
    move |c, first| {
        if !first {
            out.push(',');
        }
        out.push_str(&c.json);
        Ok(())
    }
}

/// Collects the pieces of one [`Encoder::encode_packed`].
struct PieceSink<'a, P> {
    make: fn(Vec<u8>) -> Result<P, String>,
    comma: P,
    next: &'a mut u64,
    pieces: Vec<P>,
    records: Vec<u64>,
}

impl<P: Clone> PieceSink<'_, P> {
    /// Adds a record's piece (packing and numbering it if it is new), after a comma
    /// unless it is the first.
    fn record(
        &mut self,
        packed: &mut Option<(u64, P)>,
        json: &str,
        first: bool,
    ) -> Result<(), String> {
        if !first {
            self.pieces.push(self.comma.clone());
        }
        let (number, piece) = match packed {
            Some(done) => done.clone(),
            None => {
                *self.next += 1;
                let done = (*self.next, (self.make)(pack_piece(json))?);
                *packed = Some(done.clone());
                done
            }
        };
        self.records.push(number);
        self.pieces.push(piece);
        Ok(())
    }
}

/// The end of the data's JSON: `],"companies":[…],"meta":{…}}`.
fn companies_and_meta(data: &AppData) -> Result<String, String> {
    let companies = serde_json::to_string(&data.companies).map_err(|e| e.to_string())?;
    let meta = serde_json::to_string(&data.meta).map_err(|e| e.to_string())?;
    Ok(format!("],\"companies\":{companies},\"meta\":{meta}}}"))
}

/// Walks `items` in order, handing `emit` each record's cache entry (refreshed when
/// the record changed) and whether it is the first; afterwards the cache holds exactly
/// the records in `items`, in their order.
///
/// Records rarely move, so each is looked for at its old position first; the id map
/// is built only when one has moved (hashing every id on every save cost more than
/// the comparisons).
fn cached_records<T: Clone + PartialEq + Serialize, P>(
    cache: &mut Vec<(Uuid, Cached<T, P>)>,
    items: &[T],
    id: impl Fn(&T) -> Uuid,
    mut emit: impl FnMut(&mut Cached<T, P>, bool) -> Result<(), String>,
) -> Result<(), String> {
    let mut old: Vec<Option<(Uuid, Cached<T, P>)>> =
        std::mem::take(cache).into_iter().map(Some).collect();
    let mut positions: Option<HashMap<Uuid, usize>> = None;
    let mut next = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let key = id(item);
        let at = if old
            .get(i)
            .and_then(Option::as_ref)
            .is_some_and(|(k, _)| *k == key)
        {
            Some(i)
        } else {
            positions
                .get_or_insert_with(|| {
                    old.iter()
                        .enumerate()
                        .filter_map(|(j, o)| o.as_ref().map(|(k, _)| (*k, j)))
                        .collect()
                })
                .get(&key)
                .copied()
        };
        let mut entry = match at.and_then(|j| old.get_mut(j)?.take()) {
            Some((_, c)) if c.value == *item => c,
            _ => Cached {
                value: item.clone(),
                json: serde_json::to_string(item).map_err(|e| e.to_string())?,
                packed: None,
            },
        };
        emit(&mut entry, i == 0)?;
        next.push((key, entry));
    }
    *cache = next;
    Ok(())
}

/// Wraps already-serialised data in the envelope, without serialising it a second time.
pub(crate) fn wrap(data_json: &str, revision: u64, saved_at: DateTime<Utc>) -> String {
    let mut out = head(revision, saved_at, data_json.len() + 10);
    out.push_str("\"data\":");
    out.push_str(data_json);
    out.push('}');
    out
}

/// The stored envelope around packed data, as UTF-16LE bytes, for tests.
#[cfg(test)]
pub(crate) fn wrap_packed_utf16(
    packed_data: &[u8],
    revision: u64,
    saved_at: DateTime<Utc>,
) -> Vec<u8> {
    let (head, tail) = packed_head_and_tail(revision, saved_at);
    let mut out = Vec::with_capacity((head.len() + tail.len()) * 2 + packed_data.len());
    // The head and tail are ASCII: in UTF-16LE each character is its byte and a zero.
    out.extend(head.bytes().flat_map(|b| [b, 0]));
    out.extend_from_slice(packed_data);
    out.extend(tail.bytes().flat_map(|b| [b, 0]));
    out
}

/// Everything an envelope has before its data, with room for `more` bytes after it.
fn head(revision: u64, saved_at: DateTime<Utc>, more: usize) -> String {
    let at = saved_at.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
    let head = format!(
        "{{\"schema_version\":{SCHEMA_VERSION},\"app_version\":\"{APP_VERSION}\",\"saved_at\":\"{at}\",\"revision\":{revision},"
    );
    let mut out = String::with_capacity(head.len() + more);
    out.push_str(&head);
    out
}

/// The stored envelope's text before and after its packed data.
pub(crate) fn packed_head_and_tail(
    revision: u64,
    saved_at: DateTime<Utc>,
) -> (String, &'static str) {
    let mut head = head(revision, saved_at, 16);
    head.push_str("\"packed\":\"");
    (head, "\"}")
}

/// Packs JSON text for localStorage, two bytes to a character: ASCII bytes `a`, `b`
/// become the single UTF-16 unit `a << 8 | b`.
///
/// Why: browsers count localStorage in UTF-16 units, and JSON is nearly all ASCII, so
/// plain JSON spends two bytes of quota on each one-byte character. Packed, 1,000
/// applications with full reflections take half the space (see the README's
/// benchmark), so three times as many fit before the browser's 5 M-unit limit.
///
/// Every unit lies in U+2020..=U+7F7F: never a surrogate, a control character, `"` or
/// `\\`, so the packed text can sit in a JSON string as it is. Non-ASCII characters,
/// which valid JSON has only inside strings, are written as `\\uXXXX` escapes first;
/// an odd length is padded with a space, which JSON ignores.
///
/// Returned as UTF-16LE bytes: the browser makes its string from those with a plain
/// copy, where UTF-8 made of 3-byte characters costs a full decode on each side
/// (measured: this halved a save's time with 1,000 applications stored). Being whole
/// units, pieces packed apart can simply be joined.
pub(crate) fn pack_piece(json: &str) -> Vec<u8> {
    let escaped;
    let ascii = if is_printable_ascii(json.as_bytes()) {
        json.as_bytes()
    } else {
        escaped = ascii_json(json);
        escaped.as_slice()
    };
    let mut out = vec![0u8; ascii.len().div_ceil(2) * 2];
    // A packed unit is `a << 8 | b`; little-endian, that is the pair with its bytes
    // swapped. Eight bytes at a time, as a first save packs the whole notebook.
    let full = ascii.len() / 8 * 8;
    for (dst, src) in out[..full]
        .chunks_exact_mut(8)
        .zip(ascii[..full].chunks_exact(8))
    {
        let x = u64::from_le_bytes([
            src[0], src[1], src[2], src[3], src[4], src[5], src[6], src[7],
        ]);
        let swapped = (x & 0x00ff_00ff_00ff_00ff) << 8 | (x >> 8) & 0x00ff_00ff_00ff_00ff;
        // Byte by byte: `copy_from_slice` stays a call per word at opt-level "z".
        for (d, b) in dst.iter_mut().zip(swapped.to_le_bytes()) {
            *d = b;
        }
    }
    for (dst, pair) in out[full..].chunks_exact_mut(2).zip(ascii[full..].chunks(2)) {
        dst[0] = pair.get(1).copied().unwrap_or(b' ');
        dst[1] = pair[0];
    }
    out
}

/// The stored envelope as a Rust string, for tests.
#[cfg(test)]
pub(crate) fn wrap_packed(data_json: &str, revision: u64, saved_at: DateTime<Utc>) -> String {
    utf16le_text(&wrap_packed_utf16(
        &pack_piece(data_json),
        revision,
        saved_at,
    ))
}

/// UTF-16LE bytes as a Rust string, for tests.
#[cfg(test)]
pub(crate) fn utf16le_text(bytes: &[u8]) -> String {
    let units: Vec<u16> = bytes
        .chunks_exact(2)
        .map(|p| u16::from_le_bytes([p[0], p[1]]))
        .collect();
    String::from_utf16_lossy(&units)
}

/// The packed text alone, for tests.
#[cfg(test)]
pub(crate) fn pack_into(json: &str, out: &mut String) {
    let text = wrap_packed(json, 0, DateTime::<Utc>::MIN_UTC);
    let start = text.find("\"packed\":\"").map_or(0, |i| i + 10);
    out.push_str(text.get(start..text.len() - 2).unwrap_or_default());
}

/// True when every byte is printable ASCII (or DEL), which packs as it is.
fn is_printable_ascii(bytes: &[u8]) -> bool {
    // Eight bytes at a time, as this scans the whole notebook every save: no byte may
    // have its top bit, and each must have bit 5 or 6 (so is at least 0x20).
    const TOP: u64 = 0x8080_8080_8080_8080;
    const BITS_5_6: u64 = 0x6060_6060_6060_6060;
    const LOW: u64 = 0x0101_0101_0101_0101;
    let mut chunks = bytes.chunks_exact(8);
    let words_ok = chunks.all(|c| {
        let x = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
        let t = x & BITS_5_6;
        x & TOP == 0 && ((t >> 5) | (t >> 6)) & LOW == LOW
    });
    // 0x20..=0x7f as one comparison: `RangeInclusive::contains` stays a call per byte
    // at opt-level "z".
    words_ok
        && chunks
            .remainder()
            .iter()
            .all(|&b| b.wrapping_sub(0x20) < 0x60)
}

/// `json` as printable ASCII: other characters become `\\uXXXX` escapes (valid JSON
/// has them only inside strings), and tab, CR and LF (outside strings) become spaces.
fn ascii_json(json: &str) -> Vec<u8> {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut bytes = Vec::with_capacity(json.len() + json.len() / 4);
    for c in json.chars() {
        match c {
            ' '..='\u{7f}' => bytes.push(c as u8),
            '\t' | '\n' | '\r' => bytes.push(b' '),
            _ => {
                let mut units = [0u16; 2];
                for &mut unit in c.encode_utf16(&mut units) {
                    bytes.extend_from_slice(b"\\u");
                    for shift in [12, 8, 4, 0] {
                        bytes.push(HEX[usize::from((unit >> shift) & 0xf)]);
                    }
                }
            }
        }
    }
    bytes
}

/// How many UTF-16 units `json` takes once packed: half its ASCII bytes, plus 3 for
/// each non-ASCII unit (written as a 6-byte `\\uXXXX` escape).
pub(crate) fn packed_units(json: &str) -> usize {
    let bytes: usize = json
        .chars()
        .map(|c| if c.is_ascii() { 1 } else { 6 * c.len_utf16() })
        .sum();
    bytes.div_ceil(2)
}

/// Reverses [`pack_piece`]; `None` if any character is outside what `pack` writes.
pub(crate) fn unpack(packed: &str) -> Option<String> {
    // Every unit `pack_into` writes is 3 bytes of UTF-8 (U+2020..=U+7F7F), so the text
    // is read 3 bytes at a time rather than decoded char by char (a big notebook is
    // millions of them, and this runs at every start).
    let raw = packed.as_bytes();
    if !raw.len().is_multiple_of(3) {
        return None;
    }
    let mut bytes = vec![0u8; raw.len() / 3 * 2];
    for (dst, c) in bytes.chunks_exact_mut(2).zip(raw.chunks_exact(3)) {
        // A lead byte of E2..=E7 starts a 3-byte character of U+2000..=U+7FFF.
        // (Ranges as single comparisons: see `is_printable_ascii`.)
        if c[0].wrapping_sub(0xe2) >= 6 {
            return None;
        }
        let unit =
            u32::from(c[0] & 0x0f) << 12 | u32::from(c[1] & 0x3f) << 6 | u32::from(c[2] & 0x3f);
        let [_, _, hi, lo] = unit.to_be_bytes();
        if hi.wrapping_sub(0x20) >= 0x60 || lo.wrapping_sub(0x20) >= 0x60 {
            return None;
        }
        dst[0] = hi;
        dst[1] = lo;
    }
    // Every byte is ASCII, so this never fails.
    String::from_utf8(bytes).ok()
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
        .filter(|h| readable_version(h.schema_version))
        .map(|h| h.revision.unwrap_or(0))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::ApplicationDraft;
    use chrono::NaiveDate;
    use uuid::Uuid;

    fn pack(json: &str) -> String {
        let mut out = String::new();
        pack_into(json, &mut out);
        out
    }

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
            peek_revision(r#"{"schema_version":3,"revision":9,"data":{}}"#),
            None,
            "a newer schema may not be replaced"
        );
        assert_eq!(
            peek_revision(r#"{"schema_version":1,"revision":9,"data":{}}"#),
            Some(9),
            "an older schema is ours to upgrade"
        );
        assert_eq!(peek_revision("not json"), None);
    }

    #[test]
    fn the_caching_encoder_writes_what_serde_writes() {
        let mut data = sample();
        let now = Utc::now();
        let today = NaiveDate::from_ymd_opt(2026, 6, 2).expect("date");
        let mut enc = Encoder::default();
        let check = |enc: &mut Encoder, data: &AppData, what: &str| {
            assert_eq!(
                enc.encode(data).expect("encodes"),
                encode_data(data).expect("encodes"),
                "{what}"
            );
            let packed = enc.encode_packed(data).expect("packs");
            let bytes = packed.pieces.concat();
            let raw = utf16le_text(&wrap_packed_utf16(&bytes, 4, Utc::now()));
            let back = decode(&raw).unwrap_or_else(|e| panic!("{what}: {e}"));
            assert_eq!(&back.data, data, "{what}: packed");
            // A fresh encoder packs the same data to the same bytes.
            let fresh = Encoder::default().encode_packed(data).expect("packs");
            assert_eq!(
                bytes,
                fresh.pieces.concat(),
                "{what}: cached and fresh agree"
            );
            (bytes, packed.signature)
        };
        let mut prev: Option<(Vec<u8>, Signature)> = None;
        let mut step = |data: &AppData, what: &str| {
            let now = check(&mut enc, data, what);
            if let Some(prev) = &prev {
                assert_eq!(
                    prev.0 == now.0,
                    prev.1 == now.1,
                    "{what}: the signature tracks the text"
                );
            }
            prev = Some(now);
        };
        step(&data, "empty cache");
        step(&data, "all cached");
        for company in ["B", "C", "D"] {
            let draft = ApplicationDraft {
                company: company.into(),
                role: "Role".into(),
                ..Default::default()
            };
            data.add_application(draft.build(Uuid::new_v4(), today, now).expect("valid"));
        }
        step(&data, "added");
        let id = data.applications[2].id;
        data.edit_application(id, now, |a| a.role = "Edited \"quoted\"".into());
        step(&data, "one edited");
        let r = data
            .start_reflection(id, Uuid::new_v4(), now)
            .expect("started");
        step(&data, "reflection started");
        data.edit_reflection(r, now, |r| r.mentoring.learned = "Pause first.".into());
        step(&data, "reflection edited");
        data.applications.swap(0, 3);
        step(&data, "reordered");
        data.delete_application(data.applications[1].id);
        step(&data, "deleted");
        data.meta.changes_since_backup = 0;
        data.set_company_note("B", "Kind recruiter".into(), now);
        step(&data, "company note");
        data = AppData::default();
        step(&data, "emptied");
        assert!(enc.applications.is_empty() && enc.reflections.is_empty());
    }

    #[test]
    fn packed_envelopes_round_trip_and_take_less_room() {
        let data = sample();
        let json = encode_data(&data).expect("encodes");
        let raw = wrap_packed(&json, 5, Utc::now());
        let back = decode(&raw).expect("decodes");
        assert_eq!(back.data, data);
        assert_eq!((back.revision, back.migrated_from), (5, None));
        assert_eq!(peek_revision(&raw), Some(5));
        let units = |s: &str| s.encode_utf16().count();
        assert!(
            units(&raw) * 10 < units(&wrap(&json, 5, Utc::now())) * 6,
            "packed is under 60% of plain"
        );
        // The general path (not the fast one) reads it too: here through `serde_json`.
        let spaced = raw.replacen("\"packed\":", "\"packed\" : ", 1);
        assert_eq!(decode(&spaced).expect("decodes").data, data);
    }

    #[test]
    fn damaged_packed_text_is_invalid_not_a_crash() {
        let good = wrap_packed("{}", 1, Utc::now());
        for bad in ["\u{1}", "A", "\u{8000}", "\u{7f1f}", "😀"] {
            let raw = good.replace("\"packed\":\"", &format!("\"packed\":\"{bad}"));
            // Refused either by the JSON parser (raw control characters) or by `unpack`.
            assert!(decode(&raw).is_err(), "{bad:?}");
        }
        let cut = &good[..good.len() - 2];
        assert!(decode(cut).is_err());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        #[test]
        fn pack_round_trips_any_json_string(text in ".*") {
            let json = serde_json::to_string(&text).expect("encodes");
            let packed = pack(&json);
            let in_range = packed.chars().all(|c| ('\u{2020}'..='\u{7f7f}').contains(&c));
            proptest::prop_assert!(in_range, "a unit outside the packed range");
            let back: String = serde_json::from_str(&unpack(&packed).expect("unpacks")).expect("parses");
            proptest::prop_assert_eq!(packed.chars().count(), packed_units(&json));
            proptest::prop_assert_eq!(back, text);
        }

        #[test]
        fn the_ascii_check_matches_the_obvious_one(bytes in proptest::collection::vec(0x1eu8..0x82, 0..40)) {
            // Bytes near both edges (0x1f/0x20, 0x7f/0x80), mostly inside: so whole
            // 8-byte words pass as often as they fail.
            let obvious = bytes.iter().all(|b| (0x20..=0x7f).contains(b));
            proptest::prop_assert_eq!(is_printable_ascii(&bytes), obvious);
        }

        #[test]
        fn unpack_never_panics(text in ".*") {
            let _ = unpack(&text);
        }
    }

    #[test]
    fn v2_fixture_holds_the_v1_fixture_upgraded() {
        let v1 = decode(&fixture(1)).expect("v1");
        let v2 = decode(&fixture(2)).expect("v2");
        assert_eq!(v1.data, v2.data);
        assert_eq!(v1.migrated_from, Some(1));
    }

    #[test]
    #[ignore = "writes tests/fixtures/schema-v2.json from the v1 fixture; run once"]
    fn write_v2_fixture() {
        let v1 = decode(&fixture(1)).expect("v1");
        let json = encode_data(&v1.data).expect("encodes");
        let at = DateTime::parse_from_rfc3339("2026-11-26T10:00:00Z")
            .expect("date")
            .with_timezone(&Utc);
        let path = format!(
            "{}/tests/fixtures/schema-v2.json",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::write(path, wrap_packed(&json, 7, at)).expect("written");
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

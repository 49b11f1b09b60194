//! Serialising the notebook for saving: the caching encoder that reuses the JSON and
//! packed text of every record unchanged since the last save, and its [`Signature`],
//! which tells a save whether anything changed without comparing megabytes of text.

use serde::Serialize;
use std::collections::HashMap;
use uuid::Uuid;

use super::packing::pack_piece;
use crate::error::EncodeError;
use crate::model::{AppData, Application, Reflection};

/// Serialises the user's data alone. The store compares this text with the last one
/// written, so an unchanged state is never written again.
pub(crate) fn encode_data(data: &AppData) -> Result<String, EncodeError> {
    serde_json::to_string(data).map_err(|e| EncodeError(e.to_string()))
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
    make: fn(Vec<u8>) -> Result<P, EncodeError>,
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

impl<P> Encoder<P> {
    /// True when no record is cached (after the notebook was emptied), for tests.
    #[cfg(test)]
    pub(crate) fn caches_nothing(&self) -> bool {
        self.applications.is_empty() && self.reflections.is_empty()
    }
}

impl<P: Clone> Encoder<P> {
    pub(crate) fn new(make: fn(Vec<u8>) -> Result<P, EncodeError>) -> Self {
        Encoder {
            applications: Vec::new(),
            reflections: Vec::new(),
            make,
            fixed: None,
            next_piece: 0,
            last_len: 0,
        }
    }

    pub(crate) fn encode(&mut self, data: &AppData) -> Result<String, EncodeError> {
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
    pub(crate) fn encode_packed(&mut self, data: &AppData) -> Result<Packed<P>, EncodeError> {
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
) -> impl FnMut(&mut Cached<T, P>, bool) -> Result<(), EncodeError> + '_ {
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
    make: fn(Vec<u8>) -> Result<P, EncodeError>,
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
    ) -> Result<(), EncodeError> {
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

/// The end of the data's JSON: `],"companies":[…],"meta":{…},"profile":{…}}`, the
/// profile only when it holds something (as `AppData`'s `Serialize` skips it).
fn companies_and_meta(data: &AppData) -> Result<String, EncodeError> {
    fn json<T: Serialize>(v: &T) -> Result<String, EncodeError> {
        serde_json::to_string(v).map_err(|e| EncodeError(e.to_string()))
    }
    let (companies, meta) = (json(&data.companies)?, json(&data.meta)?);
    let profile = if data.profile.is_empty() {
        String::new()
    } else {
        format!(",\"profile\":{}", json(&data.profile)?)
    };
    Ok(format!(
        "],\"companies\":{companies},\"meta\":{meta}{profile}}}"
    ))
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
    mut emit: impl FnMut(&mut Cached<T, P>, bool) -> Result<(), EncodeError>,
) -> Result<(), EncodeError> {
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
                json: serde_json::to_string(item).map_err(|e| EncodeError(e.to_string()))?,
                packed: None,
            },
        };
        emit(&mut entry, i == 0)?;
        next.push((key, entry));
    }
    *cache = next;
    Ok(())
}

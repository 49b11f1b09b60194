//! Serialising the notebook as JSON for backups and downloads: the caching encoder that
//! reuses the JSON of every record unchanged since the last call. (Saving in parts is
//! `parts`.)

use serde::Serialize;
use std::collections::HashMap;
use uuid::Uuid;

use crate::error::EncodeError;
use crate::model::{AppData, Application, Reflection};

/// Serialises the user's data alone. The store compares this text with the last one
/// written, so an unchanged state is never written again.
pub(crate) fn encode_data(data: &AppData) -> Result<String, EncodeError> {
    serde_json::to_string(data).map_err(|e| EncodeError(e.to_string()))
}

/// Serialises the user's data as JSON ([`Encoder::encode`], byte for byte what
/// [`encode_data`] writes), reusing the text of every application and reflection that
/// is unchanged since the previous call.
///
/// Why: a backup or an encrypted download serialises the whole notebook; after start-up
/// the cache is filled in idle slices ([`Encoder::warm_some`]), so a download with
/// 1,000 applications serialises only what changed since.
#[derive(Default)]
pub(crate) struct Encoder {
    applications: Vec<(Uuid, Cached<Application>)>,
    reflections: Vec<(Uuid, Cached<Reflection>)>,
    /// The length of the last JSON output, so the next one is allocated once.
    last_len: usize,
}

struct Cached<T> {
    value: T,
    json: String,
}

impl Encoder {
    /// True when no record is cached (after the notebook was emptied), for tests.
    #[cfg(test)]
    pub(crate) fn caches_nothing(&self) -> bool {
        self.applications.is_empty() && self.reflections.is_empty()
    }

    /// How many records are cached, for tests.
    #[cfg(test)]
    pub(crate) fn records_cached(&self) -> usize {
        self.applications.len() + self.reflections.len()
    }

    pub(crate) fn encode(&mut self, data: &AppData) -> Result<String, EncodeError> {
        // Mirrors the field order of `AppData`'s derived `Serialize`; a test checks the
        // output equals `encode_data`'s for every kind of change.
        let mut out = String::with_capacity(self.last_len + 1024);
        out.push_str("{\"applications\":[");
        cached_records(
            &mut self.applications,
            &data.applications,
            |a| a.id,
            json_into(&mut out),
        )?;
        out.push_str("],\"reflections\":[");
        cached_records(
            &mut self.reflections,
            &data.reflections,
            |r| r.id,
            json_into(&mut out),
        )?;
        out.push_str(&companies_and_meta(data)?);
        self.last_len = out.len();
        Ok(out)
    }

    /// Caches up to `budget` more records, in order, and says whether every record is
    /// now cached. Start-up fills the cache this way in short slices of idle time.
    ///
    /// Only extends a cache that is a prefix of the data, as at start-up; otherwise it
    /// stops, and the next full pass refreshes the cache as it always did.
    pub(crate) fn warm_some(&mut self, data: &AppData, budget: usize) -> Result<bool, EncodeError> {
        let mut left = budget;
        if !extend(
            &mut self.applications,
            &data.applications,
            |a| a.id,
            &mut left,
        )? {
            return Ok(false);
        }
        extend(
            &mut self.reflections,
            &data.reflections,
            |r| r.id,
            &mut left,
        )
    }
}

/// [`Encoder::warm_some`] for one kind of record.
fn extend<T: Clone + Serialize>(
    cache: &mut Vec<(Uuid, Cached<T>)>,
    items: &[T],
    id: impl Fn(&T) -> Uuid,
    left: &mut usize,
) -> Result<bool, EncodeError> {
    let prefix =
        cache.len() <= items.len() && cache.iter().zip(items).all(|((k, _), it)| *k == id(it));
    if !prefix {
        return Ok(true);
    }
    while let Some(item) = items.get(cache.len()) {
        if *left == 0 {
            return Ok(false);
        }
        *left -= 1;
        let json = serde_json::to_string(item).map_err(|e| EncodeError(e.to_string()))?;
        cache.push((
            id(item),
            Cached {
                value: item.clone(),
                json,
            },
        ));
    }
    Ok(true)
}

/// Appends each record's JSON to `out`, comma-separated, for [`cached_records`].
fn json_into<T>(
    out: &mut String,
) -> impl FnMut(&mut Cached<T>, bool) -> Result<(), EncodeError> + '_ {
    move |c, first| {
        if !first {
            out.push(',');
        }
        out.push_str(&c.json);
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
fn cached_records<T: Clone + PartialEq + Serialize>(
    cache: &mut Vec<(Uuid, Cached<T>)>,
    items: &[T],
    id: impl Fn(&T) -> Uuid,
    mut emit: impl FnMut(&mut Cached<T>, bool) -> Result<(), EncodeError>,
) -> Result<(), EncodeError> {
    let mut old: Vec<Option<(Uuid, Cached<T>)>> =
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
            },
        };
        emit(&mut entry, i == 0)?;
        next.push((key, entry));
    }
    *cache = next;
    Ok(())
}

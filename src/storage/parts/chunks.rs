//! Cutting the notebook into parts, and remembering what each stored part holds so a
//! save writes only the parts whose records changed.
//!
//! A run of records ends after a record whose identity hashes to 0 mod [`AVERAGE`]
//! (or at [`MOST`] records): boundaries depend on the records themselves, not on their
//! positions, so adding, editing or deleting one record changes one part (two when a
//! boundary record goes) and every other part keeps its key and is never rewritten.

use std::collections::HashMap;
use std::ops::Range;
use std::rc::Rc;

use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use super::head::{Manifest, PartRef};
use crate::error::{DecodeError, EncodeError};
use crate::model::summary::Summary;
use crate::model::{AppData, Application, CompanyNote, Meta, Profile, Reflection};
use crate::storage::packing::{pack_piece, unpack};

/// Records per part, on average. Measured with the benchmark's notebooks (see the
/// README): 16 keeps one edit's writes near 2% of a 1,000-application notebook while
/// the head's list of parts stays under 0.5% of it.
pub(crate) const AVERAGE: u64 = 16;
/// A part never holds more records than this, whatever the hashes say.
pub(crate) const MOST: usize = 48;

/// A kind of record stored in runs.
pub(crate) trait Record: Clone + PartialEq + Serialize + DeserializeOwned {
    /// A stable hash of what identifies the record.
    fn ident(&self) -> u64;
}

/// FNV-1a: tiny, stable across builds and engines (unlike `std`'s seeded hasher).
fn fnv(bytes: impl IntoIterator<Item = u8>) -> u64 {
    bytes.into_iter().fold(0xcbf2_9ce4_8422_2325, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    })
}

impl Record for Application {
    fn ident(&self) -> u64 {
        fnv(*self.id.as_bytes())
    }
}

impl Record for Reflection {
    fn ident(&self) -> u64 {
        fnv(*self.id.as_bytes())
    }
}

impl Record for CompanyNote {
    fn ident(&self) -> u64 {
        fnv(self.name.to_lowercase().into_bytes())
    }
}

/// Everything outside the three streams, stored as one small part.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub(crate) struct Rest {
    pub(crate) meta: Meta,
    #[serde(default, skip_serializing_if = "Profile::is_empty")]
    pub(crate) profile: Profile,
}

impl Record for Rest {
    fn ident(&self) -> u64 {
        0
    }
}

/// The dashboard's summary is one more part of one record, rewritten only when what
/// the dashboard shows changed (or a new day moved its window).
impl Record for Summary {
    fn ident(&self) -> u64 {
        0
    }
}

/// Where the runs of `items` begin and end.
pub(crate) fn runs<T: Record>(items: &[T]) -> Vec<Range<usize>> {
    let mut out = Vec::with_capacity(items.len() / AVERAGE as usize + 1);
    let mut start = 0;
    for (i, item) in items.iter().enumerate() {
        if i + 1 - start >= MOST || item.ident() % AVERAGE == 0 {
            out.push(start..i + 1);
            start = i + 1;
        }
    }
    if start < items.len() {
        out.push(start..items.len());
    }
    out
}

/// A part as stored: its key, its IV under the lock, and the records it holds.
#[derive(Debug, PartialEq)]
pub(crate) struct Part<T> {
    pub(crate) key: String,
    pub(crate) iv: String,
    pub(crate) records: Vec<T>,
}

/// What the stored parts hold, per stream. Empty after a first visit or an older
/// notebook: the next save then writes every part.
#[derive(Debug, Default)]
pub(crate) struct Cache {
    pub(super) applications: Vec<Rc<Part<Application>>>,
    pub(super) reflections: Vec<Rc<Part<Reflection>>>,
    pub(super) companies: Vec<Rc<Part<CompanyNote>>>,
    pub(super) rest: Vec<Rc<Part<Rest>>>,
    /// Empty when the stored head has no summary, or it didn't read (it is derived:
    /// the next save writes it again).
    pub(super) summary: Vec<Rc<Part<Summary>>>,
}

/// A part to write: its fresh key and its JSON; `stored` (packed, or sealed) and `iv`
/// are filled in before the commit.
#[derive(Debug)]
pub(crate) struct NewPart {
    pub(crate) key: String,
    pub(crate) json: String,
    pub(crate) stored: String,
    pub(crate) iv: String,
}

enum Slot<T> {
    Kept(Rc<Part<T>>),
    /// Index into `Plan::writes`, and the records.
    New(usize, Vec<T>),
}

/// One save: the parts to write, and what the cache holds once it has landed.
pub(crate) struct Plan {
    pub(crate) writes: Vec<NewPart>,
    /// How many stored parts of the notebook this save keeps, and how many there were
    /// (the summary aside): fewer kept with nothing written is a deletion, still a change.
    kept: usize,
    stored: usize,
    /// Writes of the notebook's own parts, the summary's aside.
    changed: usize,
    applications: Vec<Slot<Application>>,
    reflections: Vec<Slot<Reflection>>,
    companies: Vec<Slot<CompanyNote>>,
    rest: Vec<Slot<Rest>>,
    summary: Vec<Slot<Summary>>,
}

impl Cache {
    /// Plans a save of `data` with its dashboard `summary`, naming new parts
    /// `<prefix><n>`.
    pub(crate) fn plan(
        &self,
        data: &AppData,
        summary: Summary,
        prefix: &str,
    ) -> Result<Plan, EncodeError> {
        let mut writes = Vec::new();
        let mut name = |json: String| {
            let key = format!("{prefix}{}", writes.len());
            writes.push(NewPart {
                key,
                json,
                stored: String::new(),
                iv: String::new(),
            });
            writes.len() - 1
        };
        let rest = [Rest {
            meta: data.meta.clone(),
            profile: data.profile.clone(),
        }];
        let applications = plan_stream(&self.applications, &data.applications, &mut name)?;
        let reflections = plan_stream(&self.reflections, &data.reflections, &mut name)?;
        let companies = plan_stream(&self.companies, &data.companies, &mut name)?;
        let rest = plan_stream(&self.rest, &rest, &mut name)?;
        let summary = plan_stream(&self.summary, &[summary], &mut name)?;
        fn kept<T>(slots: &[Slot<T>]) -> usize {
            slots.iter().filter(|s| matches!(s, Slot::Kept(_))).count()
        }
        let changed = writes.len() - usize::from(matches!(summary.first(), Some(Slot::New(..))));
        Ok(Plan {
            kept: kept(&applications) + kept(&reflections) + kept(&companies) + kept(&rest),
            stored: self.keys().len() - self.summary.len(),
            changed,
            applications,
            reflections,
            companies,
            rest,
            summary,
            writes,
        })
    }

    /// Every key the cache names.
    pub(crate) fn keys(&self) -> Vec<String> {
        fn keys<T>(parts: &[Rc<Part<T>>]) -> impl Iterator<Item = String> + '_ {
            parts.iter().map(|p| p.key.clone())
        }
        keys(&self.applications)
            .chain(keys(&self.reflections))
            .chain(keys(&self.companies))
            .chain(keys(&self.rest))
            .chain(keys(&self.summary))
            .collect()
    }
}

fn plan_stream<T: Record>(
    old: &[Rc<Part<T>>],
    items: &[T],
    name: &mut impl FnMut(String) -> usize,
) -> Result<Vec<Slot<T>>, EncodeError> {
    let by_first: HashMap<u64, Vec<&Rc<Part<T>>>> =
        old.iter().fold(HashMap::new(), |mut map, part| {
            if let Some(first) = part.records.first() {
                map.entry(first.ident()).or_default().push(part);
            }
            map
        });
    runs(items)
        .into_iter()
        .map(|range| {
            let run = &items[range];
            let kept = run.first().and_then(|first| {
                by_first
                    .get(&first.ident())?
                    .iter()
                    .find(|p| p.records.as_slice() == run)
            });
            Ok(match kept {
                Some(part) => Slot::Kept(Rc::clone(part)),
                None => {
                    let json =
                        serde_json::to_string(run).map_err(|e| EncodeError(e.to_string()))?;
                    Slot::New(name(json), run.to_vec())
                }
            })
        })
        .collect()
}

impl Plan {
    /// True when the notebook is as the cached save left it. A summary that alone
    /// differs (a head from before summaries, or a new day) waits for the next real
    /// change: opening or taking in another tab's save never writes.
    pub(crate) fn unchanged(&self) -> bool {
        self.changed == 0 && self.kept == self.stored
    }

    /// Packs every new part's JSON for storage (the lock seals them instead).
    pub(crate) fn pack(&mut self) {
        for w in &mut self.writes {
            w.stored = packed_string(&w.json);
        }
    }

    /// The manifest naming every part of this save.
    pub(crate) fn manifest(&self) -> Manifest {
        let writes = &self.writes;
        let refs = |key: &str, iv: &str| PartRef {
            key: key.to_owned(),
            iv: iv.to_owned(),
        };
        fn stream<T>(
            slots: &[Slot<T>],
            writes: &[NewPart],
            refs: impl Fn(&str, &str) -> PartRef,
        ) -> Vec<PartRef> {
            slots
                .iter()
                .map(|s| match s {
                    Slot::Kept(p) => refs(&p.key, &p.iv),
                    Slot::New(i, _) => refs(&writes[*i].key, &writes[*i].iv),
                })
                .collect()
        }
        Manifest {
            applications: stream(&self.applications, writes, refs),
            reflections: stream(&self.reflections, writes, refs),
            companies: stream(&self.companies, writes, refs),
            rest: stream(&self.rest, writes, refs)
                .into_iter()
                .next()
                .unwrap_or_default(),
            summary: stream(&self.summary, writes, refs)
                .into_iter()
                .next()
                .unwrap_or_default(),
        }
    }

    /// What the cache holds once this plan's save has landed.
    pub(crate) fn into_cache(self) -> Cache {
        let writes = self.writes;
        fn stream<T>(slots: Vec<Slot<T>>, writes: &[NewPart]) -> Vec<Rc<Part<T>>> {
            slots
                .into_iter()
                .map(|s| match s {
                    Slot::Kept(p) => p,
                    Slot::New(i, records) => Rc::new(Part {
                        key: writes[i].key.clone(),
                        iv: writes[i].iv.clone(),
                        records,
                    }),
                })
                .collect()
        }
        Cache {
            applications: stream(self.applications, &writes),
            reflections: stream(self.reflections, &writes),
            companies: stream(self.companies, &writes),
            rest: stream(self.rest, &writes),
            summary: stream(self.summary, &writes),
        }
    }
}

/// JSON packed two bytes to a unit (see `packing`), as a string for localStorage.
pub(crate) fn packed_string(json: &str) -> String {
    let units: Vec<u16> = pack_piece(json)
        .chunks_exact(2)
        .map(|b| u16::from_le_bytes([b[0], b[1]]))
        .collect();
    // Packed units are never surrogates (see `pack_piece`), so this never replaces one.
    String::from_utf16_lossy(&units)
}

/// A plain part's JSON from its stored, packed text.
pub(crate) fn unpacked(key: &str, stored: &str) -> Result<String, DecodeError> {
    unpack(stored).ok_or_else(|| {
        DecodeError::Invalid(format!(
            "its part {key} has characters Knockback never writes"
        ))
    })
}

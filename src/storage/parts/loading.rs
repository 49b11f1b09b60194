//! Reading a notebook back from its parts, one part at a time.
//!
//! Start-up paints the dashboard from the stored summary and reads the rest of the
//! notebook afterwards in slices that yield to the browser (`persistence::deferred`):
//! [`Loading`] is that read, taken one part per step so the caller decides when to
//! stop. [`assemble`] is the same read done at once.

use std::rc::Rc;

use serde::de::DeserializeOwned;

use super::chunks::{Cache, Part, Rest};
use super::head::{Manifest, PartRef};
use crate::error::DecodeError;
use crate::model::summary::Summary;
use crate::model::AppData;

/// A read of the parts a manifest names, in its order (`Manifest::all`).
pub(crate) struct Loading {
    manifest: Manifest,
    next: usize,
    cache: Cache,
}

fn part<T: DeserializeOwned>(r: &PartRef, json: &str) -> Result<Rc<Part<T>>, DecodeError> {
    let records: Vec<T> = serde_json::from_str(json)
        .map_err(|e| DecodeError::Invalid(format!("its part {} does not read ({e})", r.key)))?;
    Ok(Rc::new(Part {
        key: r.key.clone(),
        iv: r.iv.clone(),
        records,
    }))
}

impl Loading {
    pub(crate) fn new(manifest: Manifest) -> Loading {
        Loading {
            manifest,
            next: 0,
            cache: Cache::default(),
        }
    }

    pub(crate) fn manifest(&self) -> &Manifest {
        &self.manifest
    }

    /// The part to read next, or `None` when every part is in.
    pub(crate) fn next_part(&self) -> Option<&PartRef> {
        self.manifest.all().nth(self.next)
    }

    /// Takes in the next part's JSON. Fails, naming the part, when it doesn't read.
    pub(crate) fn take(&mut self, json: &str) -> Result<(), DecodeError> {
        let Some(r) = self.next_part().cloned() else {
            return Ok(());
        };
        let m = &self.manifest;
        let (apps, refls, comps) = (m.applications.len(), m.reflections.len(), m.companies.len());
        let i = self.next;
        let c = &mut self.cache;
        if i < apps {
            c.applications.push(part(&r, json)?);
        } else if i < apps + refls {
            c.reflections.push(part(&r, json)?);
        } else if i < apps + refls + comps {
            c.companies.push(part(&r, json)?);
        } else if i == apps + refls + comps {
            c.rest.push(part(&r, json)?);
        } else if let Ok(summary) = part::<Summary>(&r, json) {
            // Derived data: one that doesn't read (written by a later build, say) is
            // left out of the cache, and the next save writes it again.
            c.summary.push(summary);
        }
        self.next += 1;
        Ok(())
    }

    /// The notebook, validated, and the cache of what its parts hold.
    pub(crate) fn finish(self) -> Result<(AppData, Cache), DecodeError> {
        if self.next_part().is_some() {
            return Err(DecodeError::Invalid("it was read only in part".into()));
        }
        let cache = self.cache;
        fn all<T: Clone>(parts: &[Rc<Part<T>>]) -> Vec<T> {
            parts
                .iter()
                .flat_map(|p| p.records.iter().cloned())
                .collect()
        }
        let Some(Rest { meta, profile }) =
            cache.rest.first().and_then(|p| p.records.first()).cloned()
        else {
            return Err(DecodeError::Invalid("its settings part is empty".into()));
        };
        let data = AppData {
            applications: all(&cache.applications),
            reflections: all(&cache.reflections),
            companies: all(&cache.companies),
            meta,
            profile,
        };
        data.validate()
            .map_err(|e| DecodeError::Invalid(e.to_string()))?;
        Ok((data, cache))
    }
}

/// The notebook from its parts' JSON, read at once in the manifest's order, and the
/// cache that remembers them. Fails on the first part that doesn't read, naming it.
pub(crate) fn assemble(
    manifest: &Manifest,
    mut json: impl FnMut(&PartRef) -> Result<String, DecodeError>,
) -> Result<(AppData, Cache), DecodeError> {
    let mut loading = Loading::new(manifest.clone());
    while let Some(r) = loading.next_part() {
        let text = json(r)?;
        loading.take(&text)?;
    }
    loading.finish()
}

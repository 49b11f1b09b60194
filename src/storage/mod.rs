//! Persistence: the versioned envelope (`envelope`), the caching encoder (`encoder`)
//! and the packed stored form (`packing`), schema upgrades (`migrate`), backups
//! (`backup`), the passphrase lock (`sealed`, `crypto`, `copies`), and the browser's
//! localStorage (`local` for the notebook, `prefs` for small flags): the only code that
//! touches it.

pub(crate) mod backup;
#[cfg(test)]
mod codec_tests;
pub(crate) mod copies;
pub(crate) mod crypto;
pub(crate) mod encoder;
pub(crate) mod envelope;
pub(crate) mod local;
pub(crate) mod migrate;
pub(crate) mod packing;
pub(crate) mod parts;
pub(crate) mod persistence;
pub(crate) mod prefs;
pub(crate) mod sealed;

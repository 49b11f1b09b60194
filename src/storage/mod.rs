//! Persistence: the versioned envelope (`codec`), schema upgrades (`migrate`) and the
//! browser's localStorage (`local`, the only code that touches it).

pub(crate) mod backup;
pub(crate) mod codec;
pub(crate) mod copies;
pub(crate) mod crypto;
pub(crate) mod local;
pub(crate) mod migrate;
pub(crate) mod prefs;
pub(crate) mod sealed;

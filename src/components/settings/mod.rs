//! Keeping the notebook safe: backups and restore, CSV import and export, storage
//! status, and the passphrase lock (including the screen that unlocks it).

pub(crate) mod backup_nudge;
pub(crate) mod change_passphrase;
pub(crate) mod csv_mapping;
pub(crate) mod csv_panel;
pub(crate) mod csv_preview;
pub(crate) mod lock_coverage;
pub(crate) mod lock_panel;
pub(crate) mod password_field;
pub(crate) mod profile_panel;
pub(crate) mod restore_panel;
pub(crate) mod storage_panel;
pub(crate) mod unlock_screen;

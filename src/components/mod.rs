//! Reusable pieces of UI, one component per file.

pub(crate) mod application_form;
pub(crate) mod nav;
pub(crate) mod stage_badge;
pub(crate) mod stage_change_form;
pub(crate) mod storage_banner;
pub(crate) mod text_field;

//! Reusable pieces of UI, one component per file, grouped by the feature that owns
//! them. The pieces at this level are shared by every page (navigation, form fields,
//! banners, the undo bar).

pub(crate) mod application;
pub(crate) mod dashboard;
pub(crate) mod reflection;
pub(crate) mod settings;

pub(crate) mod choice_select;
pub(crate) mod deferred;
pub(crate) mod eviction_notice;
pub(crate) mod focus;
pub(crate) mod nav;
pub(crate) mod on_demand;
pub(crate) mod route_focus;
pub(crate) mod sample_banner;
pub(crate) mod show_more;
pub(crate) mod storage_banner;
pub(crate) mod text_field;
pub(crate) mod undo_bar;
pub(crate) mod unencrypted_hint;
pub(crate) mod whole_notebook;

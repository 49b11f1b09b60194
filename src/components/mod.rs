//! Reusable pieces of UI, one component per file.

pub(crate) mod application_form;
pub(crate) mod company_reminder;
pub(crate) mod contacts_editor;
pub(crate) mod feedback_panel;
pub(crate) mod funnel_chart;
pub(crate) mod ghosted_prompt;
pub(crate) mod interview_rounds;
pub(crate) mod list_filters;
pub(crate) mod message_editor;
pub(crate) mod nav;
pub(crate) mod sample_banner;
pub(crate) mod stage_badge;
pub(crate) mod stage_change_form;
pub(crate) mod storage_banner;
pub(crate) mod text_field;
pub(crate) mod undo_bar;

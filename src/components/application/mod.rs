//! One application and the list of them: the form, stage changes, interview rounds,
//! contacts, the feedback request and its message, the prompts that suggest a next
//! step, the list's filters, rows and menus, the board, and quick add.

pub(crate) mod application_form;
pub(crate) mod board;
pub(crate) mod board_card;
pub(crate) mod board_column;
pub(crate) mod company_reminder;
pub(crate) mod contacts_editor;
pub(crate) mod feedback_panel;
pub(crate) mod ghosted_prompt;
pub(crate) mod interview_rounds;
pub(crate) mod interviewing_prompt;
pub(crate) mod list_filters;
pub(crate) mod list_row;
pub(crate) mod message_editor;
pub(crate) mod move_menu;
pub(crate) mod quick_add;
pub(crate) mod row_menu;
pub(crate) mod stage_badge;
pub(crate) mod stage_change_form;
pub(crate) mod zone_picker;

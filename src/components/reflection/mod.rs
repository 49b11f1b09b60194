//! Reflecting on a rejection: the five-step wizard and its steps, the finished
//! summary, the feedback shown beside the steps, and the insights drawn from every
//! reflection (technique board, development plan, confidence chart).

pub(crate) mod answers;
pub(crate) mod confidence_chart;
pub(crate) mod development_plan;
pub(crate) mod entry_list;
pub(crate) mod feedback_aside;
pub(crate) mod keep_button;
pub(crate) mod reflection_summary;
pub(crate) mod reflection_wizard;
pub(crate) mod self_review;
pub(crate) mod step_confidence;
pub(crate) mod step_examples;
pub(crate) mod step_mentoring;
pub(crate) mod step_opportunities;
pub(crate) mod step_skills;
pub(crate) mod step_techniques;
pub(crate) mod summary_next;
pub(crate) mod technique_board;
pub(crate) mod themes_panel;

//! The dashboard's own pieces: the funnel chart and the lists of what is due.

pub(crate) mod due_list;
pub(crate) mod funnel_chart;

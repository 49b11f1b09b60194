//! The dashboard's own pieces: the Today list, the funnel chart, rates by source and
//! the lists of what is due.

pub(crate) mod due_list;
pub(crate) mod funnel_chart;
pub(crate) mod source_stats;
pub(crate) mod today_list;

//! One module per route.

pub(crate) mod application_detail;
pub(crate) mod applications;
pub(crate) mod company;
pub(crate) mod dashboard;
pub(crate) mod edit_application;
pub(crate) mod insights;
pub(crate) mod new_application;
pub(crate) mod not_found;
pub(crate) mod reflect;
pub(crate) mod settings;

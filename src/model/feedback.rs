//! Asking for feedback after a rejection, and keeping what was said word for word.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum FeedbackStatus {
    #[default]
    NotAsked,
    Awaiting,
    Received,
    DeclinedToGive,
    NoReply,
}

impl FeedbackStatus {
    pub(crate) fn label(self) -> &'static str {
        match self {
            FeedbackStatus::NotAsked => "Not asked yet",
            FeedbackStatus::Awaiting => "Awaiting reply",
            FeedbackStatus::Received => "Received",
            FeedbackStatus::DeclinedToGive => "Declined to give",
            FeedbackStatus::NoReply => "No reply",
        }
    }
}

/// What a reply to a feedback request can record: the choices of the reply form,
/// in its own words (a reply is never "not asked" or "awaiting").
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum FeedbackReply {
    #[default]
    Received,
    DeclinedToGive,
    NoReply,
}

impl FeedbackReply {
    pub(crate) const ALL: [FeedbackReply; 3] = [
        FeedbackReply::Received,
        FeedbackReply::DeclinedToGive,
        FeedbackReply::NoReply,
    ];

    pub(crate) fn key(self) -> &'static str {
        match self {
            FeedbackReply::Received => "received",
            FeedbackReply::DeclinedToGive => "declined_to_give",
            FeedbackReply::NoReply => "no_reply",
        }
    }

    pub(crate) fn label(self) -> &'static str {
        match self {
            FeedbackReply::Received => "Feedback received",
            FeedbackReply::DeclinedToGive => "Declined to give feedback",
            FeedbackReply::NoReply => "No reply",
        }
    }

    /// The status a request takes once this reply is recorded.
    pub(crate) fn status(self) -> FeedbackStatus {
        match self {
            FeedbackReply::Received => FeedbackStatus::Received,
            FeedbackReply::DeclinedToGive => FeedbackStatus::DeclinedToGive,
            FeedbackReply::NoReply => FeedbackStatus::NoReply,
        }
    }

    /// The reply the form starts at for a request in `status` (before any reply,
    /// the hopeful one).
    pub(crate) fn for_status(status: FeedbackStatus) -> FeedbackReply {
        match status {
            FeedbackStatus::DeclinedToGive => FeedbackReply::DeclinedToGive,
            FeedbackStatus::NoReply => FeedbackReply::NoReply,
            _ => FeedbackReply::Received,
        }
    }
}

#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Channel {
    #[default]
    Email,
    Phone,
    LinkedIn,
    InPerson,
    Other,
}

/// One feedback request per application. Every field is optional until the user acts,
/// so an application that was never rejected carries an empty, `NotAsked` request.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct FeedbackRequest {
    pub(crate) status: FeedbackStatus,
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::time::opt_date"
    )]
    pub(crate) asked_on: Option<NaiveDate>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) channel: Option<Channel>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub(crate) asked_whom: String,
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::time::opt_date"
    )]
    pub(crate) follow_up_due: Option<NaiveDate>,
    /// When their reply (or the user's decision that none is coming) was recorded.
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::time::opt_date"
    )]
    pub(crate) replied_on: Option<NaiveDate>,
    /// Exactly what they said, never reformatted.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub(crate) verbatim: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) went_well: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) to_change: Vec<String>,
}

impl FeedbackRequest {
    /// Records that feedback was asked for today, with a follow-up `follow_up_days` later.
    pub(crate) fn mark_asked(&mut self, on: NaiveDate, follow_up_days: u32) {
        self.status = FeedbackStatus::Awaiting;
        self.asked_on = Some(on);
        self.follow_up_due = on.checked_add_days(chrono::Days::new(u64::from(follow_up_days)));
    }

    /// A follow-up is due when we are still waiting and the date has come.
    pub(crate) fn follow_up_due_by(&self, today: NaiveDate) -> bool {
        self.status == FeedbackStatus::Awaiting && self.follow_up_due.is_some_and(|d| d <= today)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).expect("valid date")
    }

    #[test]
    fn asking_sets_dates_and_status() {
        let mut f = FeedbackRequest::default();
        assert_eq!(f.status, FeedbackStatus::NotAsked);
        f.mark_asked(d(1, 28), 7);
        assert_eq!(f.status, FeedbackStatus::Awaiting);
        assert_eq!(f.asked_on, Some(d(1, 28)));
        assert_eq!(f.follow_up_due, Some(d(2, 4)));
    }

    #[test]
    fn follow_up_due_only_while_awaiting() {
        let mut f = FeedbackRequest::default();
        f.mark_asked(d(3, 1), 7);
        assert!(!f.follow_up_due_by(d(3, 7)));
        assert!(f.follow_up_due_by(d(3, 8)));
        f.status = FeedbackStatus::Received;
        assert!(!f.follow_up_due_by(d(3, 9)));
    }

    #[test]
    fn missing_fields_default() {
        let f: FeedbackRequest = serde_json::from_str(r#"{"status":"received"}"#).expect("parse");
        assert_eq!(f.status, FeedbackStatus::Received);
        assert!(f.went_well.is_empty());
    }
}

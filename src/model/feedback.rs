//! Asking for feedback after a rejection, and keeping what was said word for word.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::error::FeedbackDateError;

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

    /// Corrects the day it was asked; the follow-up moves with it, the same number of
    /// days later (a week when none was set).
    pub(crate) fn change_asked_on(&mut self, on: NaiveDate) {
        let gap = match (self.asked_on, self.follow_up_due) {
            (Some(asked), Some(due)) => (due - asked).num_days().max(0).unsigned_abs(),
            _ => 7,
        };
        self.asked_on = Some(on);
        if self.status == FeedbackStatus::Awaiting || self.follow_up_due.is_some() {
            self.follow_up_due = on.checked_add_days(chrono::Days::new(gap));
        }
    }

    /// A follow-up is due when we are still waiting and the date has come.
    pub(crate) fn follow_up_due_by(&self, today: NaiveDate) -> bool {
        self.status == FeedbackStatus::Awaiting && self.follow_up_due.is_some_and(|d| d <= today)
    }
}

/// Reads the dates of a reply as typed: when it was asked (may be empty where the form
/// doesn't show it) and when they replied. Neither may be in the future, and the reply
/// can't come before the ask.
pub(crate) fn check_reply_dates(
    asked_on: &str,
    replied_on: &str,
    today: NaiveDate,
) -> Result<(Option<NaiveDate>, NaiveDate), FeedbackDateError> {
    let asked = match asked_on.trim() {
        "" => None,
        s => Some(check_asked_on(s, today)?),
    };
    let replied = NaiveDate::parse_from_str(replied_on.trim(), "%Y-%m-%d")
        .map_err(|_| FeedbackDateError::BadReplyDate)?;
    if replied > today {
        return Err(FeedbackDateError::FutureReplyDate);
    }
    if asked.is_some_and(|a| replied < a) {
        return Err(FeedbackDateError::ReplyBeforeAsk);
    }
    Ok((asked, replied))
}

/// Reads the day feedback was asked for, as typed; never in the future.
pub(crate) fn check_asked_on(text: &str, today: NaiveDate) -> Result<NaiveDate, FeedbackDateError> {
    let on = NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d")
        .map_err(|_| FeedbackDateError::BadAskedOn)?;
    if on > today {
        return Err(FeedbackDateError::FutureAskedOn);
    }
    Ok(on)
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
    fn asked_on_can_be_corrected_and_the_follow_up_moves_with_it() {
        let mut f = FeedbackRequest::default();
        f.mark_asked(d(3, 10), 10);
        f.change_asked_on(d(3, 5));
        assert_eq!(
            (f.asked_on, f.follow_up_due),
            (Some(d(3, 5)), Some(d(3, 15)))
        );
        let mut never = FeedbackRequest {
            status: FeedbackStatus::Received,
            ..Default::default()
        };
        never.change_asked_on(d(3, 1));
        assert_eq!((never.asked_on, never.follow_up_due), (Some(d(3, 1)), None));
    }

    #[test]
    fn reply_dates_are_checked() {
        let today = d(3, 20);
        assert_eq!(
            check_reply_dates("2026-03-01", "2026-03-08", today),
            Ok((Some(d(3, 1)), d(3, 8)))
        );
        assert_eq!(
            check_reply_dates("", "2026-03-08", today),
            Ok((None, d(3, 8)))
        );
        let err = |a, r| check_reply_dates(a, r, today).expect_err("invalid");
        assert_eq!(err("", "soon"), FeedbackDateError::BadReplyDate);
        assert_eq!(err("", "2026-03-21"), FeedbackDateError::FutureReplyDate);
        assert_eq!(err("March", "2026-03-08"), FeedbackDateError::BadAskedOn);
        assert_eq!(
            err("2026-03-21", "2026-03-08"),
            FeedbackDateError::FutureAskedOn
        );
        assert_eq!(
            err("2026-03-09", "2026-03-08"),
            FeedbackDateError::ReplyBeforeAsk
        );
        assert!(check_asked_on("2026-03-20", today).is_ok());
    }

    #[test]
    fn missing_fields_default() {
        let f: FeedbackRequest = serde_json::from_str(r#"{"status":"received"}"#).expect("parse");
        assert_eq!(f.status, FeedbackStatus::Received);
        assert!(f.went_well.is_empty());
    }
}

//! Where an application stands, and the dated history of how it got there.
//!
//! The history is the source of truth: the current stage is derived from it, so a
//! back-dated change (entering an old application) lands in the right place.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

/// Every stage an application can be in. `Rejected` is their decision, `Withdrawn` and
/// `Declined` are the user's own: users of other trackers asked for them to be kept apart.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Stage {
    Saved,
    Applied,
    Screening,
    Interviewing,
    Offer,
    Accepted,
    Rejected,
    Ghosted,
    Withdrawn,
    Declined,
}

impl Stage {
    pub(crate) const ALL: [Stage; 10] = [
        Stage::Saved,
        Stage::Applied,
        Stage::Screening,
        Stage::Interviewing,
        Stage::Offer,
        Stage::Accepted,
        Stage::Rejected,
        Stage::Ghosted,
        Stage::Withdrawn,
        Stage::Declined,
    ];

    /// The words a user sees.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Stage::Saved => "Saved",
            Stage::Applied => "Applied",
            Stage::Screening => "Screening",
            Stage::Interviewing => "Interviewing",
            Stage::Offer => "Offer",
            Stage::Accepted => "Accepted",
            Stage::Rejected => "Rejected",
            Stage::Ghosted => "Ghosted",
            Stage::Withdrawn => "Withdrawn",
            Stage::Declined => "Declined by me",
        }
    }

    /// The stable identifier used in storage, URLs and form values.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Stage::Saved => "saved",
            Stage::Applied => "applied",
            Stage::Screening => "screening",
            Stage::Interviewing => "interviewing",
            Stage::Offer => "offer",
            Stage::Accepted => "accepted",
            Stage::Rejected => "rejected",
            Stage::Ghosted => "ghosted",
            Stage::Withdrawn => "withdrawn",
            Stage::Declined => "declined",
        }
    }

    /// Closed stages need no further action on the application itself.
    pub(crate) fn is_closed(self) -> bool {
        matches!(
            self,
            Stage::Accepted | Stage::Rejected | Stage::Ghosted | Stage::Withdrawn | Stage::Declined
        )
    }

    /// Whether a reflection fits an application that ended here, and the words that
    /// invite it. The wizard is about learning from how it ended, so it is offered
    /// where that is worth doing: a rejection, a silence, or the user's own decision
    /// to step away. Open applications and offers get no invitation; "reflect on
    /// this rejection" on an offer would be both wrong and unkind.
    pub(crate) fn reflect_invite(self) -> Option<&'static str> {
        match self {
            Stage::Rejected => Some("Reflect on this rejection"),
            Stage::Ghosted => Some("Reflect, even without an answer"),
            Stage::Withdrawn => Some("Reflect on why you stepped back"),
            Stage::Declined => Some("Reflect on your decision"),
            Stage::Saved
            | Stage::Applied
            | Stage::Screening
            | Stage::Interviewing
            | Stage::Offer
            | Stage::Accepted => None,
        }
    }
}

/// One move from one stage to another. `on` is the day it happened (the user may
/// back-date it); `recorded_at` is when it was entered, and breaks ties on the same day.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct StageChange {
    pub(crate) stage: Stage,
    #[serde(deserialize_with = "crate::model::time::date")]
    pub(crate) on: NaiveDate,
    #[serde(deserialize_with = "crate::model::time::datetime")]
    pub(crate) recorded_at: DateTime<Utc>,
}

/// Inserts a change keeping the history ordered by (`on`, `recorded_at`), so the last
/// entry is always the current stage however the changes were entered.
pub(crate) fn insert_change(history: &mut Vec<StageChange>, change: StageChange) {
    let at = history.partition_point(|c| (c.on, c.recorded_at) <= (change.on, change.recorded_at));
    history.insert(at, change);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::choice::Choice;
    use chrono::TimeZone;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 3, d).expect("valid date")
    }

    fn at(h: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 4, 1, h, 0, 0)
            .single()
            .expect("valid time")
    }

    #[test]
    fn keys_round_trip_and_are_unique() {
        for stage in Stage::ALL {
            assert_eq!(Stage::from_key(stage.key()), Some(stage));
        }
        let mut keys: Vec<_> = Stage::ALL.iter().map(|s| s.key()).collect();
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), Stage::ALL.len());
        assert_eq!(Stage::from_key("nope"), None);
    }

    #[test]
    fn serde_uses_the_stable_keys() {
        for stage in Stage::ALL {
            let json = serde_json::to_string(&stage).expect("serialize");
            assert_eq!(json, format!("\"{}\"", stage.key()));
        }
    }

    #[test]
    fn back_dated_change_is_ordered_by_day_not_entry() {
        let mut history = Vec::new();
        insert_change(
            &mut history,
            StageChange {
                stage: Stage::Applied,
                on: day(1),
                recorded_at: at(1),
            },
        );
        insert_change(
            &mut history,
            StageChange {
                stage: Stage::Rejected,
                on: day(20),
                recorded_at: at(2),
            },
        );
        // Entered last, but it happened in between.
        insert_change(
            &mut history,
            StageChange {
                stage: Stage::Interviewing,
                on: day(10),
                recorded_at: at(3),
            },
        );
        let stages: Vec<_> = history.iter().map(|c| c.stage).collect();
        assert_eq!(
            stages,
            [Stage::Applied, Stage::Interviewing, Stage::Rejected]
        );
    }

    #[test]
    fn same_day_changes_keep_entry_order() {
        let mut history = Vec::new();
        insert_change(
            &mut history,
            StageChange {
                stage: Stage::Screening,
                on: day(5),
                recorded_at: at(2),
            },
        );
        insert_change(
            &mut history,
            StageChange {
                stage: Stage::Applied,
                on: day(5),
                recorded_at: at(1),
            },
        );
        insert_change(
            &mut history,
            StageChange {
                stage: Stage::Interviewing,
                on: day(5),
                recorded_at: at(3),
            },
        );
        let stages: Vec<_> = history.iter().map(|c| c.stage).collect();
        assert_eq!(
            stages,
            [Stage::Applied, Stage::Screening, Stage::Interviewing]
        );
    }

    #[test]
    fn reflection_is_offered_only_where_it_fits() {
        let offered: Vec<_> = Stage::ALL
            .into_iter()
            .filter(|s| s.reflect_invite().is_some())
            .collect();
        assert_eq!(
            offered,
            [
                Stage::Rejected,
                Stage::Ghosted,
                Stage::Withdrawn,
                Stage::Declined
            ]
        );
        assert_eq!(Stage::Offer.reflect_invite(), None);
        assert_eq!(Stage::Accepted.reflect_invite(), None);
        // Only a rejection is called one.
        for s in offered {
            let words = s.reflect_invite().unwrap_or_default();
            assert_eq!(words.contains("rejection"), s == Stage::Rejected, "{words}");
        }
    }

    #[test]
    fn closed_stages() {
        assert!(Stage::Rejected.is_closed());
        assert!(Stage::Ghosted.is_closed());
        assert!(!Stage::Interviewing.is_closed());
        assert!(!Stage::Offer.is_closed());
    }
}

//! Interview rounds: one application can have many.

use super::error::RoundError;
use crate::model::choice::Choice;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum InterviewKind {
    Phone,
    Video,
    OnSite,
    Technical,
    Panel,
    Other,
}

impl InterviewKind {
    pub(crate) const ALL: [InterviewKind; 6] = [
        InterviewKind::Phone,
        InterviewKind::Video,
        InterviewKind::OnSite,
        InterviewKind::Technical,
        InterviewKind::Panel,
        InterviewKind::Other,
    ];

    pub(crate) fn label(self) -> &'static str {
        match self {
            InterviewKind::Phone => "Phone",
            InterviewKind::Video => "Video",
            InterviewKind::OnSite => "On-site",
            InterviewKind::Technical => "Technical",
            InterviewKind::Panel => "Panel",
            InterviewKind::Other => "Other",
        }
    }
}

#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct InterviewRound {
    #[serde(deserialize_with = "crate::model::time::uuid")]
    pub(crate) id: Uuid,
    #[serde(deserialize_with = "crate::model::time::date")]
    pub(crate) date: NaiveDate,
    pub(crate) kind: InterviewKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) interviewers: Vec<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(crate) notes: String,
    /// How the user felt it went, 1 (badly) to 5 (very well). `None` until rated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) self_rating: Option<u8>,
}

/// What the interview form collects, as typed.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct InterviewDraft {
    pub(crate) date: String,
    pub(crate) kind: String,
    /// Comma-separated names.
    pub(crate) interviewers: String,
    pub(crate) notes: String,
    /// "" (not rated) or "1" to "5".
    pub(crate) rating: String,
}

impl InterviewKind {
    pub(crate) fn key(self) -> &'static str {
        match self {
            InterviewKind::Phone => "phone",
            InterviewKind::Video => "video",
            InterviewKind::OnSite => "on_site",
            InterviewKind::Technical => "technical",
            InterviewKind::Panel => "panel",
            InterviewKind::Other => "other",
        }
    }
}

impl InterviewDraft {
    pub(crate) fn from_round(r: &InterviewRound) -> InterviewDraft {
        InterviewDraft {
            date: r.date.to_string(),
            kind: r.kind.key().to_owned(),
            interviewers: r.interviewers.join(", "),
            notes: r.notes.clone(),
            rating: r.self_rating.map(|n| n.to_string()).unwrap_or_default(),
        }
    }

    /// Builds the round (future dates are fine: interviews get scheduled), or says what
    /// is wrong in one sentence.
    pub(crate) fn build(&self, id: Uuid) -> Result<InterviewRound, RoundError> {
        let date = NaiveDate::parse_from_str(self.date.trim(), "%Y-%m-%d")
            .map_err(|_| RoundError::BadDate)?;
        let kind = InterviewKind::from_key(self.kind.trim()).unwrap_or(InterviewKind::Other);
        let self_rating = match self.rating.trim() {
            "" => None,
            s => Some(
                s.parse::<u8>()
                    .ok()
                    .filter(|r| (1..=5).contains(r))
                    .ok_or(RoundError::BadRating)?,
            ),
        };
        Ok(InterviewRound {
            id,
            date,
            kind,
            interviewers: self
                .interviewers
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect(),
            notes: self.notes.clone(),
            self_rating,
        })
    }
}

/// A self-rating is only meaningful on the 1–5 scale the form offers.
pub(crate) fn valid_self_rating(rating: Option<u8>) -> bool {
    rating.is_none_or(|r| (1..=5).contains(&r))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn self_rating_bounds() {
        assert!(valid_self_rating(None));
        assert!(valid_self_rating(Some(1)));
        assert!(valid_self_rating(Some(5)));
        assert!(!valid_self_rating(Some(0)));
        assert!(!valid_self_rating(Some(6)));
    }

    #[test]
    fn draft_builds_and_round_trips() {
        let d = InterviewDraft {
            date: "2026-04-02".into(),
            kind: "panel".into(),
            interviewers: "Jo Park, , Ana Ruiz".into(),
            notes: "Went long".into(),
            rating: "4".into(),
        };
        let r = d.build(Uuid::nil()).expect("valid");
        assert_eq!(r.kind, InterviewKind::Panel);
        assert_eq!(r.interviewers, ["Jo Park", "Ana Ruiz"]);
        assert_eq!(r.self_rating, Some(4));
        assert_eq!(
            InterviewDraft::from_round(&r)
                .build(Uuid::nil())
                .expect("valid"),
            r
        );
        assert!(InterviewDraft {
            rating: "9".into(),
            ..d.clone()
        }
        .build(Uuid::nil())
        .is_err());
        assert!(InterviewDraft {
            date: "tomorrow".into(),
            ..d
        }
        .build(Uuid::nil())
        .is_err());
    }

    #[test]
    fn kind_serializes_snake_case() {
        assert_eq!(
            serde_json::to_string(&InterviewKind::OnSite)
                .ok()
                .as_deref(),
            Some("\"on_site\"")
        );
        assert_eq!(InterviewKind::ALL.len(), 6);
    }
}

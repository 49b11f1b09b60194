//! Interview rounds: one application can have many.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct InterviewRound {
    pub(crate) id: Uuid,
    pub(crate) date: NaiveDate,
    pub(crate) kind: InterviewKind,
    #[serde(default)]
    pub(crate) interviewers: Vec<String>,
    #[serde(default)]
    pub(crate) notes: String,
    /// How the user felt it went, 1 (badly) to 5 (very well). `None` until rated.
    #[serde(default)]
    pub(crate) self_rating: Option<u8>,
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

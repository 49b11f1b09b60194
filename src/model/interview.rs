//! Interview rounds: one application can have many.

use super::error::RoundError;
use crate::model::choice::Choice;
use chrono::{NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum InterviewKind {
    Phone,
    #[default]
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
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
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
    /// When it starts on `date`, as local time in `time_zone`. `None`: no time known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(crate) start_time: Option<NaiveTime>,
    /// An IANA zone name ("Europe/London") the time is in; empty means the user's own.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(crate) time_zone: String,
    /// Where it happens: an address, or a video-call link (see [`InterviewRound::video_link`]).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(crate) place: String,
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
    /// "" or "HH:MM" (what a time input gives).
    pub(crate) start_time: String,
    pub(crate) time_zone: String,
    pub(crate) place: String,
}

/// The longest place we keep: an address or a long meeting link fits easily.
const MAX_PLACE: usize = 1000;

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
            start_time: r
                .start_time
                .map(super::time::format_time)
                .unwrap_or_default(),
            time_zone: r.time_zone.clone(),
            place: r.place.clone(),
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
        let start_time = match self.start_time.trim() {
            "" => None,
            s => Some(
                NaiveTime::parse_from_str(s, "%H:%M")
                    .or_else(|_| NaiveTime::parse_from_str(s, "%H:%M:%S"))
                    .map_err(|_| RoundError::BadTime)?,
            ),
        };
        let time_zone = self.time_zone.trim();
        if !time_zone.is_empty() && !looks_like_time_zone(time_zone) {
            return Err(RoundError::BadTimeZone);
        }
        let place = self.place.trim();
        if place.chars().count() > MAX_PLACE {
            return Err(RoundError::PlaceTooLong);
        }
        Ok(InterviewRound {
            id,
            start_time,
            time_zone: time_zone.to_owned(),
            place: place.to_owned(),
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

/// An IANA time zone name in shape: "UTC", "Europe/London",
/// "America/Argentina/Buenos_Aires", "Etc/GMT+5". (The model has no zone database; the
/// form offers the browser's own zone, so this only catches typing slips.)
pub(crate) fn looks_like_time_zone(name: &str) -> bool {
    name.len() <= 64
        && name.split('/').all(|part| {
            part.chars().next().is_some_and(|c| c.is_ascii_alphabetic())
                && part
                    .chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '_' | '-' | '+'))
        })
}

/// The zones to offer for what the user typed, at most `limit`: their own zone first,
/// then zones with a part starting with the text ("lon" finds Europe/London), then
/// zones containing it anywhere, each in the browser's order. Case and spaces versus
/// underscores don't matter ("new york" finds America/New_York).
pub(crate) fn matching_zones<'a>(
    zones: &'a [String],
    own: &'a str,
    typed: &str,
    limit: usize,
) -> Vec<&'a str> {
    let key = |z: &str| z.to_lowercase().replace(' ', "_");
    let q = key(typed.trim());
    let rank = |z: &str| {
        let k = key(z);
        if q.is_empty() || k.split('/').any(|part| part.starts_with(&q)) || k.starts_with(&q) {
            Some(0)
        } else if k.contains(&q) {
            Some(1)
        } else {
            None
        }
    };
    let own = (!own.is_empty() && rank(own).is_some()).then_some(own);
    let rest = |r| {
        zones
            .iter()
            .map(String::as_str)
            .filter(move |z| Some(*z) != own && rank(z) == Some(r))
    };
    own.into_iter()
        .chain(rest(0))
        .chain(rest(1))
        .take(limit)
        .collect()
}

impl InterviewRound {
    /// The place when it is (or contains) a web link: the video call to join.
    pub(crate) fn video_link(&self) -> Option<&str> {
        self.place
            .split_whitespace()
            .find(|w| super::application::is_web_link(w))
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
            ..Default::default()
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
    fn time_zone_and_place_are_checked_and_kept() {
        let d = InterviewDraft {
            date: "2026-04-02".into(),
            kind: "video".into(),
            start_time: "14:30".into(),
            time_zone: " Europe/London ".into(),
            place: "Teams: https://teams.example.com/l/meetup/123 ".into(),
            ..Default::default()
        };
        let r = d.build(Uuid::nil()).expect("valid");
        assert_eq!(r.start_time, NaiveTime::from_hms_opt(14, 30, 0));
        assert_eq!(r.time_zone, "Europe/London");
        assert_eq!(
            r.video_link(),
            Some("https://teams.example.com/l/meetup/123")
        );
        let back = InterviewDraft::from_round(&r);
        assert_eq!(back.start_time, "14:30");
        assert_eq!(back.build(Uuid::nil()).expect("valid"), r);
        let json = serde_json::to_string(&r).expect("encodes");
        assert!(json.contains(r#""start_time":"14:30:00""#), "{json}");
        let bad = |f: fn(&mut InterviewDraft)| {
            let mut d = d.clone();
            f(&mut d);
            d.build(Uuid::nil()).expect_err("invalid")
        };
        assert_eq!(bad(|d| d.start_time = "2pm".into()), RoundError::BadTime);
        assert_eq!(bad(|d| d.start_time = "25:00".into()), RoundError::BadTime);
        assert_eq!(
            bad(|d| d.time_zone = "London time".into()),
            RoundError::BadTimeZone
        );
        assert_eq!(
            bad(|d| d.place = "x".repeat(1001)),
            RoundError::PlaceTooLong
        );
        let none = InterviewDraft {
            place: "Room 4, 1 Main St".into(),
            ..d.clone()
        };
        assert_eq!(none.build(Uuid::nil()).expect("valid").video_link(), None);
    }

    #[test]
    fn time_zone_names_in_shape() {
        for ok in [
            "UTC",
            "Europe/London",
            "America/Argentina/Buenos_Aires",
            "Etc/GMT+5",
        ] {
            assert!(looks_like_time_zone(ok), "{ok}");
        }
        for bad in ["", "Europe/", "/London", "GMT 5", "Europe//London", "1/2"] {
            assert!(!looks_like_time_zone(bad), "{bad}");
        }
    }

    #[test]
    fn zones_match_by_any_part_with_the_users_own_first() {
        let zones: Vec<String> = [
            "America/New_York",
            "Asia/Kolkata",
            "Europe/Berlin",
            "Europe/London",
            "Pacific/Auckland",
        ]
        .map(String::from)
        .to_vec();
        let m = |own, typed, limit| matching_zones(&zones, own, typed, limit);
        assert_eq!(
            m("Europe/London", "", 3),
            ["Europe/London", "America/New_York", "Asia/Kolkata"]
        );
        assert_eq!(m("Europe/London", "lon", 9), ["Europe/London"]);
        assert_eq!(m("Europe/London", "new y", 9), ["America/New_York"]);
        assert_eq!(
            m("Europe/London", "EUROPE", 9),
            ["Europe/London", "Europe/Berlin"]
        );
        // "land" starts no part, so it comes after the parts starting with it.
        assert_eq!(m("", "a", 9).first(), Some(&"America/New_York"));
        assert_eq!(m("", "land", 9), ["Pacific/Auckland"]);
        assert_eq!(m("", "mars", 9), Vec::<&str>::new());
        // An own zone the list doesn't name (an alias) is still offered first.
        assert_eq!(
            m("Asia/Calcutta", "asia", 9),
            ["Asia/Calcutta", "Asia/Kolkata"]
        );
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

//! The enums a user picks from a list (stages, interview kinds, plan statuses…):
//! one trait, so one `<select>` component serves them all.
//!
//! Each enum keeps its own `ALL`, `key` and `label` beside its variants (they are
//! part of its meaning); `impl_choice!` only exposes them through the trait, and
//! `from_key` is written once here.

/// A closed set of values with a stable key (storage, URLs, form values) and the
/// words a user sees.
pub(crate) trait Choice: Copy + PartialEq + Send + Sync + 'static {
    /// Every value, in the order a list shows them.
    const ALL: &'static [Self];
    /// The stable identifier: never shown, never translated.
    fn key(self) -> &'static str;
    /// The words a user sees.
    fn label(self) -> &'static str;
    /// The value with this key, if any.
    fn from_key(key: &str) -> Option<Self> {
        Self::ALL.iter().copied().find(|c| c.key() == key)
    }
    /// `(key, label)` for every value: what a `<select>` lists.
    fn options() -> Vec<(&'static str, &'static str)> {
        Self::ALL.iter().map(|c| (c.key(), c.label())).collect()
    }
}

/// Implements [`Choice`] from a type's own `ALL`, `key` and `label`.
macro_rules! impl_choice {
    ($($t:ty),* $(,)?) => {$(
        impl $crate::model::choice::Choice for $t {
            const ALL: &'static [Self] = &<$t>::ALL;
            fn key(self) -> &'static str {
                <$t>::key(self)
            }
            fn label(self) -> &'static str {
                <$t>::label(self)
            }
        }
    )*};
}

use super::feedback::FeedbackReply;
use super::interview::InterviewKind;
use super::job_details::Priority;
use super::query::SortKey;
use super::reflection::{ActionKind, PlanStatus, ReapplyInterest, Verdict};
use super::spreadsheet::Field;
use super::Stage;

impl_choice!(
    Stage,
    InterviewKind,
    SortKey,
    ActionKind,
    PlanStatus,
    ReapplyInterest,
    Verdict,
    FeedbackReply,
    Field,
    Priority,
);

#[cfg(test)]
mod tests {
    use super::*;

    fn keys_round_trip<T: Choice + std::fmt::Debug>() {
        let mut keys: Vec<_> = T::ALL.iter().map(|c| c.key()).collect();
        for &c in T::ALL {
            assert_eq!(T::from_key(c.key()), Some(c));
            assert!(!c.label().is_empty());
        }
        keys.sort_unstable();
        keys.dedup();
        assert_eq!(keys.len(), T::ALL.len(), "keys are unique");
        assert_eq!(T::from_key("no-such-key"), None);
        assert_eq!(T::options().len(), T::ALL.len());
    }

    #[test]
    fn every_choice_round_trips_its_keys() {
        keys_round_trip::<Stage>();
        keys_round_trip::<InterviewKind>();
        keys_round_trip::<SortKey>();
        keys_round_trip::<ActionKind>();
        keys_round_trip::<PlanStatus>();
        keys_round_trip::<ReapplyInterest>();
        keys_round_trip::<Verdict>();
        keys_round_trip::<FeedbackReply>();
        keys_round_trip::<Field>();
        keys_round_trip::<Priority>();
    }

    #[test]
    fn options_pair_keys_with_labels_in_order() {
        assert_eq!(
            FeedbackReply::options(),
            vec![
                ("received", "Feedback received"),
                ("declined_to_give", "Declined to give feedback"),
                ("no_reply", "No reply"),
            ]
        );
    }
}

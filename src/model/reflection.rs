//! The reflection a user writes after a rejection: one section per benefit of feedback.
//!
//! The wizard that fills it comes later; the shape is fixed now so the stored schema
//! stays stable while the UI grows.

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The five benefits, in wizard order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Benefit {
    Skills,
    Techniques,
    Opportunities,
    Mentoring,
    Confidence,
}

impl Benefit {
    pub(crate) const ALL: [Benefit; 5] = [
        Benefit::Skills,
        Benefit::Techniques,
        Benefit::Opportunities,
        Benefit::Mentoring,
        Benefit::Confidence,
    ];

    pub(crate) fn title(self) -> &'static str {
        match self {
            Benefit::Skills => "Gain career skills",
            Benefit::Techniques => "Improve interview techniques",
            Benefit::Opportunities => "Create new opportunities",
            Benefit::Mentoring => "Enjoy free mentoring",
            Benefit::Confidence => "Build your confidence",
        }
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum ReflectionStatus {
    #[default]
    Draft,
    Complete,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum PlanStatus {
    #[default]
    Todo,
    Doing,
    Done,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum ActionKind {
    Course,
    Project,
    #[default]
    Practice,
    Other,
}

/// Step 1: a gap the feedback revealed and what the user will do about it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct SkillGap {
    pub(crate) id: Uuid,
    pub(crate) gap: String,
    #[serde(default)]
    pub(crate) action: String,
    #[serde(default)]
    pub(crate) action_kind: ActionKind,
    #[serde(default)]
    pub(crate) target_date: Option<NaiveDate>,
    #[serde(default)]
    pub(crate) status: PlanStatus,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Verdict {
    Keep,
    #[default]
    Improve,
    Drop,
}

/// Step 2: a technique or answer used in the interview, and whether to keep it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Technique {
    pub(crate) id: Uuid,
    pub(crate) name: String,
    pub(crate) verdict: Verdict,
    #[serde(default)]
    pub(crate) note: String,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum ReapplyInterest {
    Yes,
    Maybe,
    No,
    #[default]
    Unsure,
}

/// Step 3: keeping the door open.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct Opportunities {
    pub(crate) thanked_on: Option<NaiveDate>,
    pub(crate) stay_in_touch: bool,
    pub(crate) reconnect_on: Option<NaiveDate>,
    pub(crate) reapply: ReapplyInterest,
    pub(crate) other_roles: String,
}

/// Step 4: what the feedback taught the user about themselves.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct Mentoring {
    pub(crate) learned: String,
    pub(crate) try_differently: String,
}

/// Step 5: what went well, how confident the user feels, and the next step.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct Confidence {
    pub(crate) did_well: Vec<String>,
    /// 1 (shaken) to 10 (ready for the next one). `None` until answered.
    pub(crate) rating: Option<u8>,
    pub(crate) next_step: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Reflection {
    pub(crate) id: Uuid,
    pub(crate) application_id: Uuid,
    #[serde(default)]
    pub(crate) status: ReflectionStatus,
    /// The wizard step to resume at, 1 to 5.
    #[serde(default = "first_step")]
    pub(crate) step: u8,
    #[serde(default)]
    pub(crate) skills: Vec<SkillGap>,
    #[serde(default)]
    pub(crate) techniques: Vec<Technique>,
    #[serde(default)]
    pub(crate) opportunities: Opportunities,
    #[serde(default)]
    pub(crate) mentoring: Mentoring,
    #[serde(default)]
    pub(crate) confidence: Confidence,
    pub(crate) created_at: DateTime<Utc>,
    pub(crate) updated_at: DateTime<Utc>,
    #[serde(default)]
    pub(crate) completed_at: Option<DateTime<Utc>>,
}

fn first_step() -> u8 {
    1
}

impl Reflection {
    pub(crate) fn new(id: Uuid, application_id: Uuid, now: DateTime<Utc>) -> Self {
        Reflection {
            id,
            application_id,
            status: ReflectionStatus::Draft,
            step: 1,
            skills: Vec::new(),
            techniques: Vec::new(),
            opportunities: Opportunities::default(),
            mentoring: Mentoring::default(),
            confidence: Confidence::default(),
            created_at: now,
            updated_at: now,
            completed_at: None,
        }
    }

    /// Checks the values the UI can only produce in range, so an edited backup cannot
    /// smuggle in a step 9 or a confidence of 42.
    pub(crate) fn validate(&self) -> Result<(), String> {
        if !(1..=5).contains(&self.step) {
            return Err(format!("reflection step {} is outside 1–5", self.step));
        }
        if let Some(r) = self.confidence.rating {
            if !(1..=10).contains(&r) {
                return Err(format!("confidence {r} is outside 1–10"));
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn five_benefits_in_order() {
        let titles: Vec<_> = Benefit::ALL.iter().map(|b| b.title()).collect();
        assert_eq!(titles[0], "Gain career skills");
        assert_eq!(titles[4], "Build your confidence");
        assert_eq!(titles.len(), 5);
    }

    #[test]
    fn new_reflection_is_a_draft_at_step_one() {
        let r = Reflection::new(Uuid::nil(), Uuid::nil(), Utc::now());
        assert_eq!(r.status, ReflectionStatus::Draft);
        assert_eq!(r.step, 1);
        assert!(r.validate().is_ok());
    }

    #[test]
    fn out_of_range_values_are_refused() {
        let mut r = Reflection::new(Uuid::nil(), Uuid::nil(), Utc::now());
        r.step = 6;
        assert!(r.validate().is_err());
        r.step = 5;
        r.confidence.rating = Some(11);
        assert!(r.validate().is_err());
        r.confidence.rating = Some(10);
        assert!(r.validate().is_ok());
    }
}

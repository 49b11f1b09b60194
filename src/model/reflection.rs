//! The reflection a user writes after a rejection: one section per benefit of feedback.
//!
//! The wizard that fills it comes later; the shape is fixed now so the stored schema
//! stays stable while the UI grows.

use super::error::InvalidData;
use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// The five benefits, in wizard order.
#[cfg_attr(test, derive(schemars::JsonSchema))]
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

#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum ReflectionStatus {
    #[default]
    Draft,
    Complete,
}

#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum PlanStatus {
    #[default]
    Todo,
    Doing,
    Done,
}

#[cfg_attr(test, derive(schemars::JsonSchema))]
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
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct SkillGap {
    #[serde(deserialize_with = "crate::model::time::uuid")]
    pub(crate) id: Uuid,
    pub(crate) gap: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(crate) action: String,
    #[serde(default)]
    pub(crate) action_kind: ActionKind,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::time::opt_date"
    )]
    pub(crate) target_date: Option<NaiveDate>,
    #[serde(default)]
    pub(crate) status: PlanStatus,
}

impl Technique {
    /// A new, empty technique, kept until the user says otherwise.
    pub(crate) fn blank(id: Uuid) -> Technique {
        Technique {
            id,
            name: String::new(),
            verdict: Verdict::Keep,
            note: String::new(),
        }
    }
}

impl SkillGap {
    /// A new, empty gap for the user to fill in.
    pub(crate) fn blank(id: Uuid) -> SkillGap {
        SkillGap {
            id,
            gap: String::new(),
            action: String::new(),
            action_kind: ActionKind::default(),
            target_date: None,
            status: PlanStatus::default(),
        }
    }
}

#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Verdict {
    Keep,
    #[default]
    Improve,
    Drop,
}

/// Step 2: a technique or answer used in the interview, and whether to keep it.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Technique {
    #[serde(deserialize_with = "crate::model::time::uuid")]
    pub(crate) id: Uuid,
    pub(crate) name: String,
    pub(crate) verdict: Verdict,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub(crate) note: String,
}

#[cfg_attr(test, derive(schemars::JsonSchema))]
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
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct Opportunities {
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::time::opt_date"
    )]
    pub(crate) thanked_on: Option<NaiveDate>,
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub(crate) stay_in_touch: bool,
    #[serde(
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::time::opt_date"
    )]
    pub(crate) reconnect_on: Option<NaiveDate>,
    pub(crate) reapply: ReapplyInterest,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub(crate) other_roles: String,
}

/// Step 4: what the feedback taught the user about themselves.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct Mentoring {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub(crate) learned: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub(crate) try_differently: String,
}

/// Step 5: what went well, how confident the user feels, and the next step.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub(crate) struct Confidence {
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) did_well: Vec<String>,
    /// 1 (shaken) to 10 (ready for the next one). `None` until answered.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) rating: Option<u8>,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub(crate) next_step: String,
}

#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct Reflection {
    #[serde(deserialize_with = "crate::model::time::uuid")]
    pub(crate) id: Uuid,
    #[serde(deserialize_with = "crate::model::time::uuid")]
    pub(crate) application_id: Uuid,
    #[serde(default)]
    pub(crate) status: ReflectionStatus,
    /// The wizard step to resume at, 1 to 5.
    #[serde(default = "first_step")]
    pub(crate) step: u8,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) skills: Vec<SkillGap>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub(crate) techniques: Vec<Technique>,
    #[serde(default)]
    pub(crate) opportunities: Opportunities,
    #[serde(default)]
    pub(crate) mentoring: Mentoring,
    #[serde(default)]
    pub(crate) confidence: Confidence,
    #[serde(deserialize_with = "crate::model::time::datetime")]
    pub(crate) created_at: DateTime<Utc>,
    #[serde(deserialize_with = "crate::model::time::datetime")]
    pub(crate) updated_at: DateTime<Utc>,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::model::time::opt_datetime"
    )]
    pub(crate) completed_at: Option<DateTime<Utc>>,
}

fn first_step() -> u8 {
    1
}

impl PlanStatus {
    pub(crate) const ALL: [PlanStatus; 3] = [PlanStatus::Todo, PlanStatus::Doing, PlanStatus::Done];
    pub(crate) fn key(self) -> &'static str {
        match self {
            PlanStatus::Todo => "todo",
            PlanStatus::Doing => "doing",
            PlanStatus::Done => "done",
        }
    }
    pub(crate) fn label(self) -> &'static str {
        match self {
            PlanStatus::Todo => "To do",
            PlanStatus::Doing => "Doing",
            PlanStatus::Done => "Done",
        }
    }
}

impl ActionKind {
    pub(crate) const ALL: [ActionKind; 4] = [
        ActionKind::Course,
        ActionKind::Project,
        ActionKind::Practice,
        ActionKind::Other,
    ];
    pub(crate) fn key(self) -> &'static str {
        match self {
            ActionKind::Course => "course",
            ActionKind::Project => "project",
            ActionKind::Practice => "practice",
            ActionKind::Other => "other",
        }
    }
    pub(crate) fn label(self) -> &'static str {
        match self {
            ActionKind::Course => "Course",
            ActionKind::Project => "Project",
            ActionKind::Practice => "Practice",
            ActionKind::Other => "Other",
        }
    }
}

impl Verdict {
    pub(crate) const ALL: [Verdict; 3] = [Verdict::Keep, Verdict::Improve, Verdict::Drop];
    pub(crate) fn key(self) -> &'static str {
        match self {
            Verdict::Keep => "keep",
            Verdict::Improve => "improve",
            Verdict::Drop => "drop",
        }
    }
    pub(crate) fn label(self) -> &'static str {
        match self {
            Verdict::Keep => "Keep",
            Verdict::Improve => "Improve",
            Verdict::Drop => "Drop",
        }
    }
}

impl ReapplyInterest {
    pub(crate) const ALL: [ReapplyInterest; 4] = [
        ReapplyInterest::Yes,
        ReapplyInterest::Maybe,
        ReapplyInterest::No,
        ReapplyInterest::Unsure,
    ];
    pub(crate) fn key(self) -> &'static str {
        match self {
            ReapplyInterest::Yes => "yes",
            ReapplyInterest::Maybe => "maybe",
            ReapplyInterest::No => "no",
            ReapplyInterest::Unsure => "unsure",
        }
    }
    pub(crate) fn label(self) -> &'static str {
        match self {
            ReapplyInterest::Yes => "Yes, I'd apply again",
            ReapplyInterest::Maybe => "Maybe, for the right role",
            ReapplyInterest::No => "No",
            ReapplyInterest::Unsure => "Not sure yet",
        }
    }
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
    pub(crate) fn validate(&self) -> Result<(), InvalidData> {
        if !(1..=5).contains(&self.step) {
            return Err(InvalidData::StepOutOfRange(self.step));
        }
        if let Some(r) = self.confidence.rating {
            if !(1..=10).contains(&r) {
                return Err(InvalidData::ConfidenceOutOfRange(r));
            }
        }
        Ok(())
    }

    /// Opens the wizard at step `n` (kept within 1–5).
    pub(crate) fn go_to_step(&mut self, n: u8) {
        self.step = n.clamp(1, 5);
    }

    /// Moves one skill gap's action along the development plan (to do, doing, done).
    pub(crate) fn set_plan_status(&mut self, gap: Uuid, status: PlanStatus) {
        if let Some(g) = self.skills.iter_mut().find(|g| g.id == gap) {
            g.status = status;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_stay_within_the_five() {
        let mut r = Reflection::new(Uuid::new_v4(), Uuid::new_v4(), chrono::Utc::now());
        r.go_to_step(3);
        assert_eq!(r.step, 3);
        r.go_to_step(0);
        assert_eq!(r.step, 1);
        r.go_to_step(9);
        assert_eq!(r.step, 5);
    }

    #[test]
    fn plan_status_changes_only_the_named_gap() {
        let now = chrono::Utc::now();
        let mut r = Reflection::new(Uuid::new_v4(), Uuid::new_v4(), now);
        let (a, b) = (Uuid::new_v4(), Uuid::new_v4());
        for id in [a, b] {
            r.skills.push(SkillGap::blank(id));
        }
        r.set_plan_status(b, PlanStatus::Doing);
        assert_eq!(r.skills[0].status, PlanStatus::Todo);
        assert_eq!(r.skills[1].status, PlanStatus::Doing);
        r.set_plan_status(Uuid::new_v4(), PlanStatus::Done);
        assert_eq!(r.skills[1].status, PlanStatus::Doing);
    }

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

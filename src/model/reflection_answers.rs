//! Which parts of a reflection hold an answer, and finishing one. Kept apart from
//! `reflection.rs` (the stored shape), which is long enough already.

use chrono::{DateTime, Utc};

use uuid::Uuid;

use super::reflection::{
    Benefit, ReapplyInterest, Reflection, ReflectionStatus, SkillGap, Technique, Verdict,
};

fn written(s: &str) -> bool {
    !s.trim().is_empty()
}

impl SkillGap {
    /// A row the user added but never typed in.
    pub(crate) fn is_blank(&self) -> bool {
        !written(&self.gap) && !written(&self.action)
    }
}

impl Technique {
    pub(crate) fn is_blank(&self) -> bool {
        !written(&self.name) && !written(&self.note)
    }
}

impl Reflection {
    /// Whether the step for `benefit` holds anything the user wrote or chose. Empty
    /// rows, blank text and untouched defaults ("Not sure yet") do not count.
    pub(crate) fn answered(&self, benefit: Benefit) -> bool {
        match benefit {
            Benefit::Skills => self.skills.iter().any(|g| !g.is_blank()),
            Benefit::Techniques => self.techniques.iter().any(|t| !t.is_blank()),
            Benefit::Opportunities => {
                let o = &self.opportunities;
                o.thanked_on.is_some()
                    || o.stay_in_touch
                    || o.reconnect_on.is_some()
                    || o.reapply != ReapplyInterest::Unsure
                    || written(&o.other_roles)
            }
            Benefit::Mentoring => {
                written(&self.mentoring.learned) || written(&self.mentoring.try_differently)
            }
            Benefit::Confidence => {
                let c = &self.confidence;
                c.did_well.iter().any(|w| written(w)) || c.rating.is_some() || written(&c.next_step)
            }
        }
    }

    /// At least one answer anywhere: finishing without one asks first.
    pub(crate) fn has_any_answer(&self) -> bool {
        Benefit::ALL.into_iter().any(|b| self.answered(b))
    }

    /// Whether `name` is already a technique to keep (ignoring case and spaces).
    pub(crate) fn keeps(&self, name: &str) -> bool {
        let name = name.trim().to_lowercase();
        self.techniques
            .iter()
            .any(|t| t.verdict == Verdict::Keep && t.name.trim().to_lowercase() == name)
    }

    /// Makes something that went well a technique to keep, without a duplicate: a
    /// technique of the same name is marked Keep instead. Returns whether anything
    /// changed (false for blank text or one already kept).
    pub(crate) fn keep_technique(&mut self, name: &str, id: Uuid) -> bool {
        let name = name.trim();
        if name.is_empty() || self.keeps(name) {
            return false;
        }
        let lower = name.to_lowercase();
        match self
            .techniques
            .iter_mut()
            .find(|t| t.name.trim().to_lowercase() == lower)
        {
            Some(t) => t.verdict = Verdict::Keep,
            None => self.techniques.push(Technique {
                id,
                name: name.to_owned(),
                verdict: Verdict::Keep,
                note: String::new(),
            }),
        }
        true
    }

    /// The concrete actions this reflection produced: each plan item (a gap), each
    /// technique marked, the thing to try, a reconnect (staying in touch or a date),
    /// a thank-you sent, and the next step.
    pub(crate) fn action_count(&self) -> usize {
        let o = &self.opportunities;
        self.skills.iter().filter(|g| !g.is_blank()).count()
            + self.techniques.iter().filter(|t| written(&t.name)).count()
            + usize::from(written(&self.mentoring.try_differently))
            + usize::from(o.stay_in_touch || o.reconnect_on.is_some())
            + usize::from(o.thanked_on.is_some())
            + usize::from(written(&self.confidence.next_step))
    }

    /// Marks the reflection finished. It stays finished from then on: editing it later
    /// changes the answers, never the status.
    pub(crate) fn finish(&mut self, now: DateTime<Utc>) {
        self.status = ReflectionStatus::Complete;
        self.completed_at = Some(now);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::reflection::{ActionKind, PlanStatus, Verdict};
    use chrono::NaiveDate;
    use uuid::Uuid;

    fn blank() -> Reflection {
        Reflection::new(Uuid::new_v4(), Uuid::new_v4(), Utc::now())
    }

    #[test]
    fn five_empty_steps_hold_no_answer() {
        let mut r = blank();
        // Rows added but left empty, and whitespace, are still nothing.
        r.skills.push(SkillGap {
            id: Uuid::new_v4(),
            gap: "  ".into(),
            action: String::new(),
            action_kind: ActionKind::Practice,
            target_date: None,
            status: PlanStatus::Todo,
        });
        r.techniques.push(Technique {
            id: Uuid::new_v4(),
            name: String::new(),
            verdict: Verdict::Improve,
            note: "\n".into(),
        });
        r.confidence.did_well = vec![String::new(), " ".into()];
        r.mentoring.learned = "\t".into();
        assert!(!r.has_any_answer());
        for b in Benefit::ALL {
            assert!(!r.answered(b), "{}", b.title());
        }
    }

    #[test]
    fn one_answer_in_any_step_is_enough() {
        /// One change, and the only step it should count for.
        type Edit = (Benefit, fn(&mut Reflection));
        let edits: [Edit; 9] = [
            (Benefit::Skills, |r| {
                r.skills.push(SkillGap {
                    id: Uuid::nil(),
                    gap: String::new(),
                    action: "Take a course".into(),
                    action_kind: ActionKind::Course,
                    target_date: None,
                    status: PlanStatus::Todo,
                })
            }),
            (Benefit::Techniques, |r| {
                r.techniques.push(Technique {
                    id: Uuid::nil(),
                    name: "STAR answers".into(),
                    verdict: Verdict::Keep,
                    note: String::new(),
                })
            }),
            (Benefit::Opportunities, |r| {
                r.opportunities.stay_in_touch = true
            }),
            (Benefit::Opportunities, |r| {
                r.opportunities.reapply = ReapplyInterest::No
            }),
            (Benefit::Opportunities, |r| {
                r.opportunities.thanked_on = NaiveDate::from_ymd_opt(2026, 3, 1)
            }),
            (Benefit::Mentoring, |r| {
                r.mentoring.try_differently = "Pause first".into()
            }),
            (Benefit::Confidence, |r| r.confidence.rating = Some(1)),
            (Benefit::Confidence, |r| {
                r.confidence.did_well = vec![String::new(), "Rapport".into()]
            }),
            (Benefit::Confidence, |r| {
                r.confidence.next_step = "Apply again".into()
            }),
        ];
        for (benefit, edit) in edits {
            let mut r = blank();
            edit(&mut r);
            assert!(r.has_any_answer());
            for b in Benefit::ALL {
                assert_eq!(r.answered(b), b == benefit, "{}", b.title());
            }
        }
    }

    #[test]
    fn keeping_a_technique_never_duplicates() {
        let mut r = blank();
        assert!(r.keep_technique(" Warm rapport ", Uuid::new_v4()));
        assert!(
            !r.keep_technique("warm rapport", Uuid::new_v4()),
            "already kept"
        );
        assert!(!r.keep_technique("  ", Uuid::new_v4()), "blank");
        assert_eq!(r.techniques.len(), 1);
        assert_eq!(r.techniques[0].name, "Warm rapport");
        assert!(r.keeps("WARM RAPPORT"));
        // One already on the board to improve becomes one to keep, not a second row.
        r.techniques.push(Technique {
            id: Uuid::new_v4(),
            name: "STAR answers".into(),
            verdict: Verdict::Improve,
            note: "Too long".into(),
        });
        assert!(r.keep_technique("star answers", Uuid::new_v4()));
        assert_eq!(r.techniques.len(), 2);
        assert_eq!(r.techniques[1].verdict, Verdict::Keep);
        assert_eq!(r.techniques[1].note, "Too long");
    }

    #[test]
    fn actions_are_counted_once_each() {
        let mut r = blank();
        assert_eq!(r.action_count(), 0);
        r.skills.push(SkillGap::blank(Uuid::new_v4()));
        r.confidence.did_well = vec!["Rapport".into()];
        r.confidence.rating = Some(6);
        assert_eq!(
            r.action_count(),
            0,
            "blank rows, wins and ratings are not actions"
        );
        r.skills[0].gap = "Metrics".into();
        r.keep_technique("Rapport", Uuid::new_v4());
        r.mentoring.try_differently = "Pause first".into();
        r.opportunities.stay_in_touch = true;
        r.opportunities.reconnect_on = NaiveDate::from_ymd_opt(2026, 9, 1);
        assert_eq!(r.action_count(), 4, "staying in touch and its date are one");
        r.opportunities.thanked_on = NaiveDate::from_ymd_opt(2026, 3, 1);
        r.confidence.next_step = "Apply again".into();
        assert_eq!(r.action_count(), 6);
    }

    #[test]
    fn finishing_marks_it_complete() {
        let mut r = blank();
        let now = Utc::now();
        r.finish(now);
        assert_eq!(r.status, ReflectionStatus::Complete);
        assert_eq!(r.completed_at, Some(now));
    }
}

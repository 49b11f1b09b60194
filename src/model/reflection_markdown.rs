//! A reflection as Markdown, for keeping or sharing with a mentor. Like the summary on
//! screen, it leaves out steps with no answer and lines with nothing after them, so
//! the file never reads "Next step:" followed by nothing.

use std::fmt::Write;

use super::reflection::{Benefit, Reflection, ReflectionStatus};

impl Reflection {
    /// The whole reflection as Markdown. Steps keep their wizard numbers even when one
    /// before them was skipped, so "3." always means the same step.
    pub(crate) fn to_markdown(&self, company: &str, role: &str) -> String {
        let mut md = String::new();
        let date = self.completed_at.unwrap_or(self.updated_at).date_naive();
        let _ = writeln!(md, "# Reflection: {role} at {company}\n");
        let _ = writeln!(
            md,
            "_{}, {date}_",
            if self.status == ReflectionStatus::Complete {
                "Completed"
            } else {
                "Draft"
            }
        );
        for (i, benefit) in Benefit::ALL.into_iter().enumerate() {
            if self.answered(benefit) {
                let _ = writeln!(md, "\n## {}. {}\n", i + 1, benefit.title());
                self.write_section(&mut md, benefit);
            }
        }
        if !self.has_any_answer() {
            let _ = writeln!(md, "\nNothing written down yet.");
        }
        md
    }

    fn write_section(&self, md: &mut String, benefit: Benefit) {
        match benefit {
            Benefit::Skills => {
                for g in self.skills.iter().filter(|g| !g.is_blank()) {
                    let gap = g.gap.trim();
                    let action = g.action.trim();
                    let kind = g.action_kind.label().to_lowercase();
                    let _ = match (gap.is_empty(), action.is_empty()) {
                        (false, false) => write!(md, "- **{gap}**: {action} ({kind})"),
                        (false, true) => write!(md, "- **{gap}**"),
                        (true, _) => write!(md, "- {action} ({kind})"),
                    };
                    if let Some(t) = g.target_date {
                        let _ = write!(md, ", by {t}");
                    }
                    let _ = writeln!(md, " [{}]", g.status.label().to_lowercase());
                }
            }
            Benefit::Techniques => {
                for t in self.techniques.iter().filter(|t| !t.is_blank()) {
                    let _ = write!(
                        md,
                        "- {}: **{}**",
                        t.name.trim(),
                        t.verdict.label().to_lowercase()
                    );
                    if !t.note.trim().is_empty() {
                        let _ = write!(md, " ({})", t.note.trim());
                    }
                    md.push('\n');
                }
            }
            Benefit::Opportunities => {
                let o = &self.opportunities;
                let _ = writeln!(
                    md,
                    "- Thanked them: {}",
                    o.thanked_on.map_or("not yet".to_owned(), |d| d.to_string())
                );
                let _ = writeln!(
                    md,
                    "- Stay in touch: {}",
                    if o.stay_in_touch { "yes" } else { "no" }
                );
                if let Some(d) = o.reconnect_on {
                    let _ = writeln!(md, "- Reconnect on: {d}");
                }
                let _ = writeln!(md, "- Apply again: {}", o.reapply.label());
                if !o.other_roles.trim().is_empty() {
                    let _ = writeln!(md, "- Other roles there: {}", o.other_roles.trim());
                }
            }
            Benefit::Mentoring => {
                let m = &self.mentoring;
                for (label, text) in [
                    ("What I learned about myself", &m.learned),
                    ("One thing to try differently", &m.try_differently),
                ] {
                    if !text.trim().is_empty() {
                        let _ = writeln!(md, "**{label}:** {}\n", text.trim());
                    }
                }
            }
            Benefit::Confidence => {
                let c = &self.confidence;
                for w in c.did_well.iter().filter(|w| !w.trim().is_empty()) {
                    let _ = writeln!(md, "- Did well: {}", w.trim());
                }
                if let Some(r) = c.rating {
                    let _ = writeln!(md, "- Confidence: {r}/10");
                }
                if !c.next_step.trim().is_empty() {
                    let _ = writeln!(md, "- Next step: {}", c.next_step.trim());
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::reflection::*;
    use chrono::{NaiveDate, Utc};
    use uuid::Uuid;

    #[test]
    fn markdown_has_every_answered_section() {
        let mut r = Reflection::new(Uuid::nil(), Uuid::nil(), Utc::now());
        r.skills.push(SkillGap {
            id: Uuid::nil(),
            gap: "ER casework".into(),
            action: "Shadow a case".into(),
            action_kind: ActionKind::Project,
            target_date: NaiveDate::from_ymd_opt(2026, 9, 1),
            status: PlanStatus::Todo,
        });
        r.techniques.push(Technique {
            id: Uuid::nil(),
            name: "STAR".into(),
            verdict: Verdict::Keep,
            note: "worked".into(),
        });
        r.opportunities.stay_in_touch = true;
        r.mentoring.learned = "I rush".into();
        r.confidence.did_well = vec!["Rapport".into()];
        r.confidence.rating = Some(7);
        let md = r.to_markdown("Acme", "Recruiter");
        assert!(md.starts_with("# Reflection: Recruiter at Acme\n"));
        for needle in [
            "## 1. Gain career skills",
            "- **ER casework**: Shadow a case (project), by 2026-09-01 [to do]",
            "## 2. Improve interview techniques",
            "- STAR: **keep** (worked)",
            "## 3. Create new opportunities",
            "- Stay in touch: yes",
            "## 4. Enjoy free mentoring",
            "**What I learned about myself:** I rush",
            "## 5. Build your confidence",
            "- Did well: Rapport",
            "- Confidence: 7/10",
        ] {
            assert!(md.contains(needle), "missing {needle:?} in\n{md}");
        }
        assert!(
            !md.contains("try differently"),
            "a blank answer has no line"
        );
        assert!(!md.contains("Next step"), "a blank answer has no line");
    }

    #[test]
    fn empty_steps_are_left_out() {
        let mut r = Reflection::new(Uuid::nil(), Uuid::nil(), Utc::now());
        let md = r.to_markdown("Acme", "Recruiter");
        assert!(!md.contains("##"), "no empty headings in\n{md}");
        assert!(md.contains("Nothing written down yet."));
        r.confidence.next_step = "Mock interview".into();
        let md = r.to_markdown("Acme", "Recruiter");
        assert!(md.contains("## 5. Build your confidence\n\n- Next step: Mock interview"));
        assert_eq!(
            md.matches("## ").count(),
            1,
            "only the answered step:\n{md}"
        );
    }
}

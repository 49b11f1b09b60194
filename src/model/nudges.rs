//! Gentle suggestions about an application's stage. Each is only ever offered: the user
//! confirms with one tap or dismisses it, and nothing changes by itself.

use chrono::{Duration, NaiveDate};

use super::{Application, Stage};

/// Days without news after which Knockback asks "Ghosted?".
pub(crate) const GHOSTED_AFTER_DAYS: i64 = 30;

/// Days after an entry is created during which "Ghosted?" is not asked. Someone typing
/// in their history has just told us where it stands; an old applied date is not news
/// that it went quiet, so the question waits until the entry has been here a while.
pub(crate) const NEW_ENTRY_GRACE_DAYS: i64 = 7;

impl Application {
    /// Open applications with no news for 30 days might have been ghosted, unless the
    /// entry itself was only created in the last few days (`created_at`, not the
    /// applied date, which may be long ago for a back-dated entry).
    pub(crate) fn ghosted_suggested(&self, today: NaiveDate) -> bool {
        self.ghosted_from().is_some_and(|from| today >= from)
    }

    /// The first day "Ghosted?" is asked, if the application is open. Every condition
    /// only ever becomes true as days pass, so one day says it: the dashboard's stored
    /// summary keeps it and is right on any later day without the notebook.
    pub(crate) fn ghosted_from(&self) -> Option<NaiveDate> {
        if !matches!(
            self.stage(),
            Stage::Applied | Stage::Screening | Stage::Interviewing
        ) {
            return None;
        }
        // The last activity counts interview rounds, so a round still to come keeps
        // this day after it, as the rule wants.
        let quiet = self.last_activity() + Duration::days(GHOSTED_AFTER_DAYS);
        let settled = self.created_at.date_naive() + Duration::days(NEW_ENTRY_GRACE_DAYS);
        Some(quiet.max(settled))
    }

    /// Once an interview round is recorded, an application still at Saved, Applied or
    /// Screening has really moved on: returns the day to record "Interviewing" on, or
    /// `None` when there is nothing to suggest. The day is the first round's, kept no
    /// earlier than the current stage (so the change lands after it in the timeline)
    /// and no later than today (a change can't be dated in the future; being invited
    /// to a coming interview already counts).
    pub(crate) fn interviewing_suggested(&self, today: NaiveDate) -> Option<NaiveDate> {
        if !matches!(
            self.stage(),
            Stage::Saved | Stage::Applied | Stage::Screening
        ) {
            return None;
        }
        // Moved back from Interviewing on purpose: the user knows best.
        if self.history.iter().any(|c| c.stage == Stage::Interviewing) {
            return None;
        }
        let first = self.interviews.iter().map(|i| i.date).min()?;
        let current = self.history.last().map_or(first, |c| c.on);
        Some(first.max(current).min(today))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::interview::{InterviewKind, InterviewRound};
    use crate::model::ApplicationDraft;
    use chrono::{DateTime, Duration, TimeZone, Utc};
    use uuid::Uuid;

    fn day(m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, d).expect("valid date")
    }

    fn noon(date: NaiveDate) -> DateTime<Utc> {
        Utc.from_utc_datetime(&date.and_hms_opt(12, 0, 0).expect("valid time"))
    }

    /// An application applied on `applied`, entered into Knockback on `created`.
    fn app(applied: NaiveDate, created: NaiveDate) -> Application {
        ApplicationDraft {
            company: "Acme".into(),
            role: "Recruiter".into(),
            applied_on: applied.to_string(),
            ..Default::default()
        }
        .build(Uuid::nil(), created, noon(created))
        .expect("valid")
    }

    fn round(on: NaiveDate) -> InterviewRound {
        InterviewRound {
            id: Uuid::new_v4(),
            date: on,
            kind: InterviewKind::Video,
            interviewers: Vec::new(),
            notes: String::new(),
            self_rating: None,
            ..Default::default()
        }
    }

    #[test]
    fn ghosted_is_suggested_after_thirty_quiet_days() {
        let mut a = app(day(3, 1), day(3, 1));
        let t = day(3, 30);
        assert!(!a.ghosted_suggested(t));
        assert!(a.ghosted_suggested(t + Duration::days(1)));
        a.change_stage(Stage::Rejected, t, noon(t));
        assert!(
            !a.ghosted_suggested(t + Duration::days(90)),
            "closed applications are left alone"
        );
    }

    #[test]
    fn a_back_dated_entry_is_not_called_ghosted_the_day_it_is_saved() {
        // Applied 39 days ago, typed in today: no news for 39 days, but not news to us.
        let today = day(5, 10);
        let a = app(today - Duration::days(39), today);
        assert!(!a.ghosted_suggested(today));
        assert!(!a.ghosted_suggested(today + Duration::days(NEW_ENTRY_GRACE_DAYS - 1)));
        assert!(
            a.ghosted_suggested(today + Duration::days(NEW_ENTRY_GRACE_DAYS)),
            "still quiet a week after it was entered: now it is worth asking"
        );
    }

    #[test]
    fn a_first_round_suggests_interviewing_on_its_day() {
        let mut a = app(day(3, 1), day(3, 1));
        let today = day(3, 20);
        assert_eq!(a.interviewing_suggested(today), None, "no rounds yet");
        a.interviews.push(round(day(3, 12)));
        a.interviews.push(round(day(3, 10)));
        assert_eq!(a.interviewing_suggested(today), Some(day(3, 10)));
        a.change_stage(Stage::Interviewing, day(3, 10), noon(today));
        assert_eq!(a.interviewing_suggested(today), None, "already there");
        a.change_stage(Stage::Screening, day(3, 15), noon(today));
        assert_eq!(
            a.interviewing_suggested(today),
            None,
            "moved back on purpose: not asked again"
        );
    }

    #[test]
    fn the_suggested_day_is_never_before_the_stage_or_after_today() {
        let today = day(3, 20);
        let mut a = app(day(3, 5), day(3, 5));
        a.interviews.push(round(day(3, 1)));
        assert_eq!(a.interviewing_suggested(today), Some(day(3, 5)));
        let mut b = app(day(3, 5), day(3, 5));
        b.interviews.push(round(day(3, 27)));
        assert_eq!(
            b.interviewing_suggested(today),
            Some(today),
            "invited to a coming interview"
        );
    }

    #[test]
    fn closed_or_offered_applications_are_not_moved_back_to_interviewing() {
        let today = day(3, 20);
        for stage in [Stage::Offer, Stage::Rejected, Stage::Withdrawn] {
            let mut a = app(day(3, 1), day(3, 1));
            a.interviews.push(round(day(3, 10)));
            a.change_stage(stage, day(3, 15), noon(today));
            assert_eq!(a.interviewing_suggested(today), None, "{}", stage.key());
        }
    }
}

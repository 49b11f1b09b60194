//! The named changes the screens make to one application: asking for feedback,
//! recording the reply, interview rounds, contacts, ghosting.
//!
//! Each goes through [`AppData::edit_application`], so every one stamps the
//! application as changed and counts towards the backup reminder, and each has a
//! name a test can call (views only say which change, never how).

use super::error::ChangeError;
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::application::Contact;
use super::feedback::{Channel, FeedbackReply};
use super::interview::InterviewRound;
use super::{AppData, Application, Stage};

/// A reply to a feedback request, as the user recorded it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Reply {
    pub(crate) kind: FeedbackReply,
    /// Kept exactly as typed or pasted: never trimmed.
    pub(crate) verbatim: String,
    pub(crate) went_well: Vec<String>,
    pub(crate) to_change: Vec<String>,
}

impl Reply {
    /// Splits a textarea into list items, one per non-empty line.
    pub(crate) fn lines(text: &str) -> Vec<String> {
        text.lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect()
    }
}

/// Reads the date of a stage change as typed (`YYYY-MM-DD`), or says how to type it.
pub(crate) fn parse_change_date(text: &str) -> Result<NaiveDate, ChangeError> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| ChangeError::BadDate)
}

impl AppData {
    /// Adds imported applications (a CSV), each counted as a change since the backup.
    pub(crate) fn add_applications(&mut self, apps: Vec<Application>) {
        for app in apps {
            self.add_application(app);
        }
    }

    /// Records that feedback was asked for by email on `on`, with a follow-up
    /// `follow_up_days` later.
    pub(crate) fn ask_for_feedback(
        &mut self,
        id: Uuid,
        on: NaiveDate,
        follow_up_days: u32,
        whom: String,
        now: DateTime<Utc>,
    ) {
        self.edit_application(id, now, |a| {
            a.feedback.mark_asked(on, follow_up_days);
            a.feedback.channel = Some(Channel::Email);
            a.feedback.asked_whom = whom;
        });
    }

    /// Records the reply to a feedback request, which came `on`. A reply heard without
    /// asking first counts as asked that day.
    pub(crate) fn record_reply(
        &mut self,
        id: Uuid,
        reply: Reply,
        on: NaiveDate,
        now: DateTime<Utc>,
    ) {
        self.edit_application(id, now, |a| {
            a.feedback.status = reply.kind.status();
            a.feedback.replied_on = Some(on);
            if a.feedback.asked_on.is_none_or(|asked| asked > on) {
                a.feedback.asked_on = Some(on);
            }
            a.feedback.verbatim = reply.verbatim;
            a.feedback.went_well = reply.went_well;
            a.feedback.to_change = reply.to_change;
        });
    }

    /// Corrects the day feedback was asked for (see [`FeedbackRequest::change_asked_on`]).
    ///
    /// [`FeedbackRequest::change_asked_on`]: super::feedback::FeedbackRequest::change_asked_on
    pub(crate) fn set_feedback_asked_on(&mut self, id: Uuid, on: NaiveDate, now: DateTime<Utc>) {
        self.edit_application(id, now, |a| a.feedback.change_asked_on(on));
    }

    /// Adds an interview round, or replaces the one with the same id.
    pub(crate) fn upsert_interview(&mut self, id: Uuid, round: InterviewRound, now: DateTime<Utc>) {
        self.edit_application(id, now, |a| {
            match a.interviews.iter_mut().find(|x| x.id == round.id) {
                Some(existing) => *existing = round,
                None => a.interviews.push(round),
            }
        });
    }

    /// Removes one interview round.
    pub(crate) fn remove_interview(&mut self, id: Uuid, round: Uuid, now: DateTime<Utc>) {
        self.edit_application(id, now, |a| a.interviews.retain(|x| x.id != round));
    }

    /// Adds a contact at the end of the list.
    pub(crate) fn add_contact(&mut self, id: Uuid, contact: Contact, now: DateTime<Utc>) {
        self.edit_application(id, now, |a| a.contacts.push(contact));
    }

    /// Removes the contact at `index` (contacts have no id; the list is short).
    pub(crate) fn remove_contact(&mut self, id: Uuid, index: usize, now: DateTime<Utc>) {
        self.edit_application(id, now, |a| {
            if index < a.contacts.len() {
                a.contacts.remove(index);
            }
        });
    }

    /// Marks an application as ghosted today. Fails only if it no longer exists
    /// (deleted in another tab), when there is nothing to mark.
    pub(crate) fn mark_ghosted(
        &mut self,
        id: Uuid,
        today: NaiveDate,
        now: DateTime<Utc>,
    ) -> Result<(), ChangeError> {
        self.record_stage(id, Stage::Ghosted, today, today, now)
    }
}

#[cfg(test)]
mod tests;

use chrono::{NaiveDate, TimeZone, Utc};
use uuid::Uuid;

use super::*;
use crate::model::error::ChangeError;
use crate::model::feedback::FeedbackStatus;
use crate::model::interview::InterviewKind;
use crate::model::ApplicationDraft;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).expect("date")
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 12, 0, 0).unwrap()
}

/// One application applied on 5 January, and its id.
fn data() -> (AppData, Uuid) {
    let draft = ApplicationDraft {
        company: "Acme".into(),
        role: "Engineer".into(),
        applied_on: "2026-01-05".into(),
        ..Default::default()
    };
    let app = draft
        .build(Uuid::new_v4(), day(12, 31), Utc::now())
        .expect("valid");
    let id = app.id;
    let mut d = AppData::default();
    d.add_application(app);
    (d, id)
}

fn round(id: Uuid, notes: &str) -> InterviewRound {
    InterviewRound {
        id,
        date: day(2, 1),
        kind: InterviewKind::Video,
        interviewers: Vec::new(),
        notes: notes.into(),
        self_rating: None,
        ..Default::default()
    }
}

#[test]
fn imported_applications_each_count_as_a_change() {
    let (mut d, _) = data();
    let (other, _) = data();
    let before = d.meta.changes_since_backup;
    d.add_applications(other.applications.clone());
    d.add_applications(Vec::new());
    assert_eq!(d.applications.len(), 2);
    assert_eq!(d.meta.changes_since_backup, before + 1);
}

#[test]
fn asking_for_feedback_records_how_and_whom() {
    let (mut d, id) = data();
    let before = d.meta.changes_since_backup;
    d.ask_for_feedback(id, day(2, 10), 7, "Sam".into(), now());
    let a = d.application(id).unwrap();
    assert_eq!(a.feedback.status, FeedbackStatus::Awaiting);
    assert_eq!(a.feedback.asked_on, Some(day(2, 10)));
    assert_eq!(a.feedback.follow_up_due, Some(day(2, 17)));
    assert_eq!(a.feedback.channel, Some(Channel::Email));
    assert_eq!(a.feedback.asked_whom, "Sam");
    assert_eq!(a.updated_at, now());
    assert_eq!(d.meta.changes_since_backup, before + 1);
}

#[test]
fn recording_a_reply_keeps_the_words_and_dates_an_unasked_request() {
    let (mut d, id) = data();
    let reply = Reply {
        kind: FeedbackReply::DeclinedToGive,
        verbatim: "  We went with someone else.\n".into(),
        went_well: Reply::lines("Clear answers\n\n  Good questions "),
        to_change: Vec::new(),
    };
    d.record_reply(id, reply, day(2, 20), now());
    let f = &d.application(id).unwrap().feedback;
    assert_eq!(f.status, FeedbackStatus::DeclinedToGive);
    assert_eq!(f.asked_on, Some(day(2, 20)));
    assert_eq!(f.verbatim, "  We went with someone else.\n");
    assert_eq!(f.went_well, vec!["Clear answers", "Good questions"]);

    // An asked request keeps its date.
    let (mut d, id) = data();
    d.ask_for_feedback(id, day(2, 10), 7, String::new(), now());
    let reply = Reply {
        kind: FeedbackReply::Received,
        verbatim: String::new(),
        went_well: Vec::new(),
        to_change: vec!["More detail".into()],
    };
    d.record_reply(id, reply, day(2, 20), now());
    let f = &d.application(id).unwrap().feedback;
    assert_eq!(f.status, FeedbackStatus::Received);
    assert_eq!(f.asked_on, Some(day(2, 10)));
    assert_eq!(f.replied_on, Some(day(2, 20)));
    d.set_feedback_asked_on(id, day(2, 8), now());
    let f = &d.application(id).unwrap().feedback;
    assert_eq!(
        (f.asked_on, f.replied_on),
        (Some(day(2, 8)), Some(day(2, 20)))
    );
}

#[test]
fn interview_rounds_are_added_replaced_and_removed_by_id() {
    let (mut d, id) = data();
    let (r1, r2) = (Uuid::new_v4(), Uuid::new_v4());
    d.upsert_interview(id, round(r1, "first"), now());
    d.upsert_interview(id, round(r2, "second"), now());
    d.upsert_interview(id, round(r1, "first, edited"), now());
    let notes = |d: &AppData| {
        d.application(id)
            .unwrap()
            .interviews
            .iter()
            .map(|r| r.notes.clone())
            .collect::<Vec<_>>()
    };
    assert_eq!(notes(&d), vec!["first, edited", "second"]);
    d.remove_interview(id, r1, now());
    assert_eq!(notes(&d), vec!["second"]);
    d.remove_interview(id, Uuid::new_v4(), now());
    assert_eq!(notes(&d), vec!["second"]);
}

#[test]
fn contacts_are_added_and_removed_by_position() {
    let (mut d, id) = data();
    for name in ["Ana", "Ben"] {
        let c = Contact {
            name: name.into(),
            ..Contact::default()
        };
        d.add_contact(id, c, now());
    }
    d.remove_contact(id, 5, now());
    d.remove_contact(id, 0, now());
    let names: Vec<_> = d
        .application(id)
        .unwrap()
        .contacts
        .iter()
        .map(|c| c.name.clone())
        .collect();
    assert_eq!(names, vec!["Ben"]);
}

#[test]
fn ghosting_moves_the_stage_today() {
    let (mut d, id) = data();
    d.mark_ghosted(id, day(3, 1), now()).expect("exists");
    assert_eq!(d.application(id).unwrap().stage(), Stage::Ghosted);
    assert!(d.mark_ghosted(Uuid::new_v4(), day(3, 1), now()).is_err());
}

#[test]
fn change_dates_are_read_or_explained() {
    assert_eq!(parse_change_date(" 2026-01-20 "), Ok(day(1, 20)));
    assert_eq!(parse_change_date("soon"), Err(ChangeError::BadDate));
}

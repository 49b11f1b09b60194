use chrono::TimeZone;
use uuid::Uuid;

use super::*;
use crate::model::interview::{InterviewKind, InterviewRound};
use crate::model::reflection::{Reflection, SkillGap};
use crate::model::{ApplicationDraft, Stage};

fn d(m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, day).expect("date")
}

fn at(h: u32, m: u32) -> NaiveTime {
    NaiveTime::from_hms_opt(h, m, 0).expect("time")
}

fn now() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 3, 1, 9, 30, 0)
        .single()
        .expect("time")
}

fn no_zones(_: &str, _: NaiveDateTime) -> Option<i32> {
    None
}

/// Europe/Berlin as the browser would report it: +01:00 until 29 March, +02:00 after.
fn berlin(zone: &str, local: NaiveDateTime) -> Option<i32> {
    (zone == "Europe/Berlin").then(|| if local.date() < d(3, 29) { 3600 } else { 7200 })
}

fn reminder(uid: &str, date: NaiveDate) -> Reminder {
    Reminder {
        uid: uid.into(),
        date,
        time: None,
        zone: String::new(),
        summary: "Follow up: Recruiter, Acme".into(),
        description: String::new(),
        location: String::new(),
        alarm: Alarm::MorningOf,
        sequence: 7,
    }
}

/// The calendar's content lines, unfolded.
fn lines(ics: &str) -> Vec<String> {
    ics.replace("\r\n ", "")
        .split("\r\n")
        .map(str::to_owned)
        .collect()
}

#[test]
fn escapes_text_values() {
    assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
    assert_eq!(escape("x\r\ny"), "x\\ny");
}

#[test]
fn folds_at_75_octets_without_splitting_characters() {
    let line = format!("SUMMARY:{}", "é".repeat(60));
    let folded = fold(&line);
    for part in folded.split("\r\n") {
        assert!(part.len() <= 75, "{} octets", part.len());
    }
    assert_eq!(
        folded.replace("\r\n ", ""),
        line,
        "unfolding restores the line"
    );
    assert_eq!(fold("short"), "short");
}

#[test]
fn an_all_day_event_with_a_morning_alarm() {
    let ics = calendar(
        &[reminder("follow-up-1@knockback", d(3, 31))],
        now(),
        &no_zones,
    );
    assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
    assert!(ics.ends_with("END:VCALENDAR\r\n"));
    assert!(ics.contains("DTSTART;VALUE=DATE:20260331\r\nDTEND;VALUE=DATE:20260401\r\n"));
    assert!(ics.contains("SUMMARY:Follow up: Recruiter\\, Acme\r\n"));
    assert!(ics.contains("DTSTAMP:20260301T093000Z\r\n"));
    assert!(ics.contains("SEQUENCE:7\r\n"));
    assert!(ics.contains(
        "BEGIN:VALARM\r\nACTION:DISPLAY\r\nDESCRIPTION:Follow up: Recruiter\\, Acme\r\nTRIGGER:PT9H\r\nEND:VALARM\r\n"
    ));
    assert!(!ics.contains("VTIMEZONE"));
    assert!(
        !ics.replace("\r\n", "").contains('\n'),
        "only CRLF line breaks"
    );
    assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
}

#[test]
fn a_timed_event_without_a_zone_is_floating_local_time() {
    let r = Reminder {
        time: Some(at(23, 30)),
        alarm: Alarm::MinutesBefore(60),
        location: "https://meet.example/abc; room 2".into(),
        ..reminder("interview-1@knockback", d(3, 10))
    };
    let l = lines(&calendar(&[r], now(), &berlin));
    assert!(l.contains(&"DTSTART:20260310T233000".to_owned()));
    assert!(
        l.contains(&"DTEND:20260311T003000".to_owned()),
        "an hour, past midnight"
    );
    assert!(l.contains(&"TRIGGER:-PT60M".to_owned()));
    assert!(l.contains(&"LOCATION:https://meet.example/abc\\; room 2".to_owned()));
    assert!(!l.iter().any(|x| x.contains("TZID") || x.contains("TRANSP")));
}

#[test]
fn a_zoned_event_names_its_zone_and_carries_a_matching_vtimezone() {
    let timed = |uid: &str, date, time| Reminder {
        time: Some(time),
        zone: "Europe/Berlin".into(),
        alarm: Alarm::MinutesBefore(60),
        ..reminder(uid, date)
    };
    let ics = calendar(
        &[
            timed("a@knockback", d(3, 10), at(14, 0)),
            timed("b@knockback", d(4, 2), at(9, 15)),
            timed("c@knockback", d(4, 9), at(10, 0)),
        ],
        now(),
        &berlin,
    );
    let l = lines(&ics);
    assert!(l.contains(&"DTSTART;TZID=Europe/Berlin:20260310T140000".to_owned()));
    assert!(l.contains(&"DTEND;TZID=Europe/Berlin:20260310T150000".to_owned()));
    assert!(l.contains(&"DTSTART;TZID=Europe/Berlin:20260402T091500".to_owned()));
    assert_eq!(ics.matches("BEGIN:VTIMEZONE").count(), 1, "one per zone");
    let tz: Vec<&str> = l
        .iter()
        .skip_while(|x| *x != "BEGIN:VTIMEZONE")
        .take_while(|x| *x != "END:VTIMEZONE")
        .map(String::as_str)
        .collect();
    assert_eq!(
        tz,
        [
            "BEGIN:VTIMEZONE",
            "TZID:Europe/Berlin",
            "BEGIN:STANDARD",
            "DTSTART:19700101T000000",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0100",
            "END:STANDARD",
            "BEGIN:STANDARD",
            // 9:15 at +02:00 is 8:15 at +01:00: the switch lands between the events.
            "DTSTART:20260402T081500",
            "TZOFFSETFROM:+0100",
            "TZOFFSETTO:+0200",
            "END:STANDARD",
        ]
    );
    let tz_at = l.iter().position(|x| x == "BEGIN:VTIMEZONE");
    let event_at = l.iter().position(|x| x == "BEGIN:VEVENT");
    assert!(
        tz_at < event_at,
        "the zone comes before the events using it"
    );
}

#[test]
fn an_unknown_zone_stays_floating_and_is_named() {
    let r = Reminder {
        time: Some(at(9, 0)),
        zone: "Mars/Olympus".into(),
        description: "Bring the portfolio".into(),
        ..reminder("x@knockback", d(3, 10))
    };
    let l = lines(&calendar(&[r], now(), &berlin));
    assert!(l.contains(&"DTSTART:20260310T090000".to_owned()));
    assert!(l.contains(&"DESCRIPTION:Time zone: Mars/Olympus\\nBring the portfolio".to_owned()));
    assert!(!l.iter().any(|x| x.contains("TZID")));
}

#[test]
fn offsets_west_of_utc_and_odd_minutes() {
    assert_eq!(utc_offset(-5 * 3600), "-0500");
    assert_eq!(utc_offset(5 * 3600 + 1800), "+0530");
    assert_eq!(utc_offset(0), "+0000");
    assert_eq!(tzid("Etc/GMT+5"), "Etc/GMT+5");
    assert_eq!(tzid("a;b"), "\"a;b\"");
}

#[test]
fn reminders_cover_follow_ups_interviews_plans_and_reconnects_with_stable_uids() {
    let mut data = AppData::default();
    let mut app = ApplicationDraft {
        company: "Acme".into(),
        role: "Recruiter".into(),
        applied_on: "2026-01-05".into(),
        ..Default::default()
    }
    .build(Uuid::new_v4(), d(1, 5), now())
    .expect("valid");
    app.change_stage(Stage::Rejected, d(2, 1), now());
    app.feedback.mark_asked(d(2, 1), 7);
    let round = InterviewRound {
        id: Uuid::new_v4(),
        date: d(3, 12),
        kind: InterviewKind::Panel,
        interviewers: vec![],
        notes: String::new(),
        self_rating: None,
        ..Default::default()
    };
    let old_round = InterviewRound {
        id: Uuid::new_v4(),
        date: d(1, 20),
        ..round.clone()
    };
    app.interviews = vec![round.clone(), old_round];
    let app_id = app.id;
    data.add_application(app);
    // A saved role closing on 15 March; one already applied for, and one closed
    // last month, have nothing to remind of.
    let saved = |company: &str, stage: &str, closing: &str| {
        ApplicationDraft {
            company: company.into(),
            role: "Buyer".into(),
            stage: stage.into(),
            closing_on: closing.into(),
            link: "https://jobs.example.com/9".into(),
            ..Default::default()
        }
        .build(Uuid::new_v4(), d(3, 1), now())
        .expect("valid")
    };
    let open = saved("Globex", "saved", "2026-03-15");
    let open_id = open.id;
    data.add_application(open);
    data.add_application(saved("Initech", "applied", "2026-03-16"));
    data.add_application(saved("Hooli", "saved", "2026-02-15"));
    let mut r = Reflection::new(Uuid::new_v4(), app_id, now());
    let gap = SkillGap {
        gap: "Metrics".into(),
        target_date: Some(d(3, 20)),
        ..SkillGap::blank(Uuid::new_v4())
    };
    r.skills = vec![
        gap.clone(),
        SkillGap {
            status: PlanStatus::Done,
            ..SkillGap::blank(Uuid::new_v4())
        },
    ];
    r.opportunities.reconnect_on = Some(d(6, 1));
    data.reflections.push(r.clone());

    let list = reminders(&data, d(3, 1));
    let got: Vec<_> = list
        .iter()
        .map(|x| (x.uid.clone(), x.date, x.alarm))
        .collect();
    assert_eq!(
        got,
        [
            (
                format!("follow-up-{app_id}@knockback"),
                d(2, 8),
                Alarm::MorningOf
            ),
            (
                format!("interview-{}@knockback", round.id),
                d(3, 12),
                Alarm::MorningBefore
            ),
            (
                format!("closing-{open_id}@knockback"),
                d(3, 15),
                Alarm::MorningBefore
            ),
            (
                format!("plan-{}@knockback", gap.id),
                d(3, 20),
                Alarm::MorningOf
            ),
            (
                format!("reconnect-{}@knockback", r.id),
                d(6, 1),
                Alarm::MorningOf
            ),
        ]
    );
    assert_eq!(list[1].summary, "Panel interview: Recruiter at Acme");
    assert_eq!(list[2].summary, "Applications close: Buyer at Globex");
    assert!(list[2].description.contains("https://jobs.example.com/9"));
    assert_eq!(list[2].time, None, "all day");
    assert_eq!(list[3].summary, "Plan target: Metrics");
    assert_eq!(list[4].summary, "Reconnect with Acme (Recruiter)");
    assert_eq!(
        reminders(&data, d(3, 1)),
        list,
        "the same notebook gives the same events"
    );
    let ics = calendar(&list, now(), &no_zones);
    assert_eq!(ics.matches("BEGIN:VALARM").count(), 5);
    assert_eq!(ics.matches("TRANSP:TRANSPARENT").count(), 5);
    let closing = ics
        .split("BEGIN:VEVENT")
        .find(|e| e.contains(&format!("UID:closing-{open_id}@knockback")))
        .expect("the closing date's event");
    assert!(
        closing.contains("DTSTART;VALUE=DATE:20260315\r\n"),
        "{closing}"
    );
    assert!(
        closing.contains("TRIGGER:-PT15H\r\n"),
        "warned the morning before: {closing}"
    );
}

#[test]
fn a_round_with_a_time_becomes_a_timed_event_an_hour_long() {
    let mut data = AppData::default();
    let mut app = ApplicationDraft {
        company: "Acme".into(),
        role: "Recruiter".into(),
        applied_on: "2026-01-05".into(),
        ..Default::default()
    }
    .build(Uuid::new_v4(), d(1, 5), now())
    .expect("valid");
    app.interviews.push(InterviewRound {
        id: Uuid::new_v4(),
        date: d(3, 12),
        start_time: Some(at(14, 30)),
        time_zone: "Europe/Berlin".into(),
        place: "Room 4, Main St".into(),
        ..Default::default()
    });
    data.add_application(app);
    let list = reminders(&data, d(3, 1));
    assert_eq!(list[0].alarm, Alarm::MinutesBefore(60));
    let l = lines(&calendar(&list, now(), &berlin));
    assert!(l.contains(&"DTSTART;TZID=Europe/Berlin:20260312T143000".to_owned()));
    assert!(l.contains(&"DTEND;TZID=Europe/Berlin:20260312T153000".to_owned()));
    assert!(l.contains(&"LOCATION:Room 4\\, Main St".to_owned()));
    assert!(l.contains(&"TRIGGER:-PT60M".to_owned()));
}

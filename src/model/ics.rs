//! A small iCalendar (RFC 5545) writer for reminders: feedback follow-ups, interviews
//! (timed when the round has a start time), closing dates of roles not yet applied
//! for, development-plan targets and reconnect dates. Small enough to test fully, so no extra crate.
//!
//! Every event's UID is derived from the id of the record it comes from, so importing
//! a newer file updates the events instead of adding copies; SEQUENCE grows with the
//! record's last edit so calendars accept the newer version.
//!
//! Time zones. A round with no zone is written as *floating* local time (no `Z`, no
//! `TZID`): RFC 5545 §3.3.5 says it is the same wall-clock time wherever the reader
//! is, which is exactly "my own time zone". A round with a zone is written with
//! `TZID=<IANA name>`, and the RFC then requires a VTIMEZONE of that TZID. We carry no
//! time zone database (it would add hundreds of kilobytes to every download of the
//! app), so the caller passes the UTC offset of each timed event, which the browser
//! knows (`Intl`). The VTIMEZONE written from them is exact at every event in the file
//! (one observance per offset met, switching between two events), and calendars that
//! know the IANA name (Google, Apple, Outlook, Thunderbird) use their own rules
//! anyway. When no offset is known (a name the browser doesn't recognise), the time is
//! written floating with the zone named in the description, rather than a TZID
//! without its VTIMEZONE, which some calendars refuse to import.

use crate::model::order;
use chrono::{DateTime, Days, NaiveDate, NaiveDateTime, NaiveTime, Utc};

use super::feedback::FeedbackStatus;
use super::reflection::PlanStatus;
use super::stage::Stage;
use super::time::{ics_date, ics_local};
use super::today::{round_place, round_time, round_zone};
use super::AppData;

/// A timed interview lasts an hour unless we know better.
pub(crate) const INTERVIEW_MINUTES: i64 = 60;

/// When the calendar should remind the user, relative to the event's start.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Alarm {
    /// Minutes before a timed start (an interview an hour ahead).
    MinutesBefore(u32),
    /// At 09:00 on the day of an all-day event (a follow-up, a plan target).
    MorningOf,
    /// At 09:00 the day before an all-day event (an interview without a time, a
    /// closing date).
    MorningBefore,
}

impl Alarm {
    /// The TRIGGER value, relative to DTSTART (an all-day event starts at midnight).
    fn trigger(self) -> String {
        match self {
            Alarm::MinutesBefore(m) => format!("-PT{m}M"),
            Alarm::MorningOf => "PT9H".to_owned(),
            Alarm::MorningBefore => "-PT15H".to_owned(),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Reminder {
    pub(crate) uid: String,
    pub(crate) date: NaiveDate,
    /// A start time makes a timed event; `None` an all-day one.
    pub(crate) time: Option<NaiveTime>,
    /// IANA name of the zone `time` is in; empty for the user's own.
    pub(crate) zone: String,
    pub(crate) summary: String,
    pub(crate) description: String,
    pub(crate) location: String,
    pub(crate) alarm: Alarm,
    /// Grows with each edit of the record, so a re-import replaces the older event.
    pub(crate) sequence: u32,
}

impl Reminder {
    fn start(&self) -> Option<NaiveDateTime> {
        self.time.map(|t| self.date.and_time(t))
    }
}

/// Minutes from 2024-01-01 to `at`: a SEQUENCE that only grows as records are edited.
fn sequence(at: DateTime<Utc>) -> u32 {
    const EPOCH_2024: i64 = 1_704_067_200;
    u32::try_from((at.timestamp() - EPOCH_2024) / 60).unwrap_or(0)
}

/// Open follow-ups, interviews from `today` on, closing dates of saved roles from
/// `today` on, open plan targets and reconnect dates, in date order.
pub(crate) fn reminders(data: &AppData, today: NaiveDate) -> Vec<Reminder> {
    let mut out = Vec::new();
    for app in &data.applications {
        let seq = sequence(app.updated_at);
        if app.feedback.status == FeedbackStatus::Awaiting {
            if let Some(due) = app.feedback.follow_up_due {
                out.push(Reminder {
                    uid: format!("follow-up-{}@knockback", app.id),
                    date: due,
                    time: None,
                    zone: String::new(),
                    summary: format!("Follow up on feedback: {} at {}", app.role, app.company),
                    description: "No reply yet? Knockback has a gentle follow-up template ready."
                        .into(),
                    location: String::new(),
                    alarm: Alarm::MorningOf,
                    sequence: seq,
                });
            }
        }
        // A role still only saved: the last day to apply, warned of the morning before.
        if let (Stage::Saved, Some(closes)) = (app.stage(), app.closing_on) {
            if closes >= today {
                let mut description = "Last day to apply.".to_owned();
                if !app.link.trim().is_empty() {
                    description.push_str(&format!(" The job ad: {}", app.link.trim()));
                }
                out.push(Reminder {
                    uid: format!("closing-{}@knockback", app.id),
                    date: closes,
                    time: None,
                    zone: String::new(),
                    summary: format!("Applications close: {} at {}", app.role, app.company),
                    description,
                    location: String::new(),
                    alarm: Alarm::MorningBefore,
                    sequence: seq,
                });
            }
        }
        for round in app.interviews.iter().filter(|r| r.date >= today) {
            let time = round_time(round);
            out.push(Reminder {
                uid: format!("interview-{}@knockback", round.id),
                date: round.date,
                time,
                zone: round_zone(round).trim().to_owned(),
                summary: format!(
                    "{} interview: {} at {}",
                    round.kind.label(),
                    app.role,
                    app.company
                ),
                description: round.notes.clone(),
                location: round_place(round).trim().to_owned(),
                alarm: if time.is_some() {
                    Alarm::MinutesBefore(60)
                } else {
                    Alarm::MorningBefore
                },
                sequence: seq,
            });
        }
    }
    for r in &data.reflections {
        let Some(app) = data.application(r.application_id) else {
            continue;
        };
        let seq = sequence(r.updated_at);
        for gap in r.skills.iter().filter(|g| g.status != PlanStatus::Done) {
            let (Some(target), false) = (gap.target_date, gap.gap.trim().is_empty()) else {
                continue;
            };
            let what = if gap.action.trim().is_empty() {
                gap.gap.trim()
            } else {
                gap.action.trim()
            };
            out.push(Reminder {
                uid: format!("plan-{}@knockback", gap.id),
                date: target,
                time: None,
                zone: String::new(),
                summary: format!("Plan target: {what}"),
                description: format!(
                    "From your reflection on {} at {}. Gap: {}",
                    app.role,
                    app.company,
                    gap.gap.trim()
                ),
                location: String::new(),
                alarm: Alarm::MorningOf,
                sequence: seq,
            });
        }
        if let Some(on) = r.opportunities.reconnect_on {
            out.push(Reminder {
                uid: format!("reconnect-{}@knockback", r.id),
                date: on,
                time: None,
                zone: String::new(),
                summary: format!("Reconnect with {} ({})", app.company, app.role),
                description: "You planned to get back in touch. A short, friendly note is enough."
                    .into(),
                location: String::new(),
                alarm: Alarm::MorningOf,
                sequence: seq,
            });
        }
    }
    order::sort_by(&mut out, |a, b| {
        (a.date, a.time.is_some(), a.time, &a.summary).cmp(&(
            b.date,
            b.time.is_some(),
            b.time,
            &b.summary,
        ))
    });
    out
}

/// Escapes a TEXT value (RFC 5545 §3.3.11).
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.replace("\r\n", "\n").chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' | '\r' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (RFC 5545 §3.1), never inside a UTF-8 character.
pub(crate) fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3);
    let mut width = 0;
    for c in line.chars() {
        let len = c.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1; // the leading space counts
        }
        out.push(c);
        width += len;
    }
    out
}

/// A TZID parameter value: quoted when it holds a character that would end it.
fn tzid(zone: &str) -> String {
    let clean: String = zone
        .chars()
        .filter(|c| *c != '"' && !c.is_control())
        .collect();
    if clean.contains([':', ';', ',']) {
        format!("\"{clean}\"")
    } else {
        clean
    }
}

/// "+0130" / "-0500" from seconds east of UTC.
fn utc_offset(seconds: i32) -> String {
    let sign = if seconds < 0 { '-' } else { '+' };
    let m = seconds.unsigned_abs() / 60;
    format!("{sign}{:02}{:02}", m / 60, m % 60)
}

/// One VTIMEZONE for `zone`, exact at each of its events: `starts` holds each event's
/// local start and its offset, in time order. A new observance begins at the instant
/// of the first event with a different offset, written in the old offset's wall time.
fn vtimezone(zone: &str, starts: &[(NaiveDateTime, i32)], lines: &mut Vec<String>) {
    lines.push("BEGIN:VTIMEZONE".into());
    lines.push(format!("TZID:{}", tzid(zone)));
    let mut previous: Option<i32> = None;
    for &(local, offset) in starts {
        if previous == Some(offset) {
            continue;
        }
        let (from, onset) = match previous {
            None => (offset, "19700101T000000".to_owned()),
            Some(old) => {
                let onset = local + chrono::Duration::seconds(i64::from(old - offset));
                (old, ics_local(onset))
            }
        };
        lines.push("BEGIN:STANDARD".into());
        lines.push(format!("DTSTART:{onset}"));
        lines.push(format!("TZOFFSETFROM:{}", utc_offset(from)));
        lines.push(format!("TZOFFSETTO:{}", utc_offset(offset)));
        lines.push("END:STANDARD".into());
        previous = Some(offset);
    }
    lines.push("END:VTIMEZONE".into());
}

/// The whole calendar, with CRLF line endings. `offset_of(zone, local start)` gives a
/// zone's UTC offset in seconds at that wall-clock time, or `None` if unknown.
pub(crate) fn calendar(
    reminders: &[Reminder],
    now: DateTime<Utc>,
    offset_of: &dyn Fn(&str, NaiveDateTime) -> Option<i32>,
) -> String {
    let stamp = format!("{}Z", ics_local(now.naive_utc()));
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Knockback//Job search reminders//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        "METHOD:PUBLISH".to_owned(),
    ];
    // Each zone's offsets at its events, looked up once per event.
    let mut zones: Vec<(String, Vec<(NaiveDateTime, i32)>)> = Vec::new();
    let mut known = Vec::with_capacity(reminders.len());
    for r in reminders {
        let offset = match (r.start(), r.zone.is_empty()) {
            (Some(start), false) => offset_of(&r.zone, start).map(|o| (start, o)),
            _ => None,
        };
        if let Some(at) = offset {
            match zones.iter_mut().find(|(z, _)| *z == r.zone) {
                Some((_, starts)) => starts.push(at),
                None => zones.push((r.zone.clone(), vec![at])),
            }
        }
        known.push(offset.is_some());
    }
    for (zone, starts) in &mut zones {
        order::sort(starts);
        vtimezone(zone, starts, &mut lines);
    }
    for (r, zoned) in reminders.iter().zip(known) {
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}", escape(&r.uid)));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!("SEQUENCE:{}", r.sequence));
        let mut description = r.description.clone();
        match r.start() {
            Some(start) => {
                let end = start + chrono::Duration::minutes(INTERVIEW_MINUTES);
                let param = if zoned {
                    format!(";TZID={}", tzid(&r.zone))
                } else {
                    String::new()
                };
                lines.push(format!("DTSTART{param}:{}", ics_local(start)));
                lines.push(format!("DTEND{param}:{}", ics_local(end)));
                if !zoned && !r.zone.is_empty() {
                    let note = format!("Time zone: {}", r.zone);
                    description = if description.is_empty() {
                        note
                    } else {
                        format!("{note}\n{description}")
                    };
                }
            }
            None => {
                let end = r.date.checked_add_days(Days::new(1)).unwrap_or(r.date);
                lines.push(format!("DTSTART;VALUE=DATE:{}", ics_date(r.date)));
                lines.push(format!("DTEND;VALUE=DATE:{}", ics_date(end)));
                // An all-day reminder should not block the day in free/busy views.
                lines.push("TRANSP:TRANSPARENT".into());
            }
        }
        lines.push(format!("SUMMARY:{}", escape(&r.summary)));
        if !description.is_empty() {
            lines.push(format!("DESCRIPTION:{}", escape(&description)));
        }
        if !r.location.is_empty() {
            lines.push(format!("LOCATION:{}", escape(&r.location)));
        }
        lines.push("BEGIN:VALARM".into());
        lines.push("ACTION:DISPLAY".into());
        lines.push(format!("DESCRIPTION:{}", escape(&r.summary)));
        lines.push(format!("TRIGGER:{}", r.alarm.trigger()));
        lines.push("END:VALARM".into());
        lines.push("END:VEVENT".into());
    }
    lines.push("END:VCALENDAR".into());
    let mut out = String::new();
    for line in lines {
        out.push_str(&fold(&line));
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests;

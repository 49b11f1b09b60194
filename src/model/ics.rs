//! A small iCalendar (RFC 5545) writer for reminders: feedback follow-ups and
//! interviews, as all-day events. Small enough to test fully, so no extra crate.

use chrono::{DateTime, NaiveDate, Utc};

use super::feedback::FeedbackStatus;
use super::AppData;

#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Reminder {
    pub(crate) uid: String,
    pub(crate) date: NaiveDate,
    pub(crate) summary: String,
    pub(crate) description: String,
}

/// Follow-ups still awaited and interviews from `today` on, in date order.
pub(crate) fn reminders(data: &AppData, today: NaiveDate) -> Vec<Reminder> {
    let mut out = Vec::new();
    for app in &data.applications {
        if app.feedback.status == FeedbackStatus::Awaiting {
            if let Some(due) = app.feedback.follow_up_due {
                out.push(Reminder {
                    uid: format!("follow-up-{}@knockback", app.id),
                    date: due,
                    summary: format!("Follow up on feedback: {} at {}", app.role, app.company),
                    description: "No reply yet? Knockback has a gentle follow-up template ready."
                        .into(),
                });
            }
        }
        for round in app.interviews.iter().filter(|r| r.date >= today) {
            out.push(Reminder {
                uid: format!("interview-{}@knockback", round.id),
                date: round.date,
                summary: format!(
                    "{} interview: {} at {}",
                    round.kind.label(),
                    app.role,
                    app.company
                ),
                description: round.notes.clone(),
            });
        }
    }
    out.sort_by(|a, b| a.date.cmp(&b.date).then(a.summary.cmp(&b.summary)));
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

/// The whole calendar, with CRLF line endings.
pub(crate) fn calendar(reminders: &[Reminder], now: DateTime<Utc>) -> String {
    let stamp = now.format("%Y%m%dT%H%M%SZ").to_string();
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Knockback//Job search reminders//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
    ];
    for r in reminders {
        let end = r.date.succ_opt().unwrap_or(r.date);
        lines.push("BEGIN:VEVENT".into());
        lines.push(format!("UID:{}", escape(&r.uid)));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!("DTSTART;VALUE=DATE:{}", r.date.format("%Y%m%d")));
        lines.push(format!("DTEND;VALUE=DATE:{}", end.format("%Y%m%d")));
        lines.push(format!("SUMMARY:{}", escape(&r.summary)));
        if !r.description.is_empty() {
            lines.push(format!("DESCRIPTION:{}", escape(&r.description)));
        }
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
mod tests {
    use super::*;
    use chrono::TimeZone;

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
    fn calendar_has_one_event_per_reminder_with_crlf() {
        let r = Reminder {
            uid: "follow-up-1@knockback".into(),
            date: NaiveDate::from_ymd_opt(2026, 3, 31).expect("date"),
            summary: "Follow up: Recruiter, Acme".into(),
            description: String::new(),
        };
        let now = Utc
            .with_ymd_and_hms(2026, 3, 1, 9, 30, 0)
            .single()
            .expect("time");
        let ics = calendar(&[r], now);
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(ics.ends_with("END:VCALENDAR\r\n"));
        assert!(ics.contains("DTSTART;VALUE=DATE:20260331\r\nDTEND;VALUE=DATE:20260401\r\n"));
        assert!(ics.contains("SUMMARY:Follow up: Recruiter\\, Acme\r\n"));
        assert!(ics.contains("DTSTAMP:20260301T093000Z\r\n"));
        assert!(
            !ics.replace("\r\n", "").contains('\n'),
            "only CRLF line breaks"
        );
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 1);
    }
}

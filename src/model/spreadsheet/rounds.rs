//! The "Interview Rounds" cell: every round of an application in one cell, a line
//! per round, its fields in a fixed order and split by " | ":
//!
//! `2026-03-04 | 14:30 | Europe/London | Video | https://meet.example.com/x | Sam Lee, Jo Park | 4 | Went well`
//!
//! (date | start time | time zone | type | place | interviewers | self-rating | notes).
//! One cell keeps a spreadsheet to one row per application, like the stage history;
//! a `|`, a backslash or a line break inside a field is written `\|`, `\\`, `\n` or
//! `\r`, so any text comes back as it went out.

use uuid::Uuid;

use crate::model::interview::{InterviewDraft, InterviewKind, InterviewRound};
use crate::model::time::format_time;

const FIELDS: usize = 8;

fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '|' => out.push_str("\\|"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c => out.push(c),
        }
    }
    out
}

/// Splits one line at its unescaped bars, undoing the escapes.
fn split(line: &str) -> Vec<String> {
    let mut fields = vec![String::new()];
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        let field = fields.last_mut().expect("never empty");
        match c {
            '\\' => match chars.next() {
                Some('n') => field.push('\n'),
                Some('r') => field.push('\r'),
                Some(other) => field.push(other),
                None => field.push('\\'),
            },
            '|' => fields.push(String::new()),
            c => field.push(c),
        }
    }
    fields
}

/// "14:30", or "14:30:15" when the time has seconds (a hand-edited backup), so none are
/// lost on the way back.
fn time_text(t: chrono::NaiveTime) -> String {
    use chrono::Timelike;
    match t.second() {
        0 => format_time(t),
        s => format!("{}:{s:02}", format_time(t)),
    }
}

/// The cell for `rounds`, oldest first as stored.
pub(crate) fn format(rounds: &[InterviewRound]) -> String {
    rounds
        .iter()
        .map(|r| {
            [
                r.date.to_string(),
                r.start_time.map(time_text).unwrap_or_default(),
                escape(&r.time_zone),
                r.kind.label().to_owned(),
                escape(&r.place),
                escape(&r.interviewers.join(", ")),
                r.self_rating.map(|n| n.to_string()).unwrap_or_default(),
                escape(&r.notes),
            ]
            .join(" | ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Reads a cell written by [`format`] back into rounds (with fresh ids), or says which
/// round is wrong and how, in the words of a bad-row line.
pub(crate) fn parse(cell: &str) -> Result<Vec<InterviewRound>, String> {
    let lines: Vec<&str> = cell
        .lines()
        .map(|l| l.trim_end_matches('\r'))
        .filter(|l| !l.trim().is_empty())
        .collect();
    let count = lines.len();
    lines
        .into_iter()
        .enumerate()
        .map(|(i, line)| {
            let which = if count == 1 {
                "the interview round".to_owned()
            } else {
                format!("interview round {}", i + 1)
            };
            let fields = split(line);
            if fields.len() != FIELDS {
                return Err(format!(
                    "{which} “{}” isn't like “2026-03-04 | 14:30 | Europe/London | Video | place | interviewers | rating | notes”",
                    line.trim()
                ));
            }
            let field = |n: usize| fields[n].trim().to_owned();
            let kind = field(3);
            let kind = InterviewKind::ALL
                .into_iter()
                .find(|k| k.label().eq_ignore_ascii_case(&kind) || k.key() == kind)
                .unwrap_or(InterviewKind::Other);
            InterviewDraft {
                date: field(0),
                start_time: field(1),
                time_zone: field(2),
                kind: kind.key().to_owned(),
                place: field(4),
                interviewers: field(5),
                rating: field(6),
                // Notes keep their own spacing: only the bar's padding goes.
                notes: fields[7]
                    .strip_prefix(' ')
                    .unwrap_or(&fields[7])
                    .to_owned(),
            }
            .build(Uuid::new_v4())
            .map_err(|e| {
                format!(
                    "{which}: {}",
                    e.to_string().trim_end_matches('.').to_lowercase()
                )
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::{NaiveDate, NaiveTime};

    fn round(notes: &str, place: &str) -> InterviewRound {
        InterviewRound {
            id: Uuid::nil(),
            date: NaiveDate::from_ymd_opt(2026, 3, 4).expect("date"),
            kind: InterviewKind::OnSite,
            interviewers: vec!["Sam Lee".into(), "Jo Park".into()],
            notes: notes.into(),
            self_rating: Some(4),
            start_time: NaiveTime::from_hms_opt(14, 30, 0),
            time_zone: "Europe/London".into(),
            place: place.into(),
        }
    }

    fn same(a: &[InterviewRound], b: &[InterviewRound]) -> bool {
        a.len() == b.len()
            && a.iter().zip(b).all(|(x, y)| {
                InterviewRound {
                    id: Uuid::nil(),
                    ..x.clone()
                } == InterviewRound {
                    id: Uuid::nil(),
                    ..y.clone()
                }
            })
    }

    #[test]
    fn rounds_come_back_field_for_field_whatever_their_text() {
        let rounds = vec![
            round(
                "Went well | mostly\nasked about C:\\temp",
                "Room 4 | 1 Main St",
            ),
            InterviewRound {
                start_time: NaiveTime::from_hms_opt(9, 5, 30),
                ..round("a\r\nb", "")
            },
            InterviewRound {
                start_time: None,
                time_zone: String::new(),
                self_rating: None,
                interviewers: Vec::new(),
                kind: InterviewKind::Video,
                ..round("  spaced  ", "https://meet.example.com/abc")
            },
        ];
        let cell = format(&rounds);
        assert_eq!(cell.lines().count(), 3, "{cell}");
        assert!(cell.starts_with(
            "2026-03-04 | 14:30 | Europe/London | On-site | Room 4 \\| 1 Main St | Sam Lee, Jo Park | 4 | "
        ), "{cell}");
        let back = parse(&cell).expect("reads");
        assert!(same(&back, &rounds), "{back:?}");
        assert_eq!(parse("").expect("empty"), Vec::new());
    }

    #[test]
    fn a_wrong_round_says_which_and_why() {
        let e = parse("2026-03-04 | 2pm | | Video | | | | ").expect_err("bad time");
        assert!(e.contains("start time"), "{e}");
        let e = parse("2026-03-04 | | | Video | | | |\nnext week").expect_err("bad line");
        assert!(e.starts_with("interview round 2 “next week”"), "{e}");
        assert!(parse("3").is_err(), "a count is not rounds");
    }
}

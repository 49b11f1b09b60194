//! Reading one cell: blanks and the placeholders trackers write for them, yes/no
//! flags, web links, dates in the orders spreadsheets write them, and the words other
//! trackers use for a stage.

use chrono::NaiveDate;

use crate::model::job_details::{parse_amount, Priority};
use crate::model::Stage;

/// Other trackers fill empty cells with a placeholder (JobSync writes "N/A", Huntr a
/// dash); importing those as text would make a company called "N/A".
pub(crate) fn clean(cell: &str) -> &str {
    let t = cell.trim();
    let placeholder = ["-", "—", "–", "n/a", "na", "none", "null"]
        .iter()
        .any(|p| t.eq_ignore_ascii_case(p));
    if placeholder {
        ""
    } else {
        t
    }
}

/// A cell that is only a yes/no flag, like JobSync's `applied` column.
pub(crate) fn is_yes_no(cell: &str) -> bool {
    let t = cell.trim();
    ["yes", "no", "y", "n", "true", "false"]
        .iter()
        .any(|w| t.eq_ignore_ascii_case(w))
}

/// A cell that reads as a web address, to check a guessed link column.
pub(crate) fn looks_like_link(cell: &str) -> bool {
    let t = cell.trim().to_ascii_lowercase();
    t.starts_with("https://") || t.starts_with("http://") || t.starts_with("www.")
}

/// A cell that reads as one salary amount ("45000", "£45,000", "45k").
pub(crate) fn is_amount(cell: &str) -> bool {
    matches!(parse_amount(cell, ""), Ok(Some(_)))
}

/// A priority as Knockback writes it ("High"), as its form names it ("High: really
/// want it", "High priority") or as a key ("high").
pub(crate) fn priority_for(cell: &str) -> Option<Priority> {
    let first = clean(cell)
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("")
        .to_lowercase();
    Priority::ALL.into_iter().find(|p| p.key() == first)
}

/// How to read 03/04/2026: the US writes the month first, the UK the day first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DateOrder {
    MonthFirst,
    DayFirst,
}

impl DateOrder {
    /// How the choice is named to the user, with the pattern it means.
    pub(crate) fn label(self) -> &'static str {
        match self {
            DateOrder::MonthFirst => "Month first (mm/dd/yyyy, as in the US)",
            DateOrder::DayFirst => "Day first (dd/mm/yyyy, as in the UK)",
        }
    }

    pub(crate) fn key(self) -> &'static str {
        match self {
            DateOrder::MonthFirst => "month-first",
            DateOrder::DayFirst => "day-first",
        }
    }

    fn read(self, first: u32, second: u32, year: i32) -> Option<NaiveDate> {
        match self {
            DateOrder::MonthFirst => NaiveDate::from_ymd_opt(year, first, second),
            DateOrder::DayFirst => NaiveDate::from_ymd_opt(year, second, first),
        }
    }
}

/// What a date cell holds before its order is known.
enum Shape {
    /// Unambiguous: ISO, or with the month spelled out.
    Exact(NaiveDate),
    /// Two numbers and a year (`a/b/yyyy`), which only the order can settle.
    Numeric { first: u32, second: u32, year: i32 },
}

/// Reads a cell as a date, leaving `a/b/yyyy` for the caller to order.
fn shape(cell: &str) -> Option<Shape> {
    let t = cell.trim();
    // A date and a time ("2022-02-26 19:17:05", "3/14/2026 9:30"): the date is enough.
    let mut parts = t.split(['T', ' ']);
    let head = parts.next().unwrap_or("");
    let date_only = if head.len() >= 8 && parts.clone().next().is_some_and(|p| p.contains(':')) {
        head
    } else {
        t
    };
    for f in ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d"] {
        if let Ok(d) = NaiveDate::parse_from_str(date_only, f) {
            return Some(Shape::Exact(d));
        }
    }
    for f in [
        "%d %b %Y",
        "%d %B %Y",
        "%b %d, %Y",
        "%B %d, %Y",
        "%b %d %Y",
        "%d-%b-%Y",
    ] {
        if let Ok(d) = NaiveDate::parse_from_str(t, f) {
            return Some(Shape::Exact(d));
        }
    }
    let numbers: Vec<&str> = date_only.split(['/', '.', '-']).collect();
    let [a, b, y] = numbers.as_slice() else {
        return None;
    };
    let short = |s: &str| (1..=2).contains(&s.len()) && s.bytes().all(|c| c.is_ascii_digit());
    if !short(a) || !short(b) || y.len() != 4 || !y.bytes().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let (first, second, year) = (a.parse().ok()?, b.parse().ok()?, y.parse().ok()?);
    let valid = [DateOrder::MonthFirst, DateOrder::DayFirst]
        .into_iter()
        .any(|o| o.read(first, second, year).is_some());
    valid.then_some(Shape::Numeric {
        first,
        second,
        year,
    })
}

/// True when a cell holds a date in some order: used to check a guessed date column.
pub(crate) fn is_date(cell: &str) -> bool {
    shape(cell).is_some()
}

/// Why a date cell couldn't be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DateError {
    NotADate,
    /// `a/b/yyyy` with no order chosen yet.
    NeedsOrder,
    /// Impossible in the chosen order (13/02/2026 read month first).
    NotIn(DateOrder),
}

/// Reads a date cell; `order` settles `a/b/yyyy` (when both readings are possible).
pub(crate) fn parse_date(cell: &str, order: Option<DateOrder>) -> Result<NaiveDate, DateError> {
    match shape(cell).ok_or(DateError::NotADate)? {
        Shape::Exact(d) => Ok(d),
        // 05/05/2026 is the same day either way.
        Shape::Numeric {
            first,
            second,
            year,
        } if first == second => DateOrder::DayFirst
            .read(first, second, year)
            .ok_or(DateError::NotADate),
        Shape::Numeric {
            first,
            second,
            year,
        } => {
            let order = order.ok_or(DateError::NeedsOrder)?;
            order
                .read(first, second, year)
                .ok_or(DateError::NotIn(order))
        }
    }
}

/// What a column's dates say about their order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum OrderEvidence {
    /// No `a/b/yyyy` date that could be read both ways: nothing to ask.
    Unneeded,
    /// A day over 12 decides it, and no value says otherwise.
    Known(DateOrder),
    /// Every such date reads both ways (or the values disagree): the user is asked,
    /// with this value as the example.
    Unknown(String),
}

/// Tells US from UK dates by the values: a first number over 12 can only be a day.
pub(crate) fn detect_order<'a>(cells: impl Iterator<Item = &'a str>) -> OrderEvidence {
    let (mut month_first, mut day_first) = (false, false);
    let (mut example, mut first_seen) = (None, None);
    for cell in cells {
        let Some(Shape::Numeric {
            first,
            second,
            year,
        }) = shape(cell)
        else {
            continue;
        };
        first_seen.get_or_insert_with(|| cell.trim().to_owned());
        let mf = DateOrder::MonthFirst.read(first, second, year).is_some();
        let df = DateOrder::DayFirst.read(first, second, year).is_some();
        match (mf, df) {
            (true, false) => month_first = true,
            (false, true) => day_first = true,
            _ if first != second => {
                example.get_or_insert_with(|| cell.trim().to_owned());
            }
            _ => {}
        }
    }
    match (month_first, day_first, example) {
        (true, false, _) => OrderEvidence::Known(DateOrder::MonthFirst),
        (false, true, _) => OrderEvidence::Known(DateOrder::DayFirst),
        (true, true, example) => OrderEvidence::Unknown(example.or(first_seen).unwrap_or_default()),
        (false, false, Some(example)) => OrderEvidence::Unknown(example),
        (false, false, None) => OrderEvidence::Unneeded,
    }
}

/// How `cell` reads in `order`, to show the user what each answer would mean.
pub(crate) fn read_as(cell: &str, order: DateOrder) -> Option<NaiveDate> {
    parse_date(cell, Some(order)).ok()
}

/// Maps the words trackers and spreadsheets use for a status to a stage. A blank
/// status means the application was sent.
pub(crate) fn stage_for(text: &str) -> Option<Stage> {
    // Emoji go (Teal decorates some statuses); "?" stays, so "Hired??" is questioned.
    let lower: String = clean(text)
        .to_lowercase()
        .chars()
        .map(|c| if c == '-' || c == '_' { ' ' } else { c })
        .filter(|c| c.is_alphanumeric() || c.is_whitespace() || c.is_ascii_punctuation())
        .collect();
    let t = lower.split_whitespace().collect::<Vec<_>>().join(" ");
    if t.is_empty() {
        return Some(Stage::Applied);
    }
    if let Some(s) = Stage::ALL
        .into_iter()
        .find(|s| s.key() == t || s.label().to_lowercase() == t)
    {
        return Some(s);
    }
    Some(match t.as_str() {
        // JobSync's "Draft" and Teal's "Applying" are jobs not yet applied for.
        "wishlist" | "wish list" | "interested" | "to apply" | "bookmarked" | "draft"
        | "applying" => Stage::Saved,
        "submitted" | "sent" | "pending" | "in review" | "under review" => Stage::Applied,
        "phone screen" | "screen" | "recruiter call" | "phone interview" => Stage::Screening,
        "interview" | "interviewed" | "on site" | "onsite" | "final round" => Stage::Interviewing,
        "offered" | "offer received" | "offer extended" | "negotiating" => Stage::Offer,
        "hired" | "accepted offer" | "offer accepted" => Stage::Accepted,
        "rejection" | "declined by them" | "not selected" | "unsuccessful"
        | "not moving forward" => Stage::Rejected,
        "no response" | "no reply" | "no answer" => Stage::Ghosted,
        "withdrew" | "i withdrew" | "withdrawn by me" => Stage::Withdrawn,
        "declined offer" | "offer declined" | "turned down" => Stage::Declined,
        _ => return None,
    })
}

/// Reads Knockback's own "Stage History" cell ("2026-01-12 Applied; 2026-02-09
/// Rejected"), so an exported file comes back with its history.
pub(crate) fn parse_history(cell: &str) -> Option<Vec<(NaiveDate, Stage)>> {
    cell.split(';')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .map(|part| {
            let (date, label) = part.split_once(' ')?;
            let on = NaiveDate::parse_from_str(date, "%Y-%m-%d").ok()?;
            Some((on, stage_for(label).filter(|_| !label.trim().is_empty())?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("date")
    }

    #[test]
    fn placeholders_are_blank_and_flags_are_flags() {
        for p in ["", "  ", "-", "N/A", "n/a", "None", "null"] {
            assert_eq!(clean(p), "", "{p}");
        }
        assert_eq!(clean("  Acme "), "Acme");
        assert!(is_yes_no("Yes") && is_yes_no(" no ") && is_yes_no("TRUE"));
        assert!(!is_yes_no("2026-01-01") && !is_yes_no("Acme"));
        assert!(looks_like_link("https://x.example/job") && looks_like_link("www.x.example"));
        assert!(!looks_like_link("x.example"));
    }

    #[test]
    fn iso_and_spelled_out_dates_never_need_an_order() {
        for (cell, want) in [
            ("2026-03-14", d(2026, 3, 14)),
            ("2026/03/14", d(2026, 3, 14)),
            ("2022-02-26 19:17:05", d(2022, 2, 26)),
            ("2026-03-14T09:00:00Z", d(2026, 3, 14)),
            ("14 Mar 2026", d(2026, 3, 14)),
            ("March 14, 2026", d(2026, 3, 14)),
            ("14-Mar-2026", d(2026, 3, 14)),
            ("05/05/2026", d(2026, 5, 5)),
        ] {
            assert_eq!(parse_date(cell, None), Ok(want), "{cell}");
            assert_eq!(
                parse_date(cell, Some(DateOrder::MonthFirst)),
                Ok(want),
                "{cell}"
            );
        }
        assert_eq!(parse_date("Yes", None), Err(DateError::NotADate));
        assert_eq!(parse_date("next week", None), Err(DateError::NotADate));
        assert_eq!(parse_date("31/31/2026", None), Err(DateError::NotADate));
    }

    #[test]
    fn slashed_dates_follow_the_chosen_order() {
        assert_eq!(parse_date("03/04/2026", None), Err(DateError::NeedsOrder));
        let us = Some(DateOrder::MonthFirst);
        let uk = Some(DateOrder::DayFirst);
        assert_eq!(parse_date("03/04/2026", us), Ok(d(2026, 3, 4)));
        assert_eq!(parse_date("03/04/2026", uk), Ok(d(2026, 4, 3)));
        assert_eq!(parse_date("3.4.2026", uk), Ok(d(2026, 4, 3)));
        assert_eq!(
            parse_date("13/02/2026", us),
            Err(DateError::NotIn(DateOrder::MonthFirst))
        );
        assert_eq!(parse_date("13/02/2026", uk), Ok(d(2026, 2, 13)));
    }

    #[test]
    fn a_day_over_twelve_decides_the_order() {
        let us = ["03/04/2026", "N/A", "12/25/2025", "2026-01-01"];
        assert_eq!(
            detect_order(us.into_iter()),
            OrderEvidence::Known(DateOrder::MonthFirst)
        );
        let uk = ["03/04/2026", "25/12/2025"];
        assert_eq!(
            detect_order(uk.into_iter()),
            OrderEvidence::Known(DateOrder::DayFirst)
        );
        let unsure = ["05/05/2026", "03/04/2026", "04/03/2026"];
        assert_eq!(
            detect_order(unsure.into_iter()),
            OrderEvidence::Unknown("03/04/2026".into())
        );
        let mixed = ["12/25/2025", "25/12/2025"];
        assert_eq!(
            detect_order(mixed.into_iter()),
            OrderEvidence::Unknown("12/25/2025".into())
        );
        let iso = ["2026-03-04", "", "05/05/2026"];
        assert_eq!(detect_order(iso.into_iter()), OrderEvidence::Unneeded);
    }

    #[test]
    fn other_trackers_status_words_map_to_stages() {
        for (word, stage) in [
            ("Draft", Stage::Saved),
            ("wishlist", Stage::Saved),
            ("Bookmarked", Stage::Saved),
            ("Applying", Stage::Saved),
            ("applied", Stage::Applied),
            ("Interview", Stage::Interviewing),
            ("On-site", Stage::Interviewing),
            ("Negotiating", Stage::Offer),
            ("offer", Stage::Offer),
            ("Accepted", Stage::Accepted),
            ("rejected", Stage::Rejected),
            ("Not Selected", Stage::Rejected),
            ("I Withdrew", Stage::Withdrawn),
            ("No Response", Stage::Ghosted),
            ("Declined by me", Stage::Declined),
            ("N/A", Stage::Applied),
        ] {
            assert_eq!(stage_for(word), Some(stage), "{word}");
        }
        assert_eq!(stage_for("No Response \u{1f515}"), Some(Stage::Ghosted));
        assert_eq!(stage_for("Hired??"), None);
        assert_eq!(stage_for("Archived"), None);
    }

    #[test]
    fn knockbacks_stage_history_reads_back() {
        assert_eq!(
            parse_history("2026-01-12 Applied; 2026-02-09 Declined by me"),
            Some(vec![
                (d(2026, 1, 12), Stage::Applied),
                (d(2026, 2, 9), Stage::Declined)
            ])
        );
        assert_eq!(parse_history("2026-01-12"), None);
        assert_eq!(parse_history("soon Applied"), None);
        assert_eq!(parse_history("2026-01-12 Dancing"), None);
    }
}

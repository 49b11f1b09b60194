//! Small pieces of user-facing wording that depend on numbers: plurals and the backup
//! status line. Kept here, not in the views, so each rule has a native test.

use chrono::{DateTime, Utc};

use super::Meta;

/// "1 reflection", "2 reflections", "0 applications". `many` is spelled out because
/// English plurals are not always `one + "s"` ("1 company note", "2 company notes" is,
/// "1 reply", "2 replies" is not).
pub(crate) fn count(n: usize, one: &str, many: &str) -> String {
    if n == 1 {
        format!("1 {one}")
    } else {
        format!("{n} {many}")
    }
}

/// `x` with `places` decimals, as `format!("{x:.1}")` writes it (but halves round away
/// from zero), in integers: the float formatting behind `{:.1}` is about 13 KB of the
/// wasm, and the funnel on the first page was all that needed it there.
pub(crate) fn fixed(x: f64, places: u32) -> String {
    let scale = 10_u64.pow(places);
    // `as` saturates: a chart coordinate never comes near the limits.
    let n = (x * scale as f64).round() as i64;
    let sign = if n < 0 { "-" } else { "" };
    let n = n.unsigned_abs();
    match places {
        0 => format!("{sign}{n}"),
        _ => format!(
            "{sign}{}.{:0width$}",
            n / scale,
            n % scale,
            width = places as usize
        ),
    }
}

/// Joins phrases as a person would: "a", "a and b", "a, b and c".
pub(crate) fn and_list(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// How many days without a backup before the dashboard nudges.
pub(crate) const NUDGE_DAYS: i64 = 14;
/// How many changes without a backup before the dashboard nudges.
pub(crate) const NUDGE_CHANGES: u32 = 25;
/// Where the browser may delete the data after 7 days unused (see `eviction`), the nudge
/// comes before that can happen, and after fewer changes.
pub(crate) const STRICT_NUDGE_DAYS: i64 = 5;
pub(crate) const STRICT_NUDGE_CHANGES: u32 = 10;

/// What the backup card says, and whether it should nudge.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct BackupStatus {
    pub(crate) text: String,
    pub(crate) due: bool,
}

/// The backup card's line. A notebook with nothing in it has nothing to lose, so it is
/// never nudged; changes are counted only when there are some ("0 changes since" read as
/// a bug to the first person who saw it). `strict` where the browser may delete data on
/// its own (Safari's 7-day rule).
pub(crate) fn backup_status(
    meta: &Meta,
    has_applications: bool,
    strict: bool,
    now: DateTime<Utc>,
) -> BackupStatus {
    let (max_days, max_changes) = if strict {
        (STRICT_NUDGE_DAYS, STRICT_NUDGE_CHANGES)
    } else {
        (NUDGE_DAYS, NUDGE_CHANGES)
    };
    let days = meta.last_backup_at.map(|t| (now - t).num_days());
    let changes = meta.changes_since_backup;
    let due = has_applications && (days.is_none_or(|n| n >= max_days) || changes >= max_changes);
    let mut text = match meta.last_backup_at {
        Some(t) => format!("Last backup: {}.", super::time::format_date(t.date_naive())),
        None if has_applications => "No backup yet.".to_owned(),
        None => "No backup yet. Once you add an application, keep a backup of your notebook here."
            .to_owned(),
    };
    // Before any backup, nothing is in one, so there is nothing to count.
    if changes > 0 && meta.last_backup_at.is_some() {
        text.push(' ');
        text.push_str(&count(
            changes as usize,
            "change since then.",
            "changes since then.",
        ));
    }
    if due && strict {
        text.push_str(" This browser may delete a site's data after 7 days without a visit: a backup keeps your notebook safe.");
    } else if due {
        text.push_str(" Your notebook lives only in this browser: a backup keeps it safe.");
    }
    BackupStatus { text, due }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    #[test]
    fn fixed_decimals_match_the_float_format() {
        for x in [
            0.0, 1.0, 33.333, 66.66, 99.96, 100.0, 12.34, 287.5, 0.04, -3.21,
        ] {
            assert_eq!(fixed(x, 1), format!("{x:.1}"), "{x}");
        }
        assert_eq!(fixed(42.4, 0), "42");
        assert_eq!(fixed(59.6, 0), "60");
        assert_eq!(fixed(-0.04, 1), "0.0");
    }

    fn at(y: i32, m: u32, d: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(y, m, d, 9, 0, 0)
            .single()
            .expect("valid date")
    }

    #[test]
    fn plurals_read_right() {
        assert_eq!(count(1, "reflection", "reflections"), "1 reflection");
        assert_eq!(count(0, "reflection", "reflections"), "0 reflections");
        assert_eq!(count(2, "reply", "replies"), "2 replies");
        assert_eq!(and_list(&[]), "");
        assert_eq!(and_list(&["a".into()]), "a");
        assert_eq!(and_list(&["a".into(), "b".into()]), "a and b");
        assert_eq!(
            and_list(&["a".into(), "b".into(), "c".into()]),
            "a, b and c"
        );
    }

    #[test]
    fn a_new_notebook_never_says_zero_changes() {
        let s = backup_status(&Meta::default(), false, false, at(2026, 3, 1));
        assert!(!s.due);
        assert!(!s.text.contains("0 changes"), "{}", s.text);
        assert!(s.text.starts_with("No backup yet."));
        // One application, one change: due (never backed up), and counted in the singular.
        let meta = Meta {
            last_backup_at: None,
            changes_since_backup: 1,
        };
        let s = backup_status(&meta, true, false, at(2026, 3, 1));
        assert!(s.due);
        assert_eq!(
            s.text,
            "No backup yet. Your notebook lives only in this browser: a backup keeps it safe."
        );
    }

    #[test]
    fn where_the_browser_may_delete_data_the_nudge_comes_sooner() {
        let meta = Meta {
            last_backup_at: Some(at(2026, 3, 1)),
            changes_since_backup: 3,
        };
        // Six days: calm in most browsers, due where data can go after seven.
        assert!(!backup_status(&meta, true, false, at(2026, 3, 7)).due);
        let s = backup_status(&meta, true, true, at(2026, 3, 7));
        assert!(s.due);
        assert!(s.text.contains("after 7 days without a visit"));
        let busy = Meta {
            changes_since_backup: 12,
            ..meta
        };
        assert!(!backup_status(&busy, true, false, at(2026, 3, 2)).due);
        assert!(backup_status(&busy, true, true, at(2026, 3, 2)).due);
    }

    #[test]
    fn a_recent_backup_with_few_changes_is_calm() {
        let meta = Meta {
            last_backup_at: Some(at(2026, 3, 1)),
            changes_since_backup: 0,
        };
        let s = backup_status(&meta, true, false, at(2026, 3, 3));
        assert_eq!(
            s,
            BackupStatus {
                text: "Last backup: 1 Mar 2026.".into(),
                due: false
            }
        );
        let meta = Meta {
            changes_since_backup: 30,
            ..meta
        };
        let s = backup_status(&meta, true, false, at(2026, 3, 3));
        assert!(s.due);
        assert!(s
            .text
            .contains("Last backup: 1 Mar 2026. 30 changes since then."));
        let old = Meta {
            last_backup_at: Some(at(2026, 1, 1)),
            changes_since_backup: 2,
        };
        let s = backup_status(&old, true, false, at(2026, 3, 3));
        assert!(s.due);
        assert!(s
            .text
            .starts_with("Last backup: 1 Jan 2026. 2 changes since then."));
        let one = Meta {
            changes_since_backup: 1,
            ..old
        };
        assert!(backup_status(&one, true, false, at(2026, 1, 2))
            .text
            .contains("1 change since then."));
    }
}

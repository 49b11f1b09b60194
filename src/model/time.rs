//! Reading the dates, times and ids stored in a notebook, quickly; and showing dates.
//!
//! chrono's own `Deserialize` goes through its general format parser, which was half of
//! the time spent opening 1,000 applications (each has about a dozen dates). Knockback
//! writes exactly `YYYY-MM-DD` and `YYYY-MM-DDTHH:MM:SS[.fraction]Z`, so those are read
//! by hand here; anything else (older or hand-edited files) falls back to chrono, so
//! exactly the same texts are accepted as before, with the same results.
//!
//! Ids likewise: the uuid crate's parser was a third of the time spent turning 1,000
//! stored applications into Rust (measured in Chromium's profiler, seven ids each), so
//! the canonical hyphenated form Knockback writes is read by hand, and anything else
//! goes to the uuid crate.
//!
//! Used through `#[serde(deserialize_with = "…")]`; writing is unchanged.

use chrono::{DateTime, FixedOffset, NaiveDate, NaiveTime, Utc};
use serde::de::{Deserializer, Error, Visitor};
use serde::Deserialize;
use std::fmt;
use std::marker::PhantomData;
use uuid::Uuid;

pub(crate) fn date<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
    Fast::<NaiveDate>::deserialize(d).map(|f| f.0)
}

pub(crate) fn opt_date<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
    Option::<Fast<NaiveDate>>::deserialize(d).map(|o| o.map(|f| f.0))
}

pub(crate) fn datetime<'de, D: Deserializer<'de>>(d: D) -> Result<DateTime<Utc>, D::Error> {
    Fast::<DateTime<Utc>>::deserialize(d).map(|f| f.0)
}

pub(crate) fn opt_datetime<'de, D: Deserializer<'de>>(
    d: D,
) -> Result<Option<DateTime<Utc>>, D::Error> {
    Option::<Fast<DateTime<Utc>>>::deserialize(d).map(|o| o.map(|f| f.0))
}

/// A date as shown on screen: "12 Jan 2026". Day, month name, year reads the same
/// everywhere English is read (unlike 1/12/2026).
///
/// Why not the browser's `Intl.DateTimeFormat`: creating the first one loads locale
/// data, which cost 35 ms of a cold start (measured), for a UI that is English anyway.
pub(crate) fn format_date(date: NaiveDate) -> String {
    use chrono::Datelike;
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    let month = MONTHS.get(date.month0() as usize).copied().unwrap_or("?");
    format!("{} {month} {}", date.day(), date.year())
}

/// A time of day as shown and exported: "14:30" (what `%H:%M` writes). By hand, as
/// `format_date` is: chrono's format strings bring their parser and formatter, about
/// 10 KB, into the first download.
pub(crate) fn format_time(t: NaiveTime) -> String {
    use chrono::Timelike;
    format!("{:02}:{:02}", t.hour(), t.minute())
}

/// iCalendar's compact forms: a date "20260312", a local time "20260312T143000".
pub(crate) fn ics_date(d: NaiveDate) -> String {
    use chrono::Datelike;
    format!("{:04}{:02}{:02}", d.year(), d.month(), d.day())
}

pub(crate) fn ics_local(t: chrono::NaiveDateTime) -> String {
    use chrono::Timelike;
    format!(
        "{}T{:02}{:02}{:02}",
        ics_date(t.date()),
        t.hour(),
        t.minute(),
        t.second()
    )
}

pub(crate) fn uuid<'de, D: Deserializer<'de>>(d: D) -> Result<Uuid, D::Error> {
    Fast::<Uuid>::deserialize(d).map(|f| f.0)
}

/// A value read from a string by [`Parse`].
struct Fast<T>(T);

trait Parse: Sized {
    const EXPECTING: &'static str;
    fn parse(s: &str) -> Result<Self, String>;
}

impl Parse for NaiveDate {
    const EXPECTING: &'static str = "a date (YYYY-MM-DD)";
    fn parse(s: &str) -> Result<Self, String> {
        match s.as_bytes() {
            [y @ .., b'-', m1, m2, b'-', d1, d2] if y.len() == 4 => {
                if let (Some(y), Some(m), Some(d)) =
                    (digits(y), digits(&[*m1, *m2]), digits(&[*d1, *d2]))
                {
                    if let Some(date) = NaiveDate::from_ymd_opt(y as i32, m, d) {
                        return Ok(date);
                    }
                }
            }
            _ => {}
        }
        s.parse().map_err(|e: chrono::ParseError| e.to_string())
    }
}

impl Parse for Uuid {
    const EXPECTING: &'static str = "an id (a UUID)";
    fn parse(s: &str) -> Result<Self, String> {
        if let Some(id) = fast_uuid(s.as_bytes()) {
            return Ok(id);
        }
        Uuid::parse_str(s).map_err(|e| e.to_string())
    }
}

/// `xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx` in hex digits of either case; `None` otherwise.
fn fast_uuid(b: &[u8]) -> Option<Uuid> {
    if b.len() != 36 || b[8] != b'-' || b[13] != b'-' || b[18] != b'-' || b[23] != b'-' {
        return None;
    }
    let mut n: u128 = 0;
    for (i, &c) in b.iter().enumerate() {
        if matches!(i, 8 | 13 | 18 | 23) {
            continue;
        }
        let v = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            b'A'..=b'F' => c - b'A' + 10,
            _ => return None,
        };
        n = (n << 4) | u128::from(v);
    }
    Some(Uuid::from_u128(n))
}

impl Parse for DateTime<Utc> {
    const EXPECTING: &'static str = "a date and time (RFC 3339)";
    fn parse(s: &str) -> Result<Self, String> {
        if let Some(t) = fast_utc(s.as_bytes()) {
            return Ok(t);
        }
        // What chrono's own `Deserialize` does.
        s.parse::<DateTime<FixedOffset>>()
            .map(|t| t.with_timezone(&Utc))
            .map_err(|e| e.to_string())
    }
}

/// `YYYY-MM-DDTHH:MM:SS[.f…]Z` with 1 to 9 fraction digits; `None` for anything else.
fn fast_utc(b: &[u8]) -> Option<DateTime<Utc>> {
    let (head, rest) = (b.get(..19)?, b.get(19..)?);
    let date = NaiveDate::parse(std::str::from_utf8(head.get(..10)?).ok()?).ok()?;
    if head[10] != b'T' || head[13] != b':' || head[16] != b':' {
        return None;
    }
    let (h, m, s) = (
        digits(&head[11..13])?,
        digits(&head[14..16])?,
        digits(&head[17..19])?,
    );
    let nanos = match rest {
        [b'Z'] => 0,
        [b'.', frac @ .., b'Z'] if (1..=9).contains(&frac.len()) => {
            digits(frac)? * 10u32.pow(9 - frac.len() as u32)
        }
        _ => return None,
    };
    Some(
        date.and_time(NaiveTime::from_hms_nano_opt(h, m, s, nanos)?)
            .and_utc(),
    )
}

/// The number spelt by ASCII digits (at most 9 of them); `None` if any isn't a digit.
fn digits(b: &[u8]) -> Option<u32> {
    if b.is_empty() || b.len() > 9 {
        return None;
    }
    b.iter().try_fold(0u32, |n, &c| {
        c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
    })
}

impl<'de, T: Parse> Deserialize<'de> for Fast<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(PhantomData<T>);
        impl<T: Parse> Visitor<'_> for V<T> {
            type Value = Fast<T>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(T::EXPECTING)
            }
            // Borrowed or owned strings both arrive here, without a copy.
            fn visit_str<E: Error>(self, v: &str) -> Result<Self::Value, E> {
                T::parse(v).map(Fast).map_err(E::custom)
            }
        }
        d.deserialize_str(V(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// What chrono's own `Deserialize` makes of `s`, and what ours does.
    fn both<T>(s: &str) -> (Result<T, String>, Result<T, String>)
    where
        T: for<'de> Deserialize<'de> + Parse,
    {
        let json = serde_json::to_string(s).expect("a string");
        let chrono = serde_json::from_str::<T>(&json).map_err(|e| e.to_string());
        let fast = serde_json::from_str::<Fast<T>>(&json)
            .map(|f| f.0)
            .map_err(|e| e.to_string());
        (chrono, fast)
    }

    #[test]
    fn ids_read_as_the_uuid_crate_reads_them() {
        for s in [
            "67e55044-10b1-426f-9247-bb680e5fe0c8",
            "67E55044-10B1-426F-9247-BB680E5FE0C8",
            "00000000-0000-0000-0000-000000000000",
            "67e5504410b1426f9247bb680e5fe0c8",
            "urn:uuid:67e55044-10b1-426f-9247-bb680e5fe0c8",
            "{67e55044-10b1-426f-9247-bb680e5fe0c8}",
            "67e55044-10b1-426f-9247-bb680e5fe0cg",
            "67e55044-10b1-426f-9247+bb680e5fe0c8",
            "67e55044-10b1-426f-9247-bb680e5fe0c",
            "",
            "é7e55044-10b1-426f-9247-bb680e5fe0c",
        ] {
            let (theirs, ours) = both::<Uuid>(s);
            assert_eq!(theirs.is_ok(), ours.is_ok(), "{s}");
            if let (Ok(a), Ok(b)) = (theirs, ours) {
                assert_eq!(a, b, "{s}");
            }
        }
    }

    #[test]
    fn dates_show_day_month_year() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).expect("date");
        assert_eq!(format_date(d(2026, 1, 12)), "12 Jan 2026");
        assert_eq!(format_date(d(2026, 12, 1)), "1 Dec 2026");
    }

    #[test]
    fn reads_what_knockback_writes() {
        let t = "2026-11-26T09:36:21.123Z";
        assert_eq!(
            both::<DateTime<Utc>>(t).1.expect("reads").to_rfc3339(),
            "2026-11-26T09:36:21.123+00:00"
        );
        assert_eq!(
            both::<NaiveDate>("2026-02-28").1,
            Ok(NaiveDate::from_ymd_opt(2026, 2, 28).expect("date"))
        );
        assert!(both::<NaiveDate>("2026-02-30").1.is_err());
        assert!(both::<DateTime<Utc>>("yesterday").1.is_err());
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(1024))]
        /// Dates and times in every shape we write and many we don't: the fast path
        /// must agree with chrono on each, including which ones are errors.
        #[test]
        fn agrees_with_chrono(
            y in 0u32..10000, mo in 0u32..14, d in 0u32..33, h in 0u32..26, mi in 0u32..61,
            s in 0u32..62, frac in "[0-9]{0,11}", sep in "[T t]", zone in "(Z|z|\\+01:00|-00:30|)",
        ) {
            let date = format!("{y:04}-{mo:02}-{d:02}");
            let dot = if frac.is_empty() { String::new() } else { format!(".{frac}") };
            let time = format!("{date}{sep}{h:02}:{mi:02}:{s:02}{dot}{zone}");
            let (c, f) = both::<NaiveDate>(&date);
            prop_assert_eq!(c.ok(), f.ok(), "{}", date);
            let (c, f) = both::<DateTime<Utc>>(&time);
            prop_assert_eq!(c.ok(), f.ok(), "{}", time);
        }

        #[test]
        fn any_text_is_read_as_chrono_reads_it(s in ".{0,30}") {
            let (c, f) = both::<DateTime<Utc>>(&s);
            prop_assert_eq!(c.ok(), f.ok());
            let (c, f) = both::<NaiveDate>(&s);
            prop_assert_eq!(c.ok(), f.ok());
        }

        #[test]
        fn any_id_is_read_as_the_uuid_crate_reads_it(s in "[0-9a-fA-F-]{30,40}|.{0,40}") {
            let (theirs, ours) = both::<Uuid>(&s);
            prop_assert_eq!(theirs.ok(), ours.ok());
        }
    }
}

//! The practical facts about a job beyond its title: the salary range and its
//! currency, and how much the user wants it (priority). Parsed from what the form
//! collects, forgivingly ("£45,000", "45k"), and shown back compactly.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::application::{Application, ApplicationDraft, Field, FieldError};
use super::choice::Choice;

/// How much the user wants this job, so the list and board can put the best first.
#[cfg_attr(test, derive(schemars::JsonSchema))]
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub(crate) enum Priority {
    Low,
    Medium,
    High,
}

impl Priority {
    pub(crate) const ALL: [Priority; 3] = [Priority::High, Priority::Medium, Priority::Low];

    pub(crate) fn key(self) -> &'static str {
        match self {
            Priority::Low => "low",
            Priority::Medium => "medium",
            Priority::High => "high",
        }
    }

    pub(crate) fn label(self) -> &'static str {
        match self {
            Priority::Low => "Low: would consider it",
            Priority::Medium => "Medium: keen",
            Priority::High => "High: really want it",
        }
    }

    /// The one word a spreadsheet cell holds ("High").
    pub(crate) fn name(self) -> &'static str {
        match self {
            Priority::Low => "Low",
            Priority::Medium => "Medium",
            Priority::High => "High",
        }
    }

    /// The short word shown on a card or the detail page.
    pub(crate) fn short_label(self) -> &'static str {
        match self {
            Priority::Low => "Low priority",
            Priority::Medium => "Medium priority",
            Priority::High => "High priority",
        }
    }
}

/// The largest amount accepted: far above any salary, low enough that no sum overflows.
const MAX_AMOUNT: u64 = 1_000_000_000_000;

/// Reads one salary amount as typed. Thousands separators, a leading currency symbol
/// and a trailing "k" are understood (people paste "£45,000" or type "45k").
/// `which` names the field in the message ("minimum", "maximum").
pub(crate) fn parse_amount(text: &str, which: &str) -> Result<Option<u64>, String> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    let t = t.trim_start_matches(['£', '$', '€', '¥']).trim();
    if t.starts_with('-') || t.starts_with('−') {
        return Err(format!("The {which} salary can't be negative."));
    }
    let (t, thousands) = match t.strip_suffix(['k', 'K']) {
        Some(rest) => (rest.trim_end(), 1000),
        None => (t, 1),
    };
    let digits: String = t
        .chars()
        .filter(|c| !matches!(c, ',' | '_' | ' ' | '\u{a0}' | '\u{202f}' | '\''))
        .collect();
    if digits.contains('.') {
        return Err(format!(
            "Enter the {which} salary as a whole amount, like 45000 (no pence or cents)."
        ));
    }
    if digits.is_empty() || !digits.chars().all(|c| c.is_ascii_digit()) {
        return Err(format!(
            "Enter the {which} salary as a number, like 45000 or 45k."
        ));
    }
    digits
        .parse::<u64>()
        .ok()
        .and_then(|n| n.checked_mul(thousands))
        .filter(|n| *n <= MAX_AMOUNT)
        .map(Some)
        .ok_or_else(|| format!("The {which} salary is too large to be right; check the zeros."))
}

/// Reads a currency as an ISO 4217 code ("GBP"). The common symbols are understood,
/// and case doesn't matter.
pub(crate) fn parse_currency(text: &str) -> Result<String, String> {
    let t = text.trim();
    let code = match t {
        "£" => "GBP".to_owned(),
        "$" => "USD".to_owned(),
        "€" => "EUR".to_owned(),
        "¥" => "JPY".to_owned(),
        _ => t.to_ascii_uppercase(),
    };
    if code.is_empty() || (code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase())) {
        Ok(code)
    } else {
        Err("Enter the currency as a three-letter code, like GBP, EUR or USD.".to_owned())
    }
}

/// A whole amount with thousands separators: 45000 → "45,000".
pub(crate) fn format_amount(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The range as one short phrase: "GBP 45,000–55,000", "from 45,000", "up to 55,000";
/// `None` when neither end is known.
pub(crate) fn salary_text(min: Option<u64>, max: Option<u64>, currency: &str) -> Option<String> {
    let range = match (min, max) {
        (None, None) => return None,
        (Some(a), Some(b)) if a == b => format_amount(a),
        (Some(a), Some(b)) => format!("{}–{}", format_amount(a), format_amount(b)),
        (Some(a), None) => format!("from {}", format_amount(a)),
        (None, Some(b)) => format!("up to {}", format_amount(b)),
    };
    Some(match currency.trim() {
        "" => range,
        c => format!("{c} {range}"),
    })
}

/// The checked salary, currency, closing date and priority.
pub(crate) struct Details {
    salary_min: Option<u64>,
    salary_max: Option<u64>,
    currency: String,
    closing_on: Option<NaiveDate>,
    priority: Option<Priority>,
}

impl Details {
    pub(crate) fn copy_into(self, app: &mut Application) {
        app.salary_min = self.salary_min;
        app.salary_max = self.salary_max;
        app.currency = self.currency;
        app.closing_on = self.closing_on;
        app.priority = self.priority;
    }
}

impl Application {
    /// The salary range as one short phrase ("GBP 45,000–55,000"), if any end is known.
    pub(crate) fn salary_text(&self) -> Option<String> {
        salary_text(self.salary_min, self.salary_max, &self.currency)
    }
}

impl ApplicationDraft {
    /// Checks the salary, currency, closing date and priority, adding what to fix to
    /// `errors`.
    pub(crate) fn check_details(&self, errors: &mut Vec<FieldError>) -> Details {
        let mut err = |field, message: String| errors.push(FieldError { field, message });
        let mut amount = |text: &str, which, field| {
            parse_amount(text, which).unwrap_or_else(|m| {
                err(field, m);
                None
            })
        };
        let salary_min = amount(&self.salary_min, "minimum", Field::SalaryMin);
        let salary_max = amount(&self.salary_max, "maximum", Field::SalaryMax);
        if let (Some(min), Some(max)) = (salary_min, salary_max) {
            if max < min {
                err(
                    Field::SalaryMax,
                    "The maximum salary is below the minimum; swap them or fix one.".to_owned(),
                );
            }
        }
        let currency = parse_currency(&self.currency).unwrap_or_else(|m| {
            err(Field::Currency, m);
            String::new()
        });
        let closing_on = match self.closing_on.trim() {
            "" => None,
            s => NaiveDate::parse_from_str(s, "%Y-%m-%d").ok().or_else(|| {
                err(
                    Field::ClosingOn,
                    "Enter the closing date like 2026-03-14.".to_owned(),
                );
                None
            }),
        };
        let priority = match self.priority.trim() {
            "" => None,
            key => Priority::from_key(key).or_else(|| {
                err(
                    Field::Priority,
                    "Choose a priority from the list.".to_owned(),
                );
                None
            }),
        };
        Details {
            salary_min,
            salary_max,
            currency,
            closing_on,
            priority,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_are_read_forgivingly() {
        assert_eq!(parse_amount("", "minimum"), Ok(None));
        assert_eq!(parse_amount(" 45000 ", "minimum"), Ok(Some(45_000)));
        assert_eq!(parse_amount("£45,000", "minimum"), Ok(Some(45_000)));
        assert_eq!(parse_amount("45 000", "minimum"), Ok(Some(45_000)));
        assert_eq!(parse_amount("45k", "minimum"), Ok(Some(45_000)));
        assert_eq!(parse_amount("120 K", "maximum"), Ok(Some(120_000)));
    }

    #[test]
    fn bad_amounts_say_what_to_fix() {
        let err = |s| parse_amount(s, "minimum").expect_err(s);
        assert!(err("-5").contains("can't be negative"));
        assert!(err("45000.50").contains("whole amount"));
        assert!(err("lots").contains("as a number"));
        assert!(err("k").contains("as a number"));
        assert!(err("99999999999999999999").contains("too large"));
        assert!(err("2000000000000").contains("too large"));
        assert!(err("abc").contains("minimum"));
    }

    #[test]
    fn currencies_are_codes() {
        assert_eq!(parse_currency(" gbp "), Ok("GBP".into()));
        assert_eq!(parse_currency("£"), Ok("GBP".into()));
        assert_eq!(parse_currency(""), Ok(String::new()));
        assert!(parse_currency("pounds").is_err());
        assert!(parse_currency("G1P").is_err());
    }

    #[test]
    fn ranges_read_compactly() {
        assert_eq!(format_amount(0), "0");
        assert_eq!(format_amount(999), "999");
        assert_eq!(format_amount(45_000), "45,000");
        assert_eq!(format_amount(1_234_567), "1,234,567");
        assert_eq!(
            salary_text(Some(45_000), Some(55_000), "GBP").as_deref(),
            Some("GBP 45,000–55,000")
        );
        assert_eq!(
            salary_text(Some(45_000), None, "").as_deref(),
            Some("from 45,000")
        );
        assert_eq!(
            salary_text(None, Some(50_000), "EUR").as_deref(),
            Some("EUR up to 50,000")
        );
        assert_eq!(salary_text(Some(5), Some(5), "").as_deref(), Some("5"));
        assert_eq!(salary_text(None, None, "GBP"), None);
    }

    #[test]
    fn priority_keys_are_stable() {
        assert_eq!(
            serde_json::to_string(&Priority::High).ok().as_deref(),
            Some("\"high\"")
        );
        assert!(Priority::High > Priority::Low);
    }
}

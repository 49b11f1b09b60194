//! The optional details of an imported row: salary range, currency, closing date and
//! priority. Unlike the company or a date applied, none of them is worth losing a row
//! over, so a value that can't be read is kept in the notes instead.

use super::columns::{Field, Mapping};
use super::sheet::{date_problem, Sheet};
use super::values::{parse_date, priority_for, DateOrder};
use crate::model::job_details::{parse_amount, parse_currency};

/// The optional details of one row, as the form's draft takes them. A value that can't
/// be read doesn't cost the user the application: it goes into the notes as
/// "Header: value", and `kept` says why.
pub(super) struct Details {
    pub(super) salary_min: String,
    pub(super) salary_max: String,
    pub(super) currency: String,
    pub(super) closing_on: String,
    pub(super) priority: String,
    pub(super) notes: Vec<String>,
    pub(super) kept: Vec<String>,
}

impl Details {
    pub(super) fn read<'a>(
        sheet: &Sheet,
        mapping: &Mapping,
        get: &dyn Fn(Field) -> &'a str,
        order: Option<DateOrder>,
    ) -> Details {
        let mut d = Details {
            salary_min: String::new(),
            salary_max: String::new(),
            currency: String::new(),
            closing_on: String::new(),
            priority: String::new(),
            notes: Vec::new(),
            kept: Vec::new(),
        };
        let header = |f: Field| {
            (mapping.column_of(f))
                .and_then(|i| sheet.headers.get(i))
                .map_or("", String::as_str)
        };
        let keep = |d: &mut Details, f: Field, why: String| {
            d.notes.push(format!("{}: {}", header(f), get(f)));
            d.kept.push(format!("{why}, so it is kept in the notes"));
        };
        let amount = |d: &mut Details, f: Field, which: &str| match get(f) {
            "" => None,
            s => parse_amount(s, which).unwrap_or_else(|_| {
                keep(d, f, format!("the {which} salary “{s}” isn't an amount"));
                None
            }),
        };
        let min = amount(&mut d, Field::SalaryMin, "minimum");
        let max = amount(&mut d, Field::SalaryMax, "maximum");
        match (min, max) {
            (Some(a), Some(b)) if b < a => {
                keep(
                    &mut d,
                    Field::SalaryMin,
                    format!("the salary range {a}–{b} runs backwards"),
                );
                d.notes.push(format!(
                    "{}: {}",
                    header(Field::SalaryMax),
                    get(Field::SalaryMax)
                ));
            }
            _ => {
                d.salary_min = min.map(|n| n.to_string()).unwrap_or_default();
                d.salary_max = max.map(|n| n.to_string()).unwrap_or_default();
            }
        }
        d.currency = match get(Field::Currency) {
            // "$120,000" says its currency when no column does.
            "" => [Field::SalaryMin, Field::SalaryMax]
                .into_iter()
                .filter_map(|f| get(f).chars().next())
                .filter(|c| matches!(c, '£' | '$' | '€' | '¥'))
                .find_map(|c| parse_currency(&c.to_string()).ok())
                .filter(|_| !(d.salary_min.is_empty() && d.salary_max.is_empty()))
                .unwrap_or_default(),
            s => parse_currency(s).unwrap_or_else(|_| {
                keep(
                    &mut d,
                    Field::Currency,
                    format!("the currency “{s}” isn't a code like GBP"),
                );
                String::new()
            }),
        };
        d.closing_on = match get(Field::ClosingOn) {
            "" => String::new(),
            s => match parse_date(s, order) {
                Ok(on) => on.to_string(),
                Err(e) => {
                    let why = date_problem(s, e).replacen("the date", "the closing date", 1);
                    keep(&mut d, Field::ClosingOn, why);
                    String::new()
                }
            },
        };
        d.priority = match get(Field::Priority) {
            "" => String::new(),
            s => priority_for(s).map_or_else(
                || {
                    keep(
                        &mut d,
                        Field::Priority,
                        format!("the priority “{s}” isn't High, Medium or Low"),
                    );
                    String::new()
                },
                |p| p.key().to_owned(),
            ),
        };
        d
    }
}

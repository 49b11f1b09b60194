//! A CSV read once into headers and rows, and the preview of what one mapping of its
//! columns would add. The preview is rebuilt whenever the mapping changes; nothing is
//! saved here.

use crate::model::error::SheetError;
use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::columns::{Field, Mapping};
use super::details::Details;
use super::rounds;
use super::values::{
    clean, detect_order, parse_date, parse_history, stage_for, DateError, DateOrder, OrderEvidence,
};
use crate::model::stage::{insert_change, StageChange};
use crate::model::{Application, ApplicationDraft};

/// One line of the file after the header, numbered as a spreadsheet numbers it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Row {
    pub(crate) number: usize,
    /// The cells, or why the line couldn't be read.
    pub(crate) cells: Result<Vec<String>, String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Sheet {
    pub(crate) headers: Vec<String>,
    /// Rows with at least one filled cell.
    pub(crate) rows: Vec<Row>,
}

impl Sheet {
    /// Reads the whole file. Only an empty file or an unreadable header row is refused;
    /// a bad line is kept, to be listed by its row number.
    pub(crate) fn read(text: &str) -> Result<Sheet, SheetError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        if text.trim().is_empty() {
            return Err(SheetError::Empty);
        }
        let mut reader = csv::ReaderBuilder::new()
            .flexible(true)
            .delimiter(delimiter(text))
            .from_reader(text.as_bytes());
        let headers = reader
            .headers()
            .map_err(|e| SheetError::NotCsv(e.to_string()))?
            .iter()
            .map(|h| h.trim().to_owned())
            .collect();
        let mut rows = Vec::new();
        for (i, record) in reader.records().enumerate() {
            let cells = match record {
                Ok(r) if r.iter().all(|f| f.trim().is_empty()) => continue,
                Ok(r) => Ok(r.iter().map(str::to_owned).collect()),
                Err(e) => Err(format!("unreadable: {e}")),
            };
            // 1-based, after the header row.
            rows.push(Row {
                number: i + 2,
                cells,
            });
        }
        Ok(Sheet { headers, rows })
    }

    /// Every readable cell of one column, for the checks and the date order.
    pub(crate) fn column(&self, index: usize) -> impl Iterator<Item = &str> {
        self.rows
            .iter()
            .filter_map(move |r| r.cells.as_ref().ok()?.get(index).map(String::as_str))
    }

    /// The first few different values of a column, shown beside its choice.
    pub(crate) fn examples(&self, index: usize, n: usize) -> Vec<String> {
        let mut seen: Vec<String> = Vec::new();
        for cell in self.column(index).map(clean).filter(|c| !c.is_empty()) {
            if !seen.iter().any(|s| s == cell) {
                seen.push(cell.to_owned());
            }
            if seen.len() == n {
                break;
            }
        }
        seen
    }
}

/// Spreadsheets set to a language with decimal commas save CSV with semicolons (or
/// tabs): the header line tells which.
fn delimiter(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or("");
    [b',', b';', b'\t']
        .into_iter()
        .max_by_key(|d| first.bytes().filter(|b| b == d).count())
        .filter(|d| first.bytes().any(|b| b == *d))
        .unwrap_or(b',')
}

#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct ImportPreview {
    pub(crate) applications: Vec<Application>,
    /// (spreadsheet row number, what was wrong), never dropped silently.
    pub(crate) bad_rows: Vec<(usize, String)>,
    /// (row number, why): an optional value (salary, currency, closing date, priority)
    /// that couldn't be read, so the row is added with it in its notes instead.
    pub(crate) in_notes: Vec<(usize, String)>,
    /// Headers of the columns set to Ignore, named so nothing is lost unnoticed.
    pub(crate) ignored: Vec<String>,
    /// Fields every application needs that no column fills yet.
    pub(crate) missing: Vec<Field>,
    /// When the dates could be read either way: one of them, to ask the user about.
    pub(crate) date_question: Option<String>,
    /// The order the dates are read in: told by the values, or the user's answer.
    pub(crate) date_order: Option<DateOrder>,
}

impl ImportPreview {
    /// Nothing is built until the user says how to read ambiguous dates, so no
    /// application is shown (or added) with a date that may be wrong.
    pub(crate) fn waiting_for_date_order(&self) -> bool {
        self.date_question.is_some() && self.date_order.is_none()
    }
}

/// What importing `sheet` read through `mapping` would add, and what it couldn't.
pub(crate) fn preview(
    sheet: &Sheet,
    mapping: &Mapping,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> ImportPreview {
    let field = |i: usize| mapping.fields.get(i).copied().flatten();
    let mut p = ImportPreview {
        ignored: (sheet.headers.iter().enumerate())
            .filter(|&(i, h)| !h.is_empty() && field(i).is_none())
            .map(|(_, h)| h.clone())
            .collect(),
        missing: [Field::Company, Field::Role]
            .into_iter()
            .filter(|f| mapping.column_of(*f).is_none())
            .collect(),
        ..ImportPreview::default()
    };
    // The applied and closing dates of one file are written the same way, so both
    // columns are evidence for (and both are read in) the one order.
    let date_columns: Vec<usize> = [Field::Applied, Field::ClosingOn]
        .into_iter()
        .filter_map(|f| mapping.column_of(f))
        .collect();
    let evidence = (!date_columns.is_empty())
        .then(|| detect_order(date_columns.iter().flat_map(|&c| sheet.column(c))));
    match evidence {
        Some(OrderEvidence::Known(order)) => p.date_order = Some(order),
        Some(OrderEvidence::Unknown(example)) => {
            p.date_question = Some(example);
            p.date_order = mapping.date_order;
        }
        Some(OrderEvidence::Unneeded) | None => {}
    }
    if !p.missing.is_empty() || p.waiting_for_date_order() {
        return p;
    }
    let mut kept = Vec::new();
    for row in &sheet.rows {
        let built = match &row.cells {
            Ok(cells) => build(sheet, mapping, cells, p.date_order, today, now, &mut kept),
            Err(e) => Err(e.clone()),
        };
        match built {
            Ok(app) => {
                p.applications.push(app);
                (p.in_notes).extend(kept.drain(..).map(|why| (row.number, why)));
            }
            Err(why) => {
                kept.clear();
                p.bad_rows.push((row.number, why));
            }
        }
    }
    p
}

/// One row into a new application, or what is wrong with it, in the words of a
/// bad-row line ("Row 4: …").
fn build(
    sheet: &Sheet,
    mapping: &Mapping,
    cells: &[String],
    order: Option<DateOrder>,
    today: NaiveDate,
    now: DateTime<Utc>,
    kept: &mut Vec<String>,
) -> Result<Application, String> {
    let get = |f: Field| {
        mapping
            .column_of(f)
            .and_then(|i| cells.get(i))
            .map_or("", |c| clean(c))
    };
    let applied_on = match get(Field::Applied) {
        "" => String::new(),
        s => parse_date(s, order)
            .map_err(|e| date_problem(s, e))?
            .to_string(),
    };
    let stage_text = get(Field::Stage);
    let stage = stage_for(stage_text)
        .ok_or_else(|| format!("the status “{stage_text}” doesn't match a stage"))?;
    let history = match get(Field::History) {
        "" => Vec::new(),
        s => parse_history(s)
            .filter(|h| h.iter().all(|(on, _)| *on <= today))
            .ok_or_else(|| {
                format!(
                    "the stage history “{s}” isn't like “2026-01-12 Applied; 2026-02-09 Rejected”"
                )
            })?,
    };
    let details = Details::read(sheet, mapping, &get, order);
    // The raw cell, not `get`'s trimmed one: the last round's notes keep their spacing.
    let rounds_cell = mapping
        .column_of(Field::Rounds)
        .and_then(|i| cells.get(i))
        .filter(|c| !clean(c).is_empty())
        .map_or("", String::as_str);
    let interviews = rounds::parse(rounds_cell)?;
    let draft = ApplicationDraft {
        company: get(Field::Company).to_owned(),
        role: get(Field::Role).to_owned(),
        link: get(Field::Link).to_owned(),
        location: get(Field::Location).to_owned(),
        source: get(Field::Source).to_owned(),
        applied_on,
        stage: stage.key().to_owned(),
        tags: get(Field::Tags).to_owned(),
        notes: [notes(sheet, mapping, cells), details.notes.join("\n")]
            .into_iter()
            .filter(|n| !n.is_empty())
            .collect::<Vec<_>>()
            .join("\n"),
        salary_min: details.salary_min,
        salary_max: details.salary_max,
        currency: details.currency,
        closing_on: details.closing_on,
        priority: details.priority,
    };
    let mut app = draft.build(Uuid::new_v4(), today, now).map_err(|errors| {
        errors
            .iter()
            .map(|e| e.message.trim_end_matches('.').to_lowercase())
            .collect::<Vec<_>>()
            .join("; ")
    })?;
    app.interviews = interviews;
    kept.extend(details.kept);
    // Knockback's own export carries the whole history: it replaces the single
    // change the draft starts with, so a re-imported file keeps it.
    if !history.is_empty() {
        app.history.clear();
        for (on, stage) in history {
            let change = StageChange {
                stage,
                on,
                recorded_at: now,
            };
            insert_change(&mut app.history, change);
        }
    }
    Ok(app)
}

/// One notes column is copied as it is; several are kept as "Header: value" lines so
/// each value stays recognisable.
fn notes(sheet: &Sheet, mapping: &Mapping, cells: &[String]) -> String {
    let value = |i: usize| cells.get(i).map_or("", String::as_str);
    match mapping.columns_of(Field::Notes).as_slice() {
        [] => String::new(),
        [only] if clean(value(*only)).is_empty() => String::new(),
        [only] => value(*only).to_owned(),
        many => many
            .iter()
            .filter(|&&i| !clean(value(i)).is_empty())
            .map(|&i| {
                let header = sheet.headers.get(i).map_or("", String::as_str);
                format!("{header}: {}", clean(value(i)))
            })
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

pub(super) fn date_problem(cell: &str, e: DateError) -> String {
    match e {
        DateError::NotADate => {
            format!("the date “{cell}” isn't a date Knockback understands (use 2026-03-14)")
        }
        DateError::NeedsOrder => {
            format!("the date “{cell}” could be read day first or month first")
        }
        DateError::NotIn(order) => format!(
            "the date “{cell}” doesn't fit the order chosen for this file: {}",
            order.label().to_lowercase()
        ),
    }
}

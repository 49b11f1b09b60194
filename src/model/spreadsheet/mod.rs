//! Spreadsheets: applications out to CSV (every field the form and the interview rounds
//! hold, with stage history and feedback status), and
//! in from a CSV kept by hand or exported by another tracker. Importing is three steps:
//! read the file ([`Sheet`]), guess what each column holds ([`Mapping`], which the user
//! can change), and preview what would be added ([`preview`]).

mod columns;
mod details;
mod rounds;
mod sheet;
mod values;
use super::error::SheetError;
use super::AppData;

pub(crate) use columns::{Field, Mapping};
pub(crate) use sheet::{preview, ImportPreview, Sheet};
pub(crate) use values::{read_as, DateOrder};

/// One CSV row per application. Stage history is "date stage" pairs joined with "; ";
/// the interview rounds are a line each (see [`rounds`]). Every column up to "Interview
/// Rounds" imports back; feedback, timestamps and the id are there to read.
pub(crate) fn export(data: &AppData) -> Result<String, SheetError> {
    let mut w = csv::Writer::from_writer(Vec::new());
    let header = [
        "Company",
        "Role",
        "Stage",
        "Date Applied",
        "Link",
        "Location",
        "Source",
        "Tags",
        "Notes",
        "Stage History",
        "Salary Min",
        "Salary Max",
        "Currency",
        "Closing Date",
        "Priority",
        "Interview Rounds",
        "Feedback Status",
        "Feedback Asked On",
        "Feedback",
        "Created",
        "Updated",
        "Id",
    ];
    w.write_record(header)
        .map_err(|e| SheetError::Export(e.to_string()))?;
    for a in &data.applications {
        let history = a
            .history
            .iter()
            .map(|c| format!("{} {}", c.on, c.stage.label()))
            .collect::<Vec<_>>()
            .join("; ");
        w.write_record([
            a.company.as_str(),
            &a.role,
            a.stage().label(),
            &a.applied_on.map(|d| d.to_string()).unwrap_or_default(),
            &a.link,
            &a.location,
            &a.source,
            &a.tags.join(", "),
            &a.notes,
            &history,
            &a.salary_min.map(|n| n.to_string()).unwrap_or_default(),
            &a.salary_max.map(|n| n.to_string()).unwrap_or_default(),
            &a.currency,
            &a.closing_on.map(|d| d.to_string()).unwrap_or_default(),
            a.priority.map_or("", |p| p.name()),
            &rounds::format(&a.interviews),
            a.feedback.status.label(),
            &a.feedback
                .asked_on
                .map(|d| d.to_string())
                .unwrap_or_default(),
            &a.feedback.verbatim,
            &a.created_at.to_rfc3339(),
            &a.updated_at.to_rfc3339(),
            &a.id.to_string(),
        ])
        .map_err(|e| SheetError::Export(e.to_string()))?;
    }
    let bytes = w
        .into_inner()
        .map_err(|e| SheetError::Export(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| SheetError::Export(e.to_string()))
}

/// The whole import in one call, with the guessed mapping: what the preview shows
/// before the user changes anything. Refused when no column holds the company or role.
/// Only tests (here and the import fuzzing in storage) take this shortcut.
#[cfg(test)]
pub(crate) fn import(
    text: &str,
    today: chrono::NaiveDate,
    now: chrono::DateTime<chrono::Utc>,
) -> Result<ImportPreview, SheetError> {
    let sheet = Sheet::read(text)?;
    let p = preview(&sheet, &Mapping::guess(&sheet), today, now);
    if p.missing.is_empty() {
        Ok(p)
    } else {
        Err(SheetError::NeedsColumns)
    }
}

#[cfg(test)]
mod tests;

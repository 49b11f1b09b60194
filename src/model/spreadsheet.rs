//! Spreadsheets: applications out to CSV (with stage history and feedback status) and
//! in from a CSV someone kept by hand, matching common column names.

use chrono::{DateTime, NaiveDate, Utc};
use uuid::Uuid;

use super::{AppData, Application, ApplicationDraft, Stage};

/// One CSV row per application. Stage history is "date stage" pairs joined with "; ".
pub(crate) fn export(data: &AppData) -> Result<String, String> {
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
        "Interviews",
        "Feedback Status",
        "Feedback Asked On",
        "Feedback",
        "Created",
        "Updated",
        "Id",
    ];
    w.write_record(header).map_err(|e| e.to_string())?;
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
            &a.interviews.len().to_string(),
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
        .map_err(|e| e.to_string())?;
    }
    let bytes = w.into_inner().map_err(|e| e.to_string())?;
    String::from_utf8(bytes).map_err(|e| e.to_string())
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Company,
    Role,
    Applied,
    Stage,
    Link,
    Location,
    Notes,
    Tags,
    Source,
}

/// Matches a header to a field by the names spreadsheets commonly use.
fn column_for(header: &str) -> Option<Column> {
    let h: String = header
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric())
        .collect();
    Some(match h.as_str() {
        "company" | "companyname" | "employer" | "organisation" | "organization" => Column::Company,
        "role" | "position" | "title" | "jobtitle" | "job" => Column::Role,
        "dateapplied" | "applied" | "applieddate" | "applicationdate" | "date" | "appliedon" => {
            Column::Applied
        }
        "status" | "stage" => Column::Stage,
        "link" | "url" | "joblink" | "joburl" | "posting" => Column::Link,
        "location" | "city" | "place" => Column::Location,
        "notes" | "note" | "comments" => Column::Notes,
        "tags" | "labels" => Column::Tags,
        "source" | "foundvia" | "where" => Column::Source,
        _ => return None,
    })
}

/// Maps the words people use for a status to a stage.
fn stage_for(text: &str) -> Option<Stage> {
    let t = text.trim().to_lowercase();
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
        "wishlist" | "interested" | "to apply" | "bookmarked" => Stage::Saved,
        "submitted" | "sent" | "pending" => Stage::Applied,
        "phone screen" | "screen" | "recruiter call" => Stage::Screening,
        "interview" | "interviewed" | "on-site" | "onsite" => Stage::Interviewing,
        "offered" | "offer received" => Stage::Offer,
        "hired" | "accepted offer" => Stage::Accepted,
        "rejection" | "declined by them" | "not selected" | "unsuccessful" => Stage::Rejected,
        "no response" | "no reply" => Stage::Ghosted,
        "withdrew" | "withdrawn by me" => Stage::Withdrawn,
        "declined offer" | "turned down" => Stage::Declined,
        _ => return None,
    })
}

/// Accepts ISO dates and the common day-first and year-first variants.
fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim();
    ["%Y-%m-%d", "%Y/%m/%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y"]
        .iter()
        .find_map(|f| NaiveDate::parse_from_str(t, f).ok())
}

#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct ImportPreview {
    /// Headers that were matched, as (header, what it fills).
    pub(crate) matched: Vec<(String, &'static str)>,
    /// Headers Knockback ignores, shown so nothing is silently lost.
    pub(crate) unknown: Vec<String>,
    pub(crate) applications: Vec<Application>,
    /// (spreadsheet row number, what was wrong), never dropped silently.
    pub(crate) bad_rows: Vec<(usize, String)>,
}

fn column_label(c: Column) -> &'static str {
    match c {
        Column::Company => "Company",
        Column::Role => "Role",
        Column::Applied => "Date applied",
        Column::Stage => "Stage",
        Column::Link => "Link",
        Column::Location => "Location",
        Column::Notes => "Notes",
        Column::Tags => "Tags",
        Column::Source => "Where you found it",
    }
}

/// Reads a CSV into new applications and a report. Nothing is saved here.
pub(crate) fn import(
    text: &str,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> Result<ImportPreview, String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err("This file is empty.".into());
    }
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .from_reader(text.as_bytes());
    let headers = reader
        .headers()
        .map_err(|e| format!("This file isn't a readable CSV: {e}."))?
        .clone();
    let mut preview = ImportPreview::default();
    let mut columns: Vec<Option<Column>> = Vec::new();
    for h in headers.iter() {
        let c = column_for(h).filter(|c| !columns.contains(&Some(*c)));
        match c {
            Some(c) => preview.matched.push((h.trim().to_owned(), column_label(c))),
            None if !h.trim().is_empty() => preview.unknown.push(h.trim().to_owned()),
            None => {}
        }
        columns.push(c);
    }
    if !columns.contains(&Some(Column::Company)) || !columns.contains(&Some(Column::Role)) {
        return Err(
            "This CSV needs a Company column and a Role (or Position, or Title) column.".into(),
        );
    }
    for (i, record) in reader.records().enumerate() {
        let row = i + 2; // 1-based, after the header row
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                preview.bad_rows.push((row, format!("unreadable: {e}")));
                continue;
            }
        };
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        let get = |c: Column| {
            columns
                .iter()
                .position(|x| *x == Some(c))
                .and_then(|i| record.get(i))
                .unwrap_or("")
                .to_owned()
        };
        let applied = get(Column::Applied);
        let applied_on = match applied.trim() {
            "" => String::new(),
            s => {
                match parse_date(s) {
                    Some(d) => d.to_string(),
                    None => {
                        preview.bad_rows.push((row, format!("the date “{s}” isn't a date Knockback understands (use 2026-03-14)")));
                        continue;
                    }
                }
            }
        };
        let stage_text = get(Column::Stage);
        let Some(stage) = stage_for(&stage_text) else {
            preview.bad_rows.push((
                row,
                format!("the status “{}” doesn't match a stage", stage_text.trim()),
            ));
            continue;
        };
        let draft = ApplicationDraft {
            company: get(Column::Company),
            role: get(Column::Role),
            link: get(Column::Link),
            location: get(Column::Location),
            source: get(Column::Source),
            applied_on,
            stage: stage.key().to_owned(),
            tags: get(Column::Tags),
            notes: get(Column::Notes),
        };
        match draft.build(Uuid::new_v4(), today, now) {
            Ok(app) => preview.applications.push(app),
            Err(errors) => {
                let why = errors
                    .iter()
                    .map(|e| e.message.trim_end_matches('.').to_lowercase())
                    .collect::<Vec<_>>()
                    .join("; ");
                preview.bad_rows.push((row, why));
            }
        }
    }
    Ok(preview)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 1).expect("date")
    }

    #[test]
    fn export_has_history_and_feedback_and_round_trips_quotes() {
        let mut data = AppData::default();
        let mut a = ApplicationDraft {
            company: "Acme, Inc.".into(),
            role: "Recruiter".into(),
            notes: "said \"no\"\nthen yes".into(),
            applied_on: "2026-01-02".into(),
            ..Default::default()
        }
        .build(Uuid::nil(), today(), Utc::now())
        .expect("valid");
        a.change_stage(
            Stage::Rejected,
            NaiveDate::from_ymd_opt(2026, 2, 1).expect("date"),
            Utc::now(),
        );
        data.add_application(a);
        let csv_text = export(&data).expect("exports");
        let mut r = csv::Reader::from_reader(csv_text.as_bytes());
        let rec = r.records().next().expect("row").expect("valid");
        assert_eq!(&rec[0], "Acme, Inc.");
        assert_eq!(&rec[2], "Rejected");
        assert_eq!(&rec[8], "said \"no\"\nthen yes");
        assert_eq!(&rec[9], "2026-01-02 Applied; 2026-02-01 Rejected");
        assert_eq!(&rec[11], "Not asked yet");
    }

    #[test]
    fn import_matches_common_headers_and_reports_the_rest() {
        let text = "\u{feff}Employer,Job Title,Date Applied,Status,URL,Salary,Notes\n\
                    Acme,Recruiter,2026-03-01,Interview,https://acme.example/job,50k,Nice team\n\
                    Globex,HR Partner,14/02/2026,rejected,,,\n\
                    ,Missing company,2026-03-01,Applied,,,\n\
                    Initech,Sourcer,next week,Applied,,,\n\
                    Umbrella,Advisor,2026-01-01,Hired??,,,\n\
                    ,,,,,,\n";
        let p = import(text, today(), Utc::now()).expect("readable");
        assert_eq!(p.unknown, ["Salary"]);
        assert_eq!(p.matched.len(), 6);
        assert_eq!(p.applications.len(), 2);
        assert_eq!(p.applications[0].stage(), Stage::Interviewing);
        assert_eq!(
            p.applications[1].applied_on,
            NaiveDate::from_ymd_opt(2026, 2, 14)
        );
        assert_eq!(p.applications[1].stage(), Stage::Rejected);
        let rows: Vec<_> = p.bad_rows.iter().map(|(r, _)| *r).collect();
        assert_eq!(rows, [4, 5, 6]);
        assert!(p.bad_rows[0].1.contains("company"));
        assert!(p.bad_rows[1].1.contains("next week"));
        assert!(p.bad_rows[2].1.contains("Hired??"));
    }

    #[test]
    fn import_needs_company_and_role_columns() {
        assert!(import("Name,Date\nx,y\n", today(), Utc::now()).is_err());
        assert!(import("", today(), Utc::now()).is_err());
    }

    #[test]
    fn exported_csv_imports_back() {
        let mut data = AppData::default();
        data.add_sample(today(), Utc::now());
        let text = export(&data).expect("exports");
        let p = import(&text, today(), Utc::now()).expect("imports");
        assert_eq!(p.applications.len(), data.applications.len());
        assert!(p.bad_rows.is_empty(), "{:?}", p.bad_rows);
        assert_eq!(p.unknown.len(), 8, "{:?}", p.unknown);
    }
}

//! Which field each column fills: a guess from the header, checked against the
//! column's values, that the user can then change column by column.

use super::rounds;
use super::sheet::Sheet;
use super::values::{
    clean, is_amount, is_date, is_yes_no, looks_like_link, priority_for, DateOrder,
};
use crate::model::job_details::parse_currency;
use crate::model::order;

/// What a column can fill in an application.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    Company,
    Role,
    Applied,
    Stage,
    Link,
    Location,
    Source,
    Tags,
    Notes,
    History,
    SalaryMin,
    SalaryMax,
    Currency,
    ClosingOn,
    Priority,
    Rounds,
}

impl Field {
    pub(crate) const ALL: [Field; 16] = [
        Field::Company,
        Field::Role,
        Field::Applied,
        Field::Stage,
        Field::Link,
        Field::Location,
        Field::Source,
        Field::Tags,
        Field::Notes,
        Field::History,
        Field::SalaryMin,
        Field::SalaryMax,
        Field::Currency,
        Field::ClosingOn,
        Field::Priority,
        Field::Rounds,
    ];

    /// The words a user sees, the same as on the application form.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Field::Company => "Company",
            Field::Role => "Role",
            Field::Applied => "Date applied",
            Field::Stage => "Stage",
            Field::Link => "Link to the job posting",
            Field::Location => "Location",
            Field::Source => "Where you found it",
            Field::Tags => "Tags",
            Field::Notes => "Notes",
            Field::History => "Stage history",
            Field::SalaryMin => "Minimum salary",
            Field::SalaryMax => "Maximum salary",
            Field::Currency => "Currency",
            Field::ClosingOn => "Closing date",
            Field::Priority => "Priority",
            Field::Rounds => "Interview rounds",
        }
    }

    /// The stable identifier used as a form value.
    pub(crate) fn key(self) -> &'static str {
        match self {
            Field::Company => "company",
            Field::Role => "role",
            Field::Applied => "applied",
            Field::Stage => "stage",
            Field::Link => "link",
            Field::Location => "location",
            Field::Source => "source",
            Field::Tags => "tags",
            Field::Notes => "notes",
            Field::History => "history",
            Field::SalaryMin => "salary_min",
            Field::SalaryMax => "salary_max",
            Field::Currency => "currency",
            Field::ClosingOn => "closing_on",
            Field::Priority => "priority",
            Field::Rounds => "rounds",
        }
    }

    /// Notes gather several columns (Salary, Contact…) so nothing has to be dropped;
    /// every other field is filled from one column.
    pub(crate) fn takes_many(self) -> bool {
        self == Field::Notes
    }
}

/// Splits a header into lowercase words, whatever its style: `appliedDate`,
/// `applied_date`, `Applied Date`, `APPLIED-DATE` and `jobURL` all read alike.
pub(crate) fn header_words(header: &str) -> Vec<String> {
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let chars: Vec<char> = header.trim().chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if !c.is_alphanumeric() {
            words.extend((!word.is_empty()).then(|| std::mem::take(&mut word)));
            continue;
        }
        let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
        let next = chars.get(i + 1).copied();
        // A capital starts a word after a lowercase letter (jobTitle), and ends an
        // acronym when a lowercase letter follows it (URLPath → url, path).
        let starts_word = c.is_uppercase()
            && prev.is_some_and(|p| {
                p.is_lowercase()
                    || p.is_numeric()
                    || (p.is_uppercase() && next.is_some_and(char::is_lowercase))
            });
        if starts_word && !word.is_empty() {
            words.push(std::mem::take(&mut word));
        }
        word.extend(c.to_lowercase());
    }
    words.extend((!word.is_empty()).then_some(word));
    words
}

/// Headers known by their whole name, from the exports of JobSync, Huntr, Teal and
/// Simplify and from common spreadsheet templates. The number ranks a guess: an exact,
/// specific name (3) beats a vague one (1) when two columns want the same field.
fn by_name(key: &str) -> Option<(Field, u8)> {
    Some(match key {
        "company" | "companyname" | "employer" | "organisation" | "organization" => {
            (Field::Company, 3)
        }
        "role" | "position" | "title" | "jobtitle" | "jobposition" | "positiontitle"
        | "jobrole" | "rolename" => (Field::Role, 3),
        "job" => (Field::Role, 1),
        "dateapplied" | "applieddate" | "applicationdate" | "appliedon" | "appliedat"
        | "dateofapplication" | "submitteddate" | "datesubmitted" => (Field::Applied, 3),
        // A bare "applied" is as often a yes/no flag (JobSync) as a date: the values decide.
        "applied" => (Field::Applied, 2),
        "date" => (Field::Applied, 1),
        "status" | "stage" | "applicationstatus" | "currentstatus" | "jobstatus" => {
            (Field::Stage, 3)
        }
        // Huntr exports the board list a job sits in (Wishlist, Applied, Interview…).
        "listname" | "list" => (Field::Stage, 2),
        "link" | "url" | "joblink" | "joburl" | "jobpostingurl" | "postingurl" | "posting"
        | "jobposting" | "postinglink" | "applicationlink" | "applylink" | "listingurl" => {
            (Field::Link, 3)
        }
        "location" | "joblocation" | "city" | "place" | "worklocation" => (Field::Location, 3),
        "source" | "jobsource" | "foundvia" | "foundon" | "where" | "jobboard" | "platform"
        | "channel" => (Field::Source, 3),
        "tags" | "tag" | "labels" | "keywords" => (Field::Tags, 3),
        "notes" | "note" | "comments" | "comment" => (Field::Notes, 3),
        "stagehistory" | "statushistory" | "history" => (Field::History, 3),
        // Teal writes "Max. Salary"; a bare "Salary" (Huntr, templates) is often a
        // range in words ("£28-32k") and is left for the user to place.
        "salarymin" | "minsalary" | "minimumsalary" | "salaryfrom" => (Field::SalaryMin, 3),
        "salarymax" | "maxsalary" | "maximumsalary" | "salaryto" => (Field::SalaryMax, 3),
        "currency" | "salarycurrency" => (Field::Currency, 3),
        // Huntr and Teal both call the last day to apply the deadline.
        "closingdate"
        | "closeson"
        | "closingon"
        | "deadline"
        | "applicationdeadline"
        | "applyby" => (Field::ClosingOn, 3),
        "priority" => (Field::Priority, 3),
        "interviewrounds" | "interviews" | "rounds" => (Field::Rounds, 3),
        _ => return None,
    })
}

/// Longer headers, by the words in them ("Job Posting Link", "Application Status").
/// Words naming something else about a company (its domain, its id) rule a guess out.
fn by_words(words: &[String]) -> Option<Field> {
    let has = |w: &[&str]| words.iter().any(|x| w.contains(&x.as_str()));
    if has(&[
        "id", "domain", "logo", "email", "phone", "website", "size", "type",
    ]) {
        return None;
    }
    if has(&["history"]) {
        return Some(Field::History);
    }
    if has(&["url", "link"]) {
        // "LinkedIn URL" splits into linked, in, url: a profile, not the posting.
        return (!has(&["company", "linked"])).then_some(Field::Link);
    }
    if has(&["applied", "application", "submitted"]) && has(&["date", "on", "at", "when"]) {
        return Some(Field::Applied);
    }
    let rules: [(&[&str], Field); 7] = [
        (
            &["company", "employer", "organisation", "organization"],
            Field::Company,
        ),
        (&["title", "position", "role"], Field::Role),
        (&["status", "stage"], Field::Stage),
        (&["location", "city"], Field::Location),
        (&["source"], Field::Source),
        (&["tags", "tag", "labels"], Field::Tags),
        (&["notes", "note", "comments"], Field::Notes),
    ];
    rules.into_iter().find(|(w, _)| has(w)).map(|(_, f)| f)
}

/// The field a header names, with how sure the guess is.
pub(crate) fn field_for_header(header: &str) -> Option<(Field, u8)> {
    let words = header_words(header);
    by_name(&words.concat()).or_else(|| by_words(&words).map(|f| (f, 2)))
}

/// Checks a guess against the column's values: a date column mostly holds dates
/// (so a Yes/No column is not one), a link column web addresses, and no text field
/// is only yes/no flags. Blank columns pass: there is nothing to contradict the header.
pub(crate) fn fits<'a>(field: Field, cells: impl Iterator<Item = &'a str>) -> bool {
    let values: Vec<&str> = cells.map(clean).filter(|c| !c.is_empty()).collect();
    if values.is_empty() {
        return true;
    }
    let share =
        |test: fn(&str) -> bool| values.iter().filter(|v| test(v)).count() * 2 >= values.len();
    match field {
        Field::Applied | Field::ClosingOn => share(is_date),
        Field::Link => share(looks_like_link),
        Field::SalaryMin | Field::SalaryMax => share(is_amount),
        Field::Currency => share(|v| parse_currency(v).is_ok()),
        Field::Priority => share(|v| priority_for(v).is_some()),
        // A count of rounds (an older export's "Interviews") is not the rounds.
        Field::Rounds => share(|v| rounds::parse(v).is_ok()),
        _ => !values.iter().all(|v| is_yes_no(v)),
    }
}

/// The user's (or the guessed) answer to "what does each column hold?".
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Mapping {
    /// One entry per column; `None` is "Ignore".
    pub(crate) fields: Vec<Option<Field>>,
    /// The user's answer when the dates themselves can't tell US from UK.
    pub(crate) date_order: Option<DateOrder>,
}

impl Mapping {
    /// Guesses every column from its header, keeps only guesses the values agree
    /// with, and gives each field to its most certain column (the first on a tie).
    pub(crate) fn guess(sheet: &Sheet) -> Mapping {
        let mut candidates: Vec<(u8, usize, Field)> = sheet
            .headers
            .iter()
            .enumerate()
            .filter_map(|(i, h)| field_for_header(h).map(|(f, rank)| (rank, i, f)))
            .filter(|&(_, i, f)| fits(f, sheet.column(i)))
            .collect();
        order::sort_by(&mut candidates, |a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut mapping = Mapping {
            fields: vec![None; sheet.headers.len()],
            date_order: None,
        };
        for (_, i, f) in candidates {
            if f.takes_many() || mapping.column_of(f).is_none() {
                mapping.fields[i] = Some(f);
            }
        }
        mapping
    }

    /// Points `column` at `field` (or Ignore). A field that takes one column is taken
    /// from the column that had it, which then shows Ignore.
    pub(crate) fn set(&mut self, column: usize, field: Option<Field>) {
        if column >= self.fields.len() {
            return;
        }
        if let Some(f) = field.filter(|f| !f.takes_many()) {
            for slot in self.fields.iter_mut().filter(|s| **s == Some(f)) {
                *slot = None;
            }
        }
        self.fields[column] = field;
    }

    pub(crate) fn column_of(&self, field: Field) -> Option<usize> {
        self.fields.iter().position(|f| *f == Some(field))
    }

    pub(crate) fn columns_of(&self, field: Field) -> Vec<usize> {
        (0..self.fields.len())
            .filter(|&i| self.fields[i] == Some(field))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(h: &str) -> Vec<String> {
        header_words(h)
    }

    #[test]
    fn camel_snake_and_spaced_headers_split_into_the_same_words() {
        for h in [
            "appliedDate",
            "applied_date",
            "Applied Date",
            "APPLIED-DATE",
            " applied.date ",
        ] {
            assert_eq!(words(h), ["applied", "date"], "{h}");
        }
        assert_eq!(words("jobURL"), ["job", "url"]);
        assert_eq!(words("URLPath"), ["url", "path"]);
        assert_eq!(words("Max. Salary"), ["max", "salary"]);
        assert_eq!(words("JobTitle"), ["job", "title"]);
        assert_eq!(words(""), Vec::<String>::new());
    }

    #[test]
    fn headers_in_any_style_name_the_same_field() {
        let cases = [
            ("company_name", Field::Company),
            ("companyName", Field::Company),
            ("Company Name", Field::Company),
            ("jobTitle", Field::Role),
            ("job_position", Field::Role),
            ("Job Position", Field::Role),
            ("appliedDate", Field::Applied),
            ("date_applied", Field::Applied),
            ("Date of Application", Field::Applied),
            ("applicationStatus", Field::Stage),
            ("Application Status", Field::Stage),
            ("listName", Field::Stage),
            ("Job Posting URL", Field::Link),
            ("job_posting_link", Field::Link),
            ("jobUrl", Field::Link),
            ("JobSource", Field::Source),
            ("Stage History", Field::History),
        ];
        for (header, field) in cases {
            assert_eq!(
                field_for_header(header).map(|g| g.0),
                Some(field),
                "{header}"
            );
        }
        for header in [
            "companyDomain",
            "jobType",
            "boardId",
            "Company Website",
            "LinkedIn URL",
            "Salary",
            "createdAt",
        ] {
            assert_eq!(field_for_header(header), None, "{header}");
        }
    }

    #[test]
    fn values_must_agree_with_the_header() {
        let yes_no = ["Yes", "No", "yes"];
        assert!(!fits(Field::Applied, yes_no.into_iter()));
        assert!(!fits(Field::Company, yes_no.into_iter()));
        assert!(fits(
            Field::Applied,
            ["2026-01-02", "N/A", "sometime", "03/04/2026"].into_iter()
        ));
        assert!(!fits(Field::Link, ["see email", "ask Sam"].into_iter()));
        assert!(fits(
            Field::Link,
            ["https://a.example/j", "-", ""].into_iter()
        ));
        assert!(fits(Field::Applied, ["", "N/A"].into_iter()));
    }

    #[test]
    fn choosing_a_field_takes_it_from_the_column_that_had_it() {
        let mut m = Mapping {
            fields: vec![
                Some(Field::Company),
                Some(Field::Role),
                None,
                Some(Field::Notes),
            ],
            date_order: None,
        };
        m.set(2, Some(Field::Company));
        assert_eq!(
            m.fields,
            [
                None,
                Some(Field::Role),
                Some(Field::Company),
                Some(Field::Notes)
            ]
        );
        m.set(0, Some(Field::Notes));
        assert_eq!(m.columns_of(Field::Notes), [0, 3]);
        m.set(1, None);
        assert_eq!(m.column_of(Field::Role), None);
        m.set(9, Some(Field::Role));
        assert_eq!(m.fields.len(), 4);
    }
}

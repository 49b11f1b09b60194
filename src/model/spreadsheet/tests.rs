//! Export and import end to end: Knockback's own round trip, hand-made sheets, and one
//! real-shaped export per tracker (tests/fixtures/csv/).

use chrono::{NaiveDate, Utc};
use uuid::Uuid;

use super::*;
use crate::model::{ApplicationDraft, Stage};

const JOBSYNC: &str = include_str!("../../../tests/fixtures/csv/jobsync.csv");
const HUNTR: &str = include_str!("../../../tests/fixtures/csv/huntr.csv");
const TEAL: &str = include_str!("../../../tests/fixtures/csv/teal.csv");
const SIMPLIFY: &str = include_str!("../../../tests/fixtures/csv/simplify.csv");
const TEMPLATE: &str = include_str!("../../../tests/fixtures/csv/spreadsheet-template.csv");

fn today() -> NaiveDate {
    date(2026, 6, 1)
}

fn date(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("date")
}

/// (company, role, stage, applied on) for each application, to compare in one go.
fn rows(p: &ImportPreview) -> Vec<(&str, &str, Stage, Option<NaiveDate>)> {
    p.applications
        .iter()
        .map(|a| (a.company.as_str(), a.role.as_str(), a.stage(), a.applied_on))
        .collect()
}

/// The guessed field of each column, by header.
fn guessed(text: &str) -> Vec<(String, Option<Field>)> {
    let sheet = Sheet::read(text).expect("readable");
    let mapping = Mapping::guess(&sheet);
    sheet.headers.into_iter().zip(mapping.fields).collect()
}

fn field_of(text: &str, header: &str) -> Option<Field> {
    guessed(text)
        .into_iter()
        .find(|(h, _)| h == header)
        .and_then(|(_, f)| f)
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
    a.change_stage(Stage::Rejected, date(2026, 2, 1), Utc::now());
    data.add_application(a);
    let csv_text = export(&data).expect("exports");
    let mut r = csv::Reader::from_reader(csv_text.as_bytes());
    let rec = r.records().next().expect("row").expect("valid");
    assert_eq!(&rec[0], "Acme, Inc.");
    assert_eq!(&rec[2], "Rejected");
    assert_eq!(&rec[8], "said \"no\"\nthen yes");
    assert_eq!(&rec[9], "2026-01-02 Applied; 2026-02-01 Rejected");
    assert_eq!(&rec[16], "Not asked yet");
}

#[test]
fn exported_csv_imports_back_field_for_field_with_its_history() {
    let mut data = AppData::default();
    data.add_sample(today(), Utc::now());
    let mut odd = ApplicationDraft {
        company: "Quote \"Co\", Ltd".into(),
        role: "Analyst".into(),
        link: "https://jobs.example.com/1".into(),
        location: "Leeds".into(),
        source: "Referral".into(),
        applied_on: "2026-01-02".into(),
        tags: "remote, urgent".into(),
        notes: "  line one\nline two, with a comma  ".into(),
        salary_min: "45000".into(),
        salary_max: "55,000".into(),
        currency: "gbp".into(),
        closing_on: "2026-06-20".into(),
        priority: "high".into(),
        ..Default::default()
    }
    .build(Uuid::new_v4(), today(), Utc::now())
    .expect("valid");
    odd.change_stage(Stage::Declined, date(2026, 3, 1), Utc::now());
    for (day, time, zone, place) in [
        (10, "09:15", "Europe/London", "Room 4 | 1 Main St, Leeds"),
        (17, "", "", "https://meet.example.com/abc-def"),
    ] {
        let round = crate::model::interview::InterviewDraft {
            date: format!("2026-02-{day}"),
            kind: "on_site".into(),
            start_time: time.into(),
            time_zone: zone.into(),
            place: place.into(),
            interviewers: "Sam Lee, Jo Park".into(),
            rating: "4".into(),
            notes: "Asked about \\ and |\nsecond line".into(),
        }
        .build(Uuid::new_v4())
        .expect("valid round");
        odd.interviews.push(round);
    }
    let only_max = ApplicationDraft {
        company: "Globex".into(),
        role: "Buyer".into(),
        salary_max: "30k".into(),
        priority: "low".into(),
        stage: "saved".into(),
        ..Default::default()
    }
    .build(Uuid::new_v4(), today(), Utc::now())
    .expect("valid");
    data.add_application(odd);
    data.add_application(only_max);
    let text = export(&data).expect("exports");
    let p = import(&text, today(), Utc::now()).expect("imports");
    assert!(p.bad_rows.is_empty(), "{:?}", p.bad_rows);
    assert_eq!(p.date_question, None);
    assert_eq!(p.applications.len(), data.applications.len());
    for (back, orig) in p.applications.iter().zip(&data.applications) {
        assert_eq!(back.company, orig.company);
        assert_eq!(back.role, orig.role);
        assert_eq!(back.link, orig.link);
        assert_eq!(back.location, orig.location);
        assert_eq!(back.source, orig.source);
        assert_eq!(back.applied_on, orig.applied_on);
        assert_eq!(back.tags, orig.tags);
        assert_eq!(back.notes, orig.notes);
        let steps = |a: &crate::model::Application| {
            a.history
                .iter()
                .map(|c| (c.on, c.stage))
                .collect::<Vec<_>>()
        };
        assert_eq!(steps(back), steps(orig), "{}", orig.company);
        assert_eq!(back.salary_min, orig.salary_min);
        assert_eq!(back.salary_max, orig.salary_max);
        assert_eq!(back.currency, orig.currency);
        assert_eq!(back.closing_on, orig.closing_on);
        assert_eq!(back.priority, orig.priority);
        // Rounds come back with new ids, every other field as it was.
        let rounds = |a: &crate::model::Application| {
            (a.interviews.iter())
                .map(|r| crate::model::interview::InterviewRound {
                    id: Uuid::nil(),
                    ..r.clone()
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(rounds(back), rounds(orig), "{}", orig.company);
    }
    let odd = (p.applications.iter())
        .find(|a| a.role == "Analyst")
        .expect("odd one");
    assert_eq!(odd.salary_text().as_deref(), Some("GBP 45,000–55,000"));
    assert_eq!(odd.interviews.len(), 2);
    assert_eq!(odd.interviews[0].place, "Room 4 | 1 Main St, Leeds");
    // Feedback, timestamps and ids stay in the file but aren't read back.
    let ignored = [
        "Feedback Status",
        "Feedback Asked On",
        "Feedback",
        "Created",
        "Updated",
        "Id",
    ];
    assert_eq!(p.ignored, ignored);
}

#[test]
fn an_unreadable_optional_value_goes_to_the_notes_and_the_row_still_comes_in() {
    let text = "Company,Role,Deadline,Max. Salary,Priority,Currency,Notes\n\
                Acme,Analyst,2026-03-01,\"$120,000\",High,,Keen\n\
                Globex,Buyer,Rolling,\"$90,000.50\",Urgent,US Dollar,\n\
                Initech,Clerk,2026-04-01,40k,low,eur,\n";
    let p = import(text, today(), Utc::now()).expect("readable");
    assert!(p.bad_rows.is_empty(), "{:?}", p.bad_rows);
    assert_eq!(
        p.applications.len(),
        3,
        "no row is lost for an optional value"
    );
    let [acme, globex, initech] = &p.applications[..] else {
        panic!("three rows");
    };
    assert_eq!(acme.closing_on, Some(date(2026, 3, 1)));
    assert_eq!(acme.salary_max, Some(120_000));
    assert_eq!(acme.currency, "USD", "the $ says the currency");
    assert_eq!(acme.notes, "Keen");
    assert_eq!(
        (globex.closing_on, globex.salary_max, globex.priority),
        (None, None, None)
    );
    assert_eq!(globex.currency, "");
    assert_eq!(
        globex.notes,
        "Max. Salary: $90,000.50\nCurrency: US Dollar\nDeadline: Rolling\nPriority: Urgent"
    );
    let rows: Vec<usize> = p.in_notes.iter().map(|(row, _)| *row).collect();
    assert_eq!(rows, [3, 3, 3, 3], "{:?}", p.in_notes);
    assert!(p.in_notes[2].1.contains("“Rolling”"), "{:?}", p.in_notes);
    assert!(p.in_notes[0].1.ends_with("so it is kept in the notes"));
    assert_eq!(initech.currency, "EUR");
    assert_eq!(
        initech.priority,
        Some(crate::model::job_details::Priority::Low)
    );
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
    assert_eq!(p.ignored, ["Salary"]);
    assert_eq!(guessed(text).iter().filter(|(_, f)| f.is_some()).count(), 6);
    assert_eq!(p.applications.len(), 2);
    assert_eq!(p.applications[0].stage(), Stage::Interviewing);
    assert_eq!(p.applications[1].applied_on, Some(date(2026, 2, 14)));
    assert_eq!(p.applications[1].stage(), Stage::Rejected);
    let bad: Vec<_> = p.bad_rows.iter().map(|(r, _)| *r).collect();
    assert_eq!(bad, [4, 5, 6]);
    assert!(p.bad_rows[0].1.contains("company"));
    assert!(p.bad_rows[1].1.contains("next week"));
    assert!(p.bad_rows[2].1.contains("Hired??"));
}

#[test]
fn import_needs_company_and_role_columns() {
    assert!(import("Name,Date\nx,y\n", today(), Utc::now()).is_err());
    assert!(import("", today(), Utc::now()).is_err());
    // The preview itself still opens, saying what to choose.
    let sheet = Sheet::read("Name,Date\nx,y\n").expect("readable");
    let p = preview(&sheet, &Mapping::guess(&sheet), today(), Utc::now());
    assert_eq!(p.missing, [Field::Company, Field::Role]);
    assert!(p.applications.is_empty() && p.bad_rows.is_empty());
}

#[test]
fn a_yes_no_applied_column_is_not_the_date() {
    let text = "Company,Role,Applied,Date\n\
                Acme,Analyst,Yes,2026-03-01\n\
                Globex,Clerk,No,\n";
    let p = import(text, today(), Utc::now()).expect("readable");
    assert!(p.bad_rows.is_empty(), "{:?}", p.bad_rows);
    assert_eq!(
        rows(&p),
        [
            ("Acme", "Analyst", Stage::Applied, Some(date(2026, 3, 1))),
            ("Globex", "Clerk", Stage::Applied, None)
        ]
    );
    assert_eq!(p.ignored, ["Applied"]);
}

#[test]
fn camel_snake_and_spaced_headers_all_match() {
    let text = "company_name,jobPosition,applicationStatus,Date of Application,Job Posting URL,job_location\n\
                Acme,Analyst,Interviewing,2026-03-01,https://jobs.example.com/1,Leeds\n";
    let p = import(text, today(), Utc::now()).expect("readable");
    assert!(p.ignored.is_empty(), "{:?}", p.ignored);
    let a = &p.applications[0];
    assert_eq!((a.company.as_str(), a.role.as_str()), ("Acme", "Analyst"));
    assert_eq!(a.stage(), Stage::Interviewing);
    assert_eq!(a.applied_on, Some(date(2026, 3, 1)));
    assert_eq!(a.link, "https://jobs.example.com/1");
    assert_eq!(a.location, "Leeds");
}

#[test]
fn the_user_can_change_any_guess_and_the_preview_follows() {
    let text = "Company,Role,Status,Salary,Contact\n\
                Acme,Analyst,Archived,40k,Sam\n\
                Globex,Clerk,Applied,,\n";
    let sheet = Sheet::read(text).expect("readable");
    let mut mapping = Mapping::guess(&sheet);
    let p = preview(&sheet, &mapping, today(), Utc::now());
    assert_eq!(p.applications.len(), 1);
    assert_eq!(
        p.bad_rows,
        [(2, "the status “Archived” doesn't match a stage".to_owned())]
    );
    // Ignore the status; keep salary and contact in the notes.
    mapping.set(2, None);
    mapping.set(3, Some(Field::Notes));
    mapping.set(4, Some(Field::Notes));
    let p = preview(&sheet, &mapping, today(), Utc::now());
    assert!(p.bad_rows.is_empty());
    assert_eq!(p.ignored, ["Status"]);
    assert_eq!(p.applications[0].notes, "Salary: 40k\nContact: Sam");
    assert_eq!(p.applications[1].notes, "");
    // Taking Company for another column leaves no company column: nothing is built.
    mapping.set(1, Some(Field::Company));
    let p = preview(&sheet, &mapping, today(), Utc::now());
    assert_eq!(p.missing, [Field::Role]);
    assert!(p.applications.is_empty());
}

#[test]
fn us_and_uk_dates_are_told_apart_by_a_day_over_twelve() {
    let us = "Company,Role,Date Applied\nA,R,03/04/2026\nB,R,12/25/2025\n";
    let p = import(us, today(), Utc::now()).expect("readable");
    assert_eq!(p.date_question, None);
    assert_eq!(p.date_order, Some(DateOrder::MonthFirst));
    assert_eq!(p.applications[0].applied_on, Some(date(2026, 3, 4)));
    let uk = "Company,Role,Date Applied\nA,R,03/04/2026\nB,R,25/12/2025\n";
    let p = import(uk, today(), Utc::now()).expect("readable");
    assert_eq!(p.date_order, Some(DateOrder::DayFirst));
    assert_eq!(p.applications[0].applied_on, Some(date(2026, 4, 3)));
}

#[test]
fn ambiguous_dates_wait_for_the_users_answer() {
    let text = "Company,Role,Date Applied\nA,R,03/04/2026\nB,R,05/05/2026\nC,R,2026-01-09\n";
    let sheet = Sheet::read(text).expect("readable");
    let mut mapping = Mapping::guess(&sheet);
    let p = preview(&sheet, &mapping, today(), Utc::now());
    assert_eq!(p.date_question.as_deref(), Some("03/04/2026"));
    assert!(p.waiting_for_date_order());
    assert!(p.applications.is_empty() && p.bad_rows.is_empty());
    mapping.date_order = Some(DateOrder::DayFirst);
    let p = preview(&sheet, &mapping, today(), Utc::now());
    assert!(!p.waiting_for_date_order());
    let dates: Vec<_> = p.applications.iter().map(|a| a.applied_on).collect();
    assert_eq!(
        dates,
        [
            Some(date(2026, 4, 3)),
            Some(date(2026, 5, 5)),
            Some(date(2026, 1, 9))
        ]
    );
    mapping.date_order = Some(DateOrder::MonthFirst);
    let p = preview(&sheet, &mapping, today(), Utc::now());
    assert_eq!(p.applications[0].applied_on, Some(date(2026, 3, 4)));
}

#[test]
fn dates_that_contradict_each_other_are_asked_about_and_misfits_listed_by_row() {
    let text = "Company,Role,Date Applied\nA,R,12/25/2025\nB,R,25/12/2025\nC,R,2026-02-30\n";
    let sheet = Sheet::read(text).expect("readable");
    let mut mapping = Mapping::guess(&sheet);
    assert!(preview(&sheet, &mapping, today(), Utc::now()).waiting_for_date_order());
    mapping.date_order = Some(DateOrder::MonthFirst);
    let p = preview(&sheet, &mapping, today(), Utc::now());
    assert_eq!(
        rows(&p),
        [("A", "R", Stage::Applied, Some(date(2025, 12, 25)))]
    );
    let bad: Vec<_> = p.bad_rows.iter().map(|(r, _)| *r).collect();
    assert_eq!(bad, [3, 4]);
    assert!(
        p.bad_rows[0].1.contains("“25/12/2025” doesn't fit"),
        "{}",
        p.bad_rows[0].1
    );
    assert!(p.bad_rows[1].1.contains("“2026-02-30” isn't a date"));
}

#[test]
fn semicolon_separated_files_read_too() {
    let text = "Company;Role;Date Applied\nAcme;Analyst;14.03.2026\n";
    let p = import(text, today(), Utc::now()).expect("readable");
    assert_eq!(
        rows(&p),
        [("Acme", "Analyst", Stage::Applied, Some(date(2026, 3, 14)))]
    );
}

#[test]
fn jobsync_export_imports_every_row_with_its_applied_date() {
    assert_eq!(field_of(JOBSYNC, "applied"), None);
    assert_eq!(field_of(JOBSYNC, "appliedDate"), Some(Field::Applied));
    assert_eq!(field_of(JOBSYNC, "JobTitle"), Some(Field::Role));
    assert_eq!(field_of(JOBSYNC, "JobSource"), Some(Field::Source));
    assert_eq!(field_of(JOBSYNC, "jobType"), None);
    let p = import(JOBSYNC, today(), Utc::now()).expect("readable");
    assert!(p.bad_rows.is_empty(), "{:?}", p.bad_rows);
    assert_eq!(
        rows(&p),
        [
            (
                "Acme Corp",
                "Frontend Developer",
                Stage::Applied,
                Some(date(2026, 3, 3))
            ),
            (
                "Globex",
                "Software Engineer",
                Stage::Interviewing,
                Some(date(2026, 3, 6))
            ),
            ("Initech", "Backend Developer", Stage::Saved, None),
            (
                "Umbrella",
                "QA Engineer",
                Stage::Rejected,
                Some(date(2026, 2, 11))
            ),
            (
                "Hooli",
                "Platform Engineer",
                Stage::Offer,
                Some(date(2026, 1, 21))
            ),
        ]
    );
    assert_eq!(p.applications[0].location, "Austin, TX");
    assert_eq!(p.applications[2].location, "", "N/A is no location");
    assert_eq!(p.applications[0].source, "Linkedin");
}

#[test]
fn huntr_export_reads_title_company_list_and_url() {
    assert_eq!(field_of(HUNTR, "listName"), Some(Field::Stage));
    assert_eq!(field_of(HUNTR, "companyName"), Some(Field::Company));
    assert_eq!(field_of(HUNTR, "companyDomain"), None);
    assert_eq!(field_of(HUNTR, "boardName"), None);
    let p = import(HUNTR, today(), Utc::now()).expect("readable");
    assert!(p.bad_rows.is_empty(), "{:?}", p.bad_rows);
    assert_eq!(field_of(HUNTR, "deadline"), Some(Field::ClosingOn));
    assert_eq!(p.applications[0].closing_on, Some(date(2026, 3, 15)));
    assert_eq!(p.applications[1].closing_on, None, "a dash is no date");
    let stages: Vec<_> = rows(&p).iter().map(|r| (r.0, r.1, r.2)).collect();
    assert_eq!(
        stages,
        [
            ("Acme Analytics", "Data Analyst, Growth", Stage::Applied),
            ("Globex", "Junior Data Scientist", Stage::Saved),
            ("Initech", "BI Developer", Stage::Interviewing),
            ("Umbrella", "Analytics Engineer", Stage::Rejected),
            ("Hooli", "Senior Analyst", Stage::Offer),
        ]
    );
    assert_eq!(p.applications[0].link, "https://jobs.example.com/acme/123");
    assert_eq!(p.applications[1].link, "", "a dash is no link");
    assert_eq!(p.applications[0].location, "Denver, CO");
}

#[test]
fn teal_tracker_columns_read_with_us_dates() {
    assert_eq!(field_of(TEAL, "Job Position"), Some(Field::Role));
    assert_eq!(field_of(TEAL, "Date Saved"), None);
    let p = import(TEAL, today(), Utc::now()).expect("readable");
    assert!(p.bad_rows.is_empty(), "{:?}", p.bad_rows);
    assert_eq!(p.date_order, Some(DateOrder::MonthFirst));
    assert_eq!(
        rows(&p),
        [
            (
                "Acme",
                "Product Designer",
                Stage::Applied,
                Some(date(2026, 2, 24))
            ),
            (
                "Globex",
                "UX Researcher",
                Stage::Interviewing,
                Some(date(2026, 2, 2))
            ),
            ("Initech", "Design Lead", Stage::Saved, None),
            (
                "Umbrella",
                "Interaction Designer",
                Stage::Rejected,
                Some(date(2026, 1, 9))
            ),
            (
                "Hooli",
                "Senior Designer",
                Stage::Offer,
                Some(date(2025, 12, 15))
            ),
            (
                "Vandelay",
                "Visual Designer",
                Stage::Withdrawn,
                Some(date(2026, 1, 16))
            ),
        ]
    );
    // Teal's salary ceiling and deadline fill the form's own fields.
    assert_eq!(p.applications[0].salary_max, Some(120_000));
    assert_eq!(p.applications[0].closing_on, Some(date(2026, 3, 1)));
    assert_eq!(p.applications[2].closing_on, Some(date(2026, 3, 31)));
    assert_eq!(p.applications[1].closing_on, None);
}

#[test]
fn simplify_export_reads_the_job_url_as_the_link() {
    let p = import(SIMPLIFY, today(), Utc::now()).expect("readable");
    assert!(p.bad_rows.is_empty() && p.ignored.is_empty());
    assert_eq!(
        rows(&p),
        [
            (
                "LaunchPad",
                "Backend Software Engineer",
                Stage::Applied,
                Some(date(2026, 2, 15))
            ),
            (
                "Cloudbase",
                "Solutions Engineer",
                Stage::Interviewing,
                Some(date(2026, 2, 16))
            ),
            (
                "Brightline",
                "Software Engineer Intern",
                Stage::Rejected,
                Some(date(2026, 1, 30))
            ),
        ]
    );
    assert_eq!(p.applications[1].link, "https://jobs.example.com/cb-456");
}

#[test]
fn a_spreadsheet_template_reads_with_uk_dates_and_posting_urls() {
    assert_eq!(field_of(TEMPLATE, "Job Posting URL"), Some(Field::Link));
    assert_eq!(field_of(TEMPLATE, "Follow-up Date"), None);
    let p = import(TEMPLATE, today(), Utc::now()).expect("readable");
    assert!(p.bad_rows.is_empty(), "{:?}", p.bad_rows);
    assert_eq!(p.date_order, Some(DateOrder::DayFirst));
    assert_eq!(
        rows(&p),
        [
            (
                "Northwind",
                "Recruitment Coordinator",
                Stage::Screening,
                Some(date(2026, 3, 25))
            ),
            (
                "Contoso",
                "HR Advisor",
                Stage::Rejected,
                Some(date(2026, 2, 3))
            ),
            (
                "Fabrikam",
                "People Partner",
                Stage::Ghosted,
                Some(date(2026, 1, 14))
            ),
            ("Tailspin", "Talent Sourcer", Stage::Saved, None),
        ]
    );
    assert_eq!(
        p.applications[0].link,
        "https://careers.example.com/northwind/88"
    );
    assert_eq!(p.applications[0].notes, "Referred by Alex");
    assert_eq!(
        p.ignored,
        ["Contact Person", "Salary Range", "Follow-up Date"]
    );
}

/// Property tests: whatever the file and whatever the user picks, no panic.
mod fuzz {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

        #[test]
        fn any_file_and_any_mapping_never_panic(
            text in "[a-zA-Z0-9,;\"\\n/ .:-]{0,300}",
            picks in proptest::collection::vec(0usize..12, 0..8),
            day_first in any::<bool>(),
        ) {
            if let Ok(sheet) = Sheet::read(&text) {
                let mut mapping = Mapping::guess(&sheet);
                for (column, pick) in picks.into_iter().enumerate() {
                    mapping.set(column, Field::ALL.get(pick).copied());
                }
                mapping.date_order = Some(if day_first { DateOrder::DayFirst } else { DateOrder::MonthFirst });
                let _ = preview(&sheet, &mapping, today(), Utc::now());
            }
        }
    }
}

use super::*;

fn parts(line: &str) -> (String, String, String) {
    let q = read(line);
    (q.company, q.role, q.link)
}

fn cr(company: &str, role: &str) -> (String, String, String) {
    (company.into(), role.into(), String::new())
}

#[test]
fn every_separator_reads_company_and_role() {
    assert_eq!(parts("Acme — Recruiter"), cr("Acme", "Recruiter"));
    assert_eq!(parts("Acme – Recruiter"), cr("Acme", "Recruiter"));
    assert_eq!(parts("Acme - Recruiter"), cr("Acme", "Recruiter"));
    assert_eq!(parts("Acme | Recruiter"), cr("Acme", "Recruiter"));
    assert_eq!(parts("Acme, Recruiter"), cr("Acme", "Recruiter"));
    assert_eq!(
        parts("Senior Recruiter at Acme"),
        cr("Acme", "Senior Recruiter")
    );
    assert_eq!(
        parts("Senior Recruiter AT Acme"),
        cr("Acme", "Senior Recruiter")
    );
    assert_eq!(parts("  Acme—HR Partner  "), cr("Acme", "HR Partner"));
}

#[test]
fn a_hyphen_inside_a_name_is_not_a_separator() {
    assert_eq!(
        parts("Coca-Cola — People Partner"),
        cr("Coca-Cola", "People Partner")
    );
    assert_eq!(
        parts("Coca-Cola - People Partner"),
        cr("Coca-Cola", "People Partner")
    );
    // The first separator splits; the rest stays in the role.
    assert_eq!(
        parts("Acme — Recruiter — remote"),
        cr("Acme", "Recruiter — remote")
    );
    // "at" inside a word is not " at ".
    assert_eq!(
        parts("Data Analyst, Atlassian"),
        cr("Data Analyst", "Atlassian")
    );
}

#[test]
fn what_is_missing_is_named() {
    assert_eq!(read("").missing(), Some(QuickAddError::Empty));
    assert_eq!(read("   — ").missing(), Some(QuickAddError::Empty));
    assert_eq!(read("Acme — ").missing(), Some(QuickAddError::NoRole));
    assert_eq!(
        read("— Recruiter").missing(),
        Some(QuickAddError::NoCompany)
    );
    // One name alone: nothing is lost, the user is asked for the other half.
    let alone = read("Recruiter");
    assert_eq!(alone.role, "Recruiter");
    assert_eq!(alone.missing(), Some(QuickAddError::NoCompany));
    assert_eq!(read("Acme — Recruiter").missing(), None);
}

#[test]
fn a_pasted_link_fills_the_link_and_guesses_the_company() {
    let q = read("https://jobs.lever.co/acme/1234-abcd");
    assert_eq!(q.link, "https://jobs.lever.co/acme/1234-abcd");
    assert_eq!(q.company, "Acme");
    assert_eq!(q.missing(), Some(QuickAddError::NoRole));
    let q = read("HR Partner https://boards.greenhouse.io/acme-corp/jobs/42");
    assert_eq!(
        (q.company.as_str(), q.role.as_str()),
        ("Acme Corp", "HR Partner")
    );
    assert_eq!(q.missing(), None);
    // Words that name the company win over the guess; trailing punctuation is dropped.
    let q = read("Globex — Recruiter (https://careers.acme.co.uk/jobs/1).");
    assert_eq!(q.company, "Globex");
    assert_eq!(q.role, "Recruiter");
    assert_eq!(q.link, "https://careers.acme.co.uk/jobs/1");
}

#[test]
fn tracking_system_hosts_name_the_company_in_path_or_subdomain() {
    let cases = [
        ("https://jobs.lever.co/acme/abc", "Acme"),
        ("https://boards.greenhouse.io/acme", "Acme"),
        ("https://job-boards.greenhouse.io/acme/jobs/1", "Acme"),
        ("https://apply.workable.com/acme/j/ABC/", "Acme"),
        ("https://jobs.ashbyhq.com/acme?utm=x", "Acme"),
        (
            "https://acme.wd1.myworkdayjobs.com/en-US/careers/job/1",
            "Acme",
        ),
        ("https://jobs.smartrecruiters.com/Acme/123", "Acme"),
        ("https://acme.bamboohr.com/careers/12", "Acme"),
        ("https://acme.recruitee.com/o/hr", "Acme"),
        ("https://acme.teamtailor.com/jobs/1", "Acme"),
        ("https://careers.acme.co.uk/jobs/1", "Acme"),
        ("https://www.initech.com/careers", "Initech"),
        ("http://jobs.globex-corp.de:8080/x", "Globex Corp"),
    ];
    for (link, company) in cases {
        assert_eq!(
            guess_company(link),
            Guess::Company(company.into()),
            "{link}"
        );
    }
}

#[test]
fn job_boards_and_odd_links_give_no_company() {
    for (link, board) in [
        ("https://www.linkedin.com/jobs/view/123", "LinkedIn"),
        ("https://uk.indeed.com/viewjob?jk=1", "Indeed"),
        ("https://www.glassdoor.co.uk/job-listing/x", "Glassdoor"),
    ] {
        assert_eq!(guess_company(link), Guess::Board(board), "{link}");
        let q = read(&format!("Recruiter {link}"));
        assert_eq!(q.company, "");
        assert_eq!(q.missing(), Some(QuickAddError::BoardLink(board)));
    }
    for link in [
        "https://localhost/x",
        "https://127.0.0.1/jobs",
        "https://jobs.lever.co/",
        "https://acme.bamboohr.com.evil/x",
        "mailto:hr@acme.com",
    ] {
        assert!(
            !matches!(guess_company(link), Guess::Company(ref c) if c == "Acme"),
            "{link}"
        );
    }
    assert_eq!(guess_company("https://localhost/x"), Guess::Unknown);
    assert_eq!(guess_company("https://jobs.lever.co/"), Guess::Unknown);
}

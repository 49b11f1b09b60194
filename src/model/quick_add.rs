//! Quick add: reads one typed or pasted line ("Acme — Recruiter", "Recruiter at Acme",
//! a job link with or without words) into a company, a role and a link.
//!
//! Pure and offline: a link is only read, never opened. The company comes from the
//! link's address: applicant-tracking hosts name it in the path or the subdomain
//! (`jobs.lever.co/acme`, `acme.bamboohr.com`); a company's own site by its registrable
//! name (`careers.acme.co.uk` → "Acme"); a job board names no company, so the user is asked.

use super::error::QuickAddError;

/// What one line said. Any part may be empty; [`QuickAdd::missing`] says what to ask.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct QuickAdd {
    pub(crate) company: String,
    pub(crate) role: String,
    pub(crate) link: String,
    /// The job board the link came from (it names no company), for the question.
    pub(crate) board: Option<&'static str>,
}

/// Separators between the two halves, most specific first. `" at "` reads the other
/// way round ("Role at Company"). A bare hyphen is not one: "Coca-Cola" is one name.
const SEPARATORS: [&str; 6] = ["—", "–", " - ", "|", " at ", ","];

/// Reads a line. Never fails: what could not be read stays where the user can fix it.
pub(crate) fn read(line: &str) -> QuickAdd {
    let mut link = String::new();
    let mut words = Vec::new();
    for token in line.split_whitespace() {
        let bare = token.trim_start_matches(['(', '<', '"', '\'']);
        let lower = bare.to_ascii_lowercase();
        if link.is_empty() && (lower.starts_with("https://") || lower.starts_with("http://")) {
            link = bare
                .trim_end_matches(['.', ',', ';', ')', '>', '"', '\''])
                .to_owned();
        } else {
            words.push(token);
        }
    }
    let text = words.join(" ");
    let (mut company, role) = split(text.trim());
    let mut board = None;
    if company.is_empty() && !link.is_empty() {
        match guess_company(&link) {
            Guess::Company(name) => company = name,
            Guess::Board(name) => board = Some(name),
            Guess::Unknown => {}
        }
    }
    QuickAdd {
        company,
        role,
        link,
        board,
    }
}

impl QuickAdd {
    /// What is still needed before the line makes an application, if anything.
    pub(crate) fn missing(&self) -> Option<QuickAddError> {
        let (company, role) = (self.company.trim(), self.role.trim());
        if company.is_empty() && role.is_empty() && self.link.is_empty() {
            Some(QuickAddError::Empty)
        } else if company.is_empty() {
            Some(match self.board {
                Some(board) => QuickAddError::BoardLink(board),
                None => QuickAddError::NoCompany,
            })
        } else if role.is_empty() {
            Some(QuickAddError::NoRole)
        } else {
            None
        }
    }
}

fn trim_separators(text: &str) -> &str {
    text.trim_matches(|c: char| c.is_whitespace() || "—–-|,:".contains(c))
}

/// Splits text into (company, role) at the first separator. Text with no separator is
/// taken as the role: beside a link the company comes from the link; alone, the user
/// is asked for the company and nothing typed is lost.
fn split(text: &str) -> (String, String) {
    if text.is_empty() {
        return (String::new(), String::new());
    }
    let lower = text.to_lowercase();
    for sep in SEPARATORS {
        // `to_lowercase` keeps byte offsets for the ASCII separator " at ".
        let Some(at) = (if sep == " at " && lower.len() == text.len() {
            lower.find(sep)
        } else {
            text.find(sep)
        }) else {
            continue;
        };
        let left = trim_separators(&text[..at]).to_owned();
        let right = trim_separators(&text[at + sep.len()..]).to_owned();
        return if sep == " at " {
            (right, left)
        } else {
            (left, right)
        };
    }
    (String::new(), text.to_owned())
}

/// What a link's address says about the company.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum Guess {
    Company(String),
    /// A job board (its name): the company is in the page, which is never fetched.
    Board(&'static str),
    Unknown,
}

/// Hosts whose first path segment names the company.
const PATH_HOSTS: [&str; 9] = [
    "jobs.lever.co",
    "jobs.eu.lever.co",
    "boards.greenhouse.io",
    "boards.eu.greenhouse.io",
    "job-boards.greenhouse.io",
    "job-boards.eu.greenhouse.io",
    "apply.workable.com",
    "jobs.ashbyhq.com",
    "jobs.smartrecruiters.com",
];

/// Domains whose subdomain names the company (`acme.wd1.myworkdayjobs.com`).
const SUBDOMAIN_HOSTS: [&str; 7] = [
    "myworkdayjobs.com",
    "bamboohr.com",
    "recruitee.com",
    "teamtailor.com",
    "workable.com",
    "breezy.hr",
    "personio.de",
];

/// Job boards by registrable name, with the name shown to the user.
const BOARDS: [(&str, &str); 16] = [
    ("linkedin", "LinkedIn"),
    ("indeed", "Indeed"),
    ("glassdoor", "Glassdoor"),
    ("monster", "Monster"),
    ("ziprecruiter", "ZipRecruiter"),
    ("reed", "Reed"),
    ("totaljobs", "Totaljobs"),
    ("stepstone", "StepStone"),
    ("simplyhired", "SimplyHired"),
    ("dice", "Dice"),
    ("seek", "SEEK"),
    ("xing", "XING"),
    ("wellfound", "Wellfound"),
    ("welcometothejungle", "Welcome to the Jungle"),
    ("otta", "Otta"),
    ("google", "Google Jobs"),
];

/// Second-level public suffixes common enough to matter (`acme.co.uk`).
const TWO_PART_SUFFIXES: [&str; 12] = [
    "co", "com", "org", "net", "ac", "gov", "ltd", "plc", "edu", "gv", "or", "ne",
];

/// Guesses the company from a link's host (and, for tracking systems, its path).
pub(crate) fn guess_company(link: &str) -> Guess {
    let Some((_, rest)) = link.split_once("://") else {
        return Guess::Unknown;
    };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let authority = &rest[..end];
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let host = host.split(':').next().unwrap_or(host).to_ascii_lowercase();
    let host = host.trim_end_matches('.');
    let path = &rest[end..];
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    if labels.len() < 2 || labels.iter().all(|l| l.chars().all(|c| c.is_ascii_digit())) {
        return Guess::Unknown;
    }
    if PATH_HOSTS.contains(&host) {
        let first = path
            .trim_start_matches('/')
            .split(['/', '?', '#'])
            .next()
            .unwrap_or("");
        return if first.is_empty() || first.contains('%') {
            Guess::Unknown
        } else {
            Guess::Company(pretty(first))
        };
    }
    for domain in SUBDOMAIN_HOSTS {
        if let Some(sub) = host.strip_suffix(domain).and_then(|h| h.strip_suffix('.')) {
            let first = sub.split('.').next().unwrap_or("");
            return match first {
                "" | "www" | "apply" | "jobs" | "careers" | "app" => Guess::Unknown,
                name => Guess::Company(pretty(name)),
            };
        }
    }
    let n = labels.len();
    let name = if n >= 3 && labels[n - 1].len() == 2 && TWO_PART_SUFFIXES.contains(&labels[n - 2]) {
        labels[n - 3]
    } else {
        labels[n - 2]
    };
    if let Some((_, board)) = BOARDS.iter().find(|(key, _)| *key == name) {
        return Guess::Board(board);
    }
    Guess::Company(pretty(name))
}

/// "acme-corp" → "Acme Corp"; a name already in capitals ("AcmeCorp") is kept.
fn pretty(slug: &str) -> String {
    slug.split(['-', '_', '+'])
        .filter(|w| !w.is_empty())
        .map(|w| {
            let mut chars = w.chars();
            match chars.next() {
                Some(c) => c.to_uppercase().chain(chars).collect::<String>(),
                None => String::new(),
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests;

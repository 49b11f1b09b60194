//! Message templates: asking for feedback, following up, saying thank you, and the
//! `mailto:` links that open them in the user's email app.

use super::application::Contact;
use super::{Application, Profile};

/// A message the user can edit before sending.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Message {
    pub(crate) to: String,
    pub(crate) subject: String,
    pub(crate) body: String,
}

/// How a message reads: a short note (a LinkedIn message, a quick email) or a formal
/// letter. Both say the same thing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Tone {
    #[default]
    Formal,
    Short,
}

impl Tone {
    pub(crate) const ALL: [Tone; 2] = [Tone::Formal, Tone::Short];

    pub(crate) fn key(self) -> &'static str {
        match self {
            Tone::Formal => "formal",
            Tone::Short => "short",
        }
    }

    pub(crate) fn label(self) -> &'static str {
        match self {
            Tone::Formal => "Formal email",
            Tone::Short => "Short note (LinkedIn)",
        }
    }
}

/// The contact the message goes to: the first with an email address (it fills "To").
fn recipient(app: &Application) -> Option<&Contact> {
    app.contacts.iter().find(|c| c.email.trim().contains('@'))
}

/// Whom to greet: the person in "To"; else the one contact named; else the one
/// interviewer, if there was exactly one. Never a list of every interviewer (the
/// message goes to one person).
fn greeted(app: &Application) -> Option<&str> {
    if let Some(c) = recipient(app).filter(|c| !c.name.trim().is_empty()) {
        return Some(c.name.trim());
    }
    if let Some(c) = app.contacts.iter().find(|c| !c.name.trim().is_empty()) {
        return Some(c.name.trim());
    }
    let mut names = app
        .interviews
        .iter()
        .flat_map(|i| i.interviewers.iter())
        .map(|s| s.trim())
        .filter(|s| !s.is_empty());
    let one = names.next()?;
    names.all(|n| n == one).then_some(one)
}

fn greeting(app: &Application, tone: Tone) -> String {
    let first_name = greeted(app).and_then(|n| n.split_whitespace().next());
    match (tone, first_name) {
        (Tone::Formal, Some(n)) => format!("Dear {n},"),
        (Tone::Formal, None) => "Hello,".to_owned(),
        (Tone::Short, Some(n)) => format!("Hi {n},"),
        (Tone::Short, None) => "Hi,".to_owned(),
    }
}

/// The closing words and, under them, the user's name and signature. A formal letter
/// carries the whole signature; a short note just the name. With no profile, the
/// closing stays and the line under it is left for the user to sign.
fn sign_off(closing: &str, profile: &Profile, tone: Tone) -> String {
    let name = profile.name.trim();
    let signature = profile.signature.trim();
    // A signature that already starts with the name doesn't repeat it.
    let signed_by_name = signature.lines().next().map(str::trim) == Some(name);
    let block = match tone {
        Tone::Short => name.to_owned(),
        Tone::Formal if signature.is_empty() => name.to_owned(),
        Tone::Formal if name.is_empty() || signed_by_name => signature.to_owned(),
        Tone::Formal => format!("{name}\n{signature}"),
    };
    if block.is_empty() {
        format!("{closing},\n")
    } else {
        format!("{closing},\n{block}\n")
    }
}

/// Asks for three things that went well and three to do differently: specific, easy to
/// answer, and it signals the user wants to grow rather than argue.
pub(crate) fn feedback_request(app: &Application, profile: &Profile, tone: Tone) -> Message {
    let (role, company) = (&app.role, &app.company);
    let body = match tone {
        Tone::Formal => format!(
            "Thank you for letting me know about your decision on the {role} role, and for the time you and the team gave me.\n\n\
             I'm keen to keep improving, so I'd be grateful for a little feedback. If you could share three things that went well and three things I could do differently, that would help me a great deal.\n\n\
             I'd also be glad to be considered for future roles at {company}."
        ),
        Tone::Short => format!(
            "Thanks for letting me know about the {role} role. Could you share a couple of things that went well and one or two I could do differently? It would really help me."
        ),
    };
    let closing = if tone == Tone::Short {
        "Thanks"
    } else {
        "Kind regards"
    };
    Message {
        to: to(app),
        subject: format!("Feedback on my application for {role} at {company}"),
        body: format!(
            "{}\n\n{body}\n\n{}",
            greeting(app, tone),
            sign_off(closing, profile, tone)
        ),
    }
}

/// A gentle nudge about a week later when no reply came.
pub(crate) fn follow_up(app: &Application, profile: &Profile, tone: Tone) -> Message {
    let (role, company) = (&app.role, &app.company);
    let body = match tone {
        Tone::Formal => format!(
            "I hope you're well. I'm following up on my note asking for feedback on my application for the {role} role at {company}. \
             I know you're busy, so even a line or two on what I could do differently would be really helpful."
        ),
        Tone::Short => format!(
            "Just following up on my feedback request for the {role} role. Even a line on what I could do differently would help."
        ),
    };
    let closing = if tone == Tone::Short {
        "Thanks"
    } else {
        "Thank you again"
    };
    Message {
        to: to(app),
        subject: format!("Following up: feedback on the {role} role"),
        body: format!(
            "{}\n\n{body}\n\n{}",
            greeting(app, tone),
            sign_off(closing, profile, tone)
        ),
    }
}

/// Thanks the interviewer once feedback arrived: it leaves a lasting good impression.
pub(crate) fn thank_you(app: &Application, profile: &Profile, tone: Tone) -> Message {
    let (role, company) = (&app.role, &app.company);
    let body = match tone {
        Tone::Formal => format!(
            "Thank you for taking the time to share your feedback. It's genuinely useful, and I'm already working on it.\n\n\
             I enjoyed meeting the team at {company} and would be glad to stay in touch about future opportunities."
        ),
        Tone::Short => format!(
            "Thank you for the feedback: it's really useful and I'm already working on it. I'd be glad to stay in touch about future roles at {company}."
        ),
    };
    let closing = if tone == Tone::Short {
        "Thanks again"
    } else {
        "Best wishes"
    };
    Message {
        to: to(app),
        subject: format!("Thank you for your feedback on the {role} role"),
        body: format!(
            "{}\n\n{body}\n\n{}",
            greeting(app, tone),
            sign_off(closing, profile, tone)
        ),
    }
}

fn to(app: &Application) -> String {
    recipient(app)
        .map(|c| c.email.trim().to_owned())
        .unwrap_or_default()
}

/// How many rows a message box needs to show `text` without scrolling, assuming
/// about `columns` characters fit on a line; at least 4, at most 30 (beyond that the
/// box scrolls rather than push the buttons off the screen).
pub(crate) fn rows_for(text: &str, columns: usize) -> usize {
    let columns = columns.max(10);
    let rows: usize = text
        .split('\n')
        .map(|line| line.chars().count().div_ceil(columns).max(1))
        .sum();
    (rows + 1).clamp(4, 30)
}

/// Percent-encodes text for a `mailto:` URL (RFC 6068): everything but unreserved
/// characters is escaped, and line breaks become CRLF as the RFC asks.
pub(crate) fn percent_encode(text: &str) -> String {
    let normalized = text.replace("\r\n", "\n").replace('\n', "\r\n");
    let mut out = String::with_capacity(normalized.len() * 3);
    for b in normalized.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

pub(crate) fn mailto(msg: &Message) -> String {
    // The address keeps its `@`; anything odd in it is escaped like the rest.
    let to: String = msg
        .to
        .split('@')
        .map(percent_encode)
        .collect::<Vec<_>>()
        .join("@");
    format!(
        "mailto:{to}?subject={}&body={}",
        percent_encode(&msg.subject),
        percent_encode(&msg.body)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::interview::{InterviewKind, InterviewRound};
    use crate::model::ApplicationDraft;
    use chrono::{NaiveDate, Utc};
    use uuid::Uuid;

    fn app() -> Application {
        let d = ApplicationDraft {
            company: "Acme & Sons".into(),
            role: "HR Advisor".into(),
            ..Default::default()
        };
        d.build(
            Uuid::nil(),
            NaiveDate::from_ymd_opt(2026, 5, 1).expect("date"),
            Utc::now(),
        )
        .expect("valid")
    }

    fn me() -> Profile {
        Profile {
            name: "Alex Doe".into(),
            signature: "HR Business Partner\n+44 7700 900123".into(),
        }
    }

    #[test]
    fn request_names_company_role_and_asks_for_three_and_three() {
        let m = feedback_request(&app(), &Profile::default(), Tone::Formal);
        assert_eq!(
            m.subject,
            "Feedback on my application for HR Advisor at Acme & Sons"
        );
        assert!(m.body.starts_with("Hello,"));
        assert!(m
            .body
            .contains("three things that went well and three things I could do differently"));
        assert!(
            m.body.ends_with("Kind regards,\n"),
            "left for the user to sign"
        );
        assert!(m.to.is_empty());
    }

    #[test]
    fn greets_the_person_in_to_not_every_interviewer() {
        let mut a = app();
        a.contacts.push(Contact {
            name: "Priya Shah".into(),
            role: String::new(),
            email: String::new(),
        });
        a.contacts.push(Contact {
            name: "Sam Lee".into(),
            role: String::new(),
            email: "sam@acme.example".into(),
        });
        a.interviews.push(InterviewRound {
            id: Uuid::nil(),
            date: NaiveDate::from_ymd_opt(2026, 5, 2).expect("date"),
            kind: InterviewKind::Panel,
            interviewers: vec!["Jo Park".into(), "Ana Ruiz".into(), "Li Wei".into()],
            ..Default::default()
        });
        let m = feedback_request(&a, &me(), Tone::Formal);
        assert_eq!(m.to, "sam@acme.example");
        assert!(m.body.starts_with("Dear Sam,\n"), "{}", m.body);
        assert!(!m.body.contains("Jo"));
        assert!(follow_up(&a, &me(), Tone::Short)
            .body
            .starts_with("Hi Sam,"));
        // No email at all: the one named contact; no contact: never a list.
        a.contacts[1].email.clear();
        assert!(thank_you(&a, &me(), Tone::Formal)
            .body
            .starts_with("Dear Priya,"));
        a.contacts.clear();
        assert!(thank_you(&a, &me(), Tone::Formal)
            .body
            .starts_with("Hello,"));
        a.interviews[0].interviewers = vec!["Jo Park".into()];
        assert!(thank_you(&a, &me(), Tone::Short).body.starts_with("Hi Jo,"));
    }

    #[test]
    fn signs_with_the_profile_formal_in_full_short_with_the_name() {
        let formal = feedback_request(&app(), &me(), Tone::Formal).body;
        assert!(
            formal.ends_with("Kind regards,\nAlex Doe\nHR Business Partner\n+44 7700 900123\n"),
            "{formal}"
        );
        let short = feedback_request(&app(), &me(), Tone::Short).body;
        assert!(short.ends_with("Thanks,\nAlex Doe\n"), "{short}");
        assert!(short.len() < formal.len() / 2 + 80, "short is short");
        assert_ne!(short, formal);
        // A signature that starts with the name doesn't sign twice.
        let whole = Profile {
            name: "Alex Doe".into(),
            signature: "Alex Doe\nHR".into(),
        };
        assert!(follow_up(&app(), &whole, Tone::Formal)
            .body
            .ends_with("Thank you again,\nAlex Doe\nHR\n"));
        // Only a signature: it is the sign-off; a short note then waits for a name.
        let only_sig = Profile {
            name: String::new(),
            signature: "A. Doe".into(),
        };
        assert!(thank_you(&app(), &only_sig, Tone::Formal)
            .body
            .ends_with("Best wishes,\nA. Doe\n"));
        assert!(thank_you(&app(), &only_sig, Tone::Short)
            .body
            .ends_with("Thanks again,\n"));
    }

    #[test]
    fn rows_grow_with_the_text_within_bounds() {
        assert_eq!(rows_for("", 60), 4);
        assert_eq!(rows_for("a\nb\nc\nd\ne", 60), 6);
        // A long paragraph wraps: 130 characters at 60 a line take 3 rows.
        assert_eq!(rows_for(&"x".repeat(130), 60), 4);
        assert_eq!(
            rows_for(&format!("{}\n\n{}", "x".repeat(130), "y".repeat(200)), 60),
            9
        );
        assert_eq!(rows_for(&"line\n".repeat(100), 60), 30);
        let formal = feedback_request(&app(), &me(), Tone::Formal).body;
        let short = feedback_request(&app(), &me(), Tone::Short).body;
        assert!(rows_for(&formal, 60) > rows_for(&short, 60));
    }

    #[test]
    fn percent_encoding_follows_rfc_6068() {
        assert_eq!(percent_encode("a b&c=d?e"), "a%20b%26c%3Dd%3Fe");
        assert_eq!(percent_encode("line1\nline2"), "line1%0D%0Aline2");
        assert_eq!(percent_encode("é"), "%C3%A9");
        let link = mailto(&Message {
            to: "x@y.z".into(),
            subject: "Hi".into(),
            body: "A\nB".into(),
        });
        assert_eq!(link, "mailto:x@y.z?subject=Hi&body=A%0D%0AB");
    }
}

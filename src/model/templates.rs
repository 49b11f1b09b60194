//! Message templates: asking for feedback, following up, saying thank you, and the
//! `mailto:` links that open them in the user's email app.

use super::Application;

/// A message the user can edit before sending.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct Message {
    pub(crate) to: String,
    pub(crate) subject: String,
    pub(crate) body: String,
}

/// The interviewer names, or a contact, or nothing: the greeting uses what we know.
fn greeting(app: &Application) -> String {
    let mut names: Vec<&str> = app
        .interviews
        .iter()
        .flat_map(|i| i.interviewers.iter())
        .map(|s| s.trim())
        .filter(|s| !s.is_empty())
        .collect();
    names.dedup();
    if names.is_empty() {
        names = app
            .contacts
            .iter()
            .map(|c| c.name.trim())
            .filter(|s| !s.is_empty())
            .take(1)
            .collect();
    }
    let first_names: Vec<&str> = names
        .iter()
        .map(|n| n.split_whitespace().next().unwrap_or(n))
        .collect();
    match first_names.as_slice() {
        [] => "Hello,".to_owned(),
        [one] => format!("Dear {one},"),
        [init @ .., last] => format!("Dear {} and {last},", init.join(", ")),
    }
}

fn recipient(app: &Application) -> String {
    app.contacts
        .iter()
        .map(|c| c.email.trim())
        .find(|e| e.contains('@'))
        .unwrap_or_default()
        .to_owned()
}

/// Asks for three things that went well and three to do differently: specific, easy to
/// answer, and it signals the user wants to grow rather than argue.
pub(crate) fn feedback_request(app: &Application) -> Message {
    Message {
        to: recipient(app),
        subject: format!("Feedback on my application for {} at {}", app.role, app.company),
        body: format!(
            "{}\n\nThank you for letting me know about your decision on the {} role, and for the time you and the team gave me.\n\n\
             I'm keen to keep improving, so I'd be grateful for a little feedback. If you could share three things that went well and three things I could do differently, that would help me a great deal.\n\n\
             I'd also be glad to be considered for future roles at {}.\n\nKind regards,\n",
            greeting(app),
            app.role,
            app.company
        ),
    }
}

/// A gentle nudge about a week later when no reply came.
pub(crate) fn follow_up(app: &Application) -> Message {
    Message {
        to: recipient(app),
        subject: format!("Following up: feedback on the {} role", app.role),
        body: format!(
            "{}\n\nI hope you're well. I'm following up on my note asking for feedback on my application for the {} role at {}. \
             I know you're busy, so even a line or two on what I could do differently would be really helpful.\n\nThank you again,\n",
            greeting(app),
            app.role,
            app.company
        ),
    }
}

/// Thanks the interviewer once feedback arrived: it leaves a lasting good impression.
pub(crate) fn thank_you(app: &Application) -> Message {
    Message {
        to: recipient(app),
        subject: format!("Thank you for your feedback on the {} role", app.role),
        body: format!(
            "{}\n\nThank you for taking the time to share your feedback. It's genuinely useful, and I'm already working on it.\n\n\
             I enjoyed meeting the team at {} and would be glad to stay in touch about future opportunities.\n\nBest wishes,\n",
            greeting(app),
            app.company
        ),
    }
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
    use crate::model::application::Contact;
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

    #[test]
    fn request_names_company_role_and_asks_for_three_and_three() {
        let m = feedback_request(&app());
        assert_eq!(
            m.subject,
            "Feedback on my application for HR Advisor at Acme & Sons"
        );
        assert!(m.body.starts_with("Hello,"));
        assert!(m
            .body
            .contains("three things that went well and three things I could do differently"));
        assert!(m.to.is_empty());
    }

    #[test]
    fn greeting_uses_interviewers_then_contacts() {
        let mut a = app();
        a.contacts.push(Contact {
            name: "Sam Lee".into(),
            role: String::new(),
            email: "sam@acme.example".into(),
        });
        assert!(feedback_request(&a).body.starts_with("Dear Sam,"));
        assert_eq!(feedback_request(&a).to, "sam@acme.example");
        a.interviews.push(InterviewRound {
            id: Uuid::nil(),
            date: NaiveDate::from_ymd_opt(2026, 5, 2).expect("date"),
            kind: InterviewKind::Panel,
            interviewers: vec!["Jo Park".into(), "Ana Ruiz".into(), "Li Wei".into()],
            notes: String::new(),
            self_rating: None,
            ..Default::default()
        });
        assert!(follow_up(&a).body.starts_with("Dear Jo, Ana and Li,"));
        assert!(thank_you(&a).subject.contains("Thank you"));
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

//! Self-review when no feedback came: each wizard step's question, prompts built from
//! what the notebook already knows (the application's notes, the interview rounds'
//! notes and self-ratings, the role), and short example answers for every step.
//!
//! Most rejections come with no feedback, so the user's own notes and memory are the
//! material. Prompts quote those notes back, kindly, and ask one concrete question.

use super::feedback::FeedbackRequest;
use super::interview::InterviewRound;
use super::reflection::Benefit;
use super::Application;

/// Whether the employer told the user anything worth pulling in.
pub(crate) fn has_feedback(f: &FeedbackRequest) -> bool {
    !f.verbatim.trim().is_empty()
        || f.went_well.iter().any(|w| !w.trim().is_empty())
        || f.to_change.iter().any(|t| !t.trim().is_empty())
}

/// The question that opens a step: about what they said when feedback exists,
/// about the user's own view when it does not.
pub(crate) fn question(benefit: Benefit, feedback: bool) -> &'static str {
    match (benefit, feedback) {
        (Benefit::Skills, true) => "What skill or experience did they say was missing? For each, choose one thing you'll do about it.",
        (Benefit::Skills, false) => "Which skill or experience would have made you a stronger fit? For each, choose one thing you'll do about it.",
        (Benefit::Techniques, true) => "Which techniques and answers did you use? The STAR method, your opening story, the questions you asked, that joke… Mark each one.",
        (Benefit::Techniques, false) => "Think back through the interview. Which answers and techniques did you use, and how did each one land? Mark each one to keep, improve or drop.",
        (Benefit::Opportunities, _) => "A short thank-you within a day or two keeps you in their mind for the next opening.",
        (Benefit::Mentoring, true) => "What does the feedback say about you, beyond this one role?",
        (Benefit::Mentoring, false) => "Without feedback, be your own kind coach: what would a friend who watched the interview tell you?",
        (Benefit::Confidence, _) => "Start with what went well. It counts as much as what you'd change.",
    }
}

/// Short example answers for a step, in the user's own voice.
pub(crate) fn examples(benefit: Benefit) -> &'static [&'static str] {
    match benefit {
        Benefit::Skills => &[
            "Gap: showing impact with numbers. What I'll do: rewrite three stories with a before-and-after figure.",
            "Gap: no experience running a project end to end. What I'll do: volunteer to lead the next small one at work.",
        ],
        Benefit::Techniques => &[
            "Keep: opening with a two-minute story about why I do this work. It got a smile.",
            "Improve: the case study. I ran out of time, so next time I'll outline first and watch the clock.",
            "Drop: the joke about Mondays. It fell flat.",
        ],
        Benefit::Opportunities => &[
            "Thanked Sam by email the next day. Reconnect in three months, when their new team is hiring.",
            "Other roles there: the People Operations Coordinator role looks like a good fit too.",
        ],
        Benefit::Mentoring => &[
            "I talk faster when I'm nervous, and I answered before they finished the question.",
            "Try differently: pause and take a breath before every answer.",
        ],
        Benefit::Confidence => &[
            "Did well: I prepared good questions about the team, and they noticed.",
            "Next step: apply to two similar roles this week and book a mock interview.",
        ],
    }
}

/// One placeholder per main field, so an empty box already hints at an answer.
pub(crate) fn placeholder(field: Field) -> &'static str {
    match field {
        Field::Gap => "e.g. Showing impact with numbers",
        Field::GapAction => "e.g. Rewrite three stories with figures",
        Field::Technique => "e.g. Opening story",
        Field::TechniqueNote => "e.g. Got a smile; keep it short",
        Field::Learned => "e.g. I rush when I'm nervous, and I cut people off.",
        Field::TryDifferently => "e.g. Pause before answering",
        Field::DidWell => "e.g. Good questions about the team",
        Field::NextStep => "e.g. Apply to two similar roles this week",
        Field::OtherRoles => "e.g. People Operations Coordinator",
    }
}

/// The wizard fields that carry a placeholder.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Field {
    Gap,
    GapAction,
    Technique,
    TechniqueNote,
    Learned,
    TryDifferently,
    DidWell,
    NextStep,
    OtherRoles,
}

/// Notes quoted back at most this long, cut at a word, so a prompt stays one glance.
const QUOTE_CHARS: usize = 140;

/// Trims `text` to one readable quote: whitespace collapsed, cut at a word boundary.
pub(crate) fn quote(text: &str) -> String {
    let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if flat.chars().count() <= QUOTE_CHARS {
        return flat;
    }
    let cut: String = flat.chars().take(QUOTE_CHARS).collect();
    let cut = match cut.rfind(' ') {
        Some(i) if i > QUOTE_CHARS / 2 => &cut[..i],
        _ => cut.as_str(),
    };
    format!("{}…", cut.trim_end_matches([',', '.', ';', ':', ' ']))
}

/// A round as the wizard names it: "the technical round (2 Mar)".
fn round_name(r: &InterviewRound) -> String {
    format!(
        "the {} round ({})",
        r.kind.label().to_lowercase(),
        r.date.format("%-d %b")
    )
}

fn rated(r: &InterviewRound) -> String {
    match r.self_rating {
        Some(n) => format!("You rated {} {n}/5", round_name(r)),
        None => format!("In {}", round_name(r)),
    }
}

/// What the user said about a round, as the start of a sentence, or `None` when they
/// neither rated it nor wrote a note (nothing to quote back).
fn recalled(r: &InterviewRound) -> Option<String> {
    let notes = quote(&r.notes);
    match (r.self_rating, notes.is_empty()) {
        (None, true) => None,
        (Some(_), true) => Some(rated(r)),
        (Some(_), false) => Some(format!("{} and noted “{notes}”", rated(r))),
        (None, false) => Some(format!("{}, you noted “{notes}”", rated(r))),
    }
}

/// A rating of 3 or less, or no rating: the round to look at for what to change.
fn could_improve(r: &InterviewRound) -> bool {
    r.self_rating.is_none_or(|n| n <= 3)
}

/// Self-review prompts for one step, from this application. Always at least one.
pub(crate) fn prompts(app: &Application, benefit: Benefit) -> Vec<String> {
    let role = app.role.trim();
    let company = app.company.trim();
    let notes = quote(&app.notes);
    let rounds = &app.interviews;
    let mut out = Vec::new();
    match benefit {
        Benefit::Skills => {
            if !role.is_empty() {
                out.push(format!(
                    "What does a {role} at this level need that you'd like to show better?"
                ));
            }
            for r in rounds.iter().filter(|r| could_improve(r)) {
                if let Some(said) = recalled(r) {
                    out.push(format!(
                        "{said}. Was a skill or some experience missing there?"
                    ));
                }
            }
            if !notes.is_empty() {
                out.push(format!("Your notes on this application say “{notes}”. Does anything there point to something to learn?"));
            }
            if out.is_empty() {
                out.push(
                    "Read the job ad again: which requirement felt weakest in your answers?"
                        .to_owned(),
                );
            }
        }
        Benefit::Techniques => {
            for r in rounds {
                let Some(said) = recalled(r) else { continue };
                out.push(if could_improve(r) {
                    format!("{said}. What would you do differently?")
                } else {
                    format!("{said}. What worked there? That's a technique to keep.")
                });
            }
            if out.is_empty() {
                out.push(
                    "Which question tripped you up, and which answer are you proud of?".to_owned(),
                );
            }
        }
        Benefit::Opportunities => {
            let people: Vec<&str> = rounds
                .iter()
                .flat_map(|r| r.interviewers.iter().map(|s| s.trim()))
                .filter(|s| !s.is_empty())
                .collect();
            let mut unique: Vec<&str> = Vec::new();
            for p in people {
                if !unique.iter().any(|u| u.eq_ignore_ascii_case(p)) {
                    unique.push(p);
                }
            }
            if !unique.is_empty() {
                out.push(format!(
                    "You met {} at {company}. Who would you like to stay in touch with?",
                    join_names(&unique)
                ));
            }
            out.push(format!(
                "Is there another team or role at {company} you'd still like to work for?"
            ));
        }
        Benefit::Mentoring => {
            if let Some(r) = rounds
                .iter()
                .filter(|r| r.self_rating.is_some())
                .min_by_key(|r| r.self_rating)
            {
                if could_improve(r) {
                    if let Some(said) = recalled(r) {
                        out.push(format!(
                            "{said}. How do you think you came across in that moment?"
                        ));
                    }
                }
            }
            out.push("Did you notice a habit: rushing, interrupting, sounding unsure, or not asking questions?".to_owned());
        }
        Benefit::Confidence => {
            if let Some(r) = rounds
                .iter()
                .filter(|r| r.self_rating.is_some())
                .max_by_key(|r| r.self_rating)
            {
                if !could_improve(r) {
                    out.push(format!("{}. What did you do well there?", rated(r)));
                }
            }
            if !role.is_empty() {
                out.push(format!("You got far enough to be considered for {role} at {company}. What got you there?"));
            }
            if out.is_empty() {
                out.push("Something in your application caught their eye. What was it?".to_owned());
            }
        }
    }
    out
}

/// The rounds worth showing beside a step: those with a note or a rating.
pub(crate) fn rounds_to_show(app: &Application) -> Vec<RoundRecall> {
    app.interviews
        .iter()
        .filter(|r| r.self_rating.is_some() || !r.notes.trim().is_empty())
        .map(|r| RoundRecall {
            title: format!("{} round, {}", r.kind.label(), r.date.format("%-d %b %Y")),
            rating: r.self_rating,
            notes: r.notes.trim().to_owned(),
        })
        .collect()
}

/// One round as the wizard shows it.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct RoundRecall {
    pub(crate) title: String,
    pub(crate) rating: Option<u8>,
    pub(crate) notes: String,
}

fn join_names(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

#[cfg(test)]
#[path = "self_review_tests.rs"]
mod tests;

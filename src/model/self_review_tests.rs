//! Unit tests for the self-review prompts.

use super::*;
use crate::model::interview::InterviewKind;
use crate::model::ApplicationDraft;
use chrono::{NaiveDate, Utc};
use uuid::Uuid;

fn app(role: &str, notes: &str) -> Application {
    let mut a = ApplicationDraft {
        company: "Acme".into(),
        role: "Placeholder".into(),
        notes: notes.into(),
        ..Default::default()
    }
    .build(
        Uuid::new_v4(),
        NaiveDate::from_ymd_opt(2026, 6, 1).expect("date"),
        Utc::now(),
    )
    .expect("valid");
    // An older or imported notebook can hold a blank role; prompts must cope.
    a.role = role.into();
    a
}

fn round(kind: InterviewKind, rating: Option<u8>, notes: &str, who: &[&str]) -> InterviewRound {
    InterviewRound {
        id: Uuid::new_v4(),
        date: NaiveDate::from_ymd_opt(2026, 3, 2).expect("date"),
        kind,
        interviewers: who.iter().map(|s| (*s).to_owned()).collect(),
        notes: notes.into(),
        self_rating: rating,
        ..Default::default()
    }
}

#[test]
fn feedback_counts_only_when_something_was_said() {
    let mut f = FeedbackRequest::default();
    assert!(!has_feedback(&f));
    f.went_well = vec!["  ".into()];
    f.verbatim = "\n".into();
    assert!(!has_feedback(&f), "blank items are no feedback");
    f.to_change = vec!["Shorter answers".into()];
    assert!(has_feedback(&f));
    let f = FeedbackRequest {
        verbatim: "Thanks for coming in.".into(),
        ..Default::default()
    };
    assert!(has_feedback(&f));
}

#[test]
fn a_low_rated_round_is_quoted_back_with_a_question() {
    let mut a = app("Product Designer", "");
    a.interviews.push(round(
        InterviewKind::Technical,
        Some(2),
        "Case study:\n ran out of time",
        &[],
    ));
    let techniques = prompts(&a, Benefit::Techniques);
    assert_eq!(
        techniques,
        ["You rated the technical round (2 Mar) 2/5 and noted “Case study: ran out of time”. What would you do differently?"]
    );
    let skills = prompts(&a, Benefit::Skills);
    assert_eq!(
        skills[0],
        "What does a Product Designer at this level need that you'd like to show better?"
    );
    assert!(skills[1].starts_with("You rated the technical round (2 Mar) 2/5"));
    assert!(skills[1].ends_with("Was a skill or some experience missing there?"));
    let mentoring = prompts(&a, Benefit::Mentoring);
    assert!(mentoring[0].contains("ran out of time"), "{mentoring:?}");
}

#[test]
fn a_well_rated_round_is_a_technique_to_keep_not_a_gap() {
    let mut a = app("Recruiter", "");
    a.interviews
        .push(round(InterviewKind::Video, Some(5), "Great rapport", &[]));
    let techniques = prompts(&a, Benefit::Techniques);
    assert!(
        techniques[0].ends_with("That's a technique to keep."),
        "{techniques:?}"
    );
    let skills = prompts(&a, Benefit::Skills);
    assert_eq!(skills.len(), 1, "only the role prompt: {skills:?}");
    let confidence = prompts(&a, Benefit::Confidence);
    assert_eq!(
        confidence[0],
        "You rated the video round (2 Mar) 5/5. What did you do well there?"
    );
}

#[test]
fn application_notes_and_unrated_notes_are_used() {
    let mut a = app("Recruiter", "They wanted ER casework");
    a.interviews.push(round(
        InterviewKind::Phone,
        None,
        "Asked about salary early",
        &[],
    ));
    let skills = prompts(&a, Benefit::Skills);
    assert!(skills
        .iter()
        .any(|p| p.contains("“They wanted ER casework”")));
    assert!(
        skills
            .iter()
            .any(|p| p
                .starts_with("In the phone round (2 Mar), you noted “Asked about salary early”"))
    );
}

#[test]
fn every_step_has_a_prompt_even_with_nothing_known() {
    let a = app("", "");
    for b in Benefit::ALL {
        assert!(!prompts(&a, b).is_empty(), "{}", b.title());
        assert!(!examples(b).is_empty());
        assert!(!question(b, false).is_empty());
    }
    // A round with neither note nor rating is nothing to quote.
    let mut a = app("", "");
    a.interviews
        .push(round(InterviewKind::Panel, None, " ", &[]));
    assert!(rounds_to_show(&a).is_empty());
    assert!(!prompts(&a, Benefit::Techniques)[0].contains("panel"));
}

#[test]
fn questions_switch_when_there_is_no_feedback() {
    assert!(question(Benefit::Skills, true).contains("did they say"));
    assert!(!question(Benefit::Skills, false).contains("did they say"));
}

#[test]
fn interviewers_are_named_once() {
    let mut a = app("Recruiter", "");
    a.interviews
        .push(round(InterviewKind::Phone, None, "", &["Sam", "Priya"]));
    a.interviews
        .push(round(InterviewKind::Panel, None, "", &["sam", "Jon"]));
    assert_eq!(
        prompts(&a, Benefit::Opportunities)[0],
        "You met Sam, Priya and Jon at Acme. Who would you like to stay in touch with?"
    );
}

#[test]
fn long_notes_are_cut_at_a_word() {
    let long = "word ".repeat(60);
    let q = quote(&long);
    assert!(q.ends_with('…'));
    assert!(q.chars().count() <= QUOTE_CHARS + 1);
    assert!(!q.contains("wor…"));
    assert_eq!(quote("  short\tnote "), "short note");
}

#[test]
fn rounds_to_show_keep_rating_and_notes() {
    let mut a = app("Recruiter", "");
    a.interviews.push(round(
        InterviewKind::Technical,
        Some(2),
        " ran out of time ",
        &[],
    ));
    assert_eq!(
        rounds_to_show(&a),
        [RoundRecall {
            title: "Technical round, 2 Mar 2026".into(),
            rating: Some(2),
            notes: "ran out of time".into(),
        }]
    );
}

//! Unit tests for loose theme matching and the patterns across reflections.

use super::*;
use crate::model::reflection::{Reflection, SkillGap, Technique, Verdict};
use crate::model::ApplicationDraft;
use chrono::{Duration, NaiveDate, TimeZone, Utc};

#[test]
fn case_punctuation_and_plurals_are_ignored() {
    for (a, b) in [
        ("metric", "metrics"),
        ("Metrics", "metrics."),
        ("ER casework", "e.r. casework"),
        ("Time-management", "time management"),
        ("Stories with numbers", "story with number"),
        ("Don't ramble", "dont ramble!"),
        ("  Salary talk ", "SALARY TALK"),
    ] {
        assert!(same_theme(a, b), "{a:?} ~ {b:?}");
        assert!(same_theme(b, a), "{b:?} ~ {a:?} (symmetric)");
    }
}

#[test]
fn shared_significant_words_match_whatever_the_order() {
    for (a, b) in [
        ("interview nerves", "nerves in interviews"),
        ("Interview nerves", "Nerves"),
        ("Quantify impact with metrics", "metrics"),
        ("Excel", "Advanced Excel"),
        ("lack of stakeholder management", "Stakeholder management"),
        ("Shorter, clearer answers", "clearer and shorter"),
    ] {
        assert!(same_theme(a, b), "{a:?} ~ {b:?}");
        assert!(same_theme(b, a), "{b:?} ~ {a:?} (symmetric)");
    }
}

#[test]
fn different_themes_do_not_match() {
    for (a, b) in [
        ("Salary talk", "Small talk"),
        ("STAR answers", "Shorter answers"),
        ("Interview", "Interview nerves"),
        ("interview prep", "interview nerves"),
        ("Data analysis", "Data entry"),
        ("Quantify impact", "Impact of the joke"),
        ("the", "a"),
        ("", ""),
        ("Excel", "Excellent rapport"),
        ("Nervous", "Nerves"),
    ] {
        assert!(!same_theme(a, b), "{a:?} must not match {b:?}");
        assert!(!same_theme(b, a), "{b:?} must not match {a:?}");
    }
}

#[test]
fn stop_words_and_plurals_reduce_to_significant_words() {
    let w: Vec<String> = words("Nerves in the Interviews, too!")
        .into_iter()
        .collect();
    assert_eq!(w, ["interview", "nerve"]);
    assert!(words("the a of").is_empty());
    assert_eq!(singular("analysis"), "analysis");
    assert_eq!(singular("class"), "class");
    assert_eq!(singular("stories"), "story");
    assert_eq!(singular("bus"), "bus");
}

fn reflection_on(data: &mut AppData, day: u32, edit: impl FnOnce(&mut Reflection)) {
    let app = ApplicationDraft {
        company: format!("Company {day}"),
        role: "Recruiter".into(),
        ..Default::default()
    }
    .build(
        Uuid::new_v4(),
        NaiveDate::from_ymd_opt(2026, 6, 1).expect("date"),
        Utc::now(),
    )
    .expect("valid");
    let at = Utc
        .with_ymd_and_hms(2026, 3, 1, 9, 0, 0)
        .single()
        .expect("time")
        + Duration::days(i64::from(day));
    let mut r = Reflection::new(Uuid::new_v4(), app.id, at);
    edit(&mut r);
    data.add_application(app);
    data.reflections.push(r);
}

fn gap(text: &str) -> SkillGap {
    let mut g = SkillGap::blank(Uuid::new_v4());
    g.gap = text.into();
    g
}

#[test]
fn patterns_count_reflections_not_mentions() {
    let mut data = AppData::default();
    reflection_on(&mut data, 1, |r| r.skills.push(gap("Interview nerves")));
    reflection_on(&mut data, 2, |r| {
        // Twice in one reflection still counts once.
        r.mentoring.try_differently = "Calm my nerves in interviews".into();
        r.skills.push(gap("nerves"));
    });
    reflection_on(&mut data, 3, |r| {
        let mut t = Technique::blank(Uuid::new_v4());
        t.name = "Nerves".into();
        t.verdict = Verdict::Improve;
        r.techniques.push(t);
    });
    reflection_on(&mut data, 4, |r| r.skills.push(gap("Salary talk")));
    reflection_on(&mut data, 5, |r| r.skills.push(gap("Small talk")));
    let p = patterns(&data, 10, 5);
    assert_eq!(
        p,
        [Pattern {
            label: "Nerves".into(),
            count: 3,
            of: 5
        }]
    );
    assert_eq!(
        p[0].sentence(),
        "Nerves came up in 3 of your last 5 reflections."
    );
    // Only the newest two are looked at: no theme repeats there.
    assert!(patterns(&data, 2, 5).is_empty());
}

#[test]
fn feedback_to_change_counts_and_all_reads_naturally() {
    let mut data = AppData::default();
    reflection_on(&mut data, 1, |r| r.skills.push(gap("metrics")));
    reflection_on(&mut data, 2, |_| {});
    let second = data.reflections[1].application_id;
    data.applications
        .iter_mut()
        .filter(|a| a.id == second)
        .for_each(|a| a.feedback.to_change = vec!["Use more metrics".into()]);
    let p = patterns(&data, 10, 5);
    assert_eq!(p.len(), 1);
    // The shortest phrasing names the theme.
    assert_eq!(
        p[0].sentence(),
        "Metrics came up in both of your reflections."
    );
    let all = Pattern {
        label: "nerves".into(),
        count: 4,
        of: 4,
    };
    assert_eq!(
        all.sentence(),
        "Nerves came up in all 4 of your reflections."
    );
}

#[test]
fn tallies_merge_loose_matches() {
    let mut data = AppData::default();
    reflection_on(&mut data, 1, |r| r.skills.push(gap("Metrics")));
    reflection_on(&mut data, 2, |r| r.skills.push(gap("metric.")));
    reflection_on(&mut data, 3, |r| r.skills.push(gap("Excel")));
    let (gaps, _) = themes(&data, 5);
    assert_eq!(
        gaps,
        [
            Theme {
                label: "Metrics".into(),
                count: 2
            },
            Theme {
                label: "Excel".into(),
                count: 1
            }
        ]
    );
}

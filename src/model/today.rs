//! The dashboard's "Today" list: everything that wants the user's attention now or in
//! the next few days, each with the one action that deals with it.
//!
//! Pure, so the rules are tested with fixed dates. The model does not know the app's
//! routes (it sits below them); each item names its [`Target`] and the view turns that
//! into an `AppRoute`.

use crate::model::order;
use chrono::{Datelike, Days, NaiveDate, NaiveTime};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

use super::interview::InterviewRound;
use super::reflection::{PlanStatus, ReflectionStatus};
use super::{AppData, Application, Stage};

/// How far ahead interviews are listed: a week lets the user prepare.
pub(crate) const INTERVIEW_DAYS_AHEAD: u64 = 7;
/// How far ahead other dated items (plan targets, reconnect dates, closing dates) are
/// listed: close enough to act on, far enough to plan the week.
pub(crate) const SOON_DAYS_AHEAD: u64 = 3;

/// What an item is about. The order here breaks ties on the same day and time.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub(crate) enum TodayKind {
    Interview,
    FollowUp,
    Closing,
    PlanTarget,
    Reconnect,
    Reflection,
}

/// Where the item's action leads.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum Target {
    /// The application's page (follow-up template, interview notes, contacts).
    Application(Uuid),
    /// The application's reflection (the wizard or its summary).
    Reflect(Uuid),
    /// The development plan on Insights.
    Plan,
}

/// When an item falls, relative to today. Items sort in this order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub(crate) enum When {
    Overdue,
    Today,
    Soon,
    /// No deadline: a reflection waits until the user is ready.
    Waiting,
}

/// The one action an item offers, named as its button says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum Verb {
    FollowUp,
    Prepare,
    Reflect,
    ContinueReflecting,
    Apply,
    OpenPlan,
    Reconnect,
}

impl Verb {
    pub(crate) fn label(self) -> &'static str {
        match self {
            Verb::FollowUp => "Follow up",
            Verb::Prepare => "Prepare",
            Verb::Reflect => "Reflect",
            Verb::ContinueReflecting => "Continue reflecting",
            Verb::Apply => "Apply",
            Verb::OpenPlan => "Open plan",
            Verb::Reconnect => "Reconnect",
        }
    }
}

/// Serialised into the dashboard's summary part (`model::summary`), so the stored
/// notebook's start-up can show Today before the notebook itself is decoded.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub(crate) struct TodayItem {
    /// Stable across reloads (the same stem as the calendar's UIDs): the list's key.
    pub(crate) key: String,
    pub(crate) kind: TodayKind,
    pub(crate) when: When,
    pub(crate) date: NaiveDate,
    pub(crate) time: Option<NaiveTime>,
    /// An IANA time zone name, or empty for the user's own.
    pub(crate) zone: String,
    /// A location or video link, for interviews.
    pub(crate) place: String,
    /// The video-call link found in `place`, so the list can offer "Join call".
    pub(crate) call: Option<String>,
    /// What it is, e.g. "Video interview".
    pub(crate) title: String,
    /// What it concerns, e.g. "Recruiter at Acme".
    pub(crate) subject: String,
    pub(crate) target: Target,
    /// The action: "Follow up", "Reflect", "Open plan".
    pub(crate) verb: Verb,
}

impl TodayItem {
    /// The time of day as the list shows it ("14:30"), if the item has one.
    pub(crate) fn time_label(&self) -> Option<String> {
        self.time.map(super::time::format_time)
    }

    /// When it falls, in words: "Overdue since 3 Mar 2026", "Today", "Tomorrow",
    /// "Thu 12 Mar 2026", "Waiting since 1 Feb 2026".
    pub(crate) fn when_label(&self, today: NaiveDate) -> String {
        let date = super::time::format_date(self.date);
        match self.when {
            When::Overdue => format!("Overdue since {date}"),
            When::Today => "Today".to_owned(),
            When::Soon if today.succ_opt() == Some(self.date) => "Tomorrow".to_owned(),
            When::Soon => format!("{} {date}", self.date.weekday()),
            When::Waiting => format!("Waiting since {date}"),
        }
    }
}

/// "Role at Company", the way every list names an application.
fn subject(app: &Application) -> String {
    format!("{} at {}", app.role, app.company)
}

fn when(date: NaiveDate, today: NaiveDate) -> When {
    match date.cmp(&today) {
        std::cmp::Ordering::Less => When::Overdue,
        std::cmp::Ordering::Equal => When::Today,
        std::cmp::Ordering::Greater => When::Soon,
    }
}

// The round's time, zone and place: one place to read them, so the list and the
// calendar agree.
pub(crate) fn round_time(round: &InterviewRound) -> Option<NaiveTime> {
    round.start_time
}

pub(crate) fn round_zone(round: &InterviewRound) -> &str {
    round.time_zone.trim()
}

pub(crate) fn round_place(round: &InterviewRound) -> &str {
    round.place.trim()
}

/// Everything for today's list: overdue first, then by date and time; reflections,
/// which have no deadline, last. (The dashboard reads it through `model::summary`.)
#[cfg(test)]
pub(crate) fn today_items(data: &AppData, today: NaiveDate) -> Vec<TodayItem> {
    select(&candidates(data, today, today), today)
}

/// Every item that is on the list on some day from `from` to `until`: [`select`] picks
/// one day's list from them. The dashboard's stored summary keeps the candidates of
/// the weeks ahead, so Today is right on any of those days without the notebook.
pub(crate) fn candidates(data: &AppData, from: NaiveDate, until: NaiveDate) -> Vec<TodayItem> {
    let soon = ahead(until, SOON_DAYS_AHEAD);
    let interview_horizon = ahead(until, INTERVIEW_DAYS_AHEAD);
    let mut out = Vec::new();
    for app in &data.applications {
        let item = |kind, key: String, date, title: String, target, verb| TodayItem {
            key,
            kind,
            // Set by `select` for the day shown.
            when: When::Soon,
            date,
            time: None,
            zone: String::new(),
            place: String::new(),
            call: None,
            title,
            subject: subject(app),
            target,
            verb,
        };
        if app.feedback.follow_up_due_by(until) {
            if let Some(due) = app.feedback.follow_up_due {
                out.push(item(
                    TodayKind::FollowUp,
                    format!("follow-up-{}", app.id),
                    due,
                    "Follow up on feedback".into(),
                    Target::Application(app.id),
                    Verb::FollowUp,
                ));
            }
        }
        for round in app
            .interviews
            .iter()
            .filter(|r| r.date >= from && r.date <= interview_horizon)
        {
            out.push(TodayItem {
                time: round_time(round),
                zone: round_zone(round).to_owned(),
                place: round_place(round).to_owned(),
                call: round.video_link().map(str::to_owned),
                ..item(
                    TodayKind::Interview,
                    format!("interview-{}", round.id),
                    round.date,
                    format!("{} interview", round.kind.label()),
                    Target::Application(app.id),
                    Verb::Prepare,
                )
            });
        }
        if let Some(invite) = app.stage().reflect_invite() {
            let status = data.reflection_for(app.id).map(|r| r.status);
            if status != Some(ReflectionStatus::Complete) {
                let closed = app
                    .history
                    .last()
                    .map_or(app.created_at.date_naive(), |c| c.on);
                out.push(TodayItem {
                    when: When::Waiting,
                    ..item(
                        TodayKind::Reflection,
                        format!("reflect-{}", app.id),
                        closed,
                        invite.to_owned(),
                        Target::Reflect(app.id),
                        if status.is_some() {
                            Verb::ContinueReflecting
                        } else {
                            Verb::Reflect
                        },
                    )
                });
            }
        }
        if app.stage() == Stage::Saved {
            if let Some(closing) = closing_date(app).filter(|d| *d >= from && *d <= soon) {
                out.push(item(
                    TodayKind::Closing,
                    format!("closing-{}", app.id),
                    closing,
                    "Applications close".into(),
                    Target::Application(app.id),
                    Verb::Apply,
                ));
            }
        }
    }
    for r in &data.reflections {
        let Some(app) = data.application(r.application_id) else {
            continue;
        };
        for gap in r
            .skills
            .iter()
            .filter(|g| g.status != PlanStatus::Done && !g.gap.trim().is_empty())
        {
            if let Some(target) = gap.target_date.filter(|d| *d <= soon) {
                let action = gap.action.trim();
                out.push(TodayItem {
                    key: format!("plan-{}", gap.id),
                    kind: TodayKind::PlanTarget,
                    when: When::Soon,
                    date: target,
                    time: None,
                    zone: String::new(),
                    place: String::new(),
                    call: None,
                    title: if action.is_empty() {
                        format!("Plan: {}", gap.gap.trim())
                    } else {
                        format!("Plan: {action}")
                    },
                    subject: subject(app),
                    target: Target::Plan,
                    verb: Verb::OpenPlan,
                });
            }
        }
        if let Some(on) = r.opportunities.reconnect_on.filter(|d| *d <= soon) {
            out.push(TodayItem {
                key: format!("reconnect-{}", r.id),
                kind: TodayKind::Reconnect,
                when: When::Soon,
                date: on,
                time: None,
                zone: String::new(),
                place: String::new(),
                call: None,
                title: format!("Reconnect with {}", app.company),
                subject: subject(app),
                target: Target::Application(app.id),
                verb: Verb::Reconnect,
            });
        }
    }
    out
}

/// `day` plus `days`, or `day` itself at the end of the calendar.
fn ahead(day: NaiveDate, days: u64) -> NaiveDate {
    day.checked_add_days(Days::new(days)).unwrap_or(day)
}

/// One day's list from [`candidates`] made for a span of days that holds `today`:
/// each kind's own rule for which days it shows, then overdue first, by date and time.
pub(crate) fn select(candidates: &[TodayItem], today: NaiveDate) -> Vec<TodayItem> {
    let soon = ahead(today, SOON_DAYS_AHEAD);
    let shows = |i: &TodayItem| match i.kind {
        TodayKind::FollowUp => i.date <= today,
        TodayKind::Interview => i.date >= today && i.date <= ahead(today, INTERVIEW_DAYS_AHEAD),
        TodayKind::Closing => i.date >= today && i.date <= soon,
        TodayKind::PlanTarget | TodayKind::Reconnect => i.date <= soon,
        TodayKind::Reflection => true,
    };
    let mut out: Vec<TodayItem> = candidates
        .iter()
        .filter(|i| shows(i))
        .map(|i| TodayItem {
            when: if i.kind == TodayKind::Reflection {
                When::Waiting
            } else {
                when(i.date, today)
            },
            ..i.clone()
        })
        .collect();
    order::sort_by(&mut out, |a, b| {
        // All-day items come before the timed ones of the same day, as calendars show them.
        (a.when, a.date, a.time.is_some(), a.time, a.kind, &a.subject).cmp(&(
            b.when,
            b.date,
            b.time.is_some(),
            b.time,
            b.kind,
            &b.subject,
        ))
    });
    out
}

/// The last day to apply, if the user noted one.
fn closing_date(app: &Application) -> Option<NaiveDate> {
    app.closing_on
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::feedback::FeedbackStatus;
    use crate::model::interview::InterviewKind;
    use crate::model::reflection::{Reflection, SkillGap};
    use crate::model::ApplicationDraft;
    use chrono::{TimeZone, Utc};

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, m, day).expect("date")
    }

    fn noon() -> chrono::DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 1, 12, 0, 0)
            .single()
            .expect("time")
    }

    fn add(data: &mut AppData, company: &str, stage: Option<Stage>) -> Uuid {
        let mut app = ApplicationDraft {
            company: company.into(),
            role: "Recruiter".into(),
            applied_on: "2026-01-05".into(),
            ..Default::default()
        }
        .build(Uuid::new_v4(), d(1, 5), noon())
        .expect("valid");
        if let Some(s) = stage {
            app.change_stage(s, d(2, 1), noon());
        }
        let id = app.id;
        data.add_application(app);
        id
    }

    fn app_mut(data: &mut AppData, id: Uuid) -> &mut Application {
        data.applications
            .iter_mut()
            .find(|a| a.id == id)
            .expect("app")
    }

    fn round(on: NaiveDate) -> InterviewRound {
        InterviewRound {
            id: Uuid::new_v4(),
            date: on,
            kind: InterviewKind::Video,
            interviewers: vec![],
            notes: String::new(),
            self_rating: None,
            ..Default::default()
        }
    }

    fn gap(target: Option<NaiveDate>, status: PlanStatus) -> SkillGap {
        SkillGap {
            gap: "Metrics".into(),
            action: "Build a portfolio".into(),
            target_date: target,
            status,
            ..SkillGap::blank(Uuid::new_v4())
        }
    }

    #[test]
    fn an_empty_notebook_has_nothing_today() {
        assert!(today_items(&AppData::default(), d(3, 10)).is_empty());
    }

    #[test]
    fn follow_ups_due_or_overdue_while_awaiting() {
        let mut data = AppData::default();
        let a = add(&mut data, "Acme", Some(Stage::Rejected));
        app_mut(&mut data, a).feedback.mark_asked(d(3, 1), 7);
        let today = today_items(&data, d(3, 7));
        assert!(today.iter().all(|i| i.kind != TodayKind::FollowUp));
        let items = today_items(&data, d(3, 9));
        let f = items
            .iter()
            .find(|i| i.kind == TodayKind::FollowUp)
            .expect("due");
        assert_eq!((f.when, f.date), (When::Overdue, d(3, 8)));
        assert_eq!(f.when_label(d(3, 9)), "Overdue since 8 Mar 2026");
        assert_eq!(f.target, Target::Application(a));
        assert_eq!(
            (f.verb.label(), f.subject.as_str()),
            ("Follow up", "Recruiter at Acme")
        );
        app_mut(&mut data, a).feedback.status = FeedbackStatus::Received;
        assert!(today_items(&data, d(3, 9))
            .iter()
            .all(|i| i.kind != TodayKind::FollowUp));
    }

    #[test]
    fn interviews_from_today_for_a_week() {
        let mut data = AppData::default();
        let a = add(&mut data, "Acme", Some(Stage::Interviewing));
        for day in [9, 10, 17, 18] {
            app_mut(&mut data, a).interviews.push(round(d(3, day)));
        }
        let items = today_items(&data, d(3, 10));
        let dates: Vec<_> = items
            .iter()
            .filter(|i| i.kind == TodayKind::Interview)
            .map(|i| (i.date, i.when))
            .collect();
        assert_eq!(dates, [(d(3, 10), When::Today), (d(3, 17), When::Soon)]);
        assert_eq!(items[0].title, "Video interview");
        assert_eq!(items[0].when_label(d(3, 10)), "Today");
        assert_eq!(items[1].when_label(d(3, 10)), "Tue 17 Mar 2026");
        assert_eq!(items[1].when_label(d(3, 16)), "Tomorrow");
        assert_eq!(items[0].verb.label(), "Prepare");
    }

    #[test]
    fn plan_targets_due_soon_and_not_done() {
        let mut data = AppData::default();
        let a = add(&mut data, "Acme", Some(Stage::Rejected));
        let mut r = Reflection::new(Uuid::new_v4(), a, noon());
        r.status = ReflectionStatus::Complete;
        r.skills = vec![
            gap(Some(d(3, 5)), PlanStatus::Doing),
            gap(Some(d(3, 13)), PlanStatus::Todo),
            gap(Some(d(3, 14)), PlanStatus::Todo),
            gap(Some(d(3, 1)), PlanStatus::Done),
            gap(None, PlanStatus::Todo),
        ];
        data.reflections.push(r);
        let items = today_items(&data, d(3, 10));
        let plan: Vec<_> = items
            .iter()
            .filter(|i| i.kind == TodayKind::PlanTarget)
            .map(|i| (i.date, i.when, i.target, i.verb.label()))
            .collect();
        assert_eq!(
            plan,
            [
                (d(3, 5), When::Overdue, Target::Plan, "Open plan"),
                (d(3, 13), When::Soon, Target::Plan, "Open plan"),
            ]
        );
        assert_eq!(items[0].title, "Plan: Build a portfolio");
    }

    #[test]
    fn reconnect_dates_and_waiting_reflections() {
        let mut data = AppData::default();
        let rejected = add(&mut data, "Acme", Some(Stage::Rejected));
        let ghosted = add(&mut data, "Globex", Some(Stage::Ghosted));
        add(&mut data, "Initech", Some(Stage::Offer));
        add(&mut data, "Hooli", None);
        let mut r = Reflection::new(Uuid::new_v4(), rejected, noon());
        r.opportunities.reconnect_on = Some(d(3, 10));
        data.reflections.push(r.clone());
        let items = today_items(&data, d(3, 10));
        let kinds: Vec<_> = items.iter().map(|i| (i.kind, i.verb.label())).collect();
        assert_eq!(
            kinds,
            [
                (TodayKind::Reconnect, "Reconnect"),
                (TodayKind::Reflection, "Continue reflecting"),
                (TodayKind::Reflection, "Reflect"),
            ],
            "an offer or an open application waits for no reflection"
        );
        assert_eq!(items[0].title, "Reconnect with Acme");
        assert_eq!(items[2].target, Target::Reflect(ghosted));
        assert_eq!(items[2].title, "Reflect, even without an answer");
        r.status = ReflectionStatus::Complete;
        data.reflections[0] = r;
        let items = today_items(&data, d(3, 10));
        assert_eq!(items.len(), 2, "a finished reflection is not waiting");
    }

    #[test]
    fn overdue_first_then_by_date() {
        let mut data = AppData::default();
        let a = add(&mut data, "Acme", Some(Stage::Rejected));
        let b = add(&mut data, "Bolt", Some(Stage::Interviewing));
        app_mut(&mut data, a).feedback.mark_asked(d(3, 1), 7);
        app_mut(&mut data, b).interviews.push(round(d(3, 12)));
        app_mut(&mut data, b).interviews.push(round(d(3, 10)));
        let items = today_items(&data, d(3, 10));
        let order: Vec<_> = items.iter().map(|i| (i.when, i.kind)).collect();
        assert_eq!(
            order,
            [
                (When::Overdue, TodayKind::FollowUp),
                (When::Today, TodayKind::Interview),
                (When::Soon, TodayKind::Interview),
                (When::Waiting, TodayKind::Reflection),
            ]
        );
        let mut keys: Vec<_> = items.iter().map(|i| i.key.clone()).collect();
        keys.dedup();
        assert_eq!(keys.len(), items.len(), "every key is distinct");
    }

    #[test]
    fn an_interview_carries_its_time_zone_and_place_and_sorts_by_time() {
        let mut data = AppData::default();
        let a = add(&mut data, "Acme", Some(Stage::Interviewing));
        let at = |h| NaiveTime::from_hms_opt(h, 0, 0);
        let rounds = [
            InterviewRound {
                start_time: at(15),
                ..round(d(3, 10))
            },
            InterviewRound {
                start_time: at(9),
                time_zone: " Europe/Berlin ".into(),
                place: "https://meet.example/x".into(),
                ..round(d(3, 10))
            },
            round(d(3, 10)),
        ];
        app_mut(&mut data, a).interviews = rounds.to_vec();
        let items = today_items(&data, d(3, 10));
        let got: Vec<_> = items
            .iter()
            .map(|i| (i.time_label(), i.zone.as_str(), i.call.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                (None, "", None),
                (
                    Some("09:00".into()),
                    "Europe/Berlin",
                    Some("https://meet.example/x")
                ),
                (Some("15:00".into()), "", None),
            ],
            "all-day first, then by time"
        );
    }

    #[test]
    fn closing_dates_soon_for_roles_still_saved() {
        let mut data = AppData::default();
        let saved = add(&mut data, "Acme", None);
        app_mut(&mut data, saved).history[0].stage = Stage::Saved;
        app_mut(&mut data, saved).closing_on = Some(d(3, 12));
        let applied = add(&mut data, "Bolt", None);
        app_mut(&mut data, applied).closing_on = Some(d(3, 12));
        let items = today_items(&data, d(3, 10));
        assert_eq!(
            items.len(),
            1,
            "an application already sent needs no reminder"
        );
        assert_eq!(
            (items[0].kind, items[0].verb.label(), items[0].target),
            (TodayKind::Closing, "Apply", Target::Application(saved))
        );
        assert_eq!(items[0].title, "Applications close");
        assert!(
            today_items(&data, d(3, 8)).is_empty(),
            "not yet: 4 days ahead"
        );
        assert!(
            today_items(&data, d(3, 13)).is_empty(),
            "a closed posting is gone, not overdue"
        );
    }
}

//! What adds up across reflections: the development plan, the technique board,
//! confidence over time, the wins log and recurring themes (see `themes.rs`).

use crate::model::order;
use std::collections::HashMap;

use chrono::NaiveDate;
use uuid::Uuid;

use super::reflection::{ActionKind, PlanStatus, Verdict};
use super::AppData;

/// One skill action, with where it came from.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct PlanItem {
    pub(crate) reflection_id: Uuid,
    pub(crate) gap_id: Uuid,
    pub(crate) application_id: Uuid,
    pub(crate) source: String,
    pub(crate) gap: String,
    pub(crate) action: String,
    pub(crate) kind: ActionKind,
    pub(crate) target: Option<NaiveDate>,
    pub(crate) status: PlanStatus,
}

/// "Role at Company" for every application, built once per computation: looking each
/// reflection's application up in the list made Insights quadratic (about a second
/// with 1,000 reflections).
pub(crate) fn sources(data: &AppData) -> HashMap<Uuid, String> {
    data.applications
        .iter()
        .map(|a| (a.id, format!("{} at {}", a.role, a.company)))
        .collect()
}

fn source(sources: &HashMap<Uuid, String>, application_id: Uuid) -> String {
    sources.get(&application_id).cloned().unwrap_or_default()
}

/// Every skill action: open ones first by target date (undated last), done ones last.
pub(crate) fn plan(data: &AppData) -> Vec<PlanItem> {
    let sources = sources(data);
    let sources = &sources;
    let mut items: Vec<PlanItem> = data
        .reflections
        .iter()
        .flat_map(|r| {
            r.skills
                .iter()
                .filter(|g| !g.gap.trim().is_empty())
                .map(move |g| PlanItem {
                    reflection_id: r.id,
                    gap_id: g.id,
                    application_id: r.application_id,
                    source: source(sources, r.application_id),
                    gap: g.gap.trim().to_owned(),
                    action: g.action.trim().to_owned(),
                    kind: g.action_kind,
                    target: g.target_date,
                    status: g.status,
                })
        })
        .collect();
    // Cached: the lower-cased gap is built once per item, not once per comparison.
    order::sort_by_cached_key(&mut items, |i| {
        (
            i.status == PlanStatus::Done,
            i.target.is_none(),
            i.target,
            i.gap.to_lowercase(),
        )
    });
    items
}

/// A technique on the board, merged across reflections by name (ignoring case).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct BoardEntry {
    pub(crate) name: String,
    pub(crate) count: usize,
    pub(crate) notes: Vec<String>,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct Board {
    pub(crate) keep: Vec<BoardEntry>,
    pub(crate) improve: Vec<BoardEntry>,
    pub(crate) drop: Vec<BoardEntry>,
}

/// Keep / improve / drop, each column most frequent first, so repeated patterns show.
pub(crate) fn board(data: &AppData) -> Board {
    let mut board = Board::default();
    // Where each lower-cased name sits in its column, so merging is one lookup per technique.
    let mut index: [HashMap<String, usize>; 3] = Default::default();
    for t in data.reflections.iter().flat_map(|r| &r.techniques) {
        let name = t.name.trim();
        if name.is_empty() {
            continue;
        }
        let (column, index) = match t.verdict {
            Verdict::Keep => (&mut board.keep, &mut index[0]),
            Verdict::Improve => (&mut board.improve, &mut index[1]),
            Verdict::Drop => (&mut board.drop, &mut index[2]),
        };
        let note = t.note.trim().to_owned();
        let key = name.to_lowercase();
        match index.get(&key).and_then(|&i| column.get_mut(i)) {
            Some(e) => {
                e.count += 1;
                if !note.is_empty() {
                    e.notes.push(note);
                }
            }
            None => {
                index.insert(key, column.len());
                column.push(BoardEntry {
                    name: name.to_owned(),
                    count: 1,
                    notes: (!note.is_empty()).then_some(note).into_iter().collect(),
                });
            }
        }
    }
    for column in [&mut board.keep, &mut board.improve, &mut board.drop] {
        order::sort_by_cached_key(column, |e| {
            (std::cmp::Reverse(e.count), e.name.to_lowercase())
        });
    }
    board
}

/// One confidence rating, dated by when the reflection was last updated.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct ConfidencePoint {
    pub(crate) date: NaiveDate,
    pub(crate) rating: u8,
    pub(crate) source: String,
}

/// Ratings in date order: the line chart's series.
pub(crate) fn confidence_series(data: &AppData) -> Vec<ConfidencePoint> {
    let sources = sources(data);
    let mut points: Vec<ConfidencePoint> = data
        .reflections
        .iter()
        .filter_map(|r| {
            Some(ConfidencePoint {
                date: r.completed_at.unwrap_or(r.updated_at).date_naive(),
                rating: r.confidence.rating?,
                source: source(&sources, r.application_id),
            })
        })
        .collect();
    order::sort_by(&mut points, |a, b| {
        a.date.cmp(&b.date).then(a.source.cmp(&b.source))
    });
    points
}

/// The chart's geometry: each point placed in a `width` × `height` box, evenly spaced
/// in date order, 1 at the bottom and 10 at the top.
pub(crate) fn chart_points(series: &[ConfidencePoint], width: f64, height: f64) -> Vec<(f64, f64)> {
    let n = series.len();
    series
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let x = if n <= 1 {
                width / 2.0
            } else {
                width * i as f64 / (n - 1) as f64
            };
            let y = height - height * (f64::from(p.rating.clamp(1, 10)) - 1.0) / 9.0;
            (x, y)
        })
        .collect()
}

/// Everything the user did well, newest first.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Win {
    pub(crate) date: NaiveDate,
    pub(crate) text: String,
    pub(crate) source: String,
}

pub(crate) fn wins(data: &AppData) -> Vec<Win> {
    let sources = sources(data);
    let sources = &sources;
    let mut wins: Vec<Win> = data
        .reflections
        .iter()
        .flat_map(|r| {
            let date = r.completed_at.unwrap_or(r.updated_at).date_naive();
            let src = source(sources, r.application_id);
            r.confidence
                .did_well
                .iter()
                .filter(|w| !w.trim().is_empty())
                .map(move |w| Win {
                    date,
                    text: w.trim().to_owned(),
                    source: src.clone(),
                })
        })
        .collect();
    order::sort_by_key(&mut wins, |w| std::cmp::Reverse(w.date));
    wins
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::reflection::{Reflection, SkillGap, Technique};
    use crate::model::themes::{themes, Theme};
    use crate::model::ApplicationDraft;
    use chrono::{TimeZone, Utc};

    fn setup() -> AppData {
        let mut data = AppData::default();
        for (i, company) in ["Acme", "Globex"].into_iter().enumerate() {
            let draft = ApplicationDraft {
                company: company.into(),
                role: "Recruiter".into(),
                ..Default::default()
            };
            let app = draft
                .build(
                    Uuid::new_v4(),
                    NaiveDate::from_ymd_opt(2026, 6, 1).expect("date"),
                    Utc::now(),
                )
                .expect("valid");
            let at = Utc
                .with_ymd_and_hms(2026, 3 + i as u32, 1, 9, 0, 0)
                .single()
                .expect("time");
            let mut r = Reflection::new(Uuid::new_v4(), app.id, at);
            r.completed_at = Some(at);
            r.skills.push(SkillGap {
                id: Uuid::new_v4(),
                gap: if i == 0 {
                    "ER casework".into()
                } else {
                    "er casework ".into()
                },
                action: "Shadow a case".into(),
                action_kind: ActionKind::Project,
                target_date: NaiveDate::from_ymd_opt(2026, 9 - i as u32, 1),
                status: if i == 0 {
                    PlanStatus::Done
                } else {
                    PlanStatus::Doing
                },
            });
            r.techniques.push(Technique {
                id: Uuid::new_v4(),
                name: "STAR answers".into(),
                verdict: Verdict::Keep,
                note: format!("n{i}"),
            });
            r.techniques.push(Technique {
                id: Uuid::new_v4(),
                name: if i == 0 {
                    "Joke".into()
                } else {
                    "Salary talk".into()
                },
                verdict: Verdict::Drop,
                note: String::new(),
            });
            r.confidence.rating = Some(if i == 0 { 4 } else { 7 });
            r.confidence.did_well = vec![format!("Win {i}"), " ".into()];
            data.add_application(app);
            data.reflections.push(r);
        }
        data
    }

    #[test]
    fn plan_lists_every_action_open_first() {
        let p = plan(&setup());
        assert_eq!(p.len(), 2);
        assert_eq!(p[0].status, PlanStatus::Doing);
        assert_eq!(p[0].source, "Recruiter at Globex");
        assert_eq!(p[1].status, PlanStatus::Done);
    }

    #[test]
    fn board_merges_by_name_and_counts() {
        let b = board(&setup());
        assert_eq!(b.keep.len(), 1);
        assert_eq!(b.keep[0].count, 2);
        assert_eq!(b.keep[0].notes, ["n0", "n1"]);
        assert_eq!(
            b.drop.iter().map(|e| e.name.as_str()).collect::<Vec<_>>(),
            ["Joke", "Salary talk"]
        );
        assert!(b.improve.is_empty());
    }

    #[test]
    fn confidence_series_is_dated_and_ordered() {
        let s = confidence_series(&setup());
        assert_eq!(s.iter().map(|p| p.rating).collect::<Vec<_>>(), [4, 7]);
        assert!(s[0].date < s[1].date);
        let pts = chart_points(&s, 300.0, 90.0);
        assert_eq!(pts[0], (0.0, 60.0));
        assert_eq!(pts[1], (300.0, 30.0));
        let one = chart_points(&s[..1], 300.0, 90.0);
        assert_eq!(one[0].0, 150.0);
    }

    #[test]
    fn wins_skip_blanks_newest_first() {
        let w = wins(&setup());
        assert_eq!(
            w.iter().map(|w| w.text.as_str()).collect::<Vec<_>>(),
            ["Win 1", "Win 0"]
        );
    }

    #[test]
    fn themes_count_repeats_ignoring_case() {
        let (gaps, techniques) = themes(&setup(), 5);
        assert_eq!(
            gaps,
            [Theme {
                label: "ER casework".into(),
                count: 2
            }]
        );
        assert_eq!(
            techniques[0],
            Theme {
                label: "STAR answers".into(),
                count: 2
            }
        );
        assert_eq!(techniques.len(), 3);
        assert_eq!(themes(&setup(), 1).1.len(), 1);
    }
}

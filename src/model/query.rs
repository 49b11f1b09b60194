//! The applications list view: search, filters and sort, and their URL form.
//!
//! A view is a plain value that round-trips through query parameters, so it can be
//! bookmarked and the back button brings it back.

use crate::model::choice::Choice;
use crate::model::order;
use chrono::NaiveDate;

use super::{AppData, Application, Stage};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum SortKey {
    /// Most recently applied first (the default).
    #[default]
    Applied,
    /// Most recently changed first.
    Updated,
    /// Company A–Z.
    Company,
}

impl SortKey {
    pub(crate) const ALL: [SortKey; 3] = [SortKey::Applied, SortKey::Updated, SortKey::Company];

    pub(crate) fn key(self) -> &'static str {
        match self {
            SortKey::Applied => "applied",
            SortKey::Updated => "updated",
            SortKey::Company => "company",
        }
    }

    pub(crate) fn label(self) -> &'static str {
        match self {
            SortKey::Applied => "Date applied (newest first)",
            SortKey::Updated => "Last update (newest first)",
            SortKey::Company => "Company (A–Z)",
        }
    }
}

/// Which applications the list shows when no stage is picked: open ones by default,
/// since those are the ones that need doing.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) enum Scope {
    #[default]
    Active,
    Closed,
    All,
}

impl Scope {
    pub(crate) const ALL: [Scope; 3] = [Scope::Active, Scope::Closed, Scope::All];

    pub(crate) fn key(self) -> &'static str {
        match self {
            Scope::Active => "active",
            Scope::Closed => "closed",
            Scope::All => "all",
        }
    }

    pub(crate) fn label(self) -> &'static str {
        match self {
            Scope::Active => "Active",
            Scope::Closed => "Closed",
            Scope::All => "All",
        }
    }

    fn from_key(key: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|s| s.key() == key)
    }

    fn admits(self, stage: Stage) -> bool {
        match self {
            Scope::Active => !stage.is_closed(),
            Scope::Closed => stage.is_closed(),
            Scope::All => true,
        }
    }
}

/// How the applications page shows them: rows, or a board with a column per stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ViewMode {
    List,
    Board,
}

impl ViewMode {
    pub(crate) fn key(self) -> &'static str {
        match self {
            ViewMode::List => "list",
            ViewMode::Board => "board",
        }
    }

    fn from_key(key: &str) -> Option<ViewMode> {
        [ViewMode::List, ViewMode::Board]
            .into_iter()
            .find(|v| v.key() == key)
    }
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct ListQuery {
    pub(crate) text: String,
    pub(crate) stage: Option<Stage>,
    pub(crate) tag: Option<String>,
    pub(crate) needs_feedback: bool,
    pub(crate) follow_up_due: bool,
    pub(crate) sort: SortKey,
    /// Active, closed or all; a picked `stage` overrides it.
    pub(crate) scope: Scope,
    /// List or board; `None` when the address doesn't say (the remembered choice applies).
    pub(crate) view: Option<ViewMode>,
}

impl ListQuery {
    /// Reads a view from query parameters; unknown values are ignored, never an error.
    pub(crate) fn from_params<'a>(get: impl Fn(&str) -> Option<&'a str>) -> ListQuery {
        ListQuery {
            text: get("q").unwrap_or_default().to_owned(),
            stage: get("stage").and_then(Stage::from_key),
            tag: get("tag").filter(|t| !t.is_empty()).map(str::to_owned),
            needs_feedback: get("feedback") == Some("needed"),
            follow_up_due: get("followup") == Some("due"),
            sort: get("sort").and_then(SortKey::from_key).unwrap_or_default(),
            scope: get("show").and_then(Scope::from_key).unwrap_or_default(),
            view: get("view").and_then(ViewMode::from_key),
        }
    }

    /// The query parameters for this view, defaults left out so URLs stay short.
    pub(crate) fn to_params(&self) -> Vec<(&'static str, String)> {
        let mut p = Vec::new();
        if !self.text.is_empty() {
            p.push(("q", self.text.clone()));
        }
        if let Some(s) = self.stage {
            p.push(("stage", s.key().to_owned()));
        }
        if let Some(t) = &self.tag {
            p.push(("tag", t.clone()));
        }
        if self.needs_feedback {
            p.push(("feedback", "needed".to_owned()));
        }
        if self.follow_up_due {
            p.push(("followup", "due".to_owned()));
        }
        if self.sort != SortKey::Applied {
            p.push(("sort", self.sort.key().to_owned()));
        }
        if self.scope != Scope::Active {
            p.push(("show", self.scope.key().to_owned()));
        }
        if let Some(v) = self.view {
            p.push(("view", v.key().to_owned()));
        }
        p
    }

    pub(crate) fn is_filtered(&self) -> bool {
        !self.text.trim().is_empty()
            || self.stage.is_some()
            || self.tag.is_some()
            || self.needs_feedback
            || self.follow_up_due
    }

    /// How many filters are on (search, stage, tag, the two checks), for the
    /// "Filter (2)" button. The sort and the Active/Closed/All switch are not filters.
    pub(crate) fn active_filters(&self) -> usize {
        [
            !self.text.trim().is_empty(),
            self.stage.is_some(),
            self.tag.is_some(),
            self.needs_feedback,
            self.follow_up_due,
        ]
        .into_iter()
        .filter(|on| *on)
        .count()
    }

    /// The same search and filters for the board, which shows every stage in its
    /// own column (closed ones folded), so neither a stage nor a scope applies.
    pub(crate) fn for_board(&self) -> ListQuery {
        ListQuery {
            stage: None,
            scope: Scope::All,
            ..self.clone()
        }
    }

    fn matches(&self, app: &Application, haystack: &str, needle: &str, today: NaiveDate) -> bool {
        match self.stage {
            Some(s) if app.stage() != s => return false,
            None if !self.scope.admits(app.stage()) => return false,
            _ => {}
        }
        if let Some(tag) = &self.tag {
            if !app.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
                return false;
            }
        }
        if self.needs_feedback && !app.needs_feedback() {
            return false;
        }
        if self.follow_up_due && !app.feedback.follow_up_due_by(today) {
            return false;
        }
        needle.is_empty() || haystack.contains(needle)
    }

    /// Whether this view searches for text (and so needs a [`SearchIndex`]).
    pub(crate) fn has_text(&self) -> bool {
        !self.text.trim().is_empty()
    }

    /// The applications in this view, in order, with the lowercased text already at
    /// hand (a [`SearchIndex`]), so a keystroke costs a substring search per
    /// application and no allocation. Without search text the index is not needed
    /// (`None`), so opening the list does not build it.
    pub(crate) fn apply_indexed<'a>(
        &self,
        data: &'a AppData,
        index: Option<&SearchIndex>,
        today: NaiveDate,
    ) -> Vec<&'a Application> {
        let needle = self.text.trim().to_lowercase();
        let index = index.filter(|i| i.0.len() == data.applications.len());
        let mut apps: Vec<_> = if needle.is_empty() {
            data.applications
                .iter()
                .filter(|a| self.matches(a, "", "", today))
                .collect()
        } else if let Some(index) = index {
            data.applications
                .iter()
                .zip(&index.0)
                .filter(|(a, hay)| self.matches(a, hay, &needle, today))
                .map(|(a, _)| a)
                .collect()
        } else {
            // No index, or one from other data: build each text as we go.
            data.applications
                .iter()
                .filter(|a| self.matches(a, &searchable(a), &needle, today))
                .collect()
        };
        match self.sort {
            SortKey::Applied => {
                order::sort_by_key(&mut apps, |a| std::cmp::Reverse(a.applied_or_created()))
            }
            SortKey::Updated => order::sort_by_key(&mut apps, |a| std::cmp::Reverse(a.updated_at)),
            SortKey::Company => {
                order::sort_by_cached_key(&mut apps, |a| {
                    (a.company.to_lowercase(), a.role.clone())
                });
            }
        }
        apps
    }
}

/// Each application's searchable text (company, role, notes, tags), lowercased, in the
/// order of `AppData::applications`. Built once per change of the data.
#[derive(Clone, Debug, Default, PartialEq)]
pub(crate) struct SearchIndex(Vec<String>);

impl SearchIndex {
    pub(crate) fn new(data: &AppData) -> SearchIndex {
        SearchIndex(data.applications.iter().map(searchable).collect())
    }
}

fn searchable(app: &Application) -> String {
    // A separator no one types, so a search never matches across two fields.
    [&app.company, &app.role, &app.notes]
        .into_iter()
        .chain(&app.tags)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join("\u{1f}")
        .to_lowercase()
}

/// Every tag in use, case-insensitively unique, sorted, for the tag filter.
pub(crate) fn all_tags(data: &AppData) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for t in data.applications.iter().flat_map(|a| &a.tags) {
        if !tags.iter().any(|x| x.eq_ignore_ascii_case(t)) {
            tags.push(t.clone());
        }
    }
    order::sort_by_key(&mut tags, |t| t.to_lowercase());
    tags
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::feedback::FeedbackStatus;
    use crate::model::ApplicationDraft;
    use chrono::{Duration, Utc};
    use std::collections::HashMap;
    use uuid::Uuid;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 6, 30).expect("date")
    }

    fn data() -> AppData {
        let mut data = AppData::default();
        let rows = [
            (
                "Acme",
                "Recruiter",
                "2026-01-10",
                "rejected",
                "remote, hr",
                "liked the team",
            ),
            (
                "Globex",
                "HR Partner",
                "2026-03-01",
                "interviewing",
                "HR",
                "",
            ),
            (
                "initech",
                "Sourcer",
                "2026-02-01",
                "applied",
                "",
                "Referral from Bob",
            ),
        ];
        for (i, (company, role, applied, stage, tags, notes)) in rows.into_iter().enumerate() {
            let draft = ApplicationDraft {
                company: company.into(),
                role: role.into(),
                applied_on: applied.into(),
                stage: stage.into(),
                tags: tags.into(),
                notes: notes.into(),
                ..Default::default()
            };
            let mut app = draft
                .build(Uuid::new_v4(), today(), Utc::now())
                .expect("valid");
            app.updated_at =
                Utc::now() + Duration::minutes(i as i64 * if i == 1 { -10 } else { 1 });
            data.add_application(app);
        }
        data
    }

    fn names(q: &ListQuery, data: &AppData) -> Vec<String> {
        q.apply_indexed(data, Some(&SearchIndex::new(data)), today())
            .iter()
            .map(|a| a.company.clone())
            .collect()
    }

    /// Every application, whatever its stage.
    fn all() -> ListQuery {
        ListQuery {
            scope: Scope::All,
            ..Default::default()
        }
    }

    #[test]
    fn default_view_is_the_active_ones_newest_applied_first() {
        let d = data();
        assert_eq!(names(&ListQuery::default(), &d), ["Globex", "initech"]);
        assert_eq!(names(&all(), &d), ["Globex", "initech", "Acme"]);
        let closed = ListQuery {
            scope: Scope::Closed,
            ..Default::default()
        };
        assert_eq!(names(&closed, &d), ["Acme"]);
        // A picked stage wins over the scope (the dashboard links to closed stages).
        let rejected = ListQuery {
            stage: Some(Stage::Rejected),
            ..Default::default()
        };
        assert_eq!(names(&rejected, &d), ["Acme"]);
        // The board keeps the search but shows every stage.
        let board = ListQuery {
            text: "a".into(),
            stage: Some(Stage::Applied),
            ..Default::default()
        }
        .for_board();
        assert_eq!(board.scope, Scope::All);
        assert_eq!(board.stage, None);
        assert_eq!(board.text, "a");
    }

    #[test]
    fn active_filters_are_counted_without_sort_or_scope() {
        assert_eq!(ListQuery::default().active_filters(), 0);
        let q = ListQuery {
            text: "  ".into(),
            tag: Some("hr".into()),
            follow_up_due: true,
            sort: SortKey::Company,
            scope: Scope::Closed,
            view: Some(ViewMode::Board),
            ..Default::default()
        };
        assert_eq!(q.active_filters(), 2);
    }

    #[test]
    fn search_covers_company_role_notes_and_tags_ignoring_case() {
        let d = data();
        let q = |t: &str| ListQuery {
            text: t.into(),
            ..all()
        };
        assert_eq!(names(&q("ACME"), &d), ["Acme"]);
        assert_eq!(names(&q("partner"), &d), ["Globex"]);
        assert_eq!(names(&q("bob"), &d), ["initech"]);
        assert_eq!(names(&q("remote"), &d), ["Acme"]);
        assert!(names(&q("nothing like this"), &d).is_empty());
        // The index gives the same answers, and never matches across two fields.
        let index = SearchIndex::new(&d);
        for text in ["ACME", "partner", "bob", "remote", "nothing"] {
            let indexed: Vec<_> = q(text)
                .apply_indexed(&d, Some(&index), NaiveDate::MIN)
                .iter()
                .map(|a| a.company.clone())
                .collect();
            assert_eq!(indexed, names(&q(text), &d), "{text}");
            // Without an index (the list before anything is typed) as well.
            let unindexed: Vec<_> = q(text)
                .apply_indexed(&d, None, NaiveDate::MIN)
                .iter()
                .map(|a| a.company.clone())
                .collect();
            assert_eq!(unindexed, indexed, "{text}, no index");
        }
        let acme = &d
            .applications
            .iter()
            .find(|a| a.company == "Acme")
            .expect("acme");
        let across = format!("{} {}", acme.company, acme.role).to_lowercase();
        assert!(names(&q(&across), &d).is_empty(), "{across}");
    }

    #[test]
    fn filters_combine() {
        let d = data();
        let by_tag = ListQuery {
            tag: Some("hr".into()),
            ..all()
        };
        assert_eq!(names(&by_tag, &d), ["Globex", "Acme"]);
        let by_stage = ListQuery {
            stage: Some(Stage::Rejected),
            ..by_tag.clone()
        };
        assert_eq!(names(&by_stage, &d), ["Acme"]);
        let needs = ListQuery {
            needs_feedback: true,
            ..all()
        };
        assert_eq!(names(&needs, &d), ["Acme"]);
    }

    #[test]
    fn follow_up_due_filter() {
        let mut d = data();
        let acme = d
            .applications
            .iter_mut()
            .find(|a| a.company == "Acme")
            .expect("acme");
        acme.feedback
            .mark_asked(NaiveDate::from_ymd_opt(2026, 6, 1).expect("date"), 7);
        let q = ListQuery {
            follow_up_due: true,
            ..all()
        };
        assert_eq!(names(&q, &d), ["Acme"]);
        let acme = d
            .applications
            .iter_mut()
            .find(|a| a.company == "Acme")
            .expect("acme");
        acme.feedback.status = FeedbackStatus::Received;
        assert!(names(&q, &d).is_empty());
    }

    #[test]
    fn sorts() {
        let d = data();
        let company = ListQuery {
            sort: SortKey::Company,
            ..all()
        };
        assert_eq!(names(&company, &d), ["Acme", "Globex", "initech"]);
        let updated = ListQuery {
            sort: SortKey::Updated,
            ..all()
        };
        assert_eq!(names(&updated, &d), ["initech", "Acme", "Globex"]);
    }

    #[test]
    fn url_round_trip_and_defaults_left_out() {
        let q = ListQuery {
            text: "hr partner".into(),
            stage: Some(Stage::Ghosted),
            tag: Some("remote".into()),
            needs_feedback: true,
            follow_up_due: true,
            sort: SortKey::Company,
            scope: Scope::Closed,
            view: Some(ViewMode::Board),
        };
        let params: HashMap<_, _> = q.to_params().into_iter().collect();
        let back = ListQuery::from_params(|k| params.get(k).map(String::as_str));
        assert_eq!(back, q);
        assert!(ListQuery::default().to_params().is_empty());
        let junk = ListQuery::from_params(|k| match k {
            "stage" => Some("hired"),
            "sort" => Some("random"),
            "show" => Some("everything"),
            "view" => Some("grid"),
            _ => None,
        });
        assert_eq!(junk, ListQuery::default());
    }

    #[test]
    fn tags_are_listed_once() {
        assert_eq!(all_tags(&data()), ["hr", "remote"]);
    }
}

//! Every page's address in one enum, so no view spells a path by hand.
//!
//! `path()` is the in-app path that `use_navigate` takes (the router adds its base);
//! `href()` is the same path under the base path, for `<A href>` and raw `<a>`
//! (leptos_router leaves absolute `href`s alone). The `<Route>` table in `app.rs`
//! names the patterns; a test below keeps the two in step.

use uuid::Uuid;

use crate::model::query::ListQuery;

/// One page of the app, with what its address carries.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) enum AppRoute {
    Dashboard,
    /// The applications list; the view (search, filters, sort) lives in the query.
    Applications(ListQuery),
    NewApplication,
    Application(Uuid),
    EditApplication(Uuid),
    /// Every application at one company, by the company's name as typed.
    Company(String),
    ReflectList,
    /// One application's reflection; `edit` opens a finished one at that step.
    Reflect {
        application: Uuid,
        edit: Option<u8>,
    },
    Insights,
    Settings,
}

impl AppRoute {
    /// The applications list with no filters.
    pub(crate) fn applications() -> AppRoute {
        AppRoute::Applications(ListQuery::default())
    }

    /// One application's reflection, at the summary or the wizard's current step.
    pub(crate) fn reflect(application: Uuid) -> AppRoute {
        AppRoute::Reflect {
            application,
            edit: None,
        }
    }

    /// The in-app path, as `use_navigate` takes it.
    pub(crate) fn path(&self) -> String {
        match self {
            AppRoute::Dashboard => "/".to_owned(),
            AppRoute::Applications(q) => format!("/applications{}", query_string(&q.to_params())),
            AppRoute::NewApplication => "/applications/new".to_owned(),
            AppRoute::Application(id) => format!("/applications/{id}"),
            AppRoute::EditApplication(id) => format!("/applications/{id}/edit"),
            AppRoute::Company(name) => format!("/companies/{}", encode_segment(name)),
            AppRoute::ReflectList => "/reflect".to_owned(),
            AppRoute::Reflect { application, edit } => match edit {
                None => format!("/reflect/{application}"),
                Some(n) => format!("/reflect/{application}?edit={n}"),
            },
            AppRoute::Insights => "/insights".to_owned(),
            AppRoute::Settings => "/settings".to_owned(),
        }
    }

    /// The path under the base path the app is served from, for links.
    pub(crate) fn href(&self) -> String {
        crate::browser::app_path(&self.path())
    }
}

/// Encodes one path segment exactly as JavaScript's `encodeURIComponent` does (what
/// the app used before), so bookmarked company pages keep their addresses.
fn encode_segment(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Builds `?a=1&b=two+words` as the browser's `URLSearchParams` serialises it
/// (application/x-www-form-urlencoded), or `""` for no parameters.
fn query_string(params: &[(&str, String)]) -> String {
    fn form_encode(s: &str, out: &mut String) {
        for b in s.bytes() {
            match b {
                b' ' => out.push('+'),
                b'*' | b'-' | b'.' | b'_' => out.push(b as char),
                _ if b.is_ascii_alphanumeric() => out.push(b as char),
                _ => out.push_str(&format!("%{b:02X}")),
            }
        }
    }
    let mut qs = String::new();
    for (k, v) in params {
        qs.push(if qs.is_empty() { '?' } else { '&' });
        form_encode(k, &mut qs);
        qs.push('=');
        form_encode(v, &mut qs);
    }
    qs
}

#[cfg(test)]
mod tests;

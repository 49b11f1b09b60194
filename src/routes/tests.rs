use uuid::Uuid;

use super::AppRoute;
use crate::model::query::{ListQuery, SortKey};
use crate::model::Stage;

const ID: &str = "67e55044-10b1-426f-9247-bb680e5fe0c8";

fn id() -> Uuid {
    Uuid::parse_str(ID).unwrap()
}

/// The `<Route path=path!(…)>` pattern each variant is served by.
fn pattern(route: &AppRoute) -> &'static str {
    match route {
        AppRoute::Dashboard => "/",
        AppRoute::Applications(_) => "/applications",
        AppRoute::NewApplication => "/applications/new",
        AppRoute::Application(_) => "/applications/:id",
        AppRoute::EditApplication(_) => "/applications/:id/edit",
        AppRoute::Company(_) => "/companies/:name",
        AppRoute::ReflectList => "/reflect",
        AppRoute::Reflect { .. } => "/reflect/:id",
        AppRoute::Insights => "/insights",
        AppRoute::Settings => "/settings",
    }
}

fn every_route() -> Vec<AppRoute> {
    vec![
        AppRoute::Dashboard,
        AppRoute::applications(),
        AppRoute::NewApplication,
        AppRoute::Application(id()),
        AppRoute::EditApplication(id()),
        AppRoute::Company("Acme".into()),
        AppRoute::ReflectList,
        AppRoute::reflect(id()),
        AppRoute::Insights,
        AppRoute::Settings,
    ]
}

/// Whether `path` (query left off) fits `pattern`, `:name` matching one segment.
fn fits(pattern: &str, path: &str) -> bool {
    let path = path.split('?').next().unwrap();
    let p: Vec<_> = pattern.split('/').collect();
    let s: Vec<_> = path.split('/').collect();
    p.len() == s.len()
        && p.iter()
            .zip(&s)
            .all(|(p, s)| p.starts_with(':') && !s.is_empty() || p == s)
}

#[test]
fn paths_of_fixed_pages() {
    assert_eq!(AppRoute::Dashboard.path(), "/");
    assert_eq!(AppRoute::applications().path(), "/applications");
    assert_eq!(AppRoute::NewApplication.path(), "/applications/new");
    assert_eq!(AppRoute::ReflectList.path(), "/reflect");
    assert_eq!(AppRoute::Insights.path(), "/insights");
    assert_eq!(AppRoute::Settings.path(), "/settings");
}

#[test]
fn paths_carry_ids() {
    assert_eq!(
        AppRoute::Application(id()).path(),
        format!("/applications/{ID}")
    );
    assert_eq!(
        AppRoute::EditApplication(id()).path(),
        format!("/applications/{ID}/edit")
    );
    assert_eq!(AppRoute::reflect(id()).path(), format!("/reflect/{ID}"));
    let edit = AppRoute::Reflect {
        application: id(),
        edit: Some(3),
    };
    assert_eq!(edit.path(), format!("/reflect/{ID}?edit=3"));
}

#[test]
fn company_names_are_encoded_like_encode_uri_component() {
    let path = |n: &str| AppRoute::Company(n.into()).path();
    assert_eq!(path("Acme"), "/companies/Acme");
    assert_eq!(path("Acme Corp"), "/companies/Acme%20Corp");
    assert_eq!(path("AC/DC"), "/companies/AC%2FDC");
    assert_eq!(path("Bären & Co."), "/companies/B%C3%A4ren%20%26%20Co.");
    assert_eq!(path("a?b#c%d+e"), "/companies/a%3Fb%23c%25d%2Be");
    assert_eq!(path("it's (new)!~*"), "/companies/it's%20(new)!~*");
    assert_eq!(path("日本"), "/companies/%E6%97%A5%E6%9C%AC");
}

#[test]
fn list_queries_are_encoded_like_url_search_params() {
    let q = ListQuery {
        stage: Some(Stage::Rejected),
        ..ListQuery::default()
    };
    assert_eq!(
        AppRoute::Applications(q).path(),
        format!("/applications?stage={}", Stage::Rejected.key())
    );
    let q = ListQuery {
        text: "data eng/ops & ü*".into(),
        tag: Some("remote".into()),
        needs_feedback: true,
        follow_up_due: true,
        sort: SortKey::Company,
        ..ListQuery::default()
    };
    assert_eq!(
        AppRoute::Applications(q).path(),
        "/applications?q=data+eng%2Fops+%26+%C3%BC*&tag=remote&feedback=needed&followup=due&sort=company"
    );
}

#[test]
fn every_route_fits_its_pattern() {
    for route in every_route() {
        assert!(fits(pattern(&route), &route.path()), "{route:?}");
    }
    let company = AppRoute::Company("A/B c".into());
    assert!(fits(pattern(&company), &company.path()));
}

#[test]
fn route_table_in_app_matches_the_enum() {
    let app = include_str!("../app.rs");
    let mut table: Vec<&str> = app
        .split("path!(\"")
        .skip(1)
        .map(|rest| rest.split('"').next().unwrap())
        .collect();
    let mut patterns: Vec<&str> = every_route().iter().map(pattern).collect();
    table.sort_unstable();
    patterns.sort_unstable();
    assert_eq!(table, patterns);
}

//! The notebook in parts against a map that can fail: every save interrupted at every
//! write still leaves the previous notebook, record for record.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;

use chrono::{NaiveDate, Utc};
use uuid::Uuid;

use super::chunks::{self, packed_string, runs, unpacked, Cache};
use super::commit::{self, fetch, snapshot, tidy, Expect};
use super::head::{self, Body, Head};
use super::loading::assemble;
use super::{land, save_id, Kv, KvError, PART_PREFIX};
use crate::error::SaveError;
use crate::model::{AppData, ApplicationDraft, CompanyNote, Reflection};

const HEAD: &str = "knockback:data";

/// A map standing in for localStorage. `fail_from`: the write with this number (0
/// based, counting every `set`) and all later ones fail with a quota error. `closed`:
/// the page is gone, so from then on nothing at all happens (not even removals).
#[derive(Default)]
struct MemoryKv {
    map: RefCell<BTreeMap<String, String>>,
    sets: Cell<usize>,
    fail_from: Cell<Option<usize>>,
    closed_from: Cell<Option<usize>>,
}

impl MemoryKv {
    fn closed(&self) -> bool {
        self.closed_from.get().is_some_and(|k| self.sets.get() > k)
    }
}

impl Kv for MemoryKv {
    fn get(&self, key: &str) -> Result<Option<String>, KvError> {
        Ok(self.map.borrow().get(key).cloned())
    }
    fn set(&self, key: &str, value: &str) -> Result<(), KvError> {
        let n = self.sets.get();
        self.sets.set(n + 1);
        if self.closed_from.get().is_some_and(|k| n >= k) {
            return Err(KvError::Other("page closed".into()));
        }
        if self.fail_from.get().is_some_and(|k| n >= k) {
            return Err(KvError::Quota);
        }
        self.map.borrow_mut().insert(key.into(), value.into());
        Ok(())
    }
    fn remove(&self, key: &str) {
        if !self.closed() {
            self.map.borrow_mut().remove(key);
        }
    }
    fn keys(&self) -> Vec<String> {
        self.map.borrow().keys().cloned().collect()
    }
}

/// Ids fixed from one run to the next, so where the parts are cut is too (a test
/// about how much one edit writes must not depend on the luck of random ids).
fn id(i: usize, kind: u128) -> Uuid {
    Uuid::from_u128(
        (kind << 64 | i as u128).wrapping_mul(0x9e37_79b9_7f4a_7c15_f39c_c060_5ced_c835),
    )
}

fn notebook(apps: usize) -> AppData {
    let mut data = AppData::default();
    let today = NaiveDate::from_ymd_opt(2026, 6, 1).expect("date");
    for i in 0..apps {
        let draft = ApplicationDraft {
            company: format!("Company {i} — Zürich"),
            role: format!("Role {i}"),
            notes: "Asked for feedback ✓".into(),
            ..Default::default()
        };
        let app = draft.build(id(i, 1), today, Utc::now()).expect("valid");
        if i % 10 == 0 {
            data.reflections
                .push(Reflection::new(id(i, 2), app.id, Utc::now()));
        }
        data.companies.push(CompanyNote {
            name: format!("Company {i} — Zürich"),
            notes: "Kind people".into(),
            updated_at: Utc::now(),
        });
        data.add_application(app);
    }
    data
}

/// One plain save, as `Persistence` makes it.
struct Tab {
    cache: Cache,
    expect: Expect,
    tab: &'static str,
}

impl Tab {
    fn new(tab: &'static str) -> Tab {
        Tab {
            cache: Cache::default(),
            expect: Expect::default(),
            tab,
        }
    }

    fn save(&mut self, kv: &MemoryKv, data: &AppData) -> Result<usize, SaveError> {
        let revision = self.expect.revision + 1;
        let (save, prefix) = save_id(revision, self.tab);
        let mut plan = self.cache.plan(data, summary(data), &prefix).expect("plan");
        plan.pack();
        let new_head = Head {
            revision,
            save: save.clone(),
            body: Body::Plain(plan.manifest()),
        };
        let (cache, written) = land(
            kv,
            HEAD,
            &self.cache,
            plan,
            &self.expect,
            &new_head,
            Utc::now(),
        )?;
        self.cache = cache;
        self.expect = Expect {
            revision,
            save: Some(save),
            replace_unreadable: false,
        };
        Ok(written)
    }
}

/// The summary a save on one fixed day stores.
fn summary(data: &AppData) -> crate::model::summary::Summary {
    crate::model::summary::Summary::stored(data, "2026-03-01".parse().expect("a date"))
}

fn load(kv: &MemoryKv) -> AppData {
    let raw = kv.get(HEAD).expect("get").expect("a head");
    let head = head::read(&raw).expect("schema 4").expect("reads");
    let Body::Plain(manifest) = head.body else {
        panic!("plain")
    };
    let texts = fetch(kv, &manifest).expect("every part");
    let mut texts = texts.into_iter();
    let (data, _) = assemble(&manifest, |r| {
        unpacked(&r.key, &texts.next().expect("text"))
    })
    .expect("assembles");
    data
}

#[test]
fn a_save_loads_back_record_for_record() {
    let kv = MemoryKv::default();
    let data = notebook(200);
    Tab::new("a").save(&kv, &data).expect("saves");
    assert_eq!(load(&kv), data);
    assert!(
        kv.keys()
            .iter()
            .filter(|k| k.starts_with(PART_PREFIX))
            .count()
            > 5
    );
}

#[test]
fn an_edit_rewrites_one_part_and_the_small_ones() {
    let kv = MemoryKv::default();
    let mut data = notebook(1000);
    let mut tab = Tab::new("a");
    let all = tab.save(&kv, &data).expect("saves");
    data.applications[500].notes.push_str(" and more");
    data.meta.changes_since_backup += 1;
    let before = kv.sets.get();
    let one = tab.save(&kv, &data).expect("saves");
    // The application's part, the rest (meta), the head.
    assert_eq!(kv.sets.get() - before, 3);
    assert!(one * 20 < all, "one edit wrote {one} of {all}");
    assert_eq!(load(&kv), data);
    // The old part is gone: only parts the head names remain.
    let named = kv
        .keys()
        .iter()
        .filter(|k| k.starts_with(PART_PREFIX))
        .count();
    let Body::Plain(m) = head::read(&kv.get(HEAD).unwrap().unwrap())
        .unwrap()
        .unwrap()
        .body
    else {
        panic!()
    };
    assert_eq!(named, m.all().count());
    // Nothing changed: nothing to write.
    assert!(tab
        .cache
        .plan(&data, summary(&data), "x")
        .expect("plan")
        .unchanged());
    // Deleting every record of a part writes no part, but is a change all the same.
    let mut emptied = data.clone();
    emptied.applications.clear();
    emptied.reflections.clear();
    assert!(!tab
        .cache
        .plan(&emptied, summary(&emptied), "x")
        .expect("plan")
        .unchanged());
    tab.save(&kv, &emptied).expect("saves");
    assert_eq!(load(&kv), emptied);
}

#[test]
fn runs_are_stable_under_insertion() {
    let mut data = notebook(300);
    let before = runs(&data.applications);
    assert!(before.iter().all(|r| r.len() <= chunks::MOST));
    let extra = notebook(1).applications.remove(0);
    data.applications.insert(150, extra);
    let after = runs(&data.applications);
    // All but the run holding the new record keep their records.
    let changed = after.len().abs_diff(before.len()) + 1;
    assert!(changed <= 2, "{changed}");
}

/// Saves `old`, then tries `new` with each write in turn failing (`closed`: the page
/// closed there instead); the previous notebook must load whole every time.
fn interrupted_everywhere(closed: bool) {
    let old = notebook(120);
    let mut new = old.clone();
    new.applications[3].role = "Changed".into();
    new.applications[90].role = "Changed too".into();
    new.applications.truncate(100);
    new.meta.changes_since_backup = 9;
    // How many writes the full save makes.
    let total = {
        let kv = MemoryKv::default();
        let mut tab = Tab::new("a");
        tab.save(&kv, &old).expect("saves");
        let before = kv.sets.get();
        tab.save(&kv, &new).expect("saves");
        kv.sets.get() - before
    };
    assert!(total >= 4);
    for k in 0..total {
        let kv = MemoryKv::default();
        let mut tab = Tab::new("a");
        tab.save(&kv, &old).expect("saves");
        let at = kv.sets.get() + k;
        if closed {
            kv.closed_from.set(Some(at));
        } else {
            kv.fail_from.set(Some(at));
        }
        let result = tab.save(&kv, &new);
        assert!(result.is_err(), "write {k} of {total}");
        if !closed {
            assert_eq!(result, Err(SaveError::Quota));
        }
        kv.closed_from.set(None);
        kv.fail_from.set(None);
        assert_eq!(load(&kv), old, "interrupted at write {k} of {total}");
        // What the failed save left unnamed goes at the next tidy.
        let raw = kv.get(HEAD).unwrap().unwrap();
        let h = head::read(&raw).unwrap().unwrap();
        let Body::Plain(m) = &h.body else { panic!() };
        tidy(&kv, Some(m), h.revision + 1);
        let parts = kv
            .keys()
            .iter()
            .filter(|k| k.starts_with(PART_PREFIX))
            .count();
        assert_eq!(parts, m.all().count());
    }
}

#[test]
fn a_quota_error_at_any_write_keeps_the_previous_notebook() {
    interrupted_everywhere(false);
}

#[test]
fn a_page_closed_between_any_two_writes_keeps_the_previous_notebook() {
    interrupted_everywhere(true);
}

#[test]
fn a_stale_tab_never_overwrites_a_newer_save() {
    let kv = MemoryKv::default();
    let data = notebook(30);
    let mut a = Tab::new("a");
    a.save(&kv, &data).expect("saves");
    let mut b = Tab {
        cache: Cache::default(),
        expect: a.expect.clone(),
        tab: "b",
    };
    let mut newer = data.clone();
    newer.applications[0].role = "From B".into();
    b.save(&kv, &newer).expect("b saves");
    let mut older = data.clone();
    older.applications[1].role = "From A".into();
    assert_eq!(a.save(&kv, &older), Err(SaveError::Stale));
    assert_eq!(load(&kv), newer);
    // Same revision, another tab's save: stale too.
    let mut c = Tab {
        cache: Cache::default(),
        expect: Expect {
            revision: b.expect.revision,
            save: Some("other".into()),
            replace_unreadable: false,
        },
        tab: "c",
    };
    assert_eq!(c.save(&kv, &older), Err(SaveError::Stale));
}

#[test]
fn an_older_single_key_notebook_is_replaced_only_from_its_revision() {
    let kv = MemoryKv::default();
    let legacy = format!(
        "{{\"schema_version\":3,\"app_version\":\"0\",\"saved_at\":\"2026-01-01T00:00:00.000Z\",\"revision\":5,\"data\":{}}}",
        serde_json::to_string(&notebook(2)).unwrap()
    );
    kv.set(HEAD, &legacy).unwrap();
    let mut behind = Tab::new("a");
    behind.expect.revision = 4;
    assert_eq!(behind.save(&kv, &notebook(1)), Err(SaveError::Stale));
    let mut tab = Tab::new("a");
    tab.expect.revision = 5;
    let data = notebook(3);
    tab.save(&kv, &data).expect("migrates");
    assert_eq!(load(&kv), data);
    // Unreadable text is never replaced unless the user chose to start over.
    kv.set(HEAD, "garbage").unwrap();
    let mut tab = Tab::new("a");
    assert_eq!(tab.save(&kv, &data), Err(SaveError::Stale));
    tab.expect.replace_unreadable = true;
    tab.save(&kv, &data).expect("replaces");
}

#[test]
fn tidy_leaves_parts_of_a_later_save_in_progress() {
    let kv = MemoryKv::default();
    let mut tab = Tab::new("a");
    tab.save(&kv, &notebook(20)).expect("saves");
    kv.set(&format!("{PART_PREFIX}1-zz-0"), "old leftover")
        .unwrap();
    kv.set(&format!("{PART_PREFIX}2-zz-0"), "in progress")
        .unwrap();
    let raw = kv.get(HEAD).unwrap().unwrap();
    let h = head::read(&raw).unwrap().unwrap();
    let Body::Plain(m) = &h.body else { panic!() };
    assert_eq!(tidy(&kv, Some(m), h.revision), 1);
    assert!(kv.get(&format!("{PART_PREFIX}2-zz-0")).unwrap().is_some());
}

#[test]
fn a_missing_part_is_named_and_the_snapshot_keeps_every_byte() {
    let kv = MemoryKv::default();
    Tab::new("a").save(&kv, &notebook(40)).expect("saves");
    let raw = kv.get(HEAD).unwrap().unwrap();
    let Body::Plain(m) = head::read(&raw).unwrap().unwrap().body else {
        panic!()
    };
    let gone = m.applications[1].key.clone();
    let kept = kv.get(&m.applications[0].key).unwrap().unwrap();
    kv.remove(&gone);
    assert_eq!(fetch(&kv, &m), Err(commit::Missing(gone.clone())));
    let snap: serde_json::Value = serde_json::from_str(&snapshot(&kv, HEAD)).unwrap();
    assert_eq!(snap[HEAD], serde_json::Value::String(raw));
    assert_eq!(snap[&gone], serde_json::Value::Null);
    assert_eq!(
        snap[&m.applications[0].key],
        serde_json::Value::String(kept)
    );
}

#[test]
fn a_damaged_part_does_not_read() {
    let kv = MemoryKv::default();
    Tab::new("a").save(&kv, &notebook(40)).expect("saves");
    let raw = kv.get(HEAD).unwrap().unwrap();
    let Body::Plain(m) = head::read(&raw).unwrap().unwrap().body else {
        panic!()
    };
    kv.set(&m.applications[0].key, &packed_string("[{\"nope\":1}]"))
        .unwrap();
    let texts = fetch(&kv, &m).expect("all there");
    let mut texts = texts.into_iter();
    let err = assemble(&m, |r| unpacked(&r.key, &texts.next().unwrap())).unwrap_err();
    assert!(err.to_string().contains(&m.applications[0].key), "{err}");
}

#[test]
fn heads_of_other_schemas_are_not_heads() {
    assert!(head::read("{\"schema_version\":3,\"revision\":1}").is_none());
    assert!(head::read("not json").is_none());
    assert!(
        head::read("{\"schema_version\":4,\"revision\":1,\"save\":\"1-a\"}")
            .is_some_and(|r| r.is_err())
    );
}

#[test]
fn packed_parts_round_trip_any_text() {
    let json = "[\"Ünïcødé 🏢 شركة\\u2028\",\"plain\"]";
    let back = unpacked("k", &packed_string(json)).unwrap();
    let parse = |t: &str| serde_json::from_str::<serde_json::Value>(t).unwrap();
    assert_eq!(parse(&back), parse(json));
}

#[test]
fn the_v4_fixture_loads() {
    // A stored notebook in parts, as a snapshot of its keys (the same form a damaged
    // notebook is set aside in).
    let path = format!(
        "{}/tests/fixtures/schema-v4.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let text = std::fs::read_to_string(&path).expect("fixture");
    let snap: BTreeMap<String, String> = serde_json::from_str(&text).expect("snapshot");
    let kv = MemoryKv::default();
    for (k, v) in &snap {
        kv.set(k, v).unwrap();
    }
    let data = load(&kv);
    assert_eq!(data.applications.len(), 2);
    assert_eq!(data.reflections.len(), 1);
    assert_eq!(data.applications[0].company, "Acme Corp");
}

fn plain_manifest(kv: &MemoryKv) -> head::Manifest {
    match head::read(&kv.get(HEAD).unwrap().unwrap())
        .unwrap()
        .unwrap()
        .body
    {
        Body::Plain(m) => m,
        Body::Sealed(_) => panic!("plain"),
    }
}

#[test]
fn each_save_stores_the_summary_and_rewrites_it_only_when_the_dashboard_changes() {
    use crate::model::summary::Summary;
    let kv = MemoryKv::default();
    let mut data = notebook(200);
    let mut tab = Tab::new("a");
    tab.save(&kv, &data).expect("saves");
    let m = plain_manifest(&kv);
    assert!(!m.summary.is_none(), "the head names a summary");
    let text = kv.get(&m.summary.key).unwrap().unwrap();
    let stored: Vec<Summary> = serde_json::from_str(&unpacked("s", &text).unwrap()).unwrap();
    assert_eq!(stored, vec![summary(&data)]);
    // Notes and the backup count are not on the dashboard: the summary part stays.
    data.applications[7].notes.push_str(" more");
    data.meta.changes_since_backup += 1;
    tab.save(&kv, &data).expect("saves");
    assert_eq!(plain_manifest(&kv).summary, m.summary);
    // A stage change moves the counts: a new summary, the old one removed.
    let app = data.applications[7].id;
    let day = NaiveDate::from_ymd_opt(2026, 6, 2).unwrap();
    data.edit_application(app, Utc::now(), |a| {
        a.change_stage(crate::model::Stage::Rejected, day, Utc::now())
    })
    .expect("edits");
    tab.save(&kv, &data).expect("saves");
    let after = plain_manifest(&kv).summary;
    assert_ne!(after, m.summary);
    assert!(kv.get(&m.summary.key).unwrap().is_none());
    assert_eq!(load(&kv), data);
}

#[test]
fn reading_part_by_part_gives_the_notebook_and_a_head_without_a_summary_still_reads() {
    use super::loading::Loading;
    let kv = MemoryKv::default();
    let data = notebook(300);
    Tab::new("a").save(&kv, &data).expect("saves");
    let mut m = plain_manifest(&kv);
    let mut loading = Loading::new(m.clone());
    let mut steps = 0;
    while let Some(r) = loading.next_part() {
        let text = unpacked(&r.key, &kv.get(&r.key).unwrap().unwrap()).unwrap();
        loading.take(&text).expect("takes");
        steps += 1;
    }
    assert_eq!(steps, m.all().count());
    let (read, cache) = loading.finish().expect("finishes");
    assert_eq!(read, data);
    // Reading once more with that cache: nothing to write.
    assert!(cache.plan(&data, summary(&data), "x").unwrap().unchanged());
    // An earlier build's head names no summary: the notebook is whole all the same,
    // and the next save adds one.
    m.summary = head::PartRef::default();
    let mut texts = fetch(&kv, &m).unwrap().into_iter();
    let (read, cache) = assemble(&m, |r| unpacked(&r.key, &texts.next().unwrap())).unwrap();
    assert_eq!(read, data);
    let plan = cache.plan(&data, summary(&data), "x").unwrap();
    assert_eq!(
        plan.writes.len(),
        1,
        "the summary, ready for the next change"
    );
    assert!(plan.unchanged(), "a summary alone is not worth a save");
    // Unfinished, it is not a notebook.
    let loading = Loading::new(plain_manifest(&kv));
    assert!(loading.finish().is_err());
}

//! Upgrades stored data written by older versions of Knockback to the current schema.
//!
//! Each step takes the `data` of one schema version to the next, working on JSON values
//! so that it never needs the old Rust types. Steps run in order, so data from any
//! earlier version reaches the current one. Every version keeps a fixture file in
//! `tests/fixtures/` that must load, so a step can never silently rot.
//!
//! The step from 3 to 4 is not here: stored schema 4 changes how the notebook is laid
//! out in localStorage (in parts, see `parts`), not the data, which stays schema 3
//! (backups too). A schema-3 notebook is read by `envelope::decode` and written in parts
//! at its first save; `tests/fixtures/schema-v4.json` is such a stored notebook, key by
//! key, loaded by `parts::tests`.

use crate::error::DecodeError;
use serde_json::Value;

/// A step from `from` to `from + 1`.
pub(crate) struct Migration {
    pub(crate) from: u32,
    pub(crate) run: fn(Value) -> Result<Value, String>,
}

/// When the schema changes: bump `SCHEMA_VERSION`, add a step here, and add the new
/// fixture. The tests below fail if a version is left without a step or a fixture.
pub(crate) const MIGRATIONS: &[Migration] = &[
    Migration {
        from: 1,
        // Schema 2 changed how the envelope is stored (packed), not the data.
        run: Ok,
    },
    Migration {
        from: 2,
        // Schema 3 only adds optional fields, which default when absent; the version
        // moved so older builds refuse data whose new fields they would drop.
        run: Ok,
    },
];

/// Runs every step from `from` up to `to`, in order.
pub(crate) fn upgrade(
    steps: &[Migration],
    from: u32,
    to: u32,
    mut data: Value,
) -> Result<Value, DecodeError> {
    for version in from..to {
        let step =
            steps
                .iter()
                .find(|s| s.from == version)
                .ok_or_else(|| DecodeError::Migration {
                    from: version,
                    reason: "no migration is known for this version".to_owned(),
                })?;
        data = (step.run)(data).map_err(|reason| DecodeError::Migration {
            from: version,
            reason,
        })?;
    }
    Ok(data)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::envelope::SCHEMA_VERSION;
    use serde_json::json;

    #[test]
    // With one schema the ranges are empty; they fill as soon as the version is bumped.
    #[allow(clippy::reversed_empty_ranges, clippy::impossible_comparisons)]
    fn every_old_version_has_a_step() {
        for version in 1..SCHEMA_VERSION {
            assert!(
                MIGRATIONS.iter().any(|m| m.from == version),
                "schema {version} has no migration to {}",
                version + 1
            );
        }
        assert!(MIGRATIONS
            .iter()
            .all(|m| m.from >= 1 && m.from < SCHEMA_VERSION));
    }

    // The runner itself, exercised with a made-up chain so it is tested before the
    // first real step exists.
    fn rename_title(mut v: Value) -> Result<Value, String> {
        let obj = v.as_object_mut().ok_or("not an object")?;
        let t = obj.remove("title").ok_or("no title")?;
        obj.insert("name".into(), t);
        Ok(v)
    }

    fn add_tags(mut v: Value) -> Result<Value, String> {
        v["tags"] = json!([]);
        Ok(v)
    }

    const CHAIN: &[Migration] = &[
        Migration {
            from: 2,
            run: add_tags,
        },
        Migration {
            from: 1,
            run: rename_title,
        },
    ];

    #[test]
    fn runs_steps_in_version_order() {
        assert_eq!(
            upgrade(CHAIN, 1, 3, json!({"title": "x"})),
            Ok(json!({"name": "x", "tags": []}))
        );
    }

    #[test]
    fn starts_from_the_given_version() {
        assert_eq!(
            upgrade(CHAIN, 2, 3, json!({"name": "x"})),
            Ok(json!({"name": "x", "tags": []}))
        );
    }

    #[test]
    fn current_version_is_untouched() {
        let v = json!({"anything": 1});
        assert_eq!(upgrade(CHAIN, 3, 3, v.clone()), Ok(v));
    }

    #[test]
    fn a_failing_or_missing_step_names_the_version() {
        let from = |e: DecodeError| match e {
            DecodeError::Migration { from, .. } => from,
            other => panic!("not a migration error: {other}"),
        };
        assert_eq!(from(upgrade(CHAIN, 1, 3, json!({})).expect_err("fails")), 1);
        assert_eq!(
            from(upgrade(CHAIN, 1, 4, json!({"title": 1})).expect_err("gap")),
            3
        );
    }
}

//! Tests of the envelope, the encoder and the packing, with the test-only writers they
//! need (the app itself writes packed data only through `encoder` and `local`).
//! (The whole file is one `#[cfg(test)]` module, so none of it reaches the app.)

#[cfg(test)]
mod tests {
    use chrono::{DateTime, Utc};

    use crate::model::AppData;
    use crate::storage::encoder::*;
    use crate::storage::envelope::*;
    use crate::storage::packing::*;

    /// The stored envelope around packed data, as UTF-16LE bytes, for tests.
    pub(crate) fn wrap_packed_utf16(
        packed_data: &[u8],
        revision: u64,
        saved_at: DateTime<Utc>,
    ) -> Vec<u8> {
        let (head, tail) = packed_head_and_tail(revision, saved_at);
        let mut out = Vec::with_capacity((head.len() + tail.len()) * 2 + packed_data.len());
        // The head and tail are ASCII: in UTF-16LE each character is its byte and a zero.
        out.extend(head.bytes().flat_map(|b| [b, 0]));
        out.extend_from_slice(packed_data);
        out.extend(tail.bytes().flat_map(|b| [b, 0]));
        out
    }

    /// The stored envelope as a Rust string, for tests.
    pub(crate) fn wrap_packed(data_json: &str, revision: u64, saved_at: DateTime<Utc>) -> String {
        utf16le_text(&wrap_packed_utf16(
            &pack_piece(data_json),
            revision,
            saved_at,
        ))
    }

    /// UTF-16LE bytes as a Rust string, for tests.
    pub(crate) fn utf16le_text(bytes: &[u8]) -> String {
        let units: Vec<u16> = bytes
            .chunks_exact(2)
            .map(|p| u16::from_le_bytes([p[0], p[1]]))
            .collect();
        String::from_utf16_lossy(&units)
    }

    /// The packed text alone, for tests.
    pub(crate) fn pack_into(json: &str, out: &mut String) {
        let text = wrap_packed(json, 0, DateTime::<Utc>::MIN_UTC);
        let start = text.find("\"packed\":\"").map_or(0, |i| i + 10);
        out.push_str(text.get(start..text.len() - 2).unwrap_or_default());
    }

    use crate::model::ApplicationDraft;
    use chrono::NaiveDate;
    use uuid::Uuid;

    fn pack(json: &str) -> String {
        let mut out = String::new();
        pack_into(json, &mut out);
        out
    }

    fn fixture(version: u32) -> String {
        let path = format!(
            "{}/tests/fixtures/schema-v{version}.json",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {path}: {e}"))
    }

    fn sample() -> AppData {
        let mut data = AppData::default();
        let draft = ApplicationDraft {
            company: "Ünïcødé 🏢 شركة".into(),
            role: "Line\u{2028}separator".into(),
            notes: "x".repeat(100_000),
            ..Default::default()
        };
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).expect("date");
        data.add_application(
            draft
                .build(Uuid::new_v4(), today, Utc::now())
                .expect("valid"),
        );
        data
    }

    #[test]
    fn every_schema_version_has_a_fixture_that_loads() {
        for version in 1..=SCHEMA_VERSION {
            let decoded = decode(&fixture(version)).unwrap_or_else(|e| panic!("v{version}: {e}"));
            assert!(
                !decoded.data.applications.is_empty(),
                "v{version} fixture is empty"
            );
            let expect_migrated = (version < SCHEMA_VERSION).then_some(version);
            assert_eq!(decoded.migrated_from, expect_migrated);
        }
    }

    #[test]
    fn v1_fixture_content() {
        let d = decode(&fixture(1)).expect("loads");
        assert_eq!(d.revision, 7);
        let acme = &d.data.applications[0];
        assert_eq!(acme.company, "Acme Corp");
        assert_eq!(acme.stage(), crate::model::Stage::Rejected);
        assert_eq!(acme.history.len(), 3);
        assert_eq!(acme.interviews.len(), 1);
        assert_eq!(acme.feedback.went_well.len(), 3);
        assert_eq!(d.data.reflections.len(), 1);
        assert_eq!(d.data.reflections[0].confidence.rating, Some(6));
    }

    #[test]
    fn round_trip_is_exact_for_hard_text() {
        let data = sample();
        let json = encode_data(&data).expect("encodes");
        let raw = wrap(&json, 3, Utc::now());
        let back = decode(&raw).expect("decodes");
        assert_eq!(back.data, data);
        assert_eq!(back.revision, 3);
        assert_eq!(peek_revision(&raw), Some(3));
        assert_eq!(
            peek_revision(&format!(
                r#"{{"schema_version":{},"revision":9,"data":{{}}}}"#,
                SCHEMA_VERSION + 1
            )),
            None,
            "a newer schema may not be replaced"
        );
        assert_eq!(
            peek_revision(r#"{"schema_version":1,"revision":9,"data":{}}"#),
            Some(9),
            "an older schema is ours to upgrade"
        );
        assert_eq!(peek_revision("not json"), None);
    }

    #[test]
    fn the_caching_encoder_writes_what_serde_writes() {
        let mut data = sample();
        let now = Utc::now();
        let today = NaiveDate::from_ymd_opt(2026, 6, 2).expect("date");
        let mut enc = Encoder::default();
        let check = |enc: &mut Encoder, data: &AppData, what: &str| {
            assert_eq!(
                enc.encode(data).expect("encodes"),
                encode_data(data).expect("encodes"),
                "{what}"
            );
        };
        let mut step = |data: &AppData, what: &str| check(&mut enc, data, what);
        step(&data, "empty cache");
        step(&data, "all cached");
        for company in ["B", "C", "D"] {
            let draft = ApplicationDraft {
                company: company.into(),
                role: "Role".into(),
                ..Default::default()
            };
            data.add_application(draft.build(Uuid::new_v4(), today, now).expect("valid"));
        }
        step(&data, "added");
        let id = data.applications[2].id;
        data.edit_application(id, now, |a| a.role = "Edited \"quoted\"".into());
        step(&data, "one edited");
        let r = data
            .start_reflection(id, Uuid::new_v4(), now)
            .expect("started");
        step(&data, "reflection started");
        data.edit_reflection(r, now, |r| r.mentoring.learned = "Pause first.".into());
        step(&data, "reflection edited");
        data.applications.swap(0, 3);
        step(&data, "reordered");
        data.delete_application(data.applications[1].id);
        step(&data, "deleted");
        data.meta.changes_since_backup = 0;
        data.set_company_note("B", "Kind recruiter".into(), now);
        step(&data, "company note");
        data.profile.name = "Alex \"Al\" Doe".into();
        step(&data, "profile");
        data.profile = Default::default();
        step(&data, "profile emptied");
        data = AppData::default();
        step(&data, "emptied");
        assert!(enc.caches_nothing());
    }

    #[test]
    fn warming_in_slices_fills_the_cache_the_next_save_reuses() {
        let mut data = sample();
        let now = Utc::now();
        let today = NaiveDate::from_ymd_opt(2026, 6, 2).expect("date");
        for i in 0..7 {
            let draft = ApplicationDraft {
                company: format!("Company {i}"),
                role: "Role".into(),
                ..Default::default()
            };
            data.add_application(draft.build(Uuid::new_v4(), today, now).expect("valid"));
        }
        let id = data.applications[0].id;
        data.start_reflection(id, Uuid::new_v4(), now)
            .expect("started");
        let records = data.applications.len() + data.reflections.len();
        let mut enc = Encoder::default();
        let mut slices = 0;
        while !enc.warm_some(&data, 3).expect("encodes") {
            slices += 1;
            assert!(slices < 100, "warming ends");
        }
        assert_eq!(slices, records.div_ceil(3) - 1, "three records a slice");
        assert_eq!(enc.records_cached(), records);
        assert_eq!(
            enc.encode(&data).expect("encodes"),
            encode_data(&data).expect("encodes")
        );
        // A change before warming ends: warming stops, and the output is still right.
        let mut enc = Encoder::default();
        assert!(!enc.warm_some(&data, 2).expect("encodes"));
        data.applications.swap(0, 1);
        assert!(
            enc.warm_some(&data, 2).expect("encodes"),
            "not a prefix: stop"
        );
        assert_eq!(
            enc.encode(&data).expect("encodes"),
            encode_data(&data).expect("encodes")
        );
    }

    #[test]
    fn packed_envelopes_round_trip_and_take_less_room() {
        let data = sample();
        let json = encode_data(&data).expect("encodes");
        let raw = wrap_packed(&json, 5, Utc::now());
        let back = decode(&raw).expect("decodes");
        assert_eq!(back.data, data);
        assert_eq!((back.revision, back.migrated_from), (5, None));
        assert_eq!(peek_revision(&raw), Some(5));
        let units = |s: &str| s.encode_utf16().count();
        assert!(
            units(&raw) * 10 < units(&wrap(&json, 5, Utc::now())) * 6,
            "packed is under 60% of plain"
        );
        // The general path (not the fast one) reads it too: here through `serde_json`.
        let spaced = raw.replacen("\"packed\":", "\"packed\" : ", 1);
        assert_eq!(decode(&spaced).expect("decodes").data, data);
    }

    #[test]
    fn damaged_packed_text_is_invalid_not_a_crash() {
        let good = wrap_packed("{}", 1, Utc::now());
        for bad in ["\u{1}", "A", "\u{8000}", "\u{7f1f}", "😀"] {
            let raw = good.replace("\"packed\":\"", &format!("\"packed\":\"{bad}"));
            // Refused either by the JSON parser (raw control characters) or by `unpack`.
            assert!(decode(&raw).is_err(), "{bad:?}");
        }
        let cut = &good[..good.len() - 2];
        assert!(decode(cut).is_err());
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]
        #[test]
        fn pack_round_trips_any_json_string(text in ".*") {
            let json = serde_json::to_string(&text).expect("encodes");
            let packed = pack(&json);
            let in_range = packed.chars().all(|c| ('\u{2020}'..='\u{7f7f}').contains(&c));
            proptest::prop_assert!(in_range, "a unit outside the packed range");
            let back: String = serde_json::from_str(&unpack(&packed).expect("unpacks")).expect("parses");
            proptest::prop_assert_eq!(packed.chars().count(), packed_units(&json));
            proptest::prop_assert_eq!(back, text);
        }

        #[test]
        fn the_ascii_check_matches_the_obvious_one(bytes in proptest::collection::vec(0x1eu8..0x82, 0..40)) {
            // Bytes near both edges (0x1f/0x20, 0x7f/0x80), mostly inside: so whole
            // 8-byte words pass as often as they fail.
            let obvious = bytes.iter().all(|b| (0x20..=0x7f).contains(b));
            proptest::prop_assert_eq!(is_printable_ascii(&bytes), obvious);
        }

        #[test]
        fn unpack_never_panics(text in ".*") {
            let _ = unpack(&text);
        }
    }

    #[test]
    fn v2_fixture_holds_the_v1_fixture_upgraded() {
        let v1 = decode(&fixture(1)).expect("v1");
        let v2 = decode(&fixture(2)).expect("v2");
        assert_eq!(v1.data, v2.data);
        assert_eq!(v1.migrated_from, Some(1));
    }

    #[test]
    #[ignore = "writes tests/fixtures/schema-v2.json from the v1 fixture; run once"]
    fn write_v2_fixture() {
        let v1 = decode(&fixture(1)).expect("v1");
        let json = encode_data(&v1.data).expect("encodes");
        let at = DateTime::parse_from_rfc3339("2026-11-26T10:00:00Z")
            .expect("date")
            .with_timezone(&Utc);
        let path = format!(
            "{}/tests/fixtures/schema-v2.json",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::write(path, wrap_packed(&json, 7, at)).expect("written");
    }

    /// Schema 3's new fields, set on the v2 fixture's data: every one of them.
    fn with_schema_3_fields(mut data: AppData) -> AppData {
        use crate::model::application::Priority;
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").expect("date");
        let acme = &mut data.applications[0];
        acme.salary_min = Some(45_000);
        acme.salary_max = Some(55_000);
        acme.currency = "GBP".into();
        acme.closing_on = Some(d("2026-01-31"));
        acme.priority = Some(Priority::High);
        acme.feedback.replied_on = Some(d("2026-02-16"));
        let round = &mut acme.interviews[0];
        round.start_time = chrono::NaiveTime::from_hms_opt(14, 30, 0);
        round.time_zone = "Europe/London".into();
        round.place = "https://meet.example.com/abc-defg-hij".into();
        let other = &mut data.applications[1];
        other.salary_max = Some(70_000);
        other.priority = Some(Priority::Low);
        data.profile.name = "Alex Doe".into();
        data.profile.signature = "Alex Doe\nHR Business Partner\n+44 7700 900123".into();
        data
    }

    #[test]
    fn v3_fixture_holds_every_new_field() {
        let v2 = decode(&fixture(2)).expect("v2");
        let v3 = decode(&fixture(3)).expect("v3");
        assert_eq!(v3.data, with_schema_3_fields(v2.data.clone()));
        assert_eq!(v2.migrated_from, Some(2), "schema 2 upgrades to 3");
        // Written again, nothing is dropped: every new key is still there.
        let json = encode_data(&v3.data).expect("encodes");
        for key in [
            "salary_min",
            "salary_max",
            "currency",
            "closing_on",
            "priority",
            "replied_on",
            "start_time",
            "time_zone",
            "place",
            "profile",
            "signature",
        ] {
            assert!(json.contains(&format!("\"{key}\":")), "{key} kept");
        }
    }

    #[test]
    #[ignore = "writes tests/fixtures/schema-v3.json from the v2 fixture; run once"]
    fn write_v3_fixture() {
        let v2 = decode(&fixture(2)).expect("v2");
        let json = encode_data(&with_schema_3_fields(v2.data)).expect("encodes");
        let at = DateTime::parse_from_rfc3339("2026-11-28T10:00:00Z")
            .expect("date")
            .with_timezone(&Utc);
        let path = format!(
            "{}/tests/fixtures/schema-v3.json",
            env!("CARGO_MANIFEST_DIR")
        );
        std::fs::write(path, wrap(&json, 8, at)).expect("written");
    }

    #[test]
    fn not_json_is_refused() {
        for raw in [
            "",
            "{",
            "\u{89}PNG\r\n",
            "{\"schema_version\":1,\"data\":{}",
        ] {
            assert!(
                matches!(decode(raw), Err(DecodeError::NotJson(_))),
                "{raw:?}"
            );
        }
    }

    #[test]
    fn other_json_is_refused_with_a_reason() {
        for raw in [
            "[]",
            "42",
            "{}",
            r#"{"schema_version":"1","data":{}}"#,
            r#"{"schema_version":0,"data":{}}"#,
            r#"{"schema_version":1}"#,
        ] {
            assert!(
                matches!(decode(raw), Err(DecodeError::NotKnockback(_))),
                "{raw}"
            );
        }
    }

    #[test]
    fn future_version_is_refused() {
        let raw = r#"{"schema_version":99,"data":{"whatever":true}}"#;
        assert_eq!(
            decode(raw).expect_err("future"),
            DecodeError::FutureVersion(99)
        );
        let huge = r#"{"schema_version":18446744073709551615,"data":{}}"#;
        assert!(matches!(decode(huge), Err(DecodeError::FutureVersion(_))));
        assert!(DecodeError::FutureVersion(99)
            .to_string()
            .contains("newer Knockback"));
    }

    #[test]
    fn wrong_types_and_broken_invariants_are_invalid() {
        let wrong = r#"{"schema_version":1,"data":{"applications":"nope"}}"#;
        assert!(matches!(decode(wrong), Err(DecodeError::Invalid(_))));
        let data = sample();
        let mut twice = data.clone();
        twice.applications.push(data.applications[0].clone());
        let raw = wrap(&encode_data(&twice).expect("encodes"), 1, Utc::now());
        assert!(matches!(decode(&raw), Err(DecodeError::Invalid(e)) if e.contains("share the id")));
    }

    #[test]
    fn deep_nesting_is_an_error_not_a_crash() {
        let raw = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(matches!(decode(&raw), Err(DecodeError::NotJson(_))));
    }

    #[test]
    fn empty_data_object_is_an_empty_notebook() {
        let d = decode(r#"{"schema_version":1,"data":{}}"#).expect("loads");
        assert_eq!(d.data, AppData::default());
        assert_eq!(d.revision, 0);
    }
}

//! Time zones from the browser's own database (`Intl`), so the app ships none of its
//! own: a zone's UTC offset at a given wall-clock time (the calendar file describes
//! the zones its interviews are in), and the list of zones the interview form offers.

use chrono::{NaiveDate, NaiveDateTime};
use wasm_bindgen::{JsCast, JsValue};

/// Every IANA zone the browser knows (`Intl.supportedValuesOf('timeZone')`), or `None`
/// where the engine has no such list (then the interview form keeps a plain text
/// field). Looked up by name rather than called directly: a missing function must not
/// throw.
pub(crate) fn time_zones() -> Option<Vec<String>> {
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let list = js_sys::Reflect::get(&intl, &"supportedValuesOf".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?
        .call1(&intl, &"timeZone".into())
        .ok()?;
    let zones: Vec<String> = js_sys::Array::from(&list)
        .iter()
        .filter_map(|z| z.as_string())
        .collect();
    (!zones.is_empty()).then_some(zones)
}

/// A formatter that shows an instant's wall-clock time in `zone`, or `None` when the
/// browser does not know the zone (the constructor throws a RangeError, caught here).
fn formatter(zone: &str) -> Option<js_sys::Intl::DateTimeFormat> {
    let intl = js_sys::Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let ctor = js_sys::Reflect::get(&intl, &"DateTimeFormat".into())
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    let options = js_sys::Object::new();
    let set = |k: &str, v: &str| js_sys::Reflect::set(&options, &k.into(), &v.into()).ok();
    set("timeZone", zone)?;
    // h23: some engines write midnight as "24" with hour12 off.
    set("hourCycle", "h23")?;
    for part in ["year", "month", "day", "hour", "minute", "second"] {
        set(part, "numeric")?;
    }
    let args = js_sys::Array::of2(&JsValue::from_str("en-US"), &options);
    js_sys::Reflect::construct(&ctor, &args)
        .ok()?
        .dyn_into()
        .ok()
}

/// The wall-clock time `fmt` shows for the instant `utc_ms`.
fn wall_clock(fmt: &js_sys::Intl::DateTimeFormat, utc_ms: f64) -> Option<NaiveDateTime> {
    let date = js_sys::Date::new(&JsValue::from_f64(utc_ms));
    let parts = fmt.format_to_parts(&date);
    let mut v = [0u32; 6];
    for part in parts.iter() {
        let kind = js_sys::Reflect::get(&part, &"type".into())
            .ok()?
            .as_string()?;
        let value = js_sys::Reflect::get(&part, &"value".into())
            .ok()?
            .as_string()?;
        let i = ["year", "month", "day", "hour", "minute", "second"]
            .iter()
            .position(|k| *k == kind);
        if let Some(i) = i {
            v[i] = value.parse().ok()?;
        }
    }
    NaiveDate::from_ymd_opt(i32::try_from(v[0]).ok()?, v[1], v[2])?.and_hms_opt(
        v[3] % 24,
        v[4],
        v[5],
    )
}

/// Seconds east of UTC in `zone` at the wall-clock time `local`, or `None` when the
/// browser does not know the zone.
pub(crate) fn utc_offset(zone: &str, local: NaiveDateTime) -> Option<i32> {
    let fmt = formatter(zone)?;
    let as_if_utc = local.and_utc().timestamp_millis() as f64;
    let offset_at = |ms: f64| -> Option<i64> {
        let wall = wall_clock(&fmt, ms)?;
        Some(wall.and_utc().timestamp_millis() - ms as i64)
    };
    // The offset at the guessed instant, then at the instant it points to: right on
    // both sides of a daylight-saving switch.
    let first = offset_at(as_if_utc)?;
    let second = offset_at(as_if_utc - first as f64)?;
    i32::try_from(second / 1000).ok()
}

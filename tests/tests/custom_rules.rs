//! `#[model(custom = path)]`: a function the user writes, on a field or on the type, that runs
//! while reading (and refuses), in `validate()` and in `from_json`, with codes and messages of
//! its own. The schema does not change.

use std::net::Ipv4Addr;

use authlete_models::{Model, Report, Validate, from_json};
use authlete_models_tests::{found, pairs};
use serde_json::json;

/// A validity period.
#[derive(Debug, PartialEq, Model)]
#[model(rename_all = "camelCase", custom = ordered)]
struct Period {
    #[model(min = 1)]
    start: u32,
    #[model(custom = even, max = 100)]
    end: u32,
    #[model(custom = checks::no_loopback, opaque)]
    host: Option<Ipv4Addr>,
}

fn ordered(p: &Period, report: &mut Report<'_>) {
    if p.end < p.start {
        report.fail_at("/end", "order", "must not be less than `start`");
    }
}

fn even(n: &u32, report: &mut Report<'_>) {
    if n % 2 == 1 {
        report.fail("even", format!("must be even (at {:?})", report.path()));
    }
}

mod checks {
    use super::*;

    pub fn no_loopback(ip: &Option<Ipv4Addr>, report: &mut Report<'_>) {
        if ip.is_some_and(|ip| ip.is_loopback()) {
            report.fail("public_host", "must not be a loopback address");
        }
    }
}

#[derive(Debug, PartialEq, Model)]
struct Periods {
    #[model(max_len = 3)]
    periods: Vec<Period>,
}

/// An even number of seconds.
#[derive(Debug, PartialEq, Model)]
#[model(custom = even_seconds)]
struct EvenSeconds(#[model(max = 60)] u32);

fn even_seconds(s: &EvenSeconds, report: &mut Report<'_>) {
    even(&s.0, report);
}

#[test]
fn reading_refuses_at_the_first_violation() {
    let ok: Period = serde_json::from_value(json!({"start": 2, "end": 4})).unwrap();
    assert_eq!(ok.end, 4);
    let err = serde_json::from_value::<Period>(json!({"start": 2, "end": 3})).unwrap_err();
    assert_eq!(err.to_string(), "/end: even: must be even (at \"/end\")");
    let err = serde_json::from_value::<Period>(json!({"start": 8, "end": 4})).unwrap_err();
    assert_eq!(
        err.to_string(),
        "/end: order: must not be less than `start`"
    );
    let err = serde_json::from_value::<Period>(json!({"start": 2, "end": 4, "host": "127.0.0.1"}))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "/host: public_host: must not be a loopback address"
    );
    // Nested: the paths join.
    let err = serde_json::from_value::<Periods>(
        json!({"periods": [{"start": 2, "end": 4}, {"start": 9, "end": 4}]}),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "/periods/1/end: order: must not be less than `start`"
    );
    let err = serde_json::from_str::<EvenSeconds>("7").unwrap_err();
    assert_eq!(err.to_string(), "(root): even: must be even (at \"\")");
}

#[test]
fn a_field_s_own_rules_come_first() {
    // 101 breaks `max`; the function does not see it.
    let errors = from_json::<Period>(r#"{"start": 2, "end": 101}"#).unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/end", "max")]));
    let built = Period {
        start: 0,
        end: 101,
        host: None,
    };
    assert_eq!(
        found(&built.validate().unwrap_err()),
        pairs(&[("/start", "min"), ("/end", "max")])
    );
}

#[test]
fn validate_and_from_json_report_every_violation() {
    let built = Period {
        start: 9,
        end: 3,
        host: Some(Ipv4Addr::LOCALHOST),
    };
    assert_eq!(
        found(&built.validate().unwrap_err()),
        pairs(&[("/end", "even"), ("/host", "public_host")])
    );
    // Once every field holds, the type's rule runs.
    let built = Period {
        start: 9,
        end: 4,
        host: None,
    };
    assert_eq!(
        found(&built.validate().unwrap_err()),
        pairs(&[("/end", "order")])
    );
    let errors = from_json::<Periods>(
        r#"{"periods": [{"start": 9, "end": 3, "host": "127.0.0.2"}, {"start": 1, "end": 2}, {"start": 5, "end": 4}]}"#,
    )
    .unwrap_err();
    // The type's rule runs only where every field holds: not on the first period.
    assert_eq!(
        found(&errors),
        pairs(&[
            ("/periods/0/end", "even"),
            ("/periods/0/host", "public_host"),
            ("/periods/2/end", "order"),
        ])
    );
    assert_eq!(
        found(&EvenSeconds(61).validate().unwrap_err()),
        pairs(&[("", "max")])
    );
    assert_eq!(
        found(&EvenSeconds(7).validate().unwrap_err()),
        pairs(&[("", "even")])
    );
    assert!(EvenSeconds::try_from(8).is_ok());
}

#[test]
fn the_schema_does_not_change() {
    let schema = Period::json_schema();
    assert_eq!(
        schema["properties"]["end"],
        json!({"type": "integer", "minimum": 0, "maximum": 100})
    );
    assert_eq!(schema["properties"]["host"], json!({}));
    assert!(schema.get("allOf").is_none());
}

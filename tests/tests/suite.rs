//! The JSON Schema Test Suite's `pattern` and `format` cases (draft 2020-12, `suite/`), each
//! read through a model the derive wrote for its schema: every case on string data gets the
//! suite's verdict, from `serde_json` and from `from_json`.
//!
//! The build script writes the models; the hostname cases listed in `HOSTNAME_IDNA` are the
//! ones the `formats` module decides against the suite, each for the reason given there.

use authlete_models::{Model, from_json};

/// A case: what the suite calls it, the string, the suite's verdict, and the model's reader.
pub struct Case {
    what: &'static str,
    data: &'static str,
    valid: bool,
    read: fn(&str) -> (bool, bool),
}

/// Whether `data` reads as `M` with `serde_json`, and with `from_json`.
fn read<M: Model>(data: &str) -> (bool, bool) {
    let json = serde_json::to_string(data).expect("a string");
    (
        serde_json::from_str::<M>(&json).is_ok(),
        from_json::<M>(&json).is_ok(),
    )
}

include!(concat!(env!("OUT_DIR"), "/suite.rs"));

/// Internationalized host names the suite refuses by rules that need Unicode property tables
/// (the script of a character, combining marks, joiners after a virama), which the `formats`
/// module does not carry: it accepts them, as RFC 1123 host names that decode as Punycode.
const HOSTNAME_IDNA: &[&str] = &[
    "xn--hello-txk",
    "xn--hello-zed",
    "xn--hello-6bf",
    "xn--S-jib3p",
    "xn--wva3j",
    "xn--A-2hc5h",
    "xn--5db1e",
    "xn--A-2hc8h",
    "xn--5db3e",
    "xn--defabc-k64e",
    "xn--vek",
    "xn--11b2er09f",
    "xn--02b508i",
];

#[test]
fn every_case_on_a_string_gets_the_suite_s_verdict() {
    let mut wrong = Vec::new();
    let mut disagreed = 0;
    for case in CASES {
        let expected = if HOSTNAME_IDNA.contains(&case.data) && case.what.contains("hostname") {
            assert!(
                !case.valid,
                "{}: listed, but the suite accepts it",
                case.what
            );
            disagreed += 1;
            true
        } else {
            case.valid
        };
        let (read, collected) = (case.read)(case.data);
        if read != expected || collected != expected {
            wrong.push(format!(
                "{} ({:?}): suite {}, serde_json {read}, from_json {collected}",
                case.what, case.data, case.valid
            ));
        }
    }
    assert!(
        wrong.is_empty(),
        "{} cases:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    assert_eq!(
        disagreed,
        HOSTNAME_IDNA.len(),
        "every listed host name is a case"
    );
    assert!(CASES.len() > 500, "only {} cases", CASES.len());
}

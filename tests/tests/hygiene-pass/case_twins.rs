//! Two fields whose names differ only in case, or uppercase to the same letters (`ß` and
//! `ss`): legal Rust (with `non_snake_case` allowed), two fields and two wire names.

#![deny(warnings)]
#![allow(non_snake_case)]

use authlete_models::{Model, Validate};

#[derive(Debug, Clone, PartialEq, Model)]
pub struct Twins {
    #[model(max = 1)]
    pub x: u8,
    #[model(max = 2)]
    pub X: u8,
    #[model(max_len = 1)]
    pub ß: String,
    #[model(max_len = 2)]
    pub ss: String,
}

fn main() {
    let v: Twins = serde_json::from_str(r#"{"x": 1, "X": 2, "ß": "é", "ss": "ab"}"#).unwrap();
    assert_eq!(v.validate(), Ok(()));
    assert_eq!(
        serde_json::to_string(&v).unwrap(),
        r#"{"x":1,"X":2,"ß":"é","ss":"ab"}"#
    );
    let err =
        serde_json::from_str::<Twins>(r#"{"x": 2, "X": 2, "ß": "é", "ss": "ab"}"#).unwrap_err();
    assert!(err.to_string().starts_with("/x: max: "), "{err}");
    let err =
        serde_json::from_str::<Twins>(r#"{"x": 1, "X": 3, "ß": "é", "ss": "ab"}"#).unwrap_err();
    assert!(err.to_string().starts_with("/X: max: "), "{err}");
    let err =
        serde_json::from_str::<Twins>(r#"{"x": 1, "X": 2, "ß": "ab", "ss": "ab"}"#).unwrap_err();
    assert!(err.to_string().starts_with("/ß: max_len: "), "{err}");
}

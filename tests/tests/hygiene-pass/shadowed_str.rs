//! A scope where `str` names a local type, as `String`, `Option` and the other prelude names
//! may: the expansion must name the primitive by its absolute path.

#![deny(warnings)]
#![allow(non_camel_case_types, dead_code)]

use authlete_models::{Model, Validate};

pub struct str;

#[derive(Debug, Clone, PartialEq, Model)]
pub struct Named {
    #[model(max_len = 3)]
    pub name: ::std::string::String,
}

fn main() {
    let v: Named = serde_json::from_str(r#"{"name": "abc"}"#).unwrap();
    assert_eq!(v.validate(), Ok(()));
    assert!(serde_json::from_str::<Named>(r#"{"name": "abcd"}"#).is_err());
}

//! The expansion of `#[derive(Model)]` names everything through absolute paths: it compiles,
//! warning-free, in a scope that defines its own `Result`, `Option`, `Ok`, `Some`, `serde`,
//! `String` and more, and with field names that look like the expansion's own locals.

#![deny(warnings, missing_docs, unused_qualifications, rust_2018_idioms)]

/// A scope that shadows the prelude and the usual crate names.
pub mod shadowed {
    #![allow(dead_code, non_camel_case_types, non_snake_case, clippy::all)]

    /// Shadows `core::result::Result`.
    pub struct Result;
    /// Shadows `core::option::Option`.
    pub struct Option;
    /// Shadows `Vec`.
    pub struct Vec;
    /// Shadows `Box`.
    pub struct Box;
    /// Shadows `Default`.
    pub struct Default;
    /// Shadows `Err`.
    pub struct Err;
    /// Shadows `None`.
    pub struct None;
    /// Shadows the primitive `usize`.
    pub struct usize;
    /// Shadows the primitive `bool`.
    pub struct bool;
    /// Shadows the primitive `u8`.
    pub struct u8;
    /// Shadows the primitive `char`.
    pub struct char;
    /// Shadows `String`.
    pub type String = ();
    /// Shadows `Ok`.
    pub fn Ok() {}
    /// Shadows `Some`.
    pub fn Some() {}
    /// Shadows the `serde` crate.
    pub mod serde {}
    /// Shadows the `serde_json` crate.
    pub mod serde_json {}
    /// Shadows the `authlete_models` crate's name inside this module.
    pub mod authlete_models {}
    /// Shadows `core`.
    pub mod core {}
    /// Shadows `std`.
    pub mod std {}
    /// Shadows `fmt`.
    pub mod fmt {}
    /// Shadows the runtime's `Path`, `Rule` and `Seed`.
    pub struct Path;
    /// See `Path`.
    pub trait Rule {}
    /// See `Path`.
    pub struct Seed;
    /// Shadows `Model` and `Validate` (the derive is named by its full path below).
    pub trait Model {}
    /// See `Model`.
    pub trait Validate {}

    /// Shadows `FromStr`.
    pub trait FromStr {}
    /// Shadows `TryFrom`.
    pub trait TryFrom {}
    /// Shadows `Display`.
    pub trait Display {}
    /// Shadows the runtime's `StrEnum` and `Found`.
    pub struct StrEnum;
    /// See `StrEnum`.
    pub struct Found;

    /// A string enum, in the shadowed scope, whose variants are named like the prelude's.
    #[derive(Debug, Clone, PartialEq, ::authlete_models::Model)]
    #[model(rename_all = "lowercase")]
    pub enum Outcome {
        /// Named like `Ok`.
        Ok,
        /// Named like `Err`.
        Err,
        /// Named like `None`.
        None,
        /// Named like `Some`; takes every other value.
        #[model(other)]
        Some(::std::string::String),
    }

    /// Shadows the runtime's `ValueEnum` and `Literal`.
    pub struct ValueEnum;
    /// See `ValueEnum`.
    pub struct Literal;

    /// A value enum, in the shadowed scope, whose variants are named like the prelude's and
    /// like its own locals.
    #[derive(Debug, Clone, Copy, PartialEq, ::authlete_models::Model)]
    pub enum Level {
        /// Named like `None`.
        #[model(value = null)]
        None,
        /// Named like `Some`.
        #[model(value = 1)]
        Some,
        /// Named like `Ok`.
        #[model(value = 2.5)]
        Ok,
        /// Named like the generated lookup.
        #[model(value = false)]
        __index,
        /// A string value beside them.
        __variant,
    }

    /// A newtype, in the shadowed scope.
    #[derive(Debug, Clone, PartialEq, ::authlete_models::Model)]
    pub struct Count(#[model(min = 1)] pub ::core::primitive::u32);

    /// A value that is always `null`, sent by the server only, in the shadowed scope.
    #[derive(Debug, Clone, PartialEq, ::authlete_models::Model)]
    #[model(read_only)]
    pub struct Cleared(pub ());

    /// A nested model, in the shadowed scope.
    #[derive(Debug, Clone, PartialEq, ::authlete_models::Model)]
    #[model(rename_all = "camelCase")]
    pub struct Inner {
        /// A checked string.
        #[model(charset = "a-z", min_len = 1, max_len = 4)]
        pub short_name: ::std::string::String,
    }

    /// A model using every rule and wrapper, in the shadowed scope.
    #[derive(Debug, Clone, PartialEq, ::authlete_models::Model)]
    #[model(rename_all = "camelCase", deny_unknown_fields)]
    pub struct Everything {
        /// A checked string.
        #[model(rename = "ID", charset = "A-Z0-9\\-", min_len = 1, max_len = 8)]
        pub id: ::std::string::String,
        /// Bounded integer.
        #[model(min = 1, max = 10)]
        pub count: u32,
        /// Bounded float.
        #[model(min = -1.5, max = 1.5)]
        pub ratio: f64,
        /// A flag.
        pub flag: ::core::primitive::bool,
        /// Optional, bounded.
        #[model(max = 100)]
        pub maybe: ::core::option::Option<i64>,
        /// A list with a length rule.
        #[model(max_len = 2, items(charset = "a-z"))]
        pub tags: ::std::vec::Vec<::std::string::String>,
        /// A boxed nested model.
        pub boxed: ::std::boxed::Box<Inner>,
        /// Optional list of nested models.
        pub inners: ::core::option::Option<::std::vec::Vec<Inner>>,
        /// A secret.
        #[model(min_len = 1)]
        pub secret: ::authlete_models::Secret<::std::string::String>,
        /// A defaulted field.
        #[model(default)]
        pub defaulted: ::std::vec::Vec<::core::primitive::u8>,
        /// A raw identifier.
        pub r#type: ::core::option::Option<::std::string::String>,
    }

    /// Defaults, `skip`, presence and a flattened map, in the shadowed scope.
    #[derive(Debug, Clone, PartialEq, ::authlete_models::Model)]
    #[model(title = "Presence", deprecated)]
    pub struct Presence {
        /// A literal default.
        #[model(default = 250, max = 300)]
        pub limit: ::core::primitive::u16,
        /// A string default.
        #[model(default = "auto")]
        pub mode: ::std::string::String,
        /// Present, perhaps `null`.
        #[model(required)]
        pub name: ::core::option::Option<::std::string::String>,
        /// Never `null`.
        #[model(not_null)]
        pub size: ::core::option::Option<::core::primitive::u8>,
        /// Three states.
        pub label: ::core::option::Option<::core::option::Option<::std::string::String>>,
        /// Any value.
        pub payload: ::serde_json::Value,
        /// Not on the wire.
        #[model(skip)]
        pub cache: ::core::option::Option<::core::primitive::u64>,
        /// The other members.
        #[model(flatten, keys(max_len = 8))]
        pub rest: ::std::collections::BTreeMap<::std::string::String, ::serde_json::Value>,
    }

    /// An internally tagged enum, in the shadowed scope, with variants named like the prelude's.
    #[derive(Debug, Clone, PartialEq, ::authlete_models::Model)]
    #[model(tag = "type")]
    pub enum Tagged {
        /// A struct variant.
        Ok {
            /// A checked field.
            #[model(max_len = 3)]
            value: ::std::string::String,
        },
        /// A newtype variant.
        Some(Inner),
        /// A unit variant.
        None,
    }

    /// An externally tagged enum.
    #[derive(Debug, Clone, PartialEq, ::authlete_models::Model)]
    pub enum External {
        /// A newtype variant.
        Err(#[model(max_len = 3)] ::std::string::String),
        /// A struct variant.
        Box {
            /// A checked field.
            #[model(min = 1)]
            n: ::core::primitive::u8,
        },
        /// A unit variant.
        Default,
    }

    /// An adjacently tagged enum.
    #[derive(Debug, Clone, PartialEq, ::authlete_models::Model)]
    #[model(tag = "t", content = "c")]
    pub enum Adjacent {
        /// A newtype variant.
        Vec(#[model(max_len = 3)] ::std::string::String),
        /// A unit variant.
        Result,
    }

    /// An untagged enum and a `one_of` one.
    #[derive(Debug, Clone, PartialEq, ::authlete_models::Model)]
    #[model(untagged)]
    pub enum Untagged {
        /// A number.
        Path(::core::primitive::u8),
        /// A string.
        Rule(::std::string::String),
    }

    /// See `Untagged`.
    #[derive(Debug, Clone, PartialEq, ::authlete_models::Model)]
    #[model(one_of)]
    pub enum OneOf {
        /// A number.
        Seed(#[model(max = 5)] ::core::primitive::u8),
        /// A string.
        Found(::std::string::String),
    }

    /// Fields named like the expansion's own locals and parameters.
    #[derive(Debug, Clone, PartialEq, ::authlete_models::Model)]
    pub struct LocalLookalikes {
        /// Named like a local.
        #[model(max_len = 3)]
        pub __at: ::std::string::String,
        /// Named like a local.
        pub __out: ::core::primitive::u8,
        /// Named like a local.
        pub __map: ::core::primitive::u8,
        /// Named like a local.
        pub __key: ::core::primitive::u8,
        /// Named like a local.
        pub __value: ::core::primitive::u8,
        /// Named like a local.
        pub __state: ::core::primitive::u8,
        /// Named like a local.
        pub __serializer: ::core::primitive::u8,
        /// Named like a local.
        pub __deserializer: ::core::primitive::u8,
        /// Named like a local.
        pub __seq: ::core::primitive::u8,
        /// Named like a local.
        pub __gen: ::core::primitive::u8,
        /// Named like a local.
        pub __f: ::core::primitive::u8,
        /// Named like the visitor's field.
        pub at: ::core::primitive::u8,
        /// Named like a local.
        pub __field_x: ::core::primitive::u8,
        /// Would share a local's name with `__field_x` if locals were prefixed naively.
        pub x: ::core::primitive::u8,
    }

    /// Presence rules in the shadowed scope, over fields named like the locals and the
    /// constant they add.
    #[derive(Debug, Clone, PartialEq, ::authlete_models::Model)]
    #[model(required_one_of(__present, (__presence, __value)), required_any_of(__presence_held, __value))]
    pub struct Together {
        /// Named like a local.
        #[model(not_null)]
        pub __present: ::core::option::Option<::core::primitive::u8>,
        /// Named like the rules' constant.
        #[model(not_null, requires(__presence_held))]
        pub __presence: ::core::option::Option<::core::primitive::u8>,
        /// Named like a local.
        pub __value: ::core::option::Option<::core::option::Option<::core::primitive::u8>>,
        /// Named like a local.
        #[model(not_null)]
        pub __presence_held: ::core::option::Option<::core::primitive::u8>,
    }

    /// `when` in the shadowed scope, over fields named like the constant, the locals and the
    /// index the conditions read.
    #[derive(Debug, Clone, PartialEq, ::authlete_models::Model)]
    #[model(
        when(__presence = "on" | "yes", required(__value)),
        when(__state = 1, not_all(__present, __value)),
        when(when = true, required(__present))
    )]
    pub struct Conditional {
        /// Named like the rules' constant.
        pub __presence: ::core::option::Option<::std::string::String>,
        /// Named like a local.
        #[model(not_null)]
        pub __value: ::core::option::Option<::core::primitive::u8>,
        /// Named like the reader's state.
        pub __state: ::core::primitive::u8,
        /// Named like a local.
        #[model(not_null)]
        pub __present: ::core::option::Option<::core::primitive::u8>,
        /// Named like the rules' slot.
        pub when: ::core::option::Option<::core::primitive::bool>,
    }

    /// Rules on the object as a whole in the shadowed scope, over fields named like the
    /// locals, the slot and the constant they add, beside a flattened map.
    #[derive(Debug, Clone, PartialEq, ::authlete_models::Model)]
    #[model(
        not_all_of(__tally, __member_rules),
        min_members = 1,
        max_members = 3,
        forbid("__i", "__name")
    )]
    pub struct Counted {
        /// Named like the tally's slot.
        #[model(not_null)]
        pub __tally: ::core::option::Option<::core::primitive::u8>,
        /// Named like the rules' constant.
        #[model(not_null)]
        pub __member_rules: ::core::option::Option<::core::primitive::u8>,
        /// Named like a local.
        #[model(flatten)]
        pub __members_held:
            ::std::collections::BTreeMap<::std::string::String, ::core::primitive::u8>,
    }
}

use ::authlete_models::{Secret, Validate as _, from_json};
use shadowed::{Cleared, Count, Everything, Inner, LocalLookalikes, Outcome, Together};

fn sample() -> Everything {
    Everything {
        id: "AB-12".into(),
        count: 10,
        ratio: -1.5,
        flag: true,
        maybe: None,
        tags: vec!["a".into()],
        boxed: Box::new(Inner {
            short_name: "abcd".into(),
        }),
        inners: Some(vec![Inner {
            short_name: "x".into(),
        }]),
        secret: Secret::new("s".into()),
        defaulted: Vec::new(),
        r#type: Some("t".into()),
    }
}

#[test]
fn the_derive_works_in_a_shadowed_scope() {
    let value = sample();
    assert_eq!(value.validate(), Ok(()));
    let json = serde_json::to_string(&value).unwrap();
    assert_eq!(
        json,
        r#"{"ID":"AB-12","count":10,"ratio":-1.5,"flag":true,"tags":["a"],"boxed":{"shortName":"abcd"},"inners":[{"shortName":"x"}],"secret":"s","defaulted":[],"type":"t"}"#
    );
    let back: Everything = serde_json::from_str(&json).unwrap();
    assert_eq!(back, value);

    let mut bad = sample();
    bad.count = 0;
    bad.inners = Some(vec![Inner {
        short_name: "TOOLONG".into(),
    }]);
    let errors = bad.validate().unwrap_err();
    let found: Vec<(&str, &str)> = errors.iter().map(|e| (e.path(), e.code())).collect();
    assert_eq!(
        found,
        [
            ("/count", "min"),
            ("/inners/0/shortName", "max_len"),
            ("/inners/0/shortName", "charset")
        ]
    );
    let err = serde_json::from_str::<Everything>(r#"{"ID": "a"}"#).unwrap_err();
    assert!(err.to_string().starts_with("/ID: charset: "), "{err}");
    assert!(from_json::<Everything>(&json).is_ok());
}

#[test]
fn fields_named_like_locals_are_read_and_written() {
    let json = r#"{"__at":"abc","__out":1,"__map":2,"__key":3,"__value":4,"__state":5,"__serializer":6,"__deserializer":7,"__seq":8,"__gen":9,"__f":10,"at":11,"__field_x":12,"x":13}"#;
    let value: LocalLookalikes = serde_json::from_str(json).unwrap();
    assert_eq!(value.__at, "abc");
    assert_eq!(
        [
            value.__out,
            value.__map,
            value.__key,
            value.__value,
            value.__state,
            value.__serializer,
            value.__deserializer,
            value.__seq,
            value.__gen,
            value.__f,
            value.at,
            value.__field_x,
            value.x
        ],
        [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13]
    );
    assert_eq!(serde_json::to_string(&value).unwrap(), json);
    assert_eq!(value.validate(), Ok(()));
    let err = serde_json::from_str::<LocalLookalikes>(&json.replace("abc", "abcd")).unwrap_err();
    assert!(err.to_string().starts_with("/__at: max_len: "), "{err}");
}

#[test]
fn enums_and_newtypes_work_in_a_shadowed_scope() {
    let outcome: Outcome = serde_json::from_str(r#""err""#).unwrap();
    assert_eq!(outcome, Outcome::Err);
    assert_eq!(outcome.to_string(), "err");
    assert_eq!("none".parse::<Outcome>(), Ok(Outcome::None));
    assert_eq!(
        serde_json::from_str::<Outcome>(r#""maybe""#).unwrap(),
        Outcome::Some("maybe".into())
    );
    assert!(Outcome::Some("ok".into()).validate().is_err());
    for (text, level) in [
        ("null", shadowed::Level::None),
        ("1", shadowed::Level::Some),
        ("2.5", shadowed::Level::Ok),
        ("false", shadowed::Level::__index),
        (r#""__variant""#, shadowed::Level::__variant),
    ] {
        assert_eq!(
            serde_json::from_str::<shadowed::Level>(text).unwrap(),
            level
        );
        assert_eq!(serde_json::to_string(&level).unwrap(), text);
    }
    assert!(from_json::<shadowed::Level>("2").is_err());
    let count: Count = serde_json::from_str("3").unwrap();
    assert_eq!(serde_json::to_string(&count).unwrap(), "3");
    assert!(Count::try_from(0).is_err());
    assert!(from_json::<Count>("0").is_err());
    let cleared: Cleared = serde_json::from_str("null").unwrap();
    assert_eq!(serde_json::to_string(&cleared).unwrap(), "null");
    assert!(from_json::<Cleared>("0").is_err());
    assert_eq!(
        <Cleared as ::authlete_models::Model>::json_schema()["readOnly"],
        true
    );
}

#[test]
fn the_new_shapes_work_in_a_shadowed_scope() {
    use shadowed::{Adjacent, External, OneOf, Presence, Tagged, Untagged};
    let p: Presence = serde_json::from_str(r#"{"name": null, "payload": 1, "x": [1]}"#).unwrap();
    assert_eq!((p.limit, p.mode.as_str()), (250, "auto"));
    assert_eq!(p.rest.len(), 1);
    assert!(serde_json::from_str::<Presence>("{}").is_err());
    let t: Tagged = serde_json::from_str(r#"{"type": "Ok", "value": "abc"}"#).unwrap();
    assert_eq!(
        serde_json::from_str::<Tagged>(&serde_json::to_string(&t).unwrap()).unwrap(),
        t
    );
    let e: External = serde_json::from_str(r#"{"Box": {"n": 1}}"#).unwrap();
    assert_eq!(
        serde_json::to_value(&e).unwrap(),
        serde_json::json!({"Box": {"n": 1}})
    );
    let a: Adjacent = serde_json::from_str(r#"{"t": "Vec", "c": "abc"}"#).unwrap();
    assert!(authlete_models::Validate::validate(&a).is_ok());
    let u: Untagged = serde_json::from_str(r#""x""#).unwrap();
    assert!(matches!(u, Untagged::Rule(_)));
    assert!(serde_json::from_str::<OneOf>("3").is_ok());
    assert!(<Tagged as authlete_models::Model>::json_schema()["oneOf"].is_array());
}

#[test]
fn presence_rules_work_in_a_shadowed_scope() {
    let value: Together = serde_json::from_str(r#"{"__present": 1, "__value": null}"#).unwrap();
    assert_eq!((value.__present, value.__value), (Some(1), Some(None)));
    assert_eq!(value.validate(), Ok(()));
    let errors =
        from_json::<Together>(r#"{"__presence": 1, "__value": 2, "__present": 3}"#).unwrap_err();
    let found: Vec<(&str, &str)> = errors.iter().map(|e| (e.path(), e.code())).collect();
    assert_eq!(
        found,
        [("/__presence_held", "requires"), ("", "required_one_of")]
    );
    let schema = <Together as ::authlete_models::Model>::json_schema();
    assert!(schema.get("dependentRequired").is_some());
}

#[test]
fn when_works_in_a_shadowed_scope() {
    use shadowed::Conditional;
    let value: Conditional =
        serde_json::from_str(r#"{"__presence": "yes", "__value": 1, "__state": 1}"#).unwrap();
    assert_eq!((value.__value, value.__state), (Some(1), 1));
    assert_eq!(value.validate(), Ok(()));
    let errors = from_json::<Conditional>(
        r#"{"__presence": "on", "__state": 1, "__present": 1, "__value": 2, "when": true}"#,
    )
    .unwrap_err();
    let found: Vec<(&str, &str)> = errors.iter().map(|e| (e.path(), e.code())).collect();
    assert_eq!(found, [("", "when")]);
    let errors = from_json::<Conditional>(
        r#"{"__presence": "on", "__state": 1, "__present": 1, "when": true}"#,
    )
    .unwrap_err();
    let found: Vec<(&str, &str)> = errors.iter().map(|e| (e.path(), e.code())).collect();
    assert_eq!(found, [("/__value", "when")]);
    let built = Conditional {
        __presence: None,
        __value: Some(1),
        __state: 1,
        __present: Some(2),
        when: Some(true),
    };
    let errors = built.validate().unwrap_err();
    let found: Vec<(&str, &str)> = errors.iter().map(|e| (e.path(), e.code())).collect();
    assert_eq!(found, [("", "when")]);
    let schema = <Conditional as ::authlete_models::Model>::json_schema();
    assert_eq!(schema["allOf"][2]["then"]["required"][0], "__present");
}

#[test]
fn member_rules_work_in_a_shadowed_scope() {
    let value: shadowed::Counted = serde_json::from_str(r#"{"__tally": 1, "x": 2}"#).unwrap();
    assert_eq!(value.__members_held.len(), 1);
    assert_eq!(value.validate(), Ok(()));
    let errors =
        from_json::<shadowed::Counted>(r#"{"__i": 1, "__tally": 1, "__member_rules": 2, "a": 0}"#)
            .unwrap_err();
    let found: Vec<(&str, &str)> = errors.iter().map(|e| (e.path(), e.code())).collect();
    assert_eq!(
        found,
        [
            ("/__i", "forbidden"),
            ("", "max_members"),
            ("", "not_all_of")
        ]
    );
    let schema = <shadowed::Counted as ::authlete_models::Model>::json_schema();
    assert_eq!(schema["properties"]["__name"], false);
}

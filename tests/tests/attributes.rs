//! Every `#[model(...)]` attribute, on its own and in combination: what it does when reading
//! (`serde_json::from_str`), when validating a built value and when writing.

use authlete_models::{Model, Secret, Validate, ValidationErrors, from_json};
use authlete_models_tests::{found, pairs};

fn messages(errors: &ValidationErrors) -> Vec<String> {
    errors.iter().map(|e| e.message().to_owned()).collect()
}

fn json_str(s: &str) -> String {
    serde_json::to_string(s).unwrap()
}

// ---------------------------------------------------------------------------------------------
// rename and rename_all

#[derive(Debug, Clone, PartialEq, Model)]
struct Renamed {
    #[model(rename = "x-custom-name")]
    plain: String,
    #[model(rename = "déjà vu")]
    unicode: u8,
    untouched_field: bool,
}

#[test]
fn rename_sets_the_wire_name() {
    let v: Renamed =
        serde_json::from_str(r#"{"x-custom-name": "a", "déjà vu": 3, "untouched_field": true}"#)
            .unwrap();
    assert_eq!(
        v,
        Renamed {
            plain: "a".into(),
            unicode: 3,
            untouched_field: true
        }
    );
    assert_eq!(
        serde_json::to_string(&v).unwrap(),
        r#"{"x-custom-name":"a","déjà vu":3,"untouched_field":true}"#
    );
    // The Rust name is not accepted in place of the wire name.
    let err =
        serde_json::from_str::<Renamed>(r#"{"plain": "a", "déjà vu": 3, "untouched_field": true}"#)
            .unwrap_err();
    assert!(
        err.to_string()
            .contains("/x-custom-name: missing required field"),
        "{err}"
    );
}

macro_rules! cased {
    ($name:ident, $case:literal) => {
        #[derive(Debug, Clone, PartialEq, Model)]
        #[model(rename_all = $case)]
        struct $name {
            #[model(max_len = 2)]
            client_id_alias: String,
            ttl: u32,
            #[model(rename = "kept_AsIs")]
            renamed_field: bool,
        }

        impl $name {
            fn sample() -> Self {
                $name {
                    client_id_alias: "ab".into(),
                    ttl: 7,
                    renamed_field: true,
                }
            }
        }
    };
}

cased!(Lower, "lowercase");
cased!(Upper, "UPPERCASE");
cased!(Pascal, "PascalCase");
cased!(Camel, "camelCase");
cased!(Snake, "snake_case");
cased!(ScreamingSnake, "SCREAMING_SNAKE_CASE");
cased!(Kebab, "kebab-case");
cased!(ScreamingKebab, "SCREAMING-KEBAB-CASE");

/// Reads, writes and validates a `cased!` model under the wire names `names` (for
/// `client_id_alias` and `ttl`).
fn check_case<T>(sample: T, too_long: T, names: [&str; 2])
where
    T: Model + PartialEq + std::fmt::Debug,
{
    let [alias, ttl] = names;
    let expected = format!(r#"{{"{alias}":"ab","{ttl}":7,"kept_AsIs":true}}"#);
    assert_eq!(serde_json::to_string(&sample).unwrap(), expected);
    let read: T = serde_json::from_str(&expected).unwrap();
    assert_eq!(read, sample);

    let errors = too_long.validate().unwrap_err();
    let path = format!("/{alias}");
    assert_eq!(found(&errors), pairs(&[(&path, "max_len")]));

    let err = serde_json::from_str::<T>(&format!(
        r#"{{"{alias}":"abc","{ttl}":7,"kept_AsIs":true}}"#
    ))
    .unwrap_err();
    assert!(
        err.to_string().starts_with(&format!("{path}: max_len: ")),
        "{err}"
    );

    // The snake_case Rust names are not wire names (except where the case leaves them alone).
    if alias != "client_id_alias" {
        let err = serde_json::from_str::<T>(r#"{"client_id_alias":"ab","ttl":7,"kept_AsIs":true}"#)
            .unwrap_err();
        assert!(err.to_string().contains("missing required field"), "{err}");
    }
}

#[test]
fn rename_all_applies_each_of_the_eight_cases() {
    check_case(
        Lower::sample(),
        Lower {
            client_id_alias: "abc".into(),
            ..Lower::sample()
        },
        ["client_id_alias", "ttl"],
    );
    check_case(
        Upper::sample(),
        Upper {
            client_id_alias: "abc".into(),
            ..Upper::sample()
        },
        ["CLIENT_ID_ALIAS", "TTL"],
    );
    check_case(
        Pascal::sample(),
        Pascal {
            client_id_alias: "abc".into(),
            ..Pascal::sample()
        },
        ["ClientIdAlias", "Ttl"],
    );
    check_case(
        Camel::sample(),
        Camel {
            client_id_alias: "abc".into(),
            ..Camel::sample()
        },
        ["clientIdAlias", "ttl"],
    );
    check_case(
        Snake::sample(),
        Snake {
            client_id_alias: "abc".into(),
            ..Snake::sample()
        },
        ["client_id_alias", "ttl"],
    );
    check_case(
        ScreamingSnake::sample(),
        ScreamingSnake {
            client_id_alias: "abc".into(),
            ..ScreamingSnake::sample()
        },
        ["CLIENT_ID_ALIAS", "TTL"],
    );
    check_case(
        Kebab::sample(),
        Kebab {
            client_id_alias: "abc".into(),
            ..Kebab::sample()
        },
        ["client-id-alias", "ttl"],
    );
    check_case(
        ScreamingKebab::sample(),
        ScreamingKebab {
            client_id_alias: "abc".into(),
            ..ScreamingKebab::sample()
        },
        ["CLIENT-ID-ALIAS", "TTL"],
    );
}

#[derive(Debug, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct RawIdents {
    r#type: String,
    r#match_all: u8,
    token_ttl_2: u8,
}

#[test]
fn raw_identifiers_and_digits_follow_serde_naming() {
    // As serde does: the `r#` prefix is not part of the name; a digit stays in its word.
    let v: RawIdents =
        serde_json::from_str(r#"{"type": "t", "matchAll": 1, "tokenTtl2": 2}"#).unwrap();
    assert_eq!(
        v,
        RawIdents {
            r#type: "t".into(),
            r#match_all: 1,
            token_ttl_2: 2
        }
    );
    assert_eq!(
        serde_json::to_string(&v).unwrap(),
        r#"{"type":"t","matchAll":1,"tokenTtl2":2}"#
    );
}

// ---------------------------------------------------------------------------------------------
// deny_unknown_fields

#[derive(Debug, PartialEq, Model)]
#[model(deny_unknown_fields)]
struct Strict {
    name: String,
    count: Option<u32>,
}

#[derive(Debug, PartialEq, Model)]
struct Lenient {
    name: String,
    count: Option<u32>,
}

#[test]
fn unknown_fields_are_refused_only_under_deny_unknown_fields() {
    let json = r#"{"name": "n", "surplus": {"deep": [1, {"x": null}], "s": "\u0000"}, "count": 2}"#;
    let lenient: Lenient = serde_json::from_str(json).unwrap();
    assert_eq!(
        lenient,
        Lenient {
            name: "n".into(),
            count: Some(2)
        }
    );
    assert!(from_json::<Lenient>(json).is_ok());

    let err = serde_json::from_str::<Strict>(json).unwrap_err();
    let text = err.to_string();
    assert!(text.contains("unknown field `surplus`"), "{text}");
    // The error says which names are known.
    assert!(
        text.contains("`name`") && text.contains("`count`"),
        "{text}"
    );

    let errors = from_json::<Strict>(json).unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/surplus", "unknown_field")]));

    // Known fields alone are fine, in any order.
    let strict: Strict = serde_json::from_str(r#"{"count": null, "name": "n"}"#).unwrap();
    assert_eq!(
        strict,
        Strict {
            name: "n".into(),
            count: None
        }
    );
}

#[test]
fn deny_unknown_fields_matches_names_exactly() {
    for near in ["Name", "name ", "nam", "names", "NAME"] {
        let json = format!(r#"{{"name": "n", {}: 1}}"#, json_str(near));
        assert!(serde_json::from_str::<Strict>(&json).is_err(), "{near:?}");
        assert!(serde_json::from_str::<Lenient>(&json).is_ok(), "{near:?}");
    }
}

// ---------------------------------------------------------------------------------------------
// default

#[derive(Debug, Clone, Default, PartialEq, Model)]
struct Inner {
    #[model(max_len = 3)]
    code: String,
}

#[derive(Debug, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct WithDefaults {
    #[model(default)]
    retries: u32,
    #[model(default, max_len = 2)]
    tags: Vec<String>,
    #[model(default)]
    label: String,
    #[model(default)]
    enabled: bool,
    #[model(default)]
    inner: Inner,
    #[model(default)]
    maybe: Option<i8>,
    required_too: u8,
}

#[test]
fn default_fills_a_missing_field() {
    let v: WithDefaults = serde_json::from_str(r#"{"requiredToo": 1}"#).unwrap();
    assert_eq!(
        v,
        WithDefaults {
            retries: 0,
            tags: Vec::new(),
            label: String::new(),
            enabled: false,
            inner: Inner::default(),
            maybe: None,
            required_too: 1,
        }
    );
    assert!(from_json::<WithDefaults>(r#"{"requiredToo": 1}"#).is_ok());
    // A field without `default` is still required.
    let err = serde_json::from_str::<WithDefaults>("{}").unwrap_err();
    assert!(
        err.to_string()
            .contains("/requiredToo: missing required field"),
        "{err}"
    );
    let errors = from_json::<WithDefaults>("{}").unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/requiredToo", "required")]));
}

#[test]
fn default_does_not_override_a_present_value_nor_its_rules() {
    let v: WithDefaults = serde_json::from_str(
        r#"{"retries": 5, "tags": ["a"], "label": "l", "enabled": true, "inner": {"code": "abc"}, "maybe": -1, "requiredToo": 1}"#,
    )
    .unwrap();
    assert_eq!(v.retries, 5);
    assert_eq!(v.tags, ["a"]);
    assert_eq!(v.label, "l");
    assert!(v.enabled);
    assert_eq!(v.inner.code, "abc");
    assert_eq!(v.maybe, Some(-1));

    let err =
        serde_json::from_str::<WithDefaults>(r#"{"tags": ["a", "b", "c"], "requiredToo": 1}"#)
            .unwrap_err();
    assert!(err.to_string().starts_with("/tags: max_len: "), "{err}");
    let err =
        serde_json::from_str::<WithDefaults>(r#"{"inner": {"code": "abcd"}, "requiredToo": 1}"#)
            .unwrap_err();
    assert!(
        err.to_string().starts_with("/inner/code: max_len: "),
        "{err}"
    );
    // `default` is about absence: `null` is not a value for a non-`Option` field.
    let err =
        serde_json::from_str::<WithDefaults>(r#"{"retries": null, "requiredToo": 1}"#).unwrap_err();
    assert!(err.to_string().contains("/retries"), "{err}");
}

#[test]
fn default_fields_are_written() {
    let v: WithDefaults = serde_json::from_str(r#"{"requiredToo": 1}"#).unwrap();
    assert_eq!(
        serde_json::to_string(&v).unwrap(),
        r#"{"retries":0,"tags":[],"label":"","enabled":false,"inner":{"code":""},"requiredToo":1}"#
    );
}

// ---------------------------------------------------------------------------------------------
// charset

#[derive(Debug, PartialEq, Model)]
struct Charsets {
    #[model(charset = "a-f0-3")]
    ranges: Option<String>,
    #[model(charset = "-x")]
    dash_first: Option<String>,
    #[model(charset = "x-")]
    dash_last: Option<String>,
    #[model(charset = "\\\\\\-\\]\\[\\^")]
    escapes: Option<String>,
    #[model(charset = "\\n\\r\\t ")]
    whitespace: Option<String>,
    #[model(charset = "\\u{E9}\\u{41}-\\u{43}")]
    unicode_escapes: Option<String>,
    #[model(charset = "α-ωé")]
    non_ascii: Option<String>,
    #[model(charset = "😀-😂\\u{10FFFF}a")]
    non_bmp: Option<String>,
    #[model(charset = "\\u{0}-\\u{1F}")]
    controls: Option<String>,
}

impl Charsets {
    fn none() -> Self {
        Charsets {
            ranges: None,
            dash_first: None,
            dash_last: None,
            escapes: None,
            whitespace: None,
            unicode_escapes: None,
            non_ascii: None,
            non_bmp: None,
            controls: None,
        }
    }
}

/// Checks that field `wire` of `Charsets` accepts each of `good` and refuses each of `bad`,
/// alone and among accepted characters, when reading, validating and through `from_json`.
fn check_charset(wire: &str, set: fn(&mut Charsets, String), good: &[char], bad: &[char]) {
    let all: String = good.iter().collect();
    for s in good.iter().map(|c| c.to_string()).chain([all.clone()]) {
        let json = format!("{{\"{wire}\": {}}}", json_str(&s));
        let v: Charsets =
            serde_json::from_str(&json).unwrap_or_else(|e| panic!("{wire}: {s:?} refused: {e}"));
        assert_eq!(v.validate(), Ok(()), "{wire}: {s:?}");
        let mut built = Charsets::none();
        set(&mut built, s.clone());
        assert_eq!(v, built);
        assert!(from_json::<Charsets>(&json).is_ok(), "{wire}: {s:?}");
    }
    for &c in bad {
        for s in [c.to_string(), format!("{all}{c}"), format!("{c}{all}")] {
            let json = format!("{{\"{wire}\": {}}}", json_str(&s));
            let err = serde_json::from_str::<Charsets>(&json).unwrap_err();
            assert!(
                err.to_string()
                    .starts_with(&format!("/{wire}: charset: must contain only ")),
                "{wire}: {s:?}: {err}"
            );
            let mut built = Charsets::none();
            set(&mut built, s.clone());
            let errors = built.validate().unwrap_err();
            let path = format!("/{wire}");
            assert_eq!(
                found(&errors),
                pairs(&[(&path, "charset")]),
                "{wire}: {s:?}"
            );
            let errors = from_json::<Charsets>(&json).unwrap_err();
            assert_eq!(
                found(&errors),
                pairs(&[(&path, "charset")]),
                "{wire}: {s:?}"
            );
        }
    }
}

#[test]
fn charset_ranges_include_both_ends_and_nothing_beyond() {
    check_charset(
        "ranges",
        |v, s| v.ranges = Some(s),
        &['a', 'b', 'e', 'f', '0', '1', '3'],
        &['`', 'g', '/', '4', 'A', 'F', '-', ' '],
    );
}

#[test]
fn charset_dash_first_or_last_is_literal() {
    check_charset(
        "dash_first",
        |v, s| v.dash_first = Some(s),
        &['-', 'x'],
        &['w', 'y', ',', '.'],
    );
    check_charset(
        "dash_last",
        |v, s| v.dash_last = Some(s),
        &['-', 'x'],
        &['w', 'y', ',', '.'],
    );
}

#[test]
fn charset_escapes_stand_for_their_character() {
    check_charset(
        "escapes",
        |v, s| v.escapes = Some(s),
        &['\\', '-', ']', '[', '^'],
        &['Z', '_', '/', 'n'],
    );
    check_charset(
        "whitespace",
        |v, s| v.whitespace = Some(s),
        &['\n', '\r', '\t', ' '],
        &['n', 'r', 't', '\\', '\u{B}', '\u{C}', '\u{A0}'],
    );
}

#[test]
fn charset_unicode_escapes_and_literal_non_ascii_characters() {
    check_charset(
        "unicode_escapes",
        |v, s| v.unicode_escapes = Some(s),
        &['é', 'A', 'B', 'C'],
        &['e', 'E', 'É', 'D', '@', 'u', '{'],
    );
    // The Greek small letters α (U+03B1) to ω (U+03C9), and é.
    let greek: Vec<char> = ('α'..='ω').chain(['é']).collect();
    check_charset(
        "non_ascii",
        |v, s| v.non_ascii = Some(s),
        &greek,
        &['\u{3B0}', '\u{3CA}', 'Ω', 'a', 'e', 'è'],
    );
}

#[test]
fn charset_non_bmp_characters() {
    check_charset(
        "non_bmp",
        |v, s| v.non_bmp = Some(s),
        &['😀', '😁', '😂', '\u{10FFFF}', 'a'],
        &['😃', '\u{1F5FF}', '\u{10FFFE}', '\u{FFFF}', 'b'],
    );
}

#[test]
fn charset_control_characters() {
    let controls: Vec<char> = ('\u{0}'..='\u{1F}').collect();
    check_charset(
        "controls",
        |v, s| v.controls = Some(s),
        &controls,
        &[' ', '\u{7F}', 'a'],
    );
}

#[test]
fn the_empty_string_matches_any_charset() {
    let v: Charsets = serde_json::from_str(r#"{"ranges": "", "non_bmp": ""}"#).unwrap();
    assert_eq!(v.validate(), Ok(()));
}

#[derive(Debug, Model)]
struct Alphabet {
    #[model(charset = "A-Za-z0-9_-")]
    id: String,
}

#[test]
fn charset_messages_list_the_allowed_characters() {
    let errors = Alphabet { id: "a b".into() }.validate().unwrap_err();
    assert_eq!(messages(&errors), ["must contain only A-Z a-z 0-9 _ -"]);
    let err = serde_json::from_str::<Alphabet>(r#"{"id": "a.b"}"#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("/id: charset: must contain only A-Z a-z 0-9 _ -"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// min_len and max_len

#[derive(Debug, Clone, PartialEq, Model)]
struct Lengths {
    #[model(min_len = 2, max_len = 4)]
    text: String,
    #[model(min_len = 1, max_len = 3)]
    items: Vec<u8>,
    #[model(min_len = 2, max_len = 2)]
    maybe_text: Option<String>,
    #[model(min_len = 1, max_len = 2)]
    maybe_items: Option<Vec<String>>,
    #[model(max_len = 1)]
    // A boxed string is a supported field type, tested as such.
    #[allow(clippy::box_collection)]
    boxed: Box<String>,
    #[model(min_len = 1)]
    only_min: String,
    #[model(max_len = 0)]
    always_empty: Vec<bool>,
}

fn lengths() -> Lengths {
    Lengths {
        text: "ab".into(),
        items: vec![1],
        maybe_text: None,
        maybe_items: None,
        boxed: Box::new(String::new()),
        only_min: "x".into(),
        always_empty: Vec::new(),
    }
}

#[test]
fn string_lengths_count_unicode_scalar_values() {
    // (text, characters): bytes differ from characters for all but the first.
    let cases: [(&str, usize); 9] = [
        ("ab", 2),
        ("éé", 2),
        ("€€€€", 4),
        ("😀😀", 2),
        ("😀😀😀😀", 4),
        // `e` followed by a combining acute accent: two scalar values, one grapheme.
        ("e\u{301}", 2),
        ("a", 1),
        ("😀", 1),
        ("abcde", 5),
    ];
    for (text, chars) in cases {
        assert_eq!(text.chars().count(), chars);
        let ok = (2..=4).contains(&chars);
        let v = Lengths {
            text: text.into(),
            ..lengths()
        };
        let json = serde_json::to_string(&v).unwrap();
        let read = serde_json::from_str::<Lengths>(&json);
        let validated = v.validate();
        let collected = from_json::<Lengths>(&json);
        if ok {
            assert_eq!(read.unwrap(), v, "{text:?}");
            assert_eq!(validated, Ok(()), "{text:?}");
            assert!(collected.is_ok(), "{text:?}");
        } else {
            let (code, message) = if chars < 2 {
                (
                    "min_len",
                    format!("must be at least 2 characters long, got {chars}"),
                )
            } else {
                (
                    "max_len",
                    format!("must be at most 4 characters long, got {chars}"),
                )
            };
            let err = read.unwrap_err().to_string();
            assert!(
                err.starts_with(&format!("/text: {code}: ")),
                "{text:?}: {err}"
            );
            let errors = validated.unwrap_err();
            assert_eq!(found(&errors), pairs(&[("/text", code)]), "{text:?}");
            assert_eq!(messages(&errors), [message], "{text:?}");
            assert_eq!(found(&collected.unwrap_err()), pairs(&[("/text", code)]));
        }
    }
}

#[test]
fn length_messages_use_the_singular_for_one() {
    let errors = Lengths {
        only_min: String::new(),
        items: Vec::new(),
        ..lengths()
    }
    .validate()
    .unwrap_err();
    assert_eq!(
        messages(&errors),
        [
            "must have at least 1 item, got 0",
            "must be at least 1 character long, got 0"
        ]
    );
    let errors = Lengths {
        boxed: Box::new("ab".into()),
        ..lengths()
    }
    .validate()
    .unwrap_err();
    assert_eq!(
        messages(&errors),
        ["must be at most 1 character long, got 2"]
    );
}

#[test]
fn vec_lengths_count_items() {
    for n in 0..6usize {
        let items: Vec<u8> = (0..n as u8).collect();
        let v = Lengths {
            items: items.clone(),
            ..lengths()
        };
        let json = serde_json::to_string(&v).unwrap();
        let read = serde_json::from_str::<Lengths>(&json);
        match n {
            1..=3 => {
                assert_eq!(read.unwrap().items, items);
                assert_eq!(v.validate(), Ok(()));
            }
            0 => {
                assert!(
                    read.unwrap_err()
                        .to_string()
                        .starts_with("/items: min_len: must have at least 1 item")
                );
                let errors = v.validate().unwrap_err();
                assert_eq!(found(&errors), pairs(&[("/items", "min_len")]));
                assert_eq!(messages(&errors), ["must have at least 1 item, got 0"]);
            }
            _ => {
                assert!(
                    read.unwrap_err()
                        .to_string()
                        .starts_with("/items: max_len: must have at most 3 items")
                );
                let errors = v.validate().unwrap_err();
                assert_eq!(found(&errors), pairs(&[("/items", "max_len")]));
                assert_eq!(
                    messages(&errors),
                    [format!("must have at most 3 items, got {n}")]
                );
            }
        }
    }
    // An array of long strings counts as its items, not its characters.
    let v = Lengths {
        maybe_items: Some(vec!["a very long string".into(), "another".into()]),
        ..lengths()
    };
    assert_eq!(v.validate(), Ok(()));
    let v = Lengths {
        maybe_items: Some(vec!["a".into(), "b".into(), "c".into()]),
        ..lengths()
    };
    assert_eq!(
        found(&v.validate().unwrap_err()),
        pairs(&[("/maybe_items", "max_len")])
    );
    let v = Lengths {
        maybe_items: Some(Vec::new()),
        ..lengths()
    };
    assert_eq!(
        found(&v.validate().unwrap_err()),
        pairs(&[("/maybe_items", "min_len")])
    );
    let v = Lengths {
        always_empty: vec![true],
        ..lengths()
    };
    assert_eq!(
        messages(&v.validate().unwrap_err()),
        ["must have at most 0 items, got 1"]
    );
}

#[test]
fn lengths_apply_to_a_present_option_only() {
    assert_eq!(lengths().validate(), Ok(()));
    let v: Lengths = serde_json::from_str(
        r#"{"text": "ab", "items": [1], "maybe_text": null, "maybe_items": null, "boxed": "", "only_min": "x", "always_empty": []}"#,
    )
    .unwrap();
    assert_eq!(v, lengths());
    for (text, ok) in [("é😀", true), ("a", false), ("abc", false), ("", false)] {
        let v = Lengths {
            maybe_text: Some(text.into()),
            ..lengths()
        };
        assert_eq!(v.validate().is_ok(), ok, "{text:?}");
        let read = serde_json::from_str::<Lengths>(&serde_json::to_string(&v).unwrap());
        assert_eq!(read.is_ok(), ok, "{text:?}");
    }
}

#[test]
fn a_boxed_string_is_counted_like_a_string() {
    let err = serde_json::from_str::<Lengths>(
        r#"{"text": "ab", "items": [1], "boxed": "é😀", "only_min": "x", "always_empty": []}"#,
    )
    .unwrap_err();
    assert!(err.to_string().starts_with("/boxed: max_len: "), "{err}");
    let v: Lengths = serde_json::from_str(
        r#"{"text": "ab", "items": [1], "boxed": "😀", "only_min": "x", "always_empty": []}"#,
    )
    .unwrap();
    assert_eq!(*v.boxed, "😀");
}

// ---------------------------------------------------------------------------------------------
// min and max

#[derive(Debug, Clone, PartialEq, Model)]
struct Bounds {
    #[model(min = 1, max = 3600)]
    ttl: u32,
    #[model(min = -10, max = -1)]
    negative: i32,
    #[model(min = -128, max = 127)]
    full_range: i8,
    #[model(min = -0.5, max = 2.5)]
    ratio: f64,
    #[model(min = 0)]
    non_negative: f32,
    #[model(max = 10)]
    maybe: Option<u16>,
    #[model(items(min = 2, max = 4))]
    each: Vec<i64>,
}

fn bounds() -> Bounds {
    Bounds {
        ttl: 1,
        negative: -10,
        full_range: -128,
        ratio: -0.5,
        non_negative: 0.0,
        maybe: None,
        each: Vec::new(),
    }
}

#[test]
fn integer_bounds_are_inclusive() {
    for (ttl, ok) in [
        (0u32, false),
        (1, true),
        (2, true),
        (3599, true),
        (3600, true),
        (3601, false),
        (u32::MAX, false),
    ] {
        let v = Bounds { ttl, ..bounds() };
        let read = serde_json::from_str::<Bounds>(&serde_json::to_string(&v).unwrap());
        assert_eq!(read.is_ok(), ok, "{ttl}");
        assert_eq!(v.validate().is_ok(), ok, "{ttl}");
    }
    let errors = Bounds { ttl: 0, ..bounds() }.validate().unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/ttl", "min")]));
    assert_eq!(messages(&errors), ["must be at least 1, got 0"]);
    let errors = Bounds {
        ttl: 3601,
        ..bounds()
    }
    .validate()
    .unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/ttl", "max")]));
    assert_eq!(messages(&errors), ["must be at most 3600, got 3601"]);
    let err = serde_json::from_str::<Bounds>(
        r#"{"ttl": 3601, "negative": -1, "full_range": 0, "ratio": 0, "non_negative": 0, "each": []}"#,
    )
    .unwrap_err();
    assert!(
        err.to_string()
            .starts_with("/ttl: max: must be at most 3600"),
        "{err}"
    );
}

#[test]
fn negative_bounds() {
    for (negative, ok) in [
        (-11, false),
        (-10, true),
        (-5, true),
        (-1, true),
        (0, false),
        (i32::MIN, false),
    ] {
        let v = Bounds {
            negative,
            ..bounds()
        };
        let read = serde_json::from_str::<Bounds>(&serde_json::to_string(&v).unwrap());
        assert_eq!(read.is_ok(), ok, "{negative}");
        assert_eq!(v.validate().is_ok(), ok, "{negative}");
    }
    assert_eq!(
        messages(
            &Bounds {
                negative: -11,
                ..bounds()
            }
            .validate()
            .unwrap_err()
        ),
        ["must be at least -10, got -11"]
    );
    assert_eq!(
        messages(
            &Bounds {
                negative: 0,
                ..bounds()
            }
            .validate()
            .unwrap_err()
        ),
        ["must be at most -1, got 0"]
    );
    // Bounds equal to the type's own range accept every value of the type.
    for full_range in [i8::MIN, -1, 0, i8::MAX] {
        assert_eq!(
            Bounds {
                full_range,
                ..bounds()
            }
            .validate(),
            Ok(())
        );
    }
}

#[test]
fn float_bounds_are_inclusive() {
    for (ratio, ok) in [
        (-0.5000001, false),
        (-0.5, true),
        (0.0, true),
        (2.5, true),
        (2.5000001, false),
        (f64::INFINITY, false),
        (f64::NEG_INFINITY, false),
    ] {
        let v = Bounds { ratio, ..bounds() };
        assert_eq!(v.validate().is_ok(), ok, "{ratio}");
        if ratio.is_finite() {
            let read = serde_json::from_str::<Bounds>(&serde_json::to_string(&v).unwrap());
            assert_eq!(read.is_ok(), ok, "{ratio}");
        }
    }
    let errors = Bounds {
        ratio: 3.0,
        ..bounds()
    }
    .validate()
    .unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/ratio", "max")]));
    assert_eq!(messages(&errors), ["must be at most 2.5, got 3"]);
    let errors = Bounds {
        non_negative: -0.25,
        ..bounds()
    }
    .validate()
    .unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/non_negative", "min")]));
    // Negative zero equals zero.
    assert_eq!(
        Bounds {
            non_negative: -0.0,
            ..bounds()
        }
        .validate(),
        Ok(())
    );
}

#[derive(Debug, Clone, PartialEq, Model)]
struct SingleBounds {
    #[model(min = 0.1, max = 0.7)]
    ratio: f32,
}

#[test]
fn f32_bounds_are_the_written_decimal() {
    // The bound is the f32 nearest the literal, so the literal itself passes.
    for ok in [0.1f32, 0.7, 0.4] {
        assert_eq!(SingleBounds { ratio: ok }.validate(), Ok(()), "{ok}");
        let json = format!(r#"{{"ratio": {ok}}}"#);
        assert!(
            serde_json::from_str::<SingleBounds>(&json).is_ok(),
            "{json}"
        );
    }
    // Messages give the bound as written in the attribute, not its f64 widening
    // (0.10000000149011612).
    let errors = SingleBounds { ratio: 0.05 }.validate().unwrap_err();
    assert_eq!(messages(&errors), ["must be at least 0.1, got 0.05"]);
    let errors = SingleBounds { ratio: 0.8 }.validate().unwrap_err();
    assert_eq!(messages(&errors), ["must be at most 0.7, got 0.8"]);
    let err = serde_json::from_str::<SingleBounds>(r#"{"ratio": 0.05}"#).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("/ratio: min: must be at least 0.1 at "),
        "{err}"
    );
}

#[test]
fn nan_breaks_every_bound() {
    let errors = Bounds {
        ratio: f64::NAN,
        ..bounds()
    }
    .validate()
    .unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[("/ratio", "min"), ("/ratio", "max")])
    );
    let errors = Bounds {
        non_negative: f32::NAN,
        ..bounds()
    }
    .validate()
    .unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/non_negative", "min")]));
}

#[test]
fn bounds_apply_to_a_present_option_and_to_each_item() {
    assert_eq!(
        Bounds {
            maybe: Some(10),
            ..bounds()
        }
        .validate(),
        Ok(())
    );
    let errors = Bounds {
        maybe: Some(11),
        ..bounds()
    }
    .validate()
    .unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/maybe", "max")]));

    let v = Bounds {
        each: vec![2, 1, 4, 5, 3, -7],
        ..bounds()
    };
    let errors = v.validate().unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[("/each/1", "min"), ("/each/3", "max"), ("/each/5", "min")])
    );
    let err = serde_json::from_str::<Bounds>(&serde_json::to_string(&v).unwrap()).unwrap_err();
    assert!(
        err.to_string()
            .starts_with("/each/1: min: must be at least 2"),
        "{err}"
    );
}

// ---------------------------------------------------------------------------------------------
// secret

#[derive(Debug, Clone, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Credentials {
    user_name: String,
    #[model(charset = "a-z", min_len = 4, max_len = 12)]
    password: Secret<String>,
    api_key: Option<Secret<String>>,
    #[model(max_len = 2)]
    backup_codes: Vec<Secret<String>>,
}

#[test]
fn secret_values_stay_out_of_debug() {
    let v = Credentials {
        user_name: "visible-user".into(),
        password: Secret::new("hiddenpass".into()),
        api_key: Some(Secret::new("hidden-key".into())),
        backup_codes: vec![Secret::new("hidden-code".into())],
    };
    for debug in [format!("{v:?}"), format!("{v:#?}")] {
        assert!(debug.contains("visible-user"), "{debug}");
        assert!(!debug.contains("hidden"), "{debug}");
        assert!(debug.contains("[redacted]"), "{debug}");
    }
    assert_eq!(v.validate(), Ok(()));
    // A request must carry it: it is written as the plain value.
    assert_eq!(
        serde_json::to_string(&v).unwrap(),
        r#"{"userName":"visible-user","password":"hiddenpass","apiKey":"hidden-key","backupCodes":["hidden-code"]}"#
    );
}

#[test]
fn secret_fields_follow_their_rules_without_quoting_the_value() {
    let bad = [
        ("HiddenPass", "charset"),
        ("hid", "min_len"),
        ("hiddenpasswordvalue", "max_len"),
    ];
    for (password, code) in bad {
        let json = format!(r#"{{"userName": "u", "password": "{password}", "backupCodes": []}}"#);
        let err = serde_json::from_str::<Credentials>(&json).unwrap_err();
        let text = err.to_string();
        assert!(text.starts_with(&format!("/password: {code}: ")), "{text}");
        assert!(!text.contains(password), "{text}");

        let v = Credentials {
            user_name: "u".into(),
            password: Secret::new(password.into()),
            api_key: None,
            backup_codes: Vec::new(),
        };
        let errors = v.validate().unwrap_err();
        assert_eq!(found(&errors), pairs(&[("/password", code)]));
        assert!(!errors.to_string().contains(password));
        assert!(!serde_json::to_string(&errors).unwrap().contains(password));

        let errors = from_json::<Credentials>(&json).unwrap_err();
        assert_eq!(found(&errors), pairs(&[("/password", code)]));
        assert!(!errors.to_string().contains(password));
    }
}

#[test]
fn optional_secrets_may_be_absent_or_null() {
    for json in [
        r#"{"userName": "u", "password": "abcd", "backupCodes": []}"#,
        r#"{"userName": "u", "password": "abcd", "apiKey": null, "backupCodes": []}"#,
    ] {
        let v: Credentials = serde_json::from_str(json).unwrap();
        assert_eq!(v.api_key, None);
        assert_eq!(
            serde_json::to_string(&v).unwrap(),
            r#"{"userName":"u","password":"abcd","backupCodes":[]}"#
        );
    }
    let err = serde_json::from_str::<Credentials>(
        r#"{"userName": "u", "password": "abcd", "backupCodes": ["a", "b", "c"]}"#,
    )
    .unwrap_err();
    assert!(
        err.to_string().starts_with("/backupCodes: max_len: "),
        "{err}"
    );
}

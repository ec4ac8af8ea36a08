//! What the generator writes for each keyword it reads, and where and why it refuses each one it
//! cannot express: small documents, the exact lines they must produce, and the refusal notes
//! (or warnings, with `lossy`) with their JSON Pointers. A few expected schemas are compared
//! with values written by hand from the normalisation rules (`src/expect.rs`).

use authlete_models_codegen::{Document, Options, Output, generate, header};
use serde_json::{Value, json};

const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

fn run(doc: Value) -> Output {
    generate(
        &Document::new(doc, "Root").expect("a document"),
        &Options::default(),
    )
}

fn run_lossy(doc: Value) -> Output {
    let options = Options {
        lossy: true,
        ..Default::default()
    };
    generate(&Document::new(doc, "Root").expect("a document"), &options)
}

/// From JSON text, whose member order the generator keeps.
fn run_text(text: &str) -> Output {
    generate(
        &Document::parse(text, "Root").expect("a document"),
        &Options::default(),
    )
}

/// A document whose one type `A` has the one optional member `x`.
fn member(schema: Value) -> Value {
    json!({"$defs": {"A": {"type": "object", "properties": {"x": schema}}}})
}

/// A document whose one type `A` has the one required member `x`.
fn required_member(schema: Value) -> Value {
    json!({"$defs": {"A": {"type": "object", "properties": {"x": schema}, "required": ["x"]}}})
}

/// Nothing refused, and every snippet in the code.
#[track_caller]
fn has(out: &Output, snippets: &[&str]) {
    assert!(out.refused.is_empty(), "refused: {:#?}", out.refused);
    for s in snippets {
        assert!(
            out.code.contains(s),
            "missing:\n{s}\n--- in ---\n{}",
            out.code
        );
    }
}

/// The optional member `x` of `schema` is written as `lines` (its attribute and field lines).
#[track_caller]
fn member_is(schema: Value, lines: &str) {
    has(&run(member(schema)), &[lines]);
}

/// A refusal at exactly `pointer` whose message holds `why`.
#[track_caller]
fn refuses(out: &Output, pointer: &str, why: &str) {
    assert!(
        out.refused
            .iter()
            .any(|n| n.pointer == pointer && n.message.contains(why)),
        "no refusal at {pointer} saying {why:?}: {:#?}",
        out.refused
    );
}

/// A warning at exactly `pointer` whose message holds `why`.
#[track_caller]
fn warns(out: &Output, pointer: &str, why: &str) {
    assert!(
        out.warnings
            .iter()
            .any(|n| n.pointer == pointer && n.message.contains(why)),
        "no warning at {pointer} saying {why:?}: {:#?}",
        out.warnings
    );
}

/// The type `A` of `doc` is refused at `pointer`, saying `why`, and not written.
#[track_caller]
fn a_refused(doc: Value, pointer: &str, why: &str) {
    let out = run(doc);
    refuses(&out, pointer, why);
    assert!(
        !out.types.iter().any(|t| t.name == "A"),
        "A was generated: {}",
        out.code
    );
    assert!(!out.code.contains("pub struct A"), "{}", out.code);
}

/// The member `x` of `schema` makes `A` refused at `x`'s pointer followed by `rel`.
#[track_caller]
fn member_refused(schema: Value, rel: &str, why: &str) {
    a_refused(member(schema), &format!("#/$defs/A/properties/x{rel}"), why);
}

/// With `lossy`, the member `x` of `schema` is generated, with a warning at `x`'s pointer
/// followed by `rel` saying `why` and that it was dropped.
#[track_caller]
fn member_lossy(schema: Value, rel: &str, why: &str) -> Output {
    let out = run_lossy(member(schema.clone()));
    assert!(out.refused.is_empty(), "refused: {:#?}", out.refused);
    let pointer = format!("#/$defs/A/properties/x{rel}");
    warns(&out, &pointer, why);
    warns(&out, &pointer, "; dropped (lossy)");
    assert!(out.code.contains("pub struct A {"), "{}", out.code);
    // Without `lossy`, the same note is a refusal.
    member_refused(schema, rel, why);
    out
}

fn expected(out: &Output, name: &str) -> Value {
    out.types
        .iter()
        .find(|t| t.name == name)
        .unwrap_or_else(|| panic!("no type {name}: {:?}", out.refused))
        .expected
        .clone()
        .unwrap_or_else(|| panic!("{name} has no expected schema"))
}

// Strings.

#[test]
fn string_lengths_and_a_class_pattern_are_charset_min_len_and_max_len() {
    has(
        &run(required_member(json!({
            "type": "string", "minLength": 1, "maxLength": 86, "pattern": "^[A-Za-z0-9_-]*$"
        }))),
        &[r#"#[derive(Clone, Debug, PartialEq, Eq, Model)]
pub struct A {
    #[model(charset = "A-Za-z0-9\\-_", min_len = 1, max_len = 86)]
    pub x: String,
}
"#],
    );
}

#[test]
fn a_minimum_of_zero_and_unique_false_say_nothing() {
    has(
        &run(member(json!({"type": "string", "minLength": 0}))),
        &["pub struct A {\n    #[model(not_null)]\n    pub x: Option<String>,\n}\n"],
    );
    let out = run(member(json!({
        "type": "array", "items": {"type": "string"}, "minItems": 0, "uniqueItems": false
    })));
    has(
        &out,
        &["pub struct A {\n    #[model(not_null)]\n    pub x: Option<Vec<String>>,\n}\n"],
    );
    assert!(
        !out.code.contains("min_len") && !out.code.contains("unique"),
        "{}",
        out.code
    );
}

#[test]
fn class_patterns_are_written_as_charsets() {
    for (pattern, charset) in [
        (r"^[\u0020-\u007E]*$", r#"charset = " -~""#),
        (r"^[\w.]*$", r#"charset = "A-Za-z0-9._""#),
        ("^[a-b]*$", r#"charset = "ab""#),
        ("^[a-zé]*$", r#"charset = "a-zé""#),
        (r"^[a\n]*$", r#"charset = "a\\n""#),
        (r"^[\-a]*$", r#"charset = "a\\-""#),
        ("^[-a]*$", r#"charset = "a\\-""#),
        ("^[a-]*$", r#"charset = "a\\-""#),
        (r"^[\uD83D\uDE00a]*$", r#"charset = "a😀""#),
    ] {
        member_is(
            json!({"type": "string", "pattern": pattern}),
            &format!("    #[model({charset}, not_null)]\n    pub x: Option<String>,\n"),
        );
    }
}

#[test]
fn other_patterns_are_written_as_pattern_as_the_document_writes_them() {
    for (pattern, attr) in [
        ("^[a-z]+$", r#"pattern = "^[a-z]+$""#),
        ("[a-z]*", r#"pattern = "[a-z]*""#),
        ("^[^a]*$", r#"pattern = "^[^a]*$""#),
        ("^[a-z]+(-[a-z]+)*$", r#"pattern = "^[a-z]+(-[a-z]+)*$""#),
        ("^[]*$", r#"pattern = "^[]*$""#),
        // A backslash or a quote: a raw string, with as many `#` as it takes.
        (r"^[\s]*$", r#"pattern = r"^[\s]*$""#),
        (r"^\w+@\w+$", r#"pattern = r"^\w+@\w+$""#),
        (r#"say "hi""#, r##"pattern = r#"say "hi""#"##),
        (r##"x"#\d"##, r###"pattern = r##"x"#\d"##"###),
        // A character a raw string would hide: escaped.
        ("\t\\d", r#"pattern = "\t\\d""#),
        ("\u{202e}a", r#"pattern = "\u{202e}a""#),
    ] {
        let out = run(member(json!({"type": "string", "pattern": pattern})));
        has(
            &out,
            &[&format!(
                "    #[model({attr}, not_null)]\n    pub x: Option<String>,\n"
            )],
        );
        assert_eq!(out.features, ["pattern"]);
        // The expected schema holds the pattern as written.
        assert_eq!(
            expected(&out, "A")["properties"]["x"],
            json!({"type": "string", "pattern": pattern})
        );
    }
}

#[test]
fn escapes_that_need_none_are_written_plain() {
    // `\:` and `\#` stand for `:` and `#` without the Unicode flag, and are refused with it,
    // as the derive compiles patterns: written plain, in the code and in the schema.
    let out = run(member(
        json!({"type": "string", "pattern": r"^[^\/~\^\: \]]+\#\d$"}),
    ));
    has(
        &out,
        &[r#"    #[model(pattern = r"^[^\/~\^: \]]+#\d$", not_null)]"#],
    );
    assert_eq!(
        expected(&out, "A")["properties"]["x"]["pattern"],
        json!(r"^[^\/~\^: \]]+#\d$")
    );
    // As the charset of a whole string.
    member_is(
        json!({"type": "string", "pattern": r"^[a-z\:]*$"}),
        "    #[model(charset = \"a-z:\", not_null)]\n    pub x: Option<String>,\n",
    );
}

#[test]
fn a_pattern_keeps_its_place_among_the_other_string_rules() {
    member_is(
        json!({
            "type": "string", "minLength": 2, "maxLength": 9, "pattern": "^AC[0-9a-f]+$",
            "format": "password"
        }),
        r#"    #[model(pattern = "^AC[0-9a-f]+$", min_len = 2, max_len = 9, not_null)]
    pub x: Option<Secret<String>>,
"#,
    );
    member_is(
        json!({"type": ["string", "null"], "pattern": "^a", "format": "uri", "readOnly": true}),
        r#"    #[model(pattern = "^a", format = "uri", read_only)]
    pub x: Option<String>,
"#,
    );
}

#[test]
fn patterns_of_items_map_values_and_member_names() {
    // (`json!` sorts the members.)
    let out = run(json!({"$defs": {"A": {"type": "object", "properties": {
        "list": {"type": "array", "items": {"type": "string", "pattern": "^\\d+$", "maxLength": 4}},
        "classes": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]*$"}},
        "map": {
            "type": "object",
            "additionalProperties": {"type": "string", "pattern": "x$"},
            "propertyNames": {"pattern": "^[a-z]+(_[a-z]+)*$", "maxLength": 8}
        },
        "names": {
            "type": "object",
            "additionalProperties": {"type": "boolean"},
            "propertyNames": {"pattern": "^[a-z_]*$"}
        }
    }, "required": ["list", "classes", "map", "names"]}}}));
    has(
        &out,
        &[r#"    #[model(items(charset = "a-z"))]
    pub classes: Vec<String>,
    #[model(items(pattern = r"^\d+$", max_len = 4))]
    pub list: Vec<String>,
    #[model(keys(pattern = "^[a-z]+(_[a-z]+)*$", max_len = 8), values(pattern = "x$"))]
    pub map: BTreeMap<String, String>,
    #[model(keys(charset = "a-z_"))]
    pub names: BTreeMap<String, bool>,
"#],
    );
    let a = expected(&out, "A");
    assert_eq!(
        a["properties"]["list"]["items"],
        json!({"type": "string", "pattern": "^\\d+$", "maxLength": 4})
    );
    assert_eq!(
        a["properties"]["classes"]["items"],
        json!({"type": "string", "pattern": "^[a-z]*$"})
    );
    assert_eq!(
        a["properties"]["map"],
        json!({
            "type": "object",
            "additionalProperties": {"type": "string", "pattern": "x$"},
            "propertyNames": {"pattern": "^[a-z]+(_[a-z]+)*$", "maxLength": 8}
        })
    );
    assert_eq!(
        a["properties"]["names"]["propertyNames"],
        json!({"pattern": "^[\\u005Fa-z]*$"})
    );
}

#[test]
fn the_module_names_the_features_it_needs() {
    // None: no pattern, no checked format (a class pattern is a charset).
    let out = run(member(
        json!({"type": "string", "pattern": "^[a-z]*$", "format": "email"}),
    ));
    assert!(out.features.is_empty());
    assert!(!out.code.contains("features"), "{}", out.code);
    // With a header, a line of its own after it.
    let options = Options {
        header: vec!["Line one.".into()],
        check_formats: true,
        ..Default::default()
    };
    let doc = Document::new(
        member(json!({"type": "array", "items": {"type": "string", "format": "email", "pattern": "@"}})),
        "Root",
    )
    .unwrap();
    let out = generate(&doc, &options);
    assert_eq!(out.features, ["pattern", "formats"]);
    assert!(
        out.code.starts_with(
            "//! Line one.\n//!\n//! Needs `authlete-models` with `features = [\"pattern\", \"formats\"]`.\n"
        ),
        "{}",
        out.code
    );
    // Without one, the only line of the doc comment.
    let out = run(member(json!({"type": "string", "pattern": "^a"})));
    assert!(
        out.code
            .starts_with("//! Needs `authlete-models` with `features = [\"pattern\"]`.\n"),
        "{}",
        out.code
    );
    // Plain serde types check nothing, and need nothing.
    let options = Options {
        flavour: authlete_models_codegen::Flavour::SerdeDerive,
        check_formats: true,
        ..Default::default()
    };
    let doc = Document::new(
        member(json!({"type": "string", "format": "email", "pattern": "@"})),
        "Root",
    )
    .unwrap();
    let out = generate(&doc, &options);
    assert!(out.features.is_empty());
    assert!(!out.code.contains("Needs"), "{}", out.code);
}

#[test]
fn check_formats_checks_the_formats_the_derive_knows() {
    let checked = [
        "date-time",
        "date",
        "time",
        "duration",
        "email",
        "hostname",
        "ipv4",
        "ipv6",
        "uri",
        "uri-reference",
        "uuid",
        "json-pointer",
    ];
    assert_eq!(authlete_models_codegen::CHECKED_FORMATS, checked);
    let run_checking = |doc: Value| {
        let options = Options {
            check_formats: true,
            ..Default::default()
        };
        generate(&Document::new(doc, "Root").unwrap(), &options)
    };
    for f in checked {
        let schema = json!({"type": "string", "format": f});
        // Without the flag, an annotation.
        let out = run(member(schema.clone()));
        has(
            &out,
            &[&format!(
                "    #[model(format = {f:?}, not_null)]\n    pub x: Option<String>,\n"
            )],
        );
        assert!(out.features.is_empty());
        // With it, a check; the expected schema is the same.
        let checking = run_checking(member(schema));
        has(
            &checking,
            &[&format!(
                "    #[model(format = {f:?}, check_format, not_null)]\n    pub x: Option<String>,\n"
            )],
        );
        assert_eq!(checking.features, ["formats"]);
        assert_eq!(expected(&checking, "A"), expected(&out, "A"));
    }
    // Other formats stay annotations, strings and numbers alike; a password is a secret.
    let out = run_checking(member(json!({"type": "object", "properties": {
        "regex": {"type": "string", "format": "regex"},
        "iri": {"type": "string", "format": "iri"},
        "n": {"type": "integer", "format": "int32"},
        "f": {"type": "number", "format": "double"},
        "key": {"type": "string", "format": "password"}
    }})));
    has(
        &out,
        &[
            "    #[model(format = \"regex\", not_null)]\n    pub regex: Option<String>,\n",
            "    #[model(format = \"iri\", not_null)]\n    pub iri: Option<String>,\n",
            "    #[model(format = \"int32\", not_null)]\n    pub n: Option<i32>,\n",
            "    #[model(format = \"double\", not_null)]\n    pub f: Option<f64>,\n",
            "    #[model(not_null)]\n    pub key: Option<Secret<String>>,\n",
        ],
    );
    assert!(!out.code.contains("check_format"), "{}", out.code);
    assert!(out.features.is_empty());
    // In items, map values and newtypes too.
    let out = run_checking(json!({"$defs": {
        "A": {"type": "object", "properties": {
            "emails": {"type": "array", "items": {"type": "string", "format": "email"}},
            "hosts": {"type": "object", "additionalProperties": {"type": "string", "format": "hostname"}}
        }},
        "Id": {"type": "string", "format": "uuid", "pattern": "^[0-9a-f-]*$"}
    }}));
    has(
        &out,
        &[
            "    #[model(items(format = \"email\", check_format), not_null)]\n    pub emails: Option<Vec<String>>,\n",
            "    #[model(values(format = \"hostname\", check_format), not_null)]\n    pub hosts: Option<BTreeMap<String, String>>,\n",
            "pub struct Id(#[model(charset = \"a-f0-9\\\\-\", format = \"uuid\", check_format)] pub String);\n",
        ],
    );
}

#[test]
fn format_password_is_a_secret_and_other_formats_are_kept() {
    let out = run_text(
        r#"{"$defs": {"A": {"type": "object", "properties": {
            "uri": {"type": "string", "format": "uri"},
            "secret": {"type": "string", "format": "password", "minLength": 8},
            "key": {"type": "string", "format": "password"}
        }, "required": ["key"]}}}"#,
    );
    has(
        &out,
        &[
            "use authlete_models::{Model, Secret};\n",
            r#"    #[model(format = "uri", not_null)]
    pub uri: Option<String>,
    #[model(min_len = 8, not_null)]
    pub secret: Option<Secret<String>>,
    pub key: Secret<String>,
"#,
        ],
    );
    assert!(!out.code.contains("password"), "{}", out.code);
}

// Numbers and booleans.

#[test]
fn integer_formats_choose_i32_or_i64_and_bounds_are_integers() {
    has(
        &run_text(
            r#"{"$defs": {"A": {"type": "object", "properties": {
                "a": {"type": "integer", "format": "int32", "minimum": -1, "maximum": 10},
                "b": {"type": "integer", "format": "int64", "exclusiveMinimum": 0,
                      "exclusiveMaximum": 100, "multipleOf": 5},
                "c": {"type": "integer"},
                "d": {"type": "integer", "maximum": 9223372036854775807}
            }}}}"#,
        ),
        &[r#"pub struct A {
    #[model(min = -1, max = 10, format = "int32", not_null)]
    pub a: Option<i32>,
    #[model(exclusive_min = 0, exclusive_max = 100, multiple_of = 5, format = "int64", not_null)]
    pub b: Option<i64>,
    #[model(not_null)]
    pub c: Option<i64>,
    #[model(max = 9223372036854775807, not_null)]
    pub d: Option<i64>,
}
"#],
    );
}

#[test]
fn number_bounds_are_floats_and_a_float_takes_eq_away() {
    has(
        &run_text(
            r#"{"$defs": {"A": {"type": "object", "properties": {
                "d": {"type": "number", "minimum": 0, "maximum": 1.5, "multipleOf": 0.5},
                "e": {"type": "number", "exclusiveMinimum": -1, "exclusiveMaximum": 1e2,
                      "format": "double"}
            }}}}"#,
        ),
        &[r#"#[derive(Clone, Debug, PartialEq, Model)]
pub struct A {
    #[model(min = 0.0, max = 1.5, multiple_of = 0.5, not_null)]
    pub d: Option<f64>,
    #[model(exclusive_min = -1.0, exclusive_max = 100.0, format = "double", not_null)]
    pub e: Option<f64>,
}
"#],
    );
}

#[test]
fn booleans() {
    member_is(
        json!({"type": "boolean"}),
        "    #[model(not_null)]\n    pub x: Option<bool>,\n",
    );
    has(
        &run(required_member(json!({"type": "boolean"}))),
        &["    pub x: bool,\n"],
    );
}

#[test]
fn eq_is_derived_unless_a_float_is_held_directly_or_through_another_type() {
    let out = run(json!({"$defs": {
        "F": {"type": "object", "properties": {"x": {"type": "number"}}},
        "G": {"type": "object", "properties": {"f": {"type": "array", "items": {"$ref": "#/$defs/F"}}}},
        "H": {"type": "object", "properties": {"s": {"type": "string"}}}
    }}));
    has(
        &out,
        &[
            "#[derive(Clone, Debug, PartialEq, Model)]\npub struct F {",
            "#[derive(Clone, Debug, PartialEq, Model)]\npub struct G {",
            "#[derive(Clone, Debug, PartialEq, Eq, Model)]\npub struct H {",
        ],
    );
}

// Arrays and maps.

#[test]
fn array_rules_nest_as_items() {
    member_is(
        json!({
            "type": "array", "minItems": 1, "maxItems": 3, "uniqueItems": true,
            "items": {
                "type": "array", "maxItems": 2,
                "items": {"type": "string", "maxLength": 4, "pattern": "^[a-z]*$"}
            }
        }),
        r#"    #[model(min_len = 1, max_len = 3, unique, items(max_len = 2, items(charset = "a-z", max_len = 4)), not_null)]
    pub x: Option<Vec<Vec<String>>>,
"#,
    );
    member_is(
        json!({"type": "array", "items": {
            "type": "number", "minimum": 0, "format": "double", "readOnly": true
        }}),
        r#"    #[model(items(min = 0.0, format = "double", read_only), not_null)]
    pub x: Option<Vec<f64>>,
"#,
    );
    // `items` without a type is an array.
    member_is(
        json!({"items": {"type": "integer", "format": "int32"}}),
        "    #[model(items(format = \"int32\"), not_null)]\n    pub x: Option<Vec<i32>>,\n",
    );
}

#[test]
fn maps_take_property_names_counts_and_value_rules() {
    let out = run(member(json!({
        "type": "object",
        "additionalProperties": {"type": "integer", "minimum": 0},
        "propertyNames": {"type": "string", "pattern": "^[a-z]*$", "minLength": 1, "maxLength": 8},
        "minProperties": 1,
        "maxProperties": 5
    })));
    has(
        &out,
        &[
            "use std::collections::BTreeMap;\n",
            r#"    #[model(min_len = 1, max_len = 5, keys(charset = "a-z", min_len = 1, max_len = 8), values(min = 0), not_null)]
    pub x: Option<BTreeMap<String, i64>>,
"#,
        ],
    );
    // `additionalProperties` without a type is a map; a float deep inside keeps its `.0`.
    member_is(
        json!({"additionalProperties": {"type": "string"}}),
        "    #[model(not_null)]\n    pub x: Option<BTreeMap<String, String>>,\n",
    );
    member_is(
        json!({"type": "object", "additionalProperties": {
            "type": "array", "items": {"type": "number", "maximum": 1}
        }}),
        "    #[model(values(items(max = 1.0)), not_null)]\n    pub x: Option<BTreeMap<String, Vec<f64>>>,\n",
    );
}

#[test]
fn any_value_is_a_json_value() {
    // Any value, `null` included: absent or `null` is `None`.
    for any in [json!({}), json!(true)] {
        member_is(any, "    pub x: Option<serde_json::Value>,\n");
    }
    has(
        &run(required_member(json!({}))),
        &["    pub x: serde_json::Value,\n"],
    );
    for object in [
        json!({"type": "object"}),
        json!({"type": "object", "additionalProperties": true}),
        json!({"type": "object", "additionalProperties": {}}),
    ] {
        member_is(
            object,
            "    #[model(not_null)]\n    pub x: Option<serde_json::Map<String, serde_json::Value>>,\n",
        );
    }
    member_is(
        json!({"type": "array"}),
        "    #[model(not_null)]\n    pub x: Option<Vec<serde_json::Value>>,\n",
    );
    let out = run(member(json!({"type": "array", "items": true})));
    assert_eq!(
        expected(&out, "A")["properties"]["x"],
        json!({"type": "array", "items": {}})
    );
}

// Objects, descriptions, annotations.

#[test]
fn structs_have_required_and_optional_members_doc_comments_and_deny_unknown_fields() {
    let out = run_text(
        r#"{"$defs": {"Scope": {
            "description": "A scope.  \nSecond line.",
            "type": "object",
            "properties": {
                "name": {"type": "string", "description": "The name."},
                "age": {"type": "integer"}
            },
            "required": ["name"],
            "additionalProperties": false
        }}}"#,
    );
    has(
        &out,
        &[
            "#![allow(missing_docs)]\n",
            r#"/// A scope.
/// Second line.
#[derive(Clone, Debug, PartialEq, Eq, Model)]
#[model(deny_unknown_fields)]
pub struct Scope {
    /// The name.
    pub name: String,
    #[model(not_null)]
    pub age: Option<i64>,
}
"#,
        ],
    );
    for additional in [json!(true), json!({})] {
        let out = run(json!({"$defs": {"A": {
            "type": "object", "properties": {}, "additionalProperties": additional
        }}}));
        has(
            &out,
            &["#[derive(Clone, Debug, PartialEq, Eq, Model)]\npub struct A {\n}\n"],
        );
    }
}

#[test]
fn a_module_whose_every_item_is_documented_allows_no_missing_docs() {
    let out = run(json!({"$defs": {"A": {
        "description": "A.", "type": "object",
        "properties": {"x": {"type": "string", "description": "X."}}
    }}}));
    has(
        &out,
        &[
            "/// A.\n",
            "    /// X.\n    #[model(not_null)]\n    pub x: Option<String>,\n",
        ],
    );
    assert!(!out.code.contains("allow(missing_docs)"), "{}", out.code);
}

#[test]
fn the_header_is_the_module_s_doc_comment() {
    let options = Options {
        header: vec!["Line one.".into(), String::new(), "Line three.".into()],
        ..Default::default()
    };
    let doc = Document::new(json!({"$defs": {"A": {"type": "string"}}}), "x").unwrap();
    let out = generate(&doc, &options);
    assert!(
        out.code
            .starts_with("//! Line one.\n//!\n//! Line three.\n"),
        "{}",
        out.code
    );
    assert_eq!(
        header(&["a.json", "b.json"]),
        [
            "Generated by authlete-models-codegen from a.json, b.json. Do not edit: change the \
          input and generate again."
        ]
    );
}

#[test]
fn defaults_equal_to_the_type_s_default_become_default() {
    let out = run_text(
        r#"{"$defs": {"A": {"type": "object", "properties": {
            "s": {"type": "string", "maxLength": 3, "default": ""},
            "b": {"type": "boolean", "default": false},
            "i": {"type": "integer", "format": "int32", "default": 0},
            "a": {"type": "array", "items": {"type": "string"}, "default": []},
            "m": {"type": "object", "additionalProperties": {"type": "boolean"}, "default": {}}
        }}}}"#,
    );
    has(
        &out,
        &[r#"    #[model(max_len = 3, default)]
    pub s: String,
    #[model(default)]
    pub b: bool,
    #[model(default, format = "int32")]
    pub i: i32,
    #[model(default)]
    pub a: Vec<String>,
    #[model(default)]
    pub m: BTreeMap<String, bool>,
"#],
    );
    // Not required, not nullable: the default is written.
    let a = expected(&out, "A");
    assert_eq!(
        a["properties"]["s"],
        json!({"type": "string", "maxLength": 3, "default": ""})
    );
    assert_eq!(
        a["properties"]["b"],
        json!({"type": "boolean", "default": false})
    );
    assert_eq!(a.get("required"), None);
}

#[test]
fn read_only_write_only_and_examples_are_annotations() {
    let out = run_text(
        r##"{"$defs": {
            "A": {"type": "object", "properties": {
                "r": {"type": "string", "readOnly": true},
                "w": {"type": "string", "writeOnly": true, "readOnly": false},
                "e": {"type": "integer", "examples": [1, 2]},
                "s": {"type": "string", "examples": ["a"]},
                "rb": {"$ref": "#/$defs/B", "readOnly": true, "description": "A B."}
            }},
            "B": {"type": "object", "properties": {"a": {"type": "integer"}},
                  "examples": [{"a": 1}]},
            "E": {"type": "string", "enum": ["a"], "examples": ["a"]},
            "T": {"type": "string", "examples": ["x"]}
        }}"##,
    );
    has(
        &out,
        &[
            r#"    #[model(read_only, not_null)]
    pub r: Option<String>,
    #[model(write_only, not_null)]
    pub w: Option<String>,
    #[model(examples = "[1,2]", not_null)]
    pub e: Option<i64>,
    #[model(examples = "[\"a\"]", not_null)]
    pub s: Option<String>,
    /// A B.
    #[model(read_only, not_null)]
    pub rb: Option<B>,
"#,
            "#[derive(Clone, Debug, PartialEq, Eq, Model)]\n#[model(examples = \"[{\\\"a\\\":1}]\")]\npub struct B {\n",
            "#[model(rename_all = \"camelCase\", examples = \"[\\\"a\\\"]\")]\npub enum E {\n",
            "pub struct T(#[model(examples = \"[\\\"x\\\"]\")] pub String);\n",
        ],
    );
    let a = expected(&out, "A");
    assert_eq!(
        a["properties"]["rb"],
        json!({"$ref": "#/$defs/B", "readOnly": true, "description": "A B."})
    );
    assert_eq!(
        a["properties"]["w"],
        json!({"type": "string", "writeOnly": true})
    );
    assert_eq!(expected(&out, "B")["examples"], json!([{"a": 1}]));
}

#[test]
fn annotations_in_a_part_of_all_of_say_what_they_say_beside_it() {
    let out = run(json!({"$defs": {
        "A": {"type": "object", "properties": {
            "r": {"allOf": [{"$ref": "#/$defs/B"}, {"readOnly": true}]},
            "d": {"allOf": [{"$ref": "#/$defs/B"}, {"deprecated": true, "description": "Old."}]},
            "w": {"allOf": [{"$ref": "#/$defs/B"}, {"writeOnly": true}], "writeOnly": true}
        }},
        "B": {"type": "object", "properties": {"a": {"type": "integer"}}}
    }}));
    // A description in the part describes the member, which holds the type the `$ref` names
    // (not a copy of it).
    has(
        &out,
        &[r#"    /// Old.
    #[model(deprecated, not_null)]
    pub d: Option<B>,
    #[model(read_only, not_null)]
    pub r: Option<B>,
    #[model(write_only, not_null)]
    pub w: Option<B>,
"#],
    );
    assert_eq!(
        expected(&out, "A")["properties"]["r"],
        json!({"$ref": "#/$defs/B", "readOnly": true})
    );
    assert!(out.types.iter().all(|t| t.name != "Ad"));
    // The expected schema says so too, as the derive writes it.
    assert_eq!(
        expected(&out, "A")["properties"]["d"],
        json!({"$ref": "#/$defs/B", "deprecated": true, "description": "Old."})
    );
    // The member's own description wins; a part with other keywords keeps its description.
    let out = run(json!({"$defs": {
        "A": {"type": "object", "properties": {
            "d": {"allOf": [{"$ref": "#/$defs/B"}, {"description": "Part."}], "description": "Own."},
            "e": {"allOf": [{"$ref": "#/$defs/B"}, {"description": "Part.", "x-tag": 1}]}
        }},
        "B": {"type": "object", "properties": {"a": {"type": "integer"}}}
    }}));
    assert_eq!(
        expected(&out, "A")["properties"]["d"]["description"],
        "Own."
    );
    assert_eq!(
        expected(&out, "A")["properties"]["e"]["description"],
        "Part."
    );
    has(
        &out,
        &[r#"    /// Own.
    #[model(not_null)]
    pub d: Option<B>,
    /// Part.
    #[model(not_null)]
    pub e: Option<B>,
"#],
    );
    // A type that may be `null`, named by a `$ref` beside a description: the member takes
    // `null`, as the `$ref` alone would (OpenAPI 3.0's `nullable` on the type named).
    let out = run(
        json!({"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},
        "components": {"schemas": {
            "Window": {"type": "object", "nullable": true, "properties": {"start": {"type": "string"}}},
            "Droplet": {"type": "object", "properties": {
                "window": {"allOf": [{"$ref": "#/components/schemas/Window"}, {"description": "The window."}]}
            }}
        }}}),
    );
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    has(
        &out,
        &[r#"pub struct Droplet {
    /// The window.
    pub window: Option<Window>,
}"#],
    );
    // Said otherwise beside the `allOf`: true where any says so, as JSON Schema reads an
    // annotation met more than once.
    let out = run(member(
        json!({"allOf": [{"type": "string"}, {"readOnly": true}], "readOnly": false}),
    ));
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    assert_eq!(
        expected(&out, "A")["properties"]["x"],
        json!({"type": "string", "readOnly": true})
    );
    // Beside an object's members in a part, the same: the member is read-only.
    let out = run(member(
        json!({"allOf": [{"type": "object", "properties": {"a": {}}}, {"readOnly": true, "type": "object"}]}),
    ));
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    has(
        &out,
        &["    #[model(read_only, not_null)]\n    pub x: Option<Ax>,\n"],
    );
}

// Enums, newtypes, aliases.

#[test]
fn string_enums_choose_a_convention_and_rename_the_rest() {
    has(
        &run_text(
            r#"{"$defs": {"Level": {"type": "string", "enum": ["low", "VERY_HIGH", "n/a"]}}}"#,
        ),
        &[r#"#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Model)]
#[model(rename_all = "camelCase")]
pub enum Level {
    /// `low`
    Low,
    /// `VERY_HIGH`
    #[model(rename = "VERY_HIGH")]
    VeryHigh,
    /// `n/a`
    #[model(rename = "n/a")]
    NA,
}
"#],
    );
    has(
        &run_text(r#"{"$defs": {"Alg": {"enum": ["ES256", "RS256"]}}}"#),
        &[
            "#[model(rename_all = \"SCREAMING_SNAKE_CASE\")]\npub enum Alg {\n    /// `ES256`\n    Es256,\n    /// `RS256`\n    Rs256,\n}\n",
        ],
    );
    // Values that are their variants' names need no convention.
    has(
        &run_text(r#"{"$defs": {"P": {"type": "string", "enum": ["Alpha", "Beta"]}}}"#),
        &[
            "Hash, Model)]\npub enum P {\n    /// `Alpha`\n    Alpha,\n    /// `Beta`\n    Beta,\n}\n",
        ],
    );
    // Two values with one variant name: the second counts up.
    has(
        &run_text(r#"{"$defs": {"K": {"type": "string", "enum": ["a-b", "a_b"]}}}"#),
        &[
            "#[model(rename_all = \"kebab-case\")]\npub enum K {\n    /// `a-b`\n    AB,\n    /// `a_b`\n    #[model(rename = \"a_b\")]\n    AB2,\n}\n",
        ],
    );
}

#[test]
fn inline_objects_and_enums_become_types_named_after_their_place() {
    let out = run_text(
        r#"{"$defs": {"A": {"type": "object", "properties": {
            "mode": {"type": "string", "enum": ["on", "off"]},
            "child": {"type": "object", "properties": {"x": {"type": "integer"}}, "required": ["x"]},
            "list": {"type": "array", "items": {"type": "object", "properties": {}}}
        }}}}"#,
    );
    has(
        &out,
        &[
            "    #[model(not_null)]\n    pub mode: Option<AMode>,\n    #[model(not_null)]\n    pub child: Option<AChild>,\n    #[model(not_null)]\n    pub list: Option<Vec<AListItem>>,\n",
            "pub enum AMode {\n",
            "pub struct AChild {\n    pub x: i64,\n}\n",
            "pub struct AListItem {\n}\n",
        ],
    );
    let names: Vec<(&str, &str)> = out
        .types
        .iter()
        .map(|t| (t.name.as_str(), t.pointer.as_str()))
        .collect();
    assert_eq!(
        names,
        [
            ("A", "#/$defs/A"),
            ("AMode", "#/$defs/A/properties/mode"),
            ("AChild", "#/$defs/A/properties/child"),
            ("AListItem", "#/$defs/A/properties/list/items"),
        ]
    );
}

#[test]
fn newtypes_and_aliases() {
    let out = run_text(
        r##"{"$defs": {
            "Name": {"type": "string", "maxLength": 8, "description": "A name."},
            "Names": {"type": "array", "items": {"$ref": "#/$defs/Name"}, "maxItems": 2},
            "Other": {"$ref": "#/$defs/Name", "description": "Another name."},
            "Count": {"type": "integer"}
        }}"##,
    );
    has(
        &out,
        &[
            "/// A name.\n#[derive(Clone, Debug, PartialEq, Eq, Model)]\npub struct Name(#[model(max_len = 8)] pub String);\n",
            "pub struct Names(#[model(max_len = 2)] pub Vec<Name>);\n",
            "/// Another name.\npub type Other = Name;\n",
            "pub struct Count(pub i64);\n",
        ],
    );
    let other = out.types.iter().find(|t| t.name == "Other").unwrap();
    assert_eq!(other.expected, None);
    assert_eq!(
        expected(&out, "Names"),
        json!({
            "$schema": DIALECT,
            "title": "Names",
            "type": "array",
            "items": {"$ref": "#/$defs/Name"},
            "maxItems": 2,
            "$defs": {"Name": {
                "title": "Name", "description": "A name.", "type": "string", "maxLength": 8
            }}
        })
    );
}

// Names.

#[test]
fn type_names_are_pascal_case_and_avoid_the_names_the_code_uses() {
    let out = run_text(
        r#"{"$defs": {
            "client_secret": {"type": "string"},
            "result": {"type": "string"},
            "Option": {"type": "string"},
            "3d": {"type": "string"}
        }}"#,
    );
    has(
        &out,
        &[
            "pub struct ClientSecret(pub String);",
            "pub struct ResultModel(pub String);",
            "pub struct OptionModel(pub String);",
            "pub struct V3d(pub String);",
        ],
    );
    let pointers: Vec<&str> = out.types.iter().map(|t| t.pointer.as_str()).collect();
    assert_eq!(
        pointers,
        [
            "#/$defs/client_secret",
            "#/$defs/result",
            "#/$defs/Option",
            "#/$defs/3d"
        ]
    );
}

#[test]
fn type_name_collisions_count_up() {
    let out = run_text(r#"{"$defs": {"a-b": {"type": "string"}, "A_B": {"type": "integer"}}}"#);
    has(
        &out,
        &["pub struct AB(pub String);", "pub struct AB2(pub i64);"],
    );
    // An inline type named after its place (`A` and `b`: `Ab`) gives way to a named one.
    let out = run_text(
        r#"{"$defs": {
            "A": {"type": "object", "properties": {"b": {"type": "object", "properties": {}}}},
            "AB": {"type": "string"}
        }}"#,
    );
    has(
        &out,
        &[
            "    #[model(not_null)]\n    pub b: Option<Ab2>,\n",
            "pub struct Ab(pub String);",
            "pub struct Ab2 {\n}\n",
        ],
    );
    let ab2 = out.types.iter().find(|t| t.name == "Ab2").unwrap();
    assert_eq!(ab2.pointer, "#/$defs/A/properties/b");
}

#[test]
fn field_names_are_snake_case_keywords_raw_and_renamed_when_needed() {
    has(
        &run_text(
            r#"{"$defs": {"A": {"type": "object", "properties": {
                "clientId": {"type": "string"},
                "type": {"type": "string"},
                "self": {"type": "string"},
                "2fa": {"type": "string"}
            }}}}"#,
        ),
        &[r#"#[model(rename_all = "camelCase")]
pub struct A {
    #[model(not_null)]
    pub client_id: Option<String>,
    #[model(not_null)]
    pub r#type: Option<String>,
    #[model(not_null)]
    pub self_: Option<String>,
    #[model(rename = "2fa", not_null)]
    pub n_2fa: Option<String>,
}
"#],
    );
    // Two wire names with one field name: the second counts up and is renamed.
    has(
        &run_text(
            r#"{"$defs": {"A": {"type": "object", "properties": {
                "a_b": {"type": "string"},
                "aB": {"type": "integer"}
            }}}}"#,
        ),
        &[r#"pub struct A {
    #[model(not_null)]
    pub a_b: Option<String>,
    #[model(rename = "aB", not_null)]
    pub a_b2: Option<i64>,
}
"#],
    );
}

#[test]
fn members_and_types_follow_the_document_s_order() {
    let text = r#"{"$defs": {
        "Z": {"type": "object", "properties": {
            "zeta": {"type": "string"},
            "alpha": {"type": "string"},
            "mid": {"type": "string"}
        }, "required": ["mid", "zeta"]},
        "A": {"type": "string"}
    }}"#;
    let out = run_text(text);
    has(
        &out,
        &[
            "pub struct Z {\n    pub zeta: String,\n    #[model(not_null)]\n    pub alpha: Option<String>,\n    pub mid: String,\n}\n",
        ],
    );
    let names: Vec<&str> = out.types.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["Z", "A"]);
    assert!(out.code.find("pub struct Z").unwrap() < out.code.find("pub struct A").unwrap());
    // `required` lists the members in their declaration order.
    assert_eq!(expected(&out, "Z")["required"], json!(["zeta", "mid"]));
    // Without the text, members and types are taken in name order.
    let out = run(serde_json::from_str(text).unwrap());
    has(
        &out,
        &[
            "pub struct Z {\n    #[model(not_null)]\n    pub alpha: Option<String>,\n    pub mid: String,\n    pub zeta: String,\n}\n",
        ],
    );
    let names: Vec<&str> = out.types.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["A", "Z"]);
}

// `allOf`, `$ref`, recursion.

#[test]
fn all_of_merges_its_parts_and_refs_in_order() {
    let out = run_text(
        r##"{"$defs": {
            "Base": {"type": "object", "properties": {
                "id": {"type": "string", "pattern": "^[a-z_]*$"},
                "kind": {"type": "string"}
            }, "required": ["id"]},
            "M": {
                "description": "Merged.",
                "allOf": [
                    {"$ref": "#/$defs/Base"},
                    {"type": "object", "properties": {"extra": {"type": "boolean"}}, "required": ["extra"]}
                ],
                "properties": {"own": {"type": "integer", "minimum": 0}}
            },
            "A": {"type": "object", "properties": {"base": {"allOf": [{"$ref": "#/$defs/Base"}]}}}
        }}"##,
    );
    has(
        &out,
        &[
            r#"/// Merged.
#[derive(Clone, Debug, PartialEq, Eq, Model)]
pub struct M {
    #[model(charset = "a-z_")]
    pub id: String,
    #[model(not_null)]
    pub kind: Option<String>,
    pub extra: bool,
    #[model(min = 0, not_null)]
    pub own: Option<i64>,
}
"#,
            // An `allOf` of one `$ref` is that reference (OpenAPI 3.0's way to put keywords
            // beside one).
            "    #[model(not_null)]\n    pub base: Option<Base>,\n",
        ],
    );
    assert!(!out.code.contains("ABase"), "{}", out.code);
    assert_eq!(
        expected(&out, "M"),
        json!({
            "$schema": DIALECT,
            "title": "M",
            "description": "Merged.",
            "type": "object",
            "properties": {
                "id": {"type": "string", "pattern": "^[\\u005Fa-z]*$"},
                "kind": {"type": "string"},
                "extra": {"type": "boolean"},
                "own": {"type": "integer", "minimum": 0, "maximum": i64::MAX}
            },
            "required": ["id", "extra"]
        })
    );
}

#[test]
fn a_type_that_holds_itself_directly_is_boxed() {
    let out = run_text(
        r##"{"$defs": {
            "Node": {"type": "object", "properties": {
                "next": {"$ref": "#/$defs/Node"},
                "kids": {"type": "array", "items": {"$ref": "#/$defs/Node"}},
                "map": {"type": "object", "additionalProperties": {"$ref": "#/$defs/Node"}}
            }},
            "A": {"type": "object", "properties": {"b": {"$ref": "#/$defs/B"}}, "required": ["b"]},
            "B": {"type": "object", "properties": {"a": {"$ref": "#/$defs/A"}}}
        }}"##,
    );
    has(
        &out,
        &[
            "    #[model(not_null)]\n    pub next: Option<Box<Node>>,\n    #[model(not_null)]\n    pub kids: Option<Vec<Node>>,\n    #[model(not_null)]\n    pub map: Option<BTreeMap<String, Node>>,\n",
            "pub struct A {\n    pub b: Box<B>,\n}\n",
            "pub struct B {\n    #[model(not_null)]\n    pub a: Option<Box<A>>,\n}\n",
        ],
    );
    let node = json!({
        "title": "Node",
        "type": "object",
        "properties": {
            "next": {"$ref": "#/$defs/Node"},
            "kids": {"type": "array", "items": {"$ref": "#/$defs/Node"}},
            "map": {"type": "object", "additionalProperties": {"$ref": "#/$defs/Node"}}
        }
    });
    let mut root = node.clone();
    root["$schema"] = DIALECT.into();
    root["$defs"] = json!({ "Node": node });
    assert_eq!(expected(&out, "Node"), root);
}

#[test]
fn nullable_members_through_type_lists_and_any_of_with_null() {
    let out = run_text(
        r##"{"$defs": {
            "A": {"type": "object", "properties": {
                "t": {"type": ["string", "null"], "maxLength": 2},
                "n": {"anyOf": [{"type": "integer", "minimum": 1}, {"type": "null"}]},
                "r": {"anyOf": [{"type": "null"}, {"$ref": "#/$defs/B"}]},
                "o": {"oneOf": [{"$ref": "#/$defs/B"}, {"type": "null"}]},
                "q": {"type": ["string", "null"]},
                "s": {"type": "string"}
            }, "required": ["q"]},
            "B": {"type": "string"}
        }}"##,
    );
    // May be absent or `null`: an `Option`; must be present, maybe `null`: `required`; may be
    // absent, never `null`: `not_null`.
    has(
        &out,
        &[r#"    #[model(max_len = 2)]
    pub t: Option<String>,
    #[model(min = 1)]
    pub n: Option<i64>,
    pub r: Option<B>,
    pub o: Option<B>,
    #[model(required)]
    pub q: Option<String>,
    #[model(not_null)]
    pub s: Option<String>,
"#],
    );
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    let a = expected(&out, "A");
    assert_eq!(
        a["properties"]["t"],
        json!({"type": ["string", "null"], "maxLength": 2})
    );
    assert_eq!(
        a["properties"]["r"],
        json!({"anyOf": [{"$ref": "#/$defs/B"}, {"type": "null"}]})
    );
}

#[test]
fn a_map_newtype_s_expected_schema() {
    let out = run_text(
        r#"{"$defs": {"Flags": {
            "description": "Flags by name.",
            "type": "object",
            "additionalProperties": {"type": "boolean", "readOnly": true},
            "propertyNames": {"pattern": "^[a-z_]*$", "minLength": 0, "maxLength": 4},
            "minProperties": 0,
            "maxProperties": 3
        }}}"#,
    );
    has(
        &out,
        &[
            "pub struct Flags(#[model(max_len = 3, keys(charset = \"a-z_\", max_len = 4), values(read_only))] pub BTreeMap<String, bool>);\n",
        ],
    );
    assert_eq!(
        expected(&out, "Flags"),
        json!({
            "$schema": DIALECT,
            "title": "Flags",
            "description": "Flags by name.",
            "type": "object",
            "additionalProperties": {"type": "boolean", "readOnly": true},
            "propertyNames": {"pattern": "^[\\u005Fa-z]*$", "maxLength": 4},
            "maxProperties": 3
        })
    );
}

#[test]
fn a_struct_s_expected_schema() {
    let out = run_text(
        r#"{"$defs": {"Scope": {
            "description": "A scope.",
            "type": "object",
            "properties": {
                "name": {"type": "string", "maxLength": 32, "description": "The name. "},
                "age": {"type": "integer", "format": "int32", "minimum": 0},
                "tags": {"type": "array", "items": {"type": "string", "minLength": 0}, "uniqueItems": false},
                "ratio": {"type": "number", "maximum": 1, "$comment": "dropped"}
            },
            "required": ["name"],
            "additionalProperties": false,
            "x-note": "dropped"
        }}}"#,
    );
    assert_eq!(
        expected(&out, "Scope"),
        json!({
            "$schema": DIALECT,
            "title": "Scope",
            "description": "A scope.",
            "type": "object",
            "properties": {
                "name": {"type": "string", "maxLength": 32, "description": "The name."},
                "age": {
                    "type": "integer", "format": "int32",
                    "minimum": 0, "maximum": i32::MAX
                },
                "tags": {"type": "array", "items": {"type": "string"}},
                "ratio": {"type": "number", "maximum": 1.0}
            },
            "required": ["name"],
            "additionalProperties": false
        })
    );
}

// JSON Schema documents.

#[test]
fn a_json_schema_root_is_named_after_its_title_or_the_name_given() {
    let out = run(json!({"title": "client scope", "type": "object", "properties": {}}));
    has(&out, &["pub struct ClientScope {\n}\n"]);
    assert_eq!(out.types[0].pointer, "#");
    let out = run(json!({"type": "string", "maxLength": 3}));
    has(
        &out,
        &["pub struct Root(#[model(max_len = 3)] pub String);\n"],
    );
    // `definitions` as well as `$defs`, and a root that is no schema.
    let out = run(json!({"$schema": DIALECT, "definitions": {"A": {"type": "string"}}}));
    has(&out, &["pub struct A(pub String);\n"]);
    assert_eq!(out.types.len(), 1);
    assert_eq!(out.types[0].pointer, "#/definitions/A");
}

#[test]
fn a_type_s_own_title_is_its_name() {
    let out = run(json!({"$defs": {"A": {"title": "A", "type": "object", "properties": {}}}}));
    has(&out, &["pub struct A {\n}\n"]);
}

// OpenAPI.

#[test]
fn openapi_30_nullable_example_and_boolean_exclusive_bounds() {
    let out = run_text(
        r##"{"openapi": "3.0.3", "components": {"schemas": {
            "A": {"type": "object", "properties": {
                "s": {"type": "string", "nullable": true, "example": "x"},
                "n": {"type": "integer", "minimum": 0, "exclusiveMinimum": true,
                      "maximum": 10, "exclusiveMaximum": false},
                "r": {"$ref": "#/components/schemas/B"},
                "q": {"$ref": "#/components/schemas/B", "nullable": true}
            }, "required": ["r"]},
            "B": {"type": "string", "enum": ["x", "y"]}
        }}}"##,
    );
    has(
        &out,
        &[r#"    #[model(examples = "[\"x\"]")]
    pub s: Option<String>,
    #[model(max = 10, exclusive_min = 0, not_null)]
    pub n: Option<i64>,
    pub r: B,
    pub q: Option<B>,
"#],
    );
    assert_eq!(out.types[0].pointer, "#/components/schemas/A");
    assert_eq!(
        expected(&out, "A"),
        json!({
            "$schema": DIALECT,
            "title": "A",
            "type": "object",
            "properties": {
                "s": {"type": ["string", "null"], "examples": ["x"]},
                "n": {
                    "type": "integer", "exclusiveMinimum": 0,
                    "minimum": i64::MIN, "maximum": 10
                },
                "r": {"$ref": "#/$defs/B"},
                "q": {"anyOf": [{"$ref": "#/$defs/B"}, {"type": "null"}]}
            },
            "required": ["r"],
            "$defs": {"B": {"title": "B", "type": "string", "enum": ["x", "y"]}}
        })
    );
}

#[test]
fn openapi_30_nullable_and_required_is_a_required_option() {
    let out = run(json!({"openapi": "3.0.0", "components": {"schemas": {"A": {
        "type": "object",
        "properties": {"s": {"type": "string", "nullable": true}},
        "required": ["s"]
    }}}}));
    has(
        &out,
        &["    #[model(required)]\n    pub s: Option<String>,\n"],
    );
    assert_eq!(
        expected(&out, "A")["properties"]["s"],
        json!({"type": ["string", "null"]})
    );
    assert_eq!(expected(&out, "A")["required"], json!(["s"]));
}

#[test]
fn openapi_31_reads_json_schema_and_not_30_spellings() {
    let out = run(json!({"openapi": "3.1.0", "components": {"schemas": {"A": {
        "type": "object",
        "properties": {"s": {"type": ["string", "null"], "examples": ["x"]}}
    }}}}));
    has(
        &out,
        &["    #[model(examples = \"[\\\"x\\\"]\")]\n    pub s: Option<String>,\n"],
    );
    // OpenAPI 3.1 still allows `example` (deprecated), read as `examples`; a JSON Schema
    // document has no such keyword.
    let out = run(json!({"openapi": "3.1.0", "components": {"schemas": {"A": {
        "type": "object",
        "properties": {"s": {"type": "string", "example": "x"}}
    }}}}));
    has(
        &out,
        &["    #[model(examples = \"[\\\"x\\\"]\", not_null)]\n    pub s: Option<String>,\n"],
    );
    let out = run(json!({"$defs": {"A": {
        "type": "object",
        "properties": {"s": {"type": "string", "example": "x"}}
    }}}));
    warns(
        &out,
        "#/$defs/A/properties/s/example",
        "`example` describes nothing the derive reads; dropped",
    );
}

#[test]
fn openapi_inline_bodies_are_named_after_operation_id_or_method_and_path() {
    let body = |member: &str| {
        json!({"content": {"application/json": {"schema": {
            "type": "object", "properties": {member: {"type": "string"}}
        }}}})
    };
    let doc = json!({
        "openapi": "3.0.3",
        "paths": {"/clients/{id}": {
            "post": {
                "requestBody": body("a"),
                "responses": {"200": body("b"), "400": body("c")}
            },
            "get": {
                "operationId": "client_get",
                "responses": {
                    "200": body("d"),
                    "201": {"content": {"application/json": {"schema": {"$ref": "#/components/schemas/S"}}}},
                    "default": body("e")
                }
            },
            "put": {
                "operationId": "client_put",
                "requestBody": {"$ref": "#/components/requestBodies/Body"},
                "responses": {"204": {"description": "nothing"}}
            }
        }},
        "components": {
            "schemas": {"S": {"type": "string"}},
            "requestBodies": {"Body": body("f")}
        }
    });
    let out = run(doc);
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    let names: Vec<(&str, &str)> = out
        .types
        .iter()
        .map(|t| (t.name.as_str(), t.pointer.as_str()))
        .collect();
    let at = "#/paths/~1clients~1{id}";
    let json = "content/application~1json/schema";
    assert_eq!(
        names,
        [
            ("S", "#/components/schemas/S".to_owned()),
            (
                "ClientGetResponse200",
                format!("{at}/get/responses/200/{json}")
            ),
            (
                "ClientGetResponseDefault",
                format!("{at}/get/responses/default/{json}")
            ),
            (
                "ClientPutRequest",
                format!("#/components/requestBodies/Body/{json}")
            ),
            (
                "PostClientsIdRequest",
                format!("{at}/post/requestBody/{json}")
            ),
            (
                "PostClientsIdResponse",
                format!("{at}/post/responses/200/{json}")
            ),
            (
                "PostClientsIdResponse400",
                format!("{at}/post/responses/400/{json}")
            ),
        ]
        .iter()
        .map(|(n, p)| (*n, p.as_str()))
        .collect::<Vec<_>>()
    );
    has(
        &out,
        &[
            "pub struct PostClientsIdRequest {\n    #[model(not_null)]\n    pub a: Option<String>,\n}\n",
        ],
    );
}

#[test]
fn other_openapi_versions_and_non_objects_are_not_read() {
    let e = Document::new(json!({"openapi": "2.0"}), "x").unwrap_err();
    assert_eq!(e, "OpenAPI 2.0 is not read: 3.0 and 3.1 are");
    let e = Document::new(json!([1]), "x").unwrap_err();
    assert_eq!(e, "the document is not a JSON object");
    let e = Document::parse("{\"a\":", "x").unwrap_err();
    assert!(e.starts_with("not JSON: "), "{e}");
}

// Contracts.

#[test]
fn contracts_name_their_types_and_show_pointers_in_their_files() {
    let doc = Document::contracts(vec![
        (
            "scope.json".into(),
            r##"{"model": "Scope", "schema": {"type": "object", "properties": {
                "owner": {"$ref": "#/$defs/Owner"},
                "name": {"type": "string", "maxLength": 8}
            }, "required": ["name"]}}"##
                .into(),
        ),
        (
            "owner.json".into(),
            r#"{"model": "Owner", "schema": {"type": "string", "pattern": "(a)\\1"}}"#.into(),
        ),
        (
            "tag.json".into(),
            r#"{"model": "Tag", "schema": {"type": "string", "maxLength": 3}}"#.into(),
        ),
    ])
    .unwrap();
    let out = generate(&doc, &Options::default());
    refuses(
        &out,
        "owner.json#/schema/pattern",
        "which the derive cannot check: `\\1` is a backreference",
    );
    refuses(
        &out,
        "scope.json#/schema",
        "holds `Owner`, which is refused",
    );
    let names: Vec<(&str, &str)> = out
        .types
        .iter()
        .map(|t| (t.name.as_str(), t.pointer.as_str()))
        .collect();
    assert_eq!(names, [("Tag", "tag.json#/schema")]);
    let mut refused = out.refused_types.clone();
    refused.sort();
    assert_eq!(refused, ["Owner", "Scope"]);
    // Fixed, in the document's member order.
    let doc = Document::contracts(vec![
        (
            "scope.json".into(),
            r##"{"model": "Scope", "schema": {"type": "object", "properties": {
                "owner": {"$ref": "#/$defs/Owner"},
                "name": {"type": "string", "maxLength": 8}
            }, "required": ["name"]}}"##
                .into(),
        ),
        (
            "owner.json".into(),
            r#"{"model": "Owner", "schema": {"type": "string"}}"#.into(),
        ),
    ])
    .unwrap();
    let out = generate(&doc, &Options::default());
    has(
        &out,
        &[
            "pub struct Scope {\n    #[model(not_null)]\n    pub owner: Option<Owner>,\n    #[model(max_len = 8)]\n    pub name: String,\n}\n",
            "pub struct Owner(pub String);\n",
        ],
    );
}

#[test]
fn broken_contracts_are_not_read() {
    let one = |text: &str| Document::contracts(vec![("c.json".into(), text.into())]).unwrap_err();
    assert!(one("{").starts_with("c.json is not JSON: "));
    assert_eq!(one(r#"{"schema": {}}"#), "c.json: no `model` name");
    assert_eq!(one(r#"{"model": "A"}"#), "c.json: no `schema`");
    let twice = Document::contracts(vec![
        ("a.json".into(), r#"{"model": "A", "schema": {}}"#.into()),
        ("b.json".into(), r#"{"model": "A", "schema": {}}"#.into()),
    ])
    .unwrap_err();
    assert_eq!(twice, "b.json: a second contract for `A`");
}

// Refusals: keywords with no attribute.

#[test]
fn one_of_is_one_of_and_any_of_and_type_lists_are_untagged() {
    let out = run(json!({"$defs": {
        "A": {"type": "object", "properties": {
            "o": {"oneOf": [{"type": "string", "maxLength": 2}, {"$ref": "#/$defs/B"}, {"type": "null"}]},
            "a": {"anyOf": [{"type": "integer"}, {"type": "object", "properties": {"k": {"type": "string"}}}]},
            "t": {"type": ["string", "boolean"], "maxLength": 1}
        }, "required": ["a", "t"]},
        "B": {"type": "object", "properties": {"b": {"type": "boolean"}}},
        "N": {"type": ["integer", "array", "null"], "minimum": 1, "items": {"type": "string"}, "description": "Numbers or names."}
    }}));
    has(
        &out,
        &[
            "    pub a: Aa,\n    pub o: Option<Ao>,\n    pub t: At,\n",
            "#[model(one_of)]\npub enum Ao {\n    String(#[model(max_len = 2)] String),\n    B(B),\n}\n",
            "#[model(untagged)]\npub enum Aa {\n    Integer(i64),\n    Object(AaObject),\n}\n",
            "#[model(untagged)]\npub enum At {\n    String(#[model(max_len = 1)] String),\n    Boolean(bool),\n}\n",
            // A named union's `null` is a unit variant.
            "/// Numbers or names.\n#[derive(Clone, Debug, PartialEq, Eq, Model)]\n#[model(untagged)]\npub enum N {\n    Integer(#[model(min = 1)] i64),\n    Array(Vec<String>),\n    Null,\n}\n",
        ],
    );
    // Variants named after their types may share a suffix or differ in size.
    assert!(
        out.code
            .contains("#![allow(clippy::enum_variant_names, clippy::large_enum_variant)]\n"),
        "{}",
        out.code
    );
    let a = expected(&out, "A");
    assert_eq!(
        a["properties"]["o"],
        json!({"anyOf": [{"$ref": "#/$defs/Ao"}, {"type": "null"}]})
    );
    assert_eq!(
        a["$defs"]["Ao"],
        json!({"title": "Ao", "oneOf": [{"type": "string", "maxLength": 2}, {"$ref": "#/$defs/B"}]})
    );
    assert_eq!(
        expected(&out, "N"),
        json!({
            "$schema": DIALECT, "title": "N", "description": "Numbers or names.",
            "anyOf": [
                {"type": "integer", "minimum": 1, "maximum": i64::MAX},
                {"type": "array", "items": {"type": "string"}},
                {"type": "null"}
            ]
        })
    );
    // A `discriminator` adds nothing to what the branches check; a `type` they all have is
    // read as theirs.
    let out = run(json!({"openapi": "3.1.0", "components": {"schemas": {
        "P": {"type": "object", "oneOf": [{"$ref": "#/components/schemas/C"}, {"$ref": "#/components/schemas/D"}],
              "discriminator": {"propertyName": "k"}},
        "C": {"type": "object", "properties": {"k": {"const": "c"}}, "required": ["k"]},
        "D": {"type": "object", "properties": {"k": {"const": "d"}}, "required": ["k"]}
    }}}));
    has(
        &out,
        &[
            "#[model(one_of)]\npub enum P {\n    C(C),\n    D(D),\n}\n",
            "    pub k: Ck,\n",
        ],
    );
    assert_eq!(
        expected(&out, "P")["oneOf"],
        json!([{"$ref": "#/$defs/C"}, {"$ref": "#/$defs/D"}])
    );
    assert_eq!(
        expected(&out, "C")["$defs"]["Ck"],
        json!({"title": "Ck", "type": "string", "enum": ["c"]})
    );
    // A `type` that is not every branch's, or keywords of an object beside the branches.
    member_refused(
        json!({"type": "string", "oneOf": [{"type": "integer"}, {"type": "string"}]}),
        "/type",
        "is not the type of every branch",
    );
    a_refused(
        json!({"$defs": {"A": {"type": "object", "properties": {"a": {"type": "string"}}, "oneOf": [{"required": ["a"]}, {"properties": {"a": {"maxLength": 1}}}]}}}),
        "#/$defs/A/oneOf",
        "would need each branch to hold them too",
    );
}

#[test]
fn a_string_const_is_an_enum_of_one_value() {
    member_is(
        json!({"type": "string", "const": "a"}),
        "    #[model(not_null)]\n    pub x: Option<Ax>,\n",
    );
    let out = run(member(json!({"const": "a"})));
    assert_eq!(
        expected(&out, "Ax"),
        json!({"$schema": DIALECT, "title": "Ax", "type": "string", "enum": ["a"]})
    );
    // A number's or a boolean's `const` is an enum of that one value too.
    let out = run(member(json!({"const": 5})));
    has(
        &out,
        &["pub enum Ax {\n    /// `5`\n    #[model(value = 5)]\n    V5,\n}\n"],
    );
    assert_eq!(
        expected(&out, "Ax"),
        json!({"$schema": DIALECT, "title": "Ax", "enum": [5]})
    );
    member_refused(
        json!({"const": [1]}),
        "/const",
        "`const` of a value other than a string has no attribute",
    );
}

#[test]
fn title_deprecated_and_format_are_annotations_of_values_and_types() {
    let out = run(json!({"$defs": {
        "A": {
            "title": "Other", "deprecated": true, "format": "thing",
            "type": "object", "properties": {
                "s": {"type": "string", "title": "X", "deprecated": true},
                "b": {"type": "boolean", "format": "flag"},
                "e": {"$ref": "#/$defs/E", "title": "Kind", "format": "kind"},
                "m": {"type": "object", "additionalProperties": {"type": "string"}, "format": "labels"}
            }, "required": ["s", "b", "e", "m"]
        },
        "E": {"type": "string", "enum": ["a"], "title": "E", "deprecated": true},
        "N": {"type": "integer", "title": "Count", "deprecated": false}
    }}));
    has(
        &out,
        &[
            "#[model(title = \"Other\", format = \"thing\", deprecated)]\npub struct A {\n",
            "    #[model(title = \"X\", deprecated)]\n    pub s: String,\n",
            "    #[model(format = \"flag\")]\n    pub b: bool,\n",
            "    #[model(format = \"kind\", title = \"Kind\")]\n    pub e: E,\n",
            "    #[model(format = \"labels\")]\n    pub m: BTreeMap<String, String>,\n",
            // A title that names the type is its name; `deprecated: false` says nothing.
            "#[model(rename_all = \"camelCase\", deprecated)]\npub enum E {\n",
            "#[model(title = \"Count\")]\npub struct N(pub i64);\n",
        ],
    );
    let a = expected(&out, "A");
    assert_eq!(a["title"], "Other");
    assert_eq!(a["deprecated"], true);
    assert_eq!(a["format"], "thing");
    assert_eq!(
        a["properties"]["s"],
        json!({"type": "string", "title": "X", "deprecated": true})
    );
    assert_eq!(
        a["properties"]["e"],
        json!({"$ref": "#/$defs/E", "title": "Kind", "format": "kind"})
    );
    assert_eq!(expected(&out, "E")["title"], "E");
    assert_eq!(expected(&out, "N")["title"], "Count");
}

#[test]
fn applicators_and_conditionals_are_refused() {
    for key in [
        "not",
        "if",
        "then",
        "else",
        "prefixItems",
        "contains",
        "minContains",
        "maxContains",
        "unevaluatedItems",
    ] {
        member_refused(
            json!({"type": "array", "items": {"type": "string"}, key: {}}),
            &format!("/{key}"),
            &format!("`{key}` has no attribute in the derive"),
        );
    }
    for key in ["dependentSchemas", "dependentRequired"] {
        member_refused(
            json!({"type": "object", "properties": {"a": {"type": "string"}}, key: {}}),
            &format!("/{key}"),
            &format!("`{key}` has no attribute in the derive"),
        );
    }
    // On a struct too.
    a_refused(
        json!({"$defs": {"A": {"type": "object", "properties": {}, "not": {}}}}),
        "#/$defs/A/not",
        "has no attribute in the derive",
    );
}

#[test]
fn a_keyword_the_derive_cannot_place_is_refused() {
    // Each applies to the value (a `$ref` states no type; `maxLength` applies to a string),
    // and no attribute of the derive says it there.
    member_refused(
        json!({"$ref": "#/$defs/A", "maxLength": 1}),
        "/maxLength",
        "does not apply to a `$ref`",
    );
    member_refused(
        json!({"type": "string", "enum": ["a"], "maxLength": 1}),
        "/maxLength",
        "does not apply to an enum",
    );
}

// Refusals: objects.

#[test]
fn unevaluated_properties_beside_merged_parts_is_additional_properties_of_the_whole() {
    let out = run(json!({"$defs": {
        "Spec": {"type": "object", "properties": {"image": {"type": "string"}},
                 "patternProperties": {"^x-": {}}},
        "Job": {"allOf": [{"$ref": "#/$defs/Spec"}], "required": ["image"],
                "properties": {"per_replica": {"type": "boolean"}},
                "unevaluatedProperties": false},
        "Plain": {"type": "object", "properties": {"a": {"type": "string"}},
                  "unevaluatedProperties": {"type": "integer"}}
    }}));
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    has(
        &out,
        &[
            "pub struct Job {\n    pub image: String,\n    #[model(not_null)]\n    pub per_replica: Option<bool>,\n    /// The members no other field declares, by name.\n    #[model(flatten, keys(pattern = \"^x-\"))]\n    pub additional_properties: BTreeMap<String, serde_json::Value>,\n}\n",
            "    #[model(flatten)]\n    pub additional_properties: BTreeMap<String, i64>,\n",
        ],
    );
    assert_eq!(
        expected(&out, "Job")["propertyNames"],
        json!({"anyOf": [{"enum": ["image", "per_replica"]}, {"pattern": "^x-"}]})
    );
    // A part that takes members of any name evaluates them all: nothing is left to refuse.
    let out = run(json!({"$defs": {"Open": {"type": "object",
        "allOf": [{"properties": {"a": {"type": "string"}}, "additionalProperties": true}],
        "unevaluatedProperties": false}}}));
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    has(
        &out,
        &["pub struct Open {\n    #[model(not_null)]\n    pub a: Option<String>,\n}\n"],
    );
    // In a part, it refuses the other parts' members; beside a union, which members it sees
    // depends on the branch.
    a_refused(
        json!({"$defs": {"A": {"allOf": [
            {"type": "object", "properties": {"a": {"type": "string"}}, "unevaluatedProperties": false},
            {"type": "object", "properties": {"b": {"type": "string"}}}
        ]}}}),
        "#/$defs/A/allOf/0/unevaluatedProperties",
        "in a part of `allOf`",
    );
    a_refused(
        json!({"$defs": {"A": {"type": "object", "properties": {"a": {"type": "string"}},
            "anyOf": [{"required": ["a"]}], "unevaluatedProperties": false}}}),
        "#/$defs/A/unevaluatedProperties",
        "has no attribute in the derive",
    );
    // Two parts that give one pattern differently.
    a_refused(
        json!({"$defs": {"A": {"allOf": [
            {"type": "object", "patternProperties": {"^x-": {"type": "string"}}},
            {"type": "object", "patternProperties": {"^x-": {"type": "integer"}}}
        ]}}}),
        "#/$defs/A/allOf/1/patternProperties/^x-",
        "the pattern `^x-` is given by two parts of `allOf`, differently",
    );
}

#[test]
fn required_lists_in_one_of_any_of_and_dependencies_are_presence_rules() {
    let out = run(json!({"$defs": {
        "Changes": {"type": "object", "additionalProperties": false,
            "oneOf": [{"required": ["paths"]}, {"required": ["regexp"]}],
            "properties": {"paths": {"type": "array", "items": {"type": "string"}},
                           "compare_to": {"type": "string"},
                           "regexp": {"type": "string", "maxLength": 255}}},
        "Item": {"type": "object",
            "properties": {"id": {"type": "integer"}, "owner": {"type": "string"},
                           "repo": {"type": ["string", "null"]}, "number": {"type": "integer"}},
            "oneOf": [{"required": ["id"]}, {"required": ["owner", "repo", "number"]}],
            "anyOf": [{"required": ["id"]}, {"required": ["owner"]}]},
        "Trigger": {"type": "object",
            "properties": {"project": {"type": "string"}, "branch": {"type": "string"}},
            "dependencies": {"branch": ["project"]}},
        "Always": {"type": "object", "required": ["project"],
            "properties": {"project": {"type": "string"}, "branch": {"type": "string"}},
            "dependencies": {"branch": ["project"]}}
    }}));
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    has(
        &out,
        &[
            "#[model(deny_unknown_fields, required_one_of(paths, regexp))]\npub struct Changes {\n",
            "#[model(required_one_of(id, (owner, repo, number)), required_any_of(id, owner))]\npub struct Item {\n",
            // A member that may be `null` is present when it is: `Some(None)`.
            "    pub repo: Option<Option<String>>,\n",
            "    #[model(not_null, requires(project))]\n    pub branch: Option<String>,\n",
        ],
    );
    let changes = expected(&out, "Changes");
    assert_eq!(
        changes["oneOf"],
        json!([{"required": ["paths"]}, {"required": ["regexp"]}])
    );
    assert_eq!(
        expected(&out, "Item")["allOf"],
        json!([
            {"oneOf": [{"required": ["id"]}, {"required": ["owner", "repo", "number"]}]},
            {"anyOf": [{"required": ["id"]}, {"required": ["owner"]}]}
        ])
    );
    assert_eq!(
        expected(&out, "Trigger")["dependentRequired"],
        json!({"branch": ["project"]})
    );
    // A member that needs a required one, always present, needs nothing more.
    has(
        &out,
        &[
            "pub struct Always {\n    #[model(not_null)]\n    pub branch: Option<String>,\n    pub project: String,\n}\n",
        ],
    );
    assert!(expected(&out, "Always").get("dependentRequired").is_none());
    // A rule that names a member not declared, or a required one; and branches that say
    // more than which members are present.
    for (extra, at, why) in [
        (
            json!({"oneOf": [{"required": ["a"]}, {"required": ["z"]}], "additionalProperties": false}),
            "#/$defs/A/oneOf",
            "names `z`, which is not among the `properties`",
        ),
        (
            json!({"anyOf": [{"required": ["a"]}, {"required": ["r"]}], "required": ["r"]}),
            "#/$defs/A/anyOf",
            "names `r`, which is required, so always present",
        ),
        (
            json!({"oneOf": [{"required": ["a"]}, {"required": ["r"], "not": {"required": ["a"]}}]}),
            "#/$defs/A/oneOf",
            "`oneOf` beside the keywords of an object with `properties`",
        ),
    ] {
        let mut a = json!({"type": "object", "properties": {
            "a": {"type": "string"}, "r": {"type": "string"}, "d": {"type": "string", "default": "x"}
        }});
        for (k, v) in extra.as_object().unwrap() {
            a[k] = v.clone();
        }
        a_refused(json!({"$defs": {"A": a}}), at, why);
    }
}

#[test]
fn only_writes_the_types_named_and_those_they_hold() {
    let doc = Document::new(
        json!({"$defs": {
            "A": {"type": "object", "properties": {"b": {"$ref": "#/$defs/B"},
                  "inline": {"type": "object", "properties": {"x": {"type": "string"}}}}},
            "B": {"type": "array", "items": {"$ref": "#/$defs/C"}},
            "C": {"type": "string", "enum": ["c"]},
            "D": {"type": "object", "properties": {"n": {"type": "integer", "maximum": "x"}}}
        }}),
        "doc",
    )
    .unwrap();
    let options = Options {
        only: Some(vec!["A".to_owned()]),
        ..Options::default()
    };
    let out = generate(&doc, &options);
    let names: Vec<&str> = out.types.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["A", "B", "C", "AInline"], "{}", out.code);
    assert!(!out.code.contains("pub struct D"));
    // Every schema is still read: a refusal elsewhere is reported.
    assert!(
        out.refused
            .iter()
            .any(|n| n.pointer.starts_with("#/$defs/D")),
        "{:?}",
        out.refused
    );
}

#[test]
fn null_in_a_type_list_beside_an_enum_is_allowed_only_among_its_values() {
    let out = run(json!({"$defs": {"A": {"type": "object", "properties": {
        "closed": {"type": ["string", "null"], "enum": ["a", "b"]},
        "open": {"type": ["string", "null"], "enum": ["a", null]}
    }}}}));
    has(
        &out,
        &[
            "    #[model(not_null)]\n    pub closed: Option<AClosed>,\n",
            "    pub open: Option<AOpen>,\n",
        ],
    );
    assert!(!out.code.contains("#[model(not_null)]\n    pub open"));
}

#[test]
fn a_described_union_of_map_values_leaves_its_null_to_the_map() {
    // The union describes itself (a map's value takes its description) and still leaves its
    // `null` to the map's values, in the code and in the expected schema alike.
    let out = run(json!({"$defs": {"M": {"type": "object",
        "additionalProperties": {"type": ["string", "boolean", "null"], "description": "V.", "title": "Value"}}}}));
    has(
        &out,
        &[
            "pub struct M(#[model(values(title = \"Value\"))] pub BTreeMap<String, Option<MValue>>);\n",
        ],
    );
    let v = expected(&out, "MValue");
    assert_eq!(v["anyOf"], json!([{"type": "string"}, {"type": "boolean"}]));
    assert_eq!(v["description"], "V.");
    assert_eq!(v["title"], "MValue");
}

#[test]
fn read_only_and_write_only_on_a_named_type_are_its_container_attributes() {
    let out = run(json!({"$defs": {
        "Package": {"type": "object", "readOnly": true, "properties": {"name": {"type": "string"}}},
        "Mode": {"type": "string", "enum": ["a", "b"], "writeOnly": true},
        "Either": {"type": ["string", "integer"], "readOnly": true}
    }}));
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    has(
        &out,
        &[
            "#[model(read_only)]\npub struct Package {\n",
            "#[model(rename_all = \"camelCase\", write_only)]\npub enum Mode {\n",
            "#[model(untagged, read_only)]\npub enum Either {\n",
        ],
    );
    assert_eq!(expected(&out, "Package")["readOnly"], true);
    assert_eq!(expected(&out, "Mode")["writeOnly"], true);
    assert_eq!(expected(&out, "Either")["readOnly"], true);
}

#[test]
fn null_alone_beside_a_reference_to_a_type_without_null_accepts_nothing() {
    a_refused(
        json!({"$defs": {
            "User": {"type": "object", "properties": {"id": {"type": "integer"}}},
            "A": {"type": "object", "properties": {
                "author": {"allOf": [{"$ref": "#/$defs/User"}], "type": ["null"]}
            }}
        }}),
        "#/$defs/A/properties/author/type",
        "`type` `null` beside a `$ref` to `#/$defs/User`, which does not allow `null`: no value is both",
    );
}

#[test]
fn openapi_30_nullable_adds_null_to_an_enum_s_values() {
    let out = run_text(
        r##"{"openapi": "3.0.3", "info": {"title": "t", "version": "1"}, "paths": {},
            "components": {"schemas": {
              "T": {"type": "object", "properties": {
                "color": {"type": "string", "enum": ["gray", "blue"], "nullable": true},
                "state": {"$ref": "#/components/schemas/S"}}},
              "S": {"type": "string", "nullable": true, "enum": ["open", "fixed"]}}}}"##,
    );
    has(
        &out,
        &["pub struct T {\n    pub color: Option<TColor>,\n    pub state: Option<S>,\n}\n"],
    );
}

#[test]
fn a_newtype_s_title_that_names_it_is_its_name_in_the_expected_schema() {
    let out = run(json!({"$defs": {
        "CodeFrequencyStat": {"title": "Code Frequency Stat", "type": "array", "items": {"type": "integer"}}
    }}));
    has(&out, &["pub struct CodeFrequencyStat(pub Vec<i64>);\n"]);
    assert_eq!(
        expected(&out, "CodeFrequencyStat")["title"],
        "CodeFrequencyStat"
    );
}

#[test]
fn operations_that_share_a_response_each_expect_its_schema() {
    let out = run_text(
        r##"{"openapi": "3.0.3", "info": {"title": "t", "version": "1"},
            "paths": {
              "/a": {"get": {"operationId": "a", "responses": {"503": {"$ref": "#/components/responses/down"}}}},
              "/b": {"get": {"operationId": "b", "responses": {"503": {"$ref": "#/components/responses/down"}}}}},
            "components": {"responses": {"down": {"description": "Down", "content": {"application/json": {
              "schema": {"type": "object", "properties": {"code": {"type": "string"}}}}}}}}}"##,
    );
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    for name in ["AResponse503", "BResponse503"] {
        let e = expected(&out, name);
        assert_eq!(
            e["properties"],
            json!({"code": {"type": "string"}}),
            "{name}"
        );
        assert_eq!(e["type"], "object", "{name}");
    }
}

#[test]
fn null_beside_presence_rules_is_taken_by_any_of_and_refused_by_one_of() {
    // `required` checks objects alone: `null` meets every branch.
    let out = run(json!({"$defs": {
        "Any": {"type": ["object", "null"], "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
                "anyOf": [{"required": ["a"]}, {"required": ["b"]}]},
        "One": {"type": ["object", "null"], "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
                "oneOf": [{"required": ["a"]}, {"required": ["b"]}]}
    }}));
    warns(
        &out,
        "#/$defs/Any",
        "allows `null`, which a Rust struct or enum cannot hold",
    );
    assert!(
        !out.warnings.iter().any(|w| w.pointer == "#/$defs/One"),
        "{:?}",
        out.warnings
    );
}

#[test]
fn other_members_are_a_flattened_map() {
    let out = run(json!({"$defs": {
        "A": {"type": "object", "properties": {"a": {"type": "string"}}, "required": ["a"],
              "additionalProperties": {"type": "integer", "maximum": 5}},
        "B": {"type": "object", "properties": {"name": {"type": "string"}},
              "patternProperties": {"^x-": {"type": "string", "maxLength": 3}},
              "additionalProperties": false},
        "C": {"type": "object", "patternProperties": {"^[a-z]+$": {"type": "boolean"}},
              "additionalProperties": false, "maxProperties": 2}
    }}));
    has(
        &out,
        &[
            "    pub a: String,\n    /// The members no other field declares, by name.\n    #[model(flatten, values(max = 5))]\n    pub additional_properties: BTreeMap<String, i64>,\n",
            "    #[model(flatten, keys(pattern = \"^x-\"), values(max_len = 3))]\n    pub additional_properties: BTreeMap<String, String>,\n",
            "pub struct C(#[model(max_len = 2, keys(pattern = \"^[a-z]+$\"))] pub BTreeMap<String, bool>);\n",
        ],
    );
    assert_eq!(
        expected(&out, "A")["additionalProperties"],
        json!({"type": "integer", "minimum": i64::MIN, "maximum": 5})
    );
    let b = expected(&out, "B");
    assert_eq!(
        b["additionalProperties"],
        json!({"type": "string", "maxLength": 3})
    );
    assert_eq!(
        b["propertyNames"],
        json!({"anyOf": [{"enum": ["name"]}, {"pattern": "^x-"}]})
    );
    assert_eq!(
        expected(&out, "C"),
        json!({
            "$schema": DIALECT, "title": "C", "type": "object",
            "additionalProperties": {"type": "boolean"}, "maxProperties": 2,
            "propertyNames": {"pattern": "^[a-z]+$"}
        })
    );
    // Beside members of any other name: the same map, with a warning, since it refuses the
    // names the pattern does not match; an entry of any value says nothing there.
    let out = run(json!({"$defs": {
        "A": {"type": "object", "properties": {"a": {"type": "string"}},
              "patternProperties": {"^x-": {"type": "string"}}},
        "E": {"type": "object", "properties": {"a": {"type": "string"}},
              "patternProperties": {"^x-": {}}}
    }}));
    has(
        &out,
        &[
            "    #[model(flatten, keys(pattern = \"^x-\"))]\n    pub additional_properties: BTreeMap<String, String>,\n",
            "pub struct E {\n    #[model(not_null)]\n    pub a: Option<String>,\n}\n",
        ],
    );
    warns(
        &out,
        "#/$defs/A/patternProperties",
        "beside members of any other name: read as a map of the names `^x-` matches",
    );
    assert!(
        !out.warnings
            .iter()
            .any(|w| w.pointer.starts_with("#/$defs/E")),
        "{:?}",
        out.warnings
    );
    // Two patterns, or a pattern a declared member matches.
    a_refused(
        json!({"$defs": {"A": {"type": "object", "additionalProperties": false,
            "patternProperties": {"^x-": {"type": "string"}, "^y-": {"type": "string"}}}}}),
        "#/$defs/A/patternProperties",
        "of more than one pattern",
    );
    a_refused(
        json!({"$defs": {"A": {"type": "object", "properties": {"x-a": {"type": "string"}},
            "patternProperties": {"^x-": {"type": "string"}}, "additionalProperties": false}}}),
        "#/$defs/A/patternProperties",
        "the declared member `x-a` matches too",
    );
}

#[test]
fn a_member_required_and_not_declared_holds_any_value_unless_none_may_be_there() {
    // Open to members of any name: the member may hold any value, and is declared so.
    let out = run(json!({"$defs": {
        "A": {"type": "object", "properties": {"x": {"type": "string"}}, "required": ["x", "y"]},
        "P": {"type": "object", "properties": {"x": {"type": "string"}},
              "anyOf": [{"required": ["x"]}, {"required": ["z"]}]}
    }}));
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    has(
        &out,
        &[
            "pub struct A {\n    pub x: String,\n    pub y: serde_json::Value,\n}\n",
            "#[model(required_any_of(x, z))]\npub struct P {\n",
            "    pub z: Option<Option<serde_json::Value>>,\n",
        ],
    );
    assert_eq!(expected(&out, "A")["properties"]["y"], json!({}));
    assert_eq!(expected(&out, "A")["required"], json!(["x", "y"]));
    // Closed, or open to the names of a pattern: no value could be there; refused, even when
    // lossy.
    let doc = json!({"$defs": {"A": {
        "type": "object", "properties": {"x": {"type": "string"}}, "required": ["x", "y"],
        "additionalProperties": false
    }}});
    a_refused(
        doc.clone(),
        "#/$defs/A/required/1",
        "`y` is required but not among the `properties`",
    );
    refuses(
        &run_lossy(doc),
        "#/$defs/A/required/1",
        "`y` is required but not among the `properties`",
    );
}

#[test]
fn defaults_are_literals_held_to_the_member_s_own_schema() {
    member_is(
        json!({"type": "integer", "default": 5, "maximum": 9}),
        "    #[model(max = 9, default = 5)]\n    pub x: i64,\n",
    );
    member_is(
        json!({"type": "number", "default": 1}),
        "    #[model(default = 1.0)]\n    pub x: f64,\n",
    );
    member_is(
        json!({"type": "string", "default": "a\"b"}),
        "    #[model(default = \"a\\\"b\")]\n    pub x: String,\n",
    );
    member_is(
        json!({"type": "boolean", "default": true}),
        "    #[model(default = true)]\n    pub x: bool,\n",
    );
    member_is(
        json!({"type": "string", "enum": ["a", "b"], "default": "b"}),
        "    #[model(default = \"b\")]\n    pub x: Ax,\n",
    );
    // The type's own value is `default`; under `Option` (a member that may be `null`), a
    // literal.
    member_is(
        json!({"type": "array", "items": {"type": "string"}, "default": []}),
        "    #[model(default)]\n    pub x: Vec<String>,\n",
    );
    member_is(
        json!({"type": ["string", "null"], "default": ""}),
        "    #[model(default = \"\")]\n    pub x: Option<String>,\n",
    );
    let out = run(member(json!({"type": "integer", "default": 5})));
    assert_eq!(
        expected(&out, "A")["properties"]["x"],
        json!({"type": "integer", "minimum": i64::MIN, "maximum": i64::MAX, "default": 5})
    );
    // A required member is never absent: its default is dropped, with a warning.
    let out = run(required_member(json!({"type": "string", "default": "a"})));
    has(&out, &["    pub x: String,\n"]);
    warns(
        &out,
        "#/$defs/A/properties/x/default",
        "a required member is never absent, so its `default` is never used; dropped",
    );
    assert_eq!(
        expected(&out, "A")["properties"]["x"],
        json!({"type": "string"})
    );
    // A default its own schema refuses checks nothing, and the derive would refuse it:
    // dropped, with a warning.
    for (schema, why) in [
        (
            json!({"type": "string", "maxLength": 1, "default": "ab"}),
            "which its own schema refuses (`maxLength`)",
        ),
        (
            json!({"type": "string", "pattern": "^a", "default": "b"}),
            "(`pattern`)",
        ),
        (
            json!({"type": "integer", "minimum": 1, "default": 0}),
            "(`minimum`)",
        ),
        (
            json!({"type": "string", "enum": ["a"], "default": "b"}),
            "(`enum`)",
        ),
        (
            json!({"type": "integer", "format": "int32", "default": 3_000_000_000_i64}),
            "which an `i32` (format int32) does not hold",
        ),
    ] {
        let out = run(member(schema.clone()));
        warns(&out, "#/$defs/A/properties/x/default", why);
        let mut without = schema;
        without.as_object_mut().unwrap().remove("default");
        assert_eq!(
            expected(&out, "A")["properties"]["x"],
            expected(&run(member(without.clone())), "A")["properties"]["x"],
            "{without}"
        );
        assert!(!out.code.contains("default"), "{}", out.code);
    }
    // Nor one a named enum does not hold.
    let out = run(json!({"$defs": {
        "E": {"type": "string", "enum": ["a"]},
        "A": {"type": "object", "properties": {"x": {"$ref": "#/$defs/E", "default": "b"}}}
    }}));
    warns(
        &out,
        "#/$defs/A/properties/x/default",
        "not one of the enum's values",
    );
    assert_eq!(
        expected(&out, "A")["properties"]["x"],
        json!({"$ref": "#/$defs/E"})
    );
    // On a secret, refused.
    member_refused(
        json!({"type": "string", "format": "password", "default": "a"}),
        "/default",
        "a secret's default would sit in the source",
    );
}

#[test]
fn malformed_objects_are_refused() {
    a_refused(
        json!({"$defs": {"A": {"type": "object", "properties": []}}}),
        "#/$defs/A/properties",
        "`properties` must be an object",
    );
    a_refused(
        json!({"$defs": {"A": {"type": "object", "properties": {}, "required": "x"}}}),
        "#/$defs/A/required",
        "`required` must be an array of names",
    );
    a_refused(
        json!({"$defs": {"A": 5}}),
        "#/$defs/A",
        "a type's schema must be an object",
    );
    member_refused(json!(5), "", "a schema must be an object (or `true`)");
}

// Refusals: enums.

#[test]
fn enums_of_other_values_are_refused() {
    let e = |values: Value| json!({"$defs": {"A": {"type": "string", "enum": values}}});
    a_refused(
        e(json!(["a", 1])),
        "#/$defs/A/enum/1",
        "1 is not of the schema's `type`, so no value is ever it",
    );
    a_refused(
        json!({"$defs": {"A": {"enum": ["a", [1]]}}}),
        "#/$defs/A/enum/1",
        "only strings, numbers and booleans are read in an `enum`",
    );
    a_refused(
        json!({"$defs": {"A": {"enum": [1, 1.0]}}}),
        "#/$defs/A/enum/1",
        "a value given twice",
    );
    a_refused(
        e(json!([])),
        "#/$defs/A/enum",
        "an `enum` with no value accepts nothing",
    );
    a_refused(
        e(json!(["a", "a"])),
        "#/$defs/A/enum/1",
        "a value given twice",
    );
    a_refused(e(json!("a")), "#/$defs/A/enum", "`enum` must be an array");
    a_refused(
        json!({"$defs": {"A": {"type": "integer", "enum": [1, 1.5]}}}),
        "#/$defs/A/enum/1",
        "1.5 is not of the schema's `type`",
    );
}

#[test]
fn enums_of_numbers_and_booleans_are_value_enums() {
    let out = run_text(
        r##"{"$defs": {"Level": {"type": "integer", "enum": [1, -2, 3.0]},
            "Flag": {"type": "boolean", "enum": [false]},
            "Mixed": {"enum": ["auto", 0, 1.5, true]}}}"##,
    );
    has(
        &out,
        &[
            "pub enum Level {\n    /// `1`\n    #[model(value = 1)]\n    V1,\n    /// `-2`\n    #[model(value = -2)]\n    Minus2,\n    /// `3.0`\n    #[model(value = 3.0)]\n    V3Point0,\n}\n",
            "pub enum Flag {\n    /// `false`\n    #[model(value = false)]\n    False,\n}\n",
            "    /// `auto`\n    Auto,\n    /// `0`\n    #[model(value = 0)]\n    V0,\n    /// `1.5`\n    #[model(value = 1.5)]\n    V1Point5,\n    /// `true`\n    #[model(value = true)]\n    True,\n",
        ],
    );
    // The derive lists such values alone: a `type` they all have says nothing more.
    assert_eq!(
        expected(&out, "Level"),
        json!({"$schema": DIALECT, "title": "Level", "enum": [1, -2, 3.0]})
    );
    assert_eq!(
        expected(&out, "Mixed")["enum"],
        json!(["auto", 0, 1.5, true])
    );
}

// Refusals: patterns.

#[test]
fn patterns_the_derive_cannot_check_are_refused_with_the_compiler_s_reason() {
    for (pattern, why) in [
        ("(a)\\1", "`\\1` is a backreference"),
        ("^(?=a)", "`(?=` is a lookahead"),
        ("(?<!a)b", "`(?<!` is a lookbehind"),
        ("(?i)a", "`(?i` sets flags for part of the pattern"),
        (
            "^[z-a]*$",
            "the range `z-a` in a character class is out of order",
        ),
        (r"^[a\]*$", "unterminated character class"),
        (r"^[\u12]*$", "`\\u12` is not a Unicode escape"),
        (r"\p{Foo}", "`\\p{Foo}` is not a Unicode property"),
        // The derive's bound on an automaton's states, repeated by the generator.
        (
            "(a|b)*a(a|b){20}",
            "the automaton for this pattern has more than 10000 states",
        ),
    ] {
        member_refused(
            json!({"type": "string", "pattern": pattern}),
            "/pattern",
            &format!("`pattern` is `{pattern}`, which the derive cannot check: {why}"),
        );
    }
    assert_eq!(authlete_models_codegen::MAX_STATES, 10_000);
    member_refused(
        json!({"type": "string", "pattern": 5}),
        "/pattern",
        "`pattern` must be a string",
    );
    // Inside items, map values and member names, at the pointer of each.
    let at = |schema: Value, rel: &str| member_refused(schema, rel, "`\\1` is a backreference");
    at(
        json!({"type": "array", "items": {"type": "string", "pattern": "(a)\\1"}}),
        "/items/pattern",
    );
    at(
        json!({"type": "object", "additionalProperties": {"type": "string", "pattern": "(a)\\1"}}),
        "/additionalProperties/pattern",
    );
    at(
        json!({"type": "object", "additionalProperties": {"type": "string"}, "propertyNames": {"pattern": "(a)\\1"}}),
        "/propertyNames/pattern",
    );
}

// Refusals: arrays and maps of any values.

#[test]
fn arrays_and_maps_of_any_values_take_counts_and_key_rules() {
    member_is(
        json!({"type": "array", "minItems": 1, "uniqueItems": true}),
        "    #[model(min_len = 1, unique, not_null)]\n    pub x: Option<Vec<serde_json::Value>>,\n",
    );
    member_is(
        json!({"type": "object", "maxProperties": 3, "propertyNames": {"maxLength": 3}}),
        "    #[model(max_len = 3, keys(max_len = 3), not_null)]\n    pub x: Option<serde_json::Map<String, serde_json::Value>>,\n",
    );
    let out = run(member(
        json!({"type": "object", "maxProperties": 3, "propertyNames": {"maxLength": 3}}),
    ));
    assert_eq!(
        expected(&out, "A")["properties"]["x"],
        json!({"type": "object", "maxProperties": 3, "propertyNames": {"maxLength": 3}})
    );
}

#[test]
fn malformed_maps_are_refused() {
    member_refused(
        json!({"type": "object", "additionalProperties": {"type": "string", "anyOf": []}}),
        "/additionalProperties",
        "a union with no branch accepts nothing",
    );
    member_refused(
        json!({"type": "object", "additionalProperties": false}),
        "/additionalProperties",
        "an object with no member at all: declare `properties`",
    );
}

#[test]
fn descriptions_inside_arrays_maps_and_unions_are_dropped() {
    for (schema, at, whose) in [
        (
            json!({"type": "array", "items": {"type": "string", "description": "d"}}),
            "/items/description",
            "an array's items",
        ),
        (
            json!({"type": "object", "additionalProperties": {"type": "string", "description": "d"}}),
            "/additionalProperties/description",
            "a map's values",
        ),
        (
            json!({"anyOf": [{"type": "string", "description": "d"}, {"type": "integer"}]}),
            "/anyOf/0/description",
            "a union's branch",
        ),
    ] {
        let out = run(member(schema));
        assert!(out.refused.is_empty(), "{:?}", out.refused);
        warns(
            &out,
            &format!("#/$defs/A/properties/x{at}"),
            &format!(
                "`description` of {whose} has no place in the derive (only fields and types have doc comments); dropped"
            ),
        );
    }
}

#[test]
fn keywords_json_schema_does_not_define_are_dropped_with_a_warning() {
    let out = run(member(
        json!({"type": "string", "markdownDescription": "*d*", "externalDocs": {"url": "u"}}),
    ));
    has(
        &out,
        &["    #[model(not_null)]\n    pub x: Option<String>,\n"],
    );
    warns(
        &out,
        "#/$defs/A/properties/x/markdownDescription",
        "`markdownDescription` describes nothing the derive reads; dropped",
    );
    warns(
        &out,
        "#/$defs/A/properties/x/externalDocs",
        "`externalDocs` describes nothing the derive reads; dropped",
    );
}

#[test]
fn a_type_list_beside_branches_says_what_they_say() {
    // `null` listed beside `oneOf` is allowed only where a branch allows it: here, nowhere.
    let out = run(member(json!({
        "type": ["null", "integer", "string"],
        "oneOf": [{"type": "integer"}, {"type": "string", "format": "date-time"}]
    })));
    has(&out, &["    #[model(not_null)]\n    pub x: Option<Ax>,\n"]);
    assert_eq!(
        expected(&out, "Ax")["oneOf"],
        json!([
            {"type": "integer", "minimum": i64::MIN, "maximum": i64::MAX},
            {"type": "string", "format": "date-time"}
        ])
    );
    member_refused(
        json!({"type": ["integer", "null"], "oneOf": [{"type": "integer"}, {"type": "string"}]}),
        "/type",
        "is not the type of every branch",
    );
}

#[test]
fn malformed_property_names_and_unique_items_are_refused() {
    let map = |names: Value| json!({"type": "object", "additionalProperties": {"type": "string"}, "propertyNames": names});
    member_refused(
        map(json!(true)),
        "/propertyNames",
        "`propertyNames` must be an object",
    );
    member_refused(
        map(json!({"pattern": "^(?!a)"})),
        "/propertyNames/pattern",
        "`pattern` is `^(?!a)`, which the derive cannot check: `(?!` is a lookahead",
    );
    member_refused(
        map(json!({"pattern": 1})),
        "/propertyNames/pattern",
        "`pattern` must be a string",
    );
    member_refused(
        map(json!({"type": "integer"})),
        "/propertyNames/type",
        "`type` does not apply to member names",
    );
    member_refused(
        map(json!({"format": "uri"})),
        "/propertyNames/format",
        "does not apply to member names",
    );
    member_refused(
        json!({"type": "array", "items": {"type": "string"}, "uniqueItems": 1}),
        "/uniqueItems",
        "`uniqueItems` must be a boolean",
    );
}

// Refusals: `$ref`.

#[test]
fn references_outside_the_document_or_to_nothing_are_refused() {
    member_refused(
        json!({"$ref": "other.json#/$defs/B"}),
        "/$ref",
        "`$ref` to `other.json#/$defs/B`: the document was read from text, with no folder",
    );
    member_refused(
        json!({"$ref": "#/$defs/Missing"}),
        "/$ref",
        "`$ref` to `#/$defs/Missing`: nothing at `/$defs/Missing` in the document",
    );
    a_refused(
        json!({"$defs": {"A": {"$ref": "#/$defs/Missing"}}}),
        "#/$defs/A/$ref",
        "nothing at `/$defs/Missing` in the document",
    );
}

#[test]
fn a_percent_encoded_reference_is_read() {
    let out = run(json!({"$defs": {
        "A B": {"type": "string"},
        "C": {"type": "object", "properties": {"x": {"$ref": "#/$defs/A%20B"}}}
    }}));
    has(&out, &["    #[model(not_null)]\n    pub x: Option<AB>,\n"]);
}

#[test]
fn integer_bounds_past_the_type_s_own_end_say_nothing() {
    // 2^63 (as JavaScript writes 2^63 - 1), and past `i32` on an `int32`: every value of the
    // type meets them.
    let out = run(json!({"$defs": {"A": {"type": "object", "properties": {
        "a": {"type": "integer", "format": "int64", "maximum": 9223372036854775808u64, "minimum": 0},
        "b": {"type": "integer", "exclusiveMinimum": -1e19},
        "c": {"type": "integer", "format": "int32", "maximum": 2147483648u64}
    }}}}));
    has(
        &out,
        &[
            "    #[model(min = 0, format = \"int64\", not_null)]\n    pub a: Option<i64>,\n",
            "    #[model(not_null)]\n    pub b: Option<i64>,\n",
            "    #[model(format = \"int32\", not_null)]\n    pub c: Option<i32>,\n",
        ],
    );
    let a = expected(&out, "A");
    assert_eq!(
        a["properties"]["a"],
        json!({"type": "integer", "format": "int64", "minimum": 0, "maximum": i64::MAX})
    );
    assert_eq!(
        a["properties"]["b"],
        json!({"type": "integer", "minimum": i64::MIN, "maximum": i64::MAX})
    );
    assert_eq!(
        a["properties"]["c"],
        json!({"type": "integer", "format": "int32", "minimum": i32::MIN, "maximum": i32::MAX})
    );
}

// Refusals: numbers.

#[test]
fn integer_bounds_that_are_not_integers_of_the_type_are_refused() {
    member_refused(
        json!({"type": "integer", "minimum": 1.5}),
        "/minimum",
        "1.5 is not an `i64`, the field's type",
    );
    member_refused(
        json!({"type": "integer", "maximum": 1.0}),
        "/maximum",
        "1.0 is not an `i64`",
    );
    member_refused(
        json!({"type": "integer", "format": "int32", "minimum": 2147483648u64}),
        "/minimum",
        "2147483648 is not an `i32` (format int32)",
    );
    member_refused(
        json!({"type": "integer", "multipleOf": 0.5}),
        "/multipleOf",
        "0.5 is not an `i64`",
    );
    member_refused(
        json!({"type": "number", "minimum": "1"}),
        "/minimum",
        "`minimum` must be a number",
    );
}

#[test]
fn a_multiple_of_zero_or_less_is_refused() {
    member_refused(
        json!({"type": "number", "multipleOf": 0}),
        "/multipleOf",
        "`multipleOf` must be positive",
    );
    member_refused(
        json!({"type": "integer", "multipleOf": -2}),
        "/multipleOf",
        "`multipleOf` must be positive",
    );
}

#[test]
fn an_exclusive_bound_beside_an_inclusive_one_is_refused() {
    member_refused(
        json!({"type": "integer", "minimum": 0, "exclusiveMinimum": 0}),
        "/exclusiveMinimum",
        "`exclusiveMinimum` beside `minimum` has no attribute in the derive",
    );
    member_refused(
        json!({"type": "number", "maximum": 1, "exclusiveMaximum": 2}),
        "/exclusiveMaximum",
        "`exclusiveMaximum` beside `maximum` has no attribute in the derive",
    );
}

// Refusals: lengths.

#[test]
fn lengths_that_leave_no_value_or_are_not_whole_numbers_are_refused() {
    member_refused(
        json!({"type": "string", "minLength": 5, "maxLength": 2}),
        "",
        "`minLength` 5 is more than `maxLength` 2: no value fits",
    );
    member_refused(
        json!({"type": "array", "items": {"type": "string"}, "minItems": 3, "maxItems": 1}),
        "",
        "`minItems` 3 is more than `maxItems` 1",
    );
    member_refused(
        json!({"type": "object", "additionalProperties": {"type": "string"},
               "minProperties": 2, "maxProperties": 1}),
        "",
        "`minProperties` 2 is more than `maxProperties` 1",
    );
    member_refused(
        json!({"type": "string", "maxLength": 1.5}),
        "/maxLength",
        "`maxLength` must be a whole number",
    );
    member_refused(
        json!({"type": "string", "minLength": -1}),
        "/minLength",
        "`minLength` must be a whole number",
    );
}

// Refusals: types.

#[test]
fn an_object_with_properties_in_a_type_list_is_a_struct_of_its_own_in_the_union() {
    let out = run(json!({"$defs": {
        "Ext": {"type": ["boolean", "object", "null"], "properties": {"name": {"type": "string"}},
                "required": ["name"], "additionalProperties": false},
        "Config": {"type": "object", "properties": {
            "external": {"type": ["string", "object"], "maxLength": 3,
                         "properties": {"name": {"type": "string"}}}}}
    }}));
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    has(
        &out,
        &[
            "#[model(untagged)]\npub enum Ext {\n    Boolean(bool),\n    Object(ExtObject),\n    Null,\n}\n",
            "#[model(deny_unknown_fields)]\npub struct ExtObject {\n    pub name: String,\n}\n",
            "pub enum ConfigExternal {\n    String(#[model(max_len = 3)] String),\n    Object(ConfigExternalObject),\n}\n",
        ],
    );
    // The object's keywords are its branch's; the string's, the string's.
    assert_eq!(
        expected(&out, "ExtObject"),
        json!({"$schema": DIALECT, "title": "ExtObject", "type": "object",
               "properties": {"name": {"type": "string"}}, "required": ["name"],
               "additionalProperties": false})
    );
    assert_eq!(
        expected(&out, "ConfigExternal")["anyOf"],
        json!([{"type": "string", "maxLength": 3}, {"$ref": "#/$defs/ConfigExternalObject"}])
    );
}

#[test]
fn a_value_that_is_always_null_is_the_unit_type() {
    // Optional: absent or `null`; required: `null`.
    member_is(json!({"type": ["null"]}), "    pub x: Option<()>,\n");
    member_is(
        json!({"type": "null", "description": "Always null."}),
        "    /// Always null.\n    pub x: Option<()>,\n",
    );
    has(
        &run(required_member(json!({"type": "null"}))),
        &["    pub x: (),\n"],
    );
    let out = run(json!({"$defs": {"A": {"type": "array", "items": {"type": "null"}}}}));
    has(&out, &["pub struct A(pub Vec<()>);\n"]);
    assert_eq!(expected(&out, "A")["items"], json!({"type": "null"}));
    // A list of no type accepts nothing.
    member_refused(
        json!({"type": []}),
        "/type",
        "an empty `type` list accepts nothing",
    );
}

#[test]
fn unknown_types_are_refused() {
    member_refused(
        json!({"type": "date"}),
        "/type",
        "`date` is not a JSON Schema type",
    );
    member_refused(
        json!({"type": 5}),
        "/type",
        "`type` must be a string or a list of types",
    );
    // A one-type list is that type.
    member_is(
        json!({"type": ["integer"]}),
        "    #[model(not_null)]\n    pub x: Option<i64>,\n",
    );
}

#[test]
fn any_of_with_null_must_be_written_once() {
    member_refused(
        json!({"anyOf": [{"type": "string"}, 5]}),
        "/anyOf/1",
        "a schema must be an object",
    );
    member_refused(
        json!({"anyOf": [{"type": "null"}, 5]}),
        "/anyOf/1",
        "a schema must be an object",
    );
    member_refused(
        json!({"type": "string", "anyOf": [{"type": "string"}, {"type": "null"}]}),
        "/anyOf/0/type",
        "`type` is also beside `anyOf`: write it once",
    );
}

// Refusals: descriptions and annotations.

#[test]
fn a_description_with_a_heading_line_is_also_written_as_the_description_attribute() {
    // The derive's doc comment ends at a line starting with `# `: the attribute gives the
    // schema the whole text, and the doc comment stays for rustdoc.
    let out = run(json!({"$defs": {
        "A": {"type": "object", "description": "# Title\nText.", "properties": {
            "x": {"type": "string", "description": "Text.\n# Heading"},
            "y": {"type": "string", "description": "Text.\n#Not a heading"}
        }},
        "N": {"type": "string", "description": "# Name"}
    }}));
    has(
        &out,
        &[
            "/// # Title\n/// Text.\n#[derive(Clone, Debug, PartialEq, Eq, Model)]\n#[model(description = \"# Title\\nText.\")]\npub struct A {",
            "    /// Text.\n    /// # Heading\n    #[model(description = \"Text.\\n# Heading\", not_null)]\n    pub x: Option<String>,\n",
            "    /// Text.\n    /// #Not a heading\n    #[model(not_null)]\n    pub y: Option<String>,\n",
            "#[model(description = \"# Name\")]\npub struct N(pub String);",
        ],
    );
    assert_eq!(expected(&out, "A")["description"], json!("# Title\nText."));
    assert_eq!(
        expected(&out, "A")["properties"]["x"]["description"],
        json!("Text.\n# Heading")
    );
}

#[test]
fn descriptions_that_are_not_strings_are_refused() {
    member_refused(
        json!({"type": "string", "description": 5}),
        "/description",
        "`description` must be a string",
    );
}

#[test]
fn read_only_with_write_only_and_malformed_annotations_are_refused() {
    member_refused(
        json!({"type": "string", "readOnly": true, "writeOnly": true}),
        "",
        "both `readOnly` and `writeOnly`",
    );
    member_refused(
        json!({"type": "string", "readOnly": "yes"}),
        "/readOnly",
        "`readOnly` must be a boolean",
    );
    // An `examples` that is not an array is read by no validator: dropped, with a warning.
    let out = run(json!({"$defs": {"A": {"type": "object", "properties": {}, "examples": {}}}}));
    warns(&out, "#/$defs/A/examples", "`examples` is not an array");
}

// Refusals: `allOf`.

#[test]
fn all_of_parts_that_are_not_object_schemas_are_refused() {
    let all_of = |parts: Value, beside: Value| {
        let mut a = json!({"allOf": parts});
        if let Value::Object(b) = beside {
            a.as_object_mut().unwrap().extend(b);
        }
        json!({"$defs": {"A": a, "B": {"type": "object", "properties": {"b": {"type": "string"}}, "propertyNames": {"maxLength": 1}}}})
    };
    a_refused(
        all_of(json!({}), json!(null)),
        "#/$defs/A/allOf",
        "`allOf` must be an array",
    );
    a_refused(
        all_of(json!([{"$ref": "x.json"}]), json!(null)),
        "#/$defs/A/allOf/0",
        "only references inside the document are read",
    );
    a_refused(
        all_of(json!([{"$ref": "#/$defs/Missing"}]), json!(null)),
        "#/$defs/A/allOf/0",
        "`$ref` to `#/$defs/Missing`, which is not there",
    );
    a_refused(
        all_of(json!([5]), json!(null)),
        "#/$defs/A/allOf/0",
        "each part of `allOf` must be an object schema",
    );
    a_refused(
        all_of(
            json!([{"type": "object", "properties": {"a": {}}, "propertyNames": {"maxLength": 1}}]),
            json!(null),
        ),
        "#/$defs/A/allOf/0/propertyNames",
        "`propertyNames` in a part of `allOf`: only object schemas",
    );
    a_refused(
        all_of(json!([{"$ref": "#/$defs/B"}]), json!(null)),
        "#/$defs/B/propertyNames",
        "`propertyNames` in a part of `allOf`",
    );
    a_refused(
        all_of(
            json!([{"type": "object", "not": {"type": "string"}}]),
            json!(null),
        ),
        "#/$defs/A/allOf/0/not",
        "only a `not` of `required` lists",
    );
    a_refused(
        all_of(
            json!([{"type": "object", "properties": {"a": {}}}, {"type": "string"}]),
            json!(null),
        ),
        "#/$defs/A/allOf/1/type",
        "each part of `allOf` must be an object",
    );
}

#[test]
fn an_all_of_of_parts_without_members_is_the_one_schema_they_make_together() {
    // Scalars and arrays, as OpenAPI documents write a member "and not null".
    let out = run(json!({"openapi": "3.0.3", "components": {"schemas": {"A": {
        "type": "object",
        "properties": {
            "d": {"allOf": [{"type": "string", "maxLength": 256, "description": "Said."}, {"nullable": false}]},
            "n": {"allOf": [{"type": "integer", "minimum": 1}, {"maximum": 9, "minimum": 0}], "description": "Own."},
            "t": {"allOf": [{"type": "array", "items": {"type": "string"}, "maxItems": 100}, {"minItems": 1}]}
        }
    }}}}));
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    has(
        &out,
        &[
            "    /// Said.\n    #[model(max_len = 256, not_null)]\n    pub d: Option<String>,\n",
            "    /// Own.\n    #[model(min = 1, max = 9, not_null)]\n    pub n: Option<i64>,\n",
            "    #[model(min_len = 1, max_len = 100, not_null)]\n    pub t: Option<Vec<String>>,\n",
        ],
    );
    // Two parts that cannot be one schema: refused where they meet, as before.
    a_refused(
        json!({"$defs": {"A": {"type": "object", "properties": {"x": {"allOf": [
            {"type": "string", "pattern": "^a"},
            {"pattern": "b$"}
        ]}}}}}),
        "#/$defs/A/properties/x/allOf/0/pattern",
        "`pattern` in a part of `allOf`",
    );
}

#[test]
fn a_lone_nullable_in_a_part_of_all_of_adds_null_to_nothing_and_says_so() {
    let out = run(json!({"openapi": "3.0.3", "components": {"schemas": {
        "B": {"type": "object", "properties": {"id": {"type": "string"}}},
        "A": {"type": "object", "properties": {
            "b": {"allOf": [{"$ref": "#/components/schemas/B"}, {"description": "The b."}, {"nullable": true}]}
        }}
    }}}));
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    warns(
        &out,
        "#/components/schemas/A/properties/b/allOf/2/nullable",
        "adds `null` to nothing (OpenAPI 3.0.3)",
    );
    has(
        &out,
        &["    /// The b.\n    #[model(not_null)]\n    pub b: Option<B>,\n"],
    );
}

// Refusals spread, and `lossy`.

#[test]
fn a_type_that_holds_a_refused_type_is_refused_too() {
    let out = run(json!({"$defs": {
        "A": {"type": "object", "properties": {
            "b": {"$ref": "#/$defs/B"},
            "inline": {"type": "object", "properties": {}}
        }},
        "B": {"type": "string", "pattern": "(?<=a)b"},
        "C": {"type": "array", "items": {"$ref": "#/$defs/A"}},
        "D": {"type": "string"}
    }}));
    refuses(&out, "#/$defs/B/pattern", "`pattern` is `(?<=a)b`");
    refuses(&out, "#/$defs/A", "holds `B`, which is refused");
    refuses(&out, "#/$defs/C", "holds `A`, which is refused");
    // The inline type of a refused type goes with it, without a note of its own.
    let names: Vec<&str> = out.types.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["D"]);
    assert_eq!(out.refused.len(), 3, "{:#?}", out.refused);
    assert!(!out.code.contains("AInline"), "{}", out.code);
}

#[test]
fn lossy_drops_what_the_derive_cannot_express_with_a_warning() {
    let out = member_lossy(
        json!({"type": "string", "pattern": "^([a-z])\\1$", "maxLength": 3}),
        "/pattern",
        "`pattern` is `^([a-z])\\1$`, which the derive cannot check",
    );
    has(
        &out,
        &["    #[model(max_len = 3, not_null)]\n    pub x: Option<String>,\n"],
    );
    let out = member_lossy(
        json!({"type": "array", "const": [5]}),
        "/const",
        "`const` of a value other than a string has no attribute",
    );
    assert!(out.code.contains("pub x: Option<"), "{}", out.code);
    let out = member_lossy(
        json!({"type": "array", "items": {"type": "string"}, "contains": {"const": "a"}}),
        "/contains",
        "`contains` has no attribute",
    );
    has(
        &out,
        &["    #[model(not_null)]\n    pub x: Option<Vec<String>>,\n"],
    );
    // A type that lost a keyword has no expected schema: its schema is not the document's.
    let a = out
        .types
        .iter()
        .find(|t| t.name == "A")
        .expect("A is generated");
    assert!(a.expected.is_none());
    let out = run_lossy(json!({"$defs": {"A": {"type": "string", "not": {"const": ""}}}}));
    warns(
        &out,
        "#/$defs/A/not",
        "`not` has no attribute in the derive; dropped (lossy)",
    );
    has(&out, &["pub struct A(pub String);\n"]);
}

#[test]
fn comments_and_extensions_are_dropped_with_a_warning() {
    let out = run(member(
        json!({"type": "string", "$comment": "c", "x-internal": true}),
    ));
    has(
        &out,
        &["    #[model(not_null)]\n    pub x: Option<String>,\n"],
    );
    warns(
        &out,
        "#/$defs/A/properties/x/$comment",
        "`$comment` describes nothing the derive reads; dropped",
    );
    warns(
        &out,
        "#/$defs/A/properties/x/x-internal",
        "`x-internal` describes nothing the derive reads; dropped",
    );
    assert_eq!(
        expected(&out, "A")["properties"]["x"],
        json!({"type": "string"})
    );
}

#[test]
fn the_serde_flavour_writes_the_same_shapes_without_rules() {
    let text = include_str!("../../../tests/codegen/keywords.json");
    let doc = Document::parse(text, "keywords").unwrap();
    let options = Options {
        flavour: authlete_models_codegen::Flavour::SerdeDerive,
        ..Options::default()
    };
    let out = generate(&doc, &options);
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    assert!(!out.code.contains("model("), "{}", out.code);
    assert!(!out.code.contains("Secret"), "{}", out.code);
    assert!(out.code.contains("use serde::{Deserialize, Serialize};"));
    assert!(
        out.code.contains("pub struct Tag(pub String);\n"),
        "{}",
        out.code
    );
    // Each struct and enum of the model flavour is there, under the same name.
    let model = generate(&doc, &Options::default());
    for t in &model.types {
        let name = &t.name;
        assert!(
            out.code.contains(&format!("pub struct {name}"))
                || out.code.contains(&format!("pub enum {name} "))
                || out.code.contains(&format!("pub type {name} ")),
            "{name}"
        );
    }
}

#[test]
fn a_schema_made_of_itself_through_all_of_is_refused_not_followed_for_ever() {
    let out = run(json!({"$defs": {
        "A": {"allOf": [{"$ref": "#/$defs/A"}]},
        "B": {"allOf": [{"$ref": "#/$defs/C"}]},
        "C": {"allOf": [{"$ref": "#/$defs/B"}]},
        "D": {"type": "string"}
    }}));
    refuses(
        &out,
        "#/$defs/A/allOf/0",
        "which includes this schema again",
    );
    refuses(
        &out,
        "#/$defs/B/allOf/0",
        "which includes this schema again",
    );
    refuses(
        &out,
        "#/$defs/C/allOf/0",
        "which includes this schema again",
    );
    let names: Vec<&str> = out.types.iter().map(|t| t.name.as_str()).collect();
    assert_eq!(names, ["D"]);
}

#[test]
fn a_value_or_a_description_with_a_line_break_stays_inside_its_doc_comment() {
    let out = run(json!({"$defs": {
        "E": {"type": "string", "enum": ["foo\nbar", "baz"]},
        "S": {"type": "object", "description": "one\rtwo\r\nthree",
              "properties": {"a": {"type": "string"}}}
    }}));
    has(
        &out,
        &[
            "    /// `\"foo\\nbar\"`\n    #[model(rename = \"foo\\nbar\")]\n",
            "/// one\n/// two\n/// three\n",
        ],
    );
    assert!(!out.code.contains('\r'), "{}", out.code);
}

#[test]
fn swagger_s_required_inside_a_member_is_read_with_a_warning() {
    let out = run(json!({"$defs": {"A": {"type": "object", "properties": {
        "a": {"type": "string", "required": true},
        "b": {"type": "string", "required": false}
    }}}}));
    has(
        &out,
        &["    pub a: String,\n    #[model(not_null)]\n    pub b: Option<String>,\n"],
    );
    warns(
        &out,
        "#/$defs/A/properties/a/required",
        "`required: true` inside a member is Swagger 2's spelling; read as the member listed",
    );
    assert_eq!(expected(&out, "A")["required"], json!(["a"]));
    assert_eq!(
        expected(&out, "A")["properties"]["a"],
        json!({"type": "string"})
    );
}

#[test]
fn properties_without_an_object_type_are_read_as_an_object_with_a_warning() {
    let out = run(json!({"$defs": {
        "A": {"properties": {"a": {"type": "string"}}},
        "B": {"allOf": [{"$ref": "#/$defs/C"}]},
        "C": {"type": "object", "properties": {"c": {"type": "string"}}},
        "D": {"allOf": [{"properties": {"d": {"type": "string"}}}]}
    }}));
    warns(
        &out,
        "#/$defs/A",
        "has `properties` and no `type`: read as an object",
    );
    warns(
        &out,
        "#/$defs/D",
        "has `properties` and no `type`: read as an object",
    );
    // A part that states it is enough.
    assert!(
        !out.warnings
            .iter()
            .any(|w| w.pointer == "#/$defs/B" || w.pointer == "#/$defs/C"),
        "{:?}",
        out.warnings
    );
}

#[test]
fn a_type_beside_a_ref_that_is_its_target_s_is_read_as_the_ref() {
    let out = run(json!({"$defs": {
        "A": {"type": "object", "properties": {
            "b": {"$ref": "#/$defs/B", "type": "object"},
            "s": {"$ref": "#/$defs/S", "type": "string", "description": "An S."}
        }, "required": ["b", "s"]},
        "B": {"type": "object", "properties": {"x": {"type": "string"}}},
        "S": {"type": "string", "maxLength": 2}
    }}));
    has(&out, &["    pub b: B,\n    /// An S.\n    pub s: S,\n"]);
    assert_eq!(
        expected(&out, "A")["properties"]["b"],
        json!({"$ref": "#/$defs/B"})
    );
    member_refused(
        json!({"$ref": "#/$defs/B", "type": "string"}),
        "/type",
        "`type` does not apply to a `$ref`",
    );
}

#[test]
fn a_default_the_derive_cannot_write_is_dropped_with_a_warning() {
    // A default checks nothing: the type accepts what the schema does, and an absent value
    // reads as `None`.
    for (schema, at, why) in [
        (
            json!({"type": "object", "additionalProperties": {"type": "string", "default": "a"}}),
            "/additionalProperties/default",
            "of a map's values has no attribute in the derive",
        ),
        (
            json!({"type": "array", "items": {"type": "string", "default": "a"}}),
            "/items/default",
            "of an array's items has no attribute in the derive",
        ),
        (
            json!({"type": "array", "items": {"type": "string"}, "default": ["a"]}),
            "/default",
            "is [\"a\"], which the derive's `default` cannot write on this member",
        ),
        (
            json!({"type": ["boolean", "string"], "default": true}),
            "/default",
            "is true, which the derive's `default` cannot write on this member",
        ),
        // An enum of numbers is a type of its own, whose default the derive cannot write.
        (
            json!({"type": "integer", "enum": [60, 3600], "default": 3600}),
            "/default",
            "is 3600, which the derive's `default` cannot write on this member",
        ),
        // The type's own value, under the `Option` of a member that may be `null`, is `None`.
        (
            json!({"type": ["array", "null"], "items": {"type": "string"}, "default": []}),
            "/default",
            "is [], which the derive's `default` cannot write on this member",
        ),
        (
            json!({"type": ["object", "null"], "additionalProperties": {"type": "string"}, "default": {}}),
            "/default",
            "is {}, which the derive's `default` cannot write on this member",
        ),
        (
            json!({"type": "string", "enum": ["a", "b"], "default": "c"}),
            "/default",
            "is \"c\", which its own schema refuses (`enum`)",
        ),
    ] {
        let out = run(member(schema));
        assert!(out.refused.is_empty(), "{:?}", out.refused);
        warns(
            &out,
            &format!("#/$defs/A/properties/x{at}"),
            &format!("`default` {why}"),
        );
        warns(
            &out,
            &format!("#/$defs/A/properties/x{at}"),
            "; dropped: it checks nothing, and an absent value reads as `None`",
        );
        assert!(
            !out.code.contains("default"),
            "no default written: {}",
            out.code
        );
        let x = &expected(&out, "A")["properties"]["x"];
        assert!(x.get("default").is_none(), "{x}");
    }
    // On a whole type.
    let out = run(json!({"$defs": {
        "When": {"type": "string", "enum": ["a", "b"], "default": "a"},
        "N": {"type": "integer", "default": 3}
    }}));
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    for at in ["#/$defs/When/default", "#/$defs/N/default"] {
        warns(
            &out,
            at,
            "`default` on a whole type has no attribute in the derive",
        );
    }
    assert!(expected(&out, "When").get("default").is_none());
}

#[test]
fn items_or_additional_properties_without_a_type_are_read_with_a_warning() {
    let out = run(json!({"$defs": {
        "A": {"items": {"type": "integer"}},
        "M": {"additionalProperties": {"type": "integer"}}
    }}));
    has(
        &out,
        &[
            "pub struct A(pub Vec<i64>);\n",
            "pub struct M(pub BTreeMap<String, i64>);\n",
        ],
    );
    warns(
        &out,
        "#/$defs/A",
        "has `items` and no `type`: read as an array",
    );
    warns(
        &out,
        "#/$defs/M",
        "has `additionalProperties` and no `type`: read as an object",
    );
}

#[test]
fn one_branch_is_that_branch_and_empty_all_of_parts_say_nothing() {
    let out = run(json!({"$defs": {
        "A": {"anyOf": [{"type": "string", "maxLength": 2}]},
        "B": {"allOf": [{}, true]},
        "N": {"anyOf": [{"anyOf": [{"type": "null"}]}]}
    }}));
    assert!(
        out.code
            .contains("pub struct A(#[model(max_len = 2)] pub String);\n"),
        "{}",
        out.code
    );
    assert!(
        out.code.contains("pub struct B(pub serde_json::Value);\n"),
        "{}",
        out.code
    );
    assert_eq!(
        expected(&out, "A"),
        json!({"$schema": DIALECT, "title": "A", "type": "string", "maxLength": 2})
    );
    assert_eq!(
        expected(&out, "B"),
        json!({"$schema": DIALECT, "title": "B"})
    );
    refuses(&out, "#/$defs/N/anyOf/0", "a union of nothing but `null`");
}

#[test]
fn a_merged_member_s_inline_type_is_read_where_its_part_declares_it() {
    let out = run(json!({"$defs": {
        "A": {"allOf": [
            {"type": "object", "properties": {
                "x": {"type": "object", "properties": {"y": {"type": "string"}}},
                "same": {"type": "string"}
            }},
            {"$ref": "#/$defs/B"}
        ]},
        "B": {"type": "object", "properties": {
            "z": {"type": "string", "enum": ["a"]},
            "same": {"type": "string"}
        }}
    }}));
    has(
        &out,
        &[
            "    pub x: Option<Ax>,\n",
            "    pub same: Option<String>,\n",
            "pub struct Ax {\n",
        ],
    );
    assert_eq!(
        expected(&out, "Ax")["properties"]["y"],
        json!({"type": "string"})
    );
    a_refused(
        json!({"$defs": {"A": {"allOf": [
            {"type": "object", "properties": {"s": {"type": "string"}}},
            {"type": "object", "properties": {"s": {"type": "integer"}}}
        ]}}}),
        "#/$defs/A/allOf/1/properties/s",
        "`s` is declared by two parts of `allOf`, differently",
    );
}

#[test]
fn a_member_two_parts_declare_is_the_stronger_declaration_when_one_implies_the_other() {
    // The first part says less: the second's `maxLength` and `enum` make the member.
    let out = run(json!({"$defs": {
        "A": {"allOf": [
            {"type": "object", "properties": {"s": {"type": ["string", "null"], "description": "weak"}}},
            {"type": "object", "properties": {"s": {"type": ["string", "null"], "enum": ["a", "b", null], "description": "strong"}}}
        ]},
        "B": {"allOf": [
            {"type": "object", "properties": {"s": {"type": "string", "maxLength": 3}}},
            {"type": "object", "properties": {"s": {"type": ["string", "null"]}}}
        ]},
        "C": {"allOf": [
            {"type": "object", "properties": {"l": {"type": "array", "items": {"type": "object"}}}},
            {"type": "object", "properties": {"l": {"type": "array", "items": {"type": "object", "properties": {"n": {"type": "integer"}}}}}}
        ]}
    }}));
    has(
        &out,
        &[
            "    /// strong\n    pub s: Option<As>,\n",
            "    #[model(max_len = 3, not_null)]\n    pub s: Option<String>,\n",
            "    #[model(not_null)]\n    pub l: Option<Vec<ClItem>>,\n",
            "pub struct ClItem {\n    #[model(not_null)]\n    pub n: Option<i64>,\n}\n",
        ],
    );
    assert_eq!(
        expected(&out, "A")["properties"]["s"]["description"],
        "strong"
    );
    // `null` only where both allow it; an integer is a number; enums as sets of values.
    let out = run(json!({"$defs": {
        "A": {"allOf": [
            {"type": "object", "properties": {
                "u": {"type": "object", "nullable": true, "properties": {"id": {"type": "integer"}}},
                "n": {"type": "number"},
                "e": {"type": "string", "enum": ["a", "b"]},
                "m": {"type": "string", "nullable": true, "format": "email"}
            }},
            {"type": "object", "properties": {
                "u": {"type": "object"},
                "n": {"type": "integer"},
                "e": {"type": "string", "enum": ["b", "a"], "description": "Either."},
                "m": {"type": ["string", "null"]}
            }}
        ]}
    }}));
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    has(
        &out,
        &[
            "    #[model(not_null)]\n    pub u: Option<Au>,\n",
            "    #[model(not_null)]\n    pub n: Option<i64>,\n",
            "    #[model(not_null)]\n    pub e: Option<Ae>,\n",
            "    #[model(format = \"email\")]\n    pub m: Option<String>,\n",
        ],
    );
    // Neither implies the other, and both can be one schema: the last declaration, written
    // in the `allOf`, becomes both; a shared one behind a `$ref` is left as it is.
    let out = run(json!({"$defs": {
        "Base": {"type": "object", "properties": {
            "s": {"type": "string", "maxLength": 3, "readOnly": true, "description": "Base's."},
            "k": {"type": "string", "description": "The kind."}
        }},
        "A": {"allOf": [
            {"$ref": "#/$defs/Base"},
            {"type": "object", "properties": {
                "s": {"type": "string", "minLength": 1},
                "k": {"type": "string", "enum": ["a"]}
            }}
        ]}
    }}));
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    assert_eq!(
        expected(&out, "A")["properties"]["s"],
        json!({"type": "string", "minLength": 1, "maxLength": 3, "readOnly": true, "description": "Base's."})
    );
    assert_eq!(
        expected(&out, "Base")["properties"]["s"],
        json!({"type": "string", "maxLength": 3, "readOnly": true, "description": "Base's."})
    );
    has(
        &out,
        &[
            "    pub k: Option<Ak>,\n",
            "pub enum Ak {\n    /// `a`\n    A,\n}",
        ],
    );
    // Neither implies the other and no schema says both (two patterns): refused.
    a_refused(
        json!({"$defs": {"A": {"allOf": [
            {"type": "object", "properties": {"s": {"type": "string", "pattern": "^a"}}},
            {"type": "object", "properties": {"s": {"type": "string", "pattern": "b$"}}}
        ]}}}),
        "#/$defs/A/allOf/1/properties/s",
        "`s` is declared by two parts of `allOf`, differently",
    );
}

#[test]
fn a_keyword_of_another_type_checks_nothing_and_is_dropped_with_a_warning() {
    let out = run(json!({"$defs": {
        "A": {"type": "array", "items": {"type": "string", "enum": ["a"], "minItems": 1},
              "additionalProperties": false, "patternProperties": {"^x-": {}}, "maxProperties": 1},
        "S": {"type": ["string", "null"], "minimum": 3, "maxLength": 4}
    }}));
    has(
        &out,
        &[
            "pub struct A(pub Vec<AItem>);\n",
            "pub struct S(#[model(max_len = 4)] pub Option<String>);\n",
        ],
    );
    for (pointer, key, types) in [
        (
            "#/$defs/A/additionalProperties",
            "additionalProperties",
            "(`array`)",
        ),
        (
            "#/$defs/A/patternProperties",
            "patternProperties",
            "(`array`)",
        ),
        ("#/$defs/A/maxProperties", "maxProperties", "(`array`)"),
        ("#/$defs/A/items/minItems", "minItems", "(`string`)"),
        ("#/$defs/S/minimum", "minimum", "(`string`, `null`)"),
    ] {
        warns(
            &out,
            pointer,
            &format!("`{key}` applies to no value of the schema's type {types}: it checks nothing"),
        );
    }
    assert_eq!(out.warnings.len(), 5, "{:?}", out.warnings);
    // The expected schema leaves them out as well: a validator ignores them.
    assert_eq!(
        expected(&out, "A"),
        json!({"$schema": DIALECT, "title": "A", "type": "array",
               "items": {"$ref": "#/$defs/AItem"},
               "$defs": {"AItem": {"title": "AItem", "type": "string", "enum": ["a"]}}})
    );
}

#[test]
fn a_pattern_every_name_matches_says_nothing_of_the_names() {
    let out = run(json!({"$defs": {
        "M": {"type": "object", "patternProperties": {".*": {"type": "integer"}}}
    }}));
    has(&out, &["pub struct M(pub BTreeMap<String, i64>);\n"]);
    assert!(out.warnings.is_empty(), "{:?}", out.warnings);
    assert_eq!(
        expected(&out, "M"),
        json!({"$schema": DIALECT, "title": "M", "type": "object",
               "additionalProperties": {"type": "integer", "minimum": i64::MIN, "maximum": i64::MAX}})
    );
}

// References in draft-06 and draft-07.

#[test]
fn draft_07_ignores_a_ref_s_siblings_and_says_which_it_dropped() {
    let doc = json!({
        "$schema": "http://json-schema.org/draft-07/schema#",
        "definitions": {
            "Name": {"type": "string", "maxLength": 8},
            "A": {
                "type": "object",
                "properties": {
                    "x": {"$ref": "#/definitions/Name", "minLength": 2, "enum": ["a"], "description": "Kept."}
                }
            },
            "B": {"$ref": "#/definitions/A", "type": "object", "required": ["y"]}
        }
    });
    let out = run(doc);
    has(
        &out,
        &[
            "/// Kept.\n    #[model(not_null)]\n    pub x: Option<Name>,",
            "pub type B = A;",
        ],
    );
    assert!(!out.code.contains("min_len"), "{}", out.code);
    warns(
        &out,
        "#/definitions/A/properties/x/enum",
        "`enum` beside a `$ref` is ignored",
    );
    warns(
        &out,
        "#/definitions/A/properties/x/minLength",
        "`minLength` beside a `$ref` is ignored in JSON Schema draft-06 and draft-07",
    );
    for key in ["type", "required"] {
        warns(
            &out,
            &format!("#/definitions/B/{key}"),
            "the `$ref` stands for its whole schema",
        );
    }
    // The expected schema is the document's as a draft-07 validator reads it: `x` is a `Name`.
    assert_eq!(
        expected(&out, "A")["properties"]["x"]["minLength"],
        Value::Null
    );
    // In 2020-12 the same siblings check the value, so they are read.
    let mut later = json!({
        "$schema": DIALECT,
        "$defs": {
            "Name": {"type": "string", "maxLength": 8},
            "A": {"type": "object", "properties": {"x": {"$ref": "#/$defs/Name", "minLength": 2}}}
        }
    });
    let out = run(later.take());
    assert!(
        out.warnings.iter().all(|w| !w.message.contains("draft-07")),
        "{:#?}",
        out.warnings
    );
    assert!(
        out.refused.iter().any(|n| n.message.contains("minLength")) || out.code.contains("min_len"),
        "{}\n{:#?}",
        out.code,
        out.refused
    );
}

#[test]
fn a_closed_part_of_all_of_lets_through_only_the_members_it_names() {
    let base = json!({"type": "object", "properties": {
        "name": {"type": "string"}, "image": {"type": "string"}, "debug": {"type": "boolean"}}});
    // The other part's `debug` may not appear: it is no field, and the struct is closed.
    let out = run(json!({"$defs": {"Base": base, "A": {"allOf": [
        {"$ref": "#/$defs/Base"},
        {"type": "object", "properties": {"name": {}, "image": {"type": "string", "maxLength": 20}},
         "required": ["image"], "additionalProperties": false}
    ]}}}));
    has(
        &out,
        &[
            "#[model(deny_unknown_fields)]\npub struct A {\n    #[model(max_len = 20)]\n    pub image: String,\n    #[model(not_null)]\n    pub name: Option<String>,\n}\n",
        ],
    );
    assert_eq!(expected(&out, "A")["additionalProperties"], json!(false));
    assert_eq!(expected(&out, "A")["properties"].get("debug"), None);
    // Beside `allOf`, it lets through the members declared beside it.
    let out = run(
        json!({"$defs": {"Base": {"type": "object", "properties": {"debug": {"type": "boolean"}}}, "A": {
            "allOf": [{"$ref": "#/$defs/Base"}],
            "properties": {"image": {"type": "string"}},
            "additionalProperties": false
        }}}),
    );
    has(
        &out,
        &[
            "#[model(deny_unknown_fields)]\npub struct A {\n    #[model(not_null)]\n    pub image: Option<String>,\n}\n",
        ],
    );
    // A member another part requires, which it refuses: nothing is accepted.
    let base_required = json!({"type": "object", "properties": {"debug": {"type": "boolean"}}, "required": ["debug"]});
    a_refused(
        json!({"$defs": {"Base": base_required, "A": {"allOf": [
            {"$ref": "#/$defs/Base"},
            {"type": "object", "properties": {"image": {"type": "string"}}, "additionalProperties": false}
        ]}}}),
        "#/$defs/A/allOf/1/additionalProperties",
        "`debug` is required, and this `additionalProperties: false` refuses it",
    );
    // Beside `patternProperties`, which names go through would depend on the part.
    a_refused(
        json!({"$defs": {"A": {"allOf": [
            {"type": "object", "patternProperties": {"^x-": {"type": "string"}}},
            {"type": "object", "properties": {"image": {"type": "string"}}, "additionalProperties": false}
        ]}}}),
        "#/$defs/A/allOf/1/additionalProperties",
        "beside `patternProperties`",
    );
    // A part closed by a schema still refuses: its schema would check the others' members.
    a_refused(
        json!({"$defs": {"A": {"allOf": [
            {"type": "object", "properties": {"a": {"type": "string"}}},
            {"type": "object", "properties": {"b": {"type": "string"}}, "additionalProperties": {"type": "string"}}
        ]}}}),
        "#/$defs/A/allOf/1/additionalProperties",
        "refuses the members of the other parts",
    );
}

#[test]
fn members_every_presence_branch_names_are_required_and_a_member_in_some_is_refused() {
    let out = run(json!({"$defs": {"V": {"type": "object",
        "properties": {"name": {"type": "string"}, "host": {"type": "string"}, "path": {"type": "string"}},
        "oneOf": [{"required": ["name", "host"]}, {"required": ["name", "path"]}]}}}));
    has(
        &out,
        &[
            "#[model(required_one_of(host, path))]\npub struct V {\n    #[model(not_null)]\n    pub host: Option<String>,\n    pub name: String,\n",
        ],
    );
    let want =
        json!({"required": ["name"], "oneOf": [{"required": ["host"]}, {"required": ["path"]}]});
    let got = expected(&out, "V");
    for key in ["required", "oneOf"] {
        assert_eq!(got[key], want[key], "{got:#}");
    }
    // A branch of the shared member alone would hold whenever it is present: left as written,
    // and refused, as a member named in two branches but not in every one.
    a_refused(
        json!({"$defs": {"A": {"type": "object",
            "properties": {"a": {"type": "string"}, "b": {"type": "string"}, "c": {"type": "string"}},
            "anyOf": [{"required": ["a", "b"]}, {"required": ["a", "c"]}, {"required": ["c"]}]}}}),
        "#/$defs/A/anyOf",
        "names `c` in two branches, which the derive cannot say",
    );
    a_refused(
        json!({"$defs": {"A": {"type": "object",
            "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
            "oneOf": [{"required": ["a", "b"]}, {"required": ["a"]}]}}}),
        "#/$defs/A/oneOf",
        "names `a` in two branches",
    );
}

#[test]
fn presence_branches_that_repeat_the_object_s_members_are_required_lists() {
    let out = run(
        json!({"$defs": {"Name": {"type": "string"}, "Step": {"type": "object",
        "properties": {"uses": {"$ref": "#/$defs/Name"}, "run": {"type": "string"}, "with": {"type": "string"}},
        "oneOf": [
            {"type": "object", "properties": {"uses": {"$ref": "#/$defs/Name"}}, "required": ["uses"]},
            {"properties": {"run": true, "with": {}}, "required": ["run"]}
        ]}}}),
    );
    has(
        &out,
        &["#[model(required_one_of(uses, run))]\npub struct Step {"],
    );
    assert_eq!(
        expected(&out, "Step")["oneOf"],
        json!([{"required": ["uses"]}, {"required": ["run"]}])
    );
    // A branch whose member says more than the object's is a rule of its own: refused.
    a_refused(
        json!({"$defs": {"A": {"type": "object",
            "properties": {"run": {"type": "string"}},
            "oneOf": [{"properties": {"run": {"maxLength": 3}}, "required": ["run"]}, {"required": []}]}}}),
        "#/$defs/A/oneOf",
        "would need each branch to hold them too",
    );
}

#[test]
fn annotations_no_validator_reads_are_dropped_with_a_warning() {
    // `example` is OpenAPI's (rewritten into `examples` there); in JSON Schema it is a word
    // no validator knows. An `examples` that is not an array is not JSON Schema's either.
    let out = run(json!({"$defs": {"A": {"type": "object", "properties": {
        "x": {"type": "string", "example": "abc"},
        "y": {"type": "string", "examples": "abc"}
    }}}}));
    has(&out, &["pub x: Option<String>,", "pub y: Option<String>,"]);
    warns(
        &out,
        "#/$defs/A/properties/x/example",
        "describes nothing the derive reads",
    );
    warns(
        &out,
        "#/$defs/A/properties/y/examples",
        "`examples` is not an array",
    );
    assert_eq!(expected(&out, "A")["properties"]["y"].get("examples"), None);
}

#[test]
fn members_never_present_not_all_present_and_counted() {
    let out = run_text(
        r##"{"$defs": {"A": {"type": "object",
            "properties": {"a": {"type": "string"}, "b": {"type": "string"}, "gone": false, "old": {"not": {}}},
            "not": {"anyOf": [{"required": ["a", "b"]}, {"required": ["legacy"]}]},
            "minProperties": 1, "maxProperties": 2}}}"##,
    );
    has(
        &out,
        &[
            "#[model(not_all_of(a, b), forbid(\"gone\", \"old\", \"legacy\"), min_members = 1, max_members = 2)]\npub struct A {\n    #[model(not_null)]\n    pub a: Option<String>,\n    #[model(not_null)]\n    pub b: Option<String>,\n}\n",
        ],
    );
    // From the parts of an `allOf`: their `not`s together, the greatest least count and the
    // least most.
    let out = run_text(
        r##"{"$defs": {"P": {"allOf": [
            {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "string"}, "c": {"type": "string"}}, "minProperties": 1, "maxProperties": 3},
            {"not": {"required": ["a", "b"]}, "minProperties": 2},
            {"type": "object", "not": {"properties": {"c": true}, "required": ["b", "c"]}, "maxProperties": 2}
        ]}}}"##,
    );
    has(
        &out,
        &[
            "#[model(not_all_of(a, b), not_all_of(b, c), min_members = 2, max_members = 2)]\npub struct P {",
        ],
    );
    // Beside `additionalProperties: false`, a name never present is refused already.
    let out = run(
        json!({"$defs": {"C": {"type": "object", "properties": {"a": {"type": "string"}, "gone": false}, "additionalProperties": false}}}),
    );
    has(&out, &["#[model(deny_unknown_fields)]\npub struct C {"]);
    assert!(!out.code.contains("forbid"), "{}", out.code);
    // One name the object declares, in `not`: written as the member's `false` instead.
    a_refused(
        json!({"$defs": {"A": {"type": "object", "properties": {"a": {"type": "string"}}, "not": {"required": ["a"]}}}}),
        "#/$defs/A/not",
        "names `a` alone, which the object declares",
    );
    // A `not` that says more than presence has no attribute.
    a_refused(
        json!({"$defs": {"A": {"type": "object", "properties": {"a": {"type": "string"}}, "not": {"required": ["a"], "maxProperties": 1}}}}),
        "#/$defs/A/not",
        "has no attribute in the derive",
    );
}

#[test]
fn a_description_of_member_names_is_dropped_with_a_warning() {
    let out = run(member(json!({"type": "object",
        "propertyNames": {"description": "Lower case names.", "pattern": "^[a-z]+$"},
        "additionalProperties": {"type": "string"}})));
    has(&out, &["keys(pattern = \"^[a-z]+$\")"]);
    warns(
        &out,
        "#/$defs/A/properties/x/propertyNames/description",
        "`description` describes member names",
    );
}

#[test]
fn member_names_from_a_list_are_a_pattern_of_exactly_those_names() {
    let out = run(member(json!({"type": "object",
        "propertyNames": {"enum": ["a.b", "c"]},
        "additionalProperties": {"type": "string"}})));
    has(
        &out,
        &["#[model(keys(pattern = r\"^(?:a\\.b|c)$\"), not_null)]"],
    );
    assert_eq!(
        expected(&out, "A")["properties"]["x"]["propertyNames"],
        json!({"pattern": "^(?:a\\.b|c)$"})
    );
}

#[test]
fn values_of_any_kind_say_nothing_in_the_expected_schema() {
    // `additionalProperties: {}`, a `patternProperties` entry of `{}` or `true`, and values
    // with only a description (dropped): any value, which the derive's schema does not state.
    let out = run(json!({"$defs": {
        "S": {"type": "object", "properties": {"a": {"type": "string"}},
              "patternProperties": {"^x-": {}}, "additionalProperties": false},
        "T": {"type": "object", "properties": {"a": {"type": "string"}},
              "additionalProperties": {"description": "Anything."}},
        "A": {"type": "object", "properties": {
            "ext": {"type": "object", "patternProperties": {"^x-": {}},
                    "additionalProperties": false},
            "yes": {"type": "object", "patternProperties": {"^x-": true},
                    "additionalProperties": false},
            "any": {"type": "object", "additionalProperties": {"description": "Anything."}}
        }}
    }}));
    has(
        &out,
        &[
            "    #[model(flatten, keys(pattern = \"^x-\"))]\n    pub additional_properties: BTreeMap<String, serde_json::Value>,\n",
            "    #[model(flatten)]\n    pub additional_properties: BTreeMap<String, serde_json::Value>,\n",
            "    #[model(keys(pattern = \"^x-\"), not_null)]\n    pub ext: Option<BTreeMap<String, serde_json::Value>>,\n",
            "    #[model(not_null)]\n    pub any: Option<BTreeMap<String, serde_json::Value>>,\n",
        ],
    );
    let string = json!({"type": "string"});
    assert_eq!(
        expected(&out, "S"),
        json!({"$schema": DIALECT, "title": "S", "type": "object",
               "properties": {"a": string},
               "propertyNames": {"anyOf": [{"enum": ["a"]}, {"pattern": "^x-"}]}})
    );
    assert_eq!(
        expected(&out, "T"),
        json!({"$schema": DIALECT, "title": "T", "type": "object", "properties": {"a": string}})
    );
    let names = json!({"type": "object", "propertyNames": {"pattern": "^x-"}});
    assert_eq!(
        expected(&out, "A")["properties"],
        json!({"ext": names, "yes": names, "any": {"type": "object"}})
    );
}

#[test]
fn an_if_of_one_member_s_presence_is_a_presence_rule() {
    let out = run_text(
        r##"{"$defs": {"A": {"type": "object",
            "properties": {"a": {"type": "string"}, "b": {"type": "string"}, "c": {"type": "string"}},
            "allOf": [
                {"if": {"required": ["a"]}, "then": {"not": {"required": ["b"]}}},
                {"if": {"properties": {"c": true}, "required": ["c"]}, "then": {"required": ["a"]}}
            ]}}}"##,
    );
    has(
        &out,
        &[
            "#[model(not_all_of(a, b))]\npub struct A {",
            "    #[model(not_null, requires(a))]\n    pub c: Option<String>,\n",
        ],
    );
    let got = expected(&out, "A");
    assert_eq!(got["dependentRequired"], json!({"c": ["a"]}));
    assert_eq!(got["not"], json!({"required": ["a", "b"]}));
    // An `else` that says something, or an `if` of two members' presence with a `then` of
    // others, has no attribute.
    a_refused(
        json!({"$defs": {"A": {"type": "object", "properties": {"a": {"type": "string"}, "b": {"type": "string"}},
            "if": {"required": ["a"]}, "then": {"required": ["b"]}, "else": {"required": ["b"]}}}}),
        "#/$defs/A/if",
        "has no attribute in the derive",
    );
    a_refused(
        json!({"$defs": {"A": {"type": "object",
            "properties": {"a": {"type": "string"}, "b": {"type": "string"}, "c": {"type": "string"}},
            "if": {"required": ["a", "b"]}, "then": {"required": ["c"]}}}}),
        "#/$defs/A/if",
        "has no attribute in the derive",
    );
}

#[test]
fn an_if_of_one_member_s_value_is_a_when_rule() {
    let out = run_text(
        r##"{"$defs": {"A": {"type": "object",
            "properties": {"kind": {"enum": ["x", "y", "z"]}, "level": {"type": "integer"},
                "on": {"type": "boolean"}, "a": {"type": "string"}, "b": {"type": ["string", "null"]},
                "c": {"type": "string"}},
            "required": ["c"],
            "allOf": [
                {"if": {"properties": {"kind": {"const": "x"}}, "required": ["kind"]},
                 "then": {"required": ["a", "kind", "c", "a"]}},
                {"if": {"properties": {"level": {"enum": [2, 3.0]}}, "required": ["level"]},
                 "then": {"not": {"anyOf": [{"required": ["a", "b"]}, {"required": ["b", "c"]}]}}},
                {"if": {"type": "object", "properties": {"on": {"type": "boolean", "const": true}}, "required": ["on"]},
                 "then": {"required": ["c"]}}
            ]}}}"##,
    );
    // The condition's member, and those always present, are left out of its `then`; a
    // `then` that asks for nothing more says nothing.
    has(
        &out,
        &[
            "#[model(when(kind = \"x\", required(a)), when(level = 2 | 3.0, not_all(a, b)), when(level = 2 | 3.0, not_all(b)))]\npub struct A {",
            "    pub b: Option<Option<String>>,\n",
        ],
    );
    let got = expected(&out, "A");
    assert_eq!(
        got["allOf"],
        json!([
            {"if": {"properties": {"kind": {"const": "x"}}, "required": ["kind"]}, "then": {"required": ["a"]}},
            {"if": {"properties": {"level": {"enum": [2, 3.0]}}, "required": ["level"]}, "then": {"not": {"required": ["a", "b"]}}},
            {"if": {"properties": {"level": {"enum": [2, 3.0]}}, "required": ["level"]}, "then": {"not": {"required": ["b"]}}},
        ])
    );
    // Beside the members, alone: the rule sits on the object; an `if` without `required`
    // reads a member that is always present the same.
    let out = run_text(
        r##"{"$defs": {"A": {"type": "object",
            "properties": {"kind": {"type": "string"}, "a": {"type": "string"}},
            "required": ["kind"],
            "if": {"properties": {"kind": {"const": "x"}}}, "then": {"not": {"required": ["a"]}}}}}"##,
    );
    has(
        &out,
        &["#[model(when(kind = \"x\", not_all(a)))]\npub struct A {"],
    );
    let got = expected(&out, "A");
    assert_eq!(
        got["if"],
        json!({"properties": {"kind": {"const": "x"}}, "required": ["kind"]})
    );
    assert_eq!(got["then"], json!({"not": {"required": ["a"]}}));
    // What the derive cannot say.
    let doc = |member: Value, condition: Value, then: Value| {
        json!({"$defs": {"A": {"type": "object",
            "properties": {"kind": member, "a": {"type": "string"}, "pin": {"type": "string", "format": "password"}},
            "required": ["pin"],
            "if": condition, "then": then}}})
    };
    let string = json!({"type": "string"});
    let is_x = json!({"properties": {"kind": {"const": "x"}}, "required": ["kind"]});
    let needs_a = json!({"required": ["a"]});
    for (member, condition, then, why) in [
        // Without `required`, the `then` applies to an object without the member too.
        (
            string.clone(),
            json!({"properties": {"kind": {"const": "x"}}}),
            needs_a.clone(),
            "does not require `kind`, so its `then` applies also to an object without it",
        ),
        (
            json!({"type": "integer"}),
            is_x.clone(),
            needs_a.clone(),
            "which its schema never holds",
        ),
        (
            json!({"type": "string", "format": "password"}),
            is_x.clone(),
            needs_a.clone(),
            "which is secret",
        ),
        (
            string.clone(),
            is_x.clone(),
            json!({"not": {"required": ["pin"]}}),
            "no such object is accepted",
        ),
    ] {
        a_refused(doc(member, condition, then), "#/$defs/A/if", why);
    }
    // An `if` of a value that is not a string, a number or a flag, or of two members, is no
    // rule of the derive.
    for condition in [
        json!({"properties": {"kind": {"const": ["x"]}}, "required": ["kind"]}),
        json!({"properties": {"kind": {"const": "x"}, "a": {"const": "y"}}}),
        json!({"properties": {"kind": {"const": "x", "minLength": 1}}}),
        json!({"properties": {"kind": {"type": "integer", "const": "x"}}}),
    ] {
        a_refused(
            doc(string.clone(), condition, needs_a.clone()),
            "#/$defs/A/if",
            "has no attribute in the derive",
        );
    }
}

#[test]
fn a_member_a_presence_rule_names_takes_no_default() {
    let out = run_text(
        r##"{"$defs": {"A": {"type": "object",
            "properties": {"a": {"type": "string"}, "d": {"type": "string", "default": "x"},
                "kind": {"type": "string", "default": "k"}, "n": {"type": "integer", "default": 1}},
            "dependentRequired": {"d": ["a"]},
            "if": {"properties": {"kind": {"const": "x"}}, "required": ["kind"]},
            "then": {"required": ["a"]}}}}"##,
    );
    // Filled in, `d` would always be present and `kind` would hold `k` when absent: each is
    // read as it is, its default dropped with a warning. `n`, named by no rule, keeps its own.
    has(
        &out,
        &[
            "#[model(when(kind = \"x\", required(a)))]\npub struct A {",
            "    #[model(not_null, requires(a))]\n    pub d: Option<String>,\n",
            "    #[model(not_null)]\n    pub kind: Option<String>,\n",
            "    #[model(default = 1)]\n    pub n: i64,\n",
        ],
    );
    for name in ["d", "kind"] {
        warns(
            &out,
            &format!("#/$defs/A/properties/{name}/default"),
            &format!("a presence rule beside it names `{name}`"),
        );
    }
    let got = expected(&out, "A");
    assert_eq!(got["properties"]["d"], json!({"type": "string"}));
    assert_eq!(got["properties"]["kind"], json!({"type": "string"}));
    assert_eq!(got["properties"]["n"]["default"], json!(1));
}

#[test]
fn a_ref_beside_an_object_s_keywords_is_the_first_part_of_an_all_of() {
    let out = run_text(
        r##"{"$schema": "https://json-schema.org/draft/2020-12/schema", "$defs": {
            "P": {"type": "object", "required": ["name"], "properties": {"name": {"type": "string"}}},
            "M": {"type": "object", "properties": {
                "closed": {"unevaluatedProperties": false, "$ref": "#/$defs/P"},
                "more": {"$ref": "#/$defs/P", "properties": {"n": {"type": "integer"}}, "required": ["n"]},
                "same": {"$ref": "#/$defs/P", "description": "Only described."}
            }}}}"##,
    );
    has(
        &out,
        &[
            "#[model(deny_unknown_fields)]\npub struct MClosed {\n    pub name: String,\n}\n",
            "pub struct MMore {\n    pub name: String,\n    pub n: i64,\n}\n",
            // A `$ref` beside annotations alone still names its type.
            "    /// Only described.\n    #[model(not_null)]\n    pub same: Option<P>,\n",
        ],
    );
    assert_eq!(
        expected(&out, "MClosed"),
        json!({"$schema": DIALECT, "title": "MClosed", "type": "object",
            "properties": {"name": {"type": "string"}}, "required": ["name"],
            "additionalProperties": false})
    );
}

#[test]
fn a_not_of_patterns_beside_a_string_is_not_pattern() {
    let out = run(json!({"$defs": {"A": {"type": "object", "properties": {
        "k": {"type": "string", "maxLength": 9, "not": {"anyOf": [{"pattern": "^[0-9]+$"}, {"type": "string", "pattern": "\\{\\{"}]}},
        "s": {"anyOf": [{"type": "string", "not": {"pattern": "^bk"}}, {"type": "null"}]},
        "t": {"type": ["string", "null"], "not": {"pattern": "^bk"}},
        "e": {"type": "string", "not": {"pattern": "a\\:b"}}
    }}}}));
    has(
        &out,
        &[
            "    #[model(not_pattern = \"^[0-9]+$\", not_pattern = r\"\\{\\{\", max_len = 9, not_null)]\n    pub k: Option<String>,\n",
            "    #[model(not_pattern = \"^bk\")]\n    pub s: Option<String>,\n",
            // Beside a `not` of patterns, `null` in the `type` list is refused: it meets the
            // pattern, so the `not` refuses it.
            "    #[model(not_pattern = \"^bk\", not_null)]\n    pub t: Option<String>,\n",
            // An escape that needs none is written plain, as for `pattern`.
            "    #[model(not_pattern = \"a:b\", not_null)]\n    pub e: Option<String>,\n",
        ],
    );
    assert_eq!(out.features, ["pattern"]);
    let got = expected(&out, "A");
    assert_eq!(
        got["properties"]["k"]["not"],
        json!({"anyOf": [{"pattern": "^[0-9]+$"}, {"pattern": "\\{\\{"}]})
    );
    // `null` beside: `anyOf`, as a `not` of a pattern would refuse `null` in a `type` list.
    assert_eq!(
        got["properties"]["s"],
        json!({"anyOf": [{"type": "string", "not": {"pattern": "^bk"}}, {"type": "null"}]})
    );
    assert_eq!(
        got["properties"]["t"],
        json!({"type": "string", "not": {"pattern": "^bk"}})
    );
    // A pattern every string matches leaves no string; a `not` of anything else is refused.
    member_refused(
        json!({"type": "string", "not": {"pattern": ""}}),
        "/not",
        "which every string does: no string is accepted",
    );
    member_refused(
        json!({"type": "string", "not": {"pattern": "a", "minLength": 2}}),
        "/not",
        "has no attribute in the derive",
    );
    member_refused(
        json!({"type": "string", "not": {"pattern": "(?<=a)b"}}),
        "/not",
        "which the derive cannot check",
    );
}

#[test]
fn a_flag_of_a_schema_a_part_names_is_said_of_the_merged_object() {
    // `readOnly` holds the value wherever it is met: the merged object is read-only too.
    let out = run(json!({"$defs": {
        "Base": {"type": "object", "readOnly": true, "properties": {"a": {"type": "string"}}},
        "A": {"allOf": [
            {"$ref": "#/$defs/Base"},
            {"type": "object", "properties": {"b": {"type": "integer"}}}
        ]}
    }}));
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    has(
        &out,
        &[
            "#[model(read_only)]\npub struct A {\n    #[model(not_null)]\n    pub a: Option<String>,\n",
        ],
    );
    assert_eq!(expected(&out, "A")["readOnly"], true);
    // Said `false` beside the `allOf` and `true` by the part: true.
    let out = run(json!({"$defs": {
        "Base": {"type": "object", "deprecated": true, "properties": {"a": {"type": "string"}}},
        "A": {"deprecated": false, "allOf": [
            {"$ref": "#/$defs/Base"},
            {"type": "object", "properties": {"b": {"type": "integer"}}}
        ]}
    }}));
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    assert_eq!(expected(&out, "A")["deprecated"], true);
}

#[test]
fn a_member_whose_name_is_empty_is_refused_where_it_is() {
    a_refused(
        json!({"$defs": {"A": {"type": "object", "properties": {"": {"type": "string"}, "b": {}}}}}),
        "#/$defs/A/properties/",
        "a member whose name is empty",
    );
}

#[test]
fn a_discriminator_in_a_part_of_all_of_checks_nothing_and_goes() {
    let out = run(json!({"openapi": "3.0.3", "components": {"schemas": {
        "Base": {"type": "object", "properties": {"type": {"type": "string"}}},
        "A": {"allOf": [
            {"$ref": "#/components/schemas/Base"},
            {"type": "object", "properties": {"label": {"type": "string"}},
             "discriminator": {"propertyName": "type"}, "required": ["type"]}
        ]}
    }}}));
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    has(
        &out,
        &[
            "pub struct A {\n    pub r#type: String,\n    #[model(not_null)]\n    pub label: Option<String>,\n}",
        ],
    );
    assert!(expected(&out, "A").get("discriminator").is_none());
}

#[test]
fn an_optional_member_holding_a_union_that_allows_null_takes_null() {
    // OpenAPI 3.0's `nullable` beside `oneOf`: the union allows `null`, and so does a member
    // that holds it by a `$ref`.
    let out = run(json!({"openapi": "3.0.3", "components": {"schemas": {
        "V": {"oneOf": [{"type": "string"}, {"type": "integer"}], "nullable": true},
        "A": {"type": "object", "properties": {"v": {"$ref": "#/components/schemas/V"}}}
    }}}));
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    has(&out, &["pub struct A {\n    pub v: Option<V>,\n}"]);
}

#[test]
fn unique_items_over_open_objects_says_it_compares_what_the_types_keep() {
    let out = run(json!({"$defs": {
        "S": {"type": "object", "properties": {"k": {"type": "string"}}},
        "A": {"type": "object", "properties": {
            "open": {"type": "array", "uniqueItems": true, "items": {"$ref": "#/$defs/S"}},
            "closed": {"type": "array", "uniqueItems": true, "items": {
                "type": "object", "properties": {"k": {"type": "string"}}, "additionalProperties": false
            }},
            "strings": {"type": "array", "uniqueItems": true, "items": {"type": "string"}}
        }}
    }}));
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    warns(
        &out,
        "#/$defs/A/properties/open/uniqueItems",
        "items are compared as their types hold them",
    );
    for quiet in ["closed", "strings"] {
        let at = format!("#/$defs/A/properties/{quiet}/uniqueItems");
        assert!(
            !out.warnings.iter().any(|w| w.pointer == at),
            "{at}: {:?}",
            out.warnings
        );
    }
}

#[test]
fn parts_of_object_or_null_merge_allowing_null_where_every_part_does() {
    let out = run(json!({"openapi": "3.0.3", "components": {"schemas": {
        "Base": {"type": "object", "nullable": true, "properties": {"id": {"type": "string"}}},
        "Loose": {"allOf": [
            {"$ref": "#/components/schemas/Base"},
            {"properties": {"y": {"type": "integer"}}}
        ]},
        "Strict": {"type": "object", "allOf": [
            {"$ref": "#/components/schemas/Base"},
            {"properties": {"y": {"type": "integer"}}}
        ]},
        // A part's `additionalProperties` of annotations alone lets every member through.
        "Open": {"allOf": [
            {"$ref": "#/components/schemas/Base"},
            {"additionalProperties": {"description": "Anything."}}
        ]}
    }}}));
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    for name in ["Loose", "Open"] {
        warns(
            &out,
            &format!("#/components/schemas/{name}"),
            "allows `null`",
        );
    }
    assert!(
        !out.warnings
            .iter()
            .any(|w| w.pointer == "#/components/schemas/Strict"),
        "{:?}",
        out.warnings
    );
    has(
        &out,
        &[
            "pub struct Strict {\n    #[model(not_null)]\n    pub id: Option<String>,\n    #[model(not_null)]\n    pub y: Option<i64>,\n}",
        ],
    );
}

#[test]
fn a_tighter_bound_implies_a_looser_one_in_a_merged_member() {
    let out = run(json!({"$defs": {"A": {"allOf": [
        {"type": "object", "properties": {"s": {"type": "string", "maxLength": 5, "minLength": 1}}},
        {"type": "object", "properties": {"s": {"type": "string", "maxLength": 3, "minLength": 2}}}
    ]}}}));
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    has(
        &out,
        &["    #[model(min_len = 2, max_len = 3, not_null)]\n    pub s: Option<String>,\n"],
    );
}

#[test]
fn an_inline_type_a_refused_type_named_first_stays_for_the_types_that_hold_it() {
    // `A` is lowered first and takes `kind` from `Base`'s part, naming `Base`'s inline enum;
    // `A` is refused (two patterns), and `Base`, which holds the enum too (named `AKind`
    // after `A`), is not.
    let out = run(json!({"$defs": {
        "A": {"allOf": [
            {"$ref": "#/$defs/Base"},
            {"properties": {"z": {"type": "string", "pattern": "^a", "allOf": [{"pattern": "b$"}]}}}
        ]},
        "Base": {"type": "object", "properties": {"kind": {"type": "string", "enum": ["file"]}}}
    }}));
    refuses(
        &out,
        "#/$defs/A/allOf/1/properties/z/allOf/0/pattern",
        "`pattern` in a part of `allOf`",
    );
    assert!(!out.code.contains("pub struct A "), "{}", out.code);
    for kept in [
        "pub struct Base {\n    #[model(not_null)]\n    pub kind: Option<AKind>,\n}",
        "pub enum AKind {",
    ] {
        assert!(out.code.contains(kept), "missing {kept}: {}", out.code);
    }
}

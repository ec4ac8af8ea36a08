//! The generator at the edges its first tests found wrong, each with the smallest input that
//! showed it. Where the generated code compiles, the hand-written type beside a test is the
//! generated one, line for line, so that its `json_schema()` is what the generated type
//! returns.

use authlete_models::Model;
use authlete_models_codegen::{Document, Options, Output, generate};
use serde_json::{Value, json};

fn run(doc: Value) -> Output {
    generate(&Document::new(doc, "Root").unwrap(), &Options::default())
}

fn run_lossy(doc: Value) -> Output {
    let options = Options {
        lossy: true,
        ..Default::default()
    };
    generate(&Document::new(doc, "Root").unwrap(), &options)
}

fn expected(out: &Output, name: &str) -> Value {
    out.types
        .iter()
        .find(|t| t.name == name)
        .and_then(|t| t.expected.clone())
        .unwrap_or_else(|| panic!("no schema for {name}: {:?}\n{}", out.refused, out.code))
}

#[test]
fn a_root_schema_beside_its_defs_is_generated() {
    let out = run(json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "type": "object",
        "properties": {"a": {"$ref": "#/$defs/A"}},
        "$defs": {"A": {"type": "string"}}
    }));
    // Now: `#/$defs: `$defs` does not apply to an object with `properties``, and the same for
    // `$schema`.
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    assert!(
        out.code
            .contains("pub struct Root {\n    #[model(not_null)]\n    pub a: Option<A>,\n}\n")
    );
}

#[test]
fn a_reference_with_a_non_ascii_name_is_followed() {
    for reference in ["#/$defs/é", "#/$defs/%C3%A9"] {
        let out = run(json!({"$defs": {
            "é": {"type": "string"},
            "B": {"type": "object", "properties": {"x": {"$ref": reference}}}
        }}));
        // Now: refused, "`$ref` to `#/$defs/é`, which is not in the document": each byte of the
        // fragment is read as a character.
        assert!(out.refused.is_empty(), "{reference}: {:?}", out.refused);
    }
}

#[test]
fn a_broken_percent_escape_is_refused_not_a_panic() {
    let out = std::panic::catch_unwind(|| {
        run(json!({"$defs": {
            "B": {"type": "object", "properties": {"x": {"$ref": "#/$defs/%aé"}}}
        }}))
    })
    .expect("generate panicked: input.rs slices the fragment inside `é`");
    assert!(
        out.refused
            .iter()
            .any(|n| n.pointer == "#/$defs/B/properties/x/$ref"),
        "{:?}",
        out.refused
    );
}

#[test]
fn a_nullable_inline_enum_is_an_optional_enum() {
    let out = run(json!({"$defs": {"A": {"type": "object", "properties": {
        "e": {"type": ["string", "null"], "enum": ["a", "b"]}
    }}}}));
    // Now: "#/$defs/A/properties/e/type: an `enum` is read as a string enum: its type must be
    // `string`", though `type: [t, "null"]` is read everywhere else.
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    assert!(
        out.code.contains("    pub e: Option<Ae>,\n"),
        "{}",
        out.code
    );
}

#[test]
fn a_nullable_inline_object_through_any_of_keeps_its_members() {
    let out = run(json!({"$defs": {"A": {"type": "object", "properties": {
        "x": {"anyOf": [
            {"type": "object", "properties": {"a": {"type": "string"}}},
            {"type": "null"}
        ]}
    }}}}));
    // Now: `pub struct Ax(pub Option<Box<Ax>>);`, which reads only `null`, and its expected
    // schema says the same (`Ax` is `anyOf` a `$ref` to itself and null), so that the round
    // trip cannot see it.
    assert!(
        !out.code.contains("pub struct Ax(pub Option<Box<Ax>>);"),
        "{}",
        out.code
    );
    let a = expected(&out, "A");
    let judge = jsonschema::validator_for(&a).unwrap();
    assert!(judge.is_valid(&json!({"x": {"a": "s"}})), "{a}");
}

#[test]
fn openapi_30_spellings_are_read_in_a_member_named_like_a_keyword() {
    let out = run(json!({"openapi": "3.0.3", "components": {"schemas": {"A": {
        "type": "object",
        "properties": {
            "default": {"type": "integer", "minimum": 0, "exclusiveMinimum": true},
            "example": {"type": "string", "example": "x"},
            "enum": {"type": "string", "nullable": true}
        }
    }}}}));
    // Now: `#/components/schemas/A/properties/default/exclusiveMinimum: `exclusiveMinimum` must
    // be a number` and `.../example/example: `example` does not apply to a string`.
    assert!(out.refused.is_empty(), "{:?}", out.refused);
}

#[test]
fn openapi_30_nullable_all_of_is_an_optional_member() {
    let out = run(json!({"openapi": "3.0.3", "components": {"schemas": {
        "B": {"type": "object", "properties": {"b": {"type": "string"}}},
        "A": {"type": "object", "properties": {
            "o": {"nullable": true, "allOf": [{"$ref": "#/components/schemas/B"}]}
        }}
    }}}));
    // Now: "#/components/schemas/A/properties/o/nullable: `nullable` does not apply to an
    // object with `properties`": the field reads `nullable`, its inline type reads it again.
    assert!(out.refused.is_empty(), "{:?}", out.refused);
}

#[test]
fn an_enum_value_self_is_a_valid_variant() {
    let out = run(json!({"$defs": {"E": {"type": "string", "enum": ["self", "other"]}}}));
    // Now: `    Self,`: "expected identifier, found keyword `Self`".
    assert!(!out.code.contains("    Self,\n"), "{}", out.code);
}

#[test]
fn cyclic_aliases_are_refused() {
    let out = run(json!({"$defs": {"A": {"$ref": "#/$defs/A"}}}));
    // Now: `pub type A = A;` (error E0391, a cycle).
    assert!(!out.refused.is_empty(), "{}", out.code);
}

#[test]
fn bounds_that_leave_no_value_are_refused() {
    for (member, written) in [
        (
            json!({"type": "integer", "minimum": 5, "maximum": 1}),
            "min = 5, max = 1",
        ),
        (
            json!({"type": "number", "minimum": 2, "exclusiveMaximum": 2}),
            "min = 2.0, exclusive_max = 2.0",
        ),
    ] {
        let out = run(json!({"$defs": {"A": {"type": "object", "properties": {"x": member}}}}));
        // Now written, and the derive says "`min = 5` is greater than `max = 1`: no value
        // could pass", as the generator does for `minLength` above `maxLength`.
        assert!(
            !out.refused.is_empty() && !out.code.contains(written),
            "{}",
            out.code
        );
    }
}

#[test]
fn lossy_drops_an_exclusive_bound_beside_an_inclusive_one() {
    let out = run_lossy(json!({"$defs": {"A": {"type": "object", "properties": {
        "n": {"type": "integer", "minimum": 0, "exclusiveMinimum": 0}
    }}}}));
    // The warning says "dropped (lossy)", but the code has `#[model(min = 0, exclusive_min =
    // 0)]`, which the derive refuses ("not with `min` on the same side").
    assert!(!out.warnings.is_empty());
    assert!(
        !out.code.contains("min = 0, exclusive_min = 0"),
        "{}",
        out.code
    );
}

/// `{"type": "number", "default": 0}`: the derive writes the default `f64` as `0.0`, the
/// expected schema keeps the document's `0`.
mod number_default {
    use super::*;

    #[derive(Clone, Debug, PartialEq, Model)]
    pub struct A {
        #[model(default)]
        pub f: f64,
    }

    #[test]
    fn a_number_s_default_is_expected_as_the_derive_writes_it() {
        let out = run(json!({"$defs": {"A": {"type": "object", "properties": {
            "f": {"type": "number", "default": 0}
        }}}}));
        assert!(
            out.code
                .contains("    #[model(default)]\n    pub f: f64,\n")
        );
        assert_eq!(expected(&out, "A"), A::json_schema());
    }
}

/// A `$ref` to a schema that is only a `$ref` (a type alias).
mod reference_to_an_alias {
    use super::*;

    #[derive(Clone, Debug, PartialEq, Eq, Model)]
    pub struct Tag(#[model(max_len = 3)] pub String);

    pub type TagAlias = Tag;

    #[derive(Clone, Debug, PartialEq, Eq, Model)]
    pub struct H {
        #[model(not_null)]
        pub tag: Option<TagAlias>,
    }

    #[test]
    fn a_reference_to_an_alias_is_expected_as_its_target() {
        let out = run(json!({"$defs": {
            "Tag": {"type": "string", "maxLength": 3},
            "TagAlias": {"$ref": "#/$defs/Tag"},
            "H": {"type": "object", "properties": {"tag": {"$ref": "#/$defs/TagAlias"}}}
        }}));
        assert!(out.code.contains("pub type TagAlias = Tag;\n"));
        assert!(out.code.contains(
            "pub struct H {\n    #[model(not_null)]\n    pub tag: Option<TagAlias>,\n}\n"
        ));
        // Now: `"tag": {"anyOf": [{"$ref": "#/$defs/TagAlias"}, ...]}` and a `TagAlias`
        // definition `{"title": "TagAlias", "$ref": "#/$defs/Tag"}`.
        assert_eq!(expected(&out, "H"), H::json_schema());
    }
}

/// With `lossy`, a type that lost a keyword has no expected schema (its schema is not the
/// document's), nor has a type that holds it.
#[test]
fn lossy_types_have_no_expected_schema() {
    let out = run_lossy(json!({"$defs": {
        "A": {"type": "object", "properties": {
            "d": {"type": "integer", "default": 5, "maximum": 3},
            "s": {"type": "string", "not": {"minLength": 2}},
            "u": {"type": "string"}
        }},
        "B": {"type": "object", "properties": {"a": {"$ref": "#/$defs/A"}}},
        "C": {"type": "object", "properties": {"u": {"type": "string"}}}
    }}));
    assert!(out.refused.is_empty());
    assert!(
        out.code.contains(
            "pub struct A {\n    #[model(max = 3, not_null)]\n    pub d: Option<i64>,\n    #[model(not_null)]\n    pub s: Option<String>,\n    #[model(not_null)]\n    pub u: Option<String>,\n}\n"
        ),
        "{}",
        out.code
    );
    let expected_of = |name: &str| {
        out.types
            .iter()
            .find(|t| t.name == name)
            .map(|t| t.expected.is_some())
    };
    assert_eq!(expected_of("A"), Some(false));
    assert_eq!(expected_of("B"), Some(false));
    assert_eq!(expected_of("C"), Some(true));
}

#[test]
fn all_of_with_a_closed_part_is_refused_or_kept() {
    let doc = json!({"$defs": {"A": {"allOf": [{
        "type": "object",
        "properties": {"b": {"type": "string"}},
        "additionalProperties": false
    }]}}});
    let out = run(doc.clone());
    let mut input = doc["$defs"]["A"].clone();
    input["$defs"] = doc["$defs"].clone();
    let input = jsonschema::validator_for(&input).unwrap();
    // The input refuses a member it does not declare: the merged struct is closed too.
    assert!(!input.is_valid(&json!({"c": 1})));
    assert!(input.is_valid(&json!({"b": "x"})));
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    assert!(
        out.code
            .contains("#[model(deny_unknown_fields)]\npub struct A {"),
        "{}",
        out.code
    );
    // A part closed by a schema would check the other parts' members: refused, not loosened.
    let doc = json!({"$defs": {"A": {"allOf": [
        {"type": "object", "properties": {"a": {"type": "integer"}}},
        {"type": "object", "properties": {"b": {"type": "string"}}, "additionalProperties": {"type": "string"}}
    ]}}});
    let out = run(doc.clone());
    let mut input = doc["$defs"]["A"].clone();
    input["$defs"] = doc["$defs"].clone();
    let input = jsonschema::validator_for(&input).unwrap();
    assert!(!input.is_valid(&json!({"a": 1})));
    assert!(
        out.refused
            .iter()
            .any(|n| n.pointer == "#/$defs/A/allOf/1/additionalProperties"),
        "{:?}",
        out.refused
    );
    assert!(out.types.is_empty(), "{}", out.code);
}

//! Contracts in groups, one module a group: a group's module writes its own contracts' types
//! and the types inline in them, imports the other groups' types it holds from their sibling
//! modules, and derives `Eq` as the module of every type would.

use authlete_models_codegen::{Document, Options, Output, generate};
use serde_json::{Value, json};

fn contract(model: &str, schema: Value) -> String {
    json!({"model": model, "schema": schema}).to_string()
}

/// `common` holds `Money` (a float: no `Eq`) and `Tag`; `orders` holds `Order`, which holds
/// both and an inline object, and `Refund`, which holds `Money` alone.
fn document() -> Document {
    let files = vec![
        (
            "common/money.json".to_owned(),
            contract(
                "Money",
                json!({"type": "object", "properties": {"amount": {"type": "number"}}}),
            ),
        ),
        (
            "common/tag.json".to_owned(),
            contract("Tag", json!({"type": "string", "enum": ["a", "b"]})),
        ),
        (
            "orders/order.json".to_owned(),
            contract(
                "Order",
                json!({"type": "object", "properties": {
                    "total": {"$ref": "#/$defs/Money"},
                    "tags": {"type": "array", "items": {"$ref": "#/$defs/Tag"}},
                    "shipping": {"type": "object", "properties": {"city": {"type": "string"}}}
                }}),
            ),
        ),
        (
            "orders/refund.json".to_owned(),
            contract(
                "Refund",
                json!({"type": "object", "properties": {"amount": {"$ref": "#/$defs/Money"}}}),
            ),
        ),
    ];
    Document::contracts(files).expect("the contracts read")
}

fn group(doc: &Document, name: &str) -> Output {
    let out = generate(
        doc,
        &Options {
            group: Some(name.into()),
            ..Options::default()
        },
    );
    assert!(out.refused.is_empty(), "{:?}", out.refused);
    out
}

fn names(out: &Output) -> Vec<&str> {
    out.types.iter().map(|t| t.name.as_str()).collect()
}

#[test]
fn each_contract_is_in_the_group_its_folder_names() {
    let doc = document();
    let groups: Vec<(&str, Option<&str>)> = doc
        .named
        .iter()
        .map(|n| (n.name.as_str(), n.group.as_deref()))
        .collect();
    assert_eq!(
        groups,
        [
            ("Money", Some("common")),
            ("Tag", Some("common")),
            ("Order", Some("orders")),
            ("Refund", Some("orders")),
        ]
    );
    assert_eq!(doc.show(&doc.named[2].pointer), "orders/order.json#/schema");
}

#[test]
fn a_group_writes_its_own_types_and_imports_the_others_it_holds() {
    let doc = document();
    let orders = group(&doc, "orders");
    assert_eq!(names(&orders), ["Order", "Refund", "OrderShipping"]);
    assert!(
        orders
            .code
            .contains("use authlete_models::{Model};\n\nuse super::common::{Money, Tag};\n\n"),
        "{}",
        orders.code
    );
    assert!(!orders.code.contains("pub struct Money"), "{}", orders.code);

    let common = group(&doc, "common");
    assert_eq!(names(&common), ["Money", "Tag"]);
    assert!(!common.code.contains("use super::"), "{}", common.code);

    // Every group's types together are every type, each once.
    let all = generate(&doc, &Options::default());
    let mut each: Vec<&str> = names(&common);
    each.extend(names(&orders));
    each.sort();
    let mut every = names(&all);
    every.sort();
    assert_eq!(each, every);
}

#[test]
fn a_type_holding_another_group_s_float_does_not_derive_eq() {
    let orders = group(&document(), "orders");
    assert!(
        orders
            .code
            .contains("#[derive(Clone, Debug, PartialEq, Model)]\npub struct Refund"),
        "{}",
        orders.code
    );
}

#[test]
fn a_group_s_types_keep_their_expected_schemas_with_the_other_groups_types() {
    let orders = group(&document(), "orders");
    let refund = orders.types.iter().find(|t| t.name == "Refund").unwrap();
    let expected = refund.expected.as_ref().expect("an expected schema");
    assert!(expected["$defs"].get("Money").is_some(), "{expected}");
}

#[test]
fn contracts_are_all_in_groups_or_none_is() {
    let err = Document::contracts(vec![
        (
            "common/tag.json".into(),
            contract("Tag", json!({"type": "string"})),
        ),
        (
            "order.json".into(),
            contract("Order", json!({"type": "string"})),
        ),
    ])
    .unwrap_err();
    assert!(err.contains("group"), "{err}");
}

#[test]
fn a_group_the_document_does_not_have_writes_nothing() {
    let out = generate(
        &document(),
        &Options {
            group: Some("nowhere".into()),
            ..Options::default()
        },
    );
    assert!(out.types.is_empty());
    assert!(!out.code.contains("pub struct"), "{}", out.code);
}

#[test]
fn a_folder_of_groups_is_read_folder_by_folder() {
    let dir = std::env::temp_dir().join(format!("codegen-groups-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    for (path, text) in [
        (
            "b/two.json",
            contract("Two", json!({"$ref": "#/$defs/One"})),
        ),
        ("a/one.json", contract("One", json!({"type": "string"}))),
        ("notes/README.md", "not a contract".to_owned()),
    ] {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    let doc = Document::contracts_dir(&dir);
    std::fs::remove_dir_all(&dir).unwrap();
    let doc = doc.expect("the folder reads");
    let read: Vec<(&str, Option<&str>)> = doc
        .named
        .iter()
        .map(|n| (n.name.as_str(), n.group.as_deref()))
        .collect();
    assert_eq!(read, [("One", Some("a")), ("Two", Some("b"))]);
    let b = group(&doc, "b");
    assert!(
        b.code.contains("use super::a::One;\n\npub type Two = One;"),
        "{}",
        b.code
    );
}

#[test]
fn a_shared_group_s_types_are_behind_the_features_of_the_groups_that_hold_them() {
    let files = vec![
        (
            "common/currency.json".to_owned(),
            contract(
                "Currency",
                json!({"type": "string", "enum": ["EUR", "JPY"]}),
            ),
        ),
        (
            "common/money.json".to_owned(),
            contract(
                "Money",
                json!({"type": "object", "properties": {"currency": {"$ref": "#/$defs/Currency"}}}),
            ),
        ),
        (
            "common/note.json".to_owned(),
            contract("Note", json!({"type": "string"})),
        ),
        (
            "common/label.json".to_owned(),
            contract("Label", json!({"type": "string", "enum": ["x"]})),
        ),
        (
            "common/sticker.json".to_owned(),
            contract(
                "Sticker",
                json!({"type": "object", "properties": {"label": {"$ref": "#/$defs/Label"}}}),
            ),
        ),
        (
            "common/tag.json".to_owned(),
            contract("Tag", json!({"type": "string", "enum": ["a", "b"]})),
        ),
        (
            "gift_cards/card.json".to_owned(),
            contract(
                "Card",
                json!({"type": "object", "properties": {"balance": {"$ref": "#/$defs/Money"}}}),
            ),
        ),
        (
            "orders/order.json".to_owned(),
            contract(
                "Order",
                json!({"type": "object", "properties": {
                    "total": {"$ref": "#/$defs/Money"},
                    "tag": {"$ref": "#/$defs/Tag"},
                    "label": {"$ref": "#/$defs/Label"}
                }}),
            ),
        ),
    ];
    let doc = Document::contracts(files).expect("the contracts read");
    let common = generate(
        &doc,
        &Options {
            group: Some("common".into()),
            shared: true,
            ..Options::default()
        },
    );
    let gate_of = |name: &str| {
        let at = common
            .code
            .find(&format!("pub enum {name} "))
            .or_else(|| common.code.find(&format!("pub struct {name} ")))
            .or_else(|| common.code.find(&format!("pub struct {name}(")))
            .unwrap_or_else(|| panic!("no {name} in\n{}", common.code));
        let item = &common.code[..at];
        let start = item.rfind("\n\n").unwrap_or(0);
        item[start..]
            .lines()
            .find(|l| l.starts_with("#[cfg("))
            .map(str::to_owned)
    };
    // Held through `Money` by both groups, directly by both, by one, by none.
    assert_eq!(
        gate_of("Currency").as_deref(),
        Some(r#"#[cfg(any(feature = "gift-cards", feature = "orders"))]"#)
    );
    assert_eq!(
        gate_of("Money").as_deref(),
        Some(r#"#[cfg(any(feature = "gift-cards", feature = "orders"))]"#)
    );
    assert_eq!(
        gate_of("Tag").as_deref(),
        Some(r#"#[cfg(feature = "orders")]"#)
    );
    assert_eq!(gate_of("Note"), None, "{}", common.code);
    // `Label` is held by `orders`, and by `Sticker`, which no group holds and so is compiled
    // with any: `Label` must be too.
    assert_eq!(gate_of("Sticker"), None, "{}", common.code);
    assert_eq!(gate_of("Label"), None, "{}", common.code);
    assert!(
        common.code.contains("#![allow(unused_imports)]"),
        "{}",
        common.code
    );

    // Without `shared`, and in a group's own module, nothing is gated.
    let plain = group(&doc, "common");
    assert!(!plain.code.contains("#[cfg("), "{}", plain.code);
    let orders = generate(
        &doc,
        &Options {
            group: Some("orders".into()),
            shared: true,
            ..Options::default()
        },
    );
    assert!(!orders.code.contains("#[cfg("), "{}", orders.code);
}

//! Generic models: `Page<T>` takes any model `T`, each instantiation with its own `$defs`
//! entry, and the bounds the impls need are added as serde_derive adds them.

use authlete_models::{Model, Validate, from_json};
use authlete_models_tests::{found, pairs};
use serde_json::json;

/// A page of results.
#[derive(Debug, PartialEq, Model)]
#[model(rename_all = "camelCase")]
struct Page<T> {
    #[model(max_len = 3)]
    items: Vec<T>,
    total_count: u64,
}

/// A client.
#[derive(Debug, PartialEq, Model)]
struct Client {
    #[model(min_len = 1, max_len = 8)]
    name: String,
}

/// A scope.
#[derive(Debug, PartialEq, Model)]
struct Scope {
    #[model(charset = "a-z")]
    name: String,
}

#[derive(Debug, PartialEq, Model)]
struct Listing {
    clients: Page<Client>,
    scopes: Option<Page<Scope>>,
}

/// A value wrapped with its own rule-free metadata.
#[derive(Debug, PartialEq, Model)]
struct Tagged<T, M: Clone> {
    value: T,
    #[model(opaque)]
    meta: M,
}

/// A newtype around any model.
#[derive(Debug, PartialEq, Model)]
struct Boxed<T>(Box<T>);

#[test]
fn each_instantiation_reads_with_its_argument_s_rules() {
    let page: Page<Client> =
        serde_json::from_value(json!({"items": [{"name": "app"}], "totalCount": 1})).unwrap();
    assert_eq!(page.items[0].name, "app");
    let err =
        serde_json::from_value::<Page<Scope>>(json!({"items": [{"name": "UP"}], "totalCount": 1}))
            .unwrap_err()
            .to_string();
    assert_eq!(err, "/items/0/name: charset: must contain only a-z");
    let errors = from_json::<Listing>(
        r#"{"clients": {"items": [{"name": ""}], "totalCount": 1}, "scopes": {"items": [{"name": "A"}, {"name": "b"}, {"name": "c"}, {"name": "d"}], "totalCount": 4}}"#,
    )
    .unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[
            ("/clients/items/0/name", "min_len"),
            ("/scopes/items", "max_len"),
            ("/scopes/items/0/name", "charset"),
        ])
    );
    let built = Page {
        items: vec![Client {
            name: String::new(),
        }],
        total_count: 0,
    };
    assert_eq!(
        found(&built.validate().unwrap_err()),
        pairs(&[("/items/0/name", "min_len")])
    );
    assert_eq!(
        serde_json::to_value(&page).unwrap(),
        json!({"items": [{"name": "app"}], "totalCount": 1})
    );
}

#[test]
fn two_instantiations_get_two_definitions() {
    let schema = Listing::json_schema();
    assert_eq!(
        schema["properties"]["clients"],
        json!({"$ref": "#/$defs/Page_Client"})
    );
    assert_eq!(
        schema["properties"]["scopes"],
        json!({"anyOf": [{"$ref": "#/$defs/Page_Scope"}, {"type": "null"}]})
    );
    let defs = &schema["$defs"];
    assert_eq!(defs["Page_Client"]["title"], "Page<Client>");
    assert_eq!(
        defs["Page_Client"]["properties"]["items"]["items"],
        json!({"$ref": "#/$defs/Client"})
    );
    assert_eq!(
        defs["Page_Scope"]["properties"]["items"]["items"],
        json!({"$ref": "#/$defs/Scope"})
    );
    let validator = jsonschema::validator_for(&schema).unwrap();
    for (doc, ok) in [
        (json!({"clients": {"items": [], "totalCount": 0}}), true),
        (
            json!({"clients": {"items": [{"name": "UPPER"}], "totalCount": 0}}),
            true,
        ),
        (
            json!({"clients": {"items": [], "totalCount": 0}, "scopes": {"items": [{"name": "UPPER"}], "totalCount": 0}}),
            false,
        ),
        (
            json!({"clients": {"items": [{"name": "123456789"}], "totalCount": 0}}),
            false,
        ),
    ] {
        assert_eq!(validator.is_valid(&doc), ok, "{doc}");
        assert_eq!(
            serde_json::from_value::<Listing>(doc.clone()).is_ok(),
            ok,
            "{doc}"
        );
    }
}

#[test]
fn parameters_only_opaque_fields_hold_need_only_serde() {
    let t: Tagged<Client, Vec<u8>> =
        serde_json::from_value(json!({"value": {"name": "x"}, "meta": [1, 2]})).unwrap();
    assert_eq!(t.meta, [1, 2]);
    let schema = Tagged::<Client, Vec<u8>>::json_schema();
    assert_eq!(schema["title"], "Tagged<Client, Vec>");
    let b: Boxed<Client> = serde_json::from_value(json!({"name": "x"})).unwrap();
    assert_eq!(b.0.name, "x");
    assert!(
        Boxed(Box::new(Client {
            name: String::new()
        }))
        .validate()
        .is_err()
    );
    assert_eq!(Boxed::<Client>::json_schema()["title"], "Boxed<Client>");
}

//! Which members are present together: `required_one_of` and `required_any_of` on a struct,
//! `requires` on a field. Each is held in the places a rule acts: the first-violation reader,
//! `from_json` (every violation, with the others), `validate()`, and the schema.

use authlete_models::{Model, Validate, from_json};
use authlete_models_tests::{found, pairs};
use serde_json::{Value, json};

/// A client registered by one id, or by a name and a URI together; reachable by e-mail or by
/// phone (a `null` phone is still given); a logo needs a name and a URI beside it.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(
    rename_all = "camelCase",
    required_one_of(client_id, (client_name, client_uri)),
    required_any_of(email, phone)
)]
struct Registration {
    #[model(not_null, max_len = 4)]
    client_id: Option<String>,
    #[model(not_null)]
    client_name: Option<String>,
    #[model(not_null)]
    client_uri: Option<String>,
    #[model(not_null)]
    email: Option<String>,
    /// `null` is a phone given as unknown: present.
    phone: Option<Option<String>>,
    #[model(not_null, requires(client_name, client_uri))]
    logo_uri: Option<String>,
    /// Not named by any rule.
    note: Option<String>,
}

fn read(text: &str) -> Result<Registration, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

fn collected(text: &str) -> Vec<(String, String)> {
    match from_json::<Registration>(text) {
        Ok(_) => Vec::new(),
        Err(errors) => found(&errors),
    }
}

#[test]
fn exactly_one_item_of_required_one_of() {
    for ok in [
        r#"{"clientId": "a1", "email": "x"}"#,
        r#"{"clientName": "n", "clientUri": "u", "email": "x"}"#,
        // The group and a member of nothing else: still one item.
        r#"{"clientName": "n", "clientUri": "u", "email": "x", "note": null}"#,
    ] {
        assert!(read(ok).is_ok(), "{ok}: {:?}", read(ok));
        assert_eq!(collected(ok), [], "{ok}");
    }
    let none = r#"{"email": "x"}"#;
    let err = read(none).unwrap_err();
    assert_eq!(
        err,
        "(root): required_one_of: must hold exactly one of `clientId`, (`clientName`, `clientUri`); none is present (a group is present when each of its members is) at line 1 column 14"
    );
    assert_eq!(collected(none), pairs(&[("", "required_one_of")]));
    // Half a group is no item.
    let half = r#"{"clientName": "n", "email": "x"}"#;
    assert!(
        read(half)
            .unwrap_err()
            .starts_with("(root): required_one_of:")
    );
    assert_eq!(collected(half), pairs(&[("", "required_one_of")]));
    // Both items: one too many.
    let both = r#"{"clientId": "a", "clientName": "n", "clientUri": "u", "email": "x"}"#;
    let err = read(both).unwrap_err();
    assert!(
        err.starts_with(
            "(root): required_one_of: must hold exactly one of `clientId`, (`clientName`, `clientUri`); 2 are present: `clientId` and (`clientName`, `clientUri`)"
        ),
        "{err}"
    );
    assert_eq!(collected(both), pairs(&[("", "required_one_of")]));
    // The id and half the group: one item.
    assert!(read(r#"{"clientId": "a", "clientUri": "u", "email": "x"}"#).is_ok());
}

#[test]
fn at_least_one_item_of_required_any_of_and_null_is_present_in_a_double_option() {
    for ok in [
        r#"{"clientId": "a", "email": "x"}"#,
        r#"{"clientId": "a", "phone": "1"}"#,
        r#"{"clientId": "a", "email": "x", "phone": "1"}"#,
        // `Option<Option<T>>`: a `null` is a member given.
        r#"{"clientId": "a", "phone": null}"#,
    ] {
        assert!(read(ok).is_ok(), "{ok}: {:?}", read(ok));
        assert_eq!(collected(ok), [], "{ok}");
    }
    assert_eq!(
        read(r#"{"clientId": "a", "phone": null}"#).unwrap().phone,
        Some(None)
    );
    let err = read(r#"{"clientId": "a"}"#).unwrap_err();
    assert_eq!(
        err,
        "(root): required_any_of: must hold at least one of `email`, `phone`; none is present at line 1 column 17"
    );
    assert_eq!(
        collected(r#"{"clientId": "a"}"#),
        pairs(&[("", "required_any_of")])
    );
    // A `not_null` member given as `null` is present, and refused for its `null`.
    assert_eq!(
        collected(r#"{"clientId": "a", "email": null}"#),
        pairs(&[("/email", "type")])
    );
}

#[test]
fn requires_asks_for_each_member_at_its_pointer() {
    let ok = r#"{"clientName": "n", "clientUri": "u", "email": "x", "logoUri": "l"}"#;
    assert!(read(ok).is_ok());
    let err = read(r#"{"clientId": "a", "email": "x", "logoUri": "l"}"#).unwrap_err();
    assert_eq!(
        err,
        "/clientName: requires: is required when `logoUri` is present at line 1 column 47"
    );
    // Each absent member, in the order `requires` names them; the other rules after.
    assert_eq!(
        collected(r#"{"clientId": "a", "email": "x", "logoUri": "l"}"#),
        pairs(&[("/clientName", "requires"), ("/clientUri", "requires")])
    );
    assert_eq!(
        collected(r#"{"clientUri": "u", "logoUri": "l"}"#),
        pairs(&[
            ("/clientName", "requires"),
            ("", "required_one_of"),
            ("", "required_any_of")
        ])
    );
    let errors = from_json::<Registration>(r#"{"clientUri": "u", "logoUri": "l"}"#).unwrap_err();
    assert_eq!(
        errors.iter().next().unwrap().message(),
        "is required when `logoUri` is present"
    );
    // Absent, it asks nothing.
    assert!(read(r#"{"clientId": "a", "email": "x"}"#).is_ok());
}

#[test]
fn every_violation_at_once_with_the_others() {
    // A rule of a member, a member of the wrong type, and every presence rule.
    let text = r#"{"clientId": "toolong", "clientName": 5, "clientUri": "u", "logoUri": "l"}"#;
    assert_eq!(
        collected(text),
        pairs(&[
            ("/clientId", "max_len"),
            ("/clientName", "type"),
            ("", "required_one_of"),
            ("", "required_any_of"),
        ])
    );
    // The first-violation reader stops at the member's own rule.
    assert!(read(text).unwrap_err().starts_with("/clientId: max_len:"));
}

#[test]
fn validate_holds_a_built_value_to_the_same_rules() {
    let valid = Registration {
        client_id: None,
        client_name: Some("n".into()),
        client_uri: Some("u".into()),
        email: None,
        phone: Some(None),
        logo_uri: Some("l".into()),
        note: None,
    };
    assert!(valid.validate().is_ok());
    let broken = Registration {
        client_id: Some("abcde".into()),
        client_name: Some("n".into()),
        client_uri: None,
        email: None,
        phone: None,
        logo_uri: Some("l".into()),
        note: None,
    };
    let errors = broken.validate().unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[
            ("/clientId", "max_len"),
            ("/clientUri", "requires"),
            ("", "required_any_of"),
        ])
    );
    // What `validate()` accepts reads back, and what it refuses does not.
    let written = serde_json::to_string(&valid).unwrap();
    assert_eq!(read(&written).unwrap(), valid);
    let written = serde_json::to_string(&broken).unwrap();
    assert_eq!(
        collected(&written),
        found(&errors),
        "{written}: the same violations"
    );
}

/// `Registration` inside a list inside another model: the errors sit under its pointer.
#[derive(Debug, Clone, PartialEq, Model)]
struct Batch {
    items: Vec<Registration>,
}

#[test]
fn nested_the_pointers_are_the_object_s_and_the_member_s() {
    let text = r#"{"items": [{"clientId": "a", "email": "x"}, {"logoUri": "l", "phone": null}]}"#;
    let errors = from_json::<Batch>(text).unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[
            ("/items/1/clientName", "requires"),
            ("/items/1/clientUri", "requires"),
            ("/items/1", "required_one_of"),
        ])
    );
    let err = serde_json::from_str::<Batch>(text).unwrap_err().to_string();
    assert!(
        err.starts_with("/items/1/clientName: requires: is required when `logoUri` is present"),
        "{err}"
    );
    let batch = Batch {
        items: vec![Registration {
            client_id: None,
            client_name: None,
            client_uri: None,
            email: Some("x".into()),
            phone: None,
            logo_uri: None,
            note: None,
        }],
    };
    assert_eq!(
        found(&batch.validate().unwrap_err()),
        pairs(&[("/items/0", "required_one_of")])
    );
}

#[test]
fn the_schema_states_each_rule_with_wire_names() {
    let schema = Registration::json_schema();
    assert_eq!(schema.get("required"), None);
    assert_eq!(
        schema["dependentRequired"],
        json!({"logoUri": ["clientName", "clientUri"]})
    );
    // Two choices: both hold, under `allOf`, in the order written.
    assert_eq!(
        schema["allOf"],
        json!([
            {"oneOf": [{"required": ["clientId"]}, {"required": ["clientName", "clientUri"]}]},
            {"anyOf": [{"required": ["email"]}, {"required": ["phone"]}]},
        ])
    );
    assert_eq!(schema.get("oneOf"), None);
    assert_eq!(schema.get("anyOf"), None);
    // A `null` phone is allowed, a `null` e-mail is not.
    assert_eq!(
        schema["properties"]["phone"]["type"],
        json!(["string", "null"])
    );
    assert_eq!(schema["properties"]["email"]["type"], "string");
}

/// One rule of each kind alone, with renamed members.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(required_one_of(a, b))]
struct OneOf {
    #[model(not_null, rename = "A")]
    a: Option<u8>,
    b: Option<Option<u8>>,
}

#[derive(Debug, Clone, PartialEq, Model)]
#[model(required_any_of((a, b), c))]
struct AnyOf {
    #[model(not_null)]
    a: Option<u8>,
    #[model(not_null)]
    b: Option<u8>,
    #[model(not_null, rename = "see/also")]
    c: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Model)]
struct Requires {
    #[model(not_null, requires(c))]
    a: Option<u8>,
    #[model(requires(a, c))]
    b: Option<Option<u8>>,
    #[model(not_null, rename = "see/also")]
    c: Option<u8>,
}

#[test]
fn one_rule_alone_sits_on_the_object() {
    assert_eq!(
        OneOf::json_schema()["oneOf"],
        json!([{"required": ["A"]}, {"required": ["b"]}])
    );
    assert_eq!(OneOf::json_schema().get("allOf"), None);
    assert_eq!(
        AnyOf::json_schema()["anyOf"],
        json!([{"required": ["a", "b"]}, {"required": ["see/also"]}])
    );
    assert_eq!(
        Requires::json_schema()["dependentRequired"],
        json!({"a": ["see/also"], "b": ["a", "see/also"]})
    );
    for s in [
        OneOf::json_schema(),
        AnyOf::json_schema(),
        Requires::json_schema(),
    ] {
        let keys = ["oneOf", "anyOf", "allOf", "dependentRequired"];
        assert_eq!(
            keys.iter().filter(|k| s.get(**k).is_some()).count(),
            1,
            "{s:#}"
        );
    }
}

#[test]
fn one_rule_alone_reads_as_its_schema_says() {
    assert!(serde_json::from_str::<OneOf>(r#"{"A": 1}"#).is_ok());
    assert!(serde_json::from_str::<OneOf>(r#"{"b": null}"#).is_ok());
    assert!(serde_json::from_str::<OneOf>(r#"{"A": 1, "b": null}"#).is_err());
    assert!(serde_json::from_str::<OneOf>(r#"{}"#).is_err());
    assert!(serde_json::from_str::<AnyOf>(r#"{"a": 1, "b": 2}"#).is_ok());
    assert!(serde_json::from_str::<AnyOf>(r#"{"see/also": 1}"#).is_ok());
    let err = serde_json::from_str::<AnyOf>(r#"{"a": 1}"#).unwrap_err();
    assert!(
        err.to_string().starts_with(
            "(root): required_any_of: must hold at least one of (`a`, `b`), `see/also`; none is present (a group is present when each of its members is)"
        ),
        "{err}"
    );
    // The pointer of a member escapes its name.
    let errors = from_json::<Requires>(r#"{"a": 1, "b": 2}"#).unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[("/see~1also", "requires"), ("/see~1also", "requires")])
    );
    let messages: Vec<&str> = errors.iter().map(|e| e.message()).collect();
    assert_eq!(
        messages,
        [
            "is required when `a` is present",
            "is required when `b` is present"
        ]
    );
    // `b` given as `null` is present, and asks for `a` and `see/also`.
    assert_eq!(
        found(&from_json::<Requires>(r#"{"b": null}"#).unwrap_err()),
        pairs(&[("/a", "requires"), ("/see~1also", "requires")])
    );
    assert!(from_json::<Requires>(r#"{"b": null, "a": 1, "see/also": 2}"#).is_ok());
    assert!(from_json::<Requires>(r#"{}"#).is_ok());
}

/// A model whose presence rules hold beside the members of a struct that flattens it.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(required_one_of(key, secret))]
struct Credentials {
    #[model(not_null)]
    key: Option<String>,
    #[model(not_null, requires(key_id))]
    secret: Option<String>,
    #[model(not_null)]
    key_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Model)]
#[model(required_any_of(name, id))]
struct Account {
    #[model(not_null)]
    name: Option<String>,
    #[model(not_null)]
    id: Option<u32>,
    #[model(flatten)]
    credentials: Credentials,
}

#[test]
fn a_flattened_model_keeps_its_rules_at_the_struct_s_level() {
    assert!(serde_json::from_str::<Account>(r#"{"name": "n", "key": "k"}"#).is_ok());
    let text = r#"{"secret": "s"}"#;
    assert_eq!(
        found(&from_json::<Account>(text).unwrap_err()),
        pairs(&[("/key_id", "requires"), ("", "required_any_of")])
    );
    let err = serde_json::from_str::<Account>(text)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("/key_id: requires:"), "{err}");
    let built = Account {
        name: Some("n".into()),
        id: None,
        credentials: Credentials {
            key: Some("k".into()),
            secret: Some("s".into()),
            key_id: Some("i".into()),
        },
    };
    assert_eq!(
        found(&built.validate().unwrap_err()),
        pairs(&[("", "required_one_of")])
    );
    let schema = Account::json_schema();
    assert_eq!(schema["dependentRequired"], json!({"secret": ["key_id"]}));
    assert_eq!(
        schema["allOf"],
        json!([
            {"anyOf": [{"required": ["name"]}, {"required": ["id"]}]},
            {"oneOf": [{"required": ["key"]}, {"required": ["secret"]}]},
        ])
    );
    // The flattened model's own schema keeps them too.
    let own: Value = Credentials::json_schema();
    assert_eq!(
        own["oneOf"],
        json!([{"required": ["key"]}, {"required": ["secret"]}])
    );
}

/// Paid by card or by account, never both; a token, a card number and a holder never all
/// three (a `null` account or holder is a member given).
#[derive(Debug, Clone, PartialEq, Model)]
#[model(
    rename_all = "camelCase",
    not_all_of(card, account),
    required_any_of(card, account),
    not_all_of(token, card_number, holder)
)]
struct Payment {
    #[model(not_null)]
    card: Option<String>,
    account: Option<Option<String>>,
    #[model(not_null, max_len = 3)]
    token: Option<String>,
    #[model(not_null)]
    card_number: Option<String>,
    holder: Option<Option<String>>,
}

fn payment(text: &str) -> Result<Payment, String> {
    serde_json::from_str(text).map_err(|e| e.to_string())
}

fn payment_errors(text: &str) -> Vec<(String, String)> {
    match from_json::<Payment>(text) {
        Ok(_) => Vec::new(),
        Err(errors) => found(&errors),
    }
}

#[test]
fn not_all_of_refuses_the_members_all_present_at_once() {
    for ok in [
        r#"{"card": "c"}"#,
        r#"{"account": null}"#,
        r#"{"card": "c", "token": "t", "cardNumber": "n"}"#,
        r#"{"card": "c", "cardNumber": "n", "holder": "h"}"#,
    ] {
        assert!(payment(ok).is_ok(), "{ok}: {:?}", payment(ok));
        assert_eq!(payment_errors(ok), [], "{ok}");
    }
    // A `null` account is present: with a card, both are.
    let both = r#"{"card": "c", "account": null}"#;
    assert_eq!(
        payment(both).unwrap_err(),
        "(root): not_all_of: must not hold all of `card`, `account` at once; each is present at line 1 column 30"
    );
    assert_eq!(payment_errors(both), pairs(&[("", "not_all_of")]));
    let three = r#"{"account": "a", "token": "t", "cardNumber": "n", "holder": null}"#;
    let errors = from_json::<Payment>(three).unwrap_err();
    assert_eq!(found(&errors), pairs(&[("", "not_all_of")]));
    assert_eq!(
        errors.iter().next().unwrap().message(),
        "must not hold all of `token`, `cardNumber`, `holder` at once; each is present"
    );
}

#[test]
fn not_all_of_is_listed_with_every_other_violation_in_the_order_written() {
    let text =
        r#"{"card": "c", "account": "a", "token": "long", "cardNumber": "n", "holder": "h"}"#;
    assert_eq!(
        payment_errors(text),
        pairs(&[
            ("/token", "max_len"),
            ("", "not_all_of"),
            ("", "not_all_of"),
        ])
    );
    // None of the two: `required_any_of`, between the two `not_all_of` as written.
    let text = r#"{"token": "t", "cardNumber": "n", "holder": "h"}"#;
    assert_eq!(
        payment_errors(text),
        pairs(&[("", "required_any_of"), ("", "not_all_of")])
    );
    assert!(
        payment(text)
            .unwrap_err()
            .starts_with("(root): required_any_of:")
    );
    let built = Payment {
        card: Some("c".into()),
        account: Some(None),
        token: Some("t".into()),
        card_number: Some("n".into()),
        holder: Some(None),
    };
    let errors = built.validate().unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[("", "not_all_of"), ("", "not_all_of")])
    );
    let written = serde_json::to_string(&built).unwrap();
    assert_eq!(payment_errors(&written), found(&errors), "{written}");
}

#[test]
fn not_all_of_is_not_of_a_required_list_in_the_schema() {
    let schema = Payment::json_schema();
    assert_eq!(
        schema["allOf"],
        json!([
            {"not": {"required": ["card", "account"]}},
            {"anyOf": [{"required": ["card"]}, {"required": ["account"]}]},
            {"not": {"required": ["token", "cardNumber", "holder"]}},
        ])
    );
    assert_eq!(schema.get("not"), None);
    assert_eq!(
        NotBoth::json_schema()["not"],
        json!({"required": ["a", "see/also"]})
    );
    assert_eq!(NotBoth::json_schema().get("allOf"), None);
}

/// `not_all_of` alone, and flattened into a struct with a rule of its own.
#[derive(Debug, Clone, PartialEq, Model)]
#[model(not_all_of(a, c))]
struct NotBoth {
    #[model(not_null)]
    a: Option<u8>,
    #[model(not_null, rename = "see/also")]
    c: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Model)]
#[model(required_one_of(x, y))]
struct WithNotBoth {
    #[model(not_null)]
    x: Option<u8>,
    #[model(not_null)]
    y: Option<u8>,
    #[model(flatten)]
    inner: NotBoth,
}

#[test]
fn a_flattened_model_keeps_its_not_all_of() {
    assert!(serde_json::from_str::<NotBoth>(r#"{"a": 1}"#).is_ok());
    assert!(serde_json::from_str::<WithNotBoth>(r#"{"x": 1, "a": 1}"#).is_ok());
    // The flattened model's rules are listed as its members are, before the struct's own.
    let text = r#"{"a": 1, "see/also": 2}"#;
    assert_eq!(
        found(&from_json::<WithNotBoth>(text).unwrap_err()),
        pairs(&[("", "not_all_of"), ("", "required_one_of")])
    );
    let err = serde_json::from_str::<WithNotBoth>(r#"{"x": 1, "a": 1, "see/also": 2}"#)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("(root): not_all_of:"), "{err}");
    assert_eq!(
        WithNotBoth::json_schema()["allOf"],
        json!([
            {"oneOf": [{"required": ["x"]}, {"required": ["y"]}]},
            {"not": {"required": ["a", "see/also"]}},
        ])
    );
}

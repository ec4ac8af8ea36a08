//! Schema annotations: `format`, `read_only`, `write_only`, `examples`, `title`, `deprecated`,
//! the doc comment (or the `description` key) as `description` and `default`'s value, on
//! fields and on types. They describe a value in the schema and change nothing else: what
//! reads, what validates and what is written stay the same.

use std::collections::BTreeMap;

use authlete_models::{Model, Validate, from_json};
use authlete_models_tests::{found, pairs};
use serde_json::json;

/// A registered client, as the server returns it.
///
/// It keeps its line breaks
/// as written.
///
/// # Examples
///
/// Everything from the heading on stays out of the schema.
#[derive(Debug, PartialEq, Model)]
#[model(
    rename_all = "camelCase",
    examples = r#"[{"clientId": 1, "redirectUris": [], "links": {}, "seen": "now"}]"#
)]
struct Registered {
    /// Assigned by the server.
    #[model(read_only, format = "int64", examples = "[26478243745571]")]
    client_id: i64,
    #[model(write_only, max_len = 8)]
    token: Option<String>,
    #[model(max_len = 2, items(format = "uri", max_len = 20))]
    redirect_uris: Vec<String>,
    #[model(values(format = "uri"))]
    links: BTreeMap<String, String>,
    #[model(default, read_only)]
    locked: bool,
    #[model(default)]
    retries: u8,
    #[model(opaque, format = "date-time", schema = r#"{"type": "string"}"#)]
    seen: String,
}

#[test]
fn the_schema_carries_each_annotation_where_it_is_written() {
    let schema = Registered::json_schema();
    assert_eq!(
        schema["description"],
        "A registered client, as the server returns it.\n\nIt keeps its line breaks\nas written."
    );
    assert_eq!(
        schema["examples"],
        json!([{"clientId": 1, "redirectUris": [], "links": {}, "seen": "now"}])
    );
    let p = &schema["properties"];
    assert_eq!(
        p["clientId"],
        json!({
            "description": "Assigned by the server.",
            "type": "integer",
            "minimum": i64::MIN,
            "maximum": i64::MAX,
            "format": "int64",
            "readOnly": true,
            "examples": [26478243745571_i64]
        })
    );
    assert_eq!(
        p["token"],
        json!({"type": ["string", "null"], "maxLength": 8, "writeOnly": true})
    );
    assert_eq!(
        p["redirectUris"],
        json!({
            "type": "array",
            "maxItems": 2,
            "items": {"type": "string", "maxLength": 20, "format": "uri"}
        })
    );
    assert_eq!(
        p["links"],
        json!({"type": "object", "additionalProperties": {"type": "string", "format": "uri"}})
    );
    assert_eq!(
        p["locked"],
        json!({"type": "boolean", "readOnly": true, "default": false})
    );
    assert_eq!(
        p["retries"],
        json!({"type": "integer", "minimum": 0, "maximum": 255, "default": 0})
    );
    assert_eq!(p["seen"], json!({"type": "string", "format": "date-time"}));
    assert_eq!(
        schema["required"],
        json!(["clientId", "redirectUris", "links", "seen"])
    );
}

#[test]
fn annotations_check_nothing() {
    // `format = "uri"` accepts any string, and `read_only` a value sent to the server: the
    // annotations describe, the rules beside them check.
    let doc = json!({
        "clientId": 1,
        "redirectUris": ["not a uri"],
        "links": {"a": "neither"},
        "seen": "yesterday"
    });
    let r: Registered = serde_json::from_value(doc.clone()).unwrap();
    assert!(r.validate().is_ok());
    assert_eq!(
        serde_json::to_value(&r).unwrap()["redirectUris"],
        json!(["not a uri"])
    );

    let errors = from_json::<Registered>(
        r#"{"clientId": "1", "token": "123456789", "redirectUris": ["x", "y", "z"], "links": {}, "seen": ""}"#,
    )
    .unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[
            ("/clientId", "type"),
            ("/token", "max_len"),
            ("/redirectUris", "max_len")
        ])
    );
}

/// A value to hide: any length of the base64url alphabet.
#[derive(Debug, PartialEq, Model)]
#[model(examples = r#"["c2VjcmV0"]"#)]
struct Token(#[model(charset = "A-Za-z0-9_-")] authlete_models::Secret<String>);

/// The kinds of client.
#[derive(Debug, PartialEq, Model)]
#[model(rename_all = "lowercase", examples = r#"["public"]"#)]
enum Kind {
    Public,
    Confidential,
}

#[test]
fn a_newtype_s_and_an_enum_s_examples_and_a_secret_s_format() {
    assert_eq!(
        Token::json_schema(),
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Token",
            "description": "A value to hide: any length of the base64url alphabet.",
            "type": "string",
            "pattern": "^[\\u002D0-9A-Z\\u005Fa-z]*$",
            "format": "password",
            "examples": ["c2VjcmV0"]
        })
    );
    assert_eq!(
        Kind::json_schema(),
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Kind",
            "description": "The kinds of client.",
            "type": "string",
            "enum": ["public", "confidential"],
            "examples": ["public"]
        })
    );
}

/// A page of results, under a title of its own.
#[derive(Debug, PartialEq, Model)]
#[model(title = "A page of clients", deprecated, format = "page")]
struct Page {
    #[model(deprecated, max = 100, title = "Page size")]
    limit: Option<u32>,
    #[model(format = "client-kind", deprecated, title = "Kind of the clients")]
    kind: Kind,
    #[model(format = "token", items(deprecated))]
    tokens: Vec<Token>,
    #[model(format = "labels", deprecated, max_len = 1)]
    labels: BTreeMap<String, String>,
    status: Status,
}

#[derive(Debug, PartialEq, Model)]
#[model(title = "Serial number", format = "serial", deprecated)]
struct Serial(#[model(max = 9)] u8);

#[derive(Debug, PartialEq, Model)]
#[model(title = "Status of a client", format = "status", deprecated)]
enum Status {
    On,
    Off,
}

#[test]
fn title_deprecated_and_format_on_types_and_on_values_of_any_kind() {
    let schema = Page::json_schema();
    assert_eq!(schema["title"], "A page of clients");
    assert_eq!(schema["deprecated"], true);
    assert_eq!(schema["format"], "page");
    let p = &schema["properties"];
    assert_eq!(
        p["limit"],
        json!({"type": ["integer", "null"], "minimum": 0, "maximum": 100, "title": "Page size", "deprecated": true})
    );
    // A model's reference, a list of models and a map carry them beside their own keywords.
    assert_eq!(
        p["kind"],
        json!({"$ref": "#/$defs/Kind", "format": "client-kind", "title": "Kind of the clients", "deprecated": true})
    );
    assert_eq!(
        p["tokens"],
        json!({"type": "array", "items": {"$ref": "#/$defs/Token", "deprecated": true}, "format": "token"})
    );
    assert_eq!(
        p["labels"],
        json!({
            "type": "object", "additionalProperties": {"type": "string"}, "maxProperties": 1,
            "format": "labels", "deprecated": true
        })
    );
    // The `$defs` key stays the type's name; the title is the attribute's.
    assert_eq!(schema["$defs"]["Status"]["title"], "Status of a client");
    assert_eq!(schema["$defs"]["Status"]["format"], "status");
    assert_eq!(schema["$defs"]["Status"]["deprecated"], true);
    assert_eq!(p["status"], json!({"$ref": "#/$defs/Status"}));
    assert_eq!(
        Serial::json_schema(),
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Serial number",
            "type": "integer", "minimum": 0, "maximum": 9,
            "format": "serial", "deprecated": true
        })
    );
}

#[test]
fn title_deprecated_and_format_check_nothing() {
    let doc = json!({"limit": 100, "kind": "public", "tokens": ["abc"], "labels": {"a": "b"}, "status": "On"});
    let page: Page = serde_json::from_value(doc.clone()).unwrap();
    assert!(page.validate().is_ok());
    assert_eq!(serde_json::to_value(&page).unwrap(), doc);
    // The rules beside them still check.
    let errors = from_json::<Page>(
        r#"{"limit": 101, "kind": "public", "tokens": [], "labels": {"a": "b", "c": "d"}, "status": "dim"}"#,
    )
    .unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[
            ("/limit", "max"),
            ("/labels", "max_len"),
            ("/status", "enum")
        ])
    );
    assert_eq!(
        errors.iter().nth(2).unwrap().message(),
        "must be one of `On` or `Off`"
    );
    assert!(serde_json::from_value::<Serial>(json!(10)).is_err());
}

/// An id the server assigns.
#[derive(Debug, PartialEq, Model)]
#[model(read_only, title = "Assigned id")]
struct AssignedId(#[model(min = 1)] u64);

/// What the client sends, and never gets back.
#[derive(Debug, PartialEq, Model)]
#[model(write_only, deprecated)]
struct Credentials {
    #[model(max_len = 8)]
    password: String,
}

#[derive(Debug, PartialEq, Model)]
#[model(read_only, rename_all = "lowercase", format = "state")]
enum State {
    Active,
    Suspended,
}

#[derive(Debug, PartialEq, Model)]
#[model(write_only, tag = "kind", rename_all = "lowercase")]
enum Grant {
    Password {
        #[model(max_len = 4)]
        secret: String,
    },
    Anonymous,
}

#[derive(Debug, PartialEq, Model)]
struct Account {
    id: AssignedId,
    credentials: Credentials,
    state: State,
    grant: Grant,
}

#[test]
fn read_only_and_write_only_on_a_struct_a_newtype_and_enums() {
    assert_eq!(
        AssignedId::json_schema(),
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Assigned id",
            "description": "An id the server assigns.",
            "type": "integer", "minimum": 1, "maximum": u64::MAX,
            "readOnly": true
        })
    );
    assert_eq!(
        Credentials::json_schema(),
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Credentials",
            "description": "What the client sends, and never gets back.",
            "type": "object",
            "properties": {"password": {"type": "string", "maxLength": 8}},
            "required": ["password"],
            "deprecated": true,
            "writeOnly": true
        })
    );
    assert_eq!(
        State::json_schema(),
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "State",
            "type": "string",
            "enum": ["active", "suspended"],
            "format": "state",
            "readOnly": true
        })
    );
    let grant = Grant::json_schema();
    assert_eq!(
        grant,
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Grant",
            "oneOf": [
                {
                    "title": "Password",
                    "type": "object",
                    "properties": {
                        "kind": {"const": "password"},
                        "secret": {"type": "string", "maxLength": 4}
                    },
                    "required": ["kind", "secret"]
                },
                {
                    "title": "anonymous",
                    "type": "object",
                    "properties": {"kind": {"const": "anonymous"}},
                    "required": ["kind"]
                }
            ],
            "writeOnly": true
        })
    );
    // A field holding the type refers to it; the annotation is the type's, under `$defs`.
    let account = Account::json_schema();
    let p = &account["properties"];
    assert_eq!(p["id"], json!({"$ref": "#/$defs/AssignedId"}));
    assert_eq!(p["credentials"], json!({"$ref": "#/$defs/Credentials"}));
    let defs = &account["$defs"];
    assert_eq!(defs["AssignedId"]["readOnly"], true);
    assert_eq!(defs["Credentials"]["writeOnly"], true);
    assert_eq!(defs["State"]["readOnly"], true);
    assert_eq!(defs["Grant"]["writeOnly"], true);
    for def in defs.as_object().unwrap().values() {
        assert!(def.get("readOnly").is_none() || def.get("writeOnly").is_none());
    }
}

#[test]
fn read_only_and_write_only_on_a_type_check_nothing() {
    let doc = json!({
        "id": 7,
        "credentials": {"password": "hunter2"},
        "state": "active",
        "grant": {"kind": "password", "secret": "abcd"}
    });
    let account: Account = serde_json::from_value(doc.clone()).unwrap();
    assert!(account.validate().is_ok());
    assert_eq!(serde_json::to_value(&account).unwrap(), doc);
    // The rules beside them still check.
    let errors = from_json::<Account>(
        r#"{"id": 0, "credentials": {"password": "123456789"}, "state": "gone", "grant": {"kind": "password", "secret": "abcde"}}"#,
    )
    .unwrap_err();
    assert_eq!(
        found(&errors),
        pairs(&[
            ("/id", "min"),
            ("/credentials/password", "max_len"),
            ("/state", "enum"),
            ("/grant/secret", "max_len")
        ])
    );
}

/// Replaced by the `description` key.
#[derive(Debug, PartialEq, Model)]
#[model(description = "A tool's configuration.\n\n# Sections\n\nOne per tool.")]
struct Config {
    /// Replaced too.
    #[model(description = r#"A shell line to run.

# a comment, as the shell reads it
echo hi"#)]
    run: String,
    /// The doc comment, where there is no `description`.
    ///
    /// # Examples
    ///
    /// Cut at the heading, as before.
    shell: Option<String>,
    step: Step,
    level: Level,
    timeout: Seconds,
}

/// Steps, from the doc comment.
///
/// # Examples
///
/// Not in the schema.
#[derive(Debug, PartialEq, Model)]
#[model(tag = "kind", rename_all = "lowercase")]
enum Step {
    /// Replaced by the variant's `description`.
    #[model(description = "# Run\nA command.")]
    Run { command: String },
    /// A pause, from the doc comment.
    Wait {
        #[model(description = "# Seconds\nHow long.", max = 60)]
        seconds: u32,
    },
}

#[derive(Debug, PartialEq, Model)]
#[model(description = "# Level")]
enum Level {
    Low,
    High,
}

/// Replaced.
#[derive(Debug, PartialEq, Model)]
#[model(description = "# Seconds\nA whole number of them.")]
struct Seconds(u32);

#[test]
fn the_description_key_is_written_as_given_in_place_of_the_doc_comment() {
    let schema = Config::json_schema();
    assert_eq!(
        schema["description"],
        "A tool's configuration.\n\n# Sections\n\nOne per tool."
    );
    let p = &schema["properties"];
    assert_eq!(
        p["run"],
        json!({
            "description": "A shell line to run.\n\n# a comment, as the shell reads it\necho hi",
            "type": "string"
        })
    );
    assert_eq!(
        p["shell"]["description"],
        "The doc comment, where there is no `description`."
    );
    let defs = &schema["$defs"];
    assert_eq!(defs["Step"]["description"], "Steps, from the doc comment.");
    assert_eq!(
        defs["Step"]["oneOf"][0],
        json!({
            "title": "Run",
            "description": "# Run\nA command.",
            "type": "object",
            "properties": {"kind": {"const": "run"}, "command": {"type": "string"}},
            "required": ["kind", "command"]
        })
    );
    let wait = &defs["Step"]["oneOf"][1];
    assert_eq!(wait["description"], "A pause, from the doc comment.");
    assert_eq!(
        wait["properties"]["seconds"],
        json!({
            "description": "# Seconds\nHow long.",
            "type": "integer", "minimum": 0, "maximum": 60
        })
    );
    assert_eq!(defs["Level"]["description"], "# Level");
    assert_eq!(
        defs["Seconds"]["description"],
        "# Seconds\nA whole number of them."
    );
    // It checks nothing: the value reads, validates and writes back as before.
    let doc = json!({
        "run": "echo hi", "step": {"kind": "wait", "seconds": 5}, "level": "Low", "timeout": 3
    });
    let config: Config = serde_json::from_value(doc.clone()).unwrap();
    assert!(config.validate().is_ok());
    assert_eq!(serde_json::to_value(&config).unwrap(), doc);
    let errors = from_json::<Config>(
        r#"{"run": "x", "step": {"kind": "wait", "seconds": 61}, "level": "Low", "timeout": 3}"#,
    )
    .unwrap_err();
    assert_eq!(found(&errors), pairs(&[("/step/seconds", "max")]));
}

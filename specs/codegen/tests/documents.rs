//! Documents as files: YAML read directly, in its members' order; `$ref`s to other files beside
//! the document (JSON and YAML, in folders above and below), read once each and shown where
//! they are; `$id`s and `$anchor`s resolved inside the document; draft-07 and 2019-09
//! documents; references that resolve to nothing refused with their pointer and why; a root
//! that yields nothing refused rather than skipped. The fixtures are under `tests/documents/`.

use std::path::PathBuf;
use std::process::Command;

use authlete_models_codegen::{Document, Options, Output, generate};

/// The fixture at `path` under `tests/documents/`.
fn fixture(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/documents")
        .join(path)
}

/// The document at `path` under `tests/documents/`, read as the command line reads it.
fn read(path: &str) -> Document {
    Document::read_file(&fixture(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn run(doc: &Document) -> Output {
    generate(doc, &Options::default())
}

/// Every snippet in the code.
#[track_caller]
fn has(out: &Output, snippets: &[&str]) {
    for s in snippets {
        assert!(
            out.code.contains(s),
            "missing:\n{s}\n--- in ---\n{}",
            out.code
        );
    }
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

/// Why the `$ref` at `pointer` resolved to nothing holds `why`.
#[track_caller]
fn unresolved(doc: &Document, pointer: &str, why: &str) {
    assert!(
        doc.unresolved
            .iter()
            .any(|n| n.pointer == pointer && n.message.contains(why)),
        "nothing unresolved at {pointer} saying {why:?}: {:#?}",
        doc.unresolved
    );
}

/// Each generated type's name and where its schema is, as messages show it.
fn types(out: &Output) -> Vec<(&str, &str)> {
    out.types
        .iter()
        .map(|t| (t.name.as_str(), t.pointer.as_str()))
        .collect()
}

// Files beside the document.

#[test]
fn a_yaml_openapi_document_reads_the_files_its_refs_name() {
    let doc = read("shop/main.yaml");
    // `./defs/address.json` and, from `defs/person.yaml`, `address.json`: one file, read once.
    assert_eq!(
        doc.files,
        [
            "defs/address.json",
            "defs/person.yaml",
            "common.yaml",
            "../shared/tags.json"
        ]
    );
    let out = run(&doc);
    assert!(out.refused.is_empty(), "{:#?}", out.refused);
    assert!(doc.unresolved.is_empty(), "{:#?}", doc.unresolved);
    let mut found = types(&out);
    found.sort();
    assert_eq!(
        found,
        [
            ("Country", "defs/address.json#/$defs/Country"),
            (
                "CreateOrderResponseDefault",
                "common.yaml#/components/responses/Problem/content/application~1json/schema"
            ),
            ("Error", "common.yaml#/components/schemas/Error"),
            ("Order", "#/components/schemas/Order"),
            ("Person", "defs/person.yaml#/$defs/Person"),
            // A whole file is named after its title.
            ("PostalAddress", "defs/address.json#"),
            // The 200 response's body, a `$ref` in another file to that file's schema.
            ("Receipt", "common.yaml#/components/schemas/Receipt"),
            ("Tags", "../shared/tags.json#/definitions/Tags"),
        ]
    );
    has(
        &out,
        &[
            // The YAML's member order, and each `$ref` to another file a type.
            "pub struct Order {\n    #[model(max_len = 5)]\n    pub zeta: String,\n    #[model(format = \"int64\")]\n    pub id: i64,\n    pub address: PostalAddress,\n    #[model(not_null)]\n    pub buyer: Option<Person>,\n    pub note: Option<String>,\n}\n",
            "pub struct PostalAddress {\n    #[model(max_len = 64)]\n    pub street: String,\n    #[model(not_null)]\n    pub country: Option<Country>,\n}\n",
            "pub struct Person {\n    #[model(not_null)]\n    pub name: Option<String>,\n    #[model(not_null)]\n    pub home: Option<PostalAddress>,\n    #[model(not_null)]\n    pub tags: Option<Tags>,\n}\n",
            // OpenAPI 3.0's `nullable` is read in the other file too.
            "pub struct Error {\n    pub code: i64,\n    pub message: Option<String>,\n}\n",
            "pub struct Tags(#[model(max_len = 3, items(max_len = 10))] pub Vec<String>);\n",
        ],
    );
    // The grafted file's pointers, shown where the file writes them.
    let error = out.types.iter().find(|t| t.name == "Error").unwrap();
    assert_eq!(error.pointer, "common.yaml#/components/schemas/Error");
    let expected = error.expected.as_ref().unwrap();
    assert_eq!(expected["required"], serde_json::json!(["code"]));
}

#[test]
fn files_that_refer_to_each_other_are_read_once() {
    let doc = read("cycle/a.json");
    assert_eq!(doc.files, ["b.yaml"]);
    let out = run(&doc);
    assert!(out.refused.is_empty(), "{:#?}", out.refused);
    assert_eq!(
        types(&out),
        [
            ("Node", "#/$defs/Node"),
            ("Link", "b.yaml#/$defs/Link"),
            ("Label", "b.yaml#/$defs/Label"),
        ]
    );
    // `a.json#/$defs/Node`, from `b.yaml`, is the document's own `Node`.
    has(
        &out,
        &[
            "pub back: Option<Box<Node>>,",
            "pub next: Option<Box<Link>>,",
        ],
    );
}

#[test]
fn a_missing_file_a_url_and_a_missing_pointer_are_refused_with_their_pointer() {
    let doc = read("broken/main.json");
    assert_eq!(doc.files, ["part.json"]);
    let out = run(&doc);
    // Nothing fails the run: the rest is generated.
    assert_eq!(types(&out), [("C", "#/$defs/C")]);
    // The generator refuses each schema with the `$ref` as written.
    refuses(
        &out,
        "#/$defs/A/properties/gone/$ref",
        "`missing.json#/$defs/X`",
    );
    refuses(
        &out,
        "#/$defs/A/properties/web/$ref",
        "`https://example.com/schemas/x.json`",
    );
    refuses(&out, "#/$defs/D/properties/n/$ref", "`#/$defs/Nowhere`");
    refuses(&out, "#/$defs/B", "holds `Part`, which is refused");
    // A `#/...` of another file is not one of the document: refused with why.
    refuses(
        &out,
        "part.json#/properties/y/$ref",
        "`$ref` to `#/$defs/Missing`: ",
    );
    refuses(&out, "part.json#/properties/z/$ref", "`bad.yaml`");
    // And the document says why each leads nowhere.
    unresolved(
        &doc,
        "#/$defs/A/properties/gone/$ref",
        "`$ref` to `missing.json#/$defs/X`: cannot read missing.json: ",
    );
    unresolved(
        &doc,
        "#/$defs/A/properties/web/$ref",
        "is not a file beside the document, and no `$id` in the document names it (URLs are not read)",
    );
    unresolved(
        &doc,
        "#/$defs/D/properties/n/$ref",
        "nothing at `/$defs/Nowhere` in the document",
    );
    unresolved(
        &doc,
        "part.json#/properties/y/$ref",
        "`$ref` to `#/$defs/Missing`: nothing at `/$defs/Missing` in part.json",
    );
    unresolved(
        &doc,
        "part.json#/properties/z/$ref",
        "cannot read bad.yaml: not YAML: ",
    );
    assert_eq!(doc.unresolved.len(), 5, "{:#?}", doc.unresolved);
}

#[test]
fn a_document_read_from_text_reads_no_file() {
    let doc = Document::parse(
        r#"{"type": "object", "properties": {"a": {"$ref": "common.json#/$defs/A"}}}"#,
        "Root",
    )
    .unwrap();
    assert!(doc.files.is_empty());
    unresolved(
        &doc,
        "#/properties/a/$ref",
        "the document was read from text, with no folder to read common.json from",
    );
    refuses(&run(&doc), "#/properties/a/$ref", "`common.json#/$defs/A`");
}

#[test]
fn a_document_split_into_files_gives_the_bodies_of_the_operations_they_hold() {
    // Path items and operations in files of their own, responses too, and bodies that are
    // `$ref`s to schema files: nothing is in `components`.
    let doc = read("split/openapi.yaml");
    let out = run(&doc);
    assert!(out.refused.is_empty(), "{:#?}", out.refused);
    assert_eq!(
        types(&out),
        [
            (
                "ListPetsResponse",
                "responses/pets.yaml#/content/application~1json/schema"
            ),
            ("NewPet", "schemas/new_pet.yaml#"),
            ("Pet", "schemas/pet.yaml#"),
            ("Error", "schemas/error.yaml#"),
        ]
    );
    has(
        &out,
        &[
            "pub struct ListPetsResponse {\n    pub pets: Vec<Pet>,",
            // A response's file is read as OpenAPI 3.0's: `nullable` lets `next` be `null`.
            "    #[model(required)]\n    pub next: Option<String>,",
            "pub struct NewPet {",
            "pub struct Error {",
        ],
    );
}

#[test]
fn each_type_and_note_says_where_it_is_in_the_linked_document() {
    // A type's schema in a file a `$ref` names: shown where the file writes it, and found in
    // `Document::root` where the file is grafted.
    let doc = read("split/openapi.yaml");
    let out = run(&doc);
    let pet = out.types.iter().find(|t| t.name == "Pet").unwrap();
    assert_eq!(pet.pointer, "schemas/pet.yaml#");
    assert_eq!(pet.root_pointer, "/$defs/$files/schemas~1pet.yaml/pet");
    assert_eq!(
        doc.at(&pet.root_pointer).unwrap()["properties"]["name"]["maxLength"],
        40
    );
    let list = out
        .types
        .iter()
        .find(|t| t.name == "ListPetsResponse")
        .unwrap();
    assert_eq!(
        list.root_pointer,
        "/$defs/$files/responses~1pets.yaml/pets/content/application~1json/schema"
    );
    // Its `$ref`s lead there too.
    assert_eq!(
        doc.at(&list.root_pointer).unwrap()["properties"]["pets"]["items"]["$ref"],
        "#/$defs/$files/schemas~1pet.yaml/pet"
    );
    for t in &out.types {
        assert_eq!(doc.show(&t.root_pointer), t.pointer, "{}", t.name);
        assert!(
            doc.at(&t.root_pointer)
                .is_some_and(serde_json::Value::is_object),
            "{}",
            t.name
        );
    }
    // A type of the document's own: the pointer it is shown by.
    let doc = read("shop/main.yaml");
    let out = run(&doc);
    let order = out.types.iter().find(|t| t.name == "Order").unwrap();
    assert_eq!(order.root_pointer, "/components/schemas/Order");
    for t in &out.types {
        assert_eq!(doc.show(&t.root_pointer), t.pointer, "{}", t.name);
        assert!(doc.at(&t.root_pointer).is_some(), "{}", t.name);
    }
    // A refusal, in the document or in another file, and why a `$ref` leads nowhere.
    let doc = read("broken/main.json");
    let out = run(&doc);
    let notes: Vec<_> = out.refused.iter().chain(&doc.unresolved).collect();
    assert!(notes.iter().any(|n| n.pointer.starts_with("part.json#")));
    for n in notes {
        assert_eq!(doc.show(&n.root_pointer), n.pointer);
        assert!(doc.at(&n.root_pointer).is_some(), "{n}");
    }
}

// `$id` and `$anchor`.

#[test]
fn ids_and_anchors_resolve_inside_the_document() {
    let from_file = run(&read("ids/root.json"));
    let text = std::fs::read_to_string(fixture("ids/root.json")).unwrap();
    let from_text = run(&Document::parse(&text, "root").unwrap());
    for out in [&from_file, &from_text] {
        assert!(out.refused.is_empty(), "{:#?}", out.refused);
        has(
            out,
            &[
                // The root's `$id` is its base: each field reaches its definition.
                "pub struct Shipment {\n    pub a: Code,\n    #[model(not_null)]\n    pub b: Option<Other>,\n    #[model(not_null)]\n    pub c: Option<Street>,\n    #[model(not_null)]\n    pub d: Option<Weight>,\n    #[model(not_null)]\n    pub e: Option<Zip>,\n    #[model(not_null)]\n    pub f: Option<Inner>,\n    #[model(not_null)]\n    pub g: Option<Inner>,\n}\n",
                // `$id`, `$anchor` and the `$defs` of a subschema are read and gone.
                "pub struct Other {\n    #[model(min = 0, not_null)]\n    pub weight: Option<i64>,\n}\n",
                "pub struct Zip(#[model(min_len = 5, max_len = 5)] pub String);\n",
                "pub struct Item {\n    #[model(not_null)]\n    pub inner: Option<Inner>,\n}\n",
                "pub struct Inner(pub bool);\n",
            ],
        );
        let found = types(out);
        assert!(found.contains(&("Weight", "#/definitions/other/properties/weight")));
        assert!(found.contains(&("Inner", "#/definitions/item/$defs/Inner")));
        assert!(found.contains(&("Street", "#/definitions/street")));
    }
    assert_eq!(from_file.code, from_text.code);
}

#[test]
fn refs_that_resolve_to_no_id_stay_refused() {
    let doc = read("ids/unresolved.json");
    // `sibling.json` is beside the file, but against the root's `$id` it is a URL.
    assert!(doc.files.is_empty());
    unresolved(
        &doc,
        "#/properties/sibling/$ref",
        "`https://example.com/schemas/sibling.json` is not a file beside the document",
    );
    unresolved(
        &doc,
        "#/properties/anchor/$ref",
        "no `$anchor` (nor `$id`) `nowhere` in the document",
    );
    // `#/definitions/absent` under `scope.json`'s `$id` is a pointer into `scope.json`.
    unresolved(
        &doc,
        "#/definitions/scope/properties/p/$ref",
        "nothing at `/definitions/absent` in https://example.com/schemas/scope.json",
    );
    let out = run(&doc);
    refuses(&out, "#/properties/sibling/$ref", "`sibling.json`");
    refuses(&out, "#/properties/anchor/$ref", "`#nowhere`");
    // Not the document's own `#/definitions/absent`: the refusal says where it looked.
    refuses(
        &out,
        "#/definitions/scope/properties/p/$ref",
        "nothing at `/definitions/absent` in https://example.com/schemas/scope.json",
    );
    assert!(out.types.is_empty());
}

// Drafts.

#[test]
fn draft_07_reads_definitions_and_plain_name_ids() {
    let doc = read("drafts/draft07.json");
    // A root of a title and definitions is no schema of its own.
    let names: Vec<&str> = doc.named.iter().map(|n| n.name.as_str()).collect();
    assert_eq!(names, ["Kind", "Pet", "Tag", "Label"]);
    let out = run(&doc);
    // `dependencies` is refused by the generator, and reading it breaks nothing.
    refuses(&out, "#/definitions/Pet/dependencies", "`dependencies`");
    let found = types(&out);
    assert_eq!(
        found,
        [
            ("Kind", "#/definitions/Kind"),
            ("Tag", "#/definitions/Tag"),
            ("Label", "#/definitions/Label"),
        ]
    );
    // `"$ref": "#tag"` reaches `"$id": "#tag"`.
    has(
        &out,
        &[
            "pub struct Label {\n    #[model(not_null)]\n    pub tag: Option<Tag>,\n}\n",
            "pub struct Tag(#[model(max_len = 8)] pub String);\n",
        ],
    );
}

#[test]
fn draft_2019_09_reads_anchors_and_leaves_recursive_refs_to_the_generator() {
    let out = run(&read("drafts/draft201909.json"));
    has(
        &out,
        &["pub struct Node(#[model(max_len = 2)] pub Vec<i64>);\n"],
    );
    refuses(&out, "#/properties/self/$recursiveRef", "`$recursiveRef`");
}

#[test]
fn draft_04_is_not_read() {
    let e = Document::read_file(&fixture("drafts/draft04.json")).unwrap_err();
    assert_eq!(
        e,
        "JSON Schema draft-04 is not read: draft-06, draft-07, 2019-09 and 2020-12 are"
    );
}

// YAML.

#[test]
fn yaml_member_order_is_the_field_order() {
    let out = run(&read("order/members.yaml"));
    assert!(out.refused.is_empty(), "{:#?}", out.refused);
    has(
        &out,
        &[
            // `0x10` is a number of YAML's core schema.
            "pub struct Parcel {\n    #[model(max_len = 16)]\n    pub zulu: String,\n    #[model(not_null)]\n    pub alpha: Option<ParcelAlpha>,\n    pub mike: bool,\n    #[model(not_null)]\n    pub echo: Option<ParcelEcho>,\n    #[model(not_null)]\n    pub kilo: Option<ParcelKilo>,\n}\n",
            // An alias keeps its anchor's order.
            "pub struct ParcelEcho {\n    #[model(not_null)]\n    pub width: Option<i64>,\n    #[model(not_null)]\n    pub height: Option<i64>,\n    #[model(not_null)]\n    pub depth: Option<i64>,\n}\n",
            // Quoted, `'007'` is a string; `no` is a string in YAML 1.2.
            "    #[model(rename = \"007\")]\n    V007,\n    /// `yes`\n    Yes,\n    /// `no`\n    No,\n",
        ],
    );
}

#[test]
fn json_and_yaml_texts_read_alike() {
    let json = r#"{"title": "Pair", "type": "object", "required": ["z", "a"],
        "properties": {"z": {"type": "string", "maxLength": 2}, "a": {"type": "integer"}}}"#;
    let yaml = "title: Pair\ntype: object\nrequired: [z, a]\nproperties:\n  z: {type: string, maxLength: 2}\n  a: {type: integer}\n";
    // A YAML flow mapping starts as JSON does, and is not JSON.
    let flow = "{title: Pair, type: object, required: [z, a], properties: {z: {type: string, maxLength: 2}, a: {type: integer}}}";
    let code = |text: &str| run(&Document::parse(text, "x").unwrap()).code;
    let expected =
        "pub struct Pair {\n    #[model(max_len = 2)]\n    pub z: String,\n    pub a: i64,\n}\n";
    assert!(code(json).contains(expected), "{}", code(json));
    assert_eq!(code(yaml), code(json));
    assert_eq!(code(flow), code(json));
    let e = Document::parse("a: [1, 2\n", "x").unwrap_err();
    assert!(e.starts_with("not YAML: "), "{e}");
}

// A root that yields nothing.

#[test]
fn a_root_without_a_type_is_named_and_refused() {
    let doc = read("roots/max_length.json");
    assert_eq!(doc.named.len(), 1);
    let out = run(&doc);
    refuses(&out, "#/maxLength", "`maxLength` does not apply");
    assert!(out.types.is_empty());
    for (text, pointer, why) in [
        (r#"{"const": [1]}"#, "#/const", "`const`"),
        (r#"{"not": {"type": "string"}}"#, "#/not", "`not`"),
        ("true", "#", "a type's schema must be an object"),
    ] {
        let doc = Document::parse(text, "Root").unwrap();
        assert_eq!(doc.named.len(), 1, "{text}");
        assert_eq!(doc.named[0].pointer, "", "{text}");
        refuses(&run(&doc), pointer, why);
    }
    // Any value: named, and a type. So is a root of one number.
    let out = run(&Document::parse("{}", "Root").unwrap());
    assert_eq!(types(&out), [("Root", "#")]);
    let out = run(&Document::parse(r#"{"const": 1}"#, "Root").unwrap());
    assert_eq!(types(&out), [("Root", "#")]);
}

#[test]
fn a_root_that_only_gathers_definitions_is_not_a_type() {
    let doc = read("roots/bundle.yaml");
    let names: Vec<&str> = doc.named.iter().map(|n| n.name.as_str()).collect();
    assert_eq!(names, ["Code"]);
    assert_eq!(types(&run(&doc)), [("Code", "#/$defs/Code")]);
}

// The command line.

fn command_line(path: &str) -> (Option<i32>, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_authlete-models-codegen"))
        .arg(fixture(path))
        .output()
        .expect("the generator runs");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_command_line_reads_yaml_and_the_files_beside_it() {
    let (status, stdout, stderr) = command_line("shop/main.yaml");
    assert_eq!(status, Some(0), "{stderr}");
    assert!(stdout.starts_with("//! Generated by authlete-models-codegen from main.yaml, defs/address.json, defs/person.yaml, common.yaml, ../shared/tags.json."), "{stdout}");
    assert!(stdout.contains("pub struct Order {"), "{stdout}");
}

#[test]
fn the_command_line_says_why_a_ref_leads_nowhere() {
    let (status, _, stderr) = command_line("broken/main.json");
    assert_eq!(status, Some(2), "{stderr}");
    assert!(
        stderr.contains("refused: #/$defs/A/properties/gone/$ref: `$ref` to `missing.json#/$defs/X`: cannot read missing.json: "),
        "{stderr}"
    );
    assert!(
        stderr.contains("refused: part.json#/properties/z/$ref: `$ref` to `bad.yaml`: cannot read bad.yaml: not YAML: "),
        "{stderr}"
    );
}

#[test]
fn the_command_line_fails_when_no_type_is_generated() {
    let (status, stdout, stderr) = command_line("roots/max_length.json");
    assert_eq!(status, Some(2), "{stderr}");
    assert!(!stdout.contains("pub struct"), "{stdout}");
    assert!(
        stderr.contains("refused: #/maxLength: `maxLength` does not apply"),
        "{stderr}"
    );
    assert!(
        stderr.contains("error: no type generated: every schema was refused"),
        "{stderr}"
    );
    // Nothing refused, and nothing made: a refusal all the same.
    let (status, _, stderr) = command_line("roots/no_schemas.yaml");
    assert_eq!(status, Some(2), "{stderr}");
    assert!(
        stderr.contains("read 0 named schemas; generated 0 types; refused 0 schemas"),
        "{stderr}"
    );
    assert!(
        stderr.contains("error: no type generated: the input names no schema"),
        "{stderr}"
    );
    let (status, _, stderr) = command_line("drafts/draft04.json");
    assert_eq!(status, Some(1), "{stderr}");
    assert!(stderr.contains("draft-04 is not read"), "{stderr}");
}

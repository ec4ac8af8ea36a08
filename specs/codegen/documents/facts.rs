//! `facts DOCUMENT [--lossy] [--check-formats] [--no-expected] [--only FILE] [--linked FILE]`:
//! what the generator's library makes of a document, as one JSON object on standard output,
//! for the scripts beside this file (the command line prints the code and the notes, not the
//! places): the schemas the document names, each type generated with its pointer into the
//! input and whether its schema is the document's (`exact`: `false` for an alias, and for a
//! type that lost a keyword to `--lossy`), the refusals and warnings, and how long reading and
//! generating took.
//!
//! The document is read as the command line reads it (`Document::read_file`: JSON or YAML,
//! the files its `$ref`s name, a JSON Schema document's root named after the file when it has
//! no `title`). `--no-expected` skips the expected schemas, the larger part of the time on a
//! large document: `exact` is then `false` throughout.
//!
//! Each place is given twice: `pointer` as messages show it (`#/components/schemas/Pet`, and
//! `schemas/pet.yaml#/properties/id` in a file a `$ref` names), and `root_pointer`, its JSON
//! Pointer into the document as the generator links it (`Document::root`: every file its
//! `$ref`s name grafted under `/$defs/$files/`, every `$ref` that resolved rewritten to a
//! pointer into it, OpenAPI 3.0's spellings rewritten into 2020-12's). `--linked FILE` writes
//! that document to FILE, as JSON.

use std::path::Path;
use std::time::Instant;

use authlete_models_codegen::{Document, Note, Options, generate};
use serde_json::{Value, json};

/// Reads the document and the options from the command line and prints the facts.
fn main() {
    let mut args = std::env::args().skip(1);
    let input = args
        .next()
        .expect("usage: facts DOCUMENT [--lossy] [--check-formats] [--no-expected] [--only FILE] [--linked FILE]");
    let mut options = Options::default();
    let mut linked = None;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lossy" => options.lossy = true,
            "--check-formats" => options.check_formats = true,
            "--no-expected" => options.skip_expected = true,
            "--linked" => linked = Some(args.next().expect("--linked names a file")),
            "--only" => {
                let file = args.next().expect("--only names a file");
                let text = std::fs::read_to_string(file).expect("the --only file reads");
                options.only = Some(
                    text.lines()
                        .map(str::trim)
                        .filter(|l| !l.is_empty())
                        .map(str::to_owned)
                        .collect(),
                );
            }
            _ => {}
        }
    }
    let start = Instant::now();
    let doc = Document::read_file(Path::new(&input)).expect("the document reads");
    let read = start.elapsed().as_secs_f64();
    if let Some(file) = linked {
        let text = serde_json::to_string(&doc.root).expect("the linked document writes");
        std::fs::write(file, text).expect("the --linked file writes");
    }
    let start = Instant::now();
    let out = generate(&doc, &options);
    let generated = start.elapsed().as_secs_f64();
    let notes = |notes: &[Note]| -> Vec<Value> {
        notes
            .iter()
            .map(|n| json!({"pointer": n.pointer, "root_pointer": n.root_pointer, "message": n.message}))
            .collect()
    };
    let facts = json!({
        "named": doc.named.iter().map(|n| json!({"name": n.name, "pointer": doc.show(&n.pointer), "root_pointer": n.pointer})).collect::<Vec<_>>(),
        "types": out.types.iter().map(|t| json!({"name": t.name, "pointer": t.pointer, "root_pointer": t.root_pointer, "exact": t.expected.is_some()})).collect::<Vec<_>>(),
        "refused": notes(&out.refused),
        "warnings": notes(&out.warnings),
        "refused_types": out.refused_types,
        "seconds": {"read": read, "generate": generated},
    });
    println!("{facts}");
}

//! `facts DOCUMENT [--lossy] [--check-formats] [--no-expected] [--only FILE]`: what the generator's library
//! makes of a document, as one JSON object on standard output, for the scripts beside this
//! file (the command line prints the code and the notes, not the places): the schemas the
//! document names, each type generated with its pointer into the input and whether its schema
//! is the document's (`exact`: `false` for an alias, and for a type that lost a keyword to
//! `--lossy`), the refusals and warnings, and how long reading and generating took.
//!
//! The document is read as the command line reads it (`Document::read_file`: JSON or YAML,
//! the files its `$ref`s name, a JSON Schema document's root named after the file when it has
//! no `title`). `--no-expected` skips the expected schemas, the larger part of the time on a
//! large document: `exact` is then `false` throughout.

use std::path::Path;
use std::time::Instant;

use authlete_models_codegen::{Document, Note, Options, generate};
use serde_json::{Value, json};

/// Reads the document and the options from the command line and prints the facts.
fn main() {
    let mut args = std::env::args().skip(1);
    let input = args
        .next()
        .expect("usage: facts DOCUMENT [--lossy] [--check-formats] [--no-expected]");
    let mut options = Options::default();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lossy" => options.lossy = true,
            "--check-formats" => options.check_formats = true,
            "--no-expected" => options.skip_expected = true,
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
    let start = Instant::now();
    let out = generate(&doc, &options);
    let generated = start.elapsed().as_secs_f64();
    let notes = |notes: &[Note]| -> Vec<Value> {
        notes
            .iter()
            .map(|n| json!({"pointer": n.pointer, "message": n.message}))
            .collect()
    };
    let facts = json!({
        "named": doc.named.iter().map(|n| json!({"name": n.name, "pointer": doc.show(&n.pointer)})).collect::<Vec<_>>(),
        "types": out.types.iter().map(|t| json!({"name": t.name, "pointer": t.pointer, "exact": t.expected.is_some()})).collect::<Vec<_>>(),
        "refused": notes(&out.refused),
        "warnings": notes(&out.warnings),
        "refused_types": out.refused_types,
        "seconds": {"read": read, "generate": generated},
    });
    println!("{facts}");
}

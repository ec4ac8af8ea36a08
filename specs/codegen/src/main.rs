//! `authlete-models-codegen INPUT... > models.rs`: generates `#[derive(Model)]` types from a
//! JSON Schema or OpenAPI document (JSON or YAML, with the files its `$ref`s name beside it),
//! or from contract files (`specs/*.json`, or a folder of groups of them, one module a group).

use std::process::ExitCode;

use authlete_models_codegen::{Document, Flavour, Options, generate};

const USAGE: &str =
    "usage: authlete-models-codegen [--lossy] [--contracts [--group NAME [--shared]]] [--serde]
                              [--check-formats] [--expected FILE] [--only FILE] INPUT...

Writes Rust types with #[derive(Model)] for every schema of INPUT to standard output, and
what it read and refused to standard error.

  INPUT            an OpenAPI 3.0 or 3.1 document, or a JSON Schema document (draft-06
                   to 2020-12), in JSON or YAML (.yaml, .yml); the files its $refs name
                   (common.yaml#/components/schemas/Error, ../defs/a.json) are read too,
                   relative to the file that names them; with --contracts, contract files
                   (specs/*.json) or a folder of them, or a folder of groups: folders of
                   contract files (specs/common/, specs/client_management/)
  --group NAME     with --contracts and a folder of groups, write only the types of the
                   group NAME (its folder's contracts and the types inline in them), as a
                   module beside one per other group: the types of other groups they hold
                   are imported from those modules (use super::common::Client;)
  --shared         with --group, NAME holds the types other groups share and is compiled
                   with any group's feature (a group's feature is its name in kebab-case):
                   each of its types that other groups hold is written behind their
                   features, #[cfg(any(feature = \"token\", ...))]
  --lossy          drop, with a warning, each keyword the derive cannot express, instead
                   of refusing the schema that has it
  --serde          write plain serde_derive types of the same shape instead, with no rule
                   (to compare with)
  --check-formats  check each string format the derive can check (date-time, date, time,
                   duration, email, hostname, ipv4, ipv6, uri, uri-reference, uuid,
                   json-pointer) with `check_format`, instead of only writing it in the
                   schema; the output then needs the `formats` feature of authlete-models
  --expected FILE  also write each type's expected schema (the input, normalised) to FILE,
                   as a JSON object keyed by type name
  --only FILE      write only the types FILE names (one name a line) and the types they
                   hold, to check a large document a part at a time

Exit status: 0 when every schema was generated, 2 when some were refused (the others are
still written) or when no type at all was generated, 1 when the input could not be read.";

fn main() -> ExitCode {
    let mut lossy = false;
    let mut contracts = false;
    let mut flavour = Flavour::Model;
    let mut check_formats = false;
    let mut expected = None;
    let mut only = None;
    let mut group = None;
    let mut shared = false;
    let mut inputs = Vec::new();
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lossy" => lossy = true,
            "--contracts" => contracts = true,
            "--serde" => flavour = Flavour::SerdeDerive,
            "--shared" => shared = true,
            "--check-formats" => check_formats = true,
            "--expected" => expected = args.next(),
            "--group" => match args.next() {
                Some(name) if !name.starts_with("--") => group = Some(name),
                _ => {
                    eprintln!("--group needs a group's name\n\n{USAGE}");
                    return ExitCode::from(1);
                }
            },
            "--only" => match args.next().map(std::fs::read_to_string) {
                Some(Ok(text)) => {
                    only = Some(
                        text.lines()
                            .map(str::trim)
                            .filter(|l| !l.is_empty())
                            .map(str::to_owned)
                            .collect(),
                    )
                }
                _ => {
                    eprintln!("--only needs a file of type names\n\n{USAGE}");
                    return ExitCode::from(1);
                }
            },
            "-h" | "--help" => {
                println!("{USAGE}");
                return ExitCode::SUCCESS;
            }
            _ if arg.starts_with("--") => {
                eprintln!("unknown option {arg}\n\n{USAGE}");
                return ExitCode::from(1);
            }
            _ => inputs.push(arg),
        }
    }
    if inputs.is_empty() {
        eprintln!("{USAGE}");
        return ExitCode::from(1);
    }
    if group.is_some() && !contracts {
        eprintln!("--group reads contracts: give --contracts too\n\n{USAGE}");
        return ExitCode::from(1);
    }
    if shared && group.is_none() {
        eprintln!("--shared names a group's module: give --group too\n\n{USAGE}");
        return ExitCode::from(1);
    }
    let doc = match read(&inputs, contracts) {
        Ok(doc) => doc,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    if let Some(name) = &group {
        let mut groups: Vec<&str> = doc
            .named
            .iter()
            .filter_map(|n| n.group.as_deref())
            .collect();
        groups.dedup();
        if !groups.contains(&name.as_str()) {
            let known = match groups.is_empty() {
                true => "it has no group folder".to_owned(),
                false => format!("its groups: {}", groups.join(", ")),
            };
            eprintln!("error: no group `{name}` in {}: {known}", inputs.join(" "));
            return ExitCode::from(1);
        }
    }
    let mut names: Vec<String> = inputs
        .iter()
        .map(|i| short(i.trim_end_matches('/')).to_owned())
        .collect();
    if let (Some(name), [folder]) = (&group, names.as_mut_slice()) {
        *folder = format!("{folder}/{name}");
    }
    names.extend(doc.files.iter().cloned());
    let names: Vec<&str> = names.iter().map(String::as_str).collect();
    let header = authlete_models_codegen::header(&names);
    let options = Options {
        lossy,
        flavour,
        header,
        check_formats,
        skip_expected: expected.is_none(),
        only,
        group,
        shared,
    };
    let out = generate(&doc, &options);
    print!("{}", out.code);
    if let Some(path) = expected {
        let map: serde_json::Map<String, serde_json::Value> = out
            .types
            .iter()
            .filter_map(|t| Some((t.name.clone(), t.expected.clone()?)))
            .collect();
        let text = serde_json::to_string_pretty(&map).unwrap_or_default();
        if let Err(e) = std::fs::write(&path, text) {
            eprintln!("error: cannot write {path}: {e}");
            return ExitCode::from(1);
        }
    }
    eprintln!(
        "read {} named schemas; generated {} types; refused {} schemas",
        doc.named.len(),
        out.types.len(),
        out.refused_types.len()
    );
    for w in &out.warnings {
        eprintln!("warning: {w}");
    }
    for r in &out.refused {
        eprintln!("refused: {r}");
    }
    // The document's values are many small allocations: the process's exit frees them at
    // once, rather than one by one.
    std::mem::forget(doc);
    if out.types.is_empty() {
        let what = if out.refused.is_empty() {
            "the input names no schema"
        } else {
            "every schema was refused"
        };
        eprintln!("error: no type generated: {what}");
        return ExitCode::from(2);
    }
    if out.refused.is_empty() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(2)
    }
}

fn short(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn read(inputs: &[String], contracts: bool) -> Result<Document, String> {
    let parse = |path: &str| -> Result<String, String> {
        std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))
    };
    if contracts {
        let mut files = Vec::new();
        for input in inputs {
            let meta = std::fs::metadata(input).map_err(|e| format!("cannot read {input}: {e}"))?;
            if meta.is_dir() {
                if inputs.len() > 1 {
                    return Err("give one folder of contracts, or contract files".into());
                }
                return Document::contracts_dir(std::path::Path::new(input));
            } else {
                files.push((short(input).to_owned(), parse(input)?));
            }
        }
        return Document::contracts(files);
    }
    let [input] = inputs else {
        return Err("give one document (or --contracts for several contract files)".into());
    };
    Document::read_file(std::path::Path::new(input)).map_err(|e| {
        match e.starts_with("cannot read") {
            true => e,
            false => format!("{input}: {e}"),
        }
    })
}

#!/usr/bin/env bash
# Reads a whole OpenAPI or JSON Schema document end to end: generates its models, builds them
# and runs clippy on them with warnings denied, then checks each generated type two ways:
# - the round trip: its `json_schema()` equals its schema in the document, normalised (the
#   generator's `--expected`; see "The round trip" in `authlete_models::docs::codegen`);
# - the differential check: on documents made around the type's schema in the INPUT
#   (tests/src/instances.rs), the type reads a document (`authlete_models::from_json`, and
#   `serde_json::from_str` alike) exactly when the `jsonschema` crate finds it valid against
#   that input schema.
#
#   bash specs/codegen/roundtrip.sh path/to/openapi.json
#   bash specs/codegen/roundtrip.sh path/to/openapi.yaml   # YAML too, and a document split
#                                                           # into files its `$ref`s name
#   bash specs/codegen/roundtrip.sh path/to/openapi.json --check-formats   # options after the
#                                                                           # document: the generator's
#
# The document is read where it is (JSON or YAML, and every file its `$ref`s name, found
# relative to the file that names it), by the generator and by its library
# (specs/codegen/documents/facts.sh), which gives each type's pointer and writes the input:
# the document as the generator's reader links it (`Document::root`), every file a `$ref`
# names grafted under `/$defs/$files/`, every `$ref` that resolved rewritten to a pointer into
# it, an OpenAPI document's `example` and an OpenAPI 3.0 document's `nullable` and boolean
# `exclusiveMinimum`/`exclusiveMaximum` rewritten into 2020-12's spellings, the `$defs` of
# inner schemas moved out, their `$id`s and anchors gone, and the keywords no validator reads
# (beside a draft-07 `$ref`, an `examples` that is not a list) dropped. Messages show each type's pointer as the document writes it
# (`#/components/schemas/Pet`, `schemas/pet.yaml#/properties/id`). The validator reads every
# schema a type reaches as the generator does: an OpenAPI 3.0 `nullable` with no `type` of its
# own, which the reader keeps, rewritten too (the rewriting, done again where the reader did
# it, changes nothing), and each integer bounded by its Rust type's range (`i32` for `format:
# int32`, else `i64`), a normalisation `authlete_models::docs::codegen` documents. A document
# that is `null` alone, refused by an inline schema's type whose input takes it, is counted
# apart and does not fail: the generator gives that `null` to the members that hold the type
# (see `authlete_models::docs::codegen`). `format` is an annotation on both sides, unless
# `--check-formats` is given: then the validator asserts the formats the derive checks, and no
# other.
#
# ROUNDTRIP_DOCUMENTS sets how many documents each type gets (200); ROUNDTRIP_SEED their seed.
# The generated crate is written under target/codegen-roundtrip/ (ROUNDTRIP_WORK to change
# it), with the linked input in linked.json there, every disagreement in full in
# disagreements.txt, and both schemas of each type that does not round-trip in
# round-trip.txt. Two runs at once must not share a target directory (CARGO_TARGET_DIR): each
# builds, cleans and runs a crate of the same name.
# Exits 0 when clippy finds nothing in the generated code (warnings denied), every generated
# type round-trips, and every type agrees with its input schema on every document (schemas
# the generator refused are listed, with why, and do not fail the run; a type that lost a
# keyword to `--lossy`, whose schema is not the document's, or whose schema reaches a place
# the generator warned about, is checked and its disagreements listed, but they do not fail
# the run either). Exits 1 when the generator made no type at all, or could not read the
# document.
set -euo pipefail

if [ $# -lt 1 ]; then
    echo "usage: bash specs/codegen/roundtrip.sh DOCUMENT [generator options]" >&2
    exit 1
fi
DOC="$1"
shift
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${ROUNDTRIP_WORK:-$ROOT/target/codegen-roundtrip}"
rm -rf "$WORK"
mkdir -p "$WORK/src"
WORK="$(cd "$WORK" && pwd)"

# Prints how long the step that started at $1 (seconds since the epoch, with a fraction) took.
took() {
    python3 -c 'import sys, time; print(f"{sys.argv[2]}: {time.time() - float(sys.argv[1]):.1f} s")' "$1" "$2"
}

if [ ! -f "$DOC" ]; then
    echo "error: no document at $DOC" >&2
    exit 1
fi
# Absolute, so that the generator finds it (and the files beside it) from the workspace.
DOC="$(cd "$(dirname "$DOC")" && pwd)/$(basename "$DOC")"

cd "$ROOT"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
cargo build -q --release -p authlete-models-codegen
start="$(date +%s.%N)"
status=0
cargo run -q --release -p authlete-models-codegen -- "$DOC" --expected "$WORK/expected.json" "$@" \
    >"$WORK/src/models.rs" 2>"$WORK/report.txt" || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then
    cat "$WORK/report.txt" >&2
    exit "$status"
fi
cat "$WORK/report.txt"
took "$start" "generate"

if ! grep -Eq '^pub (struct|enum|type) ' "$WORK/src/models.rs"; then
    echo "error: the generator made no type of $DOC (every schema it read was refused, see above): nothing to build or check" >&2
    exit 1
fi

# The features the module's header names, on the line `//! Needs `authlete-models` with `features = [...]`.`.
FEATURES="$(sed -n 's/^\/\/! Needs `authlete-models` with `features = \(\[.*\]\)`\.$/\1/p' "$WORK/src/models.rs")"
FEATURES="${FEATURES:-[]}"

# Each generated type's pointer into the input, from the generator's library (the command
# line does not print it), with the same options; and the input, linked.
start="$(date +%s.%N)"
bash "$ROOT/specs/codegen/documents/facts.sh" "$DOC" --linked "$WORK/linked.json" "$@" >"$WORK/facts.json"
took "$start" "pointers"

cat >"$WORK/Cargo.toml" <<TOML
[package]
name = "codegen-roundtrip"
version = "0.0.0"
edition = "2024"
publish = false

[workspace]

[dependencies]
authlete-models = { path = "$ROOT/models", features = $FEATURES }
jsonschema = { version = "0.61", default-features = false }
serde_json = "1"

# No debug information: with thousands of types, it is most of the compiler's memory.
[profile.dev]
debug = false
TOML
cp "$ROOT/Cargo.lock" "$WORK/Cargo.lock"

# The table of generated types, in the generator's order. A type whose schema is not the
# document's (`--lossy`), or whose schema reaches (through `$ref`s too) a place the generator
# warned about, other than for a keyword it drops as meaningless to the derive (`$comment`,
# `x-`, a default that is never used, a description with no place to go), checks less than
# the input says (the warning's text is matched for these, as the command line prints no
# kind): its disagreements are
# listed and do not fail the run. An alias takes its target's strictness; each alias is named,
# so that one nothing else uses is not dead code.
python3 - "$WORK/facts.json" "$WORK/src/models.rs" "$WORK/src/types.rs" "$WORK/linked.json" "$FEATURES" <<'PY'
import json, re, sys
from urllib.parse import unquote

facts = json.load(open(sys.argv[1]))
types = facts["types"]
code = open(sys.argv[2]).read()
doc = json.load(open(sys.argv[4]))
aliases = dict(re.findall(r"^pub type (\w+) = (\w+);", code, re.M))
named = {n["root_pointer"] for n in facts["named"]}
HARMLESS = ("describes nothing the derive reads", "is never used", "`description` of ")
warnings = [w for w in facts["warnings"] if not any(h in w["message"] for h in HARMLESS)]


def prefixes(p):
    """`p` and every pointer above it, the root's (`""`) last."""
    out = [p]
    while p:
        p = p[: p.rfind("/")]
        out.append(p)
    return out


# Every `$ref` of the linked input: where it is and the pointer it names (each one that
# resolved is a pointer into the input, as a URI fragment writes it: percent-encoded).
refs = []


def walk(v, at):
    if isinstance(v, dict):
        r = v.get("$ref")
        if isinstance(r, str) and r.startswith("#"):
            refs.append((at, unquote(r[1:])))
        for k, x in v.items():
            walk(x, at + "/" + k.replace("~", "~0").replace("/", "~1"))
    elif isinstance(v, list):
        for i, x in enumerate(v):
            walk(x, f"{at}/{i}")


walk(doc, "")
pointers = {t["name"]: t["root_pointer"] for t in types}
# Regions: the types' schemas and the `$ref` targets; for each target, the regions that hold
# a `$ref` to it.
regions = set(pointers.values()) | {x for _, x in refs}
holders = {}
for at, target in refs:
    holders.setdefault(target, set()).update(r for r in prefixes(at) if r in regions)


def reaching(place):
    """The regions whose schema reaches `place`, directly or through `$ref`s."""
    found = {r for r in prefixes(place) if r in regions}
    frontier = list(found)
    while frontier:
        p = frontier.pop()
        for target in prefixes(p):
            for r in holders.get(target, ()):
                if r not in found:
                    found.add(r)
                    frontier.append(r)
    return found


warned = {}
for w in warnings:
    place = w["root_pointer"]
    for r in reaching(place):
        warned.setdefault(r, w["message"])
exact = {t["name"]: t["exact"] for t in types}
strict = {}
for t in types:
    n = t["name"]
    strict[n] = t["exact"] and pointers[n] not in warned
for t in types:
    n = t["name"]
    if n in aliases:
        strict[n] = strict.get(aliases[n], False) and pointers[n] not in warned


def rust_str(text):
    """`text` as a Rust string literal."""
    out = []
    for c in text:
        if c in '"\\':
            out.append("\\" + c)
        elif c.isprintable():
            out.append(c)
        else:
            out.append(f"\\u{{{ord(c):x}}}")
    return '"' + "".join(out) + '"'


rows = []
for t in types:
    n = t["name"]
    why = warned.get(pointers[n])
    rows.append(
        f'    Type {{ name: "{n}", pointer: {rust_str(t["pointer"])}, at: {rust_str("#" + t["root_pointer"])}, '
        f'exact: {str(t["exact"]).lower()}, '
        f'strict: {str(strict[n]).lower()}, warned: {f"Some({rust_str(why)})" if why else "None"}, '
        f'inline: {str(t["root_pointer"] not in named).lower()}, '
        f'schema: <models::{n} as Model>::json_schema, verdict: verdict::<models::{n}> }},'
    )
formats = "true" if '"formats"' in sys.argv[5] else "false"
open(sys.argv[3], "w").write(
    "// The generated types, in the generator's order.\n\n"
    f"/// The input, as the generator links it.\npub const DOCUMENT: &str = {rust_str(sys.argv[4])};\n\n"
    f"/// Whether the types check formats (`--check-formats`).\npub const CHECK_FORMATS: bool = {formats};\n\n"
    "/// Every generated type.\npub const TYPES: &[Type] = &[\n" + "\n".join(rows) + "\n];\n"
)
PY

cat >"$WORK/src/main.rs" <<RS
//! Each generated type's schema against the document's, normalised, then each type's verdict
//! on documents made around its input schema against the \`jsonschema\` crate's.

mod models;

#[allow(dead_code)]
#[path = "$ROOT/tests/src/instances.rs"]
mod instances;

include!("harness.rs");
RS
cat >"$WORK/src/harness.rs" <<'RS'
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::{Arc, Mutex};

use authlete_models::Model;
use serde_json::{Map, Value};

/// The validator's resources outside the document (a URL, which the generator does not read):
/// each is `true`, and its URI noted.
#[derive(Clone, Default)]
struct Outside(Arc<Mutex<Vec<String>>>);

impl jsonschema::Retrieve for Outside {
    fn retrieve(
        &self,
        uri: &jsonschema::Uri<String>,
    ) -> Result<Value, Box<dyn std::error::Error + Send + Sync>> {
        self.0.lock().unwrap().push(uri.as_str().to_owned());
        Ok(Value::Bool(true))
    }
}

include!("types.rs");

/// A generated type.
pub struct Type {
    /// Its Rust name.
    name: &'static str,
    /// Its schema's place in the document, as messages show it (`#/components/schemas/A`,
    /// `schemas/pet.yaml#/properties/id`).
    pointer: &'static str,
    /// The same place in the linked input (`#/$defs/$files/schemas~1pet.yaml/pet/properties/id`),
    /// a JSON Pointer after `#`, not percent-encoded.
    at: &'static str,
    /// Whether its `json_schema()` must equal the expected one.
    exact: bool,
    /// Whether a disagreement with the input fails the run: its schema is the document's, and
    /// reaches no place the generator warned about.
    strict: bool,
    /// The warning that makes it check less than the input says, if any.
    warned: Option<&'static str>,
    /// Whether it is an inline schema's type (not a schema the document names), whose `null`
    /// the generator gives to the members that hold it (`authlete_models::docs::codegen`).
    inline: bool,
    /// Its `json_schema()`.
    schema: fn() -> Value,
    /// Its verdict on a document's text.
    verdict: fn(&str) -> Verdict,
}

/// What a type makes of a document: whether `authlete_models::from_json` reads it, and
/// whether `serde_json::from_str` does.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Verdict {
    from_json: bool,
    serde: bool,
}

/// `T`'s verdict on `text`.
fn verdict<T: Model>(text: &str) -> Verdict {
    Verdict {
        from_json: authlete_models::from_json::<T>(text).is_ok(),
        serde: serde_json::from_str::<T>(text).is_ok(),
    }
}

/// The formats the derive checks with `check_format` (the generator's `CHECKED_FORMATS`).
const CHECKED_FORMATS: &[&str] = &[
    "date-time", "date", "time", "duration", "email", "hostname", "ipv4", "ipv6", "uri",
    "uri-reference", "uuid", "json-pointer",
];

/// The formats the validator knows: under `--check-formats`, those the derive does not check
/// are made to accept anything, so that they stay annotations on both sides.
const VALIDATOR_FORMATS: &[&str] = &[
    "date", "date-time", "duration", "email", "hostname", "idn-email", "idn-hostname", "ipv4",
    "ipv6", "iri", "iri-reference", "json-pointer", "regex", "relative-json-pointer", "time",
    "uri", "uri-reference", "uri-template", "uuid",
];

/// The base URI of the input in the validator's registry, unless it names its own.
const DOCUMENT_URI: &str = "urn:authlete-models:input";

/// Runs both checks, and exits 1 when one fails.
fn main() {
    let ok = round_trip() & differential();
    std::process::exit(i32::from(!ok));
}

/// Each exact type's `json_schema()` against its expected schema; prints where each differs,
/// and writes both schemas of each to `round-trip.txt`.
fn round_trip() -> bool {
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/expected.json")).unwrap();
    let expected: Map<String, Value> = serde_json::from_str(&text).unwrap();
    let mut failed = 0;
    let mut log = String::new();
    for t in TYPES.iter().filter(|t| t.exact) {
        let derived = (t.schema)();
        let want = expected.get(t.name).cloned().unwrap_or(Value::Null);
        if want != derived {
            failed += 1;
            let mut places = Vec::new();
            differences(&want, &derived, String::new(), &mut places);
            println!("{} differs:", t.name);
            for p in places.iter().take(5) {
                println!("  {p}");
            }
            if places.len() > 5 {
                println!("  ... {} more", places.len() - 5);
            }
            let _ = writeln!(
                log,
                "{} differs:\n--- expected:\n{}\n--- derived:\n{}",
                t.name,
                serde_json::to_string_pretty(&want).unwrap(),
                serde_json::to_string_pretty(&derived).unwrap()
            );
        }
    }
    std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/round-trip.txt"), log).unwrap();
    println!(
        "round trip: {} of {} types equal the document's schema",
        expected.len() - failed,
        expected.len()
    );
    failed == 0
}

/// Where `want` and `got` differ, as `pointer: expected …, derived …` lines.
fn differences(want: &Value, got: &Value, at: String, out: &mut Vec<String>) {
    match (want, got) {
        (Value::Object(a), Value::Object(b)) => {
            for (k, v) in a {
                let here = format!("{at}/{}", k.replace('~', "~0").replace('/', "~1"));
                match b.get(k) {
                    Some(w) => differences(v, w, here, out),
                    None => out.push(format!("{here}: expected {}, derived nothing", cut(&v.to_string(), 120))),
                }
            }
            for (k, w) in b.iter().filter(|(k, _)| !a.contains_key(*k)) {
                let here = format!("{at}/{}", k.replace('~', "~0").replace('/', "~1"));
                out.push(format!("{here}: expected nothing, derived {}", cut(&w.to_string(), 120)));
            }
        }
        (Value::Array(a), Value::Array(b)) if a.len() == b.len() => {
            for (i, (v, w)) in a.iter().zip(b).enumerate() {
                differences(v, w, format!("{at}/{i}"), out);
            }
        }
        _ if want != got => out.push(format!(
            "{}: expected {}, derived {}",
            if at.is_empty() { "(the root)" } else { &at },
            cut(&want.to_string(), 120),
            cut(&got.to_string(), 120)
        )),
        _ => {}
    }
}

/// `text` cut to `n` characters, with how much was left out.
fn cut(text: &str, n: usize) -> String {
    match text.char_indices().nth(n) {
        Some((i, _)) => format!("{}… ({} more bytes)", &text[..i], text.len() - i),
        None => text.to_owned(),
    }
}

/// Where the documents for `t` are made around, as a URI fragment (`%` written `%25`): its
/// schema, or, for a type of a `type` list, the list's schema (the type is judged by that
/// schema held to its type, on the list's documents).
fn made_around(input: &Value, t: &Type) -> String {
    let at = instances::type_in_list(input, t.at).map_or(t.at, |(p, _)| p);
    at.replace('%', "%25")
}

/// A verdict in words.
fn accepts(yes: bool) -> &'static str {
    if yes { "accepts" } else { "refuses" }
}

/// Each type's verdict against the input schema's on documents made around it; prints the
/// disagreements and a count per type, and writes them all to `disagreements.txt`.
fn differential() -> bool {
    let count: usize = std::env::var("ROUNDTRIP_DOCUMENTS").ok().and_then(|n| n.parse().ok()).unwrap_or(200);
    let seed: u64 = std::env::var("ROUNDTRIP_SEED").ok().and_then(|n| n.parse().ok()).unwrap_or(0x5eed);
    let text = std::fs::read_to_string(DOCUMENT).unwrap();
    let input: Value = serde_json::from_str(&text).unwrap();
    // Every schema a type reaches, in whichever file it was written: OpenAPI 3.0's spellings
    // (those the generator's reader leaves, a `nullable` with no `type` of its own) and the
    // integer ranges. A type of a `type` list reaches the list's schema.
    let mut judged = input.clone();
    let v30 = instances::is_openapi_30(&input);
    let reached: Vec<String> = TYPES.iter().map(|t| made_around(&input, t)).collect();
    let reached: Vec<&str> = reached.iter().map(String::as_str).collect();
    instances::each_reached_schema(&mut judged, &reached, &mut |map| {
        if v30 {
            instances::openapi_30_schema_as_2020_12(map);
        }
        instances::integer_range(map);
    });
    // The input under its own `$id` when that is an absolute URI; under ours otherwise.
    let uri = match judged.get("$id").and_then(Value::as_str) {
        Some(id) if id.contains(':') => id.trim_end_matches('#').to_owned(),
        _ => {
            if let Some(map) = judged.as_object_mut() {
                map.remove("$id");
            }
            DOCUMENT_URI.to_owned()
        }
    };
    let outside = Outside::default();
    let registry = match jsonschema::Registry::new()
        .retriever(outside.clone())
        .add(&uri, judged)
        .and_then(|r| r.prepare())
    {
        Ok(r) => r,
        Err(e) => {
            println!("differential: the validator cannot read the document: {e}");
            return false;
        }
    };
    let asked = outside.0.lock().unwrap().clone();
    if !asked.is_empty() {
        println!(
            "differential: {} resources outside the document, which the generator does not read, are `true` for the validator (the generator refuses every type that holds one): {}",
            asked.len(),
            asked.join(", ")
        );
    }
    let mut options = jsonschema::options().with_registry(&registry).should_validate_formats(CHECK_FORMATS);
    if CHECK_FORMATS {
        for f in VALIDATOR_FORMATS.iter().filter(|f| !CHECKED_FORMATS.contains(f)) {
            options = options.with_format(*f, |_: &str| true);
        }
    }
    let mut log = String::new();
    let mut per_type: BTreeMap<&str, (usize, usize, &Type)> = BTreeMap::new();
    let mut unjudged = Vec::new();
    let (mut documents, mut valid, mut left_to_holders) = (0usize, 0usize, 0usize);
    for t in TYPES {
        let at = made_around(&input, t);
        let judge = match options.build(&instances::judging_schema(&input, &uri, t.at)) {
            Ok(j) => j,
            Err(e) => {
                unjudged.push(format!("{} ({}): {e}", t.name, t.pointer));
                continue;
            }
        };
        let mut shown = 0;
        let mut wrong = 0;
        // Seeded by where the document writes the schema, as messages show it: the same
        // documents as when it is read alone, for a schema the reader moved.
        let seeded_as = match instances::type_in_list(&input, t.at) {
            Some(_) => t.pointer.rsplit_once("/type/").map_or(t.pointer, |(p, _)| p),
            None => t.pointer,
        };
        for doc in instances::documents_seeded_as(&input, &at, seeded_as, count, seed) {
            let body = doc.to_string();
            let schema = judge.is_valid(&doc);
            let model = (t.verdict)(&body);
            documents += 1;
            valid += usize::from(schema);
            if model.from_json == schema && model.serde == schema {
                continue;
            }
            if t.inline && doc.is_null() && schema && !model.from_json && !model.serde {
                // `null` among an inline union's branches is the holding member's `Option`.
                left_to_holders += 1;
                continue;
            }
            wrong += 1;
            // The least part of the document on which the verdicts still differ the same way.
            let least = instances::shrink(&doc, 400, &mut |d: &Value| {
                let text = d.to_string();
                judge.is_valid(d) == schema && (t.verdict)(&text) == model
            });
            let line = format!(
                "{} ({}): from_json {}, serde_json {}, input schema {}\n  least: {}\n  document: {}\n",
                t.name,
                t.pointer,
                accepts(model.from_json),
                accepts(model.serde),
                accepts(schema),
                least,
                body
            );
            log.push_str(&line);
            if shown < 2 {
                shown += 1;
                println!(
                    "{} ({}): from_json {}, serde_json {}, input schema {}\n  least: {}\n  document: {}",
                    t.name,
                    t.pointer,
                    accepts(model.from_json),
                    accepts(model.serde),
                    accepts(schema),
                    cut(&least.to_string(), 600),
                    cut(&body, 300)
                );
            }
        }
        if wrong > 0 {
            per_type.insert(t.name, (wrong, count, t));
        }
    }
    let _ = writeln!(log, "{} documents, {} valid by the input schema", documents, valid);
    std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/disagreements.txt"), &log).unwrap();
    for u in &unjudged {
        println!("not judged: {u}");
    }
    if left_to_holders > 0 {
        println!(
            "{left_to_holders} documents `null`, refused by an inline type whose input schema takes it: the generator gives that `null` to the members that hold the type"
        );
    }
    let mut failing = 0;
    for (name, (wrong, count, t)) in &per_type {
        let why = match (t.strict, t.warned) {
            (true, _) => String::new(),
            (false, Some(w)) => format!(" (warned, not failing: {w})"),
            (false, None) => " (its schema is not the document's: not failing)".to_owned(),
        };
        println!("{name}: {wrong} of {count} documents disagree{why}");
        failing += usize::from(t.strict);
    }
    println!(
        "differential: {} types, {} documents ({} valid by the input schema); {} types disagree ({} failing), {} not judged",
        TYPES.len(),
        documents,
        valid,
        per_type.len(),
        failing,
        unjudged.len()
    );
    failing == 0
}
RS

start="$(date +%s.%N)"
# A crate of this name built before, from another document, in a shared target directory can
# pass for fresh: it goes first.
cargo clean -q -p codegen-roundtrip --manifest-path "$WORK/Cargo.toml" 2>/dev/null || true
# Clippy's findings fail the run, at the end: the checks still run, since the code builds.
clippy=0
cargo clippy -q --manifest-path "$WORK/Cargo.toml" -- -D warnings || clippy=$?
if [ "$clippy" -eq 0 ]; then
    echo "clippy -D warnings: clean"
else
    echo "clippy -D warnings: the generated code has findings (above)"
fi
took "$start" "build and clippy"
start="$(date +%s.%N)"
status=0
cargo run -q --manifest-path "$WORK/Cargo.toml" || status=$?
took "$start" "round trip and differential"
if [ "$status" -eq 0 ] && [ "$clippy" -ne 0 ]; then
    status=1
fi
exit "$status"

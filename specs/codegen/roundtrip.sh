#!/usr/bin/env bash
# Reads a whole OpenAPI or JSON Schema document end to end: generates its models, builds them
# and runs clippy on them with warnings denied, then checks that every generated type's
# `json_schema()` equals its schema in the document, normalised (see the README).
#
#   bash specs/codegen/roundtrip.sh path/to/openapi.json
#   bash specs/codegen/roundtrip.sh path/to/openapi.yaml   # read with Python's PyYAML
#   bash specs/codegen/roundtrip.sh path/to/openapi.json --check-formats   # options after the
#                                                                           # document: the generator's
#
# The generated crate has the features of authlete-models its module's header names (`pattern`,
# `formats`). The document is not kept: the generated crate is written under target/codegen-roundtrip/.
# Exits 0 when every generated type round-trips (schemas the generator refused are listed,
# with why, and do not fail the run).
set -euo pipefail

DOC="$1"
shift
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="$ROOT/target/codegen-roundtrip"
rm -rf "$WORK"
mkdir -p "$WORK/src"

case "$DOC" in
*.yaml | *.yml)
    python3 -c 'import yaml' 2>/dev/null || python3 -m pip install --quiet pyyaml
    python3 - "$DOC" "$WORK/document.json" <<'PY'
import json, sys, yaml
with open(sys.argv[1]) as f:
    doc = yaml.safe_load(f)
with open(sys.argv[2], "w") as f:
    json.dump(doc, f, default=str)
PY
    JSON="$WORK/document.json"
    ;;
*) JSON="$DOC" ;;
esac

cd "$ROOT"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"
status=0
cargo run -q -p authlete-models-codegen -- "$JSON" --expected "$WORK/expected.json" "$@" \
    >"$WORK/src/models.rs" 2>"$WORK/report.txt" || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then
    cat "$WORK/report.txt" >&2
    exit "$status"
fi
cat "$WORK/report.txt"

# The features the module's header names, on the line `//! Needs `authlete-models` with `features = [...]`.`.
FEATURES="$(sed -n 's/^\/\/! Needs `authlete-models` with `features = \(\[.*\]\)`\.$/\1/p' "$WORK/src/models.rs")"
FEATURES="${FEATURES:-[]}"

cat >"$WORK/Cargo.toml" <<TOML
[package]
name = "codegen-roundtrip"
version = "0.0.0"
edition = "2024"
publish = false

[workspace]

[dependencies]
authlete-models = { path = "$ROOT/models", features = $FEATURES }
serde_json = "1"
TOML

# One check per generated type, in the order of the expected schemas; each type alias named,
# so that one nothing else uses is not dead code.
python3 - "$WORK/expected.json" "$WORK/src/main.rs" "$WORK/src/models.rs" <<'PY'
import json, re, sys
names = list(json.load(open(sys.argv[1])).keys())
checks = "\n".join(f'    check::<models::{n}>("{n}", &expected, &mut failed);' for n in names)
aliases = re.findall(r"^pub type (\w+) = ", open(sys.argv[3]).read(), re.M)
checks += "".join(f'\n    let _ = std::any::type_name::<models::{a}>();' for a in aliases)
open(sys.argv[2], "w").write(f'''//! Each generated type's schema against the document's, normalised.

mod models;

use authlete_models::Model;
use serde_json::{{Map, Value}};

fn check<T: Model>(name: &str, expected: &Map<String, Value>, failed: &mut usize) {{
    let derived = T::json_schema();
    if expected.get(name) != Some(&derived) {{
        *failed += 1;
        println!(
            "{{name}} differs:\\n--- expected:\\n{{}}\\n--- derived:\\n{{}}",
            serde_json::to_string_pretty(&expected[name]).unwrap(),
            serde_json::to_string_pretty(&derived).unwrap()
        );
    }}
}}

fn main() {{
    let text = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/expected.json")).unwrap();
    let expected: Map<String, Value> = serde_json::from_str(&text).unwrap();
    let mut failed = 0;
{checks}
    println!("round trip: {{}} of {{}} types equal the document's schema", expected.len() - failed, expected.len());
    std::process::exit(i32::from(failed > 0));
}}
''')
PY

cargo clippy -q --manifest-path "$WORK/Cargo.toml" -- -D warnings
echo "clippy -D warnings: clean"
cargo run -q --manifest-path "$WORK/Cargo.toml"

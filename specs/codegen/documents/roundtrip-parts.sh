#!/usr/bin/env bash
# Runs the round trip (specs/codegen/roundtrip.sh) on a document too large to build as one
# crate, a part at a time: the named schemas that become types are dealt round-robin into
# PARTS lists, and each part generates (`--only`) its types and every type they hold, builds
# them, runs clippy, and checks each one both ways. A type held by several parts is checked in
# each. The document is read where it is, as roundtrip.sh reads it (JSON or YAML, and every
# file its `$ref`s name). Every part's output is kept in target/codegen-roundtrip-parts/
# part-<i>.txt (ROUNDTRIP_WORK names another folder; each part's crate is built in work/
# there, and removed at the end).
#
#   bash specs/codegen/documents/roundtrip-parts.sh target/documents/github-rest.json 8
#   bash specs/codegen/documents/roundtrip-parts.sh path/to/openapi.yaml 4
#
# Memory sets PARTS: building a part's crate takes the compiler about 3.5 MB a type (a part of
# DigitalOcean's API, about 670 types: 2.3 GB at most), the types each part holds counted.
#
# Exits 0 when every part passes, 1 otherwise; prints each part's last lines and the parts
# that failed.
set -euo pipefail

if [ $# -lt 2 ]; then
    echo "usage: bash specs/codegen/documents/roundtrip-parts.sh DOCUMENT PARTS [generator options]" >&2
    exit 1
fi
DOC="$1"
PARTS="$2"
shift 2
if [ ! -f "$DOC" ]; then
    echo "error: no document at $DOC" >&2
    exit 1
fi
DOC="$(cd "$(dirname "$DOC")" && pwd)/$(basename "$DOC")"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
OUT="${ROUNDTRIP_WORK:-$ROOT/target/codegen-roundtrip-parts}"
mkdir -p "$OUT"
OUT="$(cd "$OUT" && pwd)"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"

bash "$HERE/facts.sh" "$DOC" --no-expected "$@" >"$OUT/facts.json"
python3 - "$OUT/facts.json" "$OUT" "$PARTS" <<'PY'
import json, sys

facts = json.load(open(sys.argv[1]))
out, parts = sys.argv[2], int(sys.argv[3])
named = {n["root_pointer"] for n in facts["named"]}
roots = [t["name"] for t in facts["types"] if t["root_pointer"] in named]
for i in range(parts):
    with open(f"{out}/part-{i}.names", "w") as f:
        f.write("".join(f"{n}\n" for n in roots[i::parts]))
print(f"{len(roots)} named schemas generated, in {parts} parts")
PY

failed=()
for ((i = 0; i < PARTS; i++)); do
    echo "== part $((i + 1)) of $PARTS"
    status=0
    ROUNDTRIP_WORK="$OUT/work" bash "$ROOT/specs/codegen/roundtrip.sh" "$DOC" --only "$OUT/part-$i.names" "$@" \
        >"$OUT/part-$i.txt" 2>&1 || status=$?
    grep -v '^refused: \|^warning: ' "$OUT/part-$i.txt" | tail -n 12
    if [ "$status" -ne 0 ]; then
        failed+=("$((i + 1))")
    fi
done
rm -rf "$OUT/work"
if [ "${#failed[@]}" -eq 0 ]; then
    echo "every part passed"
else
    echo "parts that failed: ${failed[*]} (their output: $OUT/part-<i>.txt, counting from 0)"
    exit 1
fi

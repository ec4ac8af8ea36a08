#!/usr/bin/env bash
# Prints what the generator, as it is now, makes of each document: how many named schemas it
# read, how many types it generated, how many schemas it refused, the share of the named
# schemas that became a type (without `--lossy`, and with it), how long it took, and the
# refusals grouped by reason (the message without the parts that name one place: type names,
# values), most frequent first.
#
#   bash specs/codegen/documents/coverage.sh                     # the documents fetch.sh gets
#   bash specs/codegen/documents/coverage.sh path/to/doc.json    # any JSON documents
#   TOP=40 bash specs/codegen/documents/coverage.sh              # more reasons (15)
#   bash specs/codegen/documents/fetch.sh corpus && \
#     bash specs/codegen/documents/coverage.sh target/documents/corpus/*.json
#
# Given several documents, it ends with them all: the named schemas generated over all, the
# median share, and how many reach 95%.
# The generator reads each document where it is (YAML too, and the files its `$ref`s name);
# a YAML document is also converted to JSON, with Python's PyYAML, for the summary. The counts
# come from the generator's library (facts.sh, beside this file, without the expected
# schemas); the time is the command line's, in release, without `--expected`, and the
# library's.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../../.." && pwd)"
OUT="$ROOT/target/documents"
TOP="${TOP:-15}"
export CARGO_TARGET_DIR="${CARGO_TARGET_DIR:-$ROOT/target}"

if [ $# -eq 0 ]; then
    bash "$HERE/fetch.sh" >/dev/null
    set -- "$OUT/github-rest.json" "$OUT/github-webhooks.json" "$OUT/gitlab-ci.json" "$OUT/compose-spec.json"
fi

cd "$ROOT"
cargo build -q --release -p authlete-models-codegen
mkdir -p "$OUT/coverage"
export COVERAGE_SUMMARY="$OUT/coverage/summary.txt"
: >"$COVERAGE_SUMMARY"
for doc in "$@"; do
    name="$(basename "$doc")"
    case "$doc" in
    *.yaml | *.yml)
        python3 -c 'import yaml' 2>/dev/null || python3 -m pip install --quiet pyyaml
        json="$OUT/coverage/${name%.*}.json"
        python3 -c 'import json, sys, yaml; json.dump(yaml.safe_load(open(sys.argv[1])), open(sys.argv[2], "w"), default=str)' "$doc" "$json"
        ;;
    *) json="$doc" ;;
    esac
    start="$(date +%s.%N)"
    # The generator reads the document itself (YAML too), where it is, so that the files its
    # `$ref`s name are found beside it; the JSON copy is only for the summary's facts.
    "$CARGO_TARGET_DIR/release/authlete-models-codegen" "$doc" >/dev/null 2>"$OUT/coverage/$name.report" || true
    end="$(date +%s.%N)"
    bash "$HERE/facts.sh" "$doc" --no-expected >"$OUT/coverage/$name.facts"
    bash "$HERE/facts.sh" "$doc" --lossy --no-expected >"$OUT/coverage/$name.lossy"
    python3 - "$json" "$OUT/coverage/$name.facts" "$OUT/coverage/$name.lossy" "$start" "$end" "$TOP" <<'PY'
import collections, json, os, re, sys

doc_path, facts_path, lossy_path, start, end, top = sys.argv[1:7]
facts = json.load(open(facts_path))
lossy = json.load(open(lossy_path))
doc = json.load(open(doc_path))

if "openapi" in doc:
    kind = f"OpenAPI {doc['openapi']}"
else:
    kind = f"JSON Schema {doc.get('$schema', '(no $schema)')}"


def generated_named(f):
    """The named schemas that became a type: a type at the named schema's pointer."""
    at = {t["pointer"] for t in f["types"]}
    return [n for n in f["named"] if n["pointer"] in at]


def reason(message):
    """The message without what names one place: type names, values, numbers."""
    m = re.sub(r"`default` is (.+?), (which|and)", r"`default` is <value>, \2", message)
    m = re.sub(r"^`[^`]+` (is declared by|is required but)", r"`<member>` \1", m)
    m = re.sub(r"the names `[^`]*` matches", "the names `<pattern>` matches", m)
    m = re.sub(r"`[A-Z][A-Za-z0-9_]*`", "`<type>`", m)
    m = re.sub(r'"(?:[^"\\]|\\.)*"', '"…"', m)
    m = re.sub(r"(?<![\w`.-])-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?![\w`])", "N", m)
    return m


named = len(facts["named"])
made = generated_named(facts)
made_lossy = generated_named(lossy)
pct = lambda n: f"{100.0 * n / named:.1f}%" if named else "-"
size = os.path.getsize(doc_path)
print(f"== {os.path.basename(doc_path)}: {kind}, {size / 1e6:.2f} MB")
print(
    f"time: command line {float(end) - float(start):.2f} s (release); library: read "
    f"{facts['seconds']['read']:.2f} s, generate {facts['seconds']['generate']:.2f} s"
)
print(f"named schemas read: {named}")
print(
    f"types generated: {len(facts['types'])} ({len(made)} of them named schemas); "
    f"schemas refused: {len(facts['refused_types'])} "
    f"({named - len(made)} named schemas without a type)"
)
print(
    f"named schemas generated: {pct(len(made))} without --lossy, "
    f"{pct(len(made_lossy))} with --lossy ({len(lossy['types'])} types, {len(lossy['warnings'])} warnings)"
)
with open(os.environ["COVERAGE_SUMMARY"], "a") as summary:
    summary.write(f"{os.path.basename(doc_path)} {named} {len(made)}\n")
counts = collections.Counter(reason(n["message"]) for n in facts["refused"])
print(
    f"refusals: {len(facts['refused'])} notes, {len(counts)} reasons"
    + (f" (top {top})" if len(counts) > int(top) else "")
)
for msg, n in counts.most_common(int(top)):
    print(f"  {n:6d}  {msg}")
warnings = collections.Counter(reason(n["message"]) for n in facts["warnings"])
if warnings:
    print(f"warnings: {len(facts['warnings'])} notes, {len(warnings)} reasons")
    for msg, n in warnings.most_common(5):
        print(f"  {n:6d}  {msg}")
print()
PY
done
# Over several documents: each one's share, and how they spread.
if [ $# -gt 1 ]; then
    python3 - "$COVERAGE_SUMMARY" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
shares = sorted((100.0 * int(m) / int(n) if int(n) else 100.0, d) for d, n, m in rows)
named = sum(int(n) for _, n, _ in rows)
made = sum(int(m) for _, _, m in rows)
print(f"== {len(rows)} documents: {made} of {named} named schemas generated ({100.0 * made / named:.1f}%) without --lossy")
print(f"median {statistics.median(s for s, _ in shares):.1f}%; at least 95%: {sum(s >= 95 for s, _ in shares)} of {len(rows)}")
print("lowest: " + ", ".join(f"{d} {s:.1f}%" for s, d in shares[:5]))
PY
fi

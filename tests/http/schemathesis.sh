#!/usr/bin/env bash
# Property-based tests of the example server (models/examples/server.rs) with schemathesis,
# from the server's own OpenAPI document (GET /openapi.json):
#
#   bash tests/http/schemathesis.sh
#
# It installs schemathesis from PyPI into a venv under target/, builds the example, serves it
# on a free port of 127.0.0.1, runs every schemathesis check (no server error, status codes,
# content types and bodies that conform to the document, valid bodies accepted, invalid ones
# refused with 4xx, undeclared methods answered 405) on valid and invalid requests, with a
# fixed seed, then stops the server. It exits non-zero if schemathesis found a failure.
#
# Settings (environment): SCHEMATHESIS_SEED (default 20260), SCHEMATHESIS_MAX_EXAMPLES (test
# cases per phase, default 500), SCHEMATHESIS_VERSION (default 4.32.5), PYTHON (default
# python3.11, else python3). CARGO_TARGET_DIR is honoured for the build.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"

seed="${SCHEMATHESIS_SEED:-20260}"
max_examples="${SCHEMATHESIS_MAX_EXAMPLES:-500}"
version="${SCHEMATHESIS_VERSION:-4.32.5}"
python="${PYTHON:-$(command -v python3.11 || command -v python3)}"
venv="$root/target/schemathesis-venv"
log="$root/target/schemathesis-server.log"

# schemathesis, pinned so that a seed keeps meaning the same run.
if [[ "$("$venv/bin/st" --version 2>/dev/null || true)" != *" $version" ]]; then
    echo "== installing schemathesis $version into $venv"
    "$python" -m venv "$venv"
    "$venv/bin/pip" install --quiet "schemathesis==$version"
fi
echo "== $("$venv/bin/st" --version)"

echo "== building the example server"
server="$(cargo build --quiet -p authlete-models --example server --features axum \
    --message-format=json-render-diagnostics |
    "$venv/bin/python" -c '
import json, sys
for line in sys.stdin:
    message = json.loads(line)
    if message.get("reason") == "compiler-artifact" and message["target"]["name"] == "server" \
            and message.get("executable"):
        print(message["executable"])
')"
[[ -x "$server" ]] || { echo "no server executable built" >&2; exit 1; }

# PORT=0: the system picks a free port; the server prints the address it got.
mkdir -p "$(dirname "$log")"
PORT=0 "$server" >"$log" 2>&1 &
pid=$!
trap 'kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true' EXIT

address=""
for _ in $(seq 1 100); do
    kill -0 "$pid" 2>/dev/null || { cat "$log" >&2; echo "the server stopped" >&2; exit 1; }
    address="$(sed -n 's/^listening on //p' "$log")"
    if [[ -n "$address" ]] && "$venv/bin/python" -c '
import sys, urllib.request
urllib.request.urlopen(sys.argv[1] + "/openapi.json", timeout=2).read()
' "$address" 2>/dev/null; then
        break
    fi
    address=""
    sleep 0.2
done
[[ -n "$address" ]] || { cat "$log" >&2; echo "the server did not answer in 20 s" >&2; exit 1; }
echo "== the server answers on $address"

# Requests the server answered before schemathesis started (the readiness check above).
before="$(grep -c '^request #' "$log" || true)"

status=0
# --mode all: valid (positive) and invalid (negative) requests; --checks all: every check.
# One worker and no example database, so that the same seed makes the same requests. Run from
# target/, where schemathesis leaves its working folder.
cd "$root/target"
"$venv/bin/st" run "$address/openapi.json" \
    --checks all \
    --mode all \
    --seed "$seed" \
    --max-examples "$max_examples" \
    --workers 1 \
    --generation-database none \
    --no-color || status=$?

# The requests schemathesis made: those numbered after the ones before it.
requests="$(awk -v before="$before" -F'[#:]' '/^request #/ && $2 + 0 > before' "$log")"
total="$(grep -c . <<<"$requests" || true)"
update="$(grep -c ': POST /api/' <<<"$requests" || true)"
echo "== schemathesis made $total requests to the server ($update of them POST to the update" \
    "endpoint); seed $seed, at most $max_examples examples per phase. Statuses answered:"
sed -n 's/^request #[0-9]*: \([A-Z]*\) .* -> \([0-9]*\)$/\1 \2/p' <<<"$requests" |
    sort | uniq -c | sed 's/^/   /'

if [[ "$status" -ne 0 ]]; then
    echo "== schemathesis FAILED (exit $status); the server's log: $log" >&2
else
    echo "== schemathesis passed"
fi
exit "$status"

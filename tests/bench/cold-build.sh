#!/usr/bin/env bash
# The cold release build of a minimal crate that derives `Model` on one struct (without the
# crate's Authlete models: `default-features = false`), against the same crate built with
# serde (derive) + serde_json, each from an empty target directory.
#
#   bash tests/bench/cold-build.sh            # 3 builds of each, alternating; prints medians
#   RUNS=5 bash tests/bench/cold-build.sh
#
# With WHAT=authlete, the crate uses the shipped Authlete models instead (`authlete_models::Client`
# reading the documentation's example): the models crate with every group (`full`), against
# the same structs written with serde_derive (`tests/bench/src/authlete_serde.rs`, which the
# generator writes from the same contracts without their rules), built the same way.
#
# With WHAT=group GROUP=<folder of specs/> (`revocation` unless given), the models crate with
# that group's feature alone reads the first documented example of the group's first contract,
# against serde_derive twins of the same group and of the types of `common` it holds (which the
# feature compiles too), which the generator writes first (`--serde --group`).
#
# With WHAT=pattern, the crate derives `Model` on a struct with a `pattern` (the `pattern`
# feature on: the derive builds the pattern compiler), against the same struct with serde
# (derive), no check.
#
# Dependencies are fetched first (not timed); each build then runs offline with its own target
# directory, so neither shares compiled crates with the other or with the workspace.
set -euo pipefail

RUNS="${RUNS:-3}"
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
MODELS="$(cd "$HERE/../../models" && pwd)"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/cold-build.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT

make_crate() { # name, [dependencies] body, main.rs
    mkdir -p "$WORK/$1/src"
    cat >"$WORK/$1/Cargo.toml" <<EOF
[package]
name = "$1"
version = "0.1.0"
edition = "2024"
publish = false

[dependencies]
$2
EOF
    printf '%s\n' "$3" >"$WORK/$1/src/main.rs"
}

if [ "${WHAT:-one}" = authlete ]; then
    example=$(python3 -c 'import json,sys; c=json.load(open(sys.argv[1])); print(json.dumps(next(e["document"] for e in c["examples"] if e["name"].startswith("documented 200 response of GET"))))' "$HERE/../../specs/common/Client.json")
    main="
#[allow(dead_code)]
mod models;

fn main() {
    let client: models::Client = serde_json::from_str(r##\"$example\"##).unwrap();
    println!(\"{:?}\", client.client_id);
}"
    make_crate with-model "authlete-models = { path = \"$MODELS\", default-features = false, features = [\"full\"] }
serde_json = \"1\"" "$main"
    printf 'pub use authlete_models::*;\n' >"$WORK/with-model/src/models.rs"
    make_crate with-serde 'serde = { version = "1", features = ["derive"] }
serde_json = "1"' "$main"
    cp "$HERE/src/authlete_serde.rs" "$WORK/with-serde/src/models.rs"
elif [ "${WHAT:-one}" = group ]; then
    GROUP="${GROUP:-revocation}"
    SPECS="$(cd "$HERE/../../specs" && pwd)"
    read -r model example < <(python3 -c '
import glob, json, sys
for path in sorted(glob.glob(sys.argv[1] + "/*.json")):
    c = json.load(open(path))
    for e in c["examples"]:
        if e["valid"] and e["name"].startswith("documented"):
            print(c["model"], json.dumps(e["document"]))
            sys.exit()
sys.exit("no documented example in " + sys.argv[1])' "$SPECS/$GROUP")
    main="
#[allow(dead_code)]
mod models;

fn main() {
    let body: models::$model = serde_json::from_str(r##\"$example\"##).unwrap();
    println!(\"{}\", std::mem::size_of_val(&body));
}"
    feature="${GROUP//_/-}"
    make_crate with-model "authlete-models = { path = \"$MODELS\", default-features = false, features = [\"$feature\"] }
serde_json = \"1\"" "$main"
    printf 'pub use authlete_models::*;\n' >"$WORK/with-model/src/models.rs"
    make_crate with-serde 'serde = { version = "1", features = ["derive"] }
serde_json = "1"' "$main"
    codegen() { (cd "$HERE/../.." && cargo run -q -p authlete-models-codegen -- --contracts specs/ --serde --group "$@" 2>/dev/null); }
    # The shared types are behind the features of the groups that hold them, as in the crate:
    # every group's feature is declared, the group's own on.
    {
        printf '\n[features]\ndefault = ["%s"]\n' "$feature"
        for folder in "$SPECS"/*/; do
            name="$(basename "$folder")"
            [ "$name" = codegen ] || [ "$name" = common ] || printf '"%s" = []\n' "${name//_/-}"
        done
    } >>"$WORK/with-serde/Cargo.toml"
    mkdir -p "$WORK/with-serde/src/models"
    codegen common --shared >"$WORK/with-serde/src/models/common.rs"
    codegen "$GROUP" >"$WORK/with-serde/src/models/$GROUP.rs"
    printf 'mod common;\nmod %s;\n#[allow(unused_imports)]\npub use common::*;\npub use %s::*;\n' "$GROUP" "$GROUP" >"$WORK/with-serde/src/models.rs"
elif [ "${WHAT:-one}" = pattern ]; then
make_crate with-model "authlete-models = { path = \"$MODELS\", default-features = false, features = [\"pattern\"] }
serde_json = \"1\"" '
use authlete_models::Model;

#[derive(Debug, Model)]
struct Account {
    #[model(pattern = r"^AC[0-9a-fA-F]{32}$")]
    sid: String,
}

fn main() {
    let a: Account = serde_json::from_str(r#"{"sid": "AC0123456789abcdef0123456789abcdef"}"#).unwrap();
    println!("{a:?} {}", a.sid.len());
}'

make_crate with-serde 'serde = { version = "1", features = ["derive"] }
serde_json = "1"' '
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Account {
    sid: String,
}

fn main() {
    let a: Account = serde_json::from_str(r#"{"sid": "AC0123456789abcdef0123456789abcdef"}"#).unwrap();
    println!("{a:?} {}", a.sid.len());
}'
else
# Only the derive: the crate's Authlete models (its default feature) are left out.
make_crate with-model "authlete-models = { path = \"$MODELS\", default-features = false }
serde_json = \"1\"" '
use authlete_models::Model;

#[derive(Debug, Model)]
#[model(rename_all = "camelCase")]
struct Body {
    #[model(charset = "A-Za-z0-9_-", min_len = 1, max_len = 86)]
    client_secret: String,
}

fn main() {
    let body: Body = serde_json::from_str(r#"{"clientSecret": "abc"}"#).unwrap();
    println!("{body:?} {}", body.client_secret.len());
}'

make_crate with-serde 'serde = { version = "1", features = ["derive"] }
serde_json = "1"' '
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(rename_all = "camelCase")]
struct Body {
    client_secret: String,
}

fn main() {
    let body: Body = serde_json::from_str(r#"{"clientSecret": "abc"}"#).unwrap();
    println!("{body:?} {}", body.client_secret.len());
}'
fi

for crate in with-model with-serde; do
    (cd "$WORK/$crate" && cargo fetch --quiet)
done

build() { # crate, run -> seconds
    local target="$WORK/target-$1-$2" start end
    start=$(date +%s.%N)
    (cd "$WORK/$1" && CARGO_TARGET_DIR="$target" CARGO_INCREMENTAL=0 \
        cargo build --release --offline --quiet)
    end=$(date +%s.%N)
    rm -rf "$target"
    awk -v a="$start" -v b="$end" 'BEGIN {printf "%.2f\n", b - a}'
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

declare -a model_times serde_times
for run in $(seq 1 "$RUNS"); do
    # Alternate which one goes first, so that neither always meets a warmer disk cache.
    if ((run % 2)); then order="with-model with-serde"; else order="with-serde with-model"; fi
    for crate in $order; do
        t=$(build "$crate" "$run")
        echo "run $run: $crate ${t} s"
        if [ "$crate" = with-model ]; then model_times+=("$t"); else serde_times+=("$t"); fi
    done
done

model=$(printf '%s\n' "${model_times[@]}" | median)
serde=$(printf '%s\n' "${serde_times[@]}" | median)
echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(rustc --version)"
echo "cold release build, median of $RUNS:"
printf '  #[derive(Model)] (authlete-models + serde_json):   %6.1f s\n' "$model"
printf '  #[derive(Deserialize)] (serde derive + serde_json): %6.1f s\n' "$serde"
awk -v m="$model" -v s="$serde" 'BEGIN {printf "  ratio: %.2f, added: %+.1f s\n", m / s, m - s}'
echo
echo "crates built for #[derive(Model)] and not for serde (derive) + serde_json:"
tree() { (cd "$WORK/$1" && cargo tree --offline --quiet --prefix none --edges normal,build \
    --format '{p}' 2>/dev/null | sed 's/ (.*//' | grep -v "^$1 " | sort -u); }
comm -23 <(tree with-model) <(tree with-serde) | sed 's/^/  /'
echo "crates built for serde (derive) + serde_json and not for #[derive(Model)]:"
comm -13 <(tree with-model) <(tree with-serde) | sed 's/^/  /'

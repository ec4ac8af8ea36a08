#!/usr/bin/env bash
# Instructions per call of each row of the `unions` benchmark on each of its documents,
# counted by callgrind (see instructions.sh): they do not move with the load of a shared
# machine.
#
#   bash tests/bench/instructions-unions.sh
#
# Needs valgrind. Each figure is (count at 2N calls - count at N calls) / N.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

N="${N:-5000}"
cargo build --quiet --profile bench -p authlete-models-bench --features peers --example profile_unions
BIN="${CARGO_TARGET_DIR:-target}/release/examples/profile_unions"

count() { # row document calls
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$BIN" "$1" "$2" "$3" 2>&1 |
        awk '/Collected/ {print $4}'
}

per_call() {
    local a b
    a=$(count "$1" "$2" "$N")
    b=$(count "$1" "$2" $((2 * N)))
    echo $(((b - a) / N))
}

printf '| row | document | serde_derive | authlete-models | ratio |\n|---|---|---|---|---|\n'
"$BIN" | while read -r row docs; do
    shape=${row%%:*}
    impl=${row#*:}
    [ "$impl" = serde_derive ] || continue
    for doc in $docs; do
        s=$(per_call "$shape:serde_derive" "$doc")
        m=$(per_call "$shape:authlete_models" "$doc")
        printf '| %s | %s | %s | %s | %s |\n' "$shape" "$doc" "$s" "$m" \
            "$(awk -v m="$m" -v s="$s" 'BEGIN {printf "%.2f", m / s}')"
    done
done

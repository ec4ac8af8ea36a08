#!/usr/bin/env bash
# Instructions per call of each implementation on each input, counted by callgrind: unlike
# times, these do not move with the load of a shared machine, so they show what a change to
# the code did. (They are not times: a vector instruction counts as one, a cache miss as none.)
#
#   bash tests/bench/instructions.sh                 # every implementation
#   bash tests/bench/instructions.sh serde_derive authlete_models
#
# Needs valgrind. Each figure is (count at 2N calls - count at N calls) / N, which leaves out
# the program's start-up and the first calls' warm-up.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

N="${N:-5000}"
cargo build --quiet --profile bench -p authlete-models-bench --features peers --example profile
BIN="${CARGO_TARGET_DIR:-target}/release/examples/profile"

IMPLS=("$@")
if [ ${#IMPLS[@]} -eq 0 ]; then
    IMPLS=(serde_derive authlete_models validator garde nutype serde_valid table
        authlete_models_not_secret authlete_models_no_rules)
fi
INPUTS=(valid86 valid22 plus40 long200)

count() { # impl input calls
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$BIN" "$1" "$2" "$3" 2>&1 |
        awk '/Collected/ {print $4}'
}

per_call() {
    local a b
    a=$(count "$1" "$2" "$N")
    b=$(count "$1" "$2" $((2 * N)))
    echo $(((b - a) / N))
}

printf '| implementation (instructions per call, ratio to serde_derive) |'
printf ' %s |' "${INPUTS[@]}"
printf '\n|---|---|---|---|---|\n'
declare -A floor
for impl in "${IMPLS[@]}"; do
    row="| $impl |"
    for input in "${INPUTS[@]}"; do
        n=$(per_call "$impl" "$input")
        [ "$impl" = serde_derive ] && floor[$input]=$n
        if [ -n "${floor[$input]:-}" ]; then
            row="$row $n ($(awk -v n="$n" -v f="${floor[$input]}" 'BEGIN {printf "%.2f", n / f}')) |"
        else
            row="$row $n |"
        fi
    done
    echo "$row"
done
# `validate()` alone on a built value.
row="| authlete_models validate() |"
for input in "${INPUTS[@]}"; do
    a=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$BIN" validate "$input" "$N" 2>&1 |
        awk '/Collected/ {print $4}')
    b=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$BIN" validate "$input" $((2 * N)) 2>&1 |
        awk '/Collected/ {print $4}')
    n=$(((b - a) / N))
    if [ -n "${floor[$input]:-}" ]; then
        row="$row $n ($(awk -v n="$n" -v f="${floor[$input]}" 'BEGIN {printf "%.2f", n / f}')) |"
    else
        row="$row $n |"
    fi
done
echo "$row"

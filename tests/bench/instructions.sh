#!/usr/bin/env bash
# Instructions per call of each implementation on each input, counted by callgrind: unlike
# times, these do not move with the load of a shared machine, so they show what a change to
# the code did. (They are not times: a vector instruction counts as one, a cache miss as none.)
#
#   bash tests/bench/instructions.sh                 # every implementation
#   bash tests/bench/instructions.sh serde_derive authlete_models
#   bash tests/bench/instructions.sh shapes          # the `shapes` benchmark's rows
#   bash tests/bench/instructions.sh unions          # the `unions` benchmark's rows
#   bash tests/bench/instructions.sh patterns        # the `patterns` benchmark's rows
#
# Needs valgrind. Each figure is (count at 2N calls - count at N calls) / N, which leaves out
# the program's start-up and the first calls' warm-up.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."

N="${N:-5000}"
# The `unions` and `patterns` rows have a profiling example of their own.
EXAMPLE=profile
[ "${1:-}" = unions ] && EXAMPLE=profile_unions
[ "${1:-}" = patterns ] && EXAMPLE=profile_patterns
cargo build --quiet --profile bench -p authlete-models-bench --features peers --example "$EXAMPLE"
BIN="${CARGO_TARGET_DIR:-target}/release/examples/$EXAMPLE"

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

# `unions`: each row of the `unions` benchmark on each of its documents, against serde_derive's
# twin (the example lists its rows and documents).
if [ "${1:-}" = unions ]; then
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
    exit 0
fi

# `patterns`: every row of the `patterns` benchmark on each of its documents, one table per
# struct, the ratios to its first row (serde_derive, no check). The example lists the rows,
# each with its struct's documents.
if [ "${1:-}" = patterns ]; then
    mapfile -t listing < <("$BIN")
    current=""
    declare -A base=()
    for line in "${listing[@]}"; do
        read -r row docs <<<"$line"
        shape=${row%%:*}
        impl=${row#*:}
        read -r -a cases <<<"$docs"
        if [ "$shape" != "$current" ]; then
            [ -n "$current" ] && echo
            current=$shape
            base=()
            printf '| %s (instructions per call, ratio to %s) |' "$shape" "$impl"
            printf ' %s |' "${cases[@]}"
            printf '\n|---|'
            printf -- '---|%.0s' "${cases[@]}"
            printf '\n'
        fi
        out="| $impl |"
        for c in "${cases[@]}"; do
            n=$(per_call "$row" "$c")
            [ -z "${base[$c]:-}" ] && base[$c]=$n
            out="$out $n ($(awk -v n="$n" -v f="${base[$c]}" 'BEGIN {printf "%.2f", n / f}')) |"
        done
        echo "$out"
    done
    exit 0
fi

# `shapes`: the enum and map rows of the `shapes` benchmark, each on its documents, the
# first row (serde_derive) the one the ratios are to.
if [ "${1:-}" = shapes ]; then
    shape_table() { # shape "cases" rows...
        local shape=$1 cases=($2) first="" row impl c n
        shift 2
        printf '| %s (instructions per call, ratio to serde_derive) |' "$shape"
        printf ' %s |' "${cases[@]}"
        printf '\n|---|'
        printf -- '---|%.0s' "${cases[@]}"
        printf '\n'
        declare -A base=()
        for impl in "$@"; do
            row="| $impl |"
            for c in "${cases[@]}"; do
                n=$(per_call "$shape:$impl" "$c")
                [ -z "$first" ] && base[$c]=$n
                row="$row $n ($(awk -v n="$n" -v f="${base[$c]}" 'BEGIN {printf "%.2f", n / f}')) |"
            done
            first=done
            echo "$row"
        done
        echo
    }
    shape_table enum "four_cc ten_cc ten_last ten_unknown" serde_derive authlete_models
    shape_table map "valid8 bad_key long_value" serde_derive authlete_models garde
    exit 0
fi

IMPLS=("$@")
if [ ${#IMPLS[@]} -eq 0 ]; then
    IMPLS=(serde_derive authlete_models from_json validator garde nutype serde_valid table
        authlete_models_not_secret authlete_models_no_rules)
fi
INPUTS=(valid86 valid22 plus40 long200)

printf '| implementation (instructions per call, ratio to serde_derive) |'
printf ' %s |' "${INPUTS[@]}"
printf '\n|---|---|---|---|---|\n'
# One table cell: the count, and its ratio to the floor's once the floor is known.
cell() { # count input
    if [ -n "${floor[$2]:-}" ]; then
        echo "$1 ($(awk -v n="$1" -v f="${floor[$2]}" 'BEGIN {printf "%.2f", n / f}'))"
    else
        echo "$1"
    fi
}

declare -A floor
for impl in "${IMPLS[@]}"; do
    row="| $impl |"
    for input in "${INPUTS[@]}"; do
        n=$(per_call "$impl" "$input")
        [ "$impl" = serde_derive ] && floor[$input]=$n
        row="$row $(cell "$n" "$input") |"
    done
    echo "$row"
done
# `validate()` alone on a built value (`profile validate INPUT N`).
row="| authlete_models validate() |"
for input in "${INPUTS[@]}"; do
    row="$row $(cell "$(per_call validate "$input")" "$input") |"
done
echo "$row"

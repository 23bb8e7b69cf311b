#!/usr/bin/env bash
# A/B timing of two paradiff builds on the bench pair (see bench/mkpair):
# each runs N times (default 20), alternating, so that drift of this shared
# machine falls on both alike; prints the mean CPU (user+sys) and wall
# seconds of each with their standard errors. Extra arguments go to both
# (default: -f json --metrics none).
#
# Usage: bash bench/ab.sh OLD_BINARY NEW_BINARY [N] [-- ARGS...]
#   e.g. git stash; go build -o /tmp/old ./cmd/paradiff; git stash pop
#        go build -o /tmp/new ./cmd/paradiff; bash bench/ab.sh /tmp/old /tmp/new
set -euo pipefail
cd "$(dirname "$0")/.."
old=$1 new=$2 n=${3:-20}
shift $(( $# >= 3 ? 3 : 2 ))
[ "${1:-}" = "--" ] && shift
args=("$@")
[ ${#args[@]} -eq 0 ] && args=(-f json --metrics none)
data=${DATA:-../shared/data}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go run ./bench/mkpair -data "$data" -out "$work" >&2
for _ in $(seq "$n"); do
  for side in old new; do
    bin=$old; [ $side = new ] && bin=$new
    /usr/bin/time -f '%e %U %S' -a -o "$work/$side" "$bin" "${args[@]}" "$work/a.txt" "$work/b.txt" >/dev/null 2>&1 || true
  done
done
for side in old new; do
  grep -v Command "$work/$side" | awk -v s=$side '{w+=$1; c+=$2+$3; ww+=$1^2; cc+=($2+$3)^2}
    END {mc=c/NR; mw=w/NR; printf "%s cpu %.4f ±%.4f  wall %.4f ±%.4f\n", s, mc, sqrt((cc/NR-mc^2)/NR), mw, sqrt((ww/NR-mw^2)/NR)}'
done

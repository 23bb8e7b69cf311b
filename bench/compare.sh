#!/usr/bin/env bash
# End-to-end speed and memory of paradiff against the word-diff tools people
# use today, on the same pair of documents in the same run:
#   git diff --no-index --word-diff=porcelain, wdiff, dwdiff.
# The pair is built from ../shared/data (see bench/mkpair): two English
# renderings of the same texts, about 1.6 MB a side. Each tool runs RUNS
# times (default 3); the median wall time and the largest peak RSS count.
# paradiff does the whole comparison: decode, split, align, diff and the JSON
# report; it runs twice, without the metrics (--metrics none: what the peers
# do not do either) and with them (the default: BLEU, chrF and TER).
#
# Usage: bash bench/compare.sh [DATA_DIR]   (default ../shared/data)
set -euo pipefail
cd "$(dirname "$0")/.."
data=${1:-../shared/data}
runs=${RUNS:-3}
if [ ! -d "$data" ]; then
  echo "bench: no data folder $data; nothing to measure" >&2
  exit 0
fi

need=()
for tool in wdiff dwdiff; do command -v "$tool" >/dev/null || need+=("$tool"); done
[ -x /usr/bin/time ] || need+=(time)
if [ ${#need[@]} -gt 0 ]; then
  echo "bench: installing ${need[*]}" >&2
  apt-get update -qq >/dev/null && apt-get install -y -qq "${need[@]}" >/dev/null
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/paradiff" ./cmd/paradiff
go run ./bench/mkpair -data "$data" -out "$work" >&2
a=$work/a.txt b=$work/b.txt
size=$(( $(stat -c %s "$a") + $(stat -c %s "$b") ))

# measure NAME CMD...: prints "NAME median_seconds max_rss_kb"
measure() {
  local name=$1; shift
  local times=() rss=0
  for _ in $(seq "$runs"); do
    /usr/bin/time -f '%e %M' -o "$work/time" "$@" >/dev/null 2>"$work/err" || true
    read -r t m < <(tail -n 1 "$work/time")
    times+=("$t")
    (( m > rss )) && rss=$m
  done
  local median
  median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (runs + 1) / 2 ))p")
  echo "$name $median $rss"
}

results=$(
  measure paradiff "$work/paradiff" -f json --metrics none "$a" "$b"
  measure paradiff+metrics "$work/paradiff" -f json "$a" "$b"
  measure git git diff --no-index --word-diff=porcelain "$a" "$b"
  measure wdiff wdiff "$a" "$b"
  measure dwdiff dwdiff "$a" "$b"
)
echo "$results" | awk -v size="$size" '
  { name[NR] = $1; t[NR] = $2; rss[NR] = $3 }
  END {
    printf "input: %.2f MB (both files)\n\n", size / 1e6
    printf "%-17s %8s %9s %12s %22s\n", "tool", "seconds", "peak MB", "paradiff / tool", "paradiff+metrics / tool"
    for (i = 1; i <= NR; i++) {
      printf "%-17s %8.2f %9.1f %12.2f %22.2f\n", name[i], t[i], rss[i] / 1024, (t[i] > 0) ? t[1] / t[i] : 0, (t[i] > 0) ? t[2] / t[i] : 0
    }
    printf "\npeak memory / input size: paradiff %.1f, paradiff+metrics %.1f\n", rss[1] * 1024 / size, rss[2] * 1024 / size
  }'

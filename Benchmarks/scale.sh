#!/usr/bin/env bash
# How time and memory grow with the synthetic city: one process per size (so peak memory is
# that size's alone), rows written into docs/performance.md between the scale markers.
#
#   Benchmarks/scale.sh            # 10k, 100k, 1M
#   Benchmarks/scale.sh 10000      # chosen sizes
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
sizes=("$@")
[ ${#sizes[@]} -gt 0 ] || sizes=(10000 100000 1000000)

QADAM_BENCHMARKS=1 swift build -c release --scratch-path "$root/.build-bench" --product qadam-bench-export >&2
table=$(mktemp)
{
    echo "| vertices | arcs | compile s | snap index s | snap µs | one-to-all ms | facility index s | nearest µs | cache load ms | peak RSS MB |"
    echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    for n in "${sizes[@]}"; do "$root/.build-bench/release/qadam-bench-export" scale --nodes "$n"; done
} > "$table"
cat "$table"
doc="$root/docs/performance.md"
python3 - "$doc" "$table" <<'PY'
import sys
doc, table = sys.argv[1], open(sys.argv[2]).read().rstrip("\n")
text = open(doc).read()
begin, end = "<!-- scale:begin -->", "<!-- scale:end -->"
head, rest = text.split(begin, 1)
_, tail = rest.split(end, 1)
open(doc, "w").write(f"{head}{begin}\n{table}\n{end}{tail}")
PY
rm -f "$table"

#!/usr/bin/env bash
# Compares Qadam with the tools planners use today (pandana, networkx, PySAL access) on one
# synthetic city: exports the city with Qadam's answers and timings, runs the peers on the
# same graph, checks the answers agree and prints time ratios.
#
#   Benchmarks/compare/run.sh                 # 10k-node city, a few minutes
#   Benchmarks/compare/run.sh --nodes 100000  # the full comparison (pandana needs ~7 min)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
nodes=10000
while [ $# -gt 0 ]; do
    case "$1" in
        --nodes) nodes=$2; shift 2 ;;
        *) echo "usage: $0 [--nodes N]" >&2; exit 2 ;;
    esac
done

venv="$root/.venv-compare"
[ -x "$venv/bin/python" ] || python3 -m venv "$venv"
# One requirement at a time: a peer that cannot be installed is reported and skipped later.
grep -v '^#' "$here/requirements.txt" | while read -r requirement; do
    [ -n "$requirement" ] || continue
    "$venv/bin/pip" install -q "$requirement" || echo "warning: could not install $requirement" >&2
done

QADAM_BENCHMARKS=1 swift build -c release --scratch-path "$root/.build-bench" --product qadam-bench-export
out="$root/.build-bench/compare-$nodes"
rm -rf "$out"
"$root/.build-bench/release/qadam-bench-export" compare --nodes "$nodes" --out "$out"
"$venv/bin/python" "$here/compare.py" "$out"

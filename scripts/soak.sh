#!/usr/bin/env bash
# Soaks a release qadamd on the default dataset (out/default.sqlite, built by
# scripts/build-default-dataset.sh): 8 clients of mixed load (nearest, route, isochrone,
# coverage, bad lines) for MINUTES, a reload every 30 s, one broken dataset swapped in once.
# Passes when no well-formed request failed, the reloads did what was expected and resident
# memory at the end is within 10 % of its level after the first minute (scripts/soak.py).
#
# Usage: scripts/soak.sh [MINUTES] [release|debug]   (default 10, release); figures in out/soak.json
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
minutes="${1:-10}"
configuration="${2:-release}"
swift build -c "$configuration" --product qadam >&2
swift build -c "$configuration" --product qadamd >&2
bin="$(swift build -c "$configuration" --show-bin-path)"
[ -f out/default.sqlite ] || scripts/build-default-dataset.sh "$bin/qadam" out/default.sqlite
# The soak reloads and once breaks its dataset: it works on a copy.
cp out/default.sqlite out/soak.sqlite
rm -f out/soak.sqlite.graph
socket="$PWD/out/soak.sock"
"$bin/qadamd" --dataset out/soak.sqlite --socket "$socket" --norms geodata/norms/default.json \
  --log-level warning 2> out/soak-qadamd.log &
daemon=$!
trap 'kill -TERM $daemon 2>/dev/null; wait $daemon 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  "$bin/qadam" ping --socket "$socket" >/dev/null 2>&1 && break
  sleep 0.1
done
status=0
python3 scripts/soak.py "$socket" out/soak.sqlite "$daemon" --minutes "$minutes" > out/soak.json || status=$?
cat out/soak.json
exit $status

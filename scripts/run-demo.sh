#!/usr/bin/env bash
# The main job on the default data: set up (Debian packages, release build, default dataset),
# start qadamd on a Unix socket, ask it real questions with the qadam CLI, print the answers,
# write a report, and stop the daemon. Everything it writes goes under out/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/install-deps.sh

echo "== building (release)" >&2
swift build -c release --product qadam >&2
swift build -c release --product qadamd >&2
bin="$(swift build -c release --show-bin-path)"
qadam="$bin/qadam"

mkdir -p out
scripts/build-default-dataset.sh "$qadam" out/default.sqlite

ask() { echo; echo "\$ qadam $*"; "$qadam" "$@"; }

ask info --dataset out/default.sqlite

socket="$PWD/out/qadamd.sock"
echo; echo "== starting qadamd on $socket" >&2
"$bin/qadamd" --dataset out/default.sqlite --socket "$socket" --norms geodata/norms/default.json \
  2> out/qadamd.log &
daemon=$!
trap 'kill -TERM $daemon 2>/dev/null; wait $daemon 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  "$qadam" ping --socket "$socket" >/dev/null 2>&1 && break
  kill -0 $daemon 2>/dev/null || { cat out/qadamd.log >&2; exit 1; }
  sleep 0.1
done

export QADAM_SOCKET="$socket"
ask ping
ask info
# Almaty airport, the Medeu skating rink, Astana's Baiterek, a village near Aktau.
ask locate --at 77.0405,43.3521
ask locate --at 77.0575,43.1575
ask locate --at 71.4304,51.1282 --format json
ask locate --at 51.26,43.70
ask stats

# Batch audit and reports. Almaty (KZ75) and its city districts come from ../shared/geodata;
# without it (GeoNames settlements, no districts) the audit covers every settlement and the
# reports say there are no district shapes instead of drawing a map.
almaty=()
[ -f "${QADAM_SHARED_GEODATA:-../shared/geodata}/SOURCES.md" ] && almaty=(--area KZ75)
ask audit --layer settlements "${almaty[@]}" --output out/audit-almaty-settlements.csv
ask report "${almaty[@]}" --output out/report-almaty.html
ask report --output out/report-kz.html
echo "== audit: out/audit-almaty-settlements.csv; reports: out/report-almaty.html, out/report-kz.html" >&2

echo; echo "== stopping qadamd" >&2
kill -TERM $daemon; wait $daemon || true
trap - EXIT
echo "== done; dataset out/default.sqlite, daemon log out/qadamd.log" >&2

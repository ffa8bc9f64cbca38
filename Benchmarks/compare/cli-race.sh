#!/usr/bin/env bash
# The CLI race: nearest school on foot for every node of a 40,000-node street grid, as a user
# runs each tool end to end, in one run. Qadam: `qadam import` the street lines and the schools
# into a fresh dataset, then `qadam audit` every node (in-process, CSV out). pandana: read the
# same files, build its network, set the schools, query every node (cli_race_pandana.py). The
# answers are checked equal (relative 1e-4: Qadam stores segment lengths as 32-bit floats,
# pandana truncates each to a millimetre) before the ratio is printed.
#
#   Benchmarks/compare/cli-race.sh [SIDE] [SCHOOLS]     (default 200 x 200 nodes, 200 schools)
#   QADAM=...   use this qadam binary instead of building it (release)
#   PYTHON=...  a Python with pandana, numpy and pandas (requirements.txt)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
side=${1:-200}
schools=${2:-200}
python=${PYTHON:-python3}

"$python" -c "import pandana" 2>/dev/null || { echo "cli-race: $python has no pandana (pip install -r $here/requirements.txt)" >&2; exit 2; }
if [ -z "${QADAM:-}" ]; then
    (cd "$root" && swift build -c release --product qadam)
    QADAM=$root/.build/release/qadam
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$python" "$here/grid_city.py" "$work/grid" --side "$side" --schools "$schools"

# Wall seconds of one command (bash's EPOCHREALTIME; the stdout of the command is dropped).
seconds() { local t0=$EPOCHREALTIME; "$@" >/dev/null; python3 -c "print($EPOCHREALTIME - $t0)"; }
import_streets=$(seconds "$QADAM" import "$work/grid/streets.geojson" --layer network --dataset "$work/grid.sqlite")
import_schools=$(seconds "$QADAM" import "$work/grid/schools.csv" --layer facilities --dataset "$work/grid.sqlite")
audit=$(seconds "$QADAM" audit --dataset "$work/grid.sqlite" --norms "$root/geodata/norms/default.json" \
    --origins "$work/grid/nodes.csv" --kind school --output "$work/audit.csv")
pandana_line=$("$python" "$here/cli_race_pandana.py" "$work/grid" "$work/audit.csv")

python3 - "$import_streets" "$import_schools" "$audit" "$pandana_line" <<'PY'
import re, sys
streets, schools, audit = map(float, sys.argv[1:4])
p = dict(re.findall(r"(\w+)=(\S+)", sys.argv[4]))
qadam = streets + schools + audit
pandana = float(p["pandana_s"])
print(f"qadam:   import streets {streets:.2f} s + import schools {schools:.2f} s + audit {audit:.2f} s = {qadam:.2f} s")
print(f"pandana: {pandana:.2f} s (read, build network, set POIs, nearest_pois)")
print(f"answers equal: {p['agree']} (worst relative difference {p['worst_rel']}, {p['rows']} nodes)")
print(f"pandana / qadam time: {pandana / qadam:.1f}x")
sys.exit(0 if p["agree"] == "yes" else 1)
PY

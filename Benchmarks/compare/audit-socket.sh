#!/usr/bin/env bash
# The batch path over the socket: `qadam audit --socket` of every node of a 40,000-node street
# grid (nearest school on foot) against a running qadamd, as a user runs it, several times.
# Prints each run's wall time, rows/s and the CPU seconds of each process (the CLI's from
# /usr/bin/time, the daemon's from /proc), then the median; checks that the socket's CSV is
# byte for byte the in-process audit's.
#
#   Benchmarks/compare/audit-socket.sh [RUNS] [SIDE] [SCHOOLS] [AUDIT OPTIONS...]
#       default 7 runs of a 200 x 200 grid with 200 schools; options go to each `qadam audit`
#   QADAM=... QADAMD=...  use these binaries instead of building them (release)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
runs=${1:-7}
side=${2:-200}
schools=${3:-200}
norms=$root/geodata/norms/default.json

[ -x /usr/bin/time ] || { echo "audit-socket: /usr/bin/time not installed (apt-get install time)" >&2; exit 2; }
if [ -z "${QADAM:-}" ] || [ -z "${QADAMD:-}" ]; then
    (cd "$root" && swift build -c release --product qadam && swift build -c release --product qadamd)
    QADAM=${QADAM:-$root/.build/release/qadam}
    QADAMD=${QADAMD:-$root/.build/release/qadamd}
fi

work=$(mktemp -d)
cleanup() { kill "${daemon:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT
python3 "$here/grid_city.py" "$work/grid" --side "$side" --schools "$schools"
"$QADAM" import "$work/grid/streets.geojson" --layer network --dataset "$work/grid.sqlite" >/dev/null
"$QADAM" import "$work/grid/schools.csv" --layer facilities --dataset "$work/grid.sqlite" >/dev/null
"$QADAM" audit --dataset "$work/grid.sqlite" --norms "$norms" --origins "$work/grid/nodes.csv" --kind school \
    --output "$work/in-process.csv" 2>/dev/null

socket=$work/qadamd.sock
"$QADAMD" --dataset "$work/grid.sqlite" --norms "$norms" --socket "$socket" --log-level warning 2>/dev/null &
daemon=$!
for _ in $(seq 100); do "$QADAM" ping --socket "$socket" >/dev/null 2>&1 && break; sleep 0.2; done
audit=("$QADAM" audit --socket "$socket" --origins "$work/grid/nodes.csv" --kind school --output "$work/socket.csv" "${@:4}")
"${audit[@]}" 2>/dev/null  # warm: the daemon builds its facility index on the first nearest query
cmp -s "$work/in-process.csv" "$work/socket.csv" || { echo "audit-socket: the socket's CSV differs from the in-process one" >&2; exit 1; }

rows=$(($(wc -l < "$work/grid/nodes.csv") - 1))
cpu_ticks() { awk '{print $14 + $15}' "/proc/$daemon/stat"; }
for run in $(seq "$runs"); do
    before=$(cpu_ticks)
    /usr/bin/time -f "%e %U %S" -o "$work/time" "${audit[@]}" 2>/dev/null
    after=$(cpu_ticks)
    echo "$(cat "$work/time") $((after - before))"
done | python3 -c '
import os, statistics, sys
rows, ticks = int(sys.argv[1]), os.sysconf("SC_CLK_TCK")
walls = []
for line in sys.stdin:
    wall, user, system, daemon = map(float, line.split())
    walls.append(wall)
    print(f"wall {wall:.2f} s = {rows / wall:>9,.0f} rows/s   qadam cpu {user + system:.2f} s   qadamd cpu {daemon / ticks:.2f} s")
median = statistics.median(walls)
print(f"median of {len(walls)}: {median:.2f} s = {rows / median:,.0f} rows/s ({rows} rows, socket CSV equal to the in-process one)")
' "$rows"

#!/usr/bin/env bash
# The socket race: qadamd `nearest` against Redis GEOSEARCH (the fastest spatial daemon a user
# could pick instead), same schools, same point, same number of closed-loop clients, each on a
# Unix socket, in one run. Redis answers by straight line from a precomputed geo set; Qadam by
# walking distance on the street network from its precomputed facility index.
#
# Both daemons are driven by the same clients: ../shared/tools/uload.c (the lean judge: one
# blocking thread per connection, compiled here with gcc; Redis sent GEOSEARCH inline) and
# qadam-socket-load (one thread polling all the connections, as redis-benchmark does; it speaks
# RESP with --redis), so the two sides of each ratio pay the same client costs on this machine's
# shared cores. redis-benchmark against Redis is printed beside them as Redis's own figure.
#
#   Benchmarks/compare/socket-race.sh [DATASET] [CLIENTS] [SECONDS]
#       DATASET  default out/default.sqlite (made by scripts/run-demo.sh)
#   QADAMD=... LOAD=...  use these binaries instead of building them (release qadamd,
#                        qadam-socket-load from QADAM_BENCHMARKS=1)
#   KIND=school LON=76.9 LAT=43.25   the facility kind and the point asked from
#   QADAMD_ARGS="--event-loops 1"    extra daemon flags
#   ULOAD_SRC=path/uload.c           default ../shared/tools/uload.c (skipped when absent)
# Needs redis-server and redis-benchmark (Debian: redis-server), sqlite3 with mod_spatialite
# (scripts/apt-packages-test.txt and apt-packages.txt) and gcc for uload.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
dataset=$(realpath "${1:-$root/out/default.sqlite}")
clients=${2:-8}
seconds=${3:-10}
kind=${KIND:-school}
lon=${LON:-76.9} lat=${LAT:-43.25}

for tool in redis-server redis-benchmark redis-cli sqlite3; do
    command -v $tool >/dev/null || { echo "socket-race: $tool not installed (apt-get install redis-server sqlite3)" >&2; exit 2; }
done
if [ -z "${QADAMD:-}" ]; then
    (cd "$root" && swift build -c release --product qadamd)
    QADAMD=$root/.build/release/qadamd
fi
if [ -z "${LOAD:-}" ]; then
    (cd "$root" && QADAM_BENCHMARKS=1 swift build -c release --scratch-path .build-bench --product qadam-socket-load)
    LOAD=$root/.build-bench/release/qadam-socket-load
fi

work=$(mktemp -d)
cleanup() { kill "${redis_pid:-}" "${qadamd_pid:-}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"; }
trap cleanup EXIT

# The same facilities in Redis: GEOADD from the dataset's own coordinates.
sqlite3 -batch "$dataset" "SELECT load_extension('mod_spatialite');" \
    "SELECT 'GEOADD facilities ' || printf('%.7f %.7f', ST_X(geom), ST_Y(geom)) || ' \"' || id || '\"' FROM facilities WHERE kind = '$kind';" \
    | grep '^GEOADD' > "$work/geoadd.txt"
count=$(wc -l < "$work/geoadd.txt")
redis-server --port 0 --unixsocket "$work/redis.sock" --save '' --appendonly no --loglevel warning &
redis_pid=$!
"$QADAMD" --dataset "$dataset" --norms "$root/geodata/norms/default.json" --socket "$work/qadamd.sock" --log-level warning ${QADAMD_ARGS:-} &
qadamd_pid=$!
for _ in $(seq 150); do
    [ -S "$work/redis.sock" ] && [ -S "$work/qadamd.sock" ] && "$LOAD" "$work/qadamd.sock" 1 0.2 ping >/dev/null 2>&1 && break
    sleep 0.2
done
redis-cli -s "$work/redis.sock" < "$work/geoadd.txt" > /dev/null
# Warm both (Qadam builds its facility index on the first nearest).
redis-cli -s "$work/redis.sock" GEOSEARCH facilities FROMLONLAT $lon $lat BYRADIUS 100 km ASC COUNT 1 > /dev/null
"$LOAD" "$work/qadamd.sock" 1 1 nearest "{\"kind\":\"$kind\",\"from\":[$lon,$lat]}" > /dev/null

echo "$count ${kind}s; $clients closed-loop clients; from [$lon, $lat]"
geosearch=(GEOSEARCH facilities FROMLONLAT $lon $lat BYRADIUS 100 km ASC COUNT 1)
benchmark_line=$(redis-benchmark -s "$work/redis.sock" -c "$clients" -n $((clients * 20000)) --csv "${geosearch[@]}" | tail -1)
redis_line=$("$LOAD" --redis "$work/redis.sock" "$clients" "$seconds" "${geosearch[@]}" | tail -1)
qadam_line=$("$LOAD" "$work/qadamd.sock" "$clients" "$seconds" nearest "{\"kind\":\"$kind\",\"from\":[$lon,$lat]}" | tail -1)
uload_src=${ULOAD_SRC:-$root/../shared/tools/uload.c}
uload_redis="" uload_qadam=""
if [ -f "$uload_src" ] && gcc -O2 -pthread -o "$work/uload" "$uload_src"; then
    uload_redis=$("$work/uload" "$work/redis.sock" "$clients" "$seconds" "${geosearch[*]}" 3 | tail -1)
    uload_qadam=$("$work/uload" "$work/qadamd.sock" "$clients" "$seconds" \
        "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"nearest\",\"params\":{\"kind\":\"$kind\",\"from\":[$lon,$lat]}}" | tail -1)
else
    echo "(uload not run: $uload_src missing or gcc failed)"
fi
python3 - "$benchmark_line" "$redis_line" "$qadam_line" "$uload_redis" "$uload_qadam" <<'PY'
import csv, re, sys
bench = next(csv.reader([sys.argv[1]]))  # test, rps, avg, min, p50, p95, p99, max (ms)
redis, qadam = (dict(re.findall(r"([\w/]+)=([\d.]+)", line)) for line in sys.argv[2:4])
rows = [("redis GEOSEARCH, redis-benchmark", float(bench[1]), float(bench[4]) * 1000, float(bench[6]) * 1000),
        ("redis GEOSEARCH, qadam-socket-load", float(redis["req/s"]), float(redis["p50"]), float(redis["p99"])),
        ("qadamd nearest (walking), qadam-socket-load", float(qadam["req/s"]), float(qadam["p50"]), float(qadam["p99"]))]
if sys.argv[4] and sys.argv[5]:
    ur, uq = (dict(re.findall(r"(\w+)=([\d.]+)", line)) for line in sys.argv[4:6])
    for name, u in (("redis GEOSEARCH, uload", ur), ("qadamd nearest (walking), uload", uq)):
        if float(u["errors"]) > 0:
            sys.exit(f"{name}: {u['errors']} error replies")
        rows.append((name, float(u["rps"]), float(u["p50_us"]), float(u["p99_us"])))
for name, rps, p50, p99 in rows:
    print(f"{name:45} {rps:10,.0f} req/s  p50 {p50:7.0f} us  p99 {p99:7.0f} us")
print(f"qadam / redis throughput, qadam-socket-load: {rows[2][1] / rows[1][1]:.2f}x; p99 {rows[2][3] / rows[1][3]:.1f}x redis's")
if len(rows) == 5:
    print(f"qadam / redis throughput, uload:             {rows[4][1] / rows[3][1]:.2f}x; p99 {rows[4][3] / rows[3][3]:.1f}x redis's")
print(f"qadam / redis-benchmark's figure:            {rows[2][1] / rows[0][1]:.2f}x")
PY

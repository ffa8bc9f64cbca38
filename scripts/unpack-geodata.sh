#!/usr/bin/env bash
# Decompresses the third-party data shipped in geodata/ (listed in geodata/SHA256SUMS) into DIR,
# keeping the relative layout and dropping the .xz suffix, and checks each file against the
# SHA-256 of its decompressed content recorded in geodata/SHA256SUMS. Prints each written path.
# Any missing file, xz error or hash mismatch stops the script with a message and exit status 1;
# a file that fails the check is not left in DIR.
#
# Usage: scripts/unpack-geodata.sh DIR
# Needs only bash, xz-utils and coreutils.
set -euo pipefail

die() { echo "unpack-geodata: ERROR: $*" >&2; exit 1; }

[ $# -eq 1 ] && [ -n "$1" ] || { echo "usage: $0 DIR" >&2; exit 2; }
command -v xz >/dev/null || die "xz not found (install the Debian package xz-utils)"
command -v sha256sum >/dev/null || die "sha256sum not found (coreutils)"

geodata="$(cd "$(dirname "${BASH_SOURCE[0]}")/../geodata" && pwd)"
sums="$geodata/SHA256SUMS"
[ -f "$sums" ] || die "$sums is missing"
out="$1"
mkdir -p "$out"

tmp=""
trap '[ -n "$tmp" ] && rm -f "$tmp"' EXIT

count=0
while IFS= read -r line || [ -n "$line" ]; do
  case "$line" in ''|'#'*) continue ;; esac
  want="${line%%  *}"
  rel="${line#*  }"
  [[ "$want" =~ ^[0-9a-f]{64}$ ]] && [ -n "$rel" ] && [ "$rel" != "$line" ] ||
    die "malformed line in $sums: $line"
  case "$rel" in /*|*..*) die "unsafe path in $sums: $rel" ;; esac
  src="$geodata/$rel"
  [ -f "$src" ] || die "$src is listed in SHA256SUMS but missing"
  dest="$out/${rel%.xz}"
  mkdir -p "$(dirname "$dest")"
  tmp="$dest.unpacking.$$"
  if [[ "$rel" == *.xz ]]; then
    xz -dc -- "$src" > "$tmp" || die "xz could not decompress $src"
  else
    cp -- "$src" "$tmp"
  fi
  got="$(sha256sum < "$tmp" | cut -d' ' -f1)"
  if [ "$got" != "$want" ]; then
    rm -f "$tmp"
    die "SHA-256 MISMATCH for $rel: expected $want, got $got (decompressed content)"
  fi
  mv -f -- "$tmp" "$dest"
  tmp=""
  echo "$dest"
  count=$((count + 1))
done < "$sums"

[ "$count" -gt 0 ] || die "no files listed in $sums"

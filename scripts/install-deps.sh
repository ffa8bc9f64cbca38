#!/usr/bin/env bash
# Installs the Debian packages listed in scripts/apt-packages.txt (building and running Qadam)
# when any is missing; with --tests also those in scripts/apt-packages-test.txt (the test
# command's servers and checkers, which the demo never uses). As root it runs apt-get itself;
# otherwise it uses `sudo -n` if that works, and else prints the exact command for an
# administrator and stops.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
lists=("$here/apt-packages.txt")
[ "${1:-}" = "--tests" ] && lists+=("$here/apt-packages-test.txt")
mapfile -t wanted < <(cat "${lists[@]}" | grep -v -E '^\s*(#|$)')

missing=()
for p in "${wanted[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

cmd="apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}"
if [ "$(id -u)" -eq 0 ]; then
  echo "qadam setup: installing ${missing[*]}" >&2
  bash -c "$cmd" >&2
elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
  echo "qadam setup: installing ${missing[*]} with sudo" >&2
  sudo -n bash -c "$cmd" >&2
else
  echo "qadam setup: these Debian packages are missing: ${missing[*]}" >&2
  echo "Ask an administrator to run:" >&2
  echo "  sudo bash -c '$cmd'" >&2
  exit 1
fi

#!/bin/sh
# Checks systemd/qadamd.service and qadamd.socket with `systemd-analyze verify`, when that
# tool exists (it does on Debian with the systemd package). The units name /usr/bin/qadamd
# and the qadam user, so the check runs on copies pointing at stand-ins that exist here.
set -eu
cd "$(dirname "$0")/.."
if ! command -v systemd-analyze >/dev/null 2>&1; then
    echo "verify-units: systemd-analyze not installed; skipped"
    exit 0
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
sed -e "s|/usr/bin/qadamd|$(command -v true)|" -e 's|^User=qadam|User=root|' -e 's|^Group=qadam|Group=root|' \
    systemd/qadamd.service > "$work/qadamd.service"
sed -e 's|^SocketUser=qadam|SocketUser=root|' -e 's|^SocketGroup=qadam|SocketGroup=root|' \
    systemd/qadamd.socket > "$work/qadamd.socket"
out=$(SYSTEMD_LOG_LEVEL=warning systemd-analyze verify --man=no "$work/qadamd.socket" "$work/qadamd.service" 2>&1) || {
    echo "$out"; exit 1; }
# verify exits 0 on some warnings; treat any line about our units as a failure.
if echo "$out" | grep -q "qadamd"; then echo "$out"; exit 1; fi
echo "verify-units: qadamd.service and qadamd.socket OK"

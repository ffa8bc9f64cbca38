#!/usr/bin/env bash
# Writes real reports with `qadam report` on the default dataset (the whole country and Almaty
# shaded by school coverage, in ru, kk and en), renders them in headless Chromium and fails on
# any console message at warning level or above (the reports carry no scripts, so any message
# means broken markup, a blocked resource or similar). Also saves a screenshot of each for a
# look by eye.
#
# Needs chromium (apt-get install -y chromium). Uses .build/debug/qadam (built if missing, or
# $QADAM) and out/default.sqlite (built with scripts/build-default-dataset.sh if missing, or
# $QADAM_DATASET).
# Usage: scripts/check-report-render.sh [OUT_DIR [REPORT.html ...]]
# Reports given after OUT_DIR (e.g. out/report-kz.html from the demo) are checked too.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-.build/report-samples}"
mkdir -p "$out"
out="$(cd "$out" && pwd)"
shift || true
for extra in "$@"; do cp "$extra" "$out/"; done

browser="$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)"
if [ -z "$browser" ]; then
    echo "check-report-render: chromium not found (apt-get install -y chromium)" >&2
    exit 2
fi

qadam="${QADAM:-.build/debug/qadam}"
[ -x "$qadam" ] || swift build --product qadam >&2
dataset="${QADAM_DATASET:-out/default.sqlite}"
[ -f "$dataset" ] || scripts/build-default-dataset.sh "$qadam" "$dataset" >&2
for lang in ru kk en; do
    "$qadam" report --dataset "$dataset" --lang "$lang" --output "$out/report-kz-$lang.html"
    "$qadam" report --dataset "$dataset" --area KZ75 --shade coverage --kind school --lang "$lang" \
        --output "$out/report-almaty-$lang.html"
done

status=0
for html in "$out"/*.html; do
    log="${html%.html}.console.log"
    # --enable-logging=stderr --v=0 prints page console messages as "CONSOLE(...)" lines.
    "$browser" --headless=new --no-sandbox --disable-gpu --hide-scrollbars \
        --window-size=1200,1600 --enable-logging=stderr --v=0 \
        --screenshot="${html%.html}.png" "file://$html" >"$log" 2>&1 || true
    if grep -E "CONSOLE|Uncaught|Failed to load|ERR_" "$log" | grep -v "^\s*$" >/dev/null; then
        echo "FAIL $html:" >&2
        grep -E "CONSOLE|Uncaught|Failed to load|ERR_" "$log" >&2
        status=1
    elif [ ! -s "${html%.html}.png" ]; then
        echo "FAIL $html: no screenshot was produced (see $log)" >&2
        status=1
    else
        echo "ok   $html ($(wc -c <"$html") bytes, screenshot ${html%.html}.png)"
    fi
done
exit $status

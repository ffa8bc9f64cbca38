#!/usr/bin/env bash
# Renders sample HTML reports in headless Chromium and fails on any console message at
# warning level or above (the reports carry no scripts, so any message means broken markup,
# a blocked resource or similar). Also saves a screenshot of each for a look by eye.
#
# Needs chromium (apt-get install -y chromium).
# Usage: scripts/check-report-render.sh [OUT_DIR [REPORT.html ...]]
# Reports given after OUT_DIR (e.g. out/report-kz.html from `qadam report`) are checked too.
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

QADAM_REPORT_SAMPLE_DIR="$out" swift test --filter ReportSampleExport >/dev/null

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

#!/bin/sh
# Writes the man pages qadam(1) and qadamd(1) from the commands' own help text, with
# swift-argument-parser's generate-manual plugin (works offline: the plugin comes with the
# package's dependencies). Usage:
#   scripts/generate-manpage.sh [OUTDIR]       (default: out/man; CONFIGURATION=release to build optimised)
# Then: man -l out/man/qadam.1
set -eu
cd "$(dirname "$0")/.."
outdir=${1:-out/man}
configuration=${CONFIGURATION:-debug}
swift package plugin generate-manual --configuration "$configuration"
mkdir -p "$outdir"
for tool in qadam qadamd; do
    cp ".build/plugins/GenerateManual/outputs/$tool/$tool.1" "$outdir/$tool.1"
done
echo "wrote $outdir/qadam.1 and $outdir/qadamd.1"

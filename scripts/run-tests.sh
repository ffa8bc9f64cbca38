#!/usr/bin/env bash
# Sets up (system packages, build) and runs the whole test suite.
# Tests that need ../shared/geodata run when it is present and report themselves skipped
# otherwise; with CI=true a missing folder fails them. The PostGIS tests start their own
# PostgreSQL (scripts/start-test-postgres.sh), installed with the other packages. Last, the
# install step is tested (scripts/test-install.sh).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
scripts/install-deps.sh --tests
# Package.swift declares each target's imports and nothing else (both checks fail the run).
scripts/check-imports.py
swift build --build-tests --explicit-target-dependency-import-check error
swift test --skip-build "$@"
# scripts/install.sh into a temporary DESTDIR, checked file by file.
scripts/test-install.sh

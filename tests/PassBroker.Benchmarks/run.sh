#!/usr/bin/env bash
# The one command for docs/performance.md's measured figures: installs wrk and nginx from Debian when missing, then
# runs the whole report (about 10 minutes) and writes docs/performance-report.md. Arguments go to the report command,
# e.g. --rounds 5 --duration 20 --signins 1000. Run from anywhere; needs root for apt-get only when a tool is missing.
set -euo pipefail
cd "$(dirname "$0")/../.."
if ! command -v wrk >/dev/null || ! command -v nginx >/dev/null; then
  apt-get install -y wrk nginx || { apt-get update && apt-get install -y wrk nginx; }
fi
[ -d node_modules ] || npm ci
exec dotnet run -c Release --project tests/PassBroker.Benchmarks -- report "$@"

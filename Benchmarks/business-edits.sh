#!/usr/bin/env bash
# Business edit cost on synthetic claims, as a ratio to parsing the same claims in the same run.
# Usage: Benchmarks/business-edits.sh [claims]   (default 100000)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build -c release --product claimsgate >/dev/null
.build/release/claimsgate bench-edits --claims "${1:-100000}"

#!/usr/bin/env bash
# The benchmark: builds the release, then measures it in headless Chromium and prints a
# table (also written to bench-results/latest.md, with the raw runs as JSON beside it).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
scripts/setup.sh --test
scripts/build.sh
node tests/bench/bench.mjs

#!/usr/bin/env bash
# The benchmark: builds the release, then measures it in headless Chromium and prints a
# table (also written to bench-results/latest*.md, with the raw runs as JSON beside it).
#   BENCH_RUNS=7          runs per measure (medians are reported)
#   BENCH_THROTTLE=4      Chromium's 4x CPU throttling, a mid-range phone
#   BENCH_NOTEBOOK=wordy  notes and feedback written as paragraphs, as real notebooks are
#   BENCH_LIGHTHOUSE=5    adds five Lighthouse mobile runs (installs tools/bench once)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
scripts/setup.sh --test
if [ "${BENCH_LIGHTHOUSE:-0}" != 0 ] && ! cmp -s tools/bench/package-lock.json tools/bench/node_modules/.installed-lock.json; then
  npm ci --prefix tools/bench --no-audit --no-fund --loglevel=error
  cp tools/bench/package-lock.json tools/bench/node_modules/.installed-lock.json
fi
scripts/build.sh
node tests/bench/bench.mjs

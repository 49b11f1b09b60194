#!/usr/bin/env bash
# The whole test suite: formatting and lints, native unit tests, then the release build
# driven in real browsers (Chromium; the main flows also in Firefox and WebKit). Installs
# what is missing first. KNOCKBACK_ENGINES=chromium limits the browsers.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
scripts/setup.sh --test

echo "== format and lints (native and wasm)"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --release --target wasm32-unknown-unknown -- -D warnings

echo "== native unit tests"
cargo test

echo "== release builds (at the root and under /knockback/)"
DIST=dist scripts/build.sh
DIST=target/dist-subpath KNOCKBACK_PUBLIC_URL=/knockback/ scripts/build.sh

echo "== size budget (the first visit, compressed; tests/size-budget.json)"
node --test tests/size.test.mjs

echo "== end-to-end tests (engines: ${KNOCKBACK_ENGINES:-chromium,firefox,webkit})"
node --test --test-concurrency=1 tests/e2e/

#!/usr/bin/env bash
# Installs what Knockback needs on a fresh Debian machine, skipping what is present.
#   scripts/setup.sh          build tools: wasm32 target, trunk, wasm-bindgen, wasm-split-cli,
#                             wasm-opt
#   scripts/setup.sh --test   the same, plus the browsers for the end-to-end tests: Chromium,
#                             Firefox ESR, and WebKitGTK (WebKitWebDriver, MiniBrowser, Xvfb)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"

TRUNK_VERSION=0.21.14
say() { printf '\033[1m[setup]\033[0m %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (a few minutes, once)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

# wasm-bindgen-cli must match the wasm-bindgen crate exactly, and Trunk.toml pins it too.
WBG_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if [ -z "$WBG_VERSION" ]; then echo "could not read the wasm-bindgen version from Cargo.lock" >&2; exit 1; fi
if ! grep -q "^wasm_bindgen = \"$WBG_VERSION\"" Trunk.toml; then
  echo "Trunk.toml pins a different wasm_bindgen than Cargo.lock ($WBG_VERSION): update [tools] in Trunk.toml" >&2
  exit 1
fi
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $WBG_VERSION" ]; then
  say "installing wasm-bindgen-cli $WBG_VERSION (a few minutes, once)"
  # Without --locked: the CLI's own lockfile pins crates this toolchain can't build.
  cargo install wasm-bindgen-cli --version "$WBG_VERSION"
fi

# wasm-split-cli cuts the wasm into the pieces loaded on demand (scripts/split.mjs). Its
# split format must match the wasm_split_helpers crate in Cargo.lock (0.2.x).
WSPLIT_VERSION=0.2.4
if ! command -v wasm-split-cli >/dev/null || ! grep -qx "wasm_split_cli_support v$WSPLIT_VERSION:" <(cargo install --list); then
  say "installing wasm-split-cli $WSPLIT_VERSION (a few minutes, once)"
  cargo install wasm_split_cli_support --version "$WSPLIT_VERSION" --features build-binary --locked
fi

# wasm-opt (binaryen) and the browser-test driver come from npm, local to the repo.
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  say "installing Node.js and npm from Debian"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm
fi
# A copy of the lockfile marks a finished install, so an interrupted one is redone.
if ! cmp -s tools/package-lock.json tools/node_modules/.installed-lock.json; then
  say "installing pinned npm tools (binaryen, playwright-core, puppeteer-core, testing-library)"
  npm ci --prefix tools --no-audit --no-fund --loglevel=error
  cp tools/package-lock.json tools/node_modules/.installed-lock.json
fi
[ "$(wasm-opt --version)" = "wasm-opt version 132 (version_132)" ] || { echo "wrong wasm-opt on PATH: $(command -v wasm-opt)" >&2; exit 1; }

# Trunk builds with `cargo --offline`, so every crate (for both targets) is fetched here.
cargo fetch --locked --quiet

if [ "${1:-}" = "--test" ]; then
  if ! [ -x "$CHROMIUM" ] || ! command -v chromedriver >/dev/null; then
    say "installing Chromium and ChromeDriver from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver
  fi
  # Firefox and WebKit run the cross-engine flows (tests/e2e/engines/). MiniBrowser comes
  # with libwebkit2gtk-4.1-0 (a dependency of webkit2gtk-driver), outside PATH.
  missing=()
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v Xvfb >/dev/null || missing+=(xvfb)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  fi
  # (grep reads all of dpkg's output: with -q, pipefail would see a broken pipe)
  dpkg -L libwebkit2gtk-4.1-0 | grep '/MiniBrowser$' >/dev/null || { echo "MiniBrowser not found in libwebkit2gtk-4.1-0" >&2; exit 1; }
fi
say "tools ready: $(trunk --version), $(wasm-bindgen --version), wasm-split-cli $WSPLIT_VERSION, $(wasm-opt --version | cut -d' ' -f1-3)"

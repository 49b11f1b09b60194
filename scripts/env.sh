# Sourced by the other scripts: puts the project's pinned tools on PATH.
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$ROOT/tools/node_modules/.bin:$HOME/.cargo/bin:$PATH"
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
export CHROMIUM

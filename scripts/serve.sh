#!/usr/bin/env bash
# Installs what is missing, builds the release and serves it on http://127.0.0.1:8080.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
scripts/setup.sh
scripts/build.sh
echo "Knockback is running at http://127.0.0.1:${PORT:-8080}/ (Ctrl+C to stop)"
exec node scripts/static-server.mjs --dir "${DIST:-dist}" --base "${KNOCKBACK_PUBLIC_URL:-/}" --port "${PORT:-8080}"

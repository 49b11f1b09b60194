#!/usr/bin/env bash
# Builds the release into dist/ (or $DIST). KNOCKBACK_PUBLIC_URL=/knockback/ builds for
# hosting under a sub-path.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/env.sh"
cd "$ROOT"
trunk build --release --public-url "${KNOCKBACK_PUBLIC_URL:-/}" --dist "${DIST:-dist}"

#!/usr/bin/env bash
# Runs every test: the set-up (Docker engine, images, Chromium), then unit tests (surefire) and integration tests
# against the real dockerd, git servers, SMTP server and browser (failsafe). This is what CI runs.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
"$ROOT/scripts/setup.sh"
cd "$ROOT"
exec mvn -B -ntp verify "$@"

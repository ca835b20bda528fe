#!/usr/bin/env bash
# Runs every test: the set-up (Docker engine, every trainer image the tests train in, Chromium), then unit tests
# (surefire) and integration tests against the real dockerd, git servers, SMTP server and browser (failsafe).
# This is what CI runs.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
"$ROOT/scripts/setup.sh" --all
cd "$ROOT"
exec mvn -B -ntp verify "$@"

#!/usr/bin/env bash
# The demo (README command 1): set-up (Docker engine, trainer images), build, then `mlops demo`, which creates a
# local model repository holding a deliberately weak scikit-learn model, trains it in containers, rewrites it until
# it reaches 0.90, writes the mail to the outbox and publishes the model to the repository's mlops/models branch.
# Arguments go to `mlops demo`, e.g. scripts/demo.sh --framework pytorch
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
"$ROOT/scripts/setup.sh"
exec "$ROOT/mlops" demo --dir "$ROOT/demo-work" "$@"

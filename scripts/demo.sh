#!/usr/bin/env bash
# The demo (README command 1): set-up (Docker engine), then at the same time the images the demo trains in (the base
# image and its framework's trainer image, when missing) and the command line tool, then `mlops demo`, which creates
# a local model repository holding a deliberately weak model, trains it in containers, rewrites it until it reaches
# 0.90, writes the mail to the outbox and publishes the model to the repository's mlops/models branch.
# Arguments go to `mlops demo`, e.g. scripts/demo.sh --framework pytorch
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
framework=sklearn
previous=
for arg in "$@"; do
  case $arg in --framework=*) framework=${arg#--framework=} ;; esac
  [ "$previous" = --framework ] && framework=$arg
  previous=$arg
done

"$ROOT/scripts/setup.sh" --no-images
# Images and the Maven build overlap: one waits on the network and dpkg, the other on the compiler.
MLOPS_LOG_PREFIX="[images]" "$ROOT/scripts/build-images.sh" "$framework" &
images=$!
trap 'kill "$images" 2>/dev/null || true' EXIT
"$ROOT/mlops" --version >/dev/null
wait "$images" || { echo "[demo] ERROR: the images could not be built (see the lines above)" >&2; exit 1; }
trap - EXIT
echo "[demo] images and tool ready: mlops demo creates the model repository and trains it"
exec "$ROOT/mlops" demo --dir "$ROOT/demo-work" "$@"

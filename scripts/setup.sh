#!/usr/bin/env bash
# Prepares a Debian/Ubuntu machine (as root) for the demo and the tests. Idempotent: it installs only what is
# missing (docker.io, mmdebstrap, chromium, a JDK 17 and Maven; pip, which resolves the Keras image's wheels; the
# Fashion-MNIST files for keras.datasets), starts dockerd when no daemon answers, fills the Keras dataset cache, and
# builds the base image and the trainer images a command needs when they are missing (arguments as for
# build-images.sh: FRAMEWORK... or --all; --no-images skips images). A second run does nothing and takes seconds.
# Usage: scripts/setup.sh [--no-images | --all | FRAMEWORK...]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
# shellcheck source=scripts/progress.sh
. "$ROOT/scripts/progress.sh"
log() { echo "[setup] $*"; }

missing=()
command -v dockerd >/dev/null 2>&1 || docker info >/dev/null 2>&1 || missing+=(docker.io)
command -v mmdebstrap >/dev/null 2>&1 || missing+=(mmdebstrap)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v javac >/dev/null 2>&1 || missing+=(openjdk-17-jdk-headless)
command -v mvn >/dev/null 2>&1 || missing+=(maven)
python3 -m pip --version >/dev/null 2>&1 || missing+=(python3-pip)
[ -d /usr/share/datasets/fashion-mnist ] || missing+=(dataset-fashion-mnist)
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "[setup] ERROR: missing ${missing[*]}; run this script as root (or install them)" >&2; exit 1; }
  log "installing ${missing[*]} (apt-get, about a minute)"
  with_progress "[setup]" "apt-get update" /tmp/mlops-apt.log apt-get update -q || {
    echo "[setup] ERROR: apt-get update failed, see /tmp/mlops-apt.log" >&2; tail -n 15 /tmp/mlops-apt.log >&2; exit 1; }
  with_progress "[setup]" "apt-get install" /tmp/mlops-apt.log \
      env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}" || {
    echo "[setup] ERROR: apt-get install failed, see /tmp/mlops-apt.log" >&2; tail -n 15 /tmp/mlops-apt.log >&2; exit 1; }
else
  log "packages present"
fi

# shellcheck source=scripts/docker-daemon.sh
. "$ROOT/scripts/docker-daemon.sh"
start_dockerd
"$ROOT/scripts/keras-datasets.sh"
if [ "${1:-}" != --no-images ]; then "$ROOT/scripts/build-images.sh" "$@"; fi
log "ready"

#!/usr/bin/env bash
# Builds the trainer images that are missing (sklearn, pytorch), and first the base image debian:bookworm-slim:
# pulled when a registry is reachable, otherwise made locally from Debian packages (debootstrap + docker import).
# Usage: scripts/build-images.sh [--force]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
IMAGES_FILE=$ROOT/engine/src/main/resources/io/jenkins/plugins/mlops/engine/model/trainer-images.properties
BASE=debian:bookworm-slim
MIRROR=${MLOPS_DEBIAN_MIRROR:-http://deb.debian.org/debian}
FORCE=${1:-}
log() { echo "[setup] $*"; }
have_image() { docker image inspect "$1" >/dev/null 2>&1; }

build_base() {
  if have_image "$BASE"; then log "base image $BASE present"; return 0; fi
  log "pulling $BASE (30 s at most)"
  if timeout 30 docker pull -q "$BASE" >/dev/null 2>&1; then log "pulled $BASE"; return 0; fi
  log "no registry answers: building $BASE from Debian packages (debootstrap --variant=minbase bookworm, ~2 min)"
  command -v debootstrap >/dev/null || { echo "[setup] ERROR: debootstrap missing: apt-get install debootstrap" >&2; return 1; }
  local rootfs
  rootfs=$(mktemp -d /tmp/mlops-rootfs.XXXXXX)
  trap 'rm -rf "$rootfs"' RETURN
  debootstrap --variant=minbase bookworm "$rootfs" "$MIRROR" > /tmp/mlops-debootstrap.log 2>&1 || {
    echo "[setup] ERROR: debootstrap failed, see /tmp/mlops-debootstrap.log" >&2; tail -n 10 /tmp/mlops-debootstrap.log >&2; return 1; }
  # What the official slim image also drops: apt caches and package lists.
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  tar -C "$rootfs" -c . | docker import --change 'CMD ["bash"]' - "$BASE" >/dev/null
  log "built $BASE locally"
}

trainer_images() {
  # Keras needs PyPI and Docker Hub; it is built only where those are reachable (see Dockerfiles/keras).
  grep -E '^(sklearn|pytorch)=' "$IMAGES_FILE" | cut -d= -f2 | sort -u
}

build_base
for entry in $(trainer_images); do
  tag=${entry%%|*}; dir=${entry#*|}
  if have_image "$tag" && [ "$FORCE" != "--force" ]; then log "image $tag present"; continue; fi
  log "building $tag from $dir (first time: several minutes, it installs Debian packages)"
  started=$(date +%s)
  docker build -q -t "$tag" "$ROOT/$dir" > /tmp/mlops-build-"${tag//[:\/]/_}".log 2>&1 || {
    echo "[setup] ERROR: docker build of $tag failed, see /tmp/mlops-build-${tag//[:\/]/_}.log" >&2
    tail -n 20 /tmp/mlops-build-"${tag//[:\/]/_}".log >&2; exit 1; }
  log "built $tag in $(( $(date +%s) - started ))s"
done

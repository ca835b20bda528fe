#!/usr/bin/env bash
# Builds the base image debian:bookworm-slim when it is missing (pulled when a registry answers, otherwise made from
# Debian packages: debootstrap + docker import), then the trainer images asked for that are missing. Trainer images
# are otherwise built when first needed (the engine builds a missing image of a known framework before training), so
# the set-up builds only what a command needs. Long work prints a progress line at least every 10 s.
# Build steps use the daemon's default network, the host's where the daemon has no docker0 bridge, or
# MLOPS_BUILD_NETWORK when set.
# Usage: scripts/build-images.sh [--force] [--all | FRAMEWORK...]   e.g. scripts/build-images.sh sklearn
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
IMAGES_FILE=$ROOT/engine/src/main/resources/io/jenkins/plugins/mlops/engine/model/trainer-images.properties
BASE=debian:bookworm-slim
MIRROR=${MLOPS_DEBIAN_MIRROR:-http://deb.debian.org/debian}
PREFIX=${MLOPS_LOG_PREFIX:-[setup]}
# shellcheck source=scripts/progress.sh
. "$ROOT/scripts/progress.sh"
log() { echo "$PREFIX $*"; }
have_image() { docker image inspect "$1" >/dev/null 2>&1; }

FORCE=; ALL=; FRAMEWORKS=()
for arg in "$@"; do
  case $arg in
    --force) FORCE=1 ;;
    --all) ALL=1 ;;
    -*) echo "$PREFIX ERROR: unknown option $arg; usage: build-images.sh [--force] [--all | FRAMEWORK...]" >&2; exit 2 ;;
    *) FRAMEWORKS+=("$arg") ;;
  esac
done

build_base() {
  if have_image "$BASE"; then log "base image $BASE present"; return 0; fi
  log "pulling $BASE (30 s at most)"
  if timeout 30 docker pull -q "$BASE" >/dev/null 2>&1; then log "pulled $BASE"; return 0; fi
  log "no registry answers: building $BASE from Debian packages (debootstrap --variant=minbase bookworm, ~2 min)"
  command -v debootstrap >/dev/null || { echo "$PREFIX ERROR: debootstrap missing: apt-get install debootstrap" >&2; return 1; }
  local rootfs started
  rootfs=$(mktemp -d /tmp/mlops-rootfs.XXXXXX)
  trap 'rm -rf "$rootfs"' RETURN
  started=$(date +%s)
  with_progress "$PREFIX" "debootstrap" /tmp/mlops-debootstrap.log \
      debootstrap --variant=minbase bookworm "$rootfs" "$MIRROR" || {
    echo "$PREFIX ERROR: debootstrap failed, see /tmp/mlops-debootstrap.log" >&2; tail -n 10 /tmp/mlops-debootstrap.log >&2; return 1; }
  # What the official slim image also drops: apt caches and package lists.
  rm -rf "$rootfs"/var/cache/apt/archives/*.deb "$rootfs"/var/lib/apt/lists/*
  log "importing the root filesystem as $BASE"
  tar -C "$rootfs" -c . | docker import --change 'CMD ["bash"]' - "$BASE" >/dev/null
  log "built $BASE locally in $(( $(date +%s) - started ))s"
}

# framework=image|Dockerfile folder, for the frameworks asked (all of them with --all, none without arguments).
trainer_images() {
  if [ -n "$ALL" ]; then
    # Keras needs PyPI and Docker Hub; it is built only where those are reachable (see Dockerfiles/keras).
    grep -E '^(sklearn|pytorch)=' "$IMAGES_FILE" | cut -d= -f2 | sort -u
    return
  fi
  local framework entry
  for framework in ${FRAMEWORKS[@]+"${FRAMEWORKS[@]}"}; do
    entry=$(grep -E "^$framework=" "$IMAGES_FILE" | cut -d= -f2 || true)
    [ -n "$entry" ] || { echo "$PREFIX ERROR: unknown framework '$framework'; known: $(cut -s -d= -f1 "$IMAGES_FILE" | grep -v '^#' | tr '\n' ' ')" >&2; exit 2; }
    echo "$entry"
  done | sort -u
}

build_trainer() {
  local tag=$1 dir=$2 logfile started
  logfile=/tmp/mlops-build-${tag//[:\/]/_}.log
  log "building $tag from $dir once ($(build_minutes "$dir"); it installs Debian packages)"
  started=$(date +%s)
  local network=${MLOPS_BUILD_NETWORK:-}
  until with_progress "$PREFIX" "building $tag" "$logfile" docker build ${network:+--network "$network"} \
      -t "$tag" "$ROOT/$dir"; do
    # A daemon without a docker0 interface (run with --bridge=none) cannot give RUN steps the default network.
    if [ -z "$network" ] && grep -q 'bridge docker0' "$logfile"; then
      log "the daemon has no bridge docker0 for build steps: building $tag with the host's network"
      network=host; continue
    fi
    echo "$PREFIX ERROR: docker build of $tag failed, see $logfile" >&2
    tail -n 20 "$logfile" >&2; exit 1
  done
  log "built $tag in $(( $(date +%s) - started ))s"
}

# The Dockerfile says how long its first build takes ("# Builds in about N minutes ...").
build_minutes() {
  local minutes
  minutes=$(grep -oE '^# Builds in about [0-9]+ minutes?' "$ROOT/$1/Dockerfile" | grep -oE '[0-9]+' || true)
  if [ -n "$minutes" ]; then echo "about $minutes min on 2 cores"; else echo "several minutes"; fi
}

images=$(trainer_images)
build_base
[ -n "$images" ] || log "no trainer image asked for: each is built when first needed (or: build-images.sh --all)"
for entry in $images; do
  tag=${entry%%|*}; dir=${entry#*|}
  if have_image "$tag" && [ -z "$FORCE" ]; then log "image $tag present"; continue; fi
  build_trainer "$tag" "$dir"
done

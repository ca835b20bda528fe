#!/usr/bin/env bash
# Builds the base image debian:bookworm-slim when it is missing (pulled when a registry answers, otherwise made from
# Debian packages: mmdebstrap, else debootstrap, + docker import), then the trainer images asked for that are
# missing. Trainer images are otherwise built when first needed (the engine builds a missing image of a known
# framework before training), so the set-up builds only what a command needs. Long work prints a progress line at least every 10 s.
# Build steps use the daemon's default network, the host's where the daemon has no docker0 bridge, or
# MLOPS_BUILD_NETWORK when set. The Keras image installs Python wheels: the ones its requirements.txt needs are
# resolved on this machine, from PyPI when it answers, otherwise from a local wheelhouse (MLOPS_WHEELHOUSE, default
# /opt/pypi/files when present), into a copy of the build context, so the build needs no network for them.
# Usage: scripts/build-images.sh [--force] [--all | FRAMEWORK...]   e.g. scripts/build-images.sh sklearn
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
IMAGES_FILE=$ROOT/engine/src/main/resources/io/jenkins/plugins/mlops/engine/model/trainer-images.properties
BASE=debian:bookworm-slim
MIRROR=${MLOPS_DEBIAN_MIRROR:-http://deb.debian.org/debian}
DEFAULT_WHEELHOUSE=/opt/pypi/files
PREFIX=${MLOPS_LOG_PREFIX:-[setup]}
# shellcheck source=scripts/progress.sh
. "$ROOT/scripts/progress.sh"
log() { echo "$PREFIX $*"; }
fail() { echo "$PREFIX ERROR: $*" >&2; exit 1; }
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
  local work started tool=debootstrap
  # mmdebstrap fetches through apt, in parallel: several times faster than debootstrap, which fetches and checks
  # one package after the other (over 5 min measured on a loaded 2-core machine).
  ! command -v mmdebstrap >/dev/null || tool=mmdebstrap
  command -v "$tool" >/dev/null || { echo "$PREFIX ERROR: mmdebstrap and debootstrap missing: apt-get install mmdebstrap" >&2; return 1; }
  log "no registry answers: building $BASE from Debian packages ($tool --variant=minbase bookworm)"
  work=$(mktemp -d /tmp/mlops-rootfs.XXXXXX)
  trap 'rm -rf "$work"' RETURN
  started=$(date +%s)
  if [ "$tool" = mmdebstrap ]; then
    # Its default clean-up drops apt caches and package lists, as the official slim image does.
    with_progress "$PREFIX" "mmdebstrap" /tmp/mlops-debootstrap.log \
        mmdebstrap --variant=minbase bookworm "$work/rootfs.tar" "$MIRROR" || {
      echo "$PREFIX ERROR: mmdebstrap failed, see /tmp/mlops-debootstrap.log" >&2; tail -n 10 /tmp/mlops-debootstrap.log >&2; return 1; }
  else
    with_progress "$PREFIX" "debootstrap" /tmp/mlops-debootstrap.log \
        debootstrap --variant=minbase bookworm "$work/rootfs" "$MIRROR" || {
      echo "$PREFIX ERROR: debootstrap failed, see /tmp/mlops-debootstrap.log" >&2; tail -n 10 /tmp/mlops-debootstrap.log >&2; return 1; }
    # What the official slim image also drops: apt caches and package lists.
    rm -rf "$work"/rootfs/var/cache/apt/archives/*.deb "$work"/rootfs/var/lib/apt/lists/*
    tar -C "$work/rootfs" -cf "$work/rootfs.tar" .
  fi
  with_progress "$PREFIX" "importing the root filesystem as $BASE" /tmp/mlops-import.log \
      docker import --change 'CMD ["bash"]' "$work/rootfs.tar" "$BASE" || {
    echo "$PREFIX ERROR: docker import failed, see /tmp/mlops-import.log" >&2; tail -n 5 /tmp/mlops-import.log >&2; return 1; }
  log "built $BASE locally in $(( $(date +%s) - started ))s"
}

# framework=image|Dockerfile folder, for the frameworks asked (all of them with --all, none without arguments).
trainer_images() {
  if [ -n "$ALL" ]; then
    grep -E '^(sklearn|pytorch|keras)=' "$IMAGES_FILE" | cut -d= -f2 | sort -u
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
  local tag=$1 dir=$2 logfile started context=$ROOT/$2 installs="Debian packages"
  logfile=/tmp/mlops-build-${tag//[:\/]/_}.log
  [ ! -f "$context/requirements.txt" ] || installs="Python wheels"
  log "building $tag from $dir once ($(build_minutes "$dir"); it installs $installs)"
  started=$(date +%s)
  if [ -f "$context/requirements.txt" ]; then
    context=$(mktemp -d /tmp/mlops-context.XXXXXX)
    # shellcheck disable=SC2064
    trap "rm -rf '$context'" RETURN EXIT
    cp -r "$ROOT/$dir/." "$context/"
    resolve_wheels "$context"
  fi
  local network=${MLOPS_BUILD_NETWORK:-}
  until with_progress "$PREFIX" "building $tag" "$logfile" docker build --force-rm ${network:+--network "$network"} \
      -t "$tag" "$context"; do
    # A daemon without a docker0 interface (run with --bridge=none) cannot give RUN steps the default network.
    if [ -z "$network" ] && grep -q 'bridge docker0' "$logfile"; then
      log "the daemon has no bridge docker0 for build steps: building $tag with the host's network"
      network=host; continue
    fi
    prune_stages
    echo "$PREFIX ERROR: docker build of $tag failed, see $logfile" >&2
    tail -n 20 "$logfile" >&2; exit 1
  done
  prune_stages
  log "built $tag in $(( $(date +%s) - started ))s, $(docker image inspect -f '{{.Size}}' "$tag" | awk '{printf "%.1f GB", $1/1e9}')"
}

# The legacy builder keeps a multi-stage build's first stage as an untagged image; the Keras one holds the wheels.
# (--force-rm above removes a failed step's container, which would otherwise keep its image from being pruned.)
prune_stages() {
  docker image prune -f --filter label=io.jenkins.plugins.mlops.stage >/dev/null || true
}

pypi_answers() {
  python3 -c "import urllib.request; urllib.request.urlopen('https://pypi.org/simple/keras/', timeout=8)" >/dev/null 2>&1
}

# Puts the wheels of requirements.txt and their dependencies, for the image's Python (CPython 3.11, glibc 2.36),
# into $1/wheels: downloaded from PyPI, or copied from the wheelhouse.
resolve_wheels() {
  local context=$1 wheelhouse=${MLOPS_WHEELHOUSE:-} source arch glibc
  python3 -m pip --version >/dev/null 2>&1 || fail "the Keras image needs pip on this machine to resolve its wheels: apt-get install python3-pip (scripts/setup.sh does)"
  local pip=(python3 -m pip download --disable-pip-version-check --progress-bar off --only-binary=:all:
    --python-version 3.11 --implementation cp --abi cp311 --dest "$context/wheels" -r "$context/requirements.txt")
  # Every manylinux tag glibc 2.36 runs (older pips do not infer the lower ones from the highest).
  arch=$(uname -m)
  for glibc in $(seq 36 -1 5); do pip+=(--platform "manylinux_2_${glibc}_$arch"); done
  pip+=(--platform "manylinux2014_$arch" --platform "manylinux2010_$arch" --platform "manylinux1_$arch")
  if [ -z "$wheelhouse" ] && pypi_answers; then
    source="PyPI"; pip+=(--index-url https://pypi.org/simple)
  else
    wheelhouse=${wheelhouse:-$DEFAULT_WHEELHOUSE}
    local missing="neither PyPI (https://pypi.org) answers nor a wheelhouse exists ($wheelhouse is not a folder)"
    [ -z "${MLOPS_WHEELHOUSE:-}" ] || missing="the wheelhouse MLOPS_WHEELHOUSE=$wheelhouse is not a folder"
    [ -d "$wheelhouse" ] || fail "the Keras image needs Python wheels, and $missing. Provide one: on a machine with internet run
  pip download --only-binary=:all: --python-version 3.11 --platform manylinux_2_36_x86_64 -d WHEELS -r $ROOT/Dockerfiles/keras/requirements.txt
copy WHEELS here and run: MLOPS_WHEELHOUSE=WHEELS scripts/build-images.sh keras"
    source="the wheelhouse $wheelhouse"; pip+=(--no-index --find-links "$wheelhouse")
  fi
  # The machine's own pip configuration (extra indexes, constraints) must not change what the image gets.
  # shellcheck disable=SC2046
  with_progress "$PREFIX" "resolving wheels from $source" /tmp/mlops-keras-wheels.log \
      env $(compgen -e | grep '^PIP_' | sed 's/^/-u /') PIP_CONFIG_FILE=/dev/null "${pip[@]}" || {
    tail -n 15 /tmp/mlops-keras-wheels.log >&2
    fail "resolving the Keras wheels from $source failed (whole output: /tmp/mlops-keras-wheels.log); the wheelhouse needs cp311 manylinux wheels of $ROOT/Dockerfiles/keras/requirements.txt and their dependencies"; }
  log "$(find "$context/wheels" -name '*.whl' | wc -l) wheels from $source, $(du -sh "$context/wheels" | cut -f1)"
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

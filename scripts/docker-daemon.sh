#!/usr/bin/env bash
# Makes sure a Docker daemon answers: starts dockerd (as root) when none does, after clearing a stale pid file
# left by a daemon that was killed, and waits until it answers. Sourced by setup.sh; runnable on its own.
set -euo pipefail
DOCKERD_WAIT_SECONDS=${DOCKERD_WAIT_SECONDS:-60}
log() { echo "[setup] $*"; }

docker_answers() { docker info >/dev/null 2>&1; }

# A killed daemon can linger as a zombie when nothing reaps it; that counts as gone.
process_alive() {
  local state
  state=$(awk '/^State:/ {print $2}' "/proc/$1/status" 2>/dev/null) || return 1
  [ -n "$state" ] && [ "$state" != Z ] && [ "$state" != X ]
}

clear_stale_pid_file() {
  local pidfile=$1
  [ -f "$pidfile" ] || return 0
  local pid
  pid=$(cat "$pidfile" 2>/dev/null || true)
  if [ -z "$pid" ] || ! process_alive "$pid"; then
    log "removing stale pid file $pidfile (no process ${pid:-?} behind it)"
    rm -f "$pidfile"
  fi
}

start_dockerd() {
  if docker_answers; then log "docker daemon answers"; return 0; fi
  if [ -n "${DOCKER_HOST:-}" ]; then
    echo "[setup] ERROR: DOCKER_HOST=$DOCKER_HOST does not answer; start that daemon or unset DOCKER_HOST" >&2
    return 1
  fi
  [ "$(id -u)" = 0 ] || { echo "[setup] ERROR: no docker daemon answers and starting one needs root" >&2; return 1; }
  clear_stale_pid_file /var/run/docker.pid
  clear_stale_pid_file /var/run/docker/containerd/containerd.pid
  log "starting dockerd (log: /var/log/mlops-dockerd.log)"
  setsid dockerd >>/var/log/mlops-dockerd.log 2>&1 < /dev/null &
  local daemon=$! waited=0
  until docker_answers; do
    if ! process_alive "$daemon" || [ "$waited" -ge "$DOCKERD_WAIT_SECONDS" ]; then
      echo "[setup] ERROR: dockerd did not answer (waited ${waited}s of ${DOCKERD_WAIT_SECONDS}s); last lines of /var/log/mlops-dockerd.log:" >&2
      tail -n 15 /var/log/mlops-dockerd.log >&2 || true
      return 1
    fi
    sleep 1; waited=$((waited + 1))
  done
  log "dockerd answers after ${waited}s"
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then start_dockerd; fi

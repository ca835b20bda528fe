#!/usr/bin/env bash
# A second Docker daemon on this machine, for tests and benchmarks of trials spread over two Docker hosts. It has its
# own socket, data root, exec root (its own containerd), pid file and config file, its own bridge interface and
# --iptables=false so it does not fight the first daemon over docker0 and iptables (trials use no network anyway).
# Not --bridge=none: a daemon started so deletes the host's docker0 interface (moby removes the default bridge when
# the bridge is disabled), and the first daemon's containers and builds then fail with "could not find bridge docker0".
# Images it needs are copied from the first daemon (docker save | docker load) when missing or different.
#   scripts/second-dockerd.sh start [IMAGE...]   start it (as root) unless it answers; default image mlops/sklearn:0.1
#   scripts/second-dockerd.sh start --no-images  start it with no image copied (a fresh machine: bench/first-run.sh)
#   scripts/second-dockerd.sh stop               stop it (its containers go with it)
#   scripts/second-dockerd.sh host               print its DOCKER_HOST
# Paths: MLOPS_SECOND_DOCKER_RUN (default /var/run/mlops-docker2: socket, exec root, pid file),
#        MLOPS_SECOND_DOCKER_DATA (default /var/lib/mlops-docker2: images; kept between runs so images load once).
set -euo pipefail
RUN_DIR=${MLOPS_SECOND_DOCKER_RUN:-/var/run/mlops-docker2}
DATA_DIR=${MLOPS_SECOND_DOCKER_DATA:-/var/lib/mlops-docker2}
HOST="unix://$RUN_DIR/docker.sock"
BRIDGE=${MLOPS_SECOND_DOCKER_BRIDGE:-mlops-docker2}
BRIDGE_ADDRESS=${MLOPS_SECOND_DOCKER_BRIDGE_ADDRESS:-10.254.254.1/24}
WAIT_SECONDS=${DOCKERD_WAIT_SECONDS:-60}
log() { echo "[second-dockerd] $*" >&2; }

answers() { DOCKER_HOST=$HOST docker info >/dev/null 2>&1; }

pid_of() { [ -f "$RUN_DIR/docker.pid" ] && cat "$RUN_DIR/docker.pid" 2>/dev/null || true; }

start() {
  local images=("$@")
  [ ${#images[@]} -gt 0 ] || images=(mlops/sklearn:0.1)
  [ "${images[0]}" != --no-images ] || images=()
  if ! answers; then
    [ "$(id -u)" = 0 ] || { echo "[second-dockerd] ERROR: starting a second dockerd needs root" >&2; return 1; }
    mkdir -p "$RUN_DIR/exec" "$DATA_DIR"
    local stale
    stale=$(pid_of)
    if [ -n "$stale" ] && ! kill -0 "$stale" 2>/dev/null; then rm -f "$RUN_DIR/docker.pid"; fi
    # Its own config file: the first daemon's /etc/docker/daemon.json may set a bridge or hosts of its own.
    echo '{}' > "$RUN_DIR/daemon.json"
    if ! ip link show "$BRIDGE" >/dev/null 2>&1; then
      ip link add "$BRIDGE" type bridge
      ip addr add "$BRIDGE_ADDRESS" dev "$BRIDGE"
      ip link set "$BRIDGE" up
    fi
    log "starting dockerd on $HOST (log: $RUN_DIR/dockerd.log)"
    setsid dockerd --config-file "$RUN_DIR/daemon.json" --host "$HOST" --data-root "$DATA_DIR" \
        --exec-root "$RUN_DIR/exec" --pidfile "$RUN_DIR/docker.pid" --bridge "$BRIDGE" --iptables=false \
        --ip-masq=false >>"$RUN_DIR/dockerd.log" 2>&1 < /dev/null &
    local daemon=$! waited=0
    until answers; do
      if ! kill -0 "$daemon" 2>/dev/null || [ "$waited" -ge "$WAIT_SECONDS" ]; then
        echo "[second-dockerd] ERROR: the second dockerd did not answer (waited ${waited}s); last lines of $RUN_DIR/dockerd.log:" >&2
        tail -n 15 "$RUN_DIR/dockerd.log" >&2 || true
        return 1
      fi
      sleep 1; waited=$((waited + 1))
    done
    log "answers after ${waited}s"
  fi
  local image want have
  for image in ${images[@]+"${images[@]}"}; do
    want=$(docker image inspect --format '{{.Id}}' "$image")
    have=$(DOCKER_HOST=$HOST docker image inspect --format '{{.Id}}' "$image" 2>/dev/null || true)
    if [ "$want" != "$have" ]; then
      log "copying $image from the first daemon (docker save | docker load)"
      docker save "$image" | DOCKER_HOST=$HOST docker load >/dev/null
    fi
  done
  echo "$HOST"
}

stop() {
  local pid waited=0
  pid=$(pid_of)
  if [ -z "$pid" ] || ! kill -0 "$pid" 2>/dev/null; then log "not running"; return 0; fi
  kill "$pid"
  while kill -0 "$pid" 2>/dev/null; do
    [ "$waited" -lt 30 ] || { log "dockerd $pid did not stop in 30 s; killing it"; kill -9 "$pid"; break; }
    sleep 1; waited=$((waited + 1))
  done
  ip link delete "$BRIDGE" 2>/dev/null || true
  log "stopped"
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) stop ;;
  host) echo "$HOST" ;;
  *) echo "usage: $0 start [IMAGE...] | stop | host" >&2; exit 2 ;;
esac

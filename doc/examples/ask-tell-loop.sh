#!/usr/bin/env bash
# An ask-and-tell study driven by a plain shell loop, no Jenkins: K workers at a time, worker i training on Docker
# host i mod (number of hosts); each asks for one trial, trains it in a fresh copy of the model repository, tells the
# result back to the study and asks again, until the study stops.
# Any scheduler works the same way (a CI matrix, a Kubernetes Job array): ask, train each trial anywhere, tell.
#
# Usage: ask-tell-loop.sh STUDY_DIR K DOCKER_HOST...
#   STUDY_DIR    the model repository holding the study (.mlops/run.json); detect first or set entry/image in mlops.yml
#   K            workers, i.e. trials at a time
#   DOCKER_HOST  one per Docker host, e.g. unix:///var/run/docker.sock tcp://gpu-2:2376
# MLOPS is the command to run (default: mlops); WORK_DIR keeps the trials' copies and results (default: a new
# temporary folder, printed at the end: the best trial's model files stay there).
set -euo pipefail
study=$1; k=$2; shift 2
hosts=("$@")
[ ${#hosts[@]} -gt 0 ] || { echo "usage: $0 STUDY_DIR K DOCKER_HOST..." >&2; exit 2; }
mlops=${MLOPS:-mlops}
work=${WORK_DIR:-$(mktemp -d)}
mkdir -p "$work"

# One worker per slot, each asking for its next trial as soon as its last one is told: no worker waits for the
# slowest trial of a batch.
work_slot() {
  local host=$1 worker=$2 slot=$3 asked n checkout trained
  while true; do
    # ask exits 1 when there is nothing to ask: the study has stopped (target met, max trials, max failed trials, ...).
    asked=0
    $mlops ask --workspace "$study" --count 1 --json > "$work/asked-$slot.json" || asked=$?
    [ "$asked" = 0 ] || { [ "$asked" = 1 ] && return 0; return "$asked"; }
    n=$(grep -o '"number":[0-9]*' "$work/asked-$slot.json" | cut -d: -f2)
    # A fresh copy of the repository, as a worker elsewhere would clone it (its .mlops state stays at home).
    checkout="$work/trial-$n"
    mkdir -p "$checkout"
    tar -C "$study" --exclude=./.mlops --exclude=./.git -cf - . | tar -C "$checkout" -xf -
    # train exits 1 for a failed trial (its result is still printed) and 2/3 without a result (bad input, Docker
    # unreachable): then this loop tells the trial as FAILED itself. A worker that dies tells nothing; its trial
    # fails when its lease expires.
    trained=0
    DOCKER_HOST=$host $mlops train --workspace "$checkout" --trial "$n" --spec "$work/asked-$slot.json" \
        --worker "$worker" --quiet --json > "$work/result-$n.json" || trained=$?
    if [ ! -s "$work/result-$n.json" ]; then
      printf '{"number":%s,"state":"FAILED","message":"mlops train exited %s on %s"}\n' "$n" "$trained" "$worker" \
          > "$work/result-$n.json"
    fi
    $mlops tell --workspace "$study" --trial "$n" --result "$work/result-$n.json" --json \
        > "$work/status-$n.json" || true
  done
}

pids=()
for ((i = 0; i < k; i++)); do
  work_slot "${hosts[$((i % ${#hosts[@]}))]}" "host$((i % ${#hosts[@]} + 1))" "$i" &
  pids+=($!)
done
status=0
for pid in "${pids[@]}"; do wait "$pid" || status=$?; done
[ "$status" = 0 ] || exit "$status"
echo "study stopped; trials' copies and results in $work"

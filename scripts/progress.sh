#!/usr/bin/env bash
# Sourced by the set-up scripts: runs a long command with its output in a log file, and meanwhile prints one line
# every PROGRESS_SECONDS (default 6) with the time so far, the step it is at (a `Step 3/6` of docker build, a
# `[2/4]` of Maven) and its latest output line (the package being fetched or unpacked), so that minutes of apt,
# debootstrap, docker build or Maven are never silent for more than 10 s.
#   with_progress PREFIX WHAT LOGFILE COMMAND...   returns the command's exit code

PROGRESS_SECONDS=${PROGRESS_SECONDS:-6}

progress_line() {
  local log=$1 step last
  step=$(grep -aoE '^Step [0-9]+/[0-9]+|Building .*\[[0-9]+/[0-9]+\]$' "$log" 2>/dev/null | tail -n 1 | tr -s ' ' || true)
  last=$(tr '\r' '\n' < "$log" 2>/dev/null | grep -avE '^[[:space:]]*$|^\[WARNING\]' | tail -n 1 | cut -c1-100 || true)
  printf '%s%s' "${step:+$step · }" "${last:-(no output yet)}"
}

with_progress() {
  local prefix=$1 what=$2 log=$3
  shift 3
  "$@" > "$log" 2>&1 &
  local pid=$! started said now
  started=$(date +%s); said=$started
  while kill -0 "$pid" 2>/dev/null; do
    sleep 1
    now=$(date +%s)
    # By the clock, not by counting sleeps: on a busy machine a second of sleep takes longer.
    if [ $((now - said)) -ge "$PROGRESS_SECONDS" ] && kill -0 "$pid" 2>/dev/null; then
      echo "$prefix $what: $((now - started))s, $(progress_line "$log")"
      said=$now
    fi
  done
  wait "$pid"
}

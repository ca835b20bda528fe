#!/usr/bin/env bash
# The first ten minutes, measured: the README's first command (scripts/demo.sh) from a fresh clone, on a Docker
# daemon that has no image at all (a separate dockerd with its own socket, data root, exec root and pid file, so the
# shared daemon and its images are left alone) and, unless --keep-maven-repo, an empty Maven repository (as on a
# fresh machine: every plugin and library is downloaded). Prints each phase's start, end and duration, the longest
# silence between two output lines (target: <= 10 s), then the same command again with the images there (the
# baseline of a warm machine) and the ratio. Packages (apt) are not measured: this machine has them.
# Target: first run <= 6 min, second run <= 1 min.
# Usage (as root): bench/first-run.sh [--keep-maven-repo] [--framework pytorch]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
KEEP_M2=; FRAMEWORK=sklearn
while [ $# -gt 0 ]; do
  case $1 in
    --keep-maven-repo) KEEP_M2=1 ;;
    --framework) FRAMEWORK=$2; shift ;;
    *) echo "usage: bench/first-run.sh [--keep-maven-repo] [--framework sklearn|pytorch]" >&2; exit 2 ;;
  esac
  shift
done
[ "$(id -u)" = 0 ] || { echo "first-run: starting a second dockerd needs root" >&2; exit 2; }

WORK=$(mktemp -d /tmp/mlops-first-run.XXXXXX)
# A daemon like a fresh machine's: no images, no build cache; scripts/second-dockerd.sh gives it its own socket,
# data root, exec root and pid file, its own bridge and no iptables rules, so the shared daemon is left alone. Its build
# steps then use the host's network (MLOPS_BUILD_NETWORK).
export MLOPS_SECOND_DOCKER_RUN=/var/run/mlops-first-run-$$ MLOPS_SECOND_DOCKER_DATA=$WORK/docker \
    MLOPS_SECOND_DOCKER_BRIDGE=mlops-firstrun MLOPS_SECOND_DOCKER_BRIDGE_ADDRESS=10.254.253.1/24
cleanup() {
  "$ROOT/scripts/second-dockerd.sh" stop || true
  # Nothing of the daemon may stay mounted before its data root goes.
  if ! grep -q "$WORK" /proc/mounts; then rm -rf "$WORK"; else echo "first-run: $WORK still mounted, left" >&2; fi
  # A stopped dockerd leaves its default network namespace mounted in its exec root.
  for netns in "$MLOPS_SECOND_DOCKER_RUN"/exec/netns/*; do umount "$netns" 2>/dev/null || true; done
  rm -rf "$MLOPS_SECOND_DOCKER_RUN"
}
trap cleanup EXIT
DOCKER_HOST=$("$ROOT/scripts/second-dockerd.sh" start --no-images)
export DOCKER_HOST MLOPS_BUILD_NETWORK=host
[ -z "$(docker images -q)" ] || { echo "first-run: the fresh daemon has images" >&2; exit 3; }

git clone -q "$ROOT" "$WORK/clone"
if [ -z "$KEEP_M2" ]; then export MAVEN_OPTS="${MAVEN_OPTS:-} -Dmaven.repo.local=$WORK/m2"; fi
M2=empty; [ -z "$KEEP_M2" ] || M2="~/.m2 (kept)"
echo "fresh clone of $(git -C "$ROOT" rev-parse --short HEAD), daemon $DOCKER_HOST with no images," \
  "Maven repository: $M2, $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg) (other work slows it)"

# Every output line, stored with the milliseconds since the start, shown with the seconds.
now_ms() { local us=${EPOCHREALTIME/./}; echo $(( us / 1000 )); }
timed() {
  local started=$1 out=$2
  shift 2
  "$@" 2>&1 | while IFS= read -r line; do printf '%s %s\n' "$(( $(now_ms) - started ))" "$line"; done \
    | tee "$out" | awk '{ ms = $1; sub(/^[0-9]+ /, ""); printf "[%6.1f s] %s\n", ms / 1000, $0; fflush() }'
  return "${PIPESTATUS[0]}"
}

# The first and the last line (milliseconds) matching each phase's start and end.
phase() {
  local name=$1 from=$2 to=$3 out=$4 start end
  start=$(grep -m1 -E "^[0-9]+ ($from)" "$out" | cut -d' ' -f1 || true)
  end=$(grep -E "^[0-9]+ ($to)" "$out" | tail -n1 | cut -d' ' -f1 || true)
  if [ -n "$start" ] && [ -n "$end" ]; then
    awk -v n="$name" -v s="$start" -v e="$end" 'BEGIN { printf "  %-34s %7.1f %7.1f %7.1f\n", n, s/1000, e/1000, (e-s)/1000 }'
  else
    printf '  %-34s %s\n' "$name" "(not in this run)"
  fi
}

report() {
  local out=$1 total=$2
  echo "phase                                 start     end  seconds"
  phase "set-up (packages, dockerd)" "\\[setup\\]" "\\[setup\\] ready" "$out"
  phase "base image debian:bookworm-slim" "\\[images\\] (base image|pulling)" \
    "\\[images\\] (base image .* present|pulled|built debian)" "$out"
  phase "trainer image mlops/$FRAMEWORK" "\\[images\\] (image mlops|building mlops)" \
    "\\[images\\] (image mlops.* present|built mlops)" "$out"
  phase "tool build (Maven)" "mlops: building the command" "mlops: built" "$out"
  phase "demo (train, tweak, mail, publish)" "Demo model repository" "See the published model" "$out"
  awk -v t="$total" 'BEGIN { printf "  %-34s %23.1f\n", "total", t }'
  awk 'BEGIN { p = 0 } $1 - p > m { m = $1 - p; at = p } { p = $1 } END { printf "  longest silence: %.1f s (after %.1f s)\n", m/1000, at/1000 }' "$out"
}

# Runs the demo in the clone; the total seconds go to the file $2.
run_demo() {
  local out=$1 total=$2 started
  started=$(now_ms)
  (cd "$WORK/clone" && timed "$started" "$out" scripts/demo.sh --framework "$FRAMEWORK") \
    || echo "first-run: the demo failed (exit $?)" >&2
  awk -v s="$started" -v e="$(now_ms)" 'BEGIN { printf "%.1f", (e-s)/1000 }' > "$total"
}

echo "== first run: scripts/demo.sh --framework $FRAMEWORK, images absent"
run_demo "$WORK/first.txt" "$WORK/first.total"
echo
echo "== second run: the same, images and tool present"
run_demo "$WORK/second.txt" "$WORK/second.total"
first=$(cat "$WORK/first.total"); second=$(cat "$WORK/second.total")
echo
echo "== first run ($FRAMEWORK)"; report "$WORK/first.txt" "$first"
echo "== second run"; report "$WORK/second.txt" "$second"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
awk -v f="$first" -v s="$second" 'BEGIN { printf "first/second: %.1f (first %.1f min, target <= 6; second %.0f s, target <= 60)\n", f/s, f/60, s }'

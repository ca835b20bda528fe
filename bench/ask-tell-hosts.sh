#!/usr/bin/env bash
# Benchmark (not a test): wall time of an ask-and-tell study of 6 trials driven by doc/examples/ask-tell-loop.sh,
# with two Docker hosts and two trials at a time (k=2) vs one host and one trial at a time (k=1). Same repository,
# same seed, same trials (random sampler: the parameters depend only on the seed and the trial number; the target is
# unreachable, so all 6 run). Target: ratio <= 0.6.
# CPU share: every trial's container is limited to one core (train.cpus: 1), and each host trains one trial at a
# time, so each host gets its own core; the machine needs at least two. The second host is a second dockerd on this
# machine (scripts/second-dockerd.sh, started and stopped here; needs root).
# Usage: bench/ask-tell-hosts.sh [TRIALS]   (needs the Docker daemon and mlops/sklearn:0.1: scripts/setup.sh)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TRIALS=${1:-6}
WORK=$(mktemp -d /tmp/mlops-bench-asktell.XXXXXX)
FIRST=${DOCKER_HOST:-unix:///var/run/docker.sock}
# The work folder stays when the benchmark fails, for its logs.
trap 'status=$?; "$ROOT/scripts/second-dockerd.sh" stop >/dev/null 2>&1 || true; [ "$status" != 0 ] || rm -rf "$WORK"' EXIT

make_repo() {
  mkdir -p "$1"
  cat > "$1/train.py" <<'PY'
import json, os
from sklearn.datasets import load_digits
from sklearn.model_selection import train_test_split
from sklearn.neural_network import MLPClassifier
params = json.loads(os.environ.get("MLOPS_PARAMS", "{}"))
X, y = load_digits(return_X_y=True)
X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.25, random_state=0)
epochs = int(params.get("max_iter", 100))
# tol=0 and no early stop: every trial runs all its epochs, so its work depends only on its parameters.
model = MLPClassifier(hidden_layer_sizes=(int(params.get("hidden_units", 8)),), max_iter=epochs, tol=0.0,
                      n_iter_no_change=epochs, random_state=0).fit(X_train, y_train)
print(f"MLOPS_METRIC accuracy={model.score(X_test, y_test):.4f}")
PY
  cat > "$1/mlops.yml" <<YML
entry: train.py
image: mlops/sklearn:0.1
target: 0.999
max_trials: $TRIALS
sampler: random
seed: 7
search_space:
  hidden_units: {type: int, low: 96, high: 160}
  max_iter: {type: int, low: 500, high: 800}
train:
  cpus: 1
YML
}

# Prints the wall time of a study with K trials at a time on the given hosts.
run_study() {
  local k=$1 dir=$WORK/k$1
  shift
  make_repo "$dir/study"
  local start end
  start=$(date +%s%N)
  MLOPS="$ROOT/mlops" WORK_DIR="$dir/work" \
      "$ROOT/doc/examples/ask-tell-loop.sh" "$dir/study" "$k" "$@" > "$dir.log" 2>&1
  end=$(date +%s%N)
  local told
  told=$(grep -c '"state" *: *"COMPLETE"' "$dir/study/.mlops/run.json" || true)
  [ "$told" = "$TRIALS" ] || { echo "k=$k: $told of $TRIALS trials complete, see $dir.log" >&2; exit 1; }
  # The mean container time per trial tells a busy machine (trials slower when two run) from overhead.
  cat "$dir"/work/result-*.json | grep -o '"durationMillis" *: *[0-9]*' | grep -o '[0-9]*$' \
      | awk '{ s += $1; n++ } END { printf "%.1f", s / n / 1000 }' > "$dir.mean"
  awk -v ns=$((end - start)) 'BEGIN { printf "%.1f", ns / 1e9 }'
}

"$ROOT/mlops" --version > /dev/null   # build once, outside the timings
SECOND=$("$ROOT/scripts/second-dockerd.sh" start mlops/sklearn:0.1)
one_host=$(run_study 1 "$FIRST")
two_hosts=$(run_study 2 "$FIRST" "$SECOND")
echo "trials per study:          $TRIALS (search space, random sampler, seed 7, one core per trial)"
echo "one host, k=1:             ${one_host}s"
echo "two hosts, k=2:            ${two_hosts}s"
echo "mean training per trial:   $(cat "$WORK/k1.mean")s (k=1), $(cat "$WORK/k2.mean")s (k=2); load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
awk -v t="$two_hosts" -v o="$one_host" 'BEGIN { printf "ratio two hosts/one host:  %.2f (target <= 0.6)\n", t / o }'

#!/usr/bin/env bash
# Benchmark (not a test): wall time of a search-space study with 2 trials at once vs one at a time, same repository,
# same seed, same number of trials (the target is unreachable, so every trial runs). Prints both times and the ratio.
# Usage: bench/parallel-trials.sh [TRIALS]   (needs the Docker daemon and mlops/sklearn:0.1: scripts/setup.sh)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
TRIALS=${1:-6}
WORK=$(mktemp -d /tmp/mlops-bench-parallel.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

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
model = MLPClassifier(hidden_layer_sizes=(int(params.get("hidden_units", 8)),),
                      max_iter=int(params.get("max_iter", 100)), random_state=0).fit(X_train, y_train)
print(f"MLOPS_METRIC accuracy={model.score(X_test, y_test):.4f}")
PY
  cat > "$1/mlops.yml" <<YML
target: 0.999
max_trials: $TRIALS
sampler: random
seed: 7
search_space:
  hidden_units: {type: int, low: 8, high: 64}
  max_iter: {type: int, low: 100, high: 300}
YML
}

run_study() {
  local k=$1 dir=$WORK/k$1
  make_repo "$dir"
  local start end
  start=$(date +%s%N)
  "$ROOT/mlops" run --workspace "$dir" --parallel "$k" --quiet --json --no-publish > "$dir.json" 2> "$dir.log" || true
  end=$(date +%s%N)
  awk -v ns=$((end - start)) 'BEGIN { printf "%.1f", ns / 1e9 }'
}

"$ROOT/mlops" --version > /dev/null   # build once, outside the timings
seq_time=$(run_study 1)
par_time=$(run_study 2)
echo "trials per study:        $TRIALS (search space, random sampler, seed 7)"
echo "sequential (parallel=1): ${seq_time}s"
echo "parallel=2:              ${par_time}s"
awk -v p="$par_time" -v s="$seq_time" 'BEGIN { printf "ratio parallel/sequential: %.2f\n", p / s }'

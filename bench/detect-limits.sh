#!/usr/bin/env bash
# Benchmark (not a test): wall time of `mlops detect` on hostile entries against a small real training script in the
# same run (issue 13.8): a 10 MB binary train.py, a 900 KB binary one (below the 1 MiB source cap, stopped at its
# first NUL byte), and a 10 MB generated Python source (above the cap). Target: each ratio <= 1.5 (the whole JVM
# start is in the baseline; before the caps a binary 8 MB entry took 28 s).
# Usage: bench/detect-limits.sh [RUNS (default 3)]   (builds the tool on first use)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${1:-3}
WORK=$(mktemp -d /tmp/mlops-bench-detect.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

mkdir -p "$WORK/small" "$WORK/binary10m" "$WORK/binary900k" "$WORK/source10m"
cat > "$WORK/small/train.py" <<'PY'
from sklearn.datasets import load_digits
from sklearn.neural_network import MLPClassifier
X, y = load_digits(return_X_y=True)
print(MLPClassifier(hidden_layer_sizes=(8,)).fit(X, y).score(X, y))
PY
head -c $((10 * 1024 * 1024)) /dev/urandom > "$WORK/binary10m/train.py"
head -c $((900 * 1024)) /dev/urandom > "$WORK/binary900k/train.py"
{ echo "import torch"; echo "weights = ["
  (yes "    0.123456789, 0.987654321, 0.5," || true) | head -c $((10 * 1024 * 1024)); echo; echo "]"; } > "$WORK/source10m/train.py"

"$ROOT/mlops" --help > /dev/null   # build once, outside the timing

seconds() {
  local start end
  start=$(date +%s.%N)
  "$ROOT/mlops" detect "$1" > /dev/null 2>&1 || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR + 1) / 2)]}'; }

declare -A times
for case in small binary10m binary900k source10m; do
  times[$case]=$(for _ in $(seq "$RUNS"); do seconds "$WORK/$case"; done | median)
done
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-12s %8s %8s\n' case seconds ratio
for case in small binary10m binary900k source10m; do
  printf '%-12s %8.2f %8.2f\n' "$case" "${times[$case]}" "$(echo "${times[$case]} / ${times[small]}" | bc -l)"
done

#!/usr/bin/env bash
# Cold start of the mlops command line tool: each call is a new JVM. Times, over RUNS rotating runs, the same calls
# started as a plain `java -jar mlops.jar` (before: no class-data-sharing archive) and through the ./mlops launcher
# (after: its archive, and the quick compiler for short commands), and prints the ratios after/before:
#   --version, detect on a small repository, and train of a ~1 s training, the last also against
#   `docker run --rm` of the same image and script (what a trial costs beyond Docker).
# Usage: bench/cold-start.sh [RUNS (default 7)] [IMAGE (default mlops/sklearn:0.1)]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${1:-7}
IMAGE=${2:-mlops/sklearn:0.1}
cd "$ROOT"
docker image inspect "$IMAGE" >/dev/null 2>&1 || { echo "image $IMAGE missing: run scripts/build-images.sh" >&2; exit 3; }
./mlops --version >/dev/null  # builds the tool and its archive when needed (not timed)
JAR=$ROOT/cli/target/mlops.jar
WORK=$(mktemp -d /tmp/mlops-cold.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/repo"
cat > "$WORK/repo/train.py" <<'PY'
from sklearn.datasets import load_digits
from sklearn.linear_model import LogisticRegression
X, y = load_digits(return_X_y=True)
model = LogisticRegression(max_iter=200).fit(X[:600], y[:600])
print(f"MLOPS_METRIC accuracy={model.score(X[600:], y[600:]):.4f}")
PY
ms() { local s; s=$(date +%s%N); "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 3; }; echo $(( ($(date +%s%N) - s) / 1000000 )); }
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
train_args=(train --workspace "$WORK/repo" --image "$IMAGE" --entry train.py --quiet)
declare -A times
ways=(version-before version-after detect-before detect-after train-before train-after docker)
echo "$RUNS rotating runs, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
for run in $(seq 1 "$RUNS"); do
  for i in "${!ways[@]}"; do
    way=${ways[$(( (i + run) % ${#ways[@]} ))]}
    case $way in
      version-before) t=$(ms java -jar "$JAR" --version) ;;
      version-after) t=$(ms ./mlops --version) ;;
      detect-before) t=$(ms java -jar "$JAR" detect "$WORK/repo") ;;
      detect-after) t=$(ms ./mlops detect "$WORK/repo") ;;
      train-before) t=$(ms java -jar "$JAR" "${train_args[@]}") ;;
      train-after) t=$(ms ./mlops "${train_args[@]}") ;;
      docker) t=$(ms docker run --rm --network none -v "$WORK/repo:/workspace" -w /workspace "$IMAGE" python3 train.py) ;;
    esac
    times[$way]+="$t "
  done
done
med() { echo "${times[$1]}" | tr ' ' '\n' | grep . | median; }
printf '%-10s %12s %12s %8s\n' call "before ms" "after ms" ratio
for call in version detect train; do
  b=$(med "$call-before"); a=$(med "$call-after")
  printf '%-10s %12s %12s %8s\n' "$call" "$b" "$a" "$(awk -v a="$a" -v b="$b" 'BEGIN {printf "%.2f", a / b}')"
done
d=$(med docker)
echo "train vs docker run --rm ($d ms): before $(awk -v a="$(med train-before)" -v d="$d" 'BEGIN {printf "%.2f", a / d}'), after $(awk -v a="$(med train-after)" -v d="$d" 'BEGIN {printf "%.2f", a / d}')"

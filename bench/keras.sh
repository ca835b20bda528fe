#!/usr/bin/env bash
# Keras benchmark, two parts:
# 1. Training time of a Keras script in mlops/keras through `mlops train` against the same script in a plain Python
#    3.11 venv on the host with the same wheels (all cores in both; TensorFlow picks its threads the same way), over
#    RUNS paired runs in alternating order. Target: median ratio <= 1.10. The workload is the demo's model trained
#    for 40 epochs.
# 2. Trials to 0.90 of the demo's Keras model (scripts/demo.sh --framework keras) with the study's source rewrites,
#    against the seed-style strategy (a random pick among "add conv", "add conv + pool" and "double the epochs" each
#    trial) over SEEDS seeds; every script trained for real in mlops/keras (one container, each distinct script once).
# Usage: bench/keras.sh [RUNS (default 3)] [SEEDS (default 5)]
# The venv is made once in ~/.cache/mlops-bench/keras-venv from PyPI or the wheelhouse (MLOPS_WHEELHOUSE, default
# /opt/pypi/files), like the image.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${1:-3}
SEEDS=${2:-5}
IMAGE=mlops/keras:0.1
DEMO=$ROOT/cli/src/main/resources/io/jenkins/plugins/mlops/cli/demo/keras/train.py
VENV=${MLOPS_BENCH_VENV:-$HOME/.cache/mlops-bench/keras-venv}
WHEELHOUSE=${MLOPS_WHEELHOUSE:-/opt/pypi/files}
cd "$ROOT"
docker image inspect "$IMAGE" >/dev/null 2>&1 || { echo "image $IMAGE missing: run scripts/build-images.sh keras" >&2; exit 3; }
if [ ! -x "$VENV/bin/python" ]; then
  echo "making the host venv $VENV (once)"
  python3 -m venv "$VENV"
  # shellcheck disable=SC2046
  env $(compgen -e | grep '^PIP_' | sed 's/^/-u /') PIP_CONFIG_FILE=/dev/null "$VENV/bin/pip" install -q \
    --disable-pip-version-check --no-index --find-links "$WHEELHOUSE" -r Dockerfiles/keras/requirements.txt
fi
mvn -B -q -o -pl cli -am package -DskipTests
WORK=$(mktemp -d /tmp/mlops-bench-keras.XXXXXX)
trap 'rm -rf "$WORK"' EXIT

echo "== 1. training time: mlops train in $IMAGE vs a host venv ($("$VENV/bin/python" --version), $(nproc) cores)"
sed 's/^epoch = 1$/epoch = 40/' "$DEMO" > "$WORK/train.py"
seconds() {
  local start; start=$(date +%s%N)
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  awk -v ns=$(( $(date +%s%N) - start )) 'BEGIN { printf "%.2f", ns / 1e9 }'
}
ratios=()
for run in $(seq 1 "$RUNS"); do
  rm -rf "$WORK/mlops" "$WORK/host"; mkdir -p "$WORK/mlops" "$WORK/host"
  cp "$WORK/train.py" "$WORK/mlops/"; cp "$WORK/train.py" "$WORK/host/"
  mlops_train() { java -jar cli/target/mlops.jar train --workspace "$WORK/mlops" --image "$IMAGE" --quiet; }
  host_train() { (cd "$WORK/host" && "$VENV/bin/python" train.py); }
  if [ $((run % 2)) = 1 ]; then m=$(seconds mlops_train); h=$(seconds host_train); else h=$(seconds host_train); m=$(seconds mlops_train); fi
  ratio=$(awk -v m="$m" -v h="$h" 'BEGIN { printf "%.3f", m / h }')
  ratios+=("$ratio")
  printf 'run %d: mlops train %.1f s, host venv %.1f s, ratio %s (accuracy %s / %s)\n' "$run" "$m" "$h" "$ratio" \
    "$(cut -c1-6 "$WORK/mlops/accuracy.txt")" "$(cut -c1-6 "$WORK/host/accuracy.txt")"
done
echo "median ratio $(printf '%s\n' "${ratios[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p") (target <= 1.10)"

echo "== 2. trials to 0.90 of the demo's Keras model: source rewrites vs seed-style random edits ($SEEDS seeds)"
CP_FILE=$WORK/cp.txt
mvn -B -q -o -pl engine dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
mkdir -p "$WORK/edits"
java -cp "engine/target/test-classes:engine/target/classes:$(cat "$CP_FILE")" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  io.jenkins.plugins.mlops.engine.rewrite.KerasEditsBench "$DEMO" "$WORK/edits" "$SEEDS" 10

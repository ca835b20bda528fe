#!/usr/bin/env bash
# Tweak benchmark: mean trials-to-target over N seeds (default 50) of the seed's strategy (random pick among
# "add conv", "epochs 10 -> 20", "add conv+pool"), random search and the TPE sampler, on four tasks: a CNN
# surrogate (synthetic, where the seed's edits are simulated), Branin, Hartmann-3 and scikit-learn's MLP on the
# digits data (real accuracies measured once by bench/digits-mlp-table.py and looked up). Prints the ratios; the
# targets are TPE <= 1/3 of the seed's and <= 0.7x random. Deterministic: same numbers on every run.
# Usage: bench/tweak-strategies.sh [SEEDS]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
mvn -B -q -o -Dstyle.color=never -pl engine test-compile >&2
# The benchmark uses only the engine's own classes and the JDK.
java -cp engine/target/classes:engine/target/test-classes \
  io.jenkins.plugins.mlops.engine.tune.TweakStrategiesBenchmark "${1:-50}"

#!/usr/bin/env bash
# Overhead of training through ContainerTrainer (copy in, safe settings, log streaming, copy out, removal) against a
# plain `docker run --rm` with a bind mount, on the same image and script, paired over RUNS runs (order alternates),
# plus the copy-in time of a 2,000-file / 50 MB workspace; and `mlops train` as users run it, a new JVM per call:
# through the ./mlops launcher (its class-data-sharing archive) and as a plain `java -jar mlops.jar`.
# Then a trial inside one run: the whole chain of `mlops run` in one JVM with 3 identical trials, per trial, against
# `docker run --rm` of the same image, script and folder; for the script alone and beside 100 MB / 1 GB of generated
# files (the workspace is copied once per study, so a trial should cost the same for all three).
# Target: median ratio <= 1.05 for ContainerTrainer and for a trial inside one run.
# Usage: bench/train-overhead.sh [RUNS (default 5)] [IMAGE (default mlops/sklearn:0.1)] [STUDY_RUNS (default 3)]
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
RUNS=${1:-5}
IMAGE=${2:-mlops/sklearn:0.1}
STUDY_RUNS=${3:-3}
cd "$ROOT"
docker image inspect "$IMAGE" >/dev/null 2>&1 || { echo "image $IMAGE missing: run scripts/build-images.sh" >&2; exit 3; }
mvn -B -q -o -pl cli -am package -DskipTests
CP_FILE=$(mktemp)
WORK=$(mktemp -d /tmp/mlops-bench.XXXXXX)
trap 'rm -rf "$WORK" "$CP_FILE"' EXIT
mvn -B -q -o -pl engine dependency:build-classpath -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test
CP="engine/target/test-classes:engine/target/classes:$(cat "$CP_FILE")"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "image $IMAGE, $RUNS paired runs, $(nproc) cores, $(docker version -f '{{.Server.Version}} (API {{.Server.APIVersion}})')"
java -cp "$CP" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  io.jenkins.plugins.mlops.engine.train.TrainOverheadBench "$IMAGE" "$RUNS" "$WORK" "$ROOT/mlops"
java -cp "$CP" -Dorg.slf4j.simpleLogger.defaultLogLevel=warn \
  io.jenkins.plugins.mlops.engine.pipeline.StudyOverheadBench "$IMAGE" "$STUDY_RUNS" "$WORK" "$ROOT/mlops"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

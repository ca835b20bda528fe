#!/usr/bin/env bash
# Poll/fetch benchmark (not a timed test): for one repository (200 files, 20 commits) over file:// and over the
# HTTP git server (JGit GitServlet in Jetty on 127.0.0.1), prints the median time of 'mlops poll' (an ls-remote in
# the engine) against 'git ls-remote' on the same URL, with the ratio (target <= 1.5x), and of an incremental fetch
# of one new commit against a fresh clone. Needs git on the PATH.
# Usage: bench/poll-fetch.sh [ROUNDS]   (default 15)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT"
command -v git >/dev/null || { echo "poll-fetch.sh: git is not installed (needed for the git ls-remote baseline)" >&2; exit 2; }
mvn -B -q -o -Dstyle.color=never -pl engine test-compile
CP_FILE=engine/target/bench-classpath.txt
mvn -B -q -o -Dstyle.color=never -pl engine dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$ROOT/$CP_FILE" >/dev/null
java -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "engine/target/classes:engine/target/test-classes:$(cat "$CP_FILE")" \
  io.jenkins.plugins.mlops.engine.source.PollFetchBenchmark "${1:-15}"

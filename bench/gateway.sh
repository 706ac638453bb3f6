#!/usr/bin/env bash
# Gateway overhead: the same cheap authenticated GET sent directly to an upstream and through the gateway, at a
# fixed rate well below saturation (open loop, HdrHistogram, latency from the intended send time), alternating
# direct and gateway runs ROUNDS times, then at saturation (CONCURRENCY requests in flight). Prints p50/p99 of
# both and the differences, and saturated throughput of both and the ratio.
# Starts what it needs: an embedded PostgreSQL (the gateway's directory), a Vert.x stub upstream (in the bench
# JVM) and the gateway jar; stops them all. The upstream is a stub so that the figures are the gateway's alone.
# Options (environment): RATE (500 req/s), SECONDS_EACH (8 per run), ROUNDS (5), CONCURRENCY (32),
# SATURATION_SECONDS (10), SATURATION_ROUNDS (3, alternating direct and gateway), WARMUP_SECONDS (20, the
# gateway's warm-up at the fixed rate), STUB_VERIFY (1: the stub checks each token's signature like a service;
# 0: no check at all), GATEWAY_OPTS (extra JVM options of the gateway), REBUILD=1 to rebuild the gateway jar
# (rebuilt anyway when its sources are newer), GATEWAY_JAR (another build's quarkus-run.jar, e.g. a copy of an
# older target/quarkus-app, to compare two builds in the same conditions; nothing is rebuilt then).
# Every figure is printed with the machine's load average at that moment (/proc/loadavg): on a shared machine
# compare runs made under similar load only. The saturation runs also print the CPU time spent per request (the
# bench JVM's, and the gateway process's from /proc), which does not depend on how much of a busy machine's CPU
# the benchmark wins, and the saturated ratio it predicts for a machine the benchmark has to itself.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="${GATEWAY_JAR:-$ROOT/gateway/target/quarkus-app/quarkus-run.jar}"

stale() {
  [[ ! -f "$JAR" || "${REBUILD:-0}" == "1" ]] \
    || [[ -n "$(find "$ROOT/gateway/src/main" "$ROOT/gateway/pom.xml" -newer "$JAR" -print -quit)" ]]
}

# the parent pom, common, launcher (BenchGoals, EmbeddedDatabase) and test-support, when missing or stale;
# defines MVN
. "$ROOT/bench/lib/build.sh"
install_libraries
if [[ -z "${GATEWAY_JAR:-}" ]] && stale; then
  echo "building the gateway"; (cd "$ROOT/gateway" && $MVN package -DskipTests)
fi

CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT
# the gateway's test classpath has the launcher (EmbeddedDatabase), Vert.x and HdrHistogram
(cd "$ROOT/gateway" && $MVN dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$CP_FILE")

java -Xmx512m -Drate="${RATE:-500}" -Dseconds="${SECONDS_EACH:-8}" -Drounds="${ROUNDS:-5}" \
  -Dconcurrency="${CONCURRENCY:-32}" -DsaturationSeconds="${SATURATION_SECONDS:-10}" \
  -DsaturationRounds="${SATURATION_ROUNDS:-3}" -DwarmupSeconds="${WARMUP_SECONDS:-20}" \
  -cp "$(cat "$CP_FILE")" "$ROOT/bench/gateway-bench.java" "$JAR"

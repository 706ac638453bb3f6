#!/usr/bin/env bash
# liaison-service benchmark: TAXII objects/ page latency (limit 100) at 100,000 objects, then the collection grown
# to 1,000,000 (bulk SQL, progress lines with rate and ETA) and measured again (p50/p95/p99 at each size, with the
# machine's load average and the page query's plan; goal p95 < 25 ms at each; the growth factor of p95), and
# release throughput (at the largest size). Roughly 10 min at the default sizes on 2 cores.
#   bench/liaison.sh                     100,000 and 1,000,000 objects
#   bench/liaison.sh 5000 20000          those sizes, ascending (SIZE=small in bench/all.sh)
#   OBJECTS=100000 bench/liaison.sh      one size only
# Needs only a JDK (17+) and Maven: builds what is missing, starts an embedded PostgreSQL (the launcher's
# EmbeddedDatabase), a token issuer and a product stub in the bench JVM, and the service jar; stops them all.
# Options (environment): OBJECTS (one size instead of the default two; arguments win), RELEASES (300), CLIENTS (4),
# REBUILD=1 to rebuild the service jar
# (it is rebuilt anyway when its sources are newer).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
JAR="$ROOT/liaison-service/target/quarkus-app/quarkus-run.jar"
M2="${MAVEN_REPO:-$HOME/.m2/repository}"

stale() {
  [[ ! -f "$JAR" || "${REBUILD:-0}" == "1" ]] \
    || [[ -n "$(find "$ROOT/liaison-service/src/main" "$ROOT/liaison-service/pom.xml" -newer "$JAR" -print -quit)" ]]
}

# the parent pom, common, launcher (BenchGoals, EmbeddedDatabase) and test-support, when missing or stale;
# defines MVN
. "$ROOT/bench/lib/build.sh"
install_libraries
if stale; then
  echo "building liaison-service"; (cd "$ROOT/liaison-service" && $MVN package -DskipTests)
fi

CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT
(cd "$ROOT/test-support" && $MVN dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile="$CP_FILE")
SUPPORT_JAR="$(ls "$M2"/org/yaqaza/yaqaza-test-support/0.1.0-SNAPSHOT/yaqaza-test-support-0.1.0-SNAPSHOT.jar)"

if [[ $# -gt 0 ]]; then SIZES="$*"; else SIZES="${OBJECTS:-100000 1000000}"; fi
java -Xmx512m -Dsizes="${SIZES// /,}" -Dreleases="${RELEASES:-300}" -Dclients="${CLIENTS:-4}" \
  -cp "$SUPPORT_JAR:$(cat "$CP_FILE")" "$ROOT/bench/liaison-bench.java" "$JAR"

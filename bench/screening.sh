#!/usr/bin/env bash
# Name screening speed, from a clean clone with only a JDK (17+) and Maven: generates person names in Arabic
# and Latin script, loads them (COPY), and prints warm single-query latency p50/p95/p99 and batch throughput
# (names/s) at each size, with the load average (the machine is shared: figures are pessimistic).
# It builds what is missing, starts its own embedded PostgreSQL and the packaged service (both stopped at the
# end) and drives them over HTTP (harness: intelligence-service/src/test/java/.../bench/ScreeningBench.java).
# Usage: bench/screening.sh [sizes=10000,1000000]
#   (PostgreSQL gets shared_buffers=1GB, sized for 1M names; SCREENING_BENCH_SHARED_BUFFERS=128MB for the
#    local suite's setting)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SIZES="${1:-10000,1000000}"
MVN="mvn -q -B"
[ -n "${MAVEN_OFFLINE:-}" ] && MVN="$MVN -o"

version=$(sed -n 's:.*<version>\(.*SNAPSHOT\)</version>.*:\1:p' "$ROOT/pom.xml" | head -1)
repo="${MAVEN_REPO:-$HOME/.m2/repository}"
for module in common launcher; do
    artifact="yaqaza-$module"
    installed="$repo/org/yaqaza/$artifact/$version/$artifact-$version.jar"
    if [ ! -f "$installed" ] || [ -n "$(find "$ROOT/$module/src" "$ROOT/$module/pom.xml" -newer "$installed" -type f | head -1)" ]; then
        echo "installing $module (missing from the local Maven repository, or older than its sources)"
        (cd "$ROOT" && $MVN -N install -DskipTests)
        (cd "$ROOT/$module" && $MVN install -DskipTests)
    fi
done

cd "$ROOT/intelligence-service"
jar=target/quarkus-app/quarkus-run.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -type f | head -1)" ]; then
    echo "building intelligence-service"
    $MVN package -DskipTests
fi
$MVN test-compile
$MVN dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench.classpath >/dev/null

echo "intelligence-service screening bench: sizes $SIZES ($(nproc) CPU cores)"
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.yaqaza.intelligence.bench.ScreeningBench "$SIZES" "$jar"

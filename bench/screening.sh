#!/usr/bin/env bash
# Name screening speed, from a clean clone with only a JDK (17+) and Maven: generates person names in Arabic
# and Latin script, loads them (COPY), and prints warm single-query latency p50/p95/p99 and batch throughput
# (names/s) at each size, with the load average (the machine is shared: figures are pessimistic), and how the
# single-query p95 grew from the first size to each next one (issue 21: growth factor, no goal of its own).
# It builds what is missing, starts its own embedded PostgreSQL and the packaged service (both stopped at the
# end) and drives them over HTTP (harness: intelligence-service/src/test/java/.../bench/ScreeningBench.java).
# Usage: bench/screening.sh [sizes=100000,1000000]
#   (PostgreSQL gets shared_buffers=1GB, sized for 1M names; SCREENING_BENCH_SHARED_BUFFERS=128MB for the
#    local suite's setting)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SIZES="${1:-100000,1000000}"
. "$ROOT/bench/lib/build.sh"
install_libraries

package_service intelligence-service
jar=target/quarkus-app/quarkus-run.jar

echo "intelligence-service screening bench: sizes $SIZES ($(nproc) CPU cores)"
exec java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.yaqaza.intelligence.bench.ScreeningBench "$SIZES" "$jar"

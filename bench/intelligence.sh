#!/usr/bin/env bash
# Speed figures of intelligence-service, from a clean clone with only a JDK (17+) and Maven:
#   bulk ingest rate (reports/s acknowledged, audit, full-text indexing and mention extraction on) and the proposal
#   lag p95 of mention extraction (queued -> proposals committed), search p50/p95/p99 at N reports,
#   graph depth-2 p50/p95 at M relationships.
# It builds what is missing, starts its own embedded PostgreSQL and the packaged service (both stopped at the end)
# and drives them over HTTP (harness: intelligence-service/src/test/java/.../bench/IntelligenceBench.java).
# Usage: bench/intelligence.sh [reports=100000] [relationships=100000]
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
REPORTS="${1:-100000}"
RELATIONSHIPS="${2:-100000}"
. "$ROOT/bench/lib/build.sh"
install_libraries

package_service intelligence-service
jar=target/quarkus-app/quarkus-run.jar

echo "intelligence-service bench: $REPORTS reports, $RELATIONSHIPS relationships ($(nproc) CPU cores," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg) before the run; the harness prints it again with each figure)"
exec java -Xmx2g -cp "target/test-classes:$(cat target/bench.classpath)" \
    org.yaqaza.intelligence.bench.IntelligenceBench "$REPORTS" "$RELATIONSHIPS" "$jar"

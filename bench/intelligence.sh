#!/usr/bin/env bash
# Speed figures of intelligence-service, from a clean clone with only a JDK (17+) and Maven, at each size of a
# comma-separated list, growing the same database from one size to the next:
#   phase 1 (first sizes): after a warm-up of 20,000 reports, bulk ingest rate (reports/s acknowledged, audit,
#   full-text indexing and mention extraction on; the NDJSON is written to files before the clock starts, so making
#   up reports is not timed), the ingest's share of the COPY rate, search p95 with one client and with 16
#   concurrent searchers, graph depth-2 and shortest path; then as many reports again paced at the ingest goal's
#   rate, on which the mention extraction rate and the proposal lag p95 (queued -> proposals committed) are judged;
#   each later phase (the service restarted with extraction workers off; the queue is still written): the ingest of
#   the added reports as a share of the COPY rate at the larger table (goal >= 60 %), the same latencies again and
#   each one's growth factor against phase 1 (search: goal <= 1.5).
# It prints an estimate of the run's duration first (default sizes: about 15 min on a quiet 2-core machine).
# It builds what is missing, starts its own embedded PostgreSQL and the packaged service (both stopped at the end)
# and drives them over HTTP (harness: intelligence-service/src/test/java/.../bench/IntelligenceBench.java).
# Usage: bench/intelligence.sh [reports=100000,1000000] [relationships=100000,1000000]   (one size: 5000 5000)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
REPORTS="${1:-100000,1000000}"
RELATIONSHIPS="${2:-100000,1000000}"
. "$ROOT/bench/lib/build.sh"
install_libraries

package_service intelligence-service
jar=target/quarkus-app/quarkus-run.jar

echo "intelligence-service bench: $REPORTS reports, $RELATIONSHIPS relationships ($(nproc) CPU cores," \
    "load average $(cut -d' ' -f1-3 /proc/loadavg) before the run; the harness prints it again with each figure)"
exec java -Xmx2g -cp "target/test-classes:$(cat target/bench.classpath)" \
    org.yaqaza.intelligence.bench.IntelligenceBench "$REPORTS" "$RELATIONSHIPS" "$jar"

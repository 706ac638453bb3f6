#!/usr/bin/env bash
# Server render time of the console (issue 18), from a clean clone with only a JDK (17+) and Maven: the search
# results page and the entity page at N reports, p50/p95 of the whole page (as the client sees it, through the
# gateway) and of the console's own share on top of the API calls it makes (its Server-Timing header: total minus
# the summed API calls). Goal: the console's share p95 < 150 ms. Exits 1 if the goal is missed.
# It builds what is missing, starts the whole local suite with the launcher (embedded PostgreSQL, the gateway, the
# services and the console on free ports, a temporary data directory; all stopped at the end), loads N reports
# through the bulk ingest, signs in as the demo analyst through the authorization code flow over HTTP and requests
# the pages (harness: console/src/test/java/.../bench/ConsoleBench.java).
# Usage: bench/console.sh [reports=100000]   (services' JVM flags: YAQAZA_BENCH_JVM_OPTS; Maven: MAVEN_OFFLINE=1,
# MAVEN_REPO=<local repository>)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
REPORTS="${1:-100000}"
. "$ROOT/bench/lib/build.sh"
install_libraries

for module in gateway intelligence-service liaison-service prevention-service; do
    package_only "$module"
done
package_service console

echo "console bench: $REPORTS reports ($(nproc) CPU cores, load average $(cut -d' ' -f1-3 /proc/loadavg) before" \
    "the run; the harness prints it again with each figure), commit $(git -C "$ROOT" rev-parse --short HEAD)"
exec java -Xmx1g -cp "target/test-classes:$(cat target/bench.classpath)" \
    org.yaqaza.console.bench.ConsoleBench "$REPORTS" "$ROOT"

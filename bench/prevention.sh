#!/usr/bin/env bash
# Evaluation latency of prevention-service on a programme with 50,000 participants and 200,000 attendance
# records, then with 500,000 and 2,000,000 (each size in a fresh database). Needs only a JDK (17+) and Maven: builds
# what is missing, starts an embedded PostgreSQL (zonky, via the launcher's EmbeddedDatabase) and the packaged
# service, loads the data (progress every 50,000 participants), prints p50/p95 and the load average of uncached
# requests (a different as-of month each run) and of repeated ones (the evaluation cache).
# Goals (issue 21): p95 under 250 ms at <= 50,000 participants, under 1 s above; exit status 1 if one is missed.
# Each request's p95 growth factor from the first size to each next one is printed (no goal of its own).
# Options (passed to the JVM): -Dbench.sizes=50000,500000 (the default); -Dbench.participants=N
# -Dbench.attendance=N (one size only); -Dbench.runs=N; -Dbench.explain=true
# (EXPLAIN ANALYZE of the evaluation query); -Dbench.baseline=DIR (an earlier target/quarkus-app, timed in
# alternation with this build on the same data); -Dbench.hold=FILE (keep running until FILE is deleted).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
. "$ROOT/bench/lib/build.sh"
install_libraries
package_service prevention-service
echo "== running the evaluation benchmark (service log: prevention-service/target/bench-service.log)"
exec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager "$@" -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" \
    org.yaqaza.prevention.bench.EvaluationBench

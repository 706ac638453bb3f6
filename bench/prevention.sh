#!/usr/bin/env bash
# Evaluation latency of prevention-service on a programme with 50,000 participants and 200,000 attendance
# records. Needs only a JDK (17+) and Maven: builds what is missing, starts an embedded PostgreSQL (zonky, via the
# launcher's EmbeddedDatabase) and the packaged service, loads the data, prints p50/p95 and the load average.
# Goal: under 500 ms.
# Options (passed to the JVM): -Dbench.participants=N -Dbench.attendance=N -Dbench.runs=N; -Dbench.explain=true
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

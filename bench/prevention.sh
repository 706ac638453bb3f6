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
VERSION=0.1.0-SNAPSHOT
M2="${MAVEN_REPO:-$HOME/.m2/repository}/org/yaqaza"

if [ ! -f "$M2/yaqaza-parent/$VERSION/yaqaza-parent-$VERSION.pom" ]; then
    echo "== installing the parent pom"; (cd "$ROOT" && mvn -q -N install)
fi
for module in common launcher; do
    if [ ! -f "$M2/yaqaza-$module/$VERSION/yaqaza-$module-$VERSION.jar" ]; then
        echo "== installing $module"; (cd "$ROOT/$module" && mvn -q install -DskipTests)
    fi
done

cd "$ROOT/prevention-service"
jar=target/quarkus-app/quarkus-run.jar
if [ ! -f "$jar" ] || [ -n "$(find src pom.xml -newer "$jar" -type f | head -1)" ] \
        || [ ! -f target/test-classes/org/yaqaza/prevention/bench/EvaluationBench.class ]; then
    echo "== building prevention-service"; mvn -q package -DskipTests
fi
mvn -q dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test
echo "== running the evaluation benchmark (service log: prevention-service/target/bench-service.log)"
exec java -Djava.util.logging.manager=org.jboss.logmanager.LogManager "$@" -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
    org.yaqaza.prevention.bench.EvaluationBench

#!/usr/bin/env bash
# Zero-loss soak of the whole suite (not in CI; minutes). Starts the real suite (embedded PostgreSQL, the four
# services, demo data) on free ports in a temporary data directory, sends a fixed-rate open-loop mix of reads and
# writes through the gateway to all four services (intelligence reports, liaison partners and partner submissions,
# prevention programmes, gateway tokens, dashboard and directory users), logs every acknowledged write on the client
# (writes.log) and reconciles it with the databases at the end. Prints requests, errors by status, p50/p99 latency,
# acknowledged writes, writes found, writes lost (must be 0). Exit status 0 only when nothing was lost, every partner
# submission reached the intelligence-service, and no 5xx happened outside the deliberate fault windows.
#
#   bench/soak.sh [--minutes N] [--rate R] [--faults] [--fault-service NAME] [--keep] [--no-seed] [--replicas N]
#     --minutes N         duration of the load (default 10)
#     --rate R            requests per second, all services together (default 20)
#     --faults            kill one service with SIGKILL at 30 % and start it again; stop and start PostgreSQL at 60 %;
#                         5xx inside and outside those windows are counted separately
#     --fault-service S   the service killed (default intelligence; gateway, liaison, prevention)
#     --keep              keep the database in the temporary data directory (logs and writes.log are always kept)
#     --no-seed           no demo data (faster first start; the partner submissions need the demo partner es-cni)
#     --replicas N        N instances of each domain service on the same databases, the gateway spreading requests
#                         over them; adds a FLASH warning every 10 s (deadline 30 s) and checks at the end: every
#                         overdue warning escalated once, no outbox message delivered twice (SQL), each intelligence
#                         instance's alert stream receives the alert of a report filed on another, every audit chain
#                         verifies. Prints "<n> lost, <n> duplicated, <n> chains valid".
# Environment: MAVEN_OFFLINE=1 builds offline; REBUILD=1 rebuilds even when the jars look current. Builds with
# `mvn package` in the reactor (never `install`), only when a jar is missing or older than its sources.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
. "$ROOT/bench/lib/suite.sh"
build_suite

exec "$JAVA" -Xmx768m -cp "$LAUNCHER_CLASSPATH" "$ROOT/bench/soak.java" --root "$ROOT" "$@"

#!/usr/bin/env bash
# Interactive writes (issue 21): single report creates (POST /api/intelligence/reports, each one an audited write in
# the intelligence database's hash chain) sent through the gateway by 1, 8 and 32 closed-loop clients (each its own
# collector account: the gateway's rate limit is per token subject), first with
# one instance of each domain service, then with two on the same databases (the gateway spreading requests over
# them). Per level: creates/s, p50/p95, and the mean number of database sessions waiting on the audit chain's
# advisory lock (sampled every 50 ms) — whether the chain is the ceiling. Then every acknowledged create must be
# stored with exactly one CREATE event and the chain must verify. Goal: >= 500 creates/s with 32 clients.
# Starts the real suite (embedded PostgreSQL, the four services, no demo data) on free ports in a temporary
# directory for each instance count, and stops it.
#   bench/writes.sh
# Environment: CLIENTS (1,8,32), REPLICAS (1,2), SECONDS_EACH (20 per level), WARMUP_SECONDS (5 per level, not
# counted), MAVEN_OFFLINE=1, REBUILD=1 (as soak.sh).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
. "$ROOT/bench/lib/suite.sh"
build_suite

exec "$JAVA" -Xmx768m -Dclients="${CLIENTS:-1,8,32}" -Dreplicas="${REPLICAS:-1,2}" -Dseconds="${SECONDS_EACH:-20}" \
    -Dwarmup="${WARMUP_SECONDS:-5}" -cp "$LAUNCHER_CLASSPATH" "$ROOT/bench/writes.java" "$ROOT"

#!/usr/bin/env bash
# Start-up benchmark of the local suite: for each service, the time from process start to ready (/q/health/ready
# polled every 20 ms) and its resident memory (VmRSS) once ready. Goals in JVM mode (issue 21): < 5 s on a first
# start, < 3 s on a restart, < 200 MB each.
# Services start one at a time on free ports with a temporary data directory (a running suite is not disturbed):
# first on empty databases, then restarts on the kept data.
#   bench/startup.sh [RESTARTS]        (default 2; JVM flags: YAQAZA_JVM_OPTS, see docs/local-suite.md;
#                                       YAQAZA_STARTUP_LOGS=DIR keeps the services' logs for their phases)
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"

"$ROOT/yaqaza" build

jar=""
for candidate in "$ROOT"/launcher/target/yaqaza-launcher-*.jar; do
    case "$candidate" in
        *-sources.jar | *-tests.jar | *-javadoc.jar) ;;
        *) jar="$candidate" ;;
    esac
done
[[ -f "$jar" ]] || { echo "startup.sh: the launcher jar is missing after the build" >&2; exit 1; }

echo "Yaqaza start-up benchmark, $(date -u '+%Y-%m-%d %H:%M UTC'), $(nproc) CPUs," \
    "load average before start: $(cut -d' ' -f1-3 /proc/loadavg)"
exec "$JAVA" -cp "$jar:$ROOT/launcher/target/lib/*" org.yaqaza.launcher.StartupBench "$ROOT" "${1:-2}"

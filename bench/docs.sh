#!/usr/bin/env bash
# Rewrites the generated performance blocks of docs/ (`<!-- bench:begin <bench> -->` … `<!-- bench:end -->`) from
# the latest results file under bench/results/ (by date, then time of the run, then name; *-small.md ignored):
# each figure with its goal, verdict, cause (from the results file's "Goals missed" table), load average, commit
# and date. bench/all.sh runs it after writing a results file; the launcher's BenchDocsTest (part of
# `mvn -B -ntp verify`) fails when a block differs from what this writes.
#   bench/docs.sh            rewrite the blocks
#   bench/docs.sh --check    only report what differs (exit status 1), as the test does
# Needs only a JDK 17+: the generator is one source file run as is.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
JAVA="${JAVA_HOME:+$JAVA_HOME/bin/}java"
exec "$JAVA" "$ROOT/launcher/src/main/java/org/yaqaza/launcher/BenchDocs.java" --root "$ROOT" "$@"

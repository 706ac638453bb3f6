#!/usr/bin/env bash
# Name screening quality, from a clean clone with only a JDK (17+) and Maven: recall@1, recall@10 and the
# false-hit rate at the default threshold on the evaluation set in intelligence-service/src/test/resources/screening
# (1,500 persons, 450 labelled queries incl. 90 hard negatives; regenerate with bench/screening-eval-generate.py).
# Runs ScreeningEvaluationTest: the real retrieval on an embedded PostgreSQL and the real scoring; the test fails
# when a goal is missed (recall@1 >= 0.95, recall@10 >= 0.99, false-hit rate <= 0.02).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
. "$ROOT/bench/lib/build.sh"
install_libraries

cd "$ROOT/intelligence-service"
mkdir -p target
rm -f target/screening-eval.txt
status=0
$MVN test -Dtest=ScreeningEvaluationTest -Dsurefire.failIfNoSpecifiedTests=false >target/screening-eval.log 2>&1 \
    || status=$?
if [ -f target/screening-eval.txt ]; then
    # figures first; the list of misses and false hits follows
    cat target/screening-eval.txt
    echo "(load average $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores; figures do not depend on it)"
else
    tail -50 target/screening-eval.log
fi
exit $status

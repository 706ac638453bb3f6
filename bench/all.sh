#!/usr/bin/env bash
# Runs every bench in turn (each still runs alone) and writes one results file,
# bench/results/<UTC date>-<short commit>.md: the machine (cores, memory, Java), then each bench's figures with
# its goal, whether it was met and the load average when it was taken (appended by the harnesses' BenchGoals
# through YAQAZA_BENCH_RESULTS), the bench's exit status (1 = a goal missed, other = it failed) and its log's tail
# when it printed no figure, and the table of missed goals with a cause column ("not investigated" until someone
# writes the cause found). Then bench/docs.sh rewrites the generated performance blocks of docs/ from that file
# (not after SIZE=small). A failing bench does not stop the others; the exit status is 1 when any goal was missed
# or any bench failed.
#   bench/all.sh                 every bench at its default size (about 1 h on 2 cores, see DURATION)
#   BENCHES="prevention liaison" bench/all.sh     only those (names as below)
#   SIZE=small bench/all.sh      small data sets, to check the runner itself (minutes; figures not comparable)
# Environment of the benches passes through (MAVEN_OFFLINE, MAVEN_REPO, …).
# Duration of each bench at its default size on a quiet 2-core machine, as measured in one run of all of them on 5 Dec
# 2026 (results file 2026-12-05-4020dca: 3,480 s, 58 min; builds not counted; a loaded machine is slower), in
# seconds — the runner prints their sum for the selected benches at the start:
#   startup 110 (2 restarts per service) · gateway 196 · liaison 109 (TAXII at 100k, grown to 1M)
#   prevention 465 (50k and 500k participants) · intelligence 809 (100k reports, grown to 1M) · screening 297
#   (100k and 1M names) · screening-eval 247 · linking-eval 84 · console 191 · writes 275
#   soak 697 (2 replicas of each domain service, 10 min of load, then the replica checks)
# SIZE=small: a few minutes each (the soak: 1 minute of load, with the demo data its replica checks need).
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"

small=""
[ "${SIZE:-}" = "small" ] && small=1
declare -A COMMAND=(
    [intelligence]="bench/intelligence.sh ${small:+5000 5000}"
    [screening]="bench/screening.sh ${small:+20000}"
    [screening-eval]="bench/screening-eval.sh ${small:+20000}"
    [prevention]="bench/prevention.sh ${small:+-Dbench.participants=2000 -Dbench.attendance=8000 -Dbench.runs=10}"
    [gateway]="bench/gateway.sh"
    [startup]="bench/startup.sh ${small:+1}"
    [linking-eval]="bench/linking-eval.sh ${small:+300}"
    [console]="bench/console.sh ${small:+3000}"
    [writes]="bench/writes.sh"
    [liaison]="bench/liaison.sh ${small:+5000 20000}"
    [soak]="bench/soak.sh --replicas 2 --minutes $([ -n "$small" ] && echo 1 || echo 10)"
)
declare -A DURATION=([startup]=110 [gateway]=196 [liaison]=109 [prevention]=465 [intelligence]=809 [screening]=297
    [screening-eval]=247 [linking-eval]=84 [console]=191 [writes]=275 [soak]=697)
ORDER=(startup gateway liaison prevention intelligence screening screening-eval linking-eval console writes soak)
if [ -n "$small" ]; then
    export OBJECTS="${OBJECTS:-5000}" RELEASES="${RELEASES:-30}" SECONDS_EACH="${SECONDS_EACH:-2}" \
        ROUNDS="${ROUNDS:-1}" SATURATION_SECONDS="${SATURATION_SECONDS:-2}" SATURATION_ROUNDS="${SATURATION_ROUNDS:-1}" \
        WARMUP_SECONDS="${WARMUP_SECONDS:-2}"
fi
read -r -a selected <<<"${BENCHES:-${ORDER[*]}}"

estimate=0
for bench in "${selected[@]}"; do estimate=$((estimate + ${DURATION[$bench]:-0})); done
if [ -n "$small" ]; then
    echo "== ${#selected[@]} benches (${selected[*]}), small data sets: a few minutes each"
else
    echo "== ${#selected[@]} benches (${selected[*]}), estimated $((estimate / 3600)) h $((estimate % 3600 / 60)) min" \
        "on 2 cores (bench/all.sh's header; builds and a loaded machine add to it)"
fi

commit="$(git rev-parse --short HEAD)"
dirty=""
[ -n "$(git status --porcelain --untracked-files=no)" ] && dirty=" (with uncommitted changes)"
mkdir -p bench/results target/bench-logs
results="bench/results/$(date -u +%F)-$commit${small:+-small}.md"
rows="$(mktemp)"
trap 'rm -f "$rows" "$rows.all"' EXIT

{
    echo "# Bench results $(date -u '+%F %H:%M UTC'), commit $commit$dirty"
    echo
    echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) memory," \
        "$(java -version 2>&1 | head -1 | tr -d '"'), load average at the start $(cut -d' ' -f1-3 /proc/loadavg)."
    [ -n "$small" ] && echo && echo "**Small data sets (SIZE=small): a check of the runner, not figures to compare.**"
} >"$results"

NOT_INVESTIGATED="not investigated"
status=0
for bench in "${selected[@]}"; do
    command="${COMMAND[$bench]:-}"
    if [ -z "$command" ]; then
        echo "unknown bench: $bench (known: ${ORDER[*]})" >&2
        status=1
        continue
    fi
    log="target/bench-logs/$bench.log"
    echo "== $bench: $command (log: $log)"
    : >"$rows"
    start=$(date +%s)
    # shellcheck disable=SC2086 # the command's words are meant to split
    YAQAZA_BENCH_RESULTS="$rows" $command 2>&1 | tee "$log"
    code=${PIPESTATUS[0]}
    {
        echo
        echo "## $bench"
        echo
        echo "\`$command\` — $(( $(date +%s) - start )) s, exit status $code$( [ "$code" = 1 ] && echo ' (a goal missed)')"
        echo
        if [ -s "$rows" ]; then
            echo "| bench | figure | value | goal | verdict | load average |"
            echo "|---|---|---|---|---|---|"
            cat "$rows"
        else
            echo "No figure was printed; the end of its log:"
            echo
            echo '```'
            tail -20 "$log"
            echo '```'
        fi
    } >>"$results"
    cat "$rows" >>"$rows.all"
    [ "$code" = 0 ] || status=1
done

{
    echo
    echo "## Goals missed"
    echo
    if grep -q '\*\*missed\*\*' "$rows.all" 2>/dev/null; then
        # the cause column is edited by hand once a cause is found; bench/docs.sh copies it into docs/
        echo "Each with the cause found (\`$NOT_INVESTIGATED\` until one is; edit this column, then run bench/docs.sh)."
        echo
        echo "| bench | figure | value | goal | verdict | cause |"
        echo "|---|---|---|---|---|---|"
        grep '\*\*missed\*\*' "$rows.all" | sed "s/| [^|]* |\$/| $NOT_INVESTIGATED |/"
    else
        echo "None."
    fi
} >>"$results"
echo "results: $results"
# the performance blocks of docs/ come from the latest full-size results file (never from a SIZE=small run)
if [ -z "$small" ]; then
    bench/docs.sh || status=1
fi
exit $status

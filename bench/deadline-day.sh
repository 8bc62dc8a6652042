#!/usr/bin/env bash
# Deadline day (issue 13): every agency's editors autosave their issues (chained ETags) and open their pages for
# MINUTES, while in the middle of the run every coordinator submits and its executive approves, all within one minute;
# then the same editor model against the ceiling app (bench/Pmqa.Ceiling) on the same database, for the ratio.
#   editors:   one wrk connection and thread per editor (bench/lua/editor.lua): editor 1 is the coordinator on issue
#              1.1, editor K a category owner given category K, on issue K.1 (the generator's --editors); an autosave
#              every THINK_SAVE seconds ("15,30"), a page (the assessment's home or the issue page, signed in with the
#              editor's own cookie) for PAGE_SHARE (0.25) of its actions after THINK_PAGE seconds ("3,8"); once its
#              agency has submitted, a page every 2×THINK_SAVE seconds and no more saves;
#   submits:   bench/deadline_check.py submit: agency i tells its editors to stop, waits GRACE seconds (longer than
#              the longest think time, so that the last autosave lands first), submits and approves; the submissions
#              start at mid-run minus WINDOW/2 and take WINDOW seconds (60); SUBMIT=0 leaves them out;
#   figures:   save and page p50/p95/p99 from each request's wall-clock time, non-2xx, every submission's outcome,
#              the application's largest resident memory (VmRSS each second), "database is locked" in its log, and
#              afterwards every acknowledged save read back (bench/save_check.py verify).
# PostgreSQL: a cluster of its own on port 55434 with durable settings (fsync, synchronous_commit, full_page_writes on).
# SQLite: the embedded default, as bench/sqlite-editors.sh runs it.
# Usage: bench/deadline-day.sh [minutes=5] [orgs=400] [editors=5] [database=postgres|sqlite]
#        (run as root or as a user that can run initdb; through flock /tmp/bench.lock)
set -euo pipefail
cd "$(dirname "$0")/.."
minutes=${1:-5}
orgs=${2:-400}
editors=${3:-5}
database=${4:-postgres}
export THINK_SAVE=${THINK_SAVE:-15,30} THINK_PAGE=${THINK_PAGE:-3,8} PAGE_SHARE=${PAGE_SHARE:-0.25}
window=${WINDOW:-60}
grace=${GRACE:-$(( ${THINK_SAVE#*,} + 5 ))}
ceiling_seconds=${CEILING_SECONDS:-$((minutes * 60))}
repo=$PWD
check="python3 $repo/bench/deadline_check.py"
work=$(mktemp -d)
chmod 755 "$work"
pids=()
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# BENCH_KEEP=folder: copy the logs (agents' logs, app log, submissions) there before the work folder is removed.
[[ -n ${BENCH_KEEP:-} ]] && trap 'set +e; rm -rf "$BENCH_KEEP"; mkdir -p "$BENCH_KEEP"; cp -r "$work"/*.log "$work"/product "$work"/ceiling "$BENCH_KEEP" 2>/dev/null; cleanup' EXIT
email=bench@opdc.go.th
password=Bench-pass-2026
ulimit -n "$(ulimit -Hn)"  # a socket per editor, in wrk and in the application
export DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0  # as bench/save-load.sh: no idle spinning on 2 shared cores

dotnet build src/Pmqa.Web -c Release -v q -nologo -clp:NoSummary >/dev/null
dotnet build bench/Pmqa.DataGenerator -c Release -v q -nologo -clp:NoSummary >/dev/null
dotnet build bench/Pmqa.Ceiling -c Release -v q -nologo -clp:NoSummary >/dev/null

echo "# $(date -u +%FT%TZ) · $(nproc) cores · load $(cut -d' ' -f1-3 /proc/loadavg) · $(git rev-parse --short HEAD)"
echo "# $database: $orgs agencies × $editors editors for ${minutes} min; save every ${THINK_SAVE} s, page share $PAGE_SHARE after ${THINK_PAGE} s"
if [[ $database == postgres ]]; then
  mkdir -p "$work/pg"; ((EUID == 0)) && chown postgres: "$work/pg"
  as_pg "$pg_bin/initdb" -D "$work/pg/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  as_pg "$pg_bin/pg_ctl" start -D "$work/pg/data" -l "$work/pg/log" -w -o \
    "-k $work/pg -p 55434 -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on -c full_page_writes=on -c max_connections=200" >/dev/null
  export Database__Provider=Postgres ConnectionStrings__Default="Host=127.0.0.1;Port=55434;Username=postgres;Database=pmqa_bench"
else
  export Database__Provider=Sqlite ConnectionStrings__Default="Data Source=$work/pmqa.db"
fi

started=$SECONDS
(cd "$work" && Bootstrap__AdminEmail=$email Bootstrap__AdminPassword=$password dotnet \
  "$repo/bench/Pmqa.DataGenerator/bin/Release/net10.0/Pmqa.DataGenerator.dll" --organizations "$orgs" --editors "$editors" \
  --evidence-per-assessment 1 >"$work/generator.log" 2>&1) || { tail -n 20 "$work/generator.log"; exit 1; }
echo "# generated in $((SECONDS - started)) s: $(grep '^In the database now' "$work/generator.log")"

# Ports below Linux's ephemeral range (32768-60999): 2,000 wrk connections leave many of those in TIME_WAIT.
app_port=$((20000 + RANDOM % 6000))
base=http://127.0.0.1:$app_port
(cd "$work" && RateLimiting__SignInPermitsPerMinute=100000 Database__MigrateOnStartup=false \
  exec dotnet "$repo/src/Pmqa.Web/bin/Release/net10.0/Pmqa.Web.dll" --urls "$base" >"$work/app.log" 2>&1) &
app=$!; pids+=("$app")
wait_for "$base/health"
admin=$(api_token "$base" "$email" "$password")
$check prepare "$base" "$admin" "$editors" "$work/product"
count=$(ls "$work/product/agents" | wc -l)

# RSS of a process each second, to a file, until the process ends or the sampler is killed.
sample_rss() { while [[ -r /proc/$1/status ]]; do awk '/^VmRSS/ { print $2 }' "/proc/$1/status"; sleep 1; done >"$2"; }
max_rss() { sort -n "$1" | tail -n 1 | awk '{ printf "%.0f MB", $1 / 1024 }'; }

# One run of the editor model: side (product|ceiling), base URL, seconds, the server's pid.
editors_run() {
  local side=$1 url=$2 secs=$3 pid=$4 dir=$work/$1
  mkdir -p "$dir/log" "$dir/stop"
  sample_rss "$pid" "$dir/rss" & local sampler=$!
  local submitter=
  if [[ $side == product && ${SUBMIT:-1} == 1 ]]; then
    local at=$(( minutes * 30 - grace - window / 2 )); ((at < 0)) && at=0
    $check submit "$url" "$dir/../product/coordinators.tsv" "$dir/stop" "$at" "$window" "$grace" >"$dir/submit.log" 2>&1 &
    submitter=$!
  fi
  BENCH_T0=$(python3 -c 'import time; print(int(time.clock_gettime(time.CLOCK_MONOTONIC) * 1000))') \
  BENCH_AGENTS=$dir/agents BENCH_LOG=$dir/log BENCH_STOP=$dir/stop \
    wrk -t"$count" -c"$count" -d"${secs}s" --timeout 10s -s bench/lua/editor.lua "$url" >"$dir/wrk.log" 2>&1 || true
  [[ -n $submitter ]] && { wait "$submitter" || true; }
  kill "$sampler" 2>/dev/null || true
  echo "## $side: $(grep '^RESULT' "$dir/wrk.log" || tail -n 3 "$dir/wrk.log"); largest RSS $(max_rss "$dir/rss")"
  $check latency "$dir/log"
  $check timeline "$dir/log" "${STEP:-60}"
  if [[ -f $dir/submit.log ]]; then { grep -v '^SUBMIT' "$dir/submit.log" | head -n 10; grep '^SUBMIT' "$dir/submit.log"; } || true; fi
  $check verify "$dir/verify.tsv" "$dir/log" "$url" | tail -n 5
}

echo "# $count editors signed in; preparing took $((SECONDS - started)) s in all"
editors_run product "$base" "$((minutes * 60))" "$app"
echo "## product log: $(grep -c 'database is locked' "$work/app.log" || true) \"database is locked\", $(grep -c ' fail: \|crit: ' "$work/app.log" || true) errors logged"
grep -m 5 ' fail: \|crit: ' -A 3 "$work/app.log" || true
kill "$app"; wait "$app" 2>/dev/null || true

ceiling_port=$((26000 + RANDOM % 6000))
cbase=http://127.0.0.1:$ceiling_port
(cd "$work" && Ceiling__Rows=$count exec dotnet "$repo/bench/Pmqa.Ceiling/bin/Release/net10.0/Pmqa.Ceiling.dll" \
  --urls "$cbase" >"$work/ceiling.log" 2>&1) &
ceiling=$!; pids+=("$ceiling")
wait_for "$cbase/rows"
$check ceiling "$cbase" "$count" "$work/ceiling"
editors_run ceiling "$cbase" "$ceiling_seconds" "$ceiling"
echo "## ceiling log: $(grep -c 'database is locked' "$work/ceiling.log" || true) \"database is locked\""
echo "# done in $((SECONDS - started)) s"

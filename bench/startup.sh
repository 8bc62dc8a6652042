#!/usr/bin/env bash
# Start to first answer and resident memory (issue 13: "start to first answer ≤ 3 s", "memory ≤ 400 MB"), on the
# embedded default (SQLite, a fresh data folder: migrations, seeding and the first request included) and on PostgreSQL
# (durable: fsync on, a fresh database), each started `runs` times from the Release build.
# Figures: ms from process start to the first 200 of /health and of the sign-in page, and the app's RSS after the
# sign-in page (from /proc), and the CPU ms the app had used by then (its start-up timeline, Infrastructure/Startup/
# StartupTimeline.cs: less sensitive than the wall-clock to a machine shared with other work).
# The first start of each database creates it; later starts find it migrated. Each start's whole timeline follows the table.
# Then the ceiling app (bench/Pmqa.Ceiling: bare ASP.NET Core + EF Core, one table) started the same way in the same
# folder or PostgreSQL cluster (its own database there), to its first 200 of /rows, with its CPU ms from /proc; the last lines give best product / best ceiling.
# Usage: bench/startup.sh [runs=3] [databases="sqlite postgres"]
#   PMQA_APP_DLL=/opt/pmqa/Pmqa.Web.dll bench/startup.sh   measures another build, e.g. a ReadyToRun publish
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
runs=${1:-3}
databases=${2:-sqlite postgres}
bench_init src/Pmqa.Web bench/Pmqa.Ceiling
app_dll=${PMQA_APP_DLL:-$repo/src/Pmqa.Web/bin/Release/net10.0/Pmqa.Web.dll}
now_ms() { date +%s%3N; }
first_200() { until curl -sf -o /dev/null "$1"; do sleep 0.02; done; now_ms; }
echo "# $(date -u +%FT%TZ) · $(nproc) cores · $(git rev-parse --short HEAD) · $app_dll"
printf '%-10s %4s %16s %18s %10s %8s\n' database run "health_ms" "signin_page_ms" "rss_mb" "cpu_ms"
declare -A best_page best_ceiling
for db in $databases; do
  if [[ $db == postgres ]]; then
    start_pg 55446
  fi
  for ((r = 1; r <= runs; r++)); do
    port=$((20000 + RANDOM % 20000))
    mkdir -p "$work/$db"
    start=$(now_ms)
    if [[ $db == postgres ]]; then
      (cd "$work/$db" && Database__Provider=Postgres ConnectionStrings__Default="Host=127.0.0.1;Port=55446;Username=postgres;Database=pmqa_startup" \
        exec dotnet "$app_dll" --urls "http://127.0.0.1:$port" >"$work/$db-$r.log" 2>&1) &
    else
      (cd "$work/$db" && exec dotnet "$app_dll" --urls "http://127.0.0.1:$port" >"$work/$db-$r.log" 2>&1) &
    fi
    app=$!; pids+=("$app")
    health=$(first_200 "http://127.0.0.1:$port/health")
    page=$(first_200 "http://127.0.0.1:$port/account/login")
    rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$app/status")
    sleep 0.2 # the timeline is logged just after the answer
    cpu=$(grep -o 'answered /account/login [0-9]*/[0-9]*' "$work/$db-$r.log" | head -n 1 | cut -d/ -f4 || true) # none before 30f9b8e
    printf '%-10s %4d %16d %18d %10d %8s\n' "$db" "$r" $((health - start)) $((page - start)) "$rss" "${cpu:--}"
    kill "$app"; wait "$app" 2>/dev/null || true
    best_page[$db]=$(( ${best_page[$db]:-999999} < page - start ? ${best_page[$db]:-999999} : page - start ))
  done
  for ((r = 1; r <= runs; r++)); do
    port=$((20000 + RANDOM % 20000))
    start=$(now_ms)
    if [[ $db == postgres ]]; then
      (cd "$work/$db" && Database__Provider=Postgres ConnectionStrings__Default="Host=127.0.0.1;Port=55446;Username=postgres;Database=postgres" \
        exec dotnet "$ceiling_dll" --urls "http://127.0.0.1:$port" >/dev/null 2>&1) &
    else
      (cd "$work/$db" && exec dotnet "$ceiling_dll" --urls "http://127.0.0.1:$port" >/dev/null 2>&1) &
    fi
    ceiling=$!; pids+=("$ceiling")
    rows=$(first_200 "http://127.0.0.1:$port/rows")
    rss=$(awk '/VmRSS/ {printf "%.0f", $2 / 1024}' "/proc/$ceiling/status")
    cpu=$(awk -v hz="$(getconf CLK_TCK)" '{printf "%.0f", ($14 + $15) * 1000 / hz}' "/proc/$ceiling/stat")
    printf '%-10s %4d %16d %18d %10d %8s\n' "$db-ceil" "$r" $((rows - start)) $((rows - start)) "$rss" "$cpu"
    kill "$ceiling"; wait "$ceiling" 2>/dev/null || true
    best_ceiling[$db]=$(( ${best_ceiling[$db]:-999999} < rows - start ? ${best_ceiling[$db]:-999999} : rows - start ))
  done
done
for db in $databases; do
  echo "# $db: best first page ${best_page[$db]} ms, ceiling's best first answer ${best_ceiling[$db]} ms, ratio $(awk -v a="${best_page[$db]}" -v b="${best_ceiling[$db]}" 'BEGIN {printf "%.1f", a / b}')"
done
# Each start's timeline (phase wall ms/CPU ms since the process started, StartupTimeline.cs), to see where it went.
echo "# timelines"
for log in "$work"/*-*.log; do
  line=$(grep -o 'Start-up timeline[^:]*: .*answered /account/login [0-9/]*' "$log" | head -n 1 || true)
  echo "$(basename "$log" .log): ${line#*: }"
done

#!/usr/bin/env bash
# The application's memory under OPDC's dashboard load at stress scale (issue 13: <= 400 MB), one phase after another
# on a freshly started process: <seconds> s at <connections> connections on the national dashboard, its band filter,
# the heat map as CSV and every table as a workbook; after each, RSS now and at most (the kernel's high-water mark),
# the runtime's gen2 collections and its heap after the last collection (from /metrics).
# Reuses the kept cluster of bench/dashboard-load.sh (DASHBOARD_DB=<dir>, required; 8,242 organisations a round).
# GC settings to compare go in the environment, e.g. DOTNET_GCLOHThreshold=0x14C08 (the runtime's default 85 KB
# instead of ADR 0041's 2 MB) or DOTNET_gcServer=0 (workstation GC).
# Usage: DASHBOARD_DB=/tmp/dash2/db flock /tmp/bench.lock bench/dashboard-memory.sh [seconds=8] [connections=2]
set -euo pipefail
seconds=${1:-8}
conns=${2:-2}
: "${DASHBOARD_DB:?set DASHBOARD_DB to the cluster kept by bench/dashboard-load.sh}"
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_init src/Pmqa.Web
pg_dir=$DASHBOARD_DB
start_pg 55434 max_connections=100
export Database__Provider=Postgres
export ConnectionStrings__Default="Host=127.0.0.1;Port=55434;Username=postgres;Database=pmqa_dashboard"
export Storage__Path=$work/blobs
start_app $((20000 + RANDOM % 20000))
admin=$(api_token "$base" bench@opdc.go.th Bench-pass-2026)
round=$(psql -h 127.0.0.1 -p 55434 -U postgres -d pmqa_dashboard -tAc \
  'SELECT "RoundId" FROM "Assessments" GROUP BY 1 ORDER BY count(*) FILTER (WHERE "SubmittedAt" IS NOT NULL) DESC LIMIT 1')
echo "# $(date -u +%FT%TZ) · $(nproc) cores · ${seconds}s per phase at $conns connections · $(git rev-parse --short HEAD) · DOTNET_GCLOHThreshold=${DOTNET_GCLOHThreshold:-runtimeconfig} DOTNET_gcServer=${DOTNET_gcServer:-default}"
app_memory started
for phase in dashboard "dashboard?band=basic" "dashboard.csv?table=heatmap" dashboard.xlsx; do
  wrk -t2 -c"$conns" -d"${seconds}s" --timeout 30s -H "Authorization: Bearer $admin" "$base/api/v1/rounds/$round/$phase" >/dev/null
  app_memory "$phase"
done

#!/usr/bin/env bash
# The save and read benchmark of issue 8 (targets in docs/performance.md), product and ceiling in ONE run:
#   saves: PUT /api/v1/assessments/{id}/issues/1.1 chained by ETag (If-Match from the previous answer), one
#          agency per connection, at 1, 8 and 32 connections, beside the ceiling app's read-by-key-and-update
#          (bench/Pmqa.Ceiling); after each run every acknowledged save is checked against what GET returns;
#   reads: the score API, the issue API and the issue page (signed in with a cookie) at 32 connections,
#          beside the ceiling's 12-row read.
# On PostgreSQL (its own durable cluster on port 55433: fsync=on, synchronous_commit=on) and on SQLite.
# Figures: req/s, p50, p95, p99 and the application's CPU per request (from /proc/<pid>/stat).
# Usage: bench/save-load.sh [seconds=10] [databases="postgres sqlite"]   (run as root or as a user that can run initdb)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
seconds=${1:-10}
databases=${2:-postgres sqlite}
bench_init src/Pmqa.Web bench/Pmqa.DataGenerator bench/Pmqa.Ceiling
check="python3 $repo/bench/save_check.py"
results=$work/results.tsv
email=bench@opdc.go.th
password=Bench-pass-2026
agencies=32
# No idle spinning of the thread pool's workers: on 2 shared cores it burns CPU that is not the request's work,
# in both apps alike, and would hide the CPU per request this benchmark measures.
export DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0


# wrk once; appends "db what side connections cpu_ms RESULT-figures" to the results
measure() {
  local db=$1 what=$2 side=$3 conns=$4 pid=$5; shift 5
  local before after line
  before=$($check cpu "$pid")
  line=$(wrk "$@" | grep '^RESULT')
  after=$($check cpu "$pid")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$db" "$what" "$side" "$conns" "$((after - before))" "$(echo "${line#RESULT }" | tr ' ' '\t')" >>"$results"
  printf '  %-8s %-22s %-8s c=%-3s cpu=%sms %s\n' "$db" "$what" "$side" "$conns" "$((after - before))" "${line#RESULT }"
}

saves() {  # db side base pid conns [tokens]
  local db=$1 side=$2 base=$3 pid=$4 conns=$5 tokens=${6:-}
  local logdir=$work/$db-$side-$conns
  mkdir -p "$logdir"
  $check agents "$logdir/agents" "$base" "$side" "$conns" $tokens
  BENCH_AGENTS=$logdir/agents BENCH_LOG=$logdir measure "$db" save "$side" "$conns" "$pid" \
    -t"$conns" -c"$conns" -d"${seconds}s" -s bench/lua/save.lua "$base"
  $check verify "$logdir/agents" "$logdir" "$base" | sed 's/^/    /'
}

one_database() {
  local db=$1 connection
  local app_port=$((20000 + RANDOM % 20000)) ceiling_port=$((40000 + RANDOM % 20000))
  local dir=$work/$db
  mkdir -p "$dir"
  if [[ $db == postgres ]]; then
    start_pg 55433 fsync=on synchronous_commit=on full_page_writes=on max_connections=200
    export Database__Provider=Postgres
    connection="Host=127.0.0.1;Port=55433;Username=postgres;Database=pmqa_bench"
  else
    export Database__Provider=Sqlite
    connection="Data Source=$dir/pmqa.db"
  fi
  export ConnectionStrings__Default=$connection
  echo "# $db: generating $agencies agencies"
  (cd "$dir" && Bootstrap__AdminEmail=$email Bootstrap__AdminPassword=$password \
    dotnet "$repo/bench/Pmqa.DataGenerator/bin/Release/net10.0/Pmqa.DataGenerator.dll" --organizations $agencies >"$dir/generator.log" 2>&1)
  (cd "$dir" && RateLimiting__SignInPermitsPerMinute=100000 Database__MigrateOnStartup=false \
    exec dotnet "$repo/src/Pmqa.Web/bin/Release/net10.0/Pmqa.Web.dll" --urls "http://127.0.0.1:$app_port" >"$dir/app.log" 2>&1) &
  local app=$!; pids+=("$app")
  (cd "$dir" && exec dotnet "$repo/bench/Pmqa.Ceiling/bin/Release/net10.0/Pmqa.Ceiling.dll" --urls "http://127.0.0.1:$ceiling_port" >"$dir/ceiling.log" 2>&1) &
  local ceiling=$!; pids+=("$ceiling")
  local base=http://127.0.0.1:$app_port cbase=http://127.0.0.1:$ceiling_port
  wait_for "$base/health"; wait_for "$cbase/rows"

  # One coordinator's token per agency (the generator's users), and the assessments to save into.
  local tokens=$dir/tokens
  : >"$tokens"
  local admin
  admin=$(api_token "$base" "$email" "$password")
  python3 - "$base" "$admin" >"$dir/assessments" <<'PY'
import json, sys, urllib.request
base, token = sys.argv[1], sys.argv[2]
def get(path):
    return json.load(urllib.request.urlopen(urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})))
orgs, page = [], 1
while True:
    items = get(f"/api/v1/organizations?page={page}")["items"]
    if not items: break
    orgs, page = orgs + items, page + 1
for org in orgs:
    for a in get(f"/api/v1/organizations/{org['id']}/assessments"):
        if a["state"] == "draft": print(a["id"], org["code"].lower())
PY
  while read -r assessment code; do
    local t
    t=$(api_token "$base" "coordinator@$code.demo.go.th" Demo-pass-2026) || continue
    printf '%s\t%s\n' "$assessment" "$t" >>"$tokens"
  done <"$dir/assessments"
  echo "# $db: $(wc -l <"$tokens") agencies with a coordinator's token"

  # Warm-up (JIT, pools, pack cache), not measured.
  BENCH_AGENTS=/dev/null true
  mkdir -p "$work/warm"
  $check agents "$work/warm/agents" "$base" product 2 "$tokens"
  BENCH_AGENTS=$work/warm/agents BENCH_LOG=$work/warm wrk -t2 -c2 -d3s -s bench/lua/save.lua "$base" >/dev/null
  $check agents "$work/warm/agents" "$cbase" ceiling 2
  BENCH_AGENTS=$work/warm/agents BENCH_LOG=$work/warm wrk -t2 -c2 -d3s -s bench/lua/save.lua "$cbase" >/dev/null

  for conns in 1 8 32; do
    saves "$db" ceiling "$cbase" "$ceiling" "$conns"
    saves "$db" product "$base" "$app" "$conns" "$tokens"
  done

  local first coordinator_token cookie jar=$dir/cookies form anti code
  # The reads use the first agency that has a coordinator (many generated organisations have no people):
  # the assessment, its coordinator's token and, for the cookie, its code all come from that one agency.
  read -r first coordinator_token <"$tokens"
  code=$(awk -v id="$first" '$1 == id { print $2 }' "$dir/assessments")
  form=$(curl -sf -c "$jar" "$base/account/login")
  anti=$(printf '%s' "$form" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | sed -E 's/.*value="([^"]*)"/\1/' | head -n 1)
  curl -sf -b "$jar" -c "$jar" -o /dev/null -X POST "$base/account/login" --data-urlencode "Input.Email=coordinator@$code.demo.go.th" \
    --data-urlencode "Input.Password=Demo-pass-2026" --data-urlencode "__RequestVerificationToken=$anti"
  cookie=$(awk '$6 == "pmqa.auth" { print $6 "=" $7 }' "$jar")
  # Without it the page figure would time the redirect to the sign-in page.
  [[ -n $cookie ]] || { echo "no sign-in cookie for coordinator@$code" >&2; exit 1; }
  wrk -t2 -c32 -d3s "$base/assessments/$first/issues/1.1" -H "Cookie: $cookie" >/dev/null
  measure "$db" read ceiling 32 "$ceiling" -t2 -c32 -d"${seconds}s" -s bench/lua/read.lua "$cbase/rows"
  measure "$db" "score API" product 32 "$app" -t2 -c32 -d"${seconds}s" -s bench/lua/read.lua \
    -H "Authorization: Bearer $coordinator_token" "$base/api/v1/assessments/$first/score"
  measure "$db" "issue API" product 32 "$app" -t2 -c32 -d"${seconds}s" -s bench/lua/read.lua \
    -H "Authorization: Bearer $coordinator_token" "$base/api/v1/assessments/$first/issues/1.1"
  measure "$db" "issue page" product 32 "$app" -t2 -c32 -d"${seconds}s" -s bench/lua/read.lua \
    -H "Cookie: $cookie" "$base/assessments/$first/issues/1.1"

  kill "$app" "$ceiling"; wait "$app" "$ceiling" 2>/dev/null || true
}

echo "# $(date -u +%FT%TZ) · $(nproc) cores · ${seconds}s per figure · $(git rev-parse --short HEAD)"
for db in $databases; do one_database "$db"; done
echo
$check report "$results"

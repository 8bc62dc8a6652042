#!/usr/bin/env bash
# The PostgreSQL restart drill of issue 13 (docs/reliability.md). On a throwaway durable cluster (port 55444,
# fsync=on, synchronous_commit=on), with 6 clients autosaving (chained ETags) and uploading evidence, and a probe
# asking /health, an API read and a signed-in page (Accept: text/html) every ~100 ms:
#   1. `pg_ctl restart -m fast` (the plain restart), then
#   2. `pg_ctl stop -m fast`, DOWN seconds without a database, `pg_ctl start` (a slow restart, long enough to see).
# After each: the time until each probe answers successfully again, measured from the moment PostgreSQL accepts
# connections (target <= 10 s, by itself: the application is never restarted); every answer during the outage is a
# clear one (/health 503 Unhealthy; API 503 problem document with Retry-After and a Thai "try again" title; page 503
# friendly page), never a 500 or a stack trace; then every acknowledged save and upload is stored as acknowledged.
# Usage: bench/pg-restart-drill.sh [down=5]   (as root or a user that can run initdb)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
down=${1:-5}
bench_init src/Pmqa.Web bench/Pmqa.DataGenerator
drill="python3 $repo/bench/fault_drill.py"
app_dll=$repo/src/Pmqa.Web/bin/Release/net10.0/Pmqa.Web.dll
failed=0
email=drill@opdc.go.th
password=Drill-pass-2026
dir=$work/postgres port=$((20000 + RANDOM % 20000))
mkdir -p "$dir"
start_pg 55444 fsync=on synchronous_commit=on # sets pg_options, used again for the restarts below
export PGHOST=127.0.0.1 PGPORT=55444 PGUSER=postgres Database__Provider=Postgres
export ConnectionStrings__Default="Host=127.0.0.1;Port=55444;Username=postgres;Database=pmqa_restart"
export DataProtection__KeysPath=$dir/keys Storage__Path=$dir/blobs RateLimiting__SignInPermitsPerMinute=10000
(cd "$dir" && Bootstrap__AdminEmail=$email Bootstrap__AdminPassword=$password \
  dotnet "$repo/bench/Pmqa.DataGenerator/bin/Release/net10.0/Pmqa.DataGenerator.dll" --organizations 12 >"$dir/generator.log" 2>&1)
base=http://127.0.0.1:$port
(cd "$dir" && exec dotnet "$app_dll" --urls "$base" >"$dir/app.log" 2>&1) &
app=$!; pids+=("$app")
wait_for "$base/health"
admin=$(api_token "$base" "$email" "$password")
$drill clients "$base" "$admin" "$dir/clients" 7
# The probe is the seventh agency's coordinator: an API token and a signed-in browser cookie.
read -r assessment token _ < <(tail -n 1 "$dir/clients")
head -n 6 "$dir/clients" >"$dir/writers"
probe_email=coordinator@$(tail -n 1 "$dir/clients" | cut -f3).demo.go.th
jar=$dir/cookies
form=$(curl -sf -c "$jar" "$base/account/login")
anti=$(printf '%s' "$form" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | sed -E 's/.*value="([^"]*)"/\1/' | head -n 1)
curl -sf -b "$jar" -c "$jar" -o /dev/null -X POST "$base/account/login" --data-urlencode "Input.Email=$probe_email" \
  --data-urlencode "Input.Password=Demo-pass-2026" --data-urlencode "__RequestVerificationToken=$anti"
cookie=$(awk '$6 == "pmqa.auth" { print $6 "=" $7 }' "$jar")
[[ -n $cookie ]] || { echo "no sign-in cookie for $probe_email" >&2; exit 1; }
[[ $(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $cookie" "$base/assessments/$assessment") == 200 ]] || { echo "the probe's page does not answer 200" >&2; exit 1; }

echo "# $(date -u +%FT%TZ) · $(nproc) cores · $(git rev-parse --short HEAD) · PostgreSQL $("$pg_bin/postgres" --version | awk '{print $3}') fsync=on"
for event in restart "stop-${down}s-start"; do
  logs=$dir/$event
  mkdir -p "$logs"
  $drill burst "$base" "$dir/writers" "$logs" "$logs/stop" &
  burst=$!
  $drill probe "$base" "$token" "$assessment" "$cookie" "$logs/probe" "$logs/stop" &
  probe=$!
  sleep 3
  down_at=$(date +%s.%N)
  if [[ $event == restart ]]; then
    without_lock_fds as_pg "$pg_bin/pg_ctl" restart -D "$work/pg/data" -l "$work/pg/log" -m fast -w -o "$pg_options" >/dev/null
  else
    as_pg "$pg_bin/pg_ctl" stop -D "$work/pg/data" -m fast -w >/dev/null
    sleep "$down"
    without_lock_fds as_pg "$pg_bin/pg_ctl" start -D "$work/pg/data" -l "$work/pg/log" -w -o "$pg_options" >/dev/null
  fi
  up_at=$(date +%s.%N)
  sleep 12
  touch "$logs/stop"; wait "$burst" "$probe" || true
  echo "# $event: $(cat "$logs"/client-*.log | grep -c '^ACK' || true) saves and $(cat "$logs"/client-*.log | grep -c '^UPACK' || true) uploads acknowledged, $(cat "$logs"/client-*.log | grep -c '^REFUSED\|^UPREFUSED\|^ERR' || true) refused or failed (to be sent again)"
  $drill outage "$logs/probe" "$down_at" "$up_at" "$([[ $event == restart ]] && echo 0 || echo 1)" || failed=1
  $drill verify "$base" "$dir/writers" "$logs" || failed=1
done
$drill store postgres pmqa_restart "$dir/blobs" || failed=1
grep -c 'Database unreachable; answered 503' "$dir/app.log" | sed 's/^/  503 answers logged as "Database unreachable": /'
cp "$dir/app.log" "${DRILL_APP_LOG:-/dev/null}" 2>/dev/null || true
if grep -q 'Unhandled exception' "$dir/app.log"; then echo "  the application logged unhandled exceptions (500):"; grep -A3 'Unhandled exception' "$dir/app.log" | head -20; failed=1; fi
if ((failed)); then echo "DRILL FAILED"; exit 1; fi
echo "DRILL PASSED: the application recovered by itself within 10 s, answered clearly while PostgreSQL was down, lost no acknowledged write"

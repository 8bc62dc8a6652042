#!/usr/bin/env bash
# The SIGKILL drill of issue 13 (docs/reliability.md): nothing acknowledged is lost, nothing is half-written.
# Per database and per round (ROUNDS times, on the same instance):
#   1. 30 e-mails are put in the notification outbox (as a committed change does) while an SMTP sink accepts one
#      every 150 ms, so the sender is mid-way when the kill comes;
#   2. 6 clients burst: chained autosaves (If-Match with the previous answer's ETag) and evidence uploads
#      (8-64 KB PDFs), each request and acknowledgement logged (bench/fault_drill.py burst);
#   3. 0.5-2.5 s after the clients' first 12 acknowledged saves, kill -9 the application, then start it again (the time to its first answer is printed);
#   4. check: every client's last acknowledged save is what GET returns; every acknowledged upload is listed;
#      every evidence row in the database (read with sqlite3/psql) has its file with the right SHA-256 and
#      length; the outbox sends what it had not sent and each drill e-mail reaches the sink once (at most the one
#      message in flight at a kill twice: delivery is at least once, ADR 0009).
# PostgreSQL: its own throwaway durable cluster (port 55443, fsync=on, synchronous_commit=on).
# Usage: bench/kill-drill.sh [rounds=3] [databases="postgres sqlite"]   (as root or a user that can run initdb)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
rounds=${1:-3}
databases=${2:-postgres sqlite}
bench_init src/Pmqa.Web bench/Pmqa.DataGenerator
drill="python3 $repo/bench/fault_drill.py"
app_dll=$repo/src/Pmqa.Web/bin/Release/net10.0/Pmqa.Web.dll
failed=0
email=drill@opdc.go.th
password=Drill-pass-2026

one_database() {
  local db=$1 dir=$work/$1 port=$((20000 + RANDOM % 20000)) smtp_port=$((40000 + RANDOM % 20000)) target
  mkdir -p "$dir"
  if [[ $db == postgres ]]; then
    start_pg 55443 fsync=on synchronous_commit=on
    export PGHOST=127.0.0.1 PGPORT=55443 PGUSER=postgres Database__Provider=Postgres
    export ConnectionStrings__Default="Host=127.0.0.1;Port=55443;Username=postgres;Database=pmqa_kill"
    target=pmqa_kill
  else
    export Database__Provider=Sqlite ConnectionStrings__Default="Data Source=$dir/pmqa.db"
    target=$dir/pmqa.db
  fi
  export DataProtection__KeysPath=$dir/keys Storage__Path=$dir/blobs RateLimiting__SignInPermitsPerMinute=10000
  export Smtp__Host=127.0.0.1 Smtp__Port=$smtp_port Smtp__PollSeconds=1 Smtp__TimeoutSeconds=2
  (cd "$dir" && Bootstrap__AdminEmail=$email Bootstrap__AdminPassword=$password \
    dotnet "$repo/bench/Pmqa.DataGenerator/bin/Release/net10.0/Pmqa.DataGenerator.dll" --organizations 12 >"$dir/generator.log" 2>&1)
  $drill smtp "$smtp_port" "$dir/mails" 150 >"$dir/smtp.log" 2>&1 &
  pids+=($!)
  local base=http://127.0.0.1:$port app
  run_app() {
    (cd "$dir" && exec dotnet "$app_dll" --urls "$base" >>"$dir/app.log" 2>&1) &
    app=$!; pids+=("$app")
  }
  run_app
  wait_for "$base/health"
  local admin
  admin=$(api_token "$base" "$email" "$password")
  $drill clients "$base" "$admin" "$dir/clients" 6
  for round in $(seq 1 "$rounds"); do
    local logs=$dir/round-$round
    $drill seed-outbox "$db" "$target" "$db-$round" 30
    $drill burst "$base" "$dir/clients" "$logs" "$dir/stop-$round" &
    local burst=$!
    # The kill comes 0.5-2.5 s after the clients' first 12 acknowledgements (however slow the machine is that day).
    for _ in $(seq 1 600); do (( $(cat "$logs"/client-*.log 2>/dev/null | grep -c '^ACK' || true) >= 12 )) && break; sleep 0.1; done
    sleep "$(python3 -c 'import random; print(round(random.uniform(0.5, 2.5), 2))')"
    kill -9 "$app"; wait "$app" 2>/dev/null || true
    touch "$dir/stop-$round"; wait "$burst" || true
    local acked sent_mails started answered
    acked=$(cat "$logs"/client-*.log | grep -c '^ACK' || true)
    sent_mails=$(wc -l <"$dir/mails" 2>/dev/null || echo 0)
    started=$(date +%s%N)
    run_app
    WAIT_TRIES=200 wait_for "$base/health"
    answered=$(date +%s%N)
    echo "# $db round $round: killed after $acked acknowledged saves, $(cat "$logs"/client-*.log | grep -c '^UPACK' || true) uploads, $sent_mails e-mails delivered so far; restarted, first answer after $(( (answered - started) / 1000000 )) ms"
    if ((acked == 0)); then echo "  no save was acknowledged before the kill: the round proves nothing"; failed=1; fi
    $drill verify "$base" "$dir/clients" "$logs" || failed=1
    $drill store "$db" "$target" "$dir/blobs" || failed=1
    $drill outbox "$db" "$target" "$dir/mails" "$round" || failed=1
  done
  kill "$app"; wait "$app" 2>/dev/null || true
}

echo "# $(date -u +%FT%TZ) · $(nproc) cores · $rounds rounds · $(git rev-parse --short HEAD)"
for db in $databases; do one_database "$db"; done
if ((failed)); then echo "DRILL FAILED"; exit 1; fi
echo "DRILL PASSED: after every kill -9, every acknowledged save and upload is there, every evidence row has its whole file, the outbox sent the rest"

#!/usr/bin/env bash
# HTTP load on the read paths people hit most: /health, the framework tree (API), a framework issue page,
# and, on data made by the demo generator (30 agencies, 60 % submitted, 70 % of those reviewed), an
# assessment's score card (API), its issue page and home as its coordinator, and OPDC's review reads:
# the feedback report, the consensus overview, the reviewers' workload and the round's award candidates.
# Release build on SQLite in a temp folder; wrk measures.
# Usage: bench/http-load.sh [seconds=15] [connections=32]
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
seconds=${1:-15}
connections=${2:-32}
command -v wrk >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -qq wrk >/dev/null; }
bench_init src/Pmqa.Web bench/Pmqa.DataGenerator
port=$((20000 + RANDOM % 20000))
email=bench@opdc.go.th
password=Bench-pass-2026
(cd "$work" && Bootstrap__AdminEmail=$email Bootstrap__AdminPassword=$password \
  dotnet "$repo/bench/Pmqa.DataGenerator/bin/Release/net10.0/Pmqa.DataGenerator.dll" --organizations 30 --submitted-share 0.6 --reviewed-share 0.7 >"$work/generator.log" 2>&1)
(cd "$work" && Bootstrap__AdminEmail=$email Bootstrap__AdminPassword=$password \
  dotnet "$repo/src/Pmqa.Web/bin/Release/net10.0/Pmqa.Web.dll" --urls "http://127.0.0.1:$port" >"$work/app.log" 2>&1) &
app=$!; pids+=("$app")
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && break; sleep 0.5; done

token=$(api_token "http://127.0.0.1:$port" "$email" "$password")
# A signed-in cookie for pages: post the sign-in form with its antiforgery token.
sign_in() {
  local jar="$work/cookies-$1"
  local form anti
  form=$(curl -sf -c "$jar" "http://127.0.0.1:$port/account/login")
  anti=$(printf '%s' "$form" | grep -o 'name="__RequestVerificationToken"[^>]*value="[^"]*"' | sed -E 's/.*value="([^"]*)"/\1/' | head -n 1)
  curl -sf -b "$jar" -c "$jar" -o /dev/null -X POST "http://127.0.0.1:$port/account/login" \
    --data-urlencode "Input.Email=$1" --data-urlencode "Input.Password=$2" --data-urlencode "__RequestVerificationToken=$anti"
  awk '$6 == "pmqa.auth" { print $6 "=" $7 }' "$jar"
}
cookie=$(sign_in "$email" "$password")
coordinator=coordinator@demo-d001.demo.go.th
coordinator_cookie=$(sign_in "$coordinator" Demo-pass-2026)
org=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/organizations?search=DEMO-D001" | grep -o '"id":"[^"]*"' | head -n 1 | cut -d'"' -f4)
assessment=$(curl -sf -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/organizations/$org/assessments" | grep -o '"id":"[^"]*"' | head -n 1 | cut -d'"' -f4)

run() {
  local name=$1; shift
  printf '\n## %s\n' "$name"
  wrk -t2 -c"$connections" -d"${seconds}s" --latency "$@" | grep -E 'Requests/sec|Latency  |50%|99%|Non-2xx|Transfer/sec'
}
echo "# $(date -u +%FT%TZ) · $(nproc) cores · ${seconds}s · ${connections} connections"
# A reviewed assessment (its score confirmed) and the round, read straight from the generated database.
read -r reviewed round_id < <(python3 -c "
import sqlite3; c = sqlite3.connect('$work/data/pmqa.db')
print(*c.execute(\"select Id, RoundId from Assessments where VerifiedTotal is not null order by Id limit 1\").fetchone())")

run "GET /health" "http://127.0.0.1:$port/health"
run "GET /api/v1/frameworks/pmqa-4.0 (whole tree, $(curl -s -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/frameworks/pmqa-4.0" | wc -c) bytes)" \
  -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/frameworks/pmqa-4.0"
run "GET /frameworks/pmqa-4.0/issues/1.1 (page, signed in)" -H "Cookie: $cookie" "http://127.0.0.1:$port/frameworks/pmqa-4.0/issues/1.1"
run "GET /api/v1/assessments/{id}/score (30 issues scored per request)" -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/assessments/$assessment/score"
run "GET /assessments/{id}/issues/7.1 (coordinator's page: answers, score, evidence panel)" -H "Cookie: $coordinator_cookie" "http://127.0.0.1:$port/assessments/$assessment/issues/7.1"
run "GET /assessments/{id} (home: score card, progress, radar data)" -H "Cookie: $coordinator_cookie" "http://127.0.0.1:$port/assessments/$assessment"
run "GET /api/v1/assessments/{id}/feedback (self, consensus and final cards, 30 issues)" -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/assessments/$reviewed/feedback"
run "GET /api/v1/assessments/{id}/consensus (two reviewers' cards and the consensus)" -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/assessments/$reviewed/consensus"
run "GET /api/v1/reviews/workload" -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/reviews/workload"
run "GET /api/v1/rounds/{id}/award-candidates" -H "Authorization: Bearer $token" "http://127.0.0.1:$port/api/v1/rounds/$round_id/award-candidates"
server=$(pgrep -f "Pmqa.Web.dll --urls http://127.0.0.1:$port" | head -n 1)
printf '\nserver resident memory after load: %s MB\n' "$(( $(awk '/VmRSS/ { print $2 }' "/proc/$server/status") / 1024 ))"

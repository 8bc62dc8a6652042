#!/usr/bin/env bash
# Evidence upload memory (issue 13: "Evidence upload of a 25 MB file: the server's memory grows by no more than 10 MB").
# Release build on PostgreSQL (its own cluster, port 55448, fsync on); the generator makes one organisation with an
# editable assessment; its coordinator uploads <count> different 25 MB files (a PDF header and random bytes, the
# largest file Evidence:MaxBytes allows) one after another, then <parallel> at once. The application's RSS is read
# from /proc before, sampled every 50 ms during, and read after each phase; the GC heap and the whole process's
# figures also come from /metrics (OpenTelemetry runtime gauges). Growth = peak RSS - RSS before the phase.
# Usage: flock /tmp/bench.lock bench/upload-memory.sh [count=5] [parallel=4] [megabytes=25]
set -euo pipefail
cd "$(dirname "$0")/.."
count=${1:-5}
parallel=${2:-4}
megabytes=${3:-25}
repo=$PWD
dotnet build src/Pmqa.Web -c Release -v q -nologo -clp:NoSummary >/dev/null
dotnet build bench/Pmqa.DataGenerator -c Release -v q -nologo -clp:NoSummary >/dev/null
work=$(mktemp -d)
chmod 755 "$work"
pids=()
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
port=55448
mkdir -p "$work/pg"; ((EUID == 0)) && chown postgres: "$work/pg"
as_pg "$pg_bin/initdb" -D "$work/pg/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pg_bin/pg_ctl" start -D "$work/pg/data" -l "$work/pg/log" -w -o \
  "-k $work/pg -p $port -c listen_addresses=127.0.0.1 -c fsync=on -c synchronous_commit=on" >/dev/null
export Database__Provider=Postgres
export ConnectionStrings__Default="Host=127.0.0.1;Port=$port;Username=postgres;Database=pmqa_upload"
export Storage__Path=$work/blobs
export Metrics__Enabled=true

(cd "$work" && Bootstrap__AdminEmail=bench@opdc.go.th Bootstrap__AdminPassword=Bench-pass-2026 \
  dotnet "$repo/bench/Pmqa.DataGenerator/bin/Release/net10.0/Pmqa.DataGenerator.dll" --organizations 1 --evidence-per-assessment 0 \
  >"$work/generator.log" 2>&1) || { tail -n 20 "$work/generator.log"; exit 1; }

app_port=$((20000 + RANDOM % 20000))
(cd "$work" && RateLimiting__SignInPermitsPerMinute=100000 exec dotnet "$repo/src/Pmqa.Web/bin/Release/net10.0/Pmqa.Web.dll" \
  --urls "http://127.0.0.1:$app_port" >"$work/app.log" 2>&1) &
pids+=("$!"); app=$!
base=http://127.0.0.1:$app_port
wait_for "$base/health"
psql_db() { psql -q -h 127.0.0.1 -p "$port" -U postgres -d pmqa_upload -v ON_ERROR_STOP=1 "$@"; }
read -r assessment code < <(psql_db -tA -F ' ' -c 'SELECT a."Id", lower(o."Code") FROM "Assessments" a JOIN "Organizations" o ON o."Id" = a."OrganizationId" WHERE EXISTS (SELECT 1 FROM "IssueAnswers" x WHERE x."AssessmentId" = a."Id") LIMIT 1')
token=$(api_token "$base" "coordinator@$code.demo.go.th" Demo-pass-2026) \
  || { echo "coordinator@$code.demo.go.th could not sign in (assessment $assessment)"; tail -n 20 "$work/app.log"; exit 1; }

# Different bytes each (the same bytes twice are one file); made before measuring, on disk, never in the app.
bytes=$((megabytes * 1024 * 1024))
for ((i = 1; i <= count + parallel; i++)); do
  { printf '%%PDF-1.4\n%% upload %d\n' "$i"; head -c $((bytes - 64)) /dev/urandom; printf '\n%%%%EOF\n'; } | head -c "$bytes" >"$work/file-$i.pdf"
done
rss_mb() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$app/status"; }
gauges() {  # the GC heap and committed memory as /metrics reports them (MB), if the names are there
  curl -sf "$base/metrics" | awk '
    /^(process_runtime_dotnet_gc_heap_size_bytes|dotnet_gc_last_collection_heap_size_bytes)/ { h += $NF }
    /^(process_runtime_dotnet_gc_committed_memory_size_bytes|dotnet_gc_last_collection_memory_committed_size_bytes)/ { c += $NF }
    END { printf "GC heap %.1f MB, GC committed %.1f MB", h / 1048576, c / 1048576 }'
}
upload() {  # n -> "status seconds"
  curl -s -o "$work/answer-$1.json" -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $token" \
    -F "file=@$work/file-$1.pdf;type=application/pdf" "$base/api/v1/assessments/$assessment/evidence/"
}
sample() { while :; do rss_mb; echo; sleep 0.05; done >"$work/rss-$1.log"; }
echo "# $(date -u +%FT%TZ) · $(nproc) cores · $(git rev-parse --short HEAD) · ${megabytes} MB files"

# Warm-up: one small upload so that the first request's JIT and pools are not counted as upload memory.
printf '%%PDF-1.4\nwarm\n%%%%EOF\n' >"$work/file-0.pdf"; upload 0 >/dev/null
sleep 1
phase() {  # name first last concurrently(0/1)
  local before after
  before=$(rss_mb)
  echo "## $1: before RSS $before MB, $(gauges)"
  sample "$1" & local sampler=$!
  local uploads=()
  if (($4)); then for ((i = $2; i <= $3; i++)); do upload "$i" >"$work/$1-$i.txt" 2>&1 & uploads+=("$!"); done; wait "${uploads[@]}"
    cat "$work/$1"-*.txt >"$work/$1.txt"
  else for ((i = $2; i <= $3; i++)); do upload "$i"; done >"$work/$1.txt" 2>&1; fi
  sleep 0.3; kill "$sampler"; wait "$sampler" 2>/dev/null || true
  after=$(rss_mb)
  local peak; peak=$(sort -n "$work/rss-$1.log" | tail -n 1)
  echo "   statuses: $(awk '{print $1}' "$work/$1.txt" | sort | uniq -c | tr -s ' ' | tr '\n' ';')  seconds each: $(awk '{printf "%.2f ", $2}' "$work/$1.txt")"
  echo "   peak RSS $peak MB (growth $(python3 -c "print(f'{$peak - $before:.1f}')") MB), after RSS $after MB (growth $(python3 -c "print(f'{$after - $before:.1f}')") MB), $(gauges)"
}
phase sequential 1 "$count" 0
phase parallel $((count + 1)) $((count + parallel)) 1
# Every file stored whole: the answer's SHA-256 is the file's.
for ((i = 1; i <= count + parallel; i++)); do
  want=$(sha256sum "$work/file-$i.pdf" | cut -d' ' -f1)
  grep -q "\"sha256\":\"$want\"" "$work/answer-$i.json" || { echo "upload $i: stored hash differs: $(head -c 300 "$work/answer-$i.json")"; exit 1; }
done
echo "every upload stored with the file's SHA-256"

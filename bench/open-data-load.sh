#!/usr/bin/env bash
# Open-data files at stress scale (issue 13: "National dashboard and open-data files at stress scale (8,000
# organisations x 5 years): p95 <= 300 ms uncached; the open-data CSV of all years streams (memory flat)").
# Reuses a PostgreSQL cluster made by bench/dashboard-load.sh (DASHBOARD_DB=<dir>: 8,242 organisations), copied first
# so that its owner's runs are not disturbed: OPEN_DATA_DB=<dir> (required; e.g. `cp -a /tmp/dash2/db /tmp/pdfmem-db`).
# When the cluster holds no published results yet, every assessed organisation gets one published result for each of
# 5 fiscal years (the newest round's year and the 4 before it) in SQL, a tenth of them with a superseded first version
# and a correction note, as OPDC's "publish" would write them (ADR 0021): about 41,000 current rows.
# The results files are stored (ADR 0037): first every stored file is made stale (each fiscal year's revision raised
# in SQL), then OPDC withholds a result through the API, which asks for the listed files to be written again in the
# background: the withholding's answer time is what OPDC waits, the refresh's end (and each file's write time, from
# the application's log) what a visitor could wait at most after a change.
# Then: every file the DCAT catalogue lists (and the catalogue and dictionary) with wrk, <seconds> s each at
# <connections> connections, p50/p95/p99 beside the ceiling app's 12-row read (bench/Pmqa.Ceiling); the catalogue is
# made on each request, the results files are read from the store (no HTTP cache in front; the answer's Cache-Control
# is for clients). Last, the all-years CSV and then JSON are downloaded <downloads> times each one after another while
# the application's RSS is sampled every 50 ms: the growth against the file's size says whether it streams.
# Usage: OPEN_DATA_DB=/tmp/pdfmem-db flock /tmp/bench.lock bench/open-data-load.sh [seconds=5] [connections=2] [downloads=5]
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-5}
conns=${2:-2}
downloads=${3:-5}
: "${OPEN_DATA_DB:?set OPEN_DATA_DB to a copy of a bench/dashboard-load.sh cluster (DASHBOARD_DB)}"
WAIT_TRIES=240
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_init src/Pmqa.Web bench/Pmqa.Ceiling
pg_dir=$OPEN_DATA_DB
port=55449
export DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0
start_pg "$port" max_connections=100 fsync=on synchronous_commit=on # the copied cluster in pg_dir, reused
export Database__Provider=Postgres
export ConnectionStrings__Default="Host=127.0.0.1;Port=$port;Username=postgres;Database=pmqa_dashboard"
export Storage__Path=$work/blobs
psql_db() { psql -q -h 127.0.0.1 -p "$port" -U postgres -d pmqa_dashboard -v ON_ERROR_STOP=1 "$@"; }

if [[ $(psql_db -tAc 'SELECT count(*) FROM "PublishedResults"') == 0 ]]; then
  echo "# publishing 5 fiscal years of results for every assessed organisation (SQL)"
  psql_db <<'SQL'
CREATE TEMP TABLE orgs AS SELECT DISTINCT o."Id", o."Code", o."NameTh", o."NameEn", o."Type", coalesce(p."Code", '') AS gcode,
    coalesce(p."NameTh", '') AS gth, coalesce(p."NameEn", '') AS gen
  FROM "Organizations" o JOIN "Assessments" a ON a."OrganizationId" = o."Id" LEFT JOIN "Organizations" p ON p."Id" = o."ParentId";
CREATE TEMP TABLE years AS SELECT y AS fy, gen_random_uuid() AS round_id FROM generate_series((SELECT max("FiscalYear") FROM "Rounds") - 4, (SELECT max("FiscalYear") FROM "Rounds")) y;
CREATE TEMP TABLE res AS SELECT o.*, y.fy, y.round_id, gen_random_uuid() AS aid, round((150 + random() * 330)::numeric, 2) AS total,
    random() < 0.1 AS corrected, random() < 0.15 AS certified FROM orgs o, years y;
INSERT INTO "PublishedResults" ("Id", "RoundId", "OrganizationId", "AssessmentId", "FiscalYear", "VersionNumber", "IsCurrent", "Note",
    "PublishedAt", "PublishedBy", "OrganizationCode", "NameTh", "NameEn", "OrganizationType", "GroupCode", "GroupNameTh", "GroupNameEn",
    "VerifiedTotal", "CategoriesJson", "StatusBand", "SiteVisitOutcome", "CertificateId", "CertificateNumber", "CertificateValidUntil")
SELECT gen_random_uuid(), r.round_id, r."Id", r.aid, r.fy, v.n, v.n = (CASE WHEN r.corrected THEN 2 ELSE 1 END),
    CASE WHEN v.n = 2 THEN 'แก้ไขคะแนนหมวด 4 ตามผลการอุทธรณ์ (corrected after an appeal)' ELSE '' END,
    make_timestamptz(r.fy - 543, 9, 1 + v.n, 3, 0, 0, 'UTC'), 'officer@opdc.demo.go.th', r."Code", r."NameTh", r."NameEn", r."Type",
    r.gcode, r.gth, r.gen, r.total - (v.n - 1) * 5,
    (SELECT json_agg(json_build_object('code', c::text, 'score', round((r.total * (0.8 + c * 0.05))::numeric, 2)) ORDER BY c)::text FROM generate_series(1, 7) c),
    CASE WHEN r.total >= 400 THEN 'Advance' WHEN r.total >= 300 THEN 'Significance' ELSE 'Basic' END,
    CASE WHEN r.certified THEN 'visited' ELSE 'none' END,
    CASE WHEN r.certified THEN gen_random_uuid() END, CASE WHEN r.certified THEN 'PMQA-' || r.fy || '-' || left(r."Code", 20) ELSE '' END,
    CASE WHEN r.certified THEN make_timestamptz(r.fy - 543 + 3, 9, 30, 17, 0, 0, 'UTC') END
FROM res r, LATERAL generate_series(1, CASE WHEN r.corrected THEN 2 ELSE 1 END) v(n);
VACUUM (ANALYZE) "PublishedResults";
SQL
fi

app_port=$((20000 + RANDOM % 20000)) ceiling_port=$((40000 + RANDOM % 20000))
start_app "$app_port"
start_ceiling "$ceiling_port"
counts=$(psql_db -tAc "SELECT count(*) FILTER (WHERE \"IsCurrent\") || ' current published results (' || count(*) || ' rows with superseded versions), ' || count(DISTINCT \"FiscalYear\") || ' fiscal years' FROM \"PublishedResults\"")
echo "# $counts; $(date -u +%FT%TZ) · $(nproc) cores · ${seconds}s per file at $conns connections · $(git rev-parse --short HEAD) · DOTNET_gcServer=${DOTNET_gcServer:-default}"

rss_mb() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$app/status"; }
echo "## an OPDC action after every stored file went stale; RSS before: $(rss_mb) MB"
if [[ $(psql_db -tAc "SELECT to_regclass('\"OpenDataRevisions\"') IS NOT NULL") == t ]]; then
  psql_db -c 'UPDATE "OpenDataRevisions" SET "Revision" = "Revision" + 1'
  admin=$(api_token "$base" bench@opdc.go.th Bench-pass-2026)
  read -r round org < <(psql_db -tAF' ' -c 'SELECT "RoundId", "OrganizationId" FROM "Assessments" ORDER BY "Id" LIMIT 1')
  started=$(date +%s%N)
  curl -sf -o /dev/null -w "withholding (POST /rounds/{id}/withheld): %{http_code} in %{time_total} s\n" -X POST "$base/api/v1/rounds/$round/withheld" \
    -H "Authorization: Bearer $admin" -H 'Content-Type: application/json' -d "{\"organizationId\":\"$org\",\"reason\":\"bench: refresh\"}"
  peak=0
  for _ in $(seq 1 1200); do
    peak=$(python3 -c "print(max($peak, $(rss_mb)))")
    grep -q 'Refreshed [0-9]* open-data files' "$work/app.log" && break
    sleep 0.1
  done
  echo "background refresh done $(( ($(date +%s%N) - started) / 1000000 )) ms after the action: $(grep -o 'Refreshed [0-9]* open-data files' "$work/app.log" | tail -n 1)"
  grep -o 'Wrote open-data file .*' "$work/app.log" | sed 's/^/  /'
  echo "RSS during the refresh: peak $peak MB (sampled every 0.1 s); after it $(rss_mb) MB"
fi

# Every download URL the catalogue lists, on this server's address (the catalogue names the public one).
curl -sf "$base/api/v1/open-data/catalog.jsonld" >"$work/catalog.json"
mapfile -t paths < <(python3 - "$work/catalog.json" <<'PY'
import json, sys, urllib.parse
seen = ["/api/v1/open-data/catalog.jsonld", "/api/v1/open-data/dictionary"]
def walk(x):
    if isinstance(x, dict):
        for k, v in x.items():
            if k in ("downloadURL", "dcat:downloadURL") and isinstance(v, dict): v = v.get("@id")
            if k in ("downloadURL", "dcat:downloadURL") and isinstance(v, str) and "/open-data/" in v:
                p = urllib.parse.urlsplit(v)
                path = p.path + ("?" + p.query if p.query else "")
                if path not in seen: seen.append(path)
            else: walk(v)
    elif isinstance(x, list):
        for v in x: walk(v)
walk(json.load(open(sys.argv[1])))
print("\n".join(seen))
PY
)
printf '%-44s %10s %7s %9s %9s %9s\n' file bytes req/s p50_ms p95_ms p99_ms
measure() {  # name url
  local bytes line
  bytes=$(curl -sf "$2" | wc -c)
  wrk -t1 -c1 -d2s "$2" >/dev/null  # warm-up (JIT), not measured
  line=$(wrk -t2 -c"$conns" -d"${seconds}s" --timeout 30s -s bench/lua/read.lua "$2" | grep '^RESULT')
  python3 - "$1" "$bytes" "$line" "$seconds" <<'PY'
import sys
name, size, line, seconds = sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])
f = dict(p.split("=") for p in line.split()[1:])
bad = int(f["non2xx"]) + int(f["errors"])
print(f'{name:44s} {size:10d} {int(f["requests"]) / seconds:7.1f} {float(f["p50"]):9.1f} {float(f["p95"]):9.1f} {float(f["p99"]):9.1f}' + (f'  ({bad} failed)' if bad else ""))
PY
}
measure "ceiling: 12-row read" "$cbase/rows"
for p in "${paths[@]}"; do measure "$p" "$base$p"; done

for format in csv json; do
  echo "## the all-years $format downloaded $downloads times, one after another; application RSS every 50 ms"
  curl -sf -o /dev/null "$base/api/v1/open-data/results.$format"
  sleep 1
  before=$(rss_mb)
  (while :; do rss_mb; echo; sleep 0.05; done >"$work/rss.log") & sampler=$!
  for ((i = 1; i <= downloads; i++)); do
    curl -s -o "$work/all.$format" -w "download $i: %{http_code} %{size_download} bytes in %{time_total} s, first byte after %{time_starttransfer} s\n" \
      "$base/api/v1/open-data/results.$format"
  done
  kill "$sampler"; wait "$sampler" 2>/dev/null || true
  peak=$(sort -n "$work/rss.log" | tail -n 1)
  size=$(wc -c <"$work/all.$format")
  echo "lines $(wc -l <"$work/all.$format"); file $((size / 1048576)) MB; RSS before $before MB, peak $peak MB (growth $(python3 -c "print(f'{$peak - $before:.1f}')") MB), after $(rss_mb) MB"
done

#!/usr/bin/env bash
# OPDC's dashboard at scale (issue 10, target: every figure p95 <= 300 ms uncached at 8,000 organisations x 5 fiscal
# years on PostgreSQL). Generates N organisations over Y fiscal years with bench/Pmqa.DataGenerator (a share
# submitted, a smaller share reviewed), on its own PostgreSQL cluster (port 55434), then measures each figure's
# endpoint with wrk beside the bare ceiling app's 12-row read (bench/Pmqa.Ceiling), and prints p50/p95/p99 per figure.
# Nothing is cached by the application: every request reads the round's stored score cards (ADR 0020) and their
# typed score rows (ADR 0023).
# Usage: bench/dashboard-load.sh [organizations=500] [years=2] [seconds=10] [connections=4] [scale=0]
#        (run as root or as a user that can run initdb; needs wrk and Debian's postgresql)
# scale > organizations: after generating, the generated organisations, their assessments (without the frozen
# snapshot) and score cards are copied in SQL until about <scale> organisations hold an assessment each year, for a
# machine on which the generator cannot make thousands of agencies in time. The copies are real rows the dashboard
# reads like any other (no answers: they count as submitted or beyond, never as "not started"), typed score rows
# (self-assessed and verified) too.
# DASHBOARD_DB=<dir>: keep the PostgreSQL cluster in <dir> after the run; when <dir> already holds one, reuse it (no
# generating, no copying: organisations, years and scale then only name what was generated). The application migrates it
# on start, so a rerun after a change measures the new code on the same rows.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
organizations=${1:-500}
years=${2:-2}
seconds=${3:-10}
conns=${4:-4}
scale=${5:-0}
bench_init src/Pmqa.Web bench/Pmqa.DataGenerator bench/Pmqa.Ceiling
WAIT_TRIES=240
email=bench@opdc.go.th
password=Bench-pass-2026
export DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0

pg_dir=${DASHBOARD_DB:-$work/pg}
reuse=0
[[ -n ${DASHBOARD_DB:-} && -f $pg_dir/data/PG_VERSION ]] && reuse=1
start_pg 55434 max_connections=100 # in pg_dir: a kept cluster is reused, not created again
export Database__Provider=Postgres
export ConnectionStrings__Default="Host=127.0.0.1;Port=55434;Username=postgres;Database=pmqa_dashboard"
export Storage__Path=$work/blobs

# The same organisations every year (same seed and N); each fiscal year its own round, filled and partly reviewed.
first_year=$(date -u +%Y); first_year=$((first_year + 543 + ($(date -u +%-m) >= 10 ? 1 : 0)))
start=$(date +%s)
((reuse)) && { echo "# reusing the cluster in $pg_dir"; years=0; scale=0; }
for ((y = 0; y < years; y++)); do
  fy=$((first_year + y))
  echo "# generating $organizations organisations for fiscal year $fy"
  (cd "$work" && Bootstrap__AdminEmail=$email Bootstrap__AdminPassword=$password \
    dotnet "$repo/bench/Pmqa.DataGenerator/bin/Release/net10.0/Pmqa.DataGenerator.dll" --organizations "$organizations" \
      --fiscal-year "$fy" --evidence-per-assessment 0 --submitted-share 0.8 --reviewed-share 0.25 >"$work/generator-$fy.log" 2>&1) \
    || grep -q '^Time:' "$work/generator-$fy.log" \
    || { tail -n 20 "$work/generator-$fy.log"; exit 1; }
  # A non-zero exit with a summary is a step the generator could not take yet (e.g. site-visit findings before the
  # visit's date in a future year): the answers, submissions and reviews the dashboard reads are written.
  grep -E '^(Assessments|Reviews|Time):' "$work/generator-$fy.log"
done
echo "# generated in $(($(date +%s) - start)) s"
if ((scale > organizations)); then
  psql_db() { psql -q -h 127.0.0.1 -p 55434 -U postgres -d pmqa_dashboard -v ON_ERROR_STOP=1 "$@"; }
  generated=$(psql_db -tAc 'SELECT count(DISTINCT a."OrganizationId") FROM "Assessments" a JOIN "AssessmentScoreCards" c ON c."AssessmentId" = a."Id"')
  copies=$(((scale - generated + generated - 1) / generated))
  echo "# copying the $generated generated organisations $copies times (with their assessments and score cards) in SQL"
  psql_db -v copies="$copies" <<'SQL'
CREATE TEMP TABLE src_org AS SELECT DISTINCT a."OrganizationId" AS oid FROM "Assessments" a JOIN "AssessmentScoreCards" c ON c."AssessmentId" = a."Id";
CREATE TEMP TABLE org_map AS SELECT s.oid, k, gen_random_uuid() AS noid FROM src_org s, generate_series(1, :copies) k;
INSERT INTO "Organizations" ("Id", "Code", "NameTh", "NameEn", "Type", "ParentId", "IsActive", "Version")
  SELECT m.noid, left(o."Code", 24) || '-C' || m.k, o."NameTh" || ' (' || m.k || ')', o."NameEn" || ' (' || m.k || ')', o."Type", o."ParentId", true, 0
  FROM org_map m JOIN "Organizations" o ON o."Id" = m.oid;
CREATE TEMP TABLE a_map AS SELECT a."Id" AS aid, m.noid, gen_random_uuid() AS naid
  FROM "Assessments" a JOIN org_map m ON m.oid = a."OrganizationId" JOIN "AssessmentScoreCards" c ON c."AssessmentId" = a."Id";
INSERT INTO "Assessments" SELECT (jsonb_populate_record(NULL::"Assessments",
    to_jsonb(a) || jsonb_build_object('Id', m.naid, 'OrganizationId', m.noid, 'SnapshotJson', NULL))).*
  FROM "Assessments" a JOIN a_map m ON m.aid = a."Id";
INSERT INTO "AssessmentScoreCards" SELECT (jsonb_populate_record(NULL::"AssessmentScoreCards", to_jsonb(c) || jsonb_build_object('AssessmentId', m.naid))).*
  FROM "AssessmentScoreCards" c JOIN a_map m ON m.aid = c."AssessmentId";
INSERT INTO "AssessmentCardScores" SELECT (jsonb_populate_record(NULL::"AssessmentCardScores", to_jsonb(s) || jsonb_build_object('AssessmentId', m.naid))).*
  FROM "AssessmentCardScores" s JOIN a_map m ON m.aid = s."AssessmentId";
INSERT INTO "AssessmentVerifiedScores" SELECT (jsonb_populate_record(NULL::"AssessmentVerifiedScores", to_jsonb(v) || jsonb_build_object('AssessmentId', m.naid))).*
  FROM "AssessmentVerifiedScores" v JOIN a_map m ON m.aid = v."AssessmentId";
-- As autovacuum would on a live system: statistics, and the visibility map that lets covering indexes be index-only.
VACUUM (ANALYZE);
SQL
  echo "# assessments, rounds: $(psql_db -tAc 'SELECT count(*), count(DISTINCT "RoundId") FROM "Assessments"')"
fi

app_port=$((20000 + RANDOM % 20000)) ceiling_port=$((40000 + RANDOM % 20000))
start_app "$app_port"
start_ceiling "$ceiling_port"
token() { api_token "$base" "$1" "$2"; }
admin=$(token "$email" "$password")
# The newest round (the largest), an agency of it with a coordinator, and a submitted assessment to benchmark.
read -r round assessment code < <(python3 - "$base" "$admin" <<'PY'
import json, sys, urllib.request
base, token = sys.argv[1], sys.argv[2]
def get(path):
    return json.load(urllib.request.urlopen(urllib.request.Request(base + path, headers={"Authorization": "Bearer " + token})))
# The newest round with submitted assessments (a later round may be open already with nothing submitted).
for r in sorted(get("/api/v1/rounds"), key=lambda r: r["fiscalYear"], reverse=True):
    round_id = r["id"]
    rows = get(f"/api/v1/rounds/{round_id}/organizations?stage=submitted&sort=code")["items"]
    if rows: break
print(round_id, rows[0]["assessmentId"], rows[0]["code"].lower())
PY
)
coordinator=$(token "coordinator@$code.demo.go.th" "Demo-pass-2026")
counts=$(curl -sf "$base/api/v1/rounds/$round/dashboard" -H "Authorization: Bearer $admin" | python3 -c \
  'import json,sys; d=json.load(sys.stdin); print(d["organizations"], "organisations in the round,", d["scored"], "submitted,", d["verifiedCount"], "verified")')
echo "# $counts; $(date -u +%FT%TZ) · $(nproc) cores · ${seconds}s per figure at $conns connections · $(git rev-parse --short HEAD)"

printf '%-34s %8s %9s %9s %9s\n' figure req/s p50_ms p95_ms p99_ms
measure() {  # name url [token]
  local name=$1 url=$2 auth=${3:-$admin} line
  wrk -t1 -c1 -d2s -H "Authorization: Bearer $auth" "$url" >/dev/null  # warm-up (JIT), not measured
  line=$(wrk -t2 -c"$conns" -d"${seconds}s" --timeout 30s -s bench/lua/read.lua -H "Authorization: Bearer $auth" "$url" | grep '^RESULT')
  python3 - "$name" "$line" "$seconds" <<'PY'
import sys
name, line, seconds = sys.argv[1], sys.argv[2], int(sys.argv[3])
f = dict(p.split("=") for p in line.split()[1:])
bad = int(f["non2xx"]) + int(f["errors"])
print(f'{name:34s} {int(f["requests"]) / seconds:8.1f} {float(f["p50"]):9.1f} {float(f["p95"]):9.1f} {float(f["p99"]):9.1f}' + (f'  ({bad} failed)' if bad else ""))
PY
}
measure "ceiling: 12-row read" "$cbase/rows"
api=$base/api/v1
measure "dashboard (national)" "$api/rounds/$round/dashboard"
measure "dashboard ?type=department" "$api/rounds/$round/dashboard?type=department"
measure "dashboard ?band=basic" "$api/rounds/$round/dashboard?band=basic"
measure "heat map sorted by 3.2, page 3" "$api/rounds/$round/dashboard?sort=3.2&desc=true&page=3"
measure "drill-down: missed 1.1.A1" "$api/rounds/$round/organizations?missedItem=1.1.A1"
measure "drill-down: verified cat. 4 < 300" "$api/rounds/$round/organizations?basis=verified&category=4&scoreTo=300"
measure "drill-down: not started" "$api/rounds/$round/organizations?stage=notStarted"
measure "trend over fiscal years" "$api/dashboard/trend"
measure "benchmark (agency)" "$api/assessments/$assessment/benchmark" "$coordinator"
measure "dashboard.csv heat map" "$api/rounds/$round/dashboard.csv?table=heatmap"
measure "dashboard.xlsx (every table)" "$api/rounds/$round/dashboard.xlsx"
# The application's memory after every figure: now and at its largest, and the runtime's full collections.
app_memory "# application after all"

#!/usr/bin/env bash
# Agency PDF reports at government scale (issue 13: p95 <= 2 s with a warm browser; all 400 reports of a round in
# <= 5 minutes with bounded browser concurrency; the application <= 400 MB). PostgreSQL with durable settings (fsync
# on), its own cluster (port 55447). The generator makes <generate> organisations through the application's handlers
# (submitted, half reviewed: self and verified scores, profile text, strengths and opportunities); when <orgs> is larger,
# their organisations and assessments (answers, profile, consensus, stored score cards) are copied in SQL until the
# round holds <orgs> assessments, each with real content under its own organisation's name.
# Then: Chromium is warmed (first print), (a) <single> reports one at a time: p50/p95, first with a fresh page per print
# (Pdf:PrintsPerPage=1, as before ADR 0038) and then with the warm pages reused (the default); (b) <orgs> reports asked
# for by <clients> clients at once, more than the product's bound (Pdf:MaxConcurrentPrints), so the server queues:
# the wall time; every answer must be a PDF (starts %PDF) whose text (pdftotext) holds the organisation's name; (c) the
# round job (ADR 0038): OPDC queues every submitted report of the round (exactly <orgs>: the script marks the other
# filled assessments of its kept database unsubmitted), polls until done, downloads the ZIP: the wall time from queueing
# to "done", and the ZIP must hold <orgs> PDFs, each naming its organisation. The
# application's RSS and Chromium's (every process under the application) are sampled every 200 ms; the ceiling app's
# 12-row read (bench/Pmqa.Ceiling) is measured in the same run for the ratio.
# Usage: flock /tmp/bench.lock bench/pdf-reports.sh [orgs=400] [clients=8] [single=40] [generate=40]
#        (run as root or as a user that can run initdb; needs wrk, pdftotext and Debian's postgresql and chromium)
# PDF_DB=<dir>: keep the cluster in <dir> and reuse it on the next run (no generating or copying).
set -euo pipefail
cd "$(dirname "$0")/.."
orgs=${1:-400}
clients=${2:-8}
single=${3:-40}
generate=${4:-40}
((generate > orgs)) && generate=$orgs
WAIT_TRIES=240
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
bench_init src/Pmqa.Web bench/Pmqa.DataGenerator bench/Pmqa.Ceiling
email=bench@opdc.go.th
password=Bench-pass-2026
port=55447

pg_dir=${PDF_DB:-$work/pg}
reuse=0
[[ -n ${PDF_DB:-} && -f $pg_dir/data/PG_VERSION ]] && reuse=1
start_pg "$port" max_connections=100 fsync=on synchronous_commit=on # a kept cluster in pg_dir is reused, not created again
export Database__Provider=Postgres
export ConnectionStrings__Default="Host=127.0.0.1;Port=$port;Username=postgres;Database=pmqa_pdf"
export Storage__Path=$work/blobs
psql_db() { psql -q -h 127.0.0.1 -p "$port" -U postgres -d pmqa_pdf -v ON_ERROR_STOP=1 "$@"; }

if ((!reuse)); then
  start=$(date +%s)
  echo "# generating $generate organisations (submitted, half reviewed)"
  (cd "$work" && Bootstrap__AdminEmail=$email Bootstrap__AdminPassword=$password \
    dotnet "$repo/bench/Pmqa.DataGenerator/bin/Release/net10.0/Pmqa.DataGenerator.dll" --organizations "$generate" \
      --evidence-per-assessment 0 --submitted-share 1 --reviewed-share 0.5 >"$work/generator.log" 2>&1) \
    || grep -q '^Time:' "$work/generator.log" || { tail -n 20 "$work/generator.log"; exit 1; }
  grep -E '^(Assessments|Reviews|Time):' "$work/generator.log" || true
  echo "# generated in $(($(date +%s) - start)) s"
fi
filled=$(psql_db -tAc 'SELECT count(*) FROM "Assessments" a WHERE EXISTS (SELECT 1 FROM "IssueAnswers" x WHERE x."AssessmentId" = a."Id")')
if ((orgs > filled)); then
    copies=$(((orgs - filled + filled - 1) / filled))
    echo "# copying the $filled filled assessments' organisations $copies times in SQL (answers, profile, consensus, score cards)"
    psql_db -v copies="$copies" -v want="$orgs" <<'SQL'
-- The generated (filled) assessments; the round also holds an empty one for every other organisation of the seed.
CREATE TEMP TABLE src_a AS SELECT a."Id" AS aid, a."OrganizationId" AS oid FROM "Assessments" a
  WHERE EXISTS (SELECT 1 FROM "IssueAnswers" x WHERE x."AssessmentId" = a."Id");
CREATE TEMP TABLE org_map AS SELECT s.oid, k, gen_random_uuid() AS noid FROM src_a s, generate_series(1, :copies) k
  ORDER BY k, s.oid LIMIT :want - (SELECT count(*) FROM src_a);
INSERT INTO "Organizations" ("Id", "Code", "NameTh", "NameEn", "Type", "ParentId", "IsActive", "Version")
  SELECT m.noid, left(o."Code", 22) || '-' || substr(md5(m.noid::text), 1, 8), o."NameTh" || ' สำเนา ' || m.k, o."NameEn" || ' copy ' || m.k, o."Type", o."ParentId", true, 0
  FROM org_map m JOIN "Organizations" o ON o."Id" = m.oid;
CREATE TEMP TABLE a_map AS SELECT s.aid, m.noid, gen_random_uuid() AS naid FROM src_a s JOIN org_map m ON m.oid = s.oid;
INSERT INTO "Assessments" SELECT (jsonb_populate_record(NULL::"Assessments",
    to_jsonb(a) || jsonb_build_object('Id', m.naid, 'OrganizationId', m.noid))).*
  FROM "Assessments" a JOIN a_map m ON m.aid = a."Id";
INSERT INTO "IssueAnswers" SELECT (jsonb_populate_record(NULL::"IssueAnswers", to_jsonb(x) || jsonb_build_object('Id', gen_random_uuid(), 'AssessmentId', m.naid))).*
  FROM "IssueAnswers" x JOIN a_map m ON m.aid = x."AssessmentId";
INSERT INTO "ProfileAnswers" SELECT (jsonb_populate_record(NULL::"ProfileAnswers", to_jsonb(x) || jsonb_build_object('Id', gen_random_uuid(), 'AssessmentId', m.naid, 'AttachmentId', NULL))).*
  FROM "ProfileAnswers" x JOIN a_map m ON m.aid = x."AssessmentId";
INSERT INTO "ConsensusAnswers" SELECT (jsonb_populate_record(NULL::"ConsensusAnswers", to_jsonb(x) || jsonb_build_object('Id', gen_random_uuid(), 'AssessmentId', m.naid))).*
  FROM "ConsensusAnswers" x JOIN a_map m ON m.aid = x."AssessmentId";
INSERT INTO "AssessmentScoreCards" SELECT (jsonb_populate_record(NULL::"AssessmentScoreCards", to_jsonb(x) || jsonb_build_object('AssessmentId', m.naid))).*
  FROM "AssessmentScoreCards" x JOIN a_map m ON m.aid = x."AssessmentId";
INSERT INTO "AssessmentCardScores" SELECT (jsonb_populate_record(NULL::"AssessmentCardScores", to_jsonb(x) || jsonb_build_object('AssessmentId', m.naid))).*
  FROM "AssessmentCardScores" x JOIN a_map m ON m.aid = x."AssessmentId";
INSERT INTO "AssessmentVerifiedScores" SELECT (jsonb_populate_record(NULL::"AssessmentVerifiedScores", to_jsonb(x) || jsonb_build_object('AssessmentId', m.naid))).*
  FROM "AssessmentVerifiedScores" x JOIN a_map m ON m.aid = x."AssessmentId";
VACUUM (ANALYZE);
SQL
fi

app_port=$((20000 + RANDOM % 20000)) ceiling_port=$((40000 + RANDOM % 20000))
start_ceiling "$ceiling_port"
# Every filled assessment (generated or copied) with its organisation's Thai name (the running header of every page prints it).
psql_db -tA -F $'\t' -c 'SELECT a."Id", o."NameTh" FROM "Assessments" a JOIN "Organizations" o ON o."Id" = a."OrganizationId"
  WHERE EXISTS (SELECT 1 FROM "IssueAnswers" x WHERE x."AssessmentId" = a."Id") ORDER BY o."Code"' >"$work/reports.tsv"
total=$(wc -l <"$work/reports.tsv")
echo "# $total reports in the round; $(date -u +%FT%TZ) · $(nproc) cores · $(git rev-parse --short HEAD) · $clients clients"

# RSS (MB) of the application, and of every process under it (Playwright's driver and Chromium), every 200 ms.
descendants() { local c; for c in $(pgrep -P "$1"); do echo "$c"; descendants "$c"; done; }
rss_kb() { awk '/VmRSS/ {s += $2} END {print s + 0}' $(printf '/proc/%s/status ' "$@") 2>/dev/null || echo 0; }
sample() {
  while :; do
    # shellcheck disable=SC2046
    echo "$(rss_kb "$app") $(rss_kb $(descendants "$app"))"
    sleep 0.2
  done >"$work/rss-$1.log"
}
peaks() { awk '{ if ($1 > a) a = $1; if ($2 > c) c = $2 } END { printf "app RSS max %d MB, Chromium (all its processes) max %d MB\n", a / 1024, c / 1024 }' "$work/rss-$1.log"; }

fetch() {  # assessment-id name out -> "status seconds ok|bad"
  local code secs
  read -r code secs < <(curl -s -o "$3" -w '%{http_code} %{time_total}\n' --max-time 600 -H "Authorization: Bearer $admin" \
    "$base/api/v1/assessments/$1/report.pdf")
  local ok=bad
  # Thai in a PDF's text layer may come back decomposed (SARA AM as NIKHAHIT + SARA AA) and split over lines.
  [[ $code == 200 && $(head -c 4 "$3") == %PDF ]] && pdftotext -q "$3" - | python3 -c '
import sys, unicodedata as u
n = lambda s: "".join(u.normalize("NFC", s).replace("\u0e4d\u0e32", "\u0e33").split())
sys.exit(0 if n(sys.argv[1]) in n(sys.stdin.read()) else 1)' "$2" && ok=ok
  echo "$code $secs $ok"
}
export -f fetch; export base admin

# single <label>: Chromium warmed by 3 prints, then <single> reports one at a time.
single() {
  echo "# warming: Chromium's start and the first print"
  head -n 3 "$work/reports.tsv" | while IFS=$'\t' read -r id name; do fetch "$id" "$name" "$work/warm.pdf" >/dev/null; done
  echo "## (a) one at a time: $single reports, $1"
  sample single & sampler=$!
  head -n "$single" "$work/reports.tsv" | while IFS=$'\t' read -r id name; do fetch "$id" "$name" "$work/one.pdf"; done >"$work/single.txt"
  kill "$sampler"; wait "$sampler" 2>/dev/null || true
  python3 - "$work/single.txt" "$1" <<'PY'
import sys
rows = [l.split() for l in open(sys.argv[1])]
t = sorted(float(r[1]) * 1000 for r in rows)
pct = lambda p: t[min(len(t) - 1, int(round(p / 100 * len(t) + 0.5)) - 1)]
bad = sum(1 for r in rows if r[0] != "200" or r[2] != "ok")
print(f"single PDF ({sys.argv[2]}): n={len(t)} p50={pct(50):.0f} ms p95={pct(95):.0f} ms max={t[-1]:.0f} ms; not a PDF with the name: {bad}")
PY
  peaks single
}

# A fresh page per print (the printing before ADR 0038), then the default (warm pages reused).
Pdf__PrintsPerPage=1 start_app "$app_port" "$work/app-fresh.log"
admin=$(api_token "$base" "$email" "$password")
single "fresh page per print (Pdf:PrintsPerPage=1)"
kill "$app"; wait "$app" 2>/dev/null || true
start_app "$app_port"
admin=$(api_token "$base" "$email" "$password")
single "warm pages reused (default)"

echo "## (b) $orgs reports, $clients clients at once"
sample all & sampler=$!
mkdir -p "$work/pdfs"
started=$(date +%s.%N)
head -n "$orgs" "$work/reports.tsv" | awk -F'\t' '{print NR "\t" $0}' | \
  xargs -d '\n' -P "$clients" -I{} bash -c 'IFS=$'"'\t'"' read -r n id name <<<"$1"; fetch "$id" "$name" "'"$work"'/pdfs/$n.pdf"' _ {} >"$work/all.txt"
ended=$(date +%s.%N)
kill "$sampler"; wait "$sampler" 2>/dev/null || true
python3 - "$work/all.txt" "$started" "$ended" <<'PY'
import sys, collections
rows = [l.split() for l in open(sys.argv[1])]
wall = float(sys.argv[3]) - float(sys.argv[2])
t = sorted(float(r[1]) * 1000 for r in rows)
pct = lambda p: t[min(len(t) - 1, int(round(p / 100 * len(t) + 0.5)) - 1)]
codes = collections.Counter(r[0] for r in rows)
bad = sum(1 for r in rows if r[2] != "ok")
print(f"all reports: n={len(rows)} wall={wall:.1f} s ({len(rows) / wall:.2f} PDFs/s); each request's p50={pct(50):.0f} ms p95={pct(95):.0f} ms (queueing included); "
      f"statuses {dict(codes)}; not a PDF with the name: {bad}")
PY
peaks all
echo "server's printing bound: Pdf:MaxConcurrentPrints=${Pdf__MaxConcurrentPrints:-default (cores, at least 2)}"

echo "## (c) the round job: OPDC queues every submitted report of the round ($orgs), polls, downloads the ZIP"
round=$(psql_db -tAc 'SELECT a."RoundId" FROM "Assessments" a WHERE EXISTS (SELECT 1 FROM "IssueAnswers" x WHERE x."AssessmentId" = a."Id") GROUP BY 1 ORDER BY count(*) DESC LIMIT 1')
# Exactly <orgs> submitted reports in the round: its first <orgs> filled assessments (by organisation code) stay or become
# submitted, the rest of the round is marked not submitted (this changes a kept database: the other parts do not care).
psql_db -tA -F $'\t' -v round="$round" -v want="$orgs" >"$work/job.tsv" <<'SQL'
CREATE TEMP TABLE chosen AS SELECT a."Id", o."NameTh" FROM "Assessments" a JOIN "Organizations" o ON o."Id" = a."OrganizationId"
  WHERE a."RoundId" = :'round' AND EXISTS (SELECT 1 FROM "IssueAnswers" x WHERE x."AssessmentId" = a."Id") ORDER BY o."Code" LIMIT :want;
UPDATE "Assessments" SET "SubmittedAt" = NULL, "State" = 'Draft' WHERE "RoundId" = :'round' AND "Id" NOT IN (SELECT "Id" FROM chosen);
UPDATE "Assessments" SET "SubmittedAt" = COALESCE("SubmittedAt", now()), "State" = CASE WHEN "State" IN ('Draft', 'AwaitingApproval') THEN 'Submitted' ELSE "State" END WHERE "Id" IN (SELECT "Id" FROM chosen);
SELECT "Id", "NameTh" FROM chosen;
SQL
sample job & sampler=$!
started=$(date +%s.%N)
curl -sf -X POST -H "Authorization: Bearer $admin" "$base/api/v1/rounds/$round/report-prints" >"$work/job.json"
state=queued
while [[ $state == queued || $state == running ]]; do
  sleep 1
  curl -sf -H "Authorization: Bearer $admin" "$base/api/v1/rounds/$round/report-prints/latest" >"$work/job.json"
  state=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["state"])' "$work/job.json")
done
ended=$(date +%s.%N)
kill "$sampler"; wait "$sampler" 2>/dev/null || true
url=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["downloadUrl"] or "")' "$work/job.json")
curl -sf -o "$work/round.zip" -H "Authorization: Bearer $admin" "$base$url" || true
python3 - "$work/job.json" "$work/round.zip" "$started" "$ended" <<'PY'
import json, sys, zipfile, subprocess, unicodedata as u
job = json.load(open(sys.argv[1]))
wall = float(sys.argv[4]) - float(sys.argv[3])
n = lambda s: "".join(u.normalize("NFC", s).replace("\u0e4d\u0e32", "\u0e33").split())
entries, bad = 0, 0
try:
    with zipfile.ZipFile(sys.argv[2]) as z:
        found = {}
        for info in z.infolist():
            entries += 1
            data = z.read(info)
            text = subprocess.run(["pdftotext", "-q", "-", "-"], input=data, capture_output=True).stdout.decode("utf-8", "replace")
            # The entry is named "<code> <Thai name>.pdf"; the PDF's running header prints the Thai name.
            name = info.filename.split(" ", 1)[-1][:-4]
            ok = data[:4] == b"%PDF" and n(name) in n(text)
            bad += 0 if ok else 1
except (zipfile.BadZipFile, FileNotFoundError):
    pass
print(f"round job: state={job['state']} printed={job['printed']}/{job['total']} wall={wall:.1f} s ({job['total'] / wall:.2f} PDFs/s); "
      f"ZIP {job.get('zipLength') or 0} bytes, {entries} entries; not a PDF naming its organisation (name in entry and text): {bad}")
PY
peaks job

wrk -t1 -c1 -d2s "$cbase/rows" >/dev/null
line=$(wrk -t1 -c2 -d5s -s bench/lua/read.lua "$cbase/rows" | grep '^RESULT')
echo "ceiling: 12-row read at 2 connections, $line"

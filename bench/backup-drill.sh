#!/usr/bin/env bash
# The backup and restore drill of issue 13 (docs/reliability.md, ADR 0026), on SQLite and on PostgreSQL:
#   1. generate a small data set (bench/Pmqa.DataGenerator: organisations, assessments, evidence files);
#   2. start the application and keep uploading evidence through the API (a coordinator's token);
#   3. while the uploads go on, `Pmqa.Web backup <folder>`;
#   4. `Pmqa.Web restore <folder>` into an EMPTY database and evidence store;
#   5. compare every table's row count and every blob's SHA-256 with the manifest (bench/backup_check.py, which
#      reads the restored database with sqlite3/psql, not through the application), check that every upload
#      acknowledged before the backup began is there, and start the application on the restored instance.
# Prints the figures; exits non-zero on any difference. PostgreSQL: its own throwaway cluster on port 55441.
# Usage: bench/backup-drill.sh [databases="sqlite postgres"] [organisations=12]   (as root or a user that can run initdb)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
databases=${1:-sqlite postgres}
organisations=${2:-12}
bench_init src/Pmqa.Web bench/Pmqa.DataGenerator
app_dll=$repo/src/Pmqa.Web/bin/Release/net10.0/Pmqa.Web.dll
failed=0
email=drill@opdc.go.th
password=Drill-pass-2026

one_database() {
  local db=$1 dir=$work/$1 port=$((20000 + RANDOM % 20000)) restored_port=$((40000 + RANDOM % 20000))
  mkdir -p "$dir"
  if [[ $db == postgres ]]; then
    start_pg 55441 fsync=on synchronous_commit=on
    export PGHOST=127.0.0.1 PGPORT=55441 PGUSER=postgres Backup__PgBinDirectory=$pg_bin
    export Database__Provider=Postgres
    local source="Host=127.0.0.1;Port=55441;Username=postgres;Database=pmqa_drill"
    local target="Host=127.0.0.1;Port=55441;Username=postgres;Database=pmqa_restored" check_target=pmqa_restored
  else
    export Database__Provider=Sqlite
    local source="Data Source=$dir/pmqa.db" target="Data Source=$dir/restored/pmqa.db" check_target=$dir/restored/pmqa.db
  fi
  export DataProtection__KeysPath=$dir/keys
  # The source instance: generated data, then the application writing while the backup is taken.
  (cd "$dir" && ConnectionStrings__Default=$source Storage__Path=$dir/blobs Bootstrap__AdminEmail=$email Bootstrap__AdminPassword=$password \
    dotnet "$repo/bench/Pmqa.DataGenerator/bin/Release/net10.0/Pmqa.DataGenerator.dll" --organizations "$organisations" \
    --evidence-per-assessment 3 >"$dir/generator.log" 2>&1)
  (cd "$dir" && ConnectionStrings__Default=$source Storage__Path=$dir/blobs RateLimiting__SignInPermitsPerMinute=10000 \
    exec dotnet "$app_dll" --urls "http://127.0.0.1:$port" >"$dir/app.log" 2>&1) &
  local app=$!; pids+=("$app")
  local base=http://127.0.0.1:$port
  wait_for "$base/health"
  local admin assessment code coordinator
  admin=$(api_token "$base" "$email" "$password")
  read -r assessment code < <(python3 - "$base" "$admin" <<'PY'
import json, sys, urllib.request
base, token = sys.argv[1], sys.argv[2]
get = lambda p: json.load(urllib.request.urlopen(urllib.request.Request(base + p, headers={"Authorization": "Bearer " + token})))
orgs, page = [], 1
while True:
    items = get(f"/api/v1/organizations?page={page}")["items"]
    if not items: break
    orgs, page = orgs + items, page + 1
for org in orgs:
    for a in get(f"/api/v1/organizations/{org['id']}/assessments"):
        if a["state"] == "draft":
            try:
                urllib.request.urlopen(urllib.request.Request(base + "/api/v1/auth/token", method="POST", headers={"Content-Type": "application/json"},
                    data=json.dumps({"email": f"coordinator@{org['code'].lower()}.demo.go.th", "password": "Demo-pass-2026"}).encode()))
            except Exception:
                continue
            print(a["id"], org["code"].lower()); sys.exit(0)
sys.exit("no draft assessment with a coordinator")
PY
  )
  coordinator=$(api_token "$base" "coordinator@$code.demo.go.th" Demo-pass-2026)
  local generated
  if [[ $db == postgres ]]; then generated=$(psql -X -At -d pmqa_drill -c 'SELECT COUNT(*) FROM "Evidence"')
  else generated=$(sqlite3 "$dir/pmqa.db" 'SELECT COUNT(*) FROM "Evidence"'); fi
  # The writer: distinct evidence files, one after another, each acknowledgement (201) logged.
  : >"$dir/acks"
  (i=0; while [[ ! -e $dir/stop ]]; do
     i=$((i + 1)); printf '%%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n%% drill %s %s\n%%%%EOF\n' "$i" "$RANDOM$RANDOM" >"$dir/upload.pdf"
     status=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $coordinator" \
       -F "file=@$dir/upload.pdf;type=application/pdf;filename=drill-$i.pdf" -F issueCodes=1.1 "$base/api/v1/assessments/$assessment/evidence")
     [[ $status == 201 ]] && echo "$i" >>"$dir/acks"
   done) &
  local writer=$!; pids+=("$writer")
  sleep 2
  local before during started ended
  before=$(wc -l <"$dir/acks")
  started=$(date +%s%N)
  (cd "$dir" && ConnectionStrings__Default=$source Storage__Path=$dir/blobs dotnet "$app_dll" backup "$dir/backup") >"$dir/backup.log" 2>&1 \
    || { echo "# $db: backup FAILED"; cat "$dir/backup.log"; failed=1; return; }
  ended=$(date +%s%N)
  during=$(( $(wc -l <"$dir/acks") - before ))
  sleep 1; touch "$dir/stop"; wait "$writer" || true
  # Every evidence row acknowledged before the backup began must be in the restored instance.
  local min_evidence=$((generated + before))
  kill "$app"; wait "$app" 2>/dev/null || true

  # The empty instance: a new database and a new evidence store.
  mkdir -p "$dir/restored"
  (cd "$dir" && ConnectionStrings__Default=$target Storage__Path=$dir/restored/blobs dotnet "$app_dll" restore "$dir/backup") >"$dir/restore.log" 2>&1 \
    || { echo "# $db: restore FAILED"; cat "$dir/restore.log"; failed=1; return; }
  echo "# $db: $(cat "$dir/backup.log")"
  echo "#   backup took $(( (ended - started) / 1000000 )) ms while $during uploads were acknowledged ($before before it began)"
  echo "#   $(cat "$dir/restore.log")"
  python3 "$repo/bench/backup_check.py" "$dir/backup/manifest.json" "$dir/restored/blobs" "$db" "$check_target" "$min_evidence" || failed=1
  # The restored instance starts and answers.
  (cd "$dir" && ConnectionStrings__Default=$target Storage__Path=$dir/restored/blobs Database__MigrateOnStartup=false \
    exec dotnet "$app_dll" --urls "http://127.0.0.1:$restored_port" >"$dir/restored.log" 2>&1) &
  local restored_app=$!; pids+=("$restored_app")
  wait_for "http://127.0.0.1:$restored_port/health"
  local evidence_ok
  evidence_ok=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $(api_token "http://127.0.0.1:$restored_port" "coordinator@$code.demo.go.th" Demo-pass-2026)" \
    "http://127.0.0.1:$restored_port/api/v1/assessments/$assessment/evidence")
  echo "  the restored application answers /health and lists the evidence of the written assessment: HTTP $evidence_ok"
  [[ $evidence_ok == 200 ]] || failed=1
  kill "$restored_app"; wait "$restored_app" 2>/dev/null || true
}

echo "# $(date -u +%FT%TZ) · $(nproc) cores · $organisations organisations · $(git rev-parse --short HEAD)"
for db in $databases; do one_database "$db"; done
if ((failed)); then echo "DRILL FAILED"; exit 1; fi
echo "DRILL PASSED: every row count and blob hash of the restored instances equals its backup"

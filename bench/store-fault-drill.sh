#!/usr/bin/env bash
# The evidence-store drill of issue 13 (docs/reliability.md): the store full, then read-only, during uploads.
# The evidence store is a small tmpfs (8 MB) mounted for the drill (root only), so "full" is a real ENOSPC and
# "read-only" a real EROFS (root ignores file permissions, not a read-only mount). Per database:
#   1. fill: distinct 512 KB PDFs uploaded until the store is full: each refused upload must answer 503 with
#      Retry-After and the bilingual "evidence store unavailable" title (never a 500), an autosave between uploads
#      must still work; then every evidence row must have its file with the right hash (no row for a file that did
#      not fit) and no half-written temporary file may be left;
#   2. the store grows (remount size=64m): uploads are stored again;
#   3. read-only (remount ro): uploads refused the same way, rows and files still agree;
#   4. writable again (remount rw): uploads are stored again.
# Usage: bench/store-fault-drill.sh [databases="postgres sqlite"]   (as root: mount)
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
databases=${1:-postgres sqlite}
((EUID == 0)) || { echo "run as root: the drill mounts a small tmpfs as the evidence store" >&2; exit 1; }
bench_init src/Pmqa.Web bench/Pmqa.DataGenerator
drill="python3 $repo/bench/fault_drill.py"
app_dll=$repo/src/Pmqa.Web/bin/Release/net10.0/Pmqa.Web.dll
failed=0
mounts=()
trap 'for m in "${mounts[@]}"; do umount "$m" 2>/dev/null || true; done; cleanup' EXIT
email=drill@opdc.go.th
password=Drill-pass-2026

one_database() {
  local db=$1 dir=$work/$1 port=$((20000 + RANDOM % 20000)) target
  mkdir -p "$dir/blobs"
  mount -t tmpfs -o size=8m tmpfs "$dir/blobs"; mounts+=("$dir/blobs")
  if [[ $db == postgres ]]; then
    start_pg 55445 fsync=on synchronous_commit=on
    export PGHOST=127.0.0.1 PGPORT=55445 PGUSER=postgres Database__Provider=Postgres
    export ConnectionStrings__Default="Host=127.0.0.1;Port=55445;Username=postgres;Database=pmqa_store"
    target=pmqa_store
  else
    export Database__Provider=Sqlite ConnectionStrings__Default="Data Source=$dir/pmqa.db"
    target=$dir/pmqa.db
  fi
  export DataProtection__KeysPath=$dir/keys Storage__Path=$dir/blobs RateLimiting__SignInPermitsPerMinute=10000
  (cd "$dir" && Bootstrap__AdminEmail=$email Bootstrap__AdminPassword=$password \
    dotnet "$repo/bench/Pmqa.DataGenerator/bin/Release/net10.0/Pmqa.DataGenerator.dll" --organizations 4 >"$dir/generator.log" 2>&1)
  local base=http://127.0.0.1:$port
  (cd "$dir" && exec dotnet "$app_dll" --urls "$base" >"$dir/app.log" 2>&1) &
  local app=$!; pids+=("$app")
  wait_for "$base/health"
  local admin
  admin=$(api_token "$base" "$email" "$password")
  $drill clients "$base" "$admin" "$dir/clients" 1
  echo "# $db: evidence store a tmpfs of $(df -h --output=size "$dir/blobs" | tail -1 | tr -d ' '), $(df -h --output=used "$dir/blobs" | tail -1 | tr -d ' ') used by the generated data"
  $drill uploads "$base" "$dir/clients" fill 24 512 || failed=1
  $drill store "$db" "$target" "$dir/blobs" || failed=1
  mount -o remount,size=64m "$dir/blobs"
  $drill uploads "$base" "$dir/clients" ok 3 512 || failed=1
  mount -o remount,ro "$dir/blobs"
  $drill uploads "$base" "$dir/clients" refused 3 64 || failed=1
  $drill store "$db" "$target" "$dir/blobs" || failed=1
  mount -o remount,rw "$dir/blobs"
  $drill uploads "$base" "$dir/clients" ok 3 64 || failed=1
  $drill store "$db" "$target" "$dir/blobs" || failed=1
  echo "  refusals logged as errors (for an alert): $(grep -c 'Evidence store refused a file' "$dir/app.log" || true); unhandled exceptions: $(grep -c 'Unhandled exception' "$dir/app.log" || true)"
  grep -q 'Unhandled exception' "$dir/app.log" && failed=1
  kill "$app"; wait "$app" 2>/dev/null || true
  if [[ $db == postgres ]]; then as_pg "$pg_bin/pg_ctl" stop -D "$work/pg/data" -m fast -w >/dev/null; fi
}

echo "# $(date -u +%FT%TZ) · $(nproc) cores · $(git rev-parse --short HEAD)"
for db in $databases; do one_database "$db"; done
if ((failed)); then echo "DRILL FAILED"; exit 1; fi
echo "DRILL PASSED: a full or read-only evidence store refuses uploads clearly (503, try again), no row points at a missing file, uploads resume when fixed"

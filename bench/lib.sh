# Shared by the bench scripts: Debian's newest PostgreSQL server binaries, running them as the postgres user when
# root, a cleanup on exit that stops the apps (`pids`), the cluster and removes `work`, and waiting for a URL to answer
# (WAIT_TRIES half-second tries, 120 by default). A cluster in `pg_dir` (set by the script when it keeps its database
# between runs) is stopped but not removed.
#
# A script starts with
#   set -euo pipefail
#   source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
#   bench_init src/Pmqa.Web bench/Pmqa.DataGenerator      # the projects it runs, built in Release
#   start_pg 55440 fsync=on synchronous_commit=on          # when it needs PostgreSQL
# (Older scripts set `work` and `pids` themselves and then source this file: that still works.)
pg_bin=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d | sort -V | tail -n 1)
bench_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[[ -v pids ]] || pids=()
as_pg() { if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for p in ${pids[@]+"${pids[@]}"}; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  [[ -n ${work:-} ]] || return 0
  local pg=${pg_dir:-$work/pg}
  [[ -f $pg/data/postmaster.pid ]] && as_pg "$pg_bin/pg_ctl" stop -D "$pg/data" -m fast -w >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
wait_for() { for _ in $(seq 1 "${WAIT_TRIES:-120}"); do curl -sf "$1" >/dev/null && return 0; sleep 0.5; done; echo "no answer from $1" >&2; exit 1; }

# without_lock_fds <command…>: runs the command with no descriptor open on the bench lock (BENCH_LOCK, by default
# /tmp/bench.lock). `flock /tmp/bench.lock script` hands its descriptor down to every child: a PostgreSQL server the
# script starts would keep it, and so keep the machine-wide lock held, after a script killed before its cleanup.
without_lock_fds() {
  (
    for fd in /proc/$BASHPID/fd/*; do
      [[ $(readlink "$fd" 2>/dev/null) == "${BENCH_LOCK:-/tmp/bench.lock}" ]] && eval "exec ${fd##*/}>&-"
    done
    "$@"
  )
}

# bench_init [project…]: the repository root as working directory (and `repo`), each project built quietly in
# Release, a new `work` folder (readable by the postgres user) and an empty `pids` list.
bench_init() {
  cd "$bench_root"
  repo=$PWD
  local project
  for project in "$@"; do dotnet build "$project" -c Release -v q -nologo -clp:NoSummary >/dev/null; done
  work=$(mktemp -d)
  chmod 755 "$work"
  pids=()
}

# start_pg <port> [setting=value…]: a throwaway cluster in ${pg_dir:-$work/pg} (trust, UTF-8, C.UTF-8; an existing
# one is reused) listening on 127.0.0.1:<port> with its socket in the same folder, each setting as `-c`; stopped by
# cleanup. Leaves the server options in `pg_options`, for a later `pg_ctl restart -o "$pg_options"`.
start_pg() {
  local port=$1 setting
  shift
  local dir=${pg_dir:-$work/pg}
  pg_options="-k $dir -p $port -c listen_addresses=127.0.0.1"
  for setting in "$@"; do pg_options+=" -c $setting"; done
  mkdir -p "$dir"
  if ((EUID == 0)); then chown postgres: "$dir"; fi
  [[ -f $dir/data/PG_VERSION ]] || as_pg "$pg_bin/initdb" -D "$dir/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
  without_lock_fds as_pg "$pg_bin/pg_ctl" start -D "$dir/data" -l "$dir/log" -w -o "$pg_options" >/dev/null
}

# The Release builds the scripts run (bench_init builds them).
app_dll=${PMQA_APP_DLL:-$bench_root/src/Pmqa.Web/bin/Release/net10.0/Pmqa.Web.dll}
ceiling_dll=$bench_root/bench/Pmqa.Ceiling/bin/Release/net10.0/Pmqa.Ceiling.dll

# start_app <port> [log]: the product in `work` on 127.0.0.1:<port> with the environment the caller exported, sign-in
# rate limit lifted for the load generator; its pid in `app` and `pids`, its address in `base`; waits for /health.
start_app() {
  local port=$1 log=${2:-$work/app.log}
  (cd "$work" && RateLimiting__SignInPermitsPerMinute=100000 exec dotnet "$app_dll" --urls "http://127.0.0.1:$port" >"$log" 2>&1) &
  app=$!
  pids+=("$app")
  base=http://127.0.0.1:$port
  wait_for "$base/health"
}

# start_ceiling <port>: the bare ASP.NET Core + EF Core ceiling app (bench/Pmqa.Ceiling) on the same database; its
# address in `cbase`; waits for its 12-row read to answer.
start_ceiling() {
  (cd "$work" && exec dotnet "$ceiling_dll" --urls "http://127.0.0.1:$1" >"$work/ceiling.log" 2>&1) &
  pids+=("$!")
  cbase=http://127.0.0.1:$1
  wait_for "$cbase/rows"
}

# api_token <base> <email> <password>: a bearer token from the API's sign-in.
api_token() {
  curl -sf -X POST "$1/api/v1/auth/token" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$2\",\"password\":\"$3\"}" | sed -E 's/.*"token":"([^"]+)".*/\1/'
}

# app_memory <label>: one line on the application started by start_app: its RSS now and at most (the kernel's
# high-water mark), the runtime's full (gen2) collections and its heap after the last collection (from /metrics).
app_memory() {
  local metrics
  metrics=$(curl -s "$base/metrics")
  awk -v label="$1" -v gen2="$(awk '/^dotnet_gc_collections_total.*gen2/ {s += $2} END {printf "%d", s}' <<<"$metrics")" \
    -v heap="$(awk '/^dotnet_gc_last_collection_heap_size_bytes/ {s += $2} END {printf "%.0f", s / 1048576}' <<<"$metrics")" \
    '/VmRSS/ {now = $2 / 1024} /VmHWM/ {peak = $2 / 1024}
     END {printf "%-26s RSS %5.0f MB, at most %5.0f MB; gen2 %3d; heap after last GC %4d MB\n", label, now, peak, gen2, heap}' "/proc/$app/status"
}

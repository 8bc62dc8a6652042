# Shared by the bench scripts (sourced after they set `work` and `pids`): Debian's newest PostgreSQL server binaries,
# running them as the postgres user when root, a cleanup on exit that stops the apps, the cluster and removes `work`,
# and waiting for a URL to answer (WAIT_TRIES half-second tries, 120 by default). A cluster in `pg_dir` (set by the
# script when it keeps its database between runs) is stopped but not removed.
pg_bin=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d | sort -V | tail -n 1)
as_pg() { if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  local pg=${pg_dir:-$work/pg}
  [[ -f $pg/data/postmaster.pid ]] && as_pg "$pg_bin/pg_ctl" stop -D "$pg/data" -m fast -w >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
wait_for() { for _ in $(seq 1 "${WAIT_TRIES:-120}"); do curl -sf "$1" >/dev/null && return 0; sleep 0.5; done; echo "no answer from $1" >&2; exit 1; }

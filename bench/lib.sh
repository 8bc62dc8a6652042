# Shared by the bench scripts (sourced after they set `work` and `pids`): Debian's newest PostgreSQL server binaries,
# running them as the postgres user when root, a cleanup on exit that stops the apps, the cluster and removes `work`,
# and waiting for a URL to answer (WAIT_TRIES half-second tries, 120 by default).
pg_bin=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d | sort -V | tail -n 1)
as_pg() { if ((EUID == 0)); then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  [[ -f $work/pg/data/postmaster.pid ]] && as_pg "$pg_bin/pg_ctl" stop -D "$work/pg/data" -m fast -w >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT
wait_for() { for _ in $(seq 1 "${WAIT_TRIES:-120}"); do curl -sf "$1" >/dev/null && return 0; sleep 0.5; done; echo "no answer from $1" >&2; exit 1; }

#!/usr/bin/env bash
# The one test command: installs what is missing (as root), starts a throwaway PostgreSQL on a free
# loopback port, builds once and runs the domain, web and browser tests. Exit status 0 only if all pass.
#   PMQA_SKIP_POSTGRES=1 ./test.sh   quick local run without PostgreSQL (the PostgreSQL tests then fail)
#   PMQA_CONFIGURATION=Debug ./test.sh
# Results: artifacts/test-results/*.trx, screenshots: artifacts/screenshots/.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")"
ROOT=$PWD
CONFIGURATION=${PMQA_CONFIGURATION:-Release}
RESULTS=$ROOT/artifacts/test-results
TEST_PROJECTS=(tests/Pmqa.Domain.Tests tests/Pmqa.Web.Tests tests/Pmqa.Browser.Tests)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

say() { printf '\n== %s\n' "$*"; }

# --- 1. System packages -------------------------------------------------------------------------
install_missing() {
    local missing=() pkg
    for pkg in "$@"; do
        [[ $(dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null || true) == "install ok installed" ]] || missing+=("$pkg")
    done
    ((${#missing[@]} == 0)) && return 0
    if ((EUID != 0)); then
        echo "test.sh: missing Debian packages: ${missing[*]}" >&2
        echo "test.sh: run as root to install them, or: sudo apt-get install -y ${missing[*]}" >&2
        exit 1
    fi
    say "Installing ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    if [[ " ${missing[*]} " == *" postgresql "* ]]; then
        # The tests start their own cluster; don't let the package create and start a 'main' one as well.
        mkdir -p /etc/postgresql-common/createcluster.d
        echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.d/pmqa-tests.conf
    fi
    apt-get update -q
    apt-get install -y -q "${missing[@]}"
}

# libreoffice-writer-nogui: the tests convert the Word self-assessment report to PDF to look at it (about 2 minutes to install).
packages=(chromium fonts-tlwg-laksaman poppler-utils libreoffice-writer-nogui)
[[ ${PMQA_SKIP_POSTGRES:-} == 1 ]] || packages+=(postgresql)
install_missing "${packages[@]}"

# --- 2. Throwaway PostgreSQL --------------------------------------------------------------------
PG_DIR=""
PG_BIN=""

# Runs a PostgreSQL program as the postgres OS user when we are root (the server refuses to run as root).
as_pg() {
    if ((EUID == 0)); then (cd "$PG_DIR" && runuser -u postgres -- "$@"); else (cd "$PG_DIR" && "$@"); fi
}

stop_postgres() {
    [[ -n $PG_DIR && -d $PG_DIR ]] || return 0
    if [[ -f $PG_DIR/data/postmaster.pid ]]; then
        as_pg "$PG_BIN/pg_ctl" stop -D "$PG_DIR/data" -m fast -w -t 30 >/dev/null 2>&1 ||
            as_pg "$PG_BIN/pg_ctl" stop -D "$PG_DIR/data" -m immediate -w -t 30 >/dev/null 2>&1 || true
    fi
    rm -rf "$PG_DIR"
}
trap stop_postgres EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_postgres() {
    # Debian's server binaries, never /usr/local/bin (a developer's machine may have other ones there).
    PG_BIN=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
    if [[ -z $PG_BIN || ! -x $PG_BIN/initdb ]]; then
        echo "test.sh: no PostgreSQL server under /usr/lib/postgresql/*/bin (apt-get install postgresql)" >&2
        exit 1
    fi
    PG_DIR=$(mktemp -d "${TMPDIR:-/tmp}/pmqa-pg.XXXXXX")
    chmod 755 "$PG_DIR"
    if ((EUID == 0)); then chown postgres: "$PG_DIR"; fi
    as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust --encoding=UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 ||
        { cat "$PG_DIR/initdb.log" >&2; exit 1; }

    local attempt port
    for attempt in $(seq 1 20); do
        port=$((20000 + RANDOM % 40000))
        port_in_use "$port" && continue
        # Durability is pointless for a cluster deleted after the run; without it tests run faster.
        if as_pg "$PG_BIN/pg_ctl" start -D "$PG_DIR/data" -l "$PG_DIR/postgres.log" -w -t 60 \
            -o "-k $PG_DIR -p $port -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" >/dev/null; then
            PG_PORT=$port
            export PMQA_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
            "$PG_BIN/psql" "host=127.0.0.1 port=$PG_PORT user=postgres dbname=postgres" -Atqc "select 'PostgreSQL ' || current_setting('server_version') || ' on 127.0.0.1:$PG_PORT'"
            return 0
        fi
        echo "test.sh: PostgreSQL did not start on port $port (attempt $attempt); trying another" >&2
        tail -n 5 "$PG_DIR/postgres.log" >&2 || true
    done
    echo "test.sh: could not start PostgreSQL" >&2
    exit 1
}

if [[ ${PMQA_SKIP_POSTGRES:-} == 1 ]]; then
    say "PMQA_SKIP_POSTGRES=1: no PostgreSQL cluster (PMQA_TEST_POSTGRES is not set)"
    unset PMQA_TEST_POSTGRES
else
    say "Starting a throwaway PostgreSQL"
    start_postgres
fi

# --- 3. Build once, run every test project -------------------------------------------------------
rm -rf "$RESULTS" "$ROOT/artifacts/screenshots"
mkdir -p "$RESULTS" "$ROOT/artifacts/screenshots"

say "Building Pmqa.slnx ($CONFIGURATION)"
build_ok=1
dotnet build Pmqa.slnx -c "$CONFIGURATION" -nologo -clp:NoSummary || build_ok=0
((build_ok)) || echo "test.sh: the build failed; running whatever test projects did build" >&2

declare -A outcome
failed=0
for project in "${TEST_PROJECTS[@]}"; do
    name=$(basename "$project")
    say "Testing $name"
    started=$SECONDS
    if dotnet test "$project" -c "$CONFIGURATION" --no-build --nologo \
        --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=normal" --results-directory "$RESULTS"; then
        outcome[$name]="passed ($((SECONDS - started)) s)"
    else
        outcome[$name]="FAILED ($((SECONDS - started)) s)"
        failed=1
    fi
done

say "Summary"
((build_ok)) && echo "build: passed" || echo "build: FAILED"
for project in "${TEST_PROJECTS[@]}"; do
    name=$(basename "$project")
    echo "$name: ${outcome[$name]}"
done
echo "test results: ${RESULTS#"$ROOT/"}/  screenshots: artifacts/screenshots/"
((build_ok && !failed)) || exit 1

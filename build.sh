#!/usr/bin/env bash
# Safeguard's two commands, and CI's:
#   ./build.sh run    build and serve the app on SQLite with demo data (honours ASPNETCORE_URLS)
#   ./build.sh test   install what is missing, start a throwaway PostgreSQL, run every test, stop it
#                     (extra arguments go to `dotnet test`, e.g. ./build.sh test --filter "FullyQualifiedName~Ledger")
#   ./build.sh ci     format check, build, and the same tests (what .ci/run calls)
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
CONFIGURATION=${CONFIGURATION:-Release}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf '==> %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

ensure_node_modules() {
    if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
        say "installing front-end packages (npm ci)"
        npm ci --no-audit --no-fund
    fi
}

# Debian packages the tests need: a real PostgreSQL server and a real Chromium. Never skipped silently.
ensure_test_packages() {
    local missing=()
    pg_bin >/dev/null 2>&1 || missing+=(postgresql)
    [ -x /usr/bin/chromium ] || missing+=(chromium fonts-liberation)
    command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)   # reads the chronology PDFs the tests print
    if [ ${#missing[@]} -gt 0 ]; then
        say "installing Debian packages: ${missing[*]}"
        as_root apt-get update -qq
        DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
    pg_bin >/dev/null || { echo "PostgreSQL server binaries not found after install" >&2; exit 1; }
    [ -x /usr/bin/chromium ] || { echo "/usr/bin/chromium not found after install" >&2; exit 1; }
    command -v pdftotext >/dev/null 2>&1 || { echo "pdftotext (poppler-utils) not found after install" >&2; exit 1; }
}

pg_bin() {
    local dir
    for dir in /usr/lib/postgresql/*/bin; do
        [ -x "$dir/initdb" ] && [ -x "$dir/pg_ctl" ] && { echo "$dir"; return 0; }
    done
    return 1
}

# A throwaway cluster on loopback for this run only. PostgreSQL refuses to run as root, so when we are
# root it runs as the postgres user. fsync and synchronous_commit stay on: the app refuses to start without them.
PG_PORT=${SAFEGUARD_TEST_PG_PORT:-55432}
PG_DIR=""
start_postgres() {
    local bin; bin=$(pg_bin)
    PG_DIR=$(mktemp -d /tmp/safeguard-pg.XXXXXX)
    local run=()
    if [ "$(id -u)" -eq 0 ]; then
        chown postgres: "$PG_DIR"
        run=(runuser -u postgres --)
    fi
    say "starting PostgreSQL ($bin) on 127.0.0.1:$PG_PORT"
    "${run[@]}" "$bin/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$PG_DIR/initdb.log" 2>&1 \
        || { cat "$PG_DIR/initdb.log" >&2; exit 1; }
    "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c fsync=on -c synchronous_commit=on -c max_connections=300 -c shared_buffers=256MB" \
        start >/dev/null || { cat "$PG_DIR/server.log" >&2; exit 1; }
    export SAFEGUARD_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Pooling=true;Maximum Pool Size=50"
}
stop_postgres() {
    [ -n "$PG_DIR" ] || return 0
    local bin; bin=$(pg_bin)
    local run=()
    [ "$(id -u)" -eq 0 ] && run=(runuser -u postgres --)
    "${run[@]}" "$bin/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true
    rm -rf "$PG_DIR"
    PG_DIR=""
}

build_all() {
    ensure_node_modules
    dotnet tool restore >/dev/null
    dotnet build Safeguard.slnx -c "$CONFIGURATION" -warnaserror -nologo -clp:ErrorsOnly
}

# Runs both test projects and prints the plain closing line `N passed, N failed, N skipped`, summed from
# the TRX files (the only place both projects' counts are written in one format).
run_tests() {
    ensure_test_packages
    start_postgres
    trap stop_postgres EXIT
    local results="$ROOT/.test-results"
    rm -rf "$results"; mkdir -p "$results"
    export SAFEGUARD_CHROMIUM=/usr/bin/chromium
    local status=0
    dotnet test Safeguard.slnx -c "$CONFIGURATION" --no-build --nologo \
        --logger "trx" --logger "console;verbosity=minimal" --results-directory "$results" "$@" || status=$?
    local passed=0 failed=0 skipped=0 files=0 trx line
    for trx in "$results"/*.trx; do
        [ -f "$trx" ] || continue
        files=$((files + 1))
        line=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
        passed=$((passed + $(attr "$line" passed)))
        failed=$((failed + $(attr "$line" failed) + $(attr "$line" error) + $(attr "$line" timeout) + $(attr "$line" aborted)))
        skipped=$((skipped + $(attr "$line" notExecuted)))
    done
    if [ $# -eq 0 ] && [ "$files" -lt 2 ]; then
        say "expected a result file from each test project, found $files"
        failed=$((failed + 1))
    fi
    [ "$status" -ne 0 ] && [ "$failed" -eq 0 ] && failed=1
    printf '%s passed, %s failed, %s skipped\n' "$passed" "$failed" "$skipped"
    [ "$failed" -eq 0 ]
}
attr() { local v; v=$(printf '%s' "$1" | grep -o " $2=\"[0-9]*\"" | grep -o '[0-9]*' || true); echo "${v:-0}"; }

case "${1:-}" in
    run)
        build_all
        say "starting Safeguard on SQLite with the demo partnership"
        exec "$ROOT/safeguard" serve --demo
        ;;
    test)
        shift
        build_all
        run_tests "$@"
        ;;
    ci)
        ensure_node_modules
        dotnet tool restore >/dev/null
        say "checking format"
        dotnet format Safeguard.slnx --verify-no-changes --no-restore 2>/dev/null || dotnet format Safeguard.slnx --verify-no-changes
        build_all
        run_tests
        ;;
    *)
        echo "usage: ./build.sh run|test|ci" >&2
        exit 2
        ;;
esac

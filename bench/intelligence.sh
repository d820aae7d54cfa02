#!/usr/bin/env bash
# The application's two-hop neighbourhood query at scale, from the repository root:  bash bench/intelligence.sh
#   1. generates a town of PERSONS persons (default 333,334: about 1,000,000 nodes and 5,000,000 links),
#   2. starts a throwaway PostgreSQL (fsync on, as the app requires) and loads the town into the POLE tables
#      with binary COPY (persons as Person rows with their roles, objects, locations, events and links),
#   3. times QUERIES random two-hop queries (default 2,000, after 200 warm-up) through PoleGraph.TwoHopsAsync,
#      the code behind a person's chart, and prints p50/p95/p99.
# Environment: PERSONS, SEED (default 1), QUERIES, PORT (default 55461), SHARED_BUFFERS (default 2GB).
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONS=${PERSONS:-333334}
SEED=${SEED:-1}
QUERIES=${QUERIES:-2000}
PORT=${PORT:-55461}
SHARED_BUFFERS=${SHARED_BUFFERS:-2GB}
BIN=$(ls -d /usr/lib/postgresql/*/bin | tail -n 1)
DIR=$(mktemp -d /tmp/safeguard-intel-bench.XXXXXX)
RUN=()
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$DIR"; RUN=(runuser -u postgres --); fi
mkdir -p "$DIR/town"
chmod 777 "$DIR/town"
cleanup() { "${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$DIR"; }
trap cleanup EXIT

echo "== machine"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), nproc $(nproc)"
echo "memory: $(free -h | awk '/Mem:/ {print $2 " total, " $7 " available"}')"
echo "dotnet: $(dotnet --version), PostgreSQL: $("$BIN/postgres" --version | awk '{print $3}')"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

dotnet build src/Safeguard.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build bench/Safeguard.Bench -c Release -nologo -clp:ErrorsOnly >/dev/null
export SAFEGUARD_NO_BUILD=1
./safeguard generate network --persons "$PERSONS" --seed "$SEED" --out "$DIR/town"

"${RUN[@]}" "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -t 60 \
    -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=on -c synchronous_commit=on -c shared_buffers=$SHARED_BUFFERS -c max_wal_size=8GB -c maintenance_work_mem=512MB" start >/dev/null
"${RUN[@]}" "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE DATABASE bench" >/dev/null
echo "PostgreSQL: shared_buffers $SHARED_BUFFERS, fsync on"

echo "== load and query"
/usr/bin/time -f "scenario: %e s wall, %U s user, %M KB peak memory (the .NET process)" \
    dotnet bench/Safeguard.Bench/bin/Release/net10.0/Safeguard.Bench.dll scenario intelligence \
    --connection "Host=127.0.0.1;Port=$PORT;Username=postgres;Database=bench;Maximum Pool Size=20" \
    --town "$DIR/town" --queries "$QUERIES" --seed "$SEED"
echo "database size: $("${RUN[@]}" "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -d bench -tAc "SELECT pg_size_pretty(pg_database_size('bench'))")"

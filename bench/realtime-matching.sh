#!/usr/bin/env bash
# Real-time matching at scale (issue 4: one new record against a store of 1,000,000 people in under 10 ms at the 95th
# percentile, in the application against PostgreSQL). Starts its own PostgreSQL on a free port, generates the people,
# bulk-loads them with their match keys, trains the model from the store, then times held-out records through the
# application's own matching service. Results are written up in docs/benchmarks/matching.md.
# Usage: bench/realtime-matching.sh [PEOPLE] [SAMPLES] [INTAKES]   default 500000 people (about 1M records), 1000, 200
set -euo pipefail
cd "$(dirname "$0")/.."
PEOPLE=${1:-500000}
SAMPLES=${2:-1000}
INTAKES=${3:-200}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
PORT=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
BIN=$(ls -d /usr/lib/postgresql/*/bin | tail -n 1)
DIR=$(mktemp -d /tmp/safeguard-bench-realtime.XXXXXX)
RUN=()
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$DIR"; RUN=(runuser -u postgres --); fi
"${RUN[@]}" "$BIN/initdb" -D "$DIR/pg" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# Memory for a million-person store; durability settings are PostgreSQL's defaults (fsync and synchronous commit on).
"${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/pg" -l "$DIR/pg.log" -w -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR \
    -c shared_buffers=1GB -c maintenance_work_mem=512MB -c max_wal_size=8GB -c checkpoint_timeout=30min" start >/dev/null
trap '"${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/pg" -m fast stop >/dev/null; rm -rf "$DIR"' EXIT
"${RUN[@]}" "$BIN/psql" -h 127.0.0.1 -p "$PORT" -U postgres -qc "CREATE DATABASE bench" >/dev/null

dotnet build src/Safeguard.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
dotnet build bench/Safeguard.Bench -c Release -nologo -clp:ErrorsOnly >/dev/null
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), .NET $(dotnet --version), $("$BIN/postgres" --version), load average $(cut -d' ' -f1-3 /proc/loadavg)"
mkdir -p "$DIR/data"
./safeguard generate persons --count "$PEOPLE" --seed 11 --out "$DIR/data"
dotnet bench/Safeguard.Bench/bin/Release/net10.0/Safeguard.Bench.dll scenario realtime-matching \
    --connection "Host=127.0.0.1;Port=$PORT;Username=postgres;Database=bench;Command Timeout=600" \
    --records "$DIR/data/persons.csv" --samples "$SAMPLES" --intakes "$INTAKES"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

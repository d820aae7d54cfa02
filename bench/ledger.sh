#!/usr/bin/env bash
# Ledger appends per second and verification rate, on SQLite and on a throwaway PostgreSQL (fsync on).
# Usage: bench/ledger.sh [SAVES] [WRITERS] [CHANGES_PER_SAVE]     e.g. bench/ledger.sh 2000 4 1
set -euo pipefail
cd "$(dirname "$0")/.."
SAVES=${1:-2000}
WRITERS=${2:-4}
PER_SAVE=${3:-1}
PORT=55451
BIN=$(ls -d /usr/lib/postgresql/*/bin | tail -n 1)
DIR=$(mktemp -d /tmp/safeguard-bench-pg.XXXXXX)
RUN=()
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$DIR"; RUN=(runuser -u postgres --); fi
"${RUN[@]}" "$BIN/initdb" -D "$DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
"${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/log" -w -o "-c listen_addresses=127.0.0.1 -p $PORT -k $DIR -c fsync=on -c synchronous_commit=on" start >/dev/null
trap '"${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m fast stop >/dev/null; rm -rf "$DIR"' EXIT
"${RUN[@]}" "$BIN/psql" -h 127.0.0.1 -p $PORT -U postgres -qc "CREATE DATABASE bench" >/dev/null

dotnet build bench/Safeguard.Bench -c Release -nologo -clp:ErrorsOnly >/dev/null
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(dotnet --version)"
dotnet bench/Safeguard.Bench/bin/Release/net10.0/Safeguard.Bench.dll scenario ledger --provider sqlite --saves "$SAVES" --writers "$WRITERS" --per-save "$PER_SAVE"
dotnet bench/Safeguard.Bench/bin/Release/net10.0/Safeguard.Bench.dll scenario ledger --provider postgres \
    --connection "Host=127.0.0.1;Port=$PORT;Username=postgres;Database=bench" --saves "$SAVES" --writers "$WRITERS" --per-save "$PER_SAVE"

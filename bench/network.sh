#!/usr/bin/env bash
# Network analysis at scale, from the repository root:  bash bench/network.sh
#   1. generates a town of PERSONS persons (default 333,334: about 1,000,000 nodes and 5,000,000 links),
#   2. times `network groups` and `network measures` on it, end to end (read CSV, analyse, write CSV),
#   3. scores the groups against the planted ones, and does the same on smaller towns with other seeds.
# Environment: PERSONS, SEED (default 1), PIVOTS (default: the verb's own), QUALITY ("PERSONS:SEED ..." pairs,
# default "20000:1 20000:2 100000:3"), KEEP=1 to keep the generated files (printed directory).
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONS=${PERSONS:-333334}
SEED=${SEED:-1}
QUALITY=${QUALITY:-"20000:1 20000:2 100000:3"}
DIR=$(mktemp -d /tmp/safeguard-network-bench.XXXXXX)
[ "${KEEP:-}" = 1 ] || trap 'rm -rf "$DIR"' EXIT

echo "== machine"
echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), nproc $(nproc)"
echo "memory: $(free -h | awk '/Mem:/ {print $2 " total, " $7 " available"}')"
echo "dotnet: $(dotnet --version)"
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"

dotnet build src/Safeguard.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
export SAFEGUARD_NO_BUILD=1
timed() { local label=$1; shift; /usr/bin/time -f "$label: %e s wall, %U s user, %M KB peak memory" "$@"; }

echo "== scale: $PERSONS persons, seed $SEED ($DIR)"
timed generate ./safeguard generate network --persons "$PERSONS" --seed "$SEED" --out "$DIR"
timed "network groups" ./safeguard network groups --nodes "$DIR/NODES.csv" --links "$DIR/LINKS.csv" --out "$DIR/GROUPS.csv"
./safeguard network score --truth "$DIR/TRUTH.csv" --groups "$DIR/GROUPS.csv"
timed "network measures" ./safeguard network measures --nodes "$DIR/NODES.csv" --links "$DIR/LINKS.csv" --out "$DIR/MEASURES.csv" \
    ${PIVOTS:+--pivots "$PIVOTS"}

for run in $QUALITY; do
    persons=${run%%:*}; seed=${run##*:}
    echo "== quality: $persons persons, seed $seed"
    ./safeguard generate network --persons "$persons" --seed "$seed" --out "$DIR/q" >/dev/null
    ./safeguard network groups --nodes "$DIR/q/NODES.csv" --links "$DIR/q/LINKS.csv" --out "$DIR/q/GROUPS.csv" | grep Found
    ./safeguard network score --truth "$DIR/q/TRUTH.csv" --groups "$DIR/q/GROUPS.csv"
done

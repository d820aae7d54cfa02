#!/usr/bin/env bash
# Sign-in timing: does a wrong password take as long for an email address with no account as for a real account?
# (security issue, defect 7: it took ~170 ms for a real account and ~5 ms for an unknown one, so timing listed the
# accounts). Serves the demo partnership on SQLite from a throwaway directory, behind a "proxy" so each attempt can
# come from its own client address (X-Forwarded-For) and the per-address back-off and rate limits do not mix into
# the figures, then times ROUNDS wrong-password sign-ins to real accounts and ROUNDS to unknown ones, interleaved, with
# curl over HTTP exactly as a browser posts the form. Results are written up in docs/benchmarks/sign-in-timing.md.
# Usage: bench/sign-in-timing.sh [ROUNDS]   default 150 (each real account is tried at most 9 times: the 10th failure
# for one account starts its back-off, whose held-back answers do the same work but are not what is measured here)
set -euo pipefail
cd "$(dirname "$0")/.."
ROUNDS=${1:-150}
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
PORT=$(node -e 'const s = require("net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')
DIR=$(mktemp -d /tmp/safeguard-bench-sign-in.XXXXXX)
dotnet build src/Safeguard.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
SAFEGUARD_HOME="$DIR" SAFEGUARD_NO_BUILD=1 ./safeguard serve --demo --urls "http://127.0.0.1:$PORT" \
    --Safeguard:BehindProxy=true --Logging:LogLevel:Default=Warning >"$DIR/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null; rm -rf "$DIR"' EXIT
URL="http://127.0.0.1:$PORT"
for _ in $(seq 1 300); do
    curl -fs -o /dev/null "$URL/account/sign-in" && break
    sleep 1
done
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), .NET $(dotnet --version), SQLite (demo), load average $(cut -d' ' -f1-3 /proc/loadavg)"

ACCOUNTS=(csc.seniormanager csc.teammanager csc.practitioner csc.practitioner2 csc.cselead mash.triage police.seniormanager
    police.teammanager police.officer police.analyst health.teammanager health.nurse school.dsl school.head youth.manager
    youth.worker licensing.officer licensing.manager partnership.admin scrutineer)

# One wrong-password attempt from its own client address; prints the POST's total time in milliseconds.
attempt() {
    local email=$1 address=$2 jar="$DIR/jar.$RANDOM" token
    token=$(curl -fs -c "$jar" -H "X-Forwarded-For: $address" "$URL/account/sign-in" \
        | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | sed 's/.*value="//; s/"$//')
    curl -s -o "$DIR/answer.html" -b "$jar" -H "X-Forwarded-For: $address" -w '%{http_code} %{time_total}\n' \
        --data-urlencode "__RequestVerificationToken=$token" --data-urlencode "Input.Email=$email" \
        --data-urlencode "Input.Password=Not-the-password-$RANDOM" "$URL/account/sign-in" \
        | awk '{ if ($1 != 200) { print "unexpected status " $1 > "/dev/stderr"; exit 1 } printf "%.1f\n", $2 * 1000 }'
    grep -q "Enter a correct email address and password" "$DIR/answer.html" || { echo "no failure message" >&2; exit 1; }
    rm -f "$jar"
}

# A few of each first, not measured: the first requests pay for JIT compilation and the stand-in hash.
for i in 1 2 3; do attempt "nobody.warm.$i@demo.safeguard.example" "10.9.0.$i" >/dev/null; attempt "${ACCOUNTS[$i]}@demo.safeguard.example" "10.9.1.$i" >/dev/null; done

: >"$DIR/real.ms"
: >"$DIR/unknown.ms"
for i in $(seq 1 "$ROUNDS"); do
    account=${ACCOUNTS[$(( (i + 3) % ${#ACCOUNTS[@]} ))]}
    attempt "$account@demo.safeguard.example" "10.1.$((i / 250)).$((i % 250))" >>"$DIR/real.ms"
    attempt "nobody.$i.$RANDOM@demo.safeguard.example" "10.2.$((i / 250)).$((i % 250))" >>"$DIR/unknown.ms"
done

summary() {
    sort -n "$1" | awk -v name="$2" '{ v[NR] = $1; sum += $1 } END {
        printf "%-34s n=%d  mean %.1f ms  p10 %.1f  median %.1f  p90 %.1f  max %.1f\n", name, NR, sum / NR, v[int(NR * 0.1) + 1], v[int(NR * 0.5) + 1], v[int(NR * 0.9)], v[NR] }'
}
summary "$DIR/real.ms" "wrong password, real account"
summary "$DIR/unknown.ms" "wrong password, no such account"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

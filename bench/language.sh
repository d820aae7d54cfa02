#!/usr/bin/env bash
# Whole-job figures for the language check: time for `./safeguard language check` on 1 MiB of case notes (process
# start included), and the precision and recall of the default bank over the evaluation sets.
# Run from the repository root: bash bench/language.sh
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build src/Safeguard.Web -c Release -nologo -clp:ErrorsOnly >/dev/null
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

# 1 MiB of notes: ordinary sentences with one flagged phrase in six, a blank line every five sentences.
sentences=(
    "The child was seen at the takeaway with two adults after school."
    "Her mother consented to the referral and information was shared with the school."
    "She went missing from her placement on Friday and returned on Sunday evening."
    "Police attended the strategy discussion and agreed to visit the address."
    "She could not consent and the adults involved have been identified."
    "She absconded from the placement again."
)
paragraph=""
for i in 0 1 2 3 4 5 0 1 2 3; do paragraph+="${sentences[$i]} "; [ "$i" = 4 ] && paragraph+=$'\n\n'; done
paragraph+=$'\n\n'
: > "$WORK/notes.txt"
while [ "$(stat -c %s "$WORK/notes.txt")" -lt 1048576 ]; do
    for _ in $(seq 50); do printf '%s' "$paragraph"; done >> "$WORK/notes.txt"
done
truncate -s 1048576 "$WORK/notes.txt"

echo "input: $(stat -c %s "$WORK/notes.txt") bytes, $(wc -l < "$WORK/notes.txt") lines"
./safeguard language check --file /dev/null >/dev/null # warm the disk cache
for run in 1 2 3; do
    start=$(date +%s%N)
    flags=$(./safeguard language check --file "$WORK/notes.txt" | wc -l)
    end=$(date +%s%N)
    awk -v r="$run" -v f="$flags" -v ns=$((end - start)) 'BEGIN { printf "run %d: %d flags in %.3f s (whole process)\n", r, f, ns / 1e9 }' 
done
start=$(date +%s%N)
echo "" | ./safeguard language check >/dev/null
end=$(date +%s%N)
awk -v ns=$((end - start)) 'BEGIN { printf "empty input: %.3f s (process start alone)\n", ns / 1e9 }' 

echo "evaluation sets:"
dotnet test tests/Safeguard.Core.Tests -c Release --nologo --filter "FullyQualifiedName~LanguageEvaluationTests" \
    --logger "console;verbosity=detailed" 2>&1 | grep -E "(evaluation|held-out) set:" | sed 's/^ */  /'

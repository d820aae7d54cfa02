#!/usr/bin/env bash
# Rebuilds src/Safeguard.Web/Features/Matching/default-model.json: the matching model the application uses until
# `./safeguard match train` has estimated one from its own store (docs/adr/0008-real-time-matching.md).
#
#  1. m and u for every comparison level, estimated without labels (EM) from generated multi-agency records;
#  2. the name frequency tables removed: synthetic names say nothing about a real population's, and a name the
#     table lacks would count as very rare. The frequency assumed for any name is set to the chance agreement of
#     exact names (the larger of first and family name), so an exact name is worth its average weight, no more;
#  3. the prior set for a store of about a million people (1.7 in a million pairs are one person, as estimated on
#     generated data of that size): fewer automatic links and more reviews than the small training set would give.
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d /tmp/safeguard-default-model.XXXXXX)
trap 'rm -rf "$WORK"' EXIT
OUT=src/Safeguard.Web/Features/Matching/default-model.json
./safeguard generate persons --count 25000 --seed 2026 --out "$WORK"
./safeguard link --input "$WORK/persons.csv" --out "$WORK/pairs.csv" --model-out "$WORK/model.json"
node - "$WORK/model.json" "$OUT" <<'JS'
const fs = require("fs");
const [input, output] = process.argv.slice(2);
const model = JSON.parse(fs.readFileSync(input, "utf8"));
const exactU = name => model.comparisons.find(c => c.name === name).levels.find(l => l.name === "exact").u;
model.termFrequencies.minimum = Math.max(exactU("given_name"), exactU("family_name"));
delete model.termFrequencies.values.given_name;
delete model.termFrequencies.values.family_name;
model.prior = 1.7e-6;
fs.writeFileSync(output, JSON.stringify(model, null, 2) + "\n");
JS
echo "wrote $OUT"

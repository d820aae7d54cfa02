#!/usr/bin/env bash
# Whole-job benchmark of person matching (docs/benchmarks/matching.md), run from the repository root:
#   bench/matching.sh                 FEBRL 1-4 (with and without soc_sec_id), generated 100k and 1M records,
#                                     and the PostgreSQL pg_trgm/fuzzystrmatch self-join on the same records
#   MATCHING_SIZES="100k" bench/matching.sh      only some generated sizes ("" for none)
#   MATCHING_POSTGRES=0 bench/matching.sh        skip the PostgreSQL comparison
#   MATCHING_PG_TIMEOUT_MIN=20                   give up on a PostgreSQL query after this many minutes
# Prints one line per run: data, method, seconds, peak memory, precision, recall, F1, pair completeness.
# Precision, recall and F1 are pairwise; pair completeness is the share of true pairs blocking kept.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$(pwd)
FEBRL=${FEBRL_DIR:-$ROOT/../shared/data/febrl}
SIZES=${MATCHING_SIZES-"100k 1m"}
POSTGRES=${MATCHING_POSTGRES:-1}
PG_TIMEOUT_MIN=${MATCHING_PG_TIMEOUT_MIN:-20}
PG_PORT=55441
WORK=$(mktemp -d /tmp/safeguard-matching-bench.XXXXXX)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

say() { printf '==> %s\n' "$*" >&2; }

say "building (Release)"
dotnet build src/Safeguard.Web -c Release -nologo -clp:ErrorsOnly >&2
dotnet build bench/Safeguard.Bench -c Release -nologo -clp:ErrorsOnly >&2
SAFEGUARD="dotnet $ROOT/src/Safeguard.Web/bin/Release/net10.0/Safeguard.Web.dll"
EVALUATE="dotnet $ROOT/bench/Safeguard.Bench/bin/Release/net10.0/Safeguard.Bench.dll evaluate"

# Runs a command, printing "seconds peak_MB" of it on stdout (its own output goes to a log).
measure() {
    local log=$1; shift
    if [ -x /usr/bin/time ]; then
        /usr/bin/time -f '%e %M' -o "$WORK/time" "$@" >"$log" 2>&1
        awk '{ printf "%.1f %.0f\n", $1, $2 / 1024 }' "$WORK/time"
    else
        local start end; start=$(date +%s.%N); "$@" >"$log" 2>&1; end=$(date +%s.%N)
        echo "$(echo "$end - $start" | bc) ?"
    fi
}

report() { # data method seconds memory evaluation-line
    local f p r pc
    p=$(grep -o 'precision=[0-9.]*' <<<"$5" | cut -d= -f2); r=$(grep -o 'recall=[0-9.]*' <<<"$5" | cut -d= -f2)
    f=$(grep -o 'f1=[0-9.]*' <<<"$5" | cut -d= -f2); pc=$(grep -o 'pair_completeness=[0-9.]*' <<<"$5" | cut -d= -f2 || true)
    printf '| %s | %s | %s | %s | %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" "$p" "$r" "$f" "${pc:--}"
}

printf '| data | method | seconds | peak MB | precision | recall | F1 | pair completeness |\n'
printf '| --- | --- | --- | --- | --- | --- | --- | --- |\n'

# --- Safeguard on FEBRL ---
for set in 1 2 3 4; do
    if [ "$set" = 4 ]; then inputs=(--input "$FEBRL/dataset4a.csv" --input "$FEBRL/dataset4b.csv"); truth=("$FEBRL/dataset4a.csv" "$FEBRL/dataset4b.csv")
    else inputs=(--input "$FEBRL/dataset$set.csv"); truth=("$FEBRL/dataset$set.csv"); fi
    for variant in with without; do
        extra=(); [ "$variant" = without ] && extra=(--map soc_sec_id=ignore)
        out="$WORK/febrl$set-$variant"
        read -r seconds memory < <(measure "$out.log" $SAFEGUARD link "${inputs[@]}" --out "$out.csv" --candidates "$out.candidates.csv" "${extra[@]}")
        report "FEBRL $set, $variant soc_sec_id" "Safeguard (defaults)" "$seconds" "$memory" "$($EVALUATE --pairs "$out.csv" --candidates "$out.candidates.csv" --febrl "${truth[@]}")"
    done
done

# --- Safeguard on generated multi-agency data ---
declare -A PEOPLE=([100k]=50000 [1m]=490000)
for size in $SIZES; do
    dir="$WORK/generated-$size"
    say "generating $size records"
    $SAFEGUARD generate persons --count "${PEOPLE[$size]}" --out "$dir" --seed 11 >&2
    out="$WORK/generated-$size"
    read -r seconds memory < <(measure "$out.log" $SAFEGUARD link --input "$dir/persons.csv" --out "$out.pairs.csv" --candidates "$out.candidates.csv")
    report "generated $size ($(($(wc -l <"$dir/persons.csv") - 1)) records)" "Safeguard (defaults)" "$seconds" "$memory" "$($EVALUATE --pairs "$out.pairs.csv" --candidates "$out.candidates.csv" --truth "$dir/truth.csv")"
    # The same run without --candidates: the time and memory of an ordinary run.
    read -r seconds memory < <(measure "$out.plain.log" $SAFEGUARD link --input "$dir/persons.csv" --out "$out.plain.csv")
    report "generated $size" "Safeguard, no candidates file" "$seconds" "$memory" "$($EVALUATE --pairs "$out.plain.csv" --truth "$dir/truth.csv")"
done

# --- PostgreSQL pg_trgm + fuzzystrmatch, the approach a team without a matcher would reach for ---
if [ "$POSTGRES" = 1 ]; then
    PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
    PG_DIR=$(mktemp -d /tmp/safeguard-matching-pg.XXXXXX) # its own directory: the postgres user cannot enter $WORK
    run=(); if [ "$(id -u)" -eq 0 ]; then chown postgres: "$PG_DIR"; run=(runuser -u postgres --); fi
    stop_pg() { "${run[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m fast -w stop >/dev/null 2>&1 || true; }
    trap 'stop_pg; rm -rf "$WORK" "$PG_DIR"' EXIT
    say "starting a throwaway PostgreSQL on 127.0.0.1:$PG_PORT"
    "${run[@]}" "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$WORK/initdb.log" 2>&1 \
        || { cat "$WORK/initdb.log" >&2; exit 1; }
    "${run[@]}" "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -t 60 \
        -o "-c listen_addresses=127.0.0.1 -p $PG_PORT -k $PG_DIR -c shared_buffers=512MB -c work_mem=256MB -c max_parallel_workers_per_gather=2" start >/dev/null
    PSQL=("$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -v ON_ERROR_STOP=1 -q)
    "${PSQL[@]}" -c "CREATE EXTENSION pg_trgm; CREATE EXTENSION fuzzystrmatch;"

    # Loads a file into table $1 as (id, given, family, dob yyyymmdd, postcode).
    load() {
        local table=$1 file=$2 kind=$3
        "${PSQL[@]}" -c "DROP TABLE IF EXISTS $table; DROP TABLE IF EXISTS raw_$table;"
        if [ "$kind" = febrl ]; then
            "${PSQL[@]}" -c "CREATE TABLE raw_$table (rec_id text, given_name text, surname text, street_number text, address_1 text, address_2 text, suburb text, postcode text, state text, date_of_birth text, soc_sec_id text)"
            "${PSQL[@]}" -c "\\copy raw_$table FROM '$file' WITH (FORMAT csv, HEADER true)"
            "${PSQL[@]}" -c "CREATE TABLE $table AS SELECT trim(rec_id) id, lower(trim(given_name)) given, lower(trim(surname)) family, nullif(trim(date_of_birth), '') dob, trim(postcode) postcode FROM raw_$table"
        else
            "${PSQL[@]}" -c "CREATE TABLE raw_$table (id text, source text, given_name text, middle_names text, family_name text, date_of_birth text, sex text, nhs_number text, address text, postcode text, phone text, email text)"
            "${PSQL[@]}" -c "\\copy raw_$table FROM '$file' WITH (FORMAT csv, HEADER true)"
            "${PSQL[@]}" -c "CREATE TABLE $table AS SELECT id, lower(given_name) given, lower(family_name) family,
                CASE WHEN date_of_birth LIKE '__/__/____' THEN substr(date_of_birth, 7, 4) || substr(date_of_birth, 4, 2) || substr(date_of_birth, 1, 2) ELSE replace(date_of_birth, '-', '') END dob,
                upper(postcode) postcode FROM raw_$table"
        fi
        "${PSQL[@]}" -c "ALTER TABLE $table ADD COLUMN name text" -c "UPDATE $table SET name = coalesce(given, '') || ' ' || coalesce(family, '')" \
            -c "CREATE INDEX ON $table USING gist (name gist_trgm_ops)" -c "ANALYZE $table"
    }

    # The obvious self-join: trigram-similar names (pg_trgm's % at similarity 0.5, GiST index), and either the
    # same date of birth, a date one edit away, or a surname that sounds the same (soundex) at the same postcode.
    CONDITION="a.name % b.name AND (a.dob = b.dob OR levenshtein(a.dob, b.dob) <= 1 OR (soundex(a.family) = soundex(b.family) AND a.postcode = b.postcode))"
    pg_join() { # left-table right-table output
        local same=""; [ "$1" = "$2" ] && same="AND a.id < b.id"
        "${PSQL[@]}" -c "SET pg_trgm.similarity_threshold = 0.5; SET statement_timeout = '${PG_TIMEOUT_MIN}min';" \
            -c "\\copy (SELECT a.id AS id_1, b.id AS id_2 FROM $1 a JOIN $2 b ON $CONDITION $same) TO '$3' WITH (FORMAT csv, HEADER true)"
    }
    pg_run() { # data-label left-file [right-file] kind truth-args...
        local label=$1 kind=$2 left=$3 right=$4; shift 4
        load pa "$left" "$kind"; [ -n "$right" ] && load pb "$right" "$kind"
        local other=pa; [ -n "$right" ] && other=pb
        local start end; start=$(date +%s.%N)
        if pg_join pa "$other" "$WORK/pg.csv" >"$WORK/pg.log" 2>&1; then
            end=$(date +%s.%N)
            report "$label" "PostgreSQL pg_trgm + fuzzystrmatch" "$(printf '%.1f' "$(echo "$end - $start" | bc)")" "-" "$($EVALUATE --pairs "$WORK/pg.csv" "$@")"
        elif grep -q "statement timeout" "$WORK/pg.log"; then
            printf '| %s | PostgreSQL pg_trgm + fuzzystrmatch | did not finish in %s min | - | - | - | - | - |\n' "$label" "$PG_TIMEOUT_MIN"
        else
            cat "$WORK/pg.log" >&2; exit 1
        fi
    }
    for set in 1 2 3; do pg_run "FEBRL $set" febrl "$FEBRL/dataset$set.csv" "" --febrl "$FEBRL/dataset$set.csv"; done
    pg_run "FEBRL 4" febrl "$FEBRL/dataset4a.csv" "$FEBRL/dataset4b.csv" --febrl "$FEBRL/dataset4a.csv" "$FEBRL/dataset4b.csv"
    for size in $SIZES; do
        pg_run "generated $size" generated "$WORK/generated-$size/persons.csv" "" --truth "$WORK/generated-$size/truth.csv"
    done
else
    trap 'rm -rf "$WORK"' EXIT
fi

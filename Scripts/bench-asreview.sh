#!/usr/bin/env bash
# Wall time of a full `tarsier simulate --ranker tfidf-lr` against `asreview simulate` (ASReview
# LAB 3.0.8, default model elas_u4) on the same dev sets and the same priors, medians of RUNS runs
# (default 3), runs of the two tools interleaved so both see the same machine load.
#
#   Scripts/bench-asreview.sh [DATASET ...]      (default: cohen-ADHD kitchenham-2010 nagtegaal-2019)
#
# Environment: RUNS (default 3); TARSIER_BASELINE=PATH also times another tarsier binary (e.g. an
# older build) in the same interleaved loop and prints its median and the speed-up; SHARED (default ../shared beside the clone); VENV (default
# /tmp/asreview-3.0.8-venv, created with `pip install asreview==3.0.8` when missing);
# ASREVIEW_FULL=1 makes ASReview screen every record (--n-stop -1) like tarsier does; by default
# it stops after the last include, as `asreview simulate` does out of the box.
#
# Priors: `priors.py DATASET.csv 1` prints one include and one exclude *record_id*. tarsier takes
# record_ids (--prior). ASReview 3 numbers records by their 0-based data row (its own record_id
# column is that row, not the CSV's record_id), so the record_ids are converted to row indices and
# passed as --prior-idx; the script checks in ASReview's results.db that the two priors it labelled
# first carry the expected labels.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/Scripts/datasets.sh"
DATA="$SHARED/datasets/benchmark"
RUNS="${RUNS:-3}"
VENV="${VENV:-/tmp/asreview-3.0.8-venv}"
WORK="$(mktemp -d /tmp/bench-asreview.XXXXXX)"
trap 'rm -rf "$WORK"' EXIT
DATASETS=("$@")
[ ${#DATASETS[@]} -gt 0 ] || DATASETS=(cohen-ADHD kitchenham-2010 nagtegaal-2019)

if [ ! -x "$VENV/bin/asreview" ]; then
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet asreview==3.0.8
fi
ASREVIEW="$VENV/bin/asreview"
(cd "$ROOT" && swift build -c release >/dev/null 2>&1) || { echo "swift build -c release failed" >&2; exit 1; }
TARSIER="$ROOT/.build/release/tarsier"
NSTOP=()
[ "${ASREVIEW_FULL:-0}" = 1 ] && NSTOP=(--n-stop -1)

now() { date +%s.%N; }
median() { sort -g | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# row_index FILE RECORD_ID: 0-based data row of the record (CSV-aware, quoted newlines allowed).
row_index() {
    python3 - "$1" "$2" <<'EOF'
import csv, sys
csv.field_size_limit(1 << 30)
with open(sys.argv[1], newline="", encoding="utf-8") as f:
    for i, row in enumerate(csv.DictReader(f)):
        if row["record_id"] == sys.argv[2]:
            print(i); break
    else:
        sys.exit(f"record_id {sys.argv[2]} not found")
EOF
}

# check_priors PROJECT INCLUDE_ROW EXCLUDE_ROW: ASReview labelled those rows first, as 1 and 0.
check_priors() {
    python3 - "$@" <<'EOF'
import sqlite3, sys, tempfile, zipfile, os
project, inc, exc = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with tempfile.TemporaryDirectory() as d:
    zipfile.ZipFile(project).extractall(d)
    db = next(os.path.join(r, f) for r, _, fs in os.walk(d) for f in fs if f == "results.db")
    first = sqlite3.connect(db).execute("select record_id, label from results order by rowid limit 2").fetchall()
if sorted(first) != sorted([(inc, 1), (exc, 0)]):
    sys.exit(f"ASReview's priors are {first}, expected rows {inc} (include) and {exc} (exclude)")
EOF
}

BASELINE="${TARSIER_BASELINE:-}"
printf '%-18s %6s %12s %12s %8s\n' dataset N "asreview s" "tarsier s" ratio
for name in "${DATASETS[@]}"; do
    csv="$DATA/$name.csv"
    read -r include exclude < <(python3 "$SHARED/tools/priors.py" "$csv" 1)
    include_row=$(row_index "$csv" "$include")
    exclude_row=$(row_index "$csv" "$exclude")
    : > "$WORK/asreview.times"
    : > "$WORK/tarsier.times"
    : > "$WORK/baseline.times"
    for run in $(seq "$RUNS"); do
        rm -f "$WORK/project.asreview"
        start=$(now)
        "$ASREVIEW" simulate "$csv" --prior-idx "$include_row" "$exclude_row" --seed 1 "${NSTOP[@]}" \
            -o "$WORK/project.asreview" >/dev/null 2>&1
        echo "$(now) - $start" | bc -l >> "$WORK/asreview.times"
        [ "$run" = 1 ] && check_priors "$WORK/project.asreview" "$include_row" "$exclude_row"
        start=$(now)
        "$TARSIER" simulate "$csv" --prior "$include" --prior "$exclude" --ranker tfidf-lr >/dev/null
        echo "$(now) - $start" | bc -l >> "$WORK/tarsier.times"
        if [ -n "$BASELINE" ]; then
            start=$(now)
            "$BASELINE" simulate "$csv" --prior "$include" --prior "$exclude" --ranker tfidf-lr >/dev/null
            echo "$(now) - $start" | bc -l >> "$WORK/baseline.times"
        fi
    done
    records=$(python3 -c 'import csv,sys; csv.field_size_limit(1<<30); print(sum(1 for _ in csv.DictReader(open(sys.argv[1], newline="", encoding="utf-8"))))' "$csv")
    a=$(median < "$WORK/asreview.times")
    t=$(median < "$WORK/tarsier.times")
    printf '%-18s %6d %12.2f %12.2f %7.1fx   (asreview runs: %s; tarsier runs: %s)\n' "$name" "$records" "$a" "$t" \
        "$(echo "$a / $t" | bc -l)" "$(printf '%.2f ' $(cat "$WORK/asreview.times"))" "$(printf '%.2f ' $(cat "$WORK/tarsier.times"))"
    if [ -n "$BASELINE" ]; then
        b=$(median < "$WORK/baseline.times")
        printf '%-18s %6s %12s %12.2f %7.1fx   baseline %s (runs: %s)\n' "" "" "" "$b" "$(echo "$b / $t" | bc -l)" \
            "$BASELINE" "$(printf '%.2f ' $(cat "$WORK/baseline.times"))"
    fi
done

#!/usr/bin/env bash
# Runs `tarsier simulate` (release build) on every benchmark CSV with ASReview's priors
# (../shared/tools/priors.py, seeds 1 2 3) and, for clef17-* sets, topic-only; verifies every
# run's metrics with ../shared/tools/metrics.py on the order file and prints the table
# (Scripts/eval-table.py) beside ASReview's numbers (../shared/bench/asreview-dev.md).
#
# Usage: Scripts/eval.sh [RANKER|all] [extra simulate options...]
#   RANKER defaults to tfidf-lr. `all` runs every ranker of $RANKERS (default: bm25 tfidf-lr
#   dense-topic dense-lr hybrid; bm25 and dense-topic only where a topic exists) and prints the
#   comparison (Scripts/eval-compare.py) beside ASReview and the feasibility probe.
#   Environment: SHARED (default <repo>/../shared), OUT (default .build/eval/RANKER),
#   JOBS (parallel runs, default 2), SEEDS (default "1 2 3"), SKIP_BUILD=1. The dense rankers and the hybrid need the
#   model (Scripts/fetch-model.sh); embeddings are cached (simulate --embeddings-cache).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/Scripts/datasets.sh"
RANKER="${1:-tfidf-lr}"; shift || true
if [[ "$RANKER" == all ]]; then
  if [[ "${SKIP_BUILD:-0}" != 1 ]]; then (cd "$ROOT" && swift build -c release >&2); fi
  for ranker in ${RANKERS:-bm25 tfidf-lr dense-topic dense-lr hybrid}; do
    echo "== $ranker" >&2
    OUT="$ROOT/.build/eval/$ranker" SKIP_BUILD=1 "$0" "$ranker" "$@" > "$ROOT/.build/eval/$ranker.table.md"
  done
  exec python3 "$ROOT/Scripts/eval-compare.py" "$ROOT/.build/eval" "$SHARED/bench/asreview-dev.md" \
    "$SHARED/bench/feasibility-dev.md" ${RANKERS:-bm25 tfidf-lr dense-topic dense-lr hybrid}
fi
EXTRA=("$@")
OUT="${OUT:-$ROOT/.build/eval/$RANKER}"
JOBS="${JOBS:-2}"
BENCH="$SHARED/datasets/benchmark"
mkdir -p "$OUT"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then (cd "$ROOT" && swift build -c release >&2); fi
TARSIER="${TARSIER:-$ROOT/.build/release/tarsier}"

jobs_file="$OUT/jobs.txt"; : > "$jobs_file"
for csv in "$BENCH"/*.csv; do
  name="$(basename "$csv" .csv)"
  for seed in ${SEEDS:-1 2 3}; do
    # Topic-only signals cannot rank from priors alone.
    [[ "$RANKER" == bm25 || "$RANKER" == dense-topic ]] && break
    read -r inc exc <<< "$(python3 "$SHARED/tools/priors.py" "$csv" "$seed")"
    echo "$name priors-s$seed $csv --prior $inc --prior $exc --seed $seed" >> "$jobs_file"
  done
  if [[ -f "$BENCH/$name.topic.json" ]]; then
    echo "$name topic $csv --topic $BENCH/$name.topic.json --seed 1" >> "$jobs_file"
  fi
done

run_one() {
  local name="$1" protocol="$2"; shift 2
  local csv="$1"; shift
  local base="$OUT/$name.$protocol"
  "$TARSIER" simulate "$csv" "$@" --ranker "$RANKER" "${EXTRA[@]}" --order-out "$base.order" --json > "$base.json"
  python3 "$SHARED/tools/metrics.py" "$csv" "$base.order" > "$base.metrics.json"
}
export -f run_one; export TARSIER RANKER OUT SHARED; export EXTRA_STR="${EXTRA[*]:-}"
# xargs cannot pass arrays: re-split EXTRA from a string inside the worker.
xargs -P "$JOBS" -L 1 bash -c 'EXTRA=($EXTRA_STR); run_one "$@"' _ < "$jobs_file"

python3 "$ROOT/Scripts/eval-table.py" "$OUT" "$SHARED/bench/asreview-dev.md"

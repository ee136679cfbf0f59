#!/usr/bin/env bash
# Cross-validated choice of the hybrid's fusion settings (issue #16). Runs `Scripts/eval.sh` for
# the single learners (tfidf-lr, dense-lr) and for every candidate setting of the hybrid listed in
# Scripts/eval-cv-grid.txt, over seeds 1-5 (priors: 1 include + 1 exclude from
# ../shared/tools/priors.py; topic only on the clef17 sets), then prints (Scripts/eval-cv.py) the
# in-sample table (the setting best on all 14 sets) beside the leave-one-family-out table (for each
# family — the 7 cohen sets, the 4 clef17 sets, the 3 others — the setting chosen on the other two
# families, judged on this one), each with the spread across seeds and the regret against the
# better of tfidf-lr and dense-lr per set.
#
# Usage: Scripts/eval-cv.sh            (reads ../shared; needs the BERT model; long: ~74 runs per setting)
# Environment: SEEDS (default "1 2 3 4 5"), JOBS (default 2), SKIP_BUILD=1, OUT (default .build/eval-cv),
#   GRID (default Scripts/eval-cv-grid.txt: one "name<TAB>simulate options" per line).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
source "$ROOT/Scripts/datasets.sh"
export SEEDS="${SEEDS:-1 2 3 4 5}"
OUT="${OUT:-$ROOT/.build/eval-cv}"
GRID="${GRID:-$ROOT/Scripts/eval-cv-grid.txt}"
if [[ "${SKIP_BUILD:-0}" != 1 ]]; then (cd "$ROOT" && swift build -c release >&2); fi
mkdir -p "$OUT"
for ranker in tfidf-lr dense-lr; do
  echo "== $ranker" >&2
  # The reference learners as they were before issue #16 (the regret column is measured against them).
  [[ -f "$OUT/$ranker/done" ]] || { OUT="$OUT/$ranker" SKIP_BUILD=1 "$ROOT/Scripts/eval.sh" "$ranker" --pseudo-excludes 0 --tolerance 0.001 --newton-steps 8 > "$OUT/$ranker.table.md" && touch "$OUT/$ranker/done"; }
done
names=()
while IFS=$'\t' read -r name options; do
  [[ -z "$name" || "$name" == \#* ]] && continue
  names+=("$name")
  echo "== hybrid $name: $options" >&2
  # shellcheck disable=SC2086
  [[ -f "$OUT/$name/done" ]] || { OUT="$OUT/$name" SKIP_BUILD=1 "$ROOT/Scripts/eval.sh" hybrid $options > "$OUT/$name.table.md" && touch "$OUT/$name/done"; }
done < "$GRID"
python3 "$ROOT/Scripts/eval-cv.py" "$OUT" "$SHARED/bench/asreview-dev.md" "${names[@]}"

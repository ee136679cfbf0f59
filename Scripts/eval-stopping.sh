#!/usr/bin/env bash
# Validates the stopping rules in simulation: every benchmark set, priors from priors.py
# (seeds 1–3, one include + one exclude), ranker tfidf-lr (or $RANKER), all rules replayed on the
# screening order. Prints per-dataset stopping points and how often each rule stopped below 95% recall.
#   Scripts/eval-stopping.sh            (SKIP_BUILD=1 reuses .build/release)
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/datasets.sh
shared="$SHARED"
ranker="${RANKER:-tfidf-lr}"
[ -n "${SKIP_BUILD:-}" ] || swift build -c release --product tarsier >&2
bin="$(swift build -c release --show-bin-path)/tarsier"
out="$(mktemp -d)"
for csv in "$shared"/datasets/benchmark/*.csv; do
  name="$(basename "$csv" .csv)"
  for seed in 1 2 3; do
    read -r inc exc < <(python3 "$shared/tools/priors.py" "$csv" "$seed")
    "$bin" simulate "$csv" --prior "$inc" --prior "$exc" --ranker "$ranker" --seed "$seed" \
      --stop-rule all --json > "$out/$name.$seed.json"
  done
done
python3 Scripts/eval-stopping-table.py "$out"

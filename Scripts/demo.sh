#!/usr/bin/env bash
# The README's main command: builds tarsier, creates the sample review (once), imports the sample
# export and opens it for screening in the terminal. Decisions persist in out/virus-metagenomics.tarsier.
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/install-deps.sh
bash Scripts/fetch-model.sh >&2 || echo "note: the BERT model could not be fetched; tarsier ranks with its classical models" >&2
swift build -c release --product tarsier >&2
bin="$(swift build -c release --show-bin-path)/tarsier"
review=out/virus-metagenomics.tarsier
mkdir -p out
if [ ! -f "$review" ]; then
  "$bin" init "$review" --topic sample-reviews/virus-metagenomics/topic.json
  "$bin" import "$review" sample-reviews/virus-metagenomics/kwok-2020-embase.ris
fi
"$bin" status "$review"
if [ -t 0 ] && [ -t 1 ]; then
  echo "opening $review for screening (q quits; every decision is already saved)..."
  exec "$bin" screen "$review"
else
  echo "not a terminal: run \`$bin screen $review\` in one to screen"
fi

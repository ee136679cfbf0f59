#!/usr/bin/env bash
# The README's main command: builds tarsier, creates the sample review (once) from
# sample-reviews/kidney-transplant-cardiac-testing/ (a Cochrane review's PubMed search: 1,310
# records, 67 includes), imports the export and opens it for screening in the terminal.
# Decisions persist in out/kidney-transplant-cardiac-testing.tarsier; run it again to continue.
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/install-deps.sh
bash Scripts/fetch-model.sh >&2 || echo "note: the BERT model could not be fetched; tarsier ranks with its classical models" >&2
swift build -c release --product tarsier >&2
bin="$(swift build -c release --show-bin-path)/tarsier"
sample=sample-reviews/kidney-transplant-cardiac-testing
review=out/kidney-transplant-cardiac-testing.tarsier
mkdir -p out
if [ ! -f "$review" ]; then
  "$bin" init "$review" --topic "$sample/topic.json"
  "$bin" import "$review" "$sample/pubmed-search.nbib"
fi
"$bin" status "$review"
if [ -t 0 ] && [ -t 1 ]; then
  echo "opening $review for screening (? lists the keys; q quits; every decision is already saved)..."
  exec "$bin" screen "$review"
else
  echo "not a terminal: run \`$bin screen $review\` in one to screen"
fi

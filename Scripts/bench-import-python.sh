#!/usr/bin/env bash
# Times the Python reference parsers on the files tarsier's import benchmark uses, and prints the
# ratio to tarsier's median when the Swift benchmark log is given.
#
#   RUN_BENCHMARKS=1 swift test -c release -Xswiftc -enable-testing --filter ImportBenchmarks | tee /tmp/swift-bench.log
#   Scripts/bench-import-python.sh /tmp/swift-bench.log
#
# Python side: rispy (RIS), pubmed_parser.parse_medline_xml (PubMed XML, gzip read by lxml),
# Biopython's Bio.Medline (MEDLINE text; pubmed_parser has no .nbib reader). Installed into a
# throwaway venv under /tmp. The generated 100k-record files come from the Swift benchmark run.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
source "$here/Scripts/datasets.sh"
samples="${SAMPLES:-$TARSIER_DATASETS/import-samples}"
bench_dir=/tmp/tarsier-import-bench
venv=/tmp/tarsier-bench-venv
swift_log="${1:-}"

if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet rispy pubmed_parser biopython
fi
for f in "$bench_dir/medline-100k.nbib" "$bench_dir/ris-100k.ris"; do
    [ -f "$f" ] || { echo "missing $f: run the Swift ImportBenchmarks first" >&2; exit 1; }
done

"$venv/bin/python" - "$samples" "$bench_dir" "$swift_log" <<'PY'
import re, statistics, sys, time
import rispy
import pubmed_parser as pp
from Bio import Medline

samples, bench_dir, swift_log = sys.argv[1], sys.argv[2], sys.argv[3]

def measure(label, fn, iterations=3):
    fn()  # warm-up, as in the Swift benchmark
    times, count = [], 0
    for _ in range(iterations):
        start = time.perf_counter()
        count = fn()
        times.append(time.perf_counter() - start)
    median = statistics.median(times)
    print(f"PY {label}: {count} records, median {median:.3f} s, {count / median:.0f} records/s")
    return label, count, median

def ris():
    with open(f"{bench_dir}/ris-100k.ris", encoding="utf-8") as handle:
        return len(rispy.load(handle))

def medline():
    with open(f"{bench_dir}/medline-100k.nbib", encoding="utf-8") as handle:
        return sum(1 for _ in Medline.parse(handle))

def xml(name):
    # parse_medline_xml yields one dict per article; consuming the generator does the parsing.
    return lambda: sum(1 for _ in pp.parse_medline_xml(f"{samples}/pubmed-xml-large/{name}"))

results = [
    measure("pubmed-xml pubmed20n0014.xml.gz", xml("pubmed20n0014.xml.gz"), 1),
    measure("pubmed-xml pubmed21n1298.xml.gz", xml("pubmed21n1298.xml.gz"), 1),
    measure("medline 100k", medline),
    measure("ris 100k", ris),
]

if swift_log:
    swift = {}
    for line in open(swift_log, encoding="utf-8", errors="replace"):
        match = re.search(r"BENCH (.+?): (\d+) records, median ([0-9.]+) s", line)
        if match:
            swift[match.group(1)] = float(match.group(3))
    print()
    print("| input | records | Python s | tarsier s | speed-up |")
    print("|---|---|---|---|---|")
    for label, count, median in results:
        if label in swift:
            print(f"| {label} | {count} | {median:.2f} | {swift[label]:.2f} | {median / swift[label]:.1f}x |")
PY

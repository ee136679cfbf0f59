#!/usr/bin/env bash
# Reopening a large review with many decisions (issue #12's speed contract), in a real terminal
# (tmux): time to the first frame, time until the restored ranking state has produced its first
# ranking (the classical features read back from the review, the learners refitted on every
# stored decision, the hybrid's credit recomputed from the stored signal ranks), and key press to
# next frame while screening on. Baseline, run
# alternately in the same script: the same review with no decisions. Medians over RUNS.
#
# The review: the 100,788-record review of Scripts/bench-scale.sh (made here if missing: the real
# MEDLINE records of shared/datasets/import-samples/pubmed-xml-large plus 50,000 RIS variations),
# with DECIDED decisions (default 5,000; every 25th an include) made once through
# `screen --script` and kept in $SCALE_DIR/decided-N.tarsier.
#
# Usage: Scripts/bench-reopen.sh [RUNS]   (default 3)
# Environment: SCALE_DIR (default /tmp/tarsier-scale), DECIDED (default 5000), KEYS (keys
#   pressed per run, default 40), SKIP_BUILD=1, SHARED (default ../shared beside the checkout).
# Needs: tmux, python3, ../shared (for the records).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${1:-3}
DIR=${SCALE_DIR:-/tmp/tarsier-scale}
DECIDED=${DECIDED:-5000}
KEYS=${KEYS:-40}
source "$ROOT/Scripts/datasets.sh"
command -v tmux >/dev/null || { echo "bench-reopen: needs tmux" >&2; exit 1; }
if [ "${SKIP_BUILD:-}" != 1 ]; then swift build -c release --product tarsier >/dev/null; fi
T=$ROOT/.build/release/tarsier
mkdir -p "$DIR"
R=$DIR/review.tarsier
if [ ! -s "$R" ]; then
    XML1=$SHARED/datasets/import-samples/pubmed-xml-large/pubmed20n0014.xml.gz
    XML2=$SHARED/datasets/import-samples/pubmed-xml-large/pubmed21n1298.xml.gz
    echo "bench-reopen: making the 100k review (once)" >&2
    if [ ! -s "$DIR/variants.ris" ]; then
        rm -f "$DIR/base.tarsier"*; "$T" init "$DIR/base.tarsier" >/dev/null
        "$T" import "$DIR/base.tarsier" "$XML1" "$XML2" --quiet >/dev/null
        "$T" export "$DIR/base.tarsier" --what records --format ris -o "$DIR/medline-50k.ris"
        python3 Scripts/make-scale-review.py "$DIR/medline-50k.ris" "$DIR/variants.ris" 50000 1 0.1
    fi
    rm -f "$R"*; "$T" init "$R" >/dev/null
    "$T" import "$R" "$XML1" "$XML2" "$DIR/variants.ris" --quiet >/dev/null
fi
D=$DIR/decided-$DECIDED.tarsier
if [ ! -s "$D" ]; then
    echo "bench-reopen: making $DECIDED decisions through screen --script (once; minutes)" >&2
    rm -f "$D"*; cp "$R" "$D.tmp"
    python3 -c "import sys; n=int(sys.argv[1]); print('\n'.join('include' if k % 25 == 0 else 'exclude' for k in range(1, n + 1)))" \
        "$DECIDED" > "$DIR/decide.script"
    "$T" screen "$D.tmp" --as bench --no-embed --script "$DIR/decide.script" >/dev/null
    "$T" check "$D.tmp" >/dev/null 2>&1 || true
    mv "$D.tmp" "$D"; rm -f "$D.tmp-wal" "$D.tmp-shm"
fi

# First opening of each (once per tarsier version): migrates the file and keeps the classical
# features in it, as any first sitting does; its trace gives the first-opening row.
for S in "$R" "$D"; do
    label=$([ "$S" = "$R" ] && echo none || echo decided)
    if [ ! -s "$DIR/trace-first-$label.txt" ] || ! grep -q "features kept" "$DIR/trace-first-$label.txt"; then
        echo "move-down" > "$DIR/noop.script"
        rm -f "$DIR/trace-first-$label.txt"
        TARSIER_TRACE=$DIR/trace-first-$label.txt "$T" screen "$S" --as bench2 --no-embed --script "$DIR/noop.script" >/dev/null
    fi
done

one_run() {  # source-review label run
    local S=$DIR/reopen.tarsier TRACE=$DIR/trace-reopen-$2-$3.txt
    rm -f "$S" "$S-wal" "$S-shm" "$TRACE"; cp "$1" "$S"
    for x in wal shm; do [ -f "$1-$x" ] && cp "$1-$x" "$S-$x"; done
    cat "$S" > /dev/null  # warm: the file is in the page cache
    tmux kill-session -t tarsier-reopen 2>/dev/null || true
    tmux new-session -d -s tarsier-reopen -x 120 -y 40 "TARSIER_TRACE=$TRACE $T screen $S --as bench2 --no-embed"
    for _ in $(seq 600); do grep -q " retrain" "$TRACE" 2>/dev/null && break; sleep 0.2; done
    for k in $(seq "$KEYS"); do tmux send-keys -t tarsier-reopen "$([ $((k % 10)) = 0 ] && echo i || echo e)"; sleep 0.4; done
    sleep 2; tmux send-keys -t tarsier-reopen q
    for _ in $(seq 100); do tmux has-session -t tarsier-reopen 2>/dev/null || break; sleep 0.2; done
    rm -f "$S" "$S-wal" "$S-shm"
}
for run in $(seq "$RUNS"); do
    one_run "$R" none "$run"; one_run "$D" decided "$run"
    echo "bench-reopen: run $run done" >&2
done
python3 - "$DIR" "$RUNS" "$DECIDED" <<'PY'
import re, statistics, sys
d, runs, decided = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
def pct(v, q):
    v = sorted(v); return v[min(len(v) - 1, max(0, round(q * (len(v) - 1))))] if v else float("nan")
def read(label):
    first, ready, built, frames, retrains = [], [], [], [], []
    for run in range(1, runs + 1):
        lines = [l.split(" ", 1) for l in open(f"{d}/trace-reopen-{label}-{run}.txt").read().splitlines()]
        opened = 0.0  # trace times are milliseconds since the process started
        first += [(float(t) - opened) / 1000 for t, e in lines if e == "first frame"][:1]
        ready += [(float(t) - opened) / 1000 for t, e in lines if e.startswith("retrain")][:1]
        built += [(float(t) - opened) / 1000 for t, e in lines if e.startswith("rankers built")][:1]
        for t, e in lines:
            m = re.match(r"key to frame ([0-9.]+) ms", e)
            if m: frames.append(float(m.group(1)))
            m = re.match(r"retrain ([0-9.]+) ms, (\d+) decisions", e)
            if m: retrains.append(float(m.group(1)))
    return first, ready, built, frames, retrains
a, b = read("none"), read("decided")
def first_open(label):
    lines = [l.split(" ", 1) for l in open(f"{d}/trace-first-{label}.txt").read().splitlines()]
    ready = [float(t) / 1000 for t, e in lines if e.startswith("retrain")][:1]
    return ready[0] if ready else float("nan")
med = statistics.median
print()
print(f"| what ({runs} runs, medians; warm page cache) | no decisions (baseline) | {decided:,} decisions | ratio | goal |")
print("|---|---|---|---|---|")
print(f"| first frame after opening | {med(a[0])*1000:.0f} ms | **{med(b[0])*1000:.0f} ms** | {med(b[0])/med(a[0]):.2f}× | ≤ 1 s |")
print(f"| rankers built (features read back) | {med(a[2]):.2f} s | {med(b[2]):.2f} s | {med(b[2])/med(a[2]):.2f}× | — |")
print(f"| first opening (features built and kept; one run) | {first_open('none'):.2f} s | {first_open('decided'):.2f} s | | — |")
print(f"| reopened: ranking state restored, first ranking | {med(a[1]):.2f} s | **{med(b[1]):.2f} s** | {med(b[1])/med(a[1]):.2f}× | ≤ 2 s |")
print(f"| retrain + re-rank after a decision | p50 {pct(a[4],.5):.0f} ms, p95 {pct(a[4],.95):.0f} ms | p50 {pct(b[4],.5):.0f} ms, p95 {pct(b[4],.95):.0f} ms | {pct(b[4],.5)/pct(a[4],.5):.2f}× | — |")
print(f"| key press to next frame | p50 {pct(a[3],.5):.1f} ms, p95 {pct(a[3],.95):.1f} ms | p50 {pct(b[3],.5):.1f} ms, p95 **{pct(b[3],.95):.1f} ms** | {pct(b[3],.95)/pct(a[3],.95):.2f}× | p95 ≤ 16 ms |")
PY

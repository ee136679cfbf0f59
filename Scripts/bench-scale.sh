#!/usr/bin/env bash
# The 100,000-record review end to end (issue #8), in one table: import time and peak memory
# (against a parse-only --dry-run of the same files, side by side), review file size, time to the
# first frame after opening, time until the ranking is ready, retrain + re-rank latency while
# screening in a real terminal (tmux), peak memory of the screen, embedding rate and resume.
#
# The review: the 50,788 real MEDLINE records of shared/datasets/import-samples/pubmed-xml-large
# (two PubMed XML files, read as .gz) plus 50,000 RIS variations made by
# Scripts/make-scale-review.py (seed 1; 10% are the same study again and must join duplicate
# groups, the rest have shuffled title words and abstract sentences and no identifiers).
#
# Usage: Scripts/bench-scale.sh [RUNS]    (default 3; medians are reported)
# Environment: SCALE_DIR (work folder, default /tmp/tarsier-scale), SKIP_BUILD=1,
#   DECISIONS (keystrokes per screen run, default 60), EMBED_SECONDS (default 120; 0 skips),
#   SHARED (default ../shared beside the checkout).
# Needs: tmux, python3, GNU time (/usr/bin/time); the BERT model for the embedding rows.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
RUNS=${1:-3}
DIR=${SCALE_DIR:-/tmp/tarsier-scale}
DECISIONS=${DECISIONS:-60}
EMBED_SECONDS=${EMBED_SECONDS:-120}
source "$ROOT/Scripts/datasets.sh"
XML1=$SHARED/datasets/import-samples/pubmed-xml-large/pubmed20n0014.xml.gz
XML2=$SHARED/datasets/import-samples/pubmed-xml-large/pubmed21n1298.xml.gz
TIME=/usr/bin/time
[ -x "$TIME" ] || { echo "bench-scale: needs GNU time (apt-get install time)" >&2; exit 1; }
command -v tmux >/dev/null || { echo "bench-scale: needs tmux" >&2; exit 1; }

if [ "${SKIP_BUILD:-}" != 1 ]; then swift build -c release --product tarsier >/dev/null; fi
T=$ROOT/.build/release/tarsier
mkdir -p "$DIR"
R=$DIR/review.tarsier
fresh() { rm -f "$1" "$1-wal" "$1-shm"; "$T" init "$1" >/dev/null; }

# --- The input files (made once) -------------------------------------------------------------
if [ ! -s "$DIR/variants.ris" ]; then
    echo "bench-scale: making the variation file (once)" >&2
    fresh "$DIR/base.tarsier"
    "$T" import "$DIR/base.tarsier" "$XML1" "$XML2" --quiet >/dev/null
    "$T" export "$DIR/base.tarsier" --what records --format ris -o "$DIR/medline-50k.ris"
    python3 Scripts/make-scale-review.py "$DIR/medline-50k.ris" "$DIR/variants.ris" 50000 1 0.1
fi
FILES=("$XML1" "$XML2" "$DIR/variants.ris")

# --- Import, with a parse-only baseline run alternately in the same script -------------------
: > "$DIR/import.tsv"
for run in $(seq "$RUNS"); do
    fresh "$R"
    "$TIME" -f "%e %M" -o "$DIR/t.txt" "$T" import "$R" --dry-run --quiet "${FILES[@]}" >/dev/null
    echo "dry $(cat "$DIR/t.txt")" >> "$DIR/import.tsv"
    fresh "$R"
    "$TIME" -f "%e %M" -o "$DIR/t.txt" "$T" import "$R" --quiet "${FILES[@]}" > "$DIR/import-out.txt"
    echo "import $(cat "$DIR/t.txt")" >> "$DIR/import.tsv"
    echo "bench-scale: import run $run: $(tail -1 "$DIR/import.tsv")" >&2
done
"$T" status "$R" --json > "$DIR/status.json"
SIZE=$(( $(stat -c %s "$R") + $( [ -f "$R-wal" ] && stat -c %s "$R-wal" || echo 0) ))

# --- Screening in a real terminal: first frame, ranking ready, retrain latency ---------------
COLD=no
for run in $(seq "$RUNS"); do
    S=$DIR/screen-$run.tarsier
    rm -f "$S" "$S-wal" "$S-shm"; cp "$R" "$S"
    if [ "$run" = 1 ] && sync && echo 3 2>/dev/null > /proc/sys/vm/drop_caches; then COLD=yes; fi
    TRACE=$DIR/trace-$run.txt; rm -f "$TRACE"
    tmux kill-session -t tarsier-scale 2>/dev/null || true
    tmux new-session -d -s tarsier-scale -x 120 -y 40 \
        "TARSIER_TRACE=$TRACE $TIME -f %M -o $DIR/screen-mem-$run.txt $T screen $S --as bench --no-embed"
    for _ in $(seq 600); do grep -q "^[0-9.]* retrain" "$TRACE" 2>/dev/null && break; sleep 0.2; done
    for k in $(seq "$DECISIONS"); do
        if [ $((k % 10)) = 0 ]; then key=i; else key=e; fi
        tmux send-keys -t tarsier-scale "$key"; sleep 0.4
    done
    sleep 3
    tmux send-keys -t tarsier-scale q
    for _ in $(seq 100); do tmux has-session -t tarsier-scale 2>/dev/null || break; sleep 0.2; done
    "$T" status "$S" --json > "$DIR/screen-status-$run.json"
    rm -f "$S" "$S-wal" "$S-shm"
    echo "bench-scale: screen run $run done (cold cache: $([ "$run" = 1 ] && echo $COLD || echo no))" >&2
done

# --- Embedding: rate over EMBED_SECONDS, then a second run must resume -----------------------
EMBED_LINE=""
if [ "$EMBED_SECONDS" -gt 0 ]; then
    E=$DIR/embed.tarsier
    rm -f "$E" "$E-wal" "$E-shm"; cp "$R" "$E"
    start=$(date +%s.%N)
    "$T" embed "$E" >/dev/null 2>&1 & pid=$!
    sleep "$EMBED_SECONDS"
    # Peak resident memory of the embedder itself, read just before it is killed.
    awk '/VmHWM/ {print $2}' "/proc/$pid/status" > "$DIR/embed-mem.txt" 2>/dev/null || echo 0 > "$DIR/embed-mem.txt"
    kill -KILL "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
    end=$(date +%s.%N)
    first=$("$T" status "$E" --json | python3 -c 'import json,sys; print(json.load(sys.stdin).get("embeddings",{}).get("done",0))')
    "$T" embed "$E" >/dev/null 2>&1 & pid=$!; sleep 30; kill -KILL "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
    second=$("$T" status "$E" --json | python3 -c 'import json,sys; print(json.load(sys.stdin).get("embeddings",{}).get("done",0))')
    EMBED_LINE="$first $second $(python3 -c "print($end - $start)") $(cat "$DIR/embed-mem.txt" | tail -1)"
    rm -f "$E" "$E-wal" "$E-shm"
fi

python3 - "$DIR" "$RUNS" "$SIZE" "$COLD" "$EMBED_LINE" <<'PY'
import json, re, statistics, sys
d, runs, size, cold, embed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
rows = [l.split() for l in open(f"{d}/import.tsv")]
dry = [float(r[1]) for r in rows if r[0] == "dry"]; imp = [float(r[1]) for r in rows if r[0] == "import"]
dry_mem = max(int(r[2]) for r in rows if r[0] == "dry"); imp_mem = max(int(r[2]) for r in rows if r[0] == "import")
status = json.load(open(f"{d}/status.json"))
med = statistics.median
def pct(values, q):
    values = sorted(values)
    return values[min(len(values) - 1, max(0, round(q * (len(values) - 1))))] if values else float("nan")
first, ready, retrains, frames, mem = [], [], [], [], []
for run in range(1, runs + 1):
    lines = [l.split(" ", 1) for l in open(f"{d}/trace-{run}.txt").read().splitlines()]
    first += [float(t) for t, e in lines if e == "first frame"][:1]
    ready += [float(t) for t, e in lines if e.startswith("retrain")][:1]
    for t, e in lines:
        m = re.match(r"retrain ([0-9.]+) ms, (\d+) decisions", e)
        if m and int(m.group(2)) > 0: retrains.append(float(m.group(1)))
        m = re.match(r"key to frame ([0-9.]+) ms", e)
        if m: frames.append(float(m.group(1)))
    mem.append(int(open(f"{d}/screen-mem-{run}.txt").read().split()[-1]))
print()
print(f"| what | result ({runs} runs; medians) | goal |")
print("|---|---|---|")
print(f"| records imported (3 files) | {status['records']:,} ({status['duplicates']:,} duplicates, {status['screenable']:,} to screen) | 100,000 |")
print(f"| import, wall | **{med(imp):.1f} s** (parse-only `--dry-run` of the same files: {med(dry):.1f} s; storing adds {med(imp)/med(dry):.2f}×) | ≤ 20 s |")
print(f"| import, peak memory | {imp_mem/1024:.0f} MB (dry run {dry_mem/1024:.0f} MB) | ≤ 2 GB |")
print(f"| review file size | {size/1e6:.0f} MB | reported |")
print(f"| first frame after opening | **{med(first):.0f} ms** (runs: {', '.join(f'{x:.0f}' for x in first)}; run 1 cold cache: {cold}) | ≤ 1 s |")
print(f"| ranking ready (features built, first ranking) | {med(ready)/1000:.1f} s after opening, in the background | — |")
print(f"| retrain + re-rank after a decision | p50 {pct(retrains,.5):.0f} ms, p95 **{pct(retrains,.95):.0f} ms**, max {max(retrains) if retrains else float('nan'):.0f} ms ({len(retrains)} retrains) | p95 ≤ 1 s |")
print(f"| key press to next frame (decide, commit, redraw) | p50 {pct(frames,.5):.0f} ms, p95 **{pct(frames,.95):.0f} ms** ({len(frames)} keys) | — |")
print(f"| screen, peak memory | {max(mem)/1024:.0f} MB | ≤ 2 GB |")
if embed:
    a, b, secs, emem = embed.split()
    rate = int(a) / float(secs)
    print(f"| embedding rate (`tarsier embed`, killed after {float(secs):.0f} s) | {rate:.1f} records/s → {status['screenable']/rate/3600:.1f} h for all {status['screenable']:,} | background, resumable |")
    print(f"| embedding resumes after kill -9 | {int(a):,} → {int(b):,} after 30 s more | resumes |")
    print(f"| embedding, peak memory | {int(emem)/1024:.0f} MB | ≤ 2 GB |")
PY

#!/usr/bin/env bash
# Side-by-side encoder throughput: tarsier (release) vs ONNX Runtime vs sentence-transformers/PyTorch,
# on the same 1,000 abstracts at max length 256, same machine, same run. Prints ratios.
#
# Usage: Scripts/bench-encoder-peers.sh [RUNS]     (default 3; env TARSIER_MODEL or the cache folder)
#   PEERS_TORCH=0 skips installing torch + sentence-transformers (large download).
# The peers are installed from PyPI into a venv under /tmp, never into the project.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
MODEL="${TARSIER_MODEL:-${XDG_CACHE_HOME:-$HOME/.cache}/tarsier/models/all-MiniLM-L6-v2}"
source Scripts/datasets.sh
WORK=/tmp/tarsier-bench-peers
VENV="$WORK/venv"
mkdir -p "$WORK"
[[ -f "$MODEL/model.safetensors" ]] || { echo "no model in $MODEL: run Scripts/fetch-model.sh" >&2; exit 1; }

# The benchmark texts: the first 1,000 records with an abstract in bannach-brown-2019.csv,
# "title abstract" on one line (the same selection as Tests/TransformerTests/EncoderBenchmarkTests.swift).
python3 - "$SHARED/datasets/benchmark/bannach-brown-2019.csv" "$WORK/texts.txt" <<'PY'
import csv, sys
csv.field_size_limit(10**9)
rows = [r for r in csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")) if r["abstract"].strip()][:1000]
with open(sys.argv[2], "w", encoding="utf-8") as out:
    for r in rows:
        out.write(" ".join((r["title"] + " " + r["abstract"]).splitlines()) + "\n")
PY

swift build -c release --product tarsier >/dev/null
BIN="$(swift build -c release --show-bin-path)/tarsier"
if [[ ! -x "$VENV/bin/python" ]]; then python3 -m venv "$VENV"; fi
"$VENV/bin/pip" install --quiet --disable-pip-version-check numpy safetensors onnx onnxruntime tokenizers
PEERS=(onnx)
if [[ "${PEERS_TORCH:-1}" == "1" ]]; then
  if "$VENV/bin/pip" install --quiet --disable-pip-version-check torch sentence-transformers; then PEERS+=(torch)
  else echo "could not install torch/sentence-transformers from PyPI; PyTorch peer skipped"; fi
fi
echo "$(wc -l <"$WORK/texts.txt") texts, $RUNS interleaved rounds; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
: >"$WORK/results.txt"
for round in $(seq "$RUNS"); do
  # tarsier: whole process (start, model load, tokenization, encoding); wall and user+sys CPU.
  /usr/bin/time -f "%e %U %S %M" -o "$WORK/time.txt" "$BIN" encode --model "$MODEL" <"$WORK/texts.txt" >"$WORK/out.jsonl"
  read -r wall user sys kb <"$WORK/time.txt"
  echo "tarsier $wall $(python3 -c "print(round($user + $sys, 2))") $((kb / 1024))" | tee -a "$WORK/results.txt"
  for peer in "${PEERS[@]}"; do
    "$VENV/bin/python" Scripts/bench-peers.py "$MODEL" "$WORK/texts.txt" "$peer" \
      "Tests/TransformerTests/Fixtures/all-MiniLM-L6-v2.json" 2>/dev/null | sed -n 's/^peer: //p' | tee -a "$WORK/results.txt"
  done
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
python3 - "$WORK/results.txt" "$(wc -l <"$WORK/texts.txt")" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[1]) if line.strip()]
texts = int(sys.argv[2])
by = {}
for r in rows: by.setdefault(r[0], []).append((float(r[1]), float(r[2])))
med = {k: (statistics.median(w for w, _ in v), statistics.median(c for _, c in v)) for k, v in by.items()}
print(f"{'implementation':<12} {'median wall s':>14} {'texts/s':>8} {'median CPU s':>13} {'tarsier speed-up (wall)':>24} {'(CPU)':>7}")
t = med["tarsier"]
for k, (w, c) in med.items():
    print(f"{k:<12} {w:>14.2f} {texts / w:>8.1f} {c:>13.2f} {w / t[0]:>23.2f}x {c / t[1]:>6.2f}x")
PY

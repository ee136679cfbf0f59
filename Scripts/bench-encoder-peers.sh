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
SHARED="$(cd .. && pwd)/shared"
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
echo "tarsier: $(wc -l <"$WORK/texts.txt") texts; $RUNS runs each"
times=()
for _ in $(seq "$RUNS"); do
  /usr/bin/time -f "%e %M" -o "$WORK/time.txt" "$BIN" encode --model "$MODEL" <"$WORK/texts.txt" >"$WORK/out.jsonl"
  read -r seconds kilobytes <"$WORK/time.txt"
  times+=("$seconds"); rss=$((kilobytes / 1024))
done
TARSIER=$(printf '%s\n' "${times[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
echo "peer: tarsier encode (release, whole process incl. load) median $TARSIER s (runs: ${times[*]}); peak RSS ${rss} MB"

if [[ ! -x "$VENV/bin/python" ]]; then python3 -m venv "$VENV"; fi
"$VENV/bin/pip" install --quiet --disable-pip-version-check numpy safetensors onnx onnxruntime tokenizers
if [[ "${PEERS_TORCH:-1}" == "1" ]]; then
  "$VENV/bin/pip" install --quiet --disable-pip-version-check torch sentence-transformers \
    || echo "peer: could not install torch/sentence-transformers from PyPI; skipped"
fi
"$VENV/bin/python" Scripts/bench/peers.py "$MODEL" "$WORK/texts.txt" "$RUNS" \
  "Tests/TransformerTests/Fixtures/all-MiniLM-L6-v2.json" | tee "$WORK/peers.txt"

echo
echo "ratios (tarsier speed / peer speed, same texts, same run):"
grep -E '^peer: .* median' "$WORK/peers.txt" | while IFS= read -r line; do
  name="${line#peer: }"; name="${name%% median*}"
  seconds=$(sed -E 's/.* median ([0-9.]+) s.*/\1/' <<<"$line")
  python3 -c "print(f'  vs {\"$name\"}: {$seconds / $TARSIER:.2f}x')"
done

#!/usr/bin/env bash
# The screen against `simulate` on the two parity fixtures (Tests/Fixtures/parity: 300-record cuts
# of CLEF 2017 CD010632 and Nagtegaal 2019 with precomputed MiniLM embeddings; no model needed):
# an oracle assessor (`screen --script` with `oracle N`) screens each to the end (1) in one
# sitting with every embedding stored, (2) in 8 sittings of 37 decisions, (3) with the embeddings
# stored only after 10, 30, 60 or 100 decisions; it prints WSS@95 and where the order first
# differs from `simulate` (topic only, seed 1). Documentation/Evaluation.md has its output.
# Usage: Scripts/eval-parity-fixtures.sh   (a minute or two on a debug build)
set -euo pipefail
cd "$(dirname "$0")/.."
swift build --product tarsier >&2
bin="$(swift build --show-bin-path)/tarsier"
fixtures="$PWD/Tests/Fixtures/parity"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
nomodel=(--model /nonexistent/tarsier-model)
screen() { printf 'oracle %s\n' "$3" > s.txt
  "$bin" screen "$1" --as oracle --script s.txt --oracle-labels "$fixtures/$2.labels.csv" "${nomodel[@]}" >/dev/null; }
fresh() { rm -f "$1"*; "$bin" init "$1" --topic "$fixtures/$2.topic.json" >/dev/null
  "$bin" import "$1" "$fixtures/$2.csv" --quiet >/dev/null; }
embed() { "$bin" embed "$1" --from-cache "$fixtures/$2.f32" >/dev/null; }
score() {  # review set label
  "$bin" list "$1" --json > list.json; "$bin" export "$1" --what decisions --format jsonl > log.jsonl
  python3 - "$fixtures/$2.labels.csv" "$2.sim" "$3" <<'PY'
import csv, json, math, sys
rows = list(csv.DictReader(open(sys.argv[1])))
key = "pmid" if "pmid" in rows[0] else "record_id"
labels = {r[key]: r["label_included"] == "1" for r in rows}
ident = {str(r["id"]): r.get("pmid") or r.get("sourceID") for r in json.load(open("list.json"))}
order = [ident[json.loads(l)["record_id"]] for l in open("log.jsonl") if json.loads(l)["kind"] == "decide"]
sim = [l.strip() for l in open(sys.argv[2]) if l.strip()]
N, R = len(labels), sum(labels.values())
def wss(o):
    found = 0
    for i, p in enumerate(o):
        found += labels[p]
        if found >= math.ceil(0.95 * R): return (N - i - 1) / N - 0.05
diff = next((i + 1 for i, (a, b) in enumerate(zip(order, sim)) if a != b), None)
print(f"| {sys.argv[3]} | {len(order)} | {wss(order):.3f} | {wss(order) - wss(sim):+.3f} | {diff or 'none'} |")
PY
}
for set in clef17-CD010632 nagtegaal-2019; do
  "$bin" simulate "$fixtures/$set.csv" --labels "$fixtures/$set.labels.csv" --topic "$fixtures/$set.topic.json" \
    --seed 1 --order-out "$set.sim" --embeddings-cache "$fixtures/$set.f32" "${nomodel[@]}" >/dev/null
  echo; echo "$set"; echo
  echo "| run | decisions | WSS@95 | against simulate | first different pick |"; echo "|---|---|---|---|---|"
  fresh one.tarsier $set; embed one.tarsier $set; screen one.tarsier $set 300; score one.tarsier $set "one sitting"
  fresh re.tarsier $set; embed re.tarsier $set; for _ in 1 2 3 4 5 6 7 8 9; do screen re.tarsier $set 37; done
  score re.tarsier $set "reopened every 37 decisions"
  for late in 10 30 60 100; do
    fresh late.tarsier $set; screen late.tarsier $set $late; embed late.tarsier $set
    screen late.tarsier $set $((300 - late)); score late.tarsier $set "embeddings stored after $late decisions"
  done
done

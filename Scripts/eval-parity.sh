#!/usr/bin/env bash
# The live screen against `simulate` on the sample review (Documentation/Evaluation.md): an oracle
# assessor (`screen --script` with `oracle N`) screens the CD008691 export through the real binary
# (1) in one sitting, (2) quitting and reopening every 37 decisions, (3) reopening after every
# decision for the first 150, (4) with the embeddings arriving only after 30 and after 100
# decisions; it prints WSS@95, includes in the first 150 and where the order first differs from
# `simulate` on the same export, labels, topic and seed. Needs the BERT model
# (Scripts/fetch-model.sh); takes a few minutes. Usage: Scripts/eval-parity.sh [DECISIONS=300]
set -euo pipefail
cd "$(dirname "$0")/.."
n="${1:-300}"
swift build --product tarsier >&2
bin="$(swift build --show-bin-path)/tarsier"
sample="$PWD/sample-reviews/kidney-transplant-cardiac-testing"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cd "$work"
"$bin" simulate "$sample/pubmed-search.nbib" --labels "$sample/labels.csv" --topic "$sample/topic.json" --seed 1 \
  --order-out sim.txt --embeddings-cache cache.f32 >/dev/null
fresh() {  # a new review of the sample with every embedding stored (copied from the first)
  if [ ! -f base.tarsier ]; then
    "$bin" init base.tarsier --topic "$sample/topic.json" >/dev/null
    "$bin" import base.tarsier "$sample/pubmed-search.nbib" --quiet >/dev/null
    [ "${2:-}" = "no-embed" ] || "$bin" embed base.tarsier >/dev/null
  fi
  cp base.tarsier "$1"
}
screen() { printf 'oracle %s\n' "$2" > s.txt; "$bin" screen "$1" --as oracle --script s.txt --oracle-labels "$sample/labels.csv" ${3:-} >/dev/null; }
order() { "$bin" list "$1" --json > list.json; "$bin" export "$1" --what decisions --format jsonl > log.jsonl
  python3 - "$1" <<'PY'
import json, sys
pmid = {str(r["id"]): r.get("pmid") for r in json.load(open("list.json"))}
order = [pmid[json.loads(l)["record_id"]] for l in open("log.jsonl") if json.loads(l)["kind"] == "decide"]
open(sys.argv[1] + ".order", "w").write("\n".join(order) + "\n")
PY
}
fresh one.tarsier; screen one.tarsier "$n"; order one.tarsier
fresh restarted.tarsier; for _ in $(seq $(( (n + 36) / 37 ))); do screen restarted.tarsier 37; done; order restarted.tarsier
fresh reopened.tarsier; for _ in $(seq 150); do screen reopened.tarsier 1; done; order reopened.tarsier
for late in 30 100; do
  "$bin" init late$late.tarsier --topic "$sample/topic.json" >/dev/null
  "$bin" import late$late.tarsier "$sample/pubmed-search.nbib" --quiet >/dev/null
  screen late$late.tarsier "$late" --no-embed
  "$bin" embed late$late.tarsier >/dev/null
  screen late$late.tarsier $(( n - late )); order late$late.tarsier
done
python3 - "$sample/labels.csv" <<'PY'
import csv, math, sys
labels = {r["pmid"]: r["label_included"] == "1" for r in csv.DictReader(open(sys.argv[1]))}
N, R = len(labels), sum(labels.values())
sim = [l.strip() for l in open("sim.txt") if l.strip()]
def wss(order):
    found = 0
    for i, p in enumerate(order):
        found += labels.get(p, False)
        if found >= math.ceil(0.95 * R): return (N - i - 1) / N - 0.05
print("| run | decisions | WSS@95 | includes in first 150 | same picks as simulate | first difference |")
print("|---|---|---|---|---|---|")
print(f"| simulate | {N} | {wss(sim):.3f} | {sum(labels[p] for p in sim[:150])} | | |")
for name, title in [("one", "one sitting"), ("restarted", "quit and reopened every 37 decisions"),
                    ("reopened", "reopened after every decision"), ("late30", "embeddings arrive after 30 decisions"),
                    ("late100", "embeddings arrive after 100 decisions")]:
    order = [l.strip() for l in open(name + ".tarsier.order") if l.strip()]
    first = next((i for i, (a, b) in enumerate(zip(order, sim)) if a != b), None)
    w = wss(order)
    print(f"| {title} | {len(order)} | {'%.3f' % w if w is not None else 'n/a'} | {sum(labels[p] for p in order[:150])} | "
          f"{sum(a == b for a, b in zip(order, sim))} | {'none' if first is None else first + 1} |")
PY

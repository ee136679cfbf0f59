#!/usr/bin/env python3
"""Compares rankers run by `Scripts/eval.sh all` (one folder per ranker under OUT) beside ASReview
(asreview-dev.md) and the feasibility probe (feasibility-dev.md): per-dataset mean WSS@95 under
(a) priors seeds 1-3, no topic, and (b) topic only on the clef17-* sets; means, recall@10%,
last-relevant rank, and the hybrid's per-dataset wins/losses against every other column.
Usage: eval-compare.py OUT ASREVIEW_MD FEASIBILITY_MD RANKER...
"""
import glob, json, os, re, sys

out, peer_md, probe_md, rankers = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
peer, probe = {}, {}
for line in open(peer_md):
    m = re.match(r"\| (\S+) \| (\d+) \| (\d+) \| ([\d. /]+) \| ([\d.]+) \| ([\d.]+) \| (\d+) \|", line)
    if m:
        peer[m.group(1)] = float(m.group(5))
for line in open(probe_md):
    cells = [c.strip() for c in line.strip().strip("|").split("|")]
    if len(cells) == 6 and re.match(r"^[\d.]+$", cells[1]) and not cells[0].startswith("*"):
        probe[cells[0]] = {"tfidf": float(cells[2]), "dense": float(cells[3]), "concat": float(cells[4]), "best": float(cells[5])}

def load(ranker):
    runs = {}
    for path in glob.glob(os.path.join(out, ranker, "*.metrics.json")):
        name, protocol = os.path.basename(path)[: -len(".metrics.json")].rsplit(".", 1)
        runs.setdefault(name, {})[protocol] = json.loads(open(path).readline())
    return runs

data = {r: load(r) for r in rankers}
names = sorted({n for r in rankers for n in data[r]})

def priors_mean(r, name, key):
    seeds = [data[r].get(name, {}).get(f"priors-s{s}") for s in (1, 2, 3)]
    seeds = [s for s in seeds if s]
    return sum(s[key] for s in seeds) / len(seeds) if len(seeds) == 3 else None

def table(title, value, cols, extra, lower_is_better=False, digits=3):
    print(f"\n### {title}\n")
    head = ["dataset"] + cols + [e[0] for e in extra]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    sums = {c: [] for c in cols + [e[0] for e in extra]}
    for name in names:
        row = [value(c, name) for c in cols] + [e[1](name) for e in extra]
        if all(v is None for v in row[: len(cols)]):
            continue
        for c, v in zip(cols + [e[0] for e in extra], row):
            if v is not None:
                sums[c].append(v)
        present = [v for v in row[: len(cols)] if v is not None]
        best = (min if lower_is_better else max)(present) if present else None
        print("| " + name + " | " + " | ".join(
            "" if v is None else (f"**{v:.{digits}f}**" if i < len(cols) and v == best else f"{v:.{digits}f}")
            for i, v in enumerate(row)) + " |")
    print("| **mean** | " + " | ".join(f"**{sum(v)/len(v):.{digits}f}** ({len(v)})" if v else "" for v in sums.values()) + " |")

def wins(value, cols, extra, protocol):
    if "hybrid" not in cols:
        return
    print(f"\nHybrid wins / losses / ties per dataset ({protocol}):")
    for other in [c for c in cols if c != "hybrid"] + [e[0] for e in extra]:
        get = (lambda n: value(other, n)) if other in cols else dict(extra)[other]
        w = l = t = 0
        for name in names:
            a, b = value("hybrid", name), get(name)
            if a is None or b is None:
                continue
            w += a > b + 1e-9; l += a < b - 1e-9; t += abs(a - b) <= 1e-9
        print(f"- vs {other}: {w} / {l} / {t}")

learners = [r for r in rankers if r not in ("bm25", "dense-topic")]
extra_a = [("ASReview", lambda n: peer.get(n)), ("probe best-of", lambda n: probe.get(n, {}).get("best")),
           ("probe concat", lambda n: probe.get(n, {}).get("concat"))]
print("## (a) Priors (1 include + 1 exclude, seeds 1-3), no topic: mean WSS@95")
table("WSS@95", lambda r, n: priors_mean(r, n, "wss95"), learners, extra_a)
wins(lambda r, n: priors_mean(r, n, "wss95"), learners, extra_a, "priors")
table("recall after 10% screened (RRF@10)", lambda r, n: priors_mean(r, n, "rrf10"), learners, [])
table("rank of the last include", lambda r, n: priors_mean(r, n, "last"), learners, [], True, 0)

topic = lambda r, n: data[r].get(n, {}).get("topic", {}).get("wss95")
print("\n## (b) Topic only (title + Boolean query), no priors: WSS@95")
table("WSS@95", topic, rankers, [])
wins(topic, rankers, [], "topic only")
table("recall after 10% screened (RRF@10)", lambda r, n: data[r].get(n, {}).get("topic", {}).get("rrf10"), rankers, [])
table("rank of the last include", lambda r, n: data[r].get(n, {}).get("topic", {}).get("last"), rankers, [], True, 0)

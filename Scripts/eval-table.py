#!/usr/bin/env python3
"""Summarises a Scripts/eval.sh output directory as Markdown tables beside ASReview's numbers.

Checks that tarsier's own metrics (simulate --json) agree with ../shared/tools/metrics.py on the
order file to 4 decimals, and reports per-dataset wins/losses against ASReview (elas_u4).
Usage: eval-table.py OUT_DIR ASREVIEW_MD
"""
import glob, json, os, re, sys

out, peer_md = sys.argv[1], sys.argv[2]
peer = {}
for line in open(peer_md):
    m = re.match(r"\| (\S+) \| (\d+) \| (\d+) \| ([\d. /]+) \| ([\d.]+) \| ([\d.]+) \| (\d+) \|", line)
    if m:
        peer[m.group(1)] = {"seeds": [float(x) for x in m.group(4).split("/")], "wss95": float(m.group(5)),
                            "rrf10": float(m.group(6)), "last": int(m.group(7))}

runs, mismatches = {}, []
for path in sorted(glob.glob(os.path.join(out, "*.json"))):
    if path.endswith(".metrics.json"):
        continue
    name, protocol = os.path.basename(path)[:-5].rsplit(".", 1)
    ours = json.load(open(path))
    ref = json.loads(open(path[:-5] + ".metrics.json").readline())
    for a, b in [("wss95", "wss95"), ("wss100", "wss100"), ("rrf10", "rrf10"), ("atd", "atd"), ("ap", "ap")]:
        if abs(round(ours[a], 4) - ref[b]) > 1e-9:
            mismatches.append(f"{name} {protocol} {a}: tarsier {ours[a]:.4f} vs metrics.py {ref[b]}")
    if ours["lastIncludeRank"] != ref["last"] or ref["coverage"] != 1.0:
        mismatches.append(f"{name} {protocol} last/coverage")
    runs.setdefault(name, {})[protocol] = ref | {"wall": ours["wallSeconds"], "p95ms": ours["retrainP95Milliseconds"]}

print("| dataset | N | R | WSS@95 s1/s2/s3 | mean WSS@95 | ASReview | Δ | RRF@10 | last | ATD | AP | wall s |")
print("|---|---|---|---|---|---|---|---|---|---|---|---|")
all95, peer95, wins, losses = [], [], 0, 0
for name in sorted(runs):
    seeds = [runs[name].get(f"priors-s{s}") for s in (1, 2, 3)]
    seeds = [s for s in seeds if s]
    if not seeds:
        continue
    mean = lambda k: sum(s[k] for s in seeds) / len(seeds)
    w = mean("wss95")
    all95 += [s["wss95"] for s in seeds]
    p = peer.get(name, {}).get("wss95")
    if p is not None:
        peer95 += peer[name]["seeds"]
        wins += w > p; losses += w < p
    delta = f"{w - p:+.3f}" if p is not None else ""
    print(f"| {name} | {seeds[0]['N']} | {seeds[0]['R']} | {' / '.join(format(s['wss95'], '.3f') for s in seeds)} | "
          f"{w:.3f} | {p if p is not None else ''} | {delta} | {mean('rrf10'):.3f} | {mean('last'):.0f} | "
          f"{mean('atd'):.3f} | {mean('ap'):.3f} | {mean('wall'):.1f} |")
if all95:
    print(f"| **mean over {len(all95)} runs** | | | | **{sum(all95)/len(all95):.3f}** | "
          f"**{sum(peer95)/len(peer95) if peer95 else float('nan'):.3f}** | | | | | | |")
print(f"\nWins/losses against ASReview (mean WSS@95 per dataset): {wins} / {losses}")

topic = {n: r["topic"] for n, r in runs.items() if "topic" in r}
if topic:
    print("\nTopic only (no priors; BM25 on the topic, then learning):\n")
    print("| dataset | N | R | WSS@95 | WSS@100 | RRF@10 | last | AP |")
    print("|---|---|---|---|---|---|---|---|")
    for name, r in sorted(topic.items()):
        print(f"| {name} | {r['N']} | {r['R']} | {r['wss95']:.3f} | {r['wss100']:.3f} | {r['rrf10']:.3f} | {r['last']} | {r['ap']:.3f} |")
    print(f"| **mean** | | | **{sum(r['wss95'] for r in topic.values())/len(topic):.3f}** | | "
          f"**{sum(r['rrf10'] for r in topic.values())/len(topic):.3f}** | | |")
print("\nmetrics.py agreement: " + ("all runs agree to 4 decimals" if not mismatches else "; ".join(mismatches)))

#!/usr/bin/env python3
"""Tables for Scripts/eval-cv.sh: every hybrid setting's mean, the in-sample choice and the
leave-one-family-out choice per dataset, with the spread across seeds and the regret against the
better single learner (tfidf-lr, dense-lr) on each set. Metrics are those of
../shared/tools/metrics.py on each run's order file (RUN.metrics.json).
It ends with what these sets can tell apart: each setting's paired difference from the reference
setting (REFERENCE, default pe100, the shipped default) over the sets, its spread across sets and
across seeds, and the smallest difference a paired test over this many sets detects (two-sided 5 %,
power 80 %, normal approximation).
Usage: eval-cv.py OUT_DIR ASREVIEW_MD SETTING [SETTING...]
"""
import glob, json, os, re, statistics, sys
from statistics import NormalDist

out, peer_md, settings = sys.argv[1], sys.argv[2], sys.argv[3:]
FAMILIES = {"cohen": lambda n: n.startswith("cohen-"), "clef17": lambda n: n.startswith("clef17-"),
            "others": lambda n: not n.startswith(("cohen-", "clef17-"))}
def family(name): return next(f for f, test in FAMILIES.items() if test(name))

def load(folder):
    """{dataset: {"priors": [metrics per seed], "topic": metrics or None}}"""
    runs = {}
    for path in sorted(glob.glob(os.path.join(out, folder, "*.metrics.json"))):
        name, protocol = os.path.basename(path)[: -len(".metrics.json")].rsplit(".", 1)
        metrics = json.loads(open(path).readline())
        entry = runs.setdefault(name, {"priors": {}, "topic": None})
        if protocol == "topic": entry["topic"] = metrics
        else: entry["priors"][int(protocol.split("-s")[1])] = metrics
    return runs

peer = {}
for line in open(peer_md):
    m = re.match(r"\| (\S+) \| (\d+) \| (\d+) \| ([\d. /]+) \| ([\d.]+) \| ([\d.]+) \| (\d+) \|", line)
    if m: peer[m.group(1)] = float(m.group(5))

learners = {r: load(r) for r in ("tfidf-lr", "dense-lr")}
hybrids = {s: load(s) for s in settings}
datasets = sorted(learners["tfidf-lr"])
seeds = sorted(next(iter(learners["tfidf-lr"].values()))["priors"])
mean = statistics.mean
def wss(runs, name, key="wss95"): return mean(m[key] for m in runs[name]["priors"].values())
def spread(runs, name): return statistics.pstdev([m["wss95"] for m in runs[name]["priors"].values()])
def score(setting, names): return mean(wss(hybrids[setting], n) for n in names)
best_single = {n: max(wss(learners["tfidf-lr"], n), wss(learners["dense-lr"], n)) for n in datasets}

print(f"Seeds {', '.join(map(str, seeds))}; priors protocol (1 include + 1 exclude); mean WSS@95 over the 14 sets.\n")
print("| setting | mean WSS@95 | mean recall@10% | worst regret vs better learner | sets more than 0.03 behind |")
print("|---|---|---|---|---|")
for s in settings:
    regrets = [wss(hybrids[s], n) - best_single[n] for n in datasets]
    print(f"| {s} | {score(s, datasets):.3f} | {mean(wss(hybrids[s], n, 'rrf10') for n in datasets):.3f} "
          f"| {min(regrets):+.3f} | {sum(r < -0.03 for r in regrets)} |")
for r in learners:
    print(f"| ({r} alone) | {mean(wss(learners[r], n) for n in datasets):.3f} | "
          f"{mean(wss(learners[r], n, 'rrf10') for n in datasets):.3f} | | |")

in_sample = max(settings, key=lambda s: score(s, datasets))
chosen = {}
for f in FAMILIES:
    train = [n for n in datasets if family(n) != f]
    chosen[f] = max(settings, key=lambda s: score(s, train))
print(f"\nIn-sample choice: **{in_sample}**. Leave-one-family-out choices: "
      + ", ".join(f"{f} held out → {chosen[f]}" for f in FAMILIES) + ".\n")
print("| dataset | tfidf-lr | dense-lr | hybrid in-sample | hybrid cross-validated (setting) | seed s.d. | regret (CV − better learner) | ASReview 3.0.8 |")
print("|---|---|---|---|---|---|---|---|")
cv_scores, cv_rrf, regrets = [], [], []
for n in datasets:
    s = chosen[family(n)]
    cv = wss(hybrids[s], n); cv_scores.append(cv); cv_rrf.append(wss(hybrids[s], n, "rrf10"))
    regrets.append(cv - best_single[n])
    print(f"| {n} | {wss(learners['tfidf-lr'], n):.3f} | {wss(learners['dense-lr'], n):.3f} | "
          f"{wss(hybrids[in_sample], n):.3f} | {cv:.3f} ({s}) | {spread(hybrids[s], n):.3f} | {regrets[-1]:+.3f} | "
          f"{peer.get(n, float('nan')):.3f} |")
print(f"| **mean** | {mean(wss(learners['tfidf-lr'], n) for n in datasets):.3f} | "
      f"{mean(wss(learners['dense-lr'], n) for n in datasets):.3f} | {score(in_sample, datasets):.3f} | "
      f"**{mean(cv_scores):.3f}** | | worst {min(regrets):+.3f}; {sum(r < -0.03 for r in regrets)} sets below −0.03 | "
      f"{mean(peer[n] for n in datasets if n in peer):.3f} |")
print(f"\nCross-validated mean recall@10%: {mean(cv_rrf):.3f} "
      f"(tfidf-lr {mean(wss(learners['tfidf-lr'], n, 'rrf10') for n in datasets):.3f}).")
topics = [n for n in datasets if hybrids[chosen["clef17"]][n]["topic"]]
if topics:
    print("\nTopic only (no priors), the clef17 sets with the setting chosen without them: "
          + ", ".join(f"{n} {hybrids[chosen['clef17']][n]['topic']['wss95']:.3f}" for n in topics)
          + f"; mean {mean(hybrids[chosen['clef17']][n]['topic']['wss95'] for n in topics):.3f}.")

reference = os.environ.get("REFERENCE", "pe100")
if reference in hybrids and len(settings) > 1:
    z = NormalDist().inv_cdf(0.975) + NormalDist().inv_cdf(0.8)
    gap = 0.483 - score(reference, datasets)
    print(f"\nWhat {len(datasets)} sets can tell apart: each setting minus {reference} (mean WSS@95 "
          f"{score(reference, datasets):.3f}), paired by set. s.d. across sets is of the per-set difference "
          f"(seed-averaged); s.e. from seeds is what re-running the seeds would move the mean difference by; "
          f"smallest detectable is {z:.2f} × s.d. / √{len(datasets)}; sets needed is for a difference of "
          f"{gap:.3f} (the distance from {reference} to the issue's bar 0.483).\n")
    print("| setting | mean difference | s.d. across sets | s.e. from seeds | smallest detectable | sets needed |")
    print("|---|---|---|---|---|---|")
    for s in settings:
        if s == reference: continue
        diffs = [wss(hybrids[s], n) - wss(hybrids[reference], n) for n in datasets]
        sd = statistics.stdev(diffs)
        seed_var = sum(statistics.variance([hybrids[s][n]["priors"][k]["wss95"] - hybrids[reference][n]["priors"][k]["wss95"]
                                            for k in seeds]) / len(seeds) for n in datasets) / len(datasets) ** 2
        needed = f"{(z * sd / gap) ** 2:.0f}" if gap > 0 else "-"
        print(f"| {s} | {mean(diffs):+.4f} | {sd:.3f} | {seed_var ** 0.5:.4f} | {z * sd / len(datasets) ** 0.5:.3f} "
              f"| {needed} |")

#!/usr/bin/env python3
"""Tabulates `tarsier simulate --stop-rule all --json` reports (one file per dataset and seed)."""
import json, pathlib, sys, collections
from math import comb

runs = [json.loads(p.read_text()) for p in sorted(pathlib.Path(sys.argv[1]).glob("*.json"))]
rules = [o["ruleID"] for o in runs[0]["stopping"]]
print(f"ranker {runs[0]['ranker']}, {len(runs)} runs (datasets x seeds 1-3)\n")
print("| dataset | seed | N | R | " + " | ".join(f"{r}: stop at / recall / work saved" for r in rules) + " |")
print("|---|---|---|---|" + "---|" * len(rules))
for run in runs:
    cells = []
    for o in run["stopping"]:
        if o.get("stoppedAt") is None:
            cells.append("never")
        else:
            recall = o["relevantFound"] / o["totalRelevant"]
            saved = 1 - o["stoppedAt"] / o["poolSize"]
            cells.append(f"{o['stoppedAt']} / {recall:.3f}{' ⚠' if recall < 0.95 else ''} / {saved:.3f}")
    print(f"| {run['dataset'].removesuffix('.csv')} | {run['seed']} | {run['records']} | {run['includes']} | " + " | ".join(cells) + " |")
print("\n| rule | stopped | below 95% recall | share below | mean recall at stop | mean work saved | binomial p (shortfall rate > 5%) |")
print("|---|---|---|---|---|---|---|")
for i, rule in enumerate(rules):
    outcomes = [run["stopping"][i] for run in runs]
    stopped = [o for o in outcomes if o.get("stoppedAt") is not None]
    recalls = [o["relevantFound"] / o["totalRelevant"] for o in stopped]
    short = sum(r < 0.95 for r in recalls)
    saved = [1 - o["stoppedAt"] / o["poolSize"] for o in stopped]
    n = len(stopped)
    # P(X >= short) for X ~ Binomial(n, 0.05): small values mean the rule falls short too often.
    p = sum(comb(n, k) * 0.05**k * 0.95**(n - k) for k in range(short, n + 1)) if n else 1.0
    mean = lambda xs: sum(xs) / len(xs) if xs else float("nan")
    print(f"| {rule} | {n}/{len(outcomes)} | {short} | {short / n if n else 0:.3f} | {mean(recalls):.3f} | {mean(saved):.3f} | {p:.3g} |")

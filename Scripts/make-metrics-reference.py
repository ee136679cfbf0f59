#!/usr/bin/env python3
"""Writes Tests/Fixtures/metrics/reference.json: seeded label sets and screening orders with the
metrics that the project's independent reference script (shared/tools/metrics.py, beside the
datasets folder) computes for them. ScreeningMetricsTests compares tarsier's metrics to these."""
import json, os, random, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
datasets = os.environ.get("TARSIER_DATASETS") or os.path.join(os.path.dirname(root), "shared", "datasets")
script = os.path.join(os.path.dirname(datasets), "tools", "metrics.py")
if not os.path.exists(script):
    sys.exit(f"error: {script} not found: set TARSIER_DATASETS to the datasets folder beside tools/")
cases = []
for seed, (n, rate) in enumerate([(300, 9), (300, 9), (1000, 30), (50, 5), (2000, 40), (120, 3)]):
    rng = random.Random(seed)
    labels = [1 if rng.randrange(rate) == 0 else 0 for _ in range(n)]
    labels[rng.randrange(n)] = 1
    order = list(range(n))[::-1] if seed == 0 else rng.sample(range(n), n)
    with tempfile.TemporaryDirectory() as d:
        with open(os.path.join(d, "d.csv"), "w") as f:
            f.write("record_id,title,abstract,label_included\n")
            f.writelines(f"{i},t,a,{l}\n" for i, l in enumerate(labels))
        with open(os.path.join(d, "o.txt"), "w") as f:
            f.write("\n".join(map(str, order)) + "\n")
        out = subprocess.run([sys.executable, script, os.path.join(d, "d.csv"), os.path.join(d, "o.txt")],
                             check=True, capture_output=True, text=True).stdout
    reference = json.loads(out.strip().splitlines()[0])
    cases.append({"labels": labels, "order": order,
                  "metrics": {k: reference[k] for k in ["wss95", "wss100", "rrf10", "atd", "ap", "last"]}})
path = os.path.join(root, "Tests", "Fixtures", "metrics", "reference.json")
with open(path, "w") as f:
    json.dump({"source": "shared/tools/metrics.py", "cases": cases}, f, separators=(",", ":"))
    f.write("\n")
print(f"{len(cases)} cases -> {path}")

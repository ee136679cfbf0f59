#!/usr/bin/env python3
"""Reference values for Tests/StoppingTests (HypergeometricTests, HypergeometricStoppingRuleTests).

Run:  python3 -m venv /tmp/buscar-venv && /tmp/buscar-venv/bin/pip install buscarpy==0.0.2 scipy
      /tmp/buscar-venv/bin/python Scripts/make-stopping-reference.py
Prints Swift literals; the tests hold a copy of them.
"""
import numpy as np
from scipy.stats import hypergeom
import buscarpy

print("// hypergeom.cdf(k, M, n, N): (k, population M, successes n, draws N, cdf)")
for k, M, n, N in [(0, 20, 5, 4), (2, 50, 10, 12), (5, 1000, 60, 100), (0, 2000, 3, 500),
                   (3, 20000, 40, 3000), (40, 20000, 400, 3000), (150, 5000, 300, 2000)]:
    print(f"({k}, {M}, {n}, {N}, {float(hypergeom.cdf(k, M, n, N))!r}),")

print("// calculate_h0 on hand-made sequences: (ones, zeros, N, target, p)")
for ones, zeros, N, t in [(10, 90, 200, 0.95), (10, 90, 200, 0.8), (20, 300, 1000, 0.95),
                          (20, 600, 1000, 0.95), (5, 40, 60, 0.9)]:
    labels = [1] * ones + [0] * zeros
    print(f"({ones}, {zeros}, {N}, {t}, {float(buscarpy.calculate_h0(labels, N, t))!r}),")

print("// calculate_h0 on generate_dataset(N=2000, prevalence=0.02, bias=10, random_seed=s)[:n]:")
print("// (seed, n, relevant positions in the first n, target, p)")
for seed, n in [(1, 600), (2, 900), (3, 1200), (4, 1500), (5, 1800)]:
    df = buscarpy.generate_dataset(N=2000, prevalence=0.02, bias=10, random_seed=seed)
    labels = df["relevant"].to_numpy()[:n]
    positions = [int(i) for i in np.flatnonzero(labels)]
    for t in (0.95, 0.9):
        print(f"({seed}, {n}, {positions}, {t}, {float(buscarpy.calculate_h0(labels, 2000, t))!r}),")

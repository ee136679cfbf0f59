#!/usr/bin/env python3
"""Cuts the two labelled sets the screen/simulate parity tests use (Tests/Fixtures/parity/) from
the shared benchmark CSVs: every include of CLEF TAR 2017 CD010632 and 30 of Nagtegaal 2019, with
excludes drawn (seed 12) to 300 records each, in their original order. Writes for each set
`NAME.csv` (record_id,title,abstract,pmid: what `tarsier import` reads), `NAME.labels.csv`
(pmid or record_id, label_included: what the oracle and `simulate --labels` read) and
`NAME.topic.json`. The embeddings (`NAME.f32`) are then made with the project's own encoder:
  tarsier simulate NAME.csv --labels NAME.labels.csv --topic NAME.topic.json --embeddings-cache NAME.f32
(see Tests/Fixtures/README.md).

Usage: Scripts/make-parity-fixtures.py [DATASETS] [OUT]
"""
import csv, json, os, random, shutil, sys

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
datasets = sys.argv[1] if len(sys.argv) > 1 else os.environ.get(
    "TARSIER_DATASETS", os.path.join(os.path.dirname(root), "shared", "datasets"))
out = sys.argv[2] if len(sys.argv) > 2 else os.path.join(root, "Tests", "Fixtures", "parity")
if not os.path.isdir(datasets):
    sys.exit(f"error: the datasets folder {datasets} does not exist")
os.makedirs(out, exist_ok=True)

SETS = [
    # name, benchmark file, includes kept (None: all), topic
    ("clef17-CD010632", "clef17-CD010632.csv", None, None),
    ("nagtegaal-2019", "nagtegaal-2019.csv", 30,
     {"title": "Nudging healthcare professionals towards evidence-based medicine"}),
]
SIZE = 300

for name, source, keep, topic in SETS:
    with open(os.path.join(datasets, "benchmark", source), newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    rng = random.Random(12)
    includes = [i for i, r in enumerate(rows) if r["label_included"] == "1"]
    excludes = [i for i, r in enumerate(rows) if r["label_included"] != "1"]
    if keep is not None:
        includes = sorted(rng.sample(includes, keep))
    chosen = sorted(includes + rng.sample(excludes, SIZE - len(includes)))
    with open(os.path.join(out, name + ".csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["record_id", "title", "abstract", "pmid"])
        for i in chosen:
            r = rows[i]
            w.writerow([r["record_id"], r["title"], r["abstract"], r["pmid"]])
    with open(os.path.join(out, name + ".labels.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        # Joined by PMID where every record has one, else by the CSV's record_id.
        key = "pmid" if all(rows[i]["pmid"] for i in chosen) else "record_id"
        w.writerow([key, "label_included"])
        for i in chosen:
            w.writerow([rows[i][key], rows[i]["label_included"]])
    if topic is None:
        shutil.copyfile(os.path.join(datasets, "benchmark", name + ".topic.json"),
                        os.path.join(out, name + ".topic.json"))
    else:
        with open(os.path.join(out, name + ".topic.json"), "w", encoding="utf-8") as f:
            json.dump(topic, f, ensure_ascii=False)
            f.write("\n")
    print(f"{name}: {len(chosen)} records, {len(includes)} includes")

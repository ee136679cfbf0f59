#!/usr/bin/env python3
"""Rebuilds sample-reviews/kidney-transplant-cardiac-testing/ from the CLEF TAR 2017 dev topic
CD008691 in the datasets folder ($TARSIER_DATASETS, default ../shared/datasets): the Boolean
search's PubMed records as a MEDLINE (.nbib) file, the published includes as labels.csv, and the
topic with its query. Deterministic: running it again gives the same bytes."""
import csv, json, os, sys, textwrap

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
datasets = os.environ.get("TARSIER_DATASETS") or os.path.join(os.path.dirname(root), "shared", "datasets")
source = os.path.join(datasets, "benchmark", "clef17-CD008691.csv")
topic_source = os.path.join(datasets, "benchmark", "clef17-CD008691.topic.json")
if not os.path.exists(source):
    sys.exit(f"error: {source} not found: set TARSIER_DATASETS to the datasets folder")
out = os.path.join(root, "sample-reviews", "kidney-transplant-cardiac-testing")
os.makedirs(out, exist_ok=True)


def field(tag, value):
    """One MEDLINE field: 4-character tag, '- ', lines wrapped at 80 with 6-space indents."""
    lines = textwrap.wrap(" ".join(value.split()), width=74, break_long_words=True, break_on_hyphens=False)
    return "".join(f"{tag:<4}- {line}\n" if i == 0 else f"      {line}\n" for i, line in enumerate(lines))


with open(source, newline="", encoding="utf-8") as f:
    rows = list(csv.DictReader(f))
with open(os.path.join(out, "pubmed-search.nbib"), "w", encoding="utf-8", newline="\n") as nbib:
    for row in rows:
        nbib.write("\n" + field("PMID", row["pmid"]) + "OWN - NLM\n")
        nbib.write(field("TI", row["title"]))
        if row["abstract"].strip():
            nbib.write(field("AB", row["abstract"]))
with open(os.path.join(out, "labels.csv"), "w", encoding="utf-8", newline="\n") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(["pmid", "label_included"])
    for row in rows:
        writer.writerow([row["pmid"], row["label_included"]])
with open(topic_source, encoding="utf-8") as f:
    topic = json.load(f)
topic = {
    "title": topic["title"],
    "objective": "Diagnostic accuracy of cardiac tests for coronary artery disease in people being assessed "
    "for kidney transplantation (Cochrane Diagnostic Test Accuracy review CD008691).",
    "query": topic["query"],
}
with open(os.path.join(out, "topic.json"), "w", encoding="utf-8") as f:
    json.dump(topic, f, indent=2, ensure_ascii=False)
    f.write("\n")
print(f"{len(rows)} records, {sum(r['label_included'] == '1' for r in rows)} includes -> {out}")

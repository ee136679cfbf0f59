#!/usr/bin/env python3
"""Makes the variation half of the 100,000-record scale review (Scripts/bench-scale.sh).

Input: a RIS export of the 50,788 real MEDLINE records in
shared/datasets/import-samples/pubmed-xml-large/ (tarsier's own RIS export of that import).
Output: RIS with COUNT records derived from them, seeded and reproducible:
- DUP_FRACTION of them are the same study exported again by another database (same PMID/DOI,
  title re-cased, abstract unchanged): they must join duplicate groups;
- the rest are new records: the title's words and the abstract's sentences are shuffled, the
  identifiers (ID, AN, DO) dropped, so the text keeps MEDLINE's vocabulary and length
  distribution but the records are distinct (no duplicate key matches).

Usage: make-scale-review.py IN.ris OUT.ris [COUNT] [SEED] [DUP_FRACTION]
"""
import random
import re
import sys


def records(path):
    record = []
    with open(path, encoding="utf-8") as handle:
        for line in handle:
            line = line.rstrip("\n")
            if not line.strip():
                continue
            record.append(line)
            if line.startswith("ER  -"):
                yield record
                record = []


def field(line):
    return line[:2], line[6:] if len(line) > 6 else ""


def vary(record, rng, duplicate):
    out = []
    for line in record:
        tag, value = field(line)
        if duplicate:
            out.append(f"TI  - {value.upper()}" if tag == "TI" else line)
            continue
        if tag in ("ID", "AN", "DO", "UR", "N1"):
            continue
        if tag == "TI":
            words = value.split()
            rng.shuffle(words)
            out.append("TI  - " + " ".join(words))
        elif tag == "AB":
            sentences = re.split(r"(?<=[.!?])\s+", value)
            rng.shuffle(sentences)
            out.append("AB  - " + " ".join(sentences))
        else:
            out.append(line)
    return out


def main():
    source, target = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else 50_000
    rng = random.Random(int(sys.argv[4]) if len(sys.argv) > 4 else 1)
    dup_fraction = float(sys.argv[5]) if len(sys.argv) > 5 else 0.1
    pool = [r for r in records(source) if any(l.startswith("TI  - ") and len(l) > 30 for l in r)]
    written = 0
    with open(target, "w", encoding="utf-8") as out:
        while written < count:
            base = pool[rng.randrange(len(pool))]
            for line in vary(base, rng, rng.random() < dup_fraction):
                out.write(line + "\n")
            out.write("\n")
            written += 1
    print(f"{target}: {written} records from {len(pool)} originals", file=sys.stderr)


if __name__ == "__main__":
    main()

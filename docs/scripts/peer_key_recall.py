#!/usr/bin/env python3
"""Share of the corpus test split's key sentences (K: lines) that each peer's 3 highlights hold.

The peers are those of ../shared/peers/summarize.py, run on the same texts it reads (training-data/summaries.jsonl);
the key sentences come from training-data/sentences.csv (`classifier corpus export`). The peers split sentences their
own way, so a key sentence counts as found when a pick's words equal it or one contains the other (20 characters or
more). `classifier evaluate --models models --data training-data` reports the same share for the project (exact match).

    /usr/bin/python3 docs/scripts/peer_key_recall.py [--peers ../shared/peers] [--data training-data]
"""
import argparse
import csv
import json
import os
import re
import sys


def normalise(text):
    return re.sub(r"\W+", " ", text).strip().lower()


def found(key, picks):
    return any(p == key or (len(key) >= 20 and len(p) >= 20 and (key in p or p in key)) for p in picks)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--peers", default=os.path.join("..", "shared", "peers"))
    ap.add_argument("--data", default="training-data")
    ap.add_argument("--split", default="test")
    ap.add_argument("--k", type=int, default=3)
    args = ap.parse_args()
    sys.path.insert(0, args.peers)
    import summarize  # the peers' own module: the same systems and sentence splitter as their ROUGE run

    keys = {}
    with open(os.path.join(args.data, "sentences.csv"), encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            if row["split"] == args.split and row["key"] == "1":
                keys.setdefault(row["article_id"], []).append(normalise(row["text"]))
    with open(os.path.join(args.data, "summaries.jsonl"), encoding="utf-8") as f:
        articles = [a for a in map(json.loads, f) if a.get("split") == args.split and a["id"] in keys]

    total = sum(len(keys[a["id"]]) for a in articles)
    print(f"{len(articles)} articles, {total} key sentences, {args.k} highlights each\n")
    print("| system | key sentences in highlights |\n| --- | ---: |")
    for name in ("lead", "textrank", "centroid", "ots"):
        system = getattr(summarize, name)
        hits = 0
        for a in articles:
            picks = [normalise(s) for s in system(summarize.sentences(a["text"]), args.k, a["text"])]
            hits += sum(found(k, picks) for k in keys[a["id"]])
        print(f"| {name} | {100 * hits / total:.1f} % ({hits} of {total}) |")


if __name__ == "__main__":
    main()

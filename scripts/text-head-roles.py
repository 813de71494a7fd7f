#!/usr/bin/env python3
"""Scores every head of a model trained with --train text (docs/training.md) on windows of
its corpus, for docs/classroom.md: how much of each query's weight goes to the previous
character, to the first character of its own line, to punctuation, and to the same place
one line up (the column of the query in the line before). The weights are attnviz's own
(--dump-json of the session with the window as its tokens).

Usage: text-head-roles.py ATTNVIZ SESSION CORPUS [WINDOWS]
"""
import json
import os
import random
import subprocess
import sys
import tempfile

import numpy as np

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "reference"))

PUNCTUATION = set(",.;:!?\"'()-，。？！；：、“”《》")
NEWLINE, SPACE, UNKNOWN = "↵", "␣", "□"


def characters(text):
    """As engine/train/textcorpus.cpp reads a corpus."""
    import re
    text = re.sub(r"\x1b\[[0-?]*[ -/]*[@-~]", "", text)
    out = []
    for line in text.split("\n"):
        if line == "%":
            continue
        out.extend(SPACE if c == " " else c for c in line if c >= " " and c != "\x7f")
        out.append(NEWLINE)
    return out


def roles(tokens, weights):
    n = len(tokens)
    starts, start = [], 0
    for i, t in enumerate(tokens):
        starts.append(start)
        if t == NEWLINE:
            start = i + 1
    scores = {"previous": [], "line start": [], "punctuation": [], "one line up": []}
    punct = np.array([t in PUNCTUATION for t in tokens])
    for i in range(1, n):
        a = weights[i]
        scores["previous"].append(a[i - 1])
        scores["punctuation"].append(a[:i + 1][punct[:i + 1]].sum())
        if starts[i] < i:
            scores["line start"].append(a[starts[i]])
        s = starts[i]
        if s > 0:
            prev = starts[s - 1]
            column = i - s
            if prev + column < s - 1:  # the previous line is long enough
                scores["one line up"].append(a[prev + column])
    return {k: float(np.mean(v)) if v else 0.0 for k, v in scores.items()}


def main():
    attnviz, session_path, corpus_path = sys.argv[1:4]
    count = int(sys.argv[4]) if len(sys.argv) > 4 else 12
    session = json.load(open(session_path, encoding="utf-8"))
    vocab = set(session["vocabulary"])
    text = [c if c in vocab else UNKNOWN for c in characters(open(corpus_path, encoding="utf-8").read())]
    n = session["training"]["length"]
    rng = random.Random(5)
    totals = {}
    with tempfile.TemporaryDirectory() as d:
        for _ in range(count):
            start = rng.randrange(len(text) - n)
            tokens = text[start:start + n]
            path = os.path.join(d, "w.attn.json")
            json.dump(dict(session, tokens=tokens), open(path, "w", encoding="utf-8"))
            dump = json.loads(subprocess.run([attnviz, "--headless", path, "--dump-json", "-"],
                                             check=True, capture_output=True, text=True).stdout)
            uniform = np.tril(np.ones((n, n)))
            r = roles(tokens, uniform / uniform.sum(axis=1, keepdims=True))
            for k, v in r.items():  # what attention spread evenly would score
                totals.setdefault((0, 0), {}).setdefault(k, []).append(v)
            for l, layer in enumerate(dump["layers"]):
                for h, head in enumerate(layer["head_results"]):
                    r = roles(tokens, np.array(head["weights"]))
                    for k, v in r.items():
                        totals.setdefault((l + 1, h + 1), {}).setdefault(k, []).append(v)
    print("block.head  " + "  ".join(f"{k:>12}" for k in next(iter(totals.values()))))
 
    for (l, h), r in sorted(totals.items()):
        print((f"{l}.{h}       " if l else "uniform   ") + "  " + "  ".join(f"{np.mean(v):12.2f}" for v in r.values()))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Generate session v2 / dump v2 reference fixtures for the AttnViz transformer.

The expected dumps come from model_v2.py, an independent NumPy (float64)
implementation of transformer.md ("The computation", "Session v2", "Dump v2").

Usage: make_fixtures_v2.py OUTDIR [--count N]        (default N = 60)

For each case it writes OUTDIR/v2-caseNNN.session.json (a complete session v2:
every weight matrix written explicitly, because the engine derives missing
matrices with its own seeded RNG) and OUTDIR/v2-caseNNN.dump.json (the dump v2
the program must write). Biases, layer-norm gains/biases/eps and whole ln
objects are sometimes left out on purpose: the contract fixes those defaults
(bias 0, gain 1, eps 1e-5). Output is deterministic
(numpy.random.default_rng(20250602)): reruns give byte-identical files. A drawn
case that model_v2 rejects as ill-conditioned is drawn again; the coverage
table at the end fails the run if an option is met fewer than twice.
"""
import argparse
import json
import math
import os
import sys
from collections import Counter

import numpy as np

sys.dont_write_bytecode = True  # nothing written into the source tree
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from model_v2 import TOP_K, Reject, compute, to_json  # noqa: E402

SCORES = ["scaled_dot", "dot", "cosine", "additive"]
MASKS = ["none", "causal", "window", "causal_window", "custom"]
NORMS = ["pre", "post", "none"]
ACTS = [None, "gelu", "gelu_tanh", "relu"]  # None: the block has no FFN
BASES = [10000, 100, 7.5]
UNEMBEDDINGS = ["absent", "tied", "tied+b_U", "matrix", "matrix+b_U"]
WORDS = ["<s>", "I", "love", "NLP", "the", "cat", "sat", "on", "mat", "a", "dog",
         "runs", " fast", "我", "爱", "café", "naïve", "Ж", "λ", "😀", "x", ".", ","]


# ------------------------------------------------------------ case generation

def mat(rng, rows, cols, fan_in=None):
    s = rng.uniform(0.3, 2.0) / math.sqrt(fan_in or rows)
    return (rng.standard_normal((rows, cols)) * s).tolist()


def vector(rng, size, centre=0.0, spread=0.3):
    return (centre + spread * rng.standard_normal(size)).tolist()


def ln_params(rng, d):
    """A layer norm object: each of gain, bias, eps present or left to its default."""
    ln = {}
    if rng.random() < 0.6:
        ln["gain"] = vector(rng, d, 1.0)
    if rng.random() < 0.6:
        ln["bias"] = vector(rng, d)
    if rng.random() < 0.5:
        ln["eps"] = [1e-5, 1e-6, 1e-3, 0.1][int(rng.integers(4))]
    return ln


def make_block(rng, d_model, heads, d_k, norm, residual, act, score_kind):
    blk = {}
    if rng.random() < 0.8:  # else the defaults: residual true, norm none
        blk["residual"] = residual
    elif not residual:
        blk["residual"] = False
    if norm != "none" or rng.random() < 0.5:
        blk["norm"] = norm
    att = {k: [mat(rng, d_model, d_k) for _ in range(heads)] for k in ("W_Q", "W_K", "W_V")}
    for k in ("b_Q", "b_K", "b_V"):
        if rng.random() < 0.5:
            att[k] = [vector(rng, d_k, 0.0, 0.5) for _ in range(heads)]
    att["W_O"] = mat(rng, d_model, d_model)
    if rng.random() < 0.5:
        att["b_O"] = vector(rng, d_model)
    if score_kind == "additive":
        att["additive_w"] = [vector(rng, d_k, 0.0, 1.0) for _ in range(heads)]
    blk["attention"] = att
    # ln1/ln2 given, left out ({} defaults), or given although unused (norm none, no FFN)
    if (norm != "none" and rng.random() < 0.85) or rng.random() < 0.15:
        blk["ln1"] = ln_params(rng, d_model)
    if (norm != "none" and act and rng.random() < 0.85) or rng.random() < 0.15:
        blk["ln2"] = ln_params(rng, d_model)
    if act:
        d_ff = int(rng.integers(1, 25))
        ffn = {"W_1": mat(rng, d_model, d_ff), "W_2": mat(rng, d_ff, d_model)}
        if rng.random() < 0.6:
            ffn["b_1"] = vector(rng, d_ff)
        if rng.random() < 0.6:
            ffn["b_2"] = vector(rng, d_model)
        ffn["activation"] = act
        blk["ffn"] = ffn
    return blk


def random_case(rng, i):
    """Block 0's (norm, residual, FFN) cycle through all 24 triples every 24 cases,
    score x mask through all 20 pairs every 20; the rest is drawn."""
    score_kind, mask_kind = SCORES[i % 4], MASKS[(i // 4) % 5]
    n = int(rng.integers(1, 9))
    heads, d_k = int(rng.integers(1, 5)), int(rng.integers(1, 5))
    if heads * d_k < 2:
        d_k = 2
    d_model = heads * d_k
    s = {"format": "attnviz-session", "version": 2, "title": "", "d_model": d_model,
         "heads": heads, "seed": int(rng.integers(0, 2**31))}
    if rng.random() < 0.7:
        V = int(rng.integers(2, 13))
        vocab = [str(w) for w in rng.choice(WORDS, size=V, replace=False)]
        E = np.array(mat(rng, V, d_model, 1)) * rng.uniform(0.3, 1.0)
        if V >= 3 and rng.random() < 0.3:
            E[V - 1] = E[0]  # two tokens, one embedding: tied logits under "tied"
        s["vocabulary"] = vocab
        s["token_embeddings"] = E.tolist()
        s["tokens"] = [vocab[int(j)] for j in rng.integers(0, V, n)]
    else:
        s["tokens"] = [str(w) for w in rng.choice(WORDS, size=n)]
        s["embeddings"] = mat(rng, n, d_model, 1)

    pe_kind = str(rng.choice(["none", "sinusoidal", "learned"]))
    if pe_kind == "sinusoidal":
        pe = {"kind": "sinusoidal"}
        if rng.random() < 0.75:
            pe["base"] = BASES[int(rng.integers(len(BASES)))]
    elif pe_kind == "learned":
        pe = {"kind": "learned", "matrix": mat(rng, n + int(rng.integers(0, 4)), d_model, 4)}
    else:
        pe = {"kind": "none"}
    s["positional_encoding"] = pe
    s["score"] = score_kind
    s["temperature"] = float(np.exp(rng.uniform(np.log(0.1), np.log(5.0))))
    mask = {"kind": mask_kind}
    if mask_kind in ("window", "causal_window"):
        mask["radius"] = int(rng.integers(0, n + 1))
    elif mask_kind == "custom":
        m = (rng.random((n, n)) < rng.uniform(0.2, 0.9)).astype(int)
        if rng.random() < 0.5:
            m[int(rng.integers(n))] = 0  # a query with no allowed key
        mask["matrix"] = m.tolist()
    s["mask"] = mask
    s["normalizer"] = str(rng.choice(["softmax", "relu"]))

    L = int(rng.integers(1, 4))
    s["layers"] = []
    for l in range(L):
        if l == 0:
            norm, residual, act = NORMS[i % 3], (i // 3) % 2 == 0, ACTS[(i // 6) % 4]
        else:
            norm, residual = NORMS[int(rng.integers(3))], bool(rng.random() < 0.7)
            act = ACTS[int(rng.integers(4))]
        s["layers"].append(make_block(rng, d_model, heads, d_k, norm, residual, act, score_kind))
    if rng.random() < 0.5:
        s["final_norm"] = ln_params(rng, d_model)
    if "vocabulary" in s:
        kind = UNEMBEDDINGS[int(rng.integers(len(UNEMBEDDINGS)))]
        V = len(s["vocabulary"])
        if kind.startswith("tied"):
            s["unembedding"] = "tied"
        elif kind.startswith("matrix"):
            U = np.array(mat(rng, d_model, V))
            if V >= 3 and rng.random() < 0.3:
                U[:, 1] = U[:, 0]  # equal columns: tied logits
            s["unembedding"] = U.tolist()
        if kind.endswith("b_U"):
            s["b_U"] = vector(rng, V)
    if rng.random() < 0.4:
        pairs = [[l, h] for l in range(L) for h in range(heads)]
        pick = rng.choice(len(pairs), size=int(rng.integers(1, min(3, len(pairs)) + 1)), replace=False)
        s["ablate"] = [pairs[int(p)] for p in pick]
    s["title"] = f"v2 case {i:03d}: {L} block(s), {score_kind}, mask {mask_kind}, PE {pe_kind}"
    return s


def draw_case(rng, i):
    for _ in range(100):
        s = random_case(rng, i)
        try:
            return s, to_json(compute(s))
        except Reject:
            continue
    raise SystemExit(f"case {i}: no well-conditioned draw in 100 tries")


# ------------------------------------------------------------ coverage, output

def features(s):
    f = [("score", s["score"]), ("mask", s["mask"]["kind"]), ("normalizer", s["normalizer"]),
         ("pe", s["positional_encoding"]["kind"]), ("layers", len(s["layers"])),
         ("vocabulary", "vocabulary" in s), ("final_norm", "final_norm" in s),
         ("ablate", "ablate" in s)]
    pe = s["positional_encoding"]
    if pe["kind"] == "sinusoidal":
        f.append(("sin base", pe.get("base", "default")))
    if pe["kind"] == "learned":
        f.append(("learned rows", "n" if len(pe["matrix"]) == len(s["tokens"]) else "> n"))
    if s["mask"]["kind"] == "custom" and any(not any(r) for r in s["mask"]["matrix"]):
        f.append(("custom", "fully masked row"))
    if "vocabulary" in s:
        V = len(s["vocabulary"])
        u = s.get("unembedding")
        f.append(("unembedding", "absent" if u is None else "tied" if u == "tied" else "matrix"))
        f.append(("b_U", "b_U" in s))
        if u is not None:
            f.append(("V vs top-k", "V > 10" if V > TOP_K else "V <= 10"))
    if "ablate" in s:
        blocks = Counter(l for l, _ in s["ablate"])
        if any(c == s["heads"] for c in blocks.values()):
            f.append(("ablate", "every head of a block"))
    for l, blk in enumerate(s["layers"]):
        norm = blk.get("norm", "none")
        f.append(("norm", norm + ("" if "norm" in blk else " (default)")))
        f.append(("residual", str(blk.get("residual", True)) + ("" if "residual" in blk else " (default)")))
        f.append(("ffn", blk["ffn"]["activation"] if "ffn" in blk else "absent"))
        if l == 0:
            f.append(("block 0 norm/res/ffn", f"{norm}/{blk.get('residual', True)}/"
                      f"{blk['ffn']['activation'] if 'ffn' in blk else '-'}"))
        att = blk["attention"]
        for b in ("b_Q", "b_K", "b_V", "b_O"):
            f.append((b, b in att))
        if "ffn" in blk:
            for b in ("b_1", "b_2"):
                f.append((b, b in blk["ffn"]))
        for name in ("ln1", "ln2"):
            used = norm != "none" and (name == "ln1" or "ffn" in blk)
            if name not in blk:
                f.append((name, "used, left out" if used else "unused, absent"))
                continue
            ln = blk[name]
            f.append((name, "used, given" if used else "unused, given"))
            if used:
                f.append(("ln gain", "gain" in ln))
                f.append(("ln bias", "bias" in ln))
                f.append(("ln eps", "eps" in ln))
    return f


def check_coverage(sessions, dumps):
    seen = Counter(f for s in sessions for f in set(features(s)))
    for d in dumps:
        for row in d.get("top_k", []):
            if any(a["p"] == b["p"] for a, b in zip(row, row[1:])):
                seen[("top_k", "exact tie")] += 1
                break
    wanted = ([("score", k) for k in SCORES] + [("mask", k) for k in MASKS]
              + [("normalizer", k) for k in ("softmax", "relu")]
              + [("pe", k) for k in ("none", "sinusoidal", "learned")]
              + [("sin base", b) for b in BASES + ["default"]]
              + [("learned rows", k) for k in ("n", "> n")]
              + [("layers", k) for k in (1, 2, 3)]
              + [(k, v) for k in ("vocabulary", "final_norm", "ablate", "b_U", "ln gain",
                                  "ln bias", "ln eps", "b_Q", "b_K", "b_V", "b_O", "b_1", "b_2")
                 for v in (True, False)]
              + [("norm", k) for k in NORMS] + [("norm", "none (default)")]
              + [("residual", k) for k in ("True", "False", "True (default)")]
              + [("ffn", k) for k in ("absent", "gelu", "gelu_tanh", "relu")]
              + [("unembedding", k) for k in ("absent", "tied", "matrix")]
              + [("V vs top-k", k) for k in ("V > 10", "V <= 10")]
              + [("ln1", k) for k in ("used, given", "used, left out", "unused, given")]
              + [("ln2", k) for k in ("used, given", "used, left out", "unused, given")]
              + [("custom", "fully masked row"), ("ablate", "every head of a block"),
                 ("top_k", "exact tie")])
    missing = [k for k in wanted if seen[k] < 2]
    if missing:
        raise SystemExit(f"coverage too thin (raise --count?): {missing}")
    return seen


def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, allow_nan=False)
        f.write("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--count", type=int, default=60)
    args = ap.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    rng = np.random.default_rng(20250602)
    sessions, dumps = [], []
    for i in range(args.count):
        s, d = draw_case(rng, i)
        write_json(os.path.join(args.outdir, f"v2-case{i:03d}.session.json"), s)
        write_json(os.path.join(args.outdir, f"v2-case{i:03d}.dump.json"), d)
        sessions.append(s)
        dumps.append(d)
    seen = check_coverage(sessions, dumps)
    print(f"wrote {args.count} v2 cases to {args.outdir}; cases covering each option:")
    for key in sorted(seen, key=str):
        print(f"  {key[0]:>22} {str(key[1]):<24} {seen[key]}")


if __name__ == "__main__":
    main()

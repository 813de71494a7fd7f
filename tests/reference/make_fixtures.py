#!/usr/bin/env python3
"""Generate reference fixtures for the AttnViz attention engine.

An independent NumPy (float64) implementation of the contract in
docs/file-formats.md ("The computation", "Session v1", "Dump v1").
For each case it writes a complete session v1 file and the dump v1 the engine
must produce from it, plus two per-head diagnostics (entropy, mean_distance).

Usage: make_fixtures.py OUTDIR [--count N]        (default N = 120)

Output is deterministic (numpy.random.default_rng(12345)): reruns give
byte-identical files. Every weight matrix is written explicitly (except W_O in
about a quarter of the cases, to exercise the identity default), because the
engine derives missing matrices with its own seeded RNG, which this script
cannot reproduce.
"""
import argparse
import json
import os
from collections import Counter

import numpy as np

SCORES = ["scaled_dot", "dot", "cosine", "additive"]
MASKS = ["none", "causal", "window", "causal_window", "custom"]
BASES = [10000, 100, 7.5]
WORDS = ["I", "love", "NLP", "the", "cat", "sat", "on", "mat", "a", "dog",
         "runs", "fast", "attention", "is", "all", "you", "need", "token",
         "我", "爱", "自然", "语言", "café", "naïve", "über", "niño", "Ж", "λ",
         "😀", "x"]


# ---------------------------------------------------------------- computation

def sinusoidal(n, d_model, base):
    """P[pos, 2i] = sin(pos / base^(2i/d_model)), P[pos, 2i+1] = cos(same).

    Column c uses pair index i = c // 2, so for odd d_model the last column
    (an even index) is a sin column."""
    pos = np.arange(n, dtype=np.float64)[:, None]
    col = np.arange(d_model)
    angle = pos / np.power(float(base), (2.0 * (col // 2)) / d_model)[None, :]
    return np.where(col % 2 == 0, np.sin(angle), np.cos(angle))


def positional(pe, n, d_model):
    if pe["kind"] == "none":
        return np.zeros((n, d_model))
    if pe["kind"] == "sinusoidal":
        return sinusoidal(n, d_model, pe["base"])
    return np.array(pe["matrix"], dtype=np.float64)  # learned


def mask_matrix(spec, n):
    """0/1 int matrix: entry (i, j) is 1 when query i may attend to key j."""
    i = np.arange(n)[:, None]
    j = np.arange(n)[None, :]
    kind = spec["kind"]
    if kind == "none":
        m = np.ones((n, n), dtype=bool)
    elif kind == "causal":
        m = j <= i
    elif kind == "window":
        m = np.abs(i - j) <= spec["radius"]
    elif kind == "causal_window":
        m = (i - j >= 0) & (i - j <= spec["radius"])
    else:  # custom
        m = np.array(spec["matrix"]) != 0
    return m.astype(int)


def score(kind, Q, K, w=None):
    """raw scores (n x n); scaled_dot already includes the 1/sqrt(d_k)."""
    if kind == "dot":
        return Q @ K.T
    if kind == "scaled_dot":
        return (Q @ K.T) / np.sqrt(Q.shape[1])
    if kind == "cosine":
        denom = np.outer(np.linalg.norm(Q, axis=1), np.linalg.norm(K, axis=1))
        safe = np.where(denom == 0, 1.0, denom)  # avoid 0/0; result forced to 0
        return np.where(denom == 0, 0.0, (Q @ K.T) / safe)
    # additive: S_ij = w . tanh(q_i + k_j)
    return np.tanh(Q[:, None, :] + K[None, :, :]) @ np.asarray(w, dtype=np.float64)


def normalize(kind, raw, temperature, mask):
    """A from the raw scores: softmax of S = raw / temperature, computed as
    exp((raw - max raw) / temperature) so that a tiny temperature, where raw /
    temperature overflows a double, still gives the one-hot limit (ties share)."""
    allowed = mask != 0
    if kind == "relu":
        return np.where(allowed, np.maximum(raw / temperature, 0.0), 0.0)
    A = np.zeros_like(raw)
    for r in range(raw.shape[0]):
        keys = allowed[r]
        if not keys.any():
            continue  # fully masked row stays all zeros, never NaN
        # Subtract the max over *allowed* keys only, so huge masked scores
        # cannot push every allowed exp() to 0 (and exp never overflows).
        with np.errstate(over="ignore", divide="ignore"):
            e = np.exp((raw[r, keys] - raw[r, keys].max()) / temperature)
        A[r, keys] = e / e.sum()
    return A


def entropy(A):
    """Per row: -sum a ln a over a > 0, on the row rescaled to sum 1."""
    out = []
    for row in A:
        s = row.sum()
        if s <= 0:
            out.append(0.0)
            continue
        p = row[row > 0] / s
        out.append(float(-(p * np.log(p)).sum()))
    return out


def mean_distance(A):
    """Per query i: sum_j a_ij |i-j| / sum_j a_ij (0 when the sum is 0)."""
    n = A.shape[0]
    dist = np.abs(np.arange(n)[:, None] - np.arange(n)[None, :])
    sums = A.sum(axis=1)
    num = (A * dist).sum(axis=1)
    return [float(num[i] / sums[i]) if sums[i] > 0 else 0.0 for i in range(n)]


def compute(session):
    """Run the whole pipeline on a session dict, return the dump dict."""
    tokens = session["tokens"]
    n, d_model, heads = len(tokens), session["d_model"], session["heads"]
    d_k = d_model // heads
    wts = session["weights"]
    X = np.array(session["embeddings"], dtype=np.float64)
    P = positional(session["positional_encoding"], n, d_model)
    X_in = X + P
    mask = mask_matrix(session["mask"], n)
    results, Zs = [], []
    for h in range(heads):
        Q = X_in @ np.array(wts["W_Q"][h])
        K = X_in @ np.array(wts["W_K"][h])
        V = X_in @ np.array(wts["W_V"][h])
        w = wts["additive_w"][h] if session["score"] == "additive" else None
        raw = score(session["score"], Q, K, w)
        with np.errstate(over="ignore"):
            S = raw / session["temperature"]  # +-inf at a tiny temperature
        A = normalize(session["normalizer"], raw, session["temperature"], mask)
        Z = A @ V
        Zs.append(Z)
        results.append({"Q": Q.tolist(), "K": K.tolist(), "V": V.tolist(),
                        "raw_scores": raw.tolist(), "scores": S.tolist(),
                        "weights": A.tolist(), "output": Z.tolist(),
                        "entropy": entropy(A), "mean_distance": mean_distance(A)})
    C = np.hstack(Zs)
    W_O = np.array(wts["W_O"]) if "W_O" in wts else np.eye(d_model)
    return {"format": "attnviz-dump", "version": 1, "tokens": tokens,
            "n": n, "d_model": d_model, "heads": heads, "d_k": d_k,
            "X": X.tolist(), "P": P.tolist(), "X_in": X_in.tolist(),
            "mask": mask.tolist(), "head_results": results,
            "concat": C.tolist(), "output": (C @ W_O).tolist()}


# ------------------------------------------------------------ case generation

def normal(rng, shape, scale=None):
    """Normal values times a random factor in [0.1, 3] (or a given scale)."""
    s = rng.uniform(0.1, 3.0) if scale is None else scale
    return rng.standard_normal(shape) * s


def random_case(rng, i):
    """One random session. Score and mask kind cycle so that all 20 pairs
    occur every 20 cases; everything else is drawn at random."""
    kind_score = SCORES[i % len(SCORES)]
    kind_mask = MASKS[(i // len(SCORES)) % len(MASKS)]
    n = int(rng.integers(1, 13))
    heads, d_k = int(rng.integers(1, 5)), int(rng.integers(1, 7))
    d_model = heads * d_k
    tokens = [str(t) for t in rng.choice(WORDS, size=n)]
    X = normal(rng, (n, d_model))
    if i % 9 == 4:  # period coprime to the score cycle: hits every score kind
        X *= 1e6  # large scores (~1e12): stable softmax must stay finite

    pe_kind = str(rng.choice(["none", "sinusoidal", "learned"]))
    zero_row = kind_score == "cosine" and rng.random() < 0.2
    if zero_row:
        # An exactly zero X_in row gives zero q and k rows in every head;
        # needs PE none (a sinusoidal row is never zero).
        pe_kind = "none"
        X[int(rng.integers(n))] = 0.0
    if pe_kind == "sinusoidal":
        pe = {"kind": "sinusoidal", "base": BASES[int(rng.integers(len(BASES)))]}
    elif pe_kind == "learned":
        pe = {"kind": "learned", "matrix": normal(rng, (n, d_model)).tolist()}
    else:
        pe = {"kind": "none"}

    mask = {"kind": kind_mask}
    if kind_mask in ("window", "causal_window"):
        mask["radius"] = int(rng.integers(0, n + 1))
    elif kind_mask == "custom":
        m = (rng.random((n, n)) < rng.uniform(0.2, 0.9)).astype(int)
        if rng.random() < 0.5:
            m[int(rng.integers(n))] = 0  # a query with no allowed key
        mask["matrix"] = m.tolist()

    weights = {k: [normal(rng, (d_model, d_k)).tolist() for _ in range(heads)]
               for k in ("W_Q", "W_K", "W_V")}
    if kind_score == "cosine" and not zero_row and rng.random() < 0.2:
        # Zero W_K of one head: every k row (hence every norm) is 0 there.
        weights["W_K"][int(rng.integers(heads))] = np.zeros((d_model, d_k)).tolist()
    if rng.random() >= 0.25:
        weights["W_O"] = normal(rng, (d_model, d_model)).tolist()
    if kind_score == "additive":
        weights["additive_w"] = [normal(rng, d_k).tolist() for _ in range(heads)]

    return {"format": "attnviz-session", "version": 1,
            "title": f"fixture {i:03d}: {kind_score}, mask {kind_mask}, PE {pe_kind}",
            "tokens": tokens, "d_model": d_model, "heads": heads,
            "seed": int(rng.integers(0, 2**31)), "embeddings": X.tolist(),
            "positional_encoding": pe, "score": kind_score,
            "temperature": float(np.exp(rng.uniform(np.log(0.05), np.log(5.0)))),
            "mask": mask, "normalizer": str(rng.choice(["softmax", "relu"])),
            "weights": weights}


def extreme_case(rng, i):
    """Scores around +-1e30 (embeddings ~1e15, scaled_dot, softmax). The last
    case has a custom mask with a fully masked row."""
    n, heads, d_k = 6, 2, 3
    d_model = heads * d_k
    masks = [{"kind": "none"}, {"kind": "causal"},
             {"kind": "custom", "matrix": [[int(i != 2 and (i + j) % 3 != 0)
                                            for j in range(n)] for i in range(n)]}]
    return {"format": "attnviz-session", "version": 1,
            "title": f"extreme {i:03d}: scores ~1e30",
            "tokens": ["big", "我", "爱", "NLP", "café", "end"],
            "d_model": d_model, "heads": heads, "seed": 7 + i,
            "embeddings": normal(rng, (n, d_model), 1e15).tolist(),
            "positional_encoding": {"kind": "none"}, "score": "scaled_dot",
            "temperature": [1.0, 0.5, 2.0][i], "mask": masks[i],
            "normalizer": "softmax",
            "weights": {k: [normal(rng, (d_model, d_k), 1.0).tolist()
                            for _ in range(heads)] for k in ("W_Q", "W_K", "W_V")}}


def tiny_case(rng, i):
    """Temperatures so small that raw / T overflows a double (5e-324 is the
    smallest one there is): softmax tends to one-hot at each row's largest
    raw score. The last two cases have integer inputs and duplicated tokens,
    so that raw scores tie exactly and the tied keys share the row."""
    n, heads, d_k = 5, 2, 3
    d_model = heads * d_k
    score_kind = ["scaled_dot", "cosine", "additive", "dot", "scaled_dot"][i]
    if i < 3:
        X = normal(rng, (n, d_model), 1.0)
        weights = {k: [normal(rng, (d_model, d_k), 1.0).tolist() for _ in range(heads)]
                   for k in ("W_Q", "W_K", "W_V")}
    else:
        X = rng.integers(-3, 4, (n, d_model)).astype(float)
        X[3] = X[1]  # token 3 repeats token 1: equal keys, equal raw scores
        X[4] = X[1]
        weights = {k: [rng.integers(-2, 3, (d_model, d_k)).astype(float).tolist()
                       for _ in range(heads)] for k in ("W_Q", "W_K", "W_V")}
    weights["W_O"] = normal(rng, (d_model, d_model), 1.0).tolist()
    if score_kind == "additive":
        weights["additive_w"] = [normal(rng, d_k, 1.0).tolist() for _ in range(heads)]
    return {"format": "attnviz-session", "version": 1,
            "title": f"tiny {i:03d}: {score_kind}, raw / T overflows",
            "tokens": ["a", "b", "c", "b", "b"], "d_model": d_model, "heads": heads,
            "seed": 3 + i, "embeddings": X.tolist(),
            "positional_encoding": {"kind": "none"}, "score": score_kind,
            "temperature": [1e-320, 5e-324, 1e-310, 1e-320, 5e-324][i],
            "mask": [{"kind": "none"}, {"kind": "causal"}][i % 2],
            "normalizer": "softmax", "weights": weights}


def limit_expectation(session):
    """What of a tiny-temperature pass a JSON file can hold: everything but the
    scores (+-inf) and the row maxima."""
    d = compute(session)
    for h in d["head_results"]:
        del h["scores"]
    return d


# ------------------------------------------------------------------- output

def write_json(path, obj):
    with open(path, "w", encoding="utf-8") as f:
        json.dump(obj, f, ensure_ascii=False, allow_nan=False)
        f.write("\n")


def write_pair(outdir, stem, session):
    write_json(os.path.join(outdir, f"{stem}.session.json"), session)
    write_json(os.path.join(outdir, f"{stem}.expected.json"), compute(session))


def check_coverage(sessions):
    """Fail loudly if the fixed seed ever stops covering an option."""
    seen = Counter()
    for s in sessions:
        pe, m, w = s["positional_encoding"], s["mask"], s["weights"]
        seen[("score", s["score"])] += 1
        seen[("mask", m["kind"])] += 1
        seen[("normalizer", s["normalizer"])] += 1
        seen[("pe", pe["kind"])] += 1
        if pe["kind"] == "sinusoidal":
            seen[("base", pe["base"])] += 1
            seen[("sin d_model parity", s["d_model"] % 2)] += 1
        seen[("W_O", "W_O" in w)] += 1
        if m["kind"] == "custom" and any(not any(r) for r in m["matrix"]):
            seen[("custom", "fully masked row")] += 1
        if s["score"] == "cosine" and (
                any(not np.any(r) for r in s["embeddings"])
                or any(not np.any(k) for k in w["W_K"])):
            seen[("cosine", "zero norm")] += 1
        if np.max(np.abs(s["embeddings"])) > 1e5:
            seen[("large", "scores")] += 1
    wanted = ([("score", k) for k in SCORES] + [("mask", k) for k in MASKS]
              + [("normalizer", "softmax"), ("normalizer", "relu")]
              + [("pe", k) for k in ("none", "sinusoidal", "learned")]
              + [("base", b) for b in BASES]
              + [("sin d_model parity", 0), ("sin d_model parity", 1)]
              + [("W_O", True), ("W_O", False), ("custom", "fully masked row"),
                 ("cosine", "zero norm"), ("large", "scores")])
    missing = [k for k in wanted if seen[k] < 2]
    if missing:
        raise SystemExit(f"coverage too thin (raise --count?): {missing}")
    return seen


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("outdir")
    ap.add_argument("--count", type=int, default=120)
    args = ap.parse_args()
    os.makedirs(args.outdir, exist_ok=True)
    rng = np.random.default_rng(12345)
    sessions = [random_case(rng, i) for i in range(args.count)]
    for i, s in enumerate(sessions):
        write_pair(args.outdir, f"case-{i:03d}", s)
    for i in range(3):
        write_pair(args.outdir, f"extreme-{i:03d}", extreme_case(rng, i))
    # Named apart from *.session.json: their dumps are refused (the scores
    # overflow), so they are checked on their own (reference_test.cpp).
    for i in range(5):
        s = tiny_case(rng, i)
        write_json(os.path.join(args.outdir, f"tiny-{i:03d}.attn.json"), s)
        write_json(os.path.join(args.outdir, f"tiny-{i:03d}.limit.json"), limit_expectation(s))
    seen = check_coverage(sessions)
    print(f"wrote {args.count} cases + 3 extreme + 5 tiny-temperature cases to {args.outdir}")
    for key in sorted(seen, key=str):
        print(f"  {key[0]:>20} {str(key[1]):<18} {seen[key]}")


if __name__ == "__main__":
    main()

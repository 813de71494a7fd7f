#!/usr/bin/env python3
"""The transformer of transformer.md in NumPy (float64): the v2 reference.

An independent implementation of "The computation" and "Dump v2" of
transformer.md, on top of the v1 attention of session-format.md (whose
functions are imported from make_fixtures.py, the v1 reference; no engine code
is used). compute(session) takes a session v2 dict (every weight given; biases,
gains and eps may be left to their defaults) and returns the dump v2, with
NumPy arrays for the matrices; to_json() turns those into lists.

Every computation is checked against itself where that is cheap: softmax rows
sum to 1, masked weights are exactly 0, normalised LN rows have mean 0 and
variance var/(var+eps), a scalar-loop recomputation of block 0's weights,
probabilities sum to 1. Reject is raised for a case whose numbers are
ill-conditioned (a layer norm of a nearly constant row, next-token
probabilities that nearly but not exactly tie, huge values), so that rounding
in a correct engine cannot move a compared number beyond the tolerance or
change the order of top_k; make_fixtures_v2.py then draws another case.
"""
import math

import numpy as np

TOP_K = 10
EPS_DEFAULT = 1e-5


class Reject(Exception):
    """The drawn case is ill-conditioned: draw another one."""


# ------------------------------------------------------------ v1 attention

# The v1 attention of session-format.md, from the v1 reference.
from make_fixtures import mask_matrix, normalize, score, sinusoidal  # noqa: E402


def positional(pe, n, d_model):
    """P: rows 0 .. n-1 of the encoding (a learned matrix may have more rows)."""
    if pe["kind"] == "learned":
        return np.array(pe["matrix"], dtype=np.float64)[:n]
    if pe["kind"] == "none":
        return np.zeros((n, d_model))
    return sinusoidal(n, d_model, pe.get("base", 10000))


# ------------------------------------------------------------ v2 additions

def check(cond, what):
    if not cond:
        raise AssertionError(f"reference self-check failed: {what}")


def vec(obj, key, size, default):
    return np.array(obj[key], dtype=np.float64) if key in obj else np.full(size, default)


def layer_norm(x, ln):
    """LN(x) = (x - mean) / sqrt(var + eps) * gain + bias, per row, var / d_model."""
    d = x.shape[1]
    eps = ln.get("eps", EPS_DEFAULT)
    mean = x.mean(axis=1, keepdims=True)
    var = ((x - mean) ** 2).mean(axis=1, keepdims=True)
    scale = np.abs(x).max(axis=1, keepdims=True)
    # A nearly constant row amplifies rounding by |x| / std: only exact constants pass.
    if np.any((var > 0) & (np.sqrt(var) < 1e-4 * scale)):
        raise Reject("layer norm of a nearly constant row")
    xhat = (x - mean) / np.sqrt(var + eps)
    check(np.allclose(xhat.mean(axis=1), 0, atol=1e-12 * (1 + np.abs(xhat).max())), "LN mean 0")
    check(np.allclose((xhat ** 2).mean(axis=1), (var / (var + eps))[:, 0], rtol=1e-10, atol=1e-14),
          "LN variance var/(var+eps)")
    return xhat * vec(ln, "gain", d, 1.0) + vec(ln, "bias", d, 0.0)


_erf = np.vectorize(math.erf, otypes=[np.float64])


def activation(kind, x):
    if kind == "gelu":
        return x * 0.5 * (1.0 + _erf(x / math.sqrt(2.0)))
    if kind == "gelu_tanh":
        return 0.5 * x * (1.0 + np.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x ** 3)))
    check(kind == "relu", f"activation {kind}")
    return np.maximum(x, 0.0)


def naive_weights_row(session, att, h, Y, i, mask):
    """Row i of A for head h, by scalar loops (a cross-check of the vectorised code)."""
    d_model, heads = session["d_model"], session["heads"]
    d_k = d_model // heads

    def proj(name, r):
        W, b = att["W_" + name][h], att.get("b_" + name, [[0.0] * d_k] * heads)[h]
        return [sum(Y[r][c] * W[c][k] for c in range(d_model)) + b[k] for k in range(d_k)]

    q = proj("Q", i)
    s = []
    for j in range(len(Y)):
        k = proj("K", j)
        dot = sum(a * b for a, b in zip(q, k))
        kind = session["score"]
        if kind == "scaled_dot":
            v = dot / math.sqrt(d_k)
        elif kind == "dot":
            v = dot
        elif kind == "cosine":
            nq, nk = math.sqrt(sum(a * a for a in q)), math.sqrt(sum(b * b for b in k))
            v = 0.0 if nq * nk == 0 else dot / (nq * nk)
        else:
            v = sum(w * math.tanh(a + b) for w, a, b in zip(att["additive_w"][h], q, k))
        s.append(v / session["temperature"])
    allowed = [j for j in range(len(Y)) if mask[i][j]]
    out = [0.0] * len(Y)
    if session["normalizer"] == "relu":
        for j in allowed:
            out[j] = max(0.0, s[j])
    elif allowed:
        top = max(s[j] for j in allowed)
        total = sum(math.exp(s[j] - top) for j in allowed)
        for j in allowed:
            out[j] = math.exp(s[j] - top) / total
    return out


def mha(session, l, att, Y, mask, ablated):
    heads, d_model = session["heads"], session["d_model"]
    d_k = d_model // heads
    results, Zs = [], []
    for h in range(heads):
        def proj(name):
            b = np.array(att["b_" + name][h]) if "b_" + name in att else np.zeros(d_k)
            return Y @ np.array(att["W_" + name][h]) + b
        Q, K, V = proj("Q"), proj("K"), proj("V")
        w = att["additive_w"][h] if session["score"] == "additive" else None
        raw = score(session["score"], Q, K, w)
        S = raw / session["temperature"]
        A = normalize(session["normalizer"], raw, session["temperature"], mask)
        check(np.all(A[mask == 0] == 0), "masked weights are exactly 0")
        if session["normalizer"] == "softmax":
            rows = mask.any(axis=1)
            check(np.allclose(A[rows].sum(axis=1), 1, rtol=0, atol=1e-12), "softmax rows sum to 1")
        if l == 0:
            naive = naive_weights_row(session, att, h, Y.tolist(), Y.shape[0] - 1, mask.tolist())
            check(np.allclose(naive, A[-1], rtol=1e-9, atol=1e-12), "scalar-loop weights of block 0")
        Z = np.zeros((Y.shape[0], d_k)) if (l, h) in ablated else A @ V
        Zs.append(Z)
        results.append({"Q": Q, "K": K, "V": V, "raw_scores": raw, "scores": S,
                        "weights": A, "output": Z})
    C = np.hstack(Zs)
    return results, C, C @ np.array(att["W_O"]) + vec(att, "b_O", d_model, 0.0)


def block(session, l, blk, Y, mask, ablated):
    norm, res = blk.get("norm", "none"), blk.get("residual", True)
    out = {"input": Y}
    plus = (lambda first, second: first + second) if res else (lambda first, second: second.copy())
    a_in = Y
    if norm == "pre":
        a_in = out["ln1"] = layer_norm(Y, blk.get("ln1", {}))
    heads, C, O = mha(session, l, blk["attention"], a_in, mask, ablated)
    out.update(head_results=heads, concat=C, attention_output=O)
    M = plus(Y, O)
    if norm == "post":
        M = out["ln1"] = layer_norm(M, blk.get("ln1", {}))
    out["after_attention"] = M
    if "ffn" not in blk:
        out["output"] = M
        return out
    ffn = blk["ffn"]
    f_in = M
    if norm == "pre":
        f_in = out["ln2"] = layer_norm(M, blk.get("ln2", {}))
    W1, W2 = np.array(ffn["W_1"]), np.array(ffn["W_2"])
    hidden = activation(ffn["activation"], f_in @ W1 + vec(ffn, "b_1", W1.shape[1], 0.0))
    f_out = hidden @ W2 + vec(ffn, "b_2", W2.shape[1], 0.0)
    out.update(ffn_hidden=hidden, ffn_output=f_out)
    H = plus(M, f_out)
    if norm == "post":
        H = out["ln2"] = layer_norm(H, blk.get("ln2", {}))
    out["output"] = H
    return out


LAYER_KEYS = ["input", "ln1", "head_results", "concat", "attention_output", "after_attention",
              "ln2", "ffn_hidden", "ffn_output", "output"]


def predictions(session, Hf, E):
    """top_k[i]: min(10, V) most probable next tokens, ties by smaller id."""
    vocab = session["vocabulary"]
    U = E.T if session["unembedding"] == "tied" else np.array(session["unembedding"])
    b = vec(session, "b_U", len(vocab), 0.0)
    # Scalar sums in a fixed order: equal columns of U give bit-equal logits.
    logits = np.array([[math.fsum(Hf[i, c] * U[c, j] for c in range(Hf.shape[1])) + b[j]
                        for j in range(len(vocab))] for i in range(Hf.shape[0])])
    k = min(TOP_K, len(vocab))
    top = []
    for row in logits:
        e = np.exp(row - row.max())
        p = e / e.sum()
        check(abs(p.sum() - 1) < 1e-12, "probabilities sum to 1")
        order = sorted(range(len(vocab)), key=lambda j: (-p[j], j))
        ps = p[order]
        for a, c in zip(ps, ps[1:]):  # exact ties are fine; near ties are rounding's to decide
            if a != c and a - c < 1e-6 * a:
                raise Reject("nearly tied probabilities")
        if k < len(vocab) and ps[k - 1] == ps[k]:
            raise Reject("a tie across the top-k cut")
        top.append([{"token": vocab[j], "id": j, "p": float(p[j])} for j in order[:k]])
    return top


def usable(w):
    """Weights as they count for rollout and head roles: finite and > 0, else 0."""
    w = np.where(np.isfinite(w), w, 0.0)
    return np.where(w > 0, w, 0.0)


def rollout(layers, ablated, n):
    """Abnar & Zuidema: R = A^_L ... A^_1, A^_l = rownorm(0.5 mean_on(A) + 0.5 I)."""
    R = np.eye(n)
    for l, layer in enumerate(layers):
        on = [usable(hr["weights"]) for h, hr in enumerate(layer["head_results"])
              if (l, h) not in ablated]
        mean = sum(on) / len(on) if on else np.zeros((n, n))
        mixed = 0.5 * mean + 0.5 * np.eye(n)
        mixed = mixed / mixed.sum(axis=1, keepdims=True)  # every row has its 0.5 of I
        R = mixed @ R
    return R


def head_roles(tokens, layers, ablated):
    """Per block x head: previous, sink, induction (when a token repeats), distance and
    entropy, each a mean over the queries with weight, rows divided by their sums."""
    n = len(tokens)
    roles = []
    for l, layer in enumerate(layers):
        for h, hr in enumerate(layer["head_results"]):
            a = usable(hr["weights"])
            prev, sink, ind, dist, ent = [], [], [], [], []
            for i in range(n):
                total = a[i].sum()
                if not total > 0:
                    continue
                row = a[i] / total
                sink.append(row[0])
                if i >= 1:
                    prev.append(row[i - 1])
                follows = [j + 1 for j in range(i - 1) if tokens[j] == tokens[i]]
                if follows:
                    ind.append(sum(row[t] for t in follows))
                dist.append(sum(row[j] * abs(i - j) for j in range(n)))
                ent.append(-sum(p * math.log(p) for p in row if p > 0))
            mean = lambda xs: float(np.mean(xs)) if xs else 0.0  # noqa: E731
            role = {"block": l, "head": h, "ablated": (l, h) in ablated,
                    "previous": mean(prev), "sink": mean(sink)}
            if ind:
                role["induction"] = mean(ind)
            role.update(distance=mean(dist), entropy=mean(ent))
            roles.append(role)
    return roles


def compute(session):
    """Run the whole model on a session dict, return the dump v2 (numpy arrays inside)."""
    tokens, d_model, heads = session["tokens"], session["d_model"], session["heads"]
    n = len(tokens)
    dump = {"format": "attnviz-dump", "version": 2, "tokens": tokens}
    E = None
    if "vocabulary" in session:
        ids = [session["vocabulary"].index(t) for t in tokens]
        check([session["vocabulary"][i] for i in ids] == tokens, "ids name the tokens")
        E = np.array(session["token_embeddings"], dtype=np.float64)
        X = E[ids]
        dump["ids"] = ids
    else:
        X = np.array(session["embeddings"], dtype=np.float64)
    P = positional(session["positional_encoding"], n, d_model)
    mask = mask_matrix(session["mask"], n)
    dump.update(n=n, d_model=d_model, heads=heads, d_k=d_model // heads,
                layers_count=len(session["layers"]), X=X, P=P, H_0=X + P, mask=mask)
    ablated = {tuple(p) for p in session.get("ablate", [])}
    H, layers = X + P, []
    for l, blk in enumerate(session["layers"]):
        out = block(session, l, blk, H, mask, ablated)
        layers.append({k: out[k] for k in LAYER_KEYS if k in out})
        H = out["output"]
    dump["layers"] = layers
    Hf = layer_norm(H, session["final_norm"]) if "final_norm" in session else H
    dump["final"] = Hf
    dump["rollout"] = rollout(layers, ablated, n)
    dump["head_roles"] = head_roles(tokens, layers, ablated)
    if "unembedding" in session:
        dump["top_k"] = predictions(session, Hf, E)
    return dump


def to_json(obj):
    """numpy arrays to nested lists; rejects non-finite or huge numbers."""
    if isinstance(obj, dict):
        return {k: to_json(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [to_json(v) for v in obj]
    if isinstance(obj, np.ndarray):
        if obj.dtype.kind == "f" and not (np.all(np.isfinite(obj)) and np.abs(obj).max(initial=0) < 1e6):
            raise Reject("huge numbers")
        return obj.tolist()
    return obj

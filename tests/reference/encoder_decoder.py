#!/usr/bin/env python3
"""The encoder–decoder Transformer of docs/transformers.md ("Encoder–decoder sessions") in
NumPy (float64): an independent reference for the engine's pass, written from the document.

compute(session) takes a session v2 dict with an "encoder" object and every weight given
(as --save-session writes it) and returns what dump v2 holds for it: the decoder's blocks,
each with its cross-attention, and "encoder" with the encoder's own pass. The v1 attention
steps (score, normalisation, the mask) come from make_fixtures.py, the v1 reference; layer
norm and the activations from model_v2.py, the v2 reference. No engine code is used.
"""
import numpy as np

from make_fixtures import mask_matrix, normalize, score
from model_v2 import activation, layer_norm, positional


def vec(obj, key, size, default):
    return np.array(obj[key], dtype=np.float64) if key in obj else np.full(size, default)


def attention(session, att, queries, memory, mask, ablated_heads=()):
    """MHA with Q from `queries` (n × d_model) and K, V from `memory` (m × d_model)."""
    heads, d_model = session["heads"], session["d_model"]
    d_k = d_model // heads
    results, zs = [], []
    for h in range(heads):
        def proj(name, x):
            b = np.array(att["b_" + name][h]) if "b_" + name in att else np.zeros(d_k)
            return x @ np.array(att["W_" + name][h]) + b
        q, k, v = proj("Q", queries), proj("K", memory), proj("V", memory)
        w = att["additive_w"][h] if session["score"] == "additive" else None
        raw = score(session["score"], q, k, w)
        a = normalize(session["normalizer"], raw, session["temperature"], mask)
        z = np.zeros_like(q) if h in ablated_heads else a @ v
        zs.append(z)
        results.append({"Q": q, "K": k, "V": v, "raw_scores": raw,
                        "scores": raw / session["temperature"], "weights": a, "output": z})
    concat = np.hstack(zs)
    return results, concat, concat @ np.array(att["W_O"]) + vec(att, "b_O", d_model, 0.0)


def sublayer(blk, x, norm_params, compute):
    """(x +) f(LN(x)) for pre, LN(x + f(x)) for post, x + f(x) for none; returns (ln, out)."""
    norm, residual = blk.get("norm", "none"), blk.get("residual", True)
    ln = None
    inner = x
    if norm == "pre":
        ln = inner = layer_norm(x, norm_params)
    y = compute(inner)
    out = x + y if residual else y
    if norm == "post":
        ln = out = layer_norm(out, norm_params)
    return ln, out


def block(session, l, blk, h, mask, memory, ablated, cross_ablated):
    out = {"input": h}
    store = {}

    def self_attention(x):
        heads, concat, o = attention(session, blk["attention"], x, x, mask,
                                     {hd for (b, hd) in ablated if b == l})
        store.update(head_results=heads, concat=concat, attention_output=o)
        return o

    ln1, m = sublayer(blk, h, blk["ln1"], self_attention)
    out.update(store)
    if ln1 is not None:
        out["ln1"] = ln1
    out["after_attention"] = m
    if memory is not None:
        cross = {}

        def cross_attention(x):
            every = np.ones((x.shape[0], memory.shape[0]), dtype=int)
            heads, concat, o = attention(session, blk["cross_attention"], x, memory, every,
                                         {hd for (b, hd) in cross_ablated if b == l})
            cross.update(cross_head_results=heads, cross_concat=concat, cross_output=o)
            return o

        ln_c, m = sublayer(blk, m, blk["ln_cross"], cross_attention)
        out.update(cross)
        if ln_c is not None:
            out["ln_cross"] = ln_c
        out["after_cross"] = m
    if "ffn" not in blk:
        out["output"] = m
        return out
    ffn = blk["ffn"]
    w1, w2 = np.array(ffn["W_1"]), np.array(ffn["W_2"])

    def feed_forward(x):
        hidden = activation(ffn["activation"], x @ w1 + vec(ffn, "b_1", w1.shape[1], 0.0))
        f = hidden @ w2 + vec(ffn, "b_2", w2.shape[1], 0.0)
        out.update(ffn_hidden=hidden, ffn_output=f)
        return f

    ln2, hout = sublayer(blk, m, blk["ln2"], feed_forward)
    if ln2 is not None:
        out["ln2"] = ln2
    out["output"] = hout
    return out


def stack(session, part, memory, ablated, cross_ablated=()):
    """The embeddings, blocks and final state of `part` (the session or its encoder)."""
    tokens = part["tokens"]
    n, d_model = len(tokens), session["d_model"]
    dump = {"tokens": tokens, "n": n}
    if "vocabulary" in part:
        ids = [part["vocabulary"].index(t) for t in tokens]
        x = np.array(part["token_embeddings"], dtype=np.float64)[ids]
        dump["ids"] = ids
    else:
        x = np.array(part["embeddings"], dtype=np.float64)
    p = positional(part["positional_encoding"], n, d_model)
    mask = mask_matrix(part["mask"], n)
    dump.update(X=x, P=p, H_0=x + p, mask=mask)
    h, layers = x + p, []
    for l, blk in enumerate(part["layers"]):
        out = block(session, l, blk, h, mask, memory, ablated, cross_ablated)
        layers.append(out)
        h = out["output"]
    dump["layers"] = layers
    dump["final"] = layer_norm(h, part["final_norm"]) if "final_norm" in part else h
    return dump


def compute(session):
    """Dump v2 of an encoder–decoder session: the decoder's pass, and its "encoder"."""
    encoder = dict(session["encoder"])
    for name in ("score", "temperature", "normalizer"):
        encoder.setdefault(name, session[name])
    def pairs(obj, name):
        return {tuple(p) for p in obj.get(name, [])}

    encoded = stack(session, encoder, None, pairs(encoder, "ablate"))
    dump = stack(session, session, encoded["final"], pairs(session, "ablate"),
                 pairs(session, "cross_ablate"))
    dump["encoder"] = encoded
    return dump

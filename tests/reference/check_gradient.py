#!/usr/bin/env python3
"""The training gradient of engine/train/gradient.h against an independent one: a small
reverse-mode autodiff in NumPy (Tensor below: each operation records how to pass its
gradient back), the model of transformer.md written with it, and the loss of docs/training.md
(the summed cross-entropy of the asked positions). No backward formula is shared with the
engine: the chain rule here is the tape's, operation by operation.

Each case is a session attnviz writes with every weight (--save-session), whose weights this
script then perturbs at random, so that no gain is 1 and no bias 0.

Usage: check_gradient.py GRADIENT_SAMPLE ATTNVIZ
"""
import json
import math
import os
import subprocess
import sys
import tempfile

import numpy as np

SAMPLE, ATTNVIZ = sys.argv[1:3]
_erf = np.vectorize(math.erf, otypes=[np.float64])


class Tensor:
    """A value and, after backward(), its gradient; parents and a rule to pass it back."""

    def __init__(self, value, parents=(), rule=None):
        self.value = np.asarray(value, dtype=np.float64)
        self.grad = np.zeros_like(self.value)
        self.parents, self.rule = parents, rule

    def backward(self):
        order, seen = [], set()

        def visit(t):
            if id(t) not in seen:
                seen.add(id(t))
                for p in t.parents:
                    visit(p)
                order.append(t)
        visit(self)
        self.grad = np.ones_like(self.value)
        for t in reversed(order):
            if t.rule:
                for p, g in zip(t.parents, t.rule(t.grad)):
                    p.grad = p.grad + unbroadcast(g, p.value.shape)

    def __add__(self, o):
        o = lift(o)
        return Tensor(self.value + o.value, (self, o), lambda g: (g, g))

    def __sub__(self, o):
        o = lift(o)
        return Tensor(self.value - o.value, (self, o), lambda g: (g, -g))

    def __mul__(self, o):
        o = lift(o)
        return Tensor(self.value * o.value, (self, o), lambda g: (g * o.value, g * self.value))

    def __truediv__(self, o):
        o = lift(o)
        return Tensor(self.value / o.value, (self, o),
                      lambda g: (g / o.value, -g * self.value / o.value ** 2))

    def __matmul__(self, o):
        return Tensor(self.value @ o.value, (self, o),
                      lambda g: (g @ o.value.T, self.value.T @ g))

    @property
    def T(self):
        return Tensor(self.value.T, (self,), lambda g: (g.T,))

    def sum(self, axis=None, keepdims=False):
        shape = self.value.shape
        return Tensor(self.value.sum(axis=axis, keepdims=keepdims), (self,),
                      lambda g: (np.broadcast_to(g if keepdims or axis is None
                                                 else np.expand_dims(g, axis), shape),))

    def mean(self, axis):
        return self.sum(axis, keepdims=True) * (1.0 / self.value.shape[axis])

    def map(self, f, slope):
        """An elementwise function and its derivative."""
        return Tensor(f(self.value), (self,), lambda g: (g * slope(self.value),))

    def rows(self, index):
        def rule(g):
            out = np.zeros_like(self.value)
            np.add.at(out, index, g)
            return (out,)
        return Tensor(self.value[index], (self,), rule)

    def cols(self, start, stop):
        def rule(g):
            out = np.zeros_like(self.value)
            out[:, start:stop] = g
            return (out,)
        return Tensor(self.value[:, start:stop], (self,), rule)


def lift(x):
    return x if isinstance(x, Tensor) else Tensor(x)


def unbroadcast(g, shape):
    while g.ndim > len(shape):
        g = g.sum(axis=0)
    for i, size in enumerate(shape):
        if size == 1 and g.shape[i] != 1:
            g = g.sum(axis=i, keepdims=True)
    return g


def hstack(parts):
    widths = np.cumsum([0] + [p.value.shape[1] for p in parts])
    return Tensor(np.hstack([p.value for p in parts]), tuple(parts),
                  lambda g: tuple(g[:, widths[i]:widths[i + 1]] for i in range(len(parts))))


def exp(t):
    return t.map(np.exp, np.exp)


def log(t):
    return t.map(np.log, lambda x: 1 / x)


def sqrt(t):
    return t.map(np.sqrt, lambda x: 0.5 / np.sqrt(x))


def activation(kind, x):
    if kind == "relu":
        return x.map(lambda v: np.maximum(v, 0), lambda v: (v > 0).astype(float))
    if kind == "gelu":
        cdf = lambda v: 0.5 * (1 + _erf(v / math.sqrt(2)))  # noqa: E731
        return x * x.map(cdf, lambda v: np.exp(-v * v / 2) / math.sqrt(2 * math.pi))
    c = math.sqrt(2 / math.pi)
    inner = (x + x * x * x * 0.044715) * c
    return x * 0.5 * (inner.map(np.tanh, lambda v: 1 - np.tanh(v) ** 2) + 1)


# ------------------------------------------------------------ the model, with the tape

def layer_norm(x, p):
    centred = x - x.mean(1)
    var = (centred * centred).mean(1)
    return centred / sqrt(var + p["eps"]) * p["gain"] + p["bias"]


def mask_of(session, n):
    kind, r = session["mask"]["kind"], session["mask"].get("radius", 1)
    i, j = np.arange(n)[:, None], np.arange(n)[None, :]
    return {"none": np.ones((n, n)), "causal": (j <= i) * 1.0,
            "window": (abs(i - j) <= r) * 1.0,
            "causal_window": ((j <= i) & (i - j <= r)) * 1.0}[kind]


def softmax_rows(s, mask):
    shifted = s - np.where(mask > 0, s.value, -np.inf).max(axis=1, keepdims=True)  # a constant
    e = exp(shifted) * mask
    return e / e.sum(1, keepdims=True)


def attention(session, l, p, y, mask):
    heads, d = session["heads"], session["d_model"]
    dk = d // heads
    c = (1 / math.sqrt(dk) if session["score"] == "scaled_dot" else 1) / session["temperature"]
    zs = []
    for h in range(heads):
        q = y @ p["W_Q"][h] + p["b_Q"][h]
        k = y @ p["W_K"][h] + p["b_K"][h]
        v = y @ p["W_V"][h] + p["b_V"][h]
        a = softmax_rows((q @ k.T) * c, mask)
        z = a @ v
        zs.append(z * 0.0 if [l, h] in session.get("ablate", []) else z)
    return hstack(zs) @ p["W_O"] + p["b_O"]


def loss_of(session, params, targets):
    n = len(session["tokens"])
    vocab = session["vocabulary"]
    ids = [vocab.index(t) for t in session["tokens"]]
    h = params["token_embeddings"].rows(ids)
    if session["positional_encoding"]["kind"] == "learned":
        h = h + params["positions"].rows(list(range(n)))
    elif session["positional_encoding"]["kind"] == "sinusoidal":
        h = h + np.array(sinusoidal(n, session["d_model"], session["positional_encoding"]))
    mask = mask_of(session, n)
    for l, blk in enumerate(session["layers"]):
        p = params["layers"][l]
        norm, res = blk.get("norm", "none"), blk.get("residual", True)
        plus = (lambda a, b: a + b) if res else (lambda a, b: b)
        m = plus(h, attention(session, l, p, layer_norm(h, p["ln1"]) if norm == "pre" else h, mask))
        if norm == "post":
            m = layer_norm(m, p["ln1"])
        if "ffn" in blk:
            f_in = layer_norm(m, p["ln2"]) if norm == "pre" else m
            f = activation(blk["ffn"]["activation"], f_in @ p["W_1"] + p["b_1"]) @ p["W_2"] + p["b_2"]
            m = plus(m, f)
            if norm == "post":
                m = layer_norm(m, p["ln2"])
        h = m
    if "final_norm" in params:
        h = layer_norm(h, params["final_norm"])
    u = params["token_embeddings"].T if session["unembedding"] == "tied" else params["unembedding"]
    logits = h @ u + params["b_U"]
    asked = [i for i, t in enumerate(targets) if t >= 0]
    rows = logits.rows(asked)
    top = rows.value.max(axis=1, keepdims=True)
    lse = log(exp(rows - top).sum(1, keepdims=True)) + top
    picked = (rows * np.eye(len(vocab))[[targets[i] for i in asked]]).sum(1, keepdims=True)
    return (lse - picked).sum()


def sinusoidal(n, d, pe):
    base = pe.get("base", 10000)
    out = np.zeros((n, d))
    for pos in range(n):
        for i in range(0, d, 2):
            out[pos, i] = math.sin(pos / base ** (i / d))
            if i + 1 < d:
                out[pos, i + 1] = math.cos(pos / base ** (i / d))
    return out


# ------------------------------------------------------------ sessions and their weights

def norm_params(ln, d):
    return {"gain": Tensor(ln.get("gain", [1.0] * d)), "bias": Tensor(ln.get("bias", [0.0] * d)),
            "eps": ln.get("eps", 1e-5)}


def parameters(s):
    """Leaf tensors of every weight of a full session (as --save-session writes it)."""
    d, heads = s["d_model"], s["heads"]
    dk = d // heads
    out = {"token_embeddings": Tensor(s["token_embeddings"]), "layers": []}
    if s["positional_encoding"]["kind"] == "learned":
        out["positions"] = Tensor(s["positional_encoding"]["matrix"])
    for blk in s["layers"]:
        a = blk["attention"]
        p = {key: [Tensor(m) for m in a[key]] for key in ("W_Q", "W_K", "W_V")}
        for key in ("b_Q", "b_K", "b_V"):
            p[key] = [Tensor(b) for b in a.get(key, [[0.0] * dk] * heads)]
        p["W_O"], p["b_O"] = Tensor(a["W_O"]), Tensor(a.get("b_O", [0.0] * d))
        p["ln1"], p["ln2"] = norm_params(blk.get("ln1", {}), d), norm_params(blk.get("ln2", {}), d)
        if "ffn" in blk:
            f = blk["ffn"]
            p.update(W_1=Tensor(f["W_1"]), W_2=Tensor(f["W_2"]),
                     b_1=Tensor(f.get("b_1", [0.0] * len(f["W_1"][0]))),
                     b_2=Tensor(f.get("b_2", [0.0] * d)))
        out["layers"].append(p)
    if "final_norm" in s:
        out["final_norm"] = norm_params(s["final_norm"], d)
    if s["unembedding"] != "tied":
        out["unembedding"] = Tensor(s["unembedding"])
    out["b_U"] = Tensor(s.get("b_U", [0.0] * len(s["vocabulary"])))
    return out


def pairs(p, g, s, path="", norm_used=None):
    """(name, autodiff gradient, the engine's) of every trained weight, the engine's read from
    its gradient session g in the same places as the weights in s."""
    yield "token_embeddings", p["token_embeddings"].grad, g["token_embeddings"]
    if "positions" in p:
        yield "positions", p["positions"].grad, g["positional_encoding"]["matrix"]
    for l, (blk, gb) in enumerate(zip(p["layers"], g["layers"])):
        norm = s["layers"][l].get("norm", "none")
        for key in ("W_Q", "W_K", "W_V", "b_Q", "b_K", "b_V"):
            for h, t in enumerate(blk[key]):
                yield f"layers[{l}].{key}[{h}]", t.grad, gb["attention"].get(key, [[0.0]])[h]
        yield f"layers[{l}].W_O", blk["W_O"].grad, gb["attention"]["W_O"]
        yield f"layers[{l}].b_O", blk["b_O"].grad, gb["attention"].get("b_O", 0.0)
        used = ["ln1"] + (["ln2"] if "W_1" in blk else []) if norm != "none" else []
        for ln in used:
            for key in ("gain", "bias"):
                yield f"layers[{l}].{ln}.{key}", blk[ln][key].grad, gb[ln][key]
        if "W_1" in blk:
            for key in ("W_1", "b_1", "W_2", "b_2"):
                yield f"layers[{l}].ffn.{key}", blk[key].grad, gb["ffn"].get(key, 0.0)
    if "final_norm" in p:
        for key in ("gain", "bias"):
            yield f"final_norm.{key}", p["final_norm"][key].grad, g["final_norm"][key]
    if "unembedding" in p:
        yield "unembedding", p["unembedding"].grad, g["unembedding"]
    yield "b_U", p["b_U"].grad, g.get("b_U", 0.0)


def perturb(obj, rng, skip=("eps", "base", "radius", "temperature", "seed", "d_model", "heads",
                             "d_ff", "version", "steps", "length", "batch", "ablate")):
    """Every weight + N(0, 0.3²), in place."""
    if isinstance(obj, dict):
        for k, v in obj.items():
            if k in skip or k == "training":
                continue
            if isinstance(v, (int, float)) and not isinstance(v, bool):
                obj[k] = v + rng.normal(0, 0.3)
            else:
                perturb(v, rng)
    elif isinstance(obj, list):
        for i, v in enumerate(obj):
            if isinstance(v, float) or (isinstance(v, int) and not isinstance(v, bool)):
                obj[i] = v + rng.normal(0, 0.3)
            else:
                perturb(v, rng)


def full_session(spec, directory, name):
    """attnviz --save-session of spec: every weight written out."""
    src, out = os.path.join(directory, name + ".spec.json"), os.path.join(directory, name + ".attn.json")
    with open(src, "w", encoding="utf-8") as f:
        json.dump(spec, f)
    subprocess.run([ATTNVIZ, "--headless", src, "--save-session", out], check=True)
    with open(out, encoding="utf-8") as f:
        return json.load(f)


def case_specs():
    vocab = ["<s>", "a", "b", "c", "d", "e"]
    base = {"format": "attnviz-session", "version": 2, "d_model": 4, "heads": 2, "seed": 3,
            "vocabulary": vocab, "tokens": ["<s>", "a", "c", "b", "a", "c"]}
    learned = {"kind": "learned", "matrix": [[0.1 * (i - j) for j in range(4)] for i in range(6)]}
    yield "pre_ffn_gelu_tanh_tied", dict(
        base, positional_encoding=learned, mask={"kind": "causal"}, final_norm={},
        unembedding="tied",
        layers=[{"norm": "pre", "ffn": {"d_ff": 6, "activation": "gelu_tanh"}}] * 2)
    yield "post_gelu_sinusoidal_temperature", dict(
        base, mask={"kind": "causal"}, temperature=0.8, unembedding="tied",
        layers=[{"norm": "post", "ffn": {"d_ff": 5, "activation": "gelu"}},
                {"norm": "post"}])
    yield "none_relu_no_residual_dot_window_ablated_matrix", dict(
        base, positional_encoding=learned, score="dot", mask={"kind": "causal_window", "radius": 2},
        unembedding=[[0.2 * (i + j) - 0.5 for j in range(6)] for i in range(4)], ablate=[[1, 0]],
        layers=[{"norm": "none", "residual": False, "ffn": {"d_ff": 6, "activation": "relu"}},
                {"norm": "none"}])


def main():
    rng = np.random.default_rng(17)
    targets = [1, -1, 2, 3, 5, 0]
    failures = 0
    with tempfile.TemporaryDirectory() as directory:
        for name, spec in case_specs():
            s = full_session(spec, directory, name)
            perturb(s, rng)
            path = os.path.join(directory, name + ".perturbed.attn.json")
            with open(path, "w", encoding="utf-8") as f:
                json.dump(s, f)
            out = subprocess.run([SAMPLE, path, ",".join(map(str, targets))], check=True,
                                 capture_output=True, text=True).stdout
            g = json.loads(out)
            params = parameters(s)
            loss = loss_of(s, params, targets)
            loss.backward()
            if not math.isclose(loss.value, g["training"]["loss"], rel_tol=1e-10):
                print(f"{name}: loss {g['training']['loss']} vs NumPy {loss.value}")
                failures += 1
            compared = 0
            for what, ours, engine in pairs(params, g, s):
                engine = np.broadcast_to(np.asarray(engine, dtype=np.float64), ours.shape)
                compared += ours.size
                if not np.allclose(engine, ours, rtol=1e-8, atol=1e-10):
                    print(f"{name}: {what}: engine {engine.ravel()[:4]} vs NumPy {ours.ravel()[:4]}")
                    failures += 1
            nonzero = sum(np.count_nonzero(np.abs(o) > 1e-8) for _, o, _ in pairs(params, g, s))
            print(f"{name}: {compared} numbers compared, {nonzero} of them nonzero, loss {loss.value:.6f}")
            if nonzero < compared // 2:
                print(f"{name}: too few nonzero gradients for the check to mean anything")
                failures += 1
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()

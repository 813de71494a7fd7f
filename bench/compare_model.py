#!/usr/bin/env python3
"""Times attnviz-bench's BM_ModelForward (float32) and BM_ModelForward64 against the same
GPT-2-shaped pass in NumPy and PyTorch, in the same run, one thread each by default, and
prints the ratios (see README.md). Run with Debian's /usr/bin/python3; PyTorch
(python3-torch) is optional and skipped when missing.

    /usr/bin/python3 bench/compare_model.py --bench build/bin/attnviz-bench

The work is the engine's: pre-norm blocks (LN, Q K V with biases, causal scaled-dot
softmax, W_O, residual, LN, FFN of 4·d_model with tanh GELU, residual), a final norm and a
tied unembedding, every intermediate kept (each head's Q, K, V, scores and weights), then
the logits of every token with each row's softmax and top 10, as the predictions panel
needs them for any token.
"""

import argparse
import json
import math
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare import child_env, clock_for, time_call  # noqa: E402

# (layers, d_model, heads, n) of BM_ModelForward; the vocabulary as the benchmark takes it.
SHAPES = [(4, 128, 4, 64), (12, 768, 12, 128)]
BENCHMARKS = {"float32": "BM_ModelForward", "float64": "BM_ModelForward64"}


def vocabulary(d):
    return 50257 if d >= 768 else 64


def model_pass(lib, layers, d, heads, n, dtype):
    """The pass in NumPy (lib "numpy") or PyTorch (lib "torch"), random weights."""
    import numpy as np

    dt = np.dtype(dtype)
    rng = np.random.default_rng(7)
    dk, dff, v = d // heads, 4 * d, vocabulary(d)

    def w(*shape):
        return (rng.standard_normal(shape) * shape[0] ** -0.5).astype(dt)

    blocks = [dict(wq=w(d, d), wk=w(d, d), wv=w(d, d), wo=w(d, d), w1=w(d, dff), w2=w(dff, d),
                   b=np.zeros(d, dt), g=np.ones(d, dt), b1=np.zeros(dff, dt))
              for _ in range(layers)]
    emb = w(v, d)
    final_gain, final_bias = np.ones(d, dt), np.zeros(d, dt)
    ids = (np.arange(n) * 7919) % v
    pos = np.arange(n)[:, None] * (10000.0 ** (-(2 * (np.arange(d) // 2)) / d))[None, :]
    pe = np.where(np.arange(d) % 2 == 0, np.sin(pos), np.cos(pos)).astype(dt)
    if lib == "torch":
        import torch

        t = {k: torch.from_numpy(a) for k, a in dict(emb=emb, pe=pe, g=final_gain, b=final_bias).items()}
        tb = [{k: torch.from_numpy(a) for k, a in b.items()} for b in blocks]
        tids = torch.from_numpy(ids)
        mask = torch.ones(n, n, dtype=torch.bool).tril()

        def ln(x, g, b):
            return torch.nn.functional.layer_norm(x, (d,), g, b, 1e-5)

        def run():
            with torch.inference_mode():
                h = t["emb"][tids] + t["pe"]
                kept = []
                for b in tb:
                    x = ln(h, b["g"], b["b"])
                    q, k, val = x @ b["wq"] + b["b"], x @ b["wk"] + b["b"], x @ b["wv"] + b["b"]
                    zs = []
                    for hd in range(heads):
                        sl = slice(hd * dk, (hd + 1) * dk)
                        s = (q[:, sl] @ k[:, sl].T) / math.sqrt(dk)
                        a = torch.softmax(s.masked_fill(~mask, -math.inf), dim=1)
                        zs.append(a @ val[:, sl])
                        kept.append((s, a))
                    m = h + torch.cat(zs, dim=1) @ b["wo"] + b["b"]
                    f = torch.nn.functional.gelu(ln(m, b["g"], b["b"]) @ b["w1"] + b["b1"],
                                                 approximate="tanh")
                    h = m + f @ b["w2"] + b["b"]
                    kept.append((m, f))
                logits = ln(h, t["g"], t["b"]) @ t["emb"].T
                p = torch.softmax(logits, dim=1)
                return torch.topk(p, 10, dim=1)

        return run

    tri = np.tril(np.ones((n, n), dtype=bool))

    def ln(x, g, b):
        mu = x.mean(axis=1, keepdims=True)
        c = x - mu
        return c / np.sqrt((c * c).mean(axis=1, keepdims=True) + dt.type(1e-5)) * g + b

    def gelu(x):
        c = dt.type(math.sqrt(2 / math.pi))
        return dt.type(0.5) * x * (1 + np.tanh(c * (x + dt.type(0.044715) * x * x * x)))

    def softmax(s, axis=1):
        e = np.exp(s - s.max(axis=axis, keepdims=True))
        return e / e.sum(axis=axis, keepdims=True)

    def run():
        h = emb[ids] + pe
        kept = []
        for b in blocks:
            x = ln(h, b["g"], b["b"])
            q, k, val = x @ b["wq"] + b["b"], x @ b["wk"] + b["b"], x @ b["wv"] + b["b"]
            zs = []
            for hd in range(heads):
                sl = slice(hd * dk, (hd + 1) * dk)
                s = (q[:, sl] @ k[:, sl].T) / dt.type(math.sqrt(dk))
                a = softmax(np.where(tri, s, -np.inf))
                zs.append(a @ val[:, sl])
                kept.append((s, a))
            m = h + np.concatenate(zs, axis=1) @ b["wo"] + b["b"]
            f = gelu(ln(m, b["g"], b["b"]) @ b["w1"] + b["b1"])
            h = m + f @ b["w2"] + b["b"]
            kept.append((m, f))
        p = softmax(ln(h, final_gain, final_bias) @ emb.T)
        return np.argpartition(-p, 10, axis=1)[:, :10]

    return run


def worker(lib, threads, min_time, dtype):
    if lib == "torch":
        try:
            import torch
        except ImportError:
            print(json.dumps(None))
            return
        torch.set_num_threads(threads)
    clock = clock_for(threads)
    print(json.dumps({"/".join(map(str, s)): time_call(model_pass(lib, *s, dtype), min_time, clock)
                      for s in SHAPES}))


def run_python(lib, threads, min_time, dtype):
    out = subprocess.run([sys.executable, __file__, "--worker", lib, "--threads", str(threads),
                          "--min-time", str(min_time), "--dtype", dtype],
                         env=child_env(threads, "keep"), check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def run_bench(bench, threads, min_time):
    out = subprocess.run(
        [bench, "--benchmark_filter=^BM_ModelForward(64)?/", "--benchmark_format=json",
         f"--benchmark_min_time={min_time}", "--benchmark_repetitions=3",
         "--benchmark_report_aggregates_only=true"],
        env=child_env(threads, "keep"), check=True, capture_output=True, text=True)
    units = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
    results = {}
    for b in json.loads(out.stdout)["benchmarks"]:
        if b.get("aggregate_name") == "median":
            name = b["name"].split("/real_time")[0]
            results[name] = (b[f"{clock_for(threads)}_time"] * units[b["time_unit"]], b.get("MB", 0))
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--bench", default=os.path.join(root, "build", "bin", "attnviz-bench"))
    parser.add_argument("--min-time", type=float, default=1.0, help="seconds per measurement")
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--dtype", choices=["float32", "float64"], default="float32")
    parser.add_argument("--worker", choices=["numpy", "torch"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.threads, args.min_time, args.dtype)
        return 0
    engine = run_bench(args.bench, args.threads, args.min_time)
    peers = {lib: run_python(lib, args.threads, args.min_time, args.dtype) for lib in ("numpy", "torch")}
    print(f"{args.dtype}, {args.threads} thread(s), ms ({clock_for(args.threads)} time); "
          "ratio = attnviz / faster peer (≤ 1: attnviz as fast or faster)")
    print(f"{'layers/d/heads/n':>18} {'attnviz':>10} {'NumPy':>10} {'PyTorch':>10} {'ratio':>7} {'MB kept':>8}")
    for s in SHAPES:
        key = "/".join(map(str, s))
        name = (f"{BENCHMARKS[args.dtype]}/layers:{s[0]}/d_model:{s[1]}/heads:{s[2]}/n:{s[3]}")
        seconds, mb = engine[name]
        numpy_s = peers["numpy"][key]
        torch_s = (peers["torch"] or {}).get(key)
        best = min(t for t in (numpy_s, torch_s) if t)
        torch_ms = f"{torch_s * 1e3:10.1f}" if torch_s else f"{'-':>10}"
        print(f"{key:>18} {seconds * 1e3:10.1f} {numpy_s * 1e3:10.1f} {torch_ms} "
              f"{seconds / best:7.2f} {mb:8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

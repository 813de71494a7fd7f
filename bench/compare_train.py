#!/usr/bin/env python3
"""Times attnviz-bench's BM_TrainStep against the same training step in PyTorch, in the same
run and on one thread, and prints steps per second and their ratio (docs/training.md,
bench/README.md). Run with Debian's /usr/bin/python3 and python3-torch:

    /usr/bin/python3 bench/compare_train.py --bench build/bin/attnviz-bench

The step is the induction task's default model (2 pre-norm blocks of 2 heads, d_model 32,
no FFN, learned positions, a causal mask, a final norm, a separate unembedding with its
bias, biases in Q, K, V and W_O), a batch of 16 sequences of 17 tokens with 8 targets each:
the forward pass, the mean cross-entropy of the targets, the backward pass and one Adam
step (lr 0.003). PyTorch runs in float32 as a user would, and in float64, the engine's
precision; it takes the batch as one tensor, the engine one sequence after another.
"""

import argparse
import json
import math
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from compare import child_env, clock_for, time_call  # noqa: E402

LAYERS, D, HEADS, N, VOCAB, BATCH, LENGTH = 2, 32, 2, 17, 11, 16, 8


def torch_step(dtype):
    import torch

    torch.manual_seed(1)
    dt = getattr(torch, dtype)
    dk = D // HEADS

    def p(*shape, scale=None):
        w = torch.randn(*shape, dtype=dt) * (scale if scale is not None else shape[0] ** -0.5)
        return w.requires_grad_()

    params = {"emb": p(VOCAB, D, scale=1.0), "pos": p(N, D, scale=0.3),
              "gf": torch.ones(D, dtype=dt, requires_grad=True),
              "bf": torch.zeros(D, dtype=dt, requires_grad=True),
              "U": p(D, VOCAB), "bU": torch.zeros(VOCAB, dtype=dt, requires_grad=True)}
    for l in range(LAYERS):
        for name in ("wq", "wk", "wv", "wo"):
            params[f"{name}{l}"] = p(D, D)
        for name in ("bq", "bk", "bv", "bo", "b1"):
            params[f"{name}{l}"] = torch.zeros(D, dtype=dt, requires_grad=True)
        params[f"g1{l}"] = torch.ones(D, dtype=dt, requires_grad=True)
    opt = torch.optim.Adam(params.values(), lr=3e-3)
    mask = torch.ones(N, N, dtype=torch.bool).tril()
    gen = torch.Generator().manual_seed(2)

    def batch():
        s = torch.stack([torch.randperm(10, generator=gen)[:LENGTH] + 1 for _ in range(BATCH)])
        ids = torch.cat([torch.zeros(BATCH, 1, dtype=torch.long), s, s], dim=1)  # <s> s s
        targets = torch.full((BATCH, N), -100, dtype=torch.long)
        targets[:, N - LENGTH - 1:N - 1] = ids[:, N - LENGTH:]
        return ids, targets

    def ln(x, g, b):
        return torch.nn.functional.layer_norm(x, (D,), g, b, 1e-5)

    def step():
        ids, targets = batch()
        h = params["emb"][ids] + params["pos"]
        for l in range(LAYERS):
            x = ln(h, params[f"g1{l}"], params[f"b1{l}"])
            q = (x @ params[f"wq{l}"] + params[f"bq{l}"]).view(BATCH, N, HEADS, dk).transpose(1, 2)
            k = (x @ params[f"wk{l}"] + params[f"bk{l}"]).view(BATCH, N, HEADS, dk).transpose(1, 2)
            v = (x @ params[f"wv{l}"] + params[f"bv{l}"]).view(BATCH, N, HEADS, dk).transpose(1, 2)
            s = (q @ k.transpose(-1, -2)) / math.sqrt(dk)
            a = torch.softmax(s.masked_fill(~mask, -math.inf), dim=-1)
            z = (a @ v).transpose(1, 2).reshape(BATCH, N, D)
            h = h + z @ params[f"wo{l}"] + params[f"bo{l}"]
        logits = ln(h, params["gf"], params["bf"]) @ params["U"] + params["bU"]
        loss = torch.nn.functional.cross_entropy(logits.view(-1, VOCAB), targets.view(-1))
        opt.zero_grad()
        loss.backward()
        opt.step()
        return loss

    return step


def worker(dtype, min_time):
    try:
        import torch
    except ImportError:
        print(json.dumps(None))
        return
    torch.set_num_threads(1)
    print(json.dumps(time_call(torch_step(dtype), min_time, clock_for(1))))


def run_bench(bench, min_time):
    out = subprocess.run(
        [bench, "--benchmark_filter=^BM_TrainStep/", "--benchmark_format=json",
         f"--benchmark_min_time={min_time}", "--benchmark_repetitions=3",
         "--benchmark_report_aggregates_only=true"],
        env=child_env(1, "keep"), check=True, capture_output=True, text=True)
    units = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
    for b in json.loads(out.stdout)["benchmarks"]:
        if b.get("aggregate_name") == "median":
            return b["cpu_time"] * units[b["time_unit"]]
    raise SystemExit("BM_TrainStep did not run")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bench")
    ap.add_argument("--min-time", type=float, default=2.0)
    ap.add_argument("--worker")
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--dtype", default="float32")
    args = ap.parse_args()
    if args.worker:
        worker(args.dtype, args.min_time)
        return
    ours = run_bench(args.bench, args.min_time)
    print(f"attnviz  (float64, one sequence at a time): {1 / ours:8.1f} steps/s")
    for dtype in ("float32", "float64"):
        out = subprocess.run([sys.executable, __file__, "--worker", "torch", "--dtype", dtype,
                              "--min-time", str(args.min_time)],
                             env=child_env(1, "keep"), check=True, capture_output=True, text=True)
        t = json.loads(out.stdout)
        if t is None:
            print("PyTorch: not installed (python3-torch), skipped")
            return
        print(f"PyTorch  ({dtype}, batched):               {1 / t:8.1f} steps/s"
              f"   attnviz / PyTorch = {t / ours:.2f}")


if __name__ == "__main__":
    main()

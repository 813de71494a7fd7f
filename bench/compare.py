#!/usr/bin/env python3
"""Times the attention pass of attnviz-bench's BM_ForwardFloat (float32, the default) or
BM_Forward (--dtype float64) in NumPy and PyTorch in the same precision, in the same run
as attnviz-bench itself, single-threaded and with every thread, and prints the ratios (see
README.md). Run with Debian's /usr/bin/python3 (NumPy); PyTorch (python3-torch) is
optional and skipped when missing.

    /usr/bin/python3 bench/compare.py --bench build/bin/attnviz-bench
"""

import argparse
import json
import math
import os
import subprocess
import sys
import time

# The sizes of BM_Forward: (n, d_model, heads).
SIZES = [(8, 16, 2), (64, 128, 4), (512, 768, 12), (2048, 256, 4)]
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
# --malloc keep: glibc keeps freed memory instead of returning every large block to the
# system, so that a pass does not pay a page fault per 4 KiB of its n × n matrices again
# (about 15 µs each on a virtual machine). Set for every framework alike.
KEEP_MEMORY = "glibc.malloc.mmap_max=0:glibc.malloc.trim_threshold=4294967295"


def pass_flops(n, d):
    return 8 * n * d * d + 4 * n * n * d


def clock_for(threads):
    """Single-threaded runs are timed in CPU time, which a machine shared with other jobs
    disturbs far less than wall time; runs on several threads in wall time (their point)."""
    return "cpu" if threads == 1 else "real"


def time_call(fn, min_time, clock):
    """Median seconds of fn() over at least 3 calls and min_time seconds (after a warm-up)."""
    now = time.process_time if clock == "cpu" else time.perf_counter
    fn()
    times = []
    start = time.perf_counter()
    while len(times) < 3 or time.perf_counter() - start < min_time:
        t0 = now()
        fn()
        times.append(now() - t0)
    times.sort()
    return times[len(times) // 2]


# The engine's benchmark of the pass in each precision.
BENCHMARK = {"float32": "BM_ForwardFloat", "float64": "BM_Forward"}


def numpy_pass(n, d, heads, dtype="float64"):
    """The pass as the engine does it: in dtype, causal mask, sinusoidal encoding, scaled
    dot, softmax, every intermediate kept (Q, K, V, raw scores, scores, weights, Z, row
    max and sum, entropy, mean distance, concat, O)."""
    import numpy as np

    dt = np.dtype(dtype)
    rng = np.random.default_rng(7)
    dk = d // heads
    x = rng.standard_normal((n, d)).astype(dt)
    wq = [(rng.standard_normal((d, dk)) * d ** -0.5).astype(dt) for _ in range(heads)]
    wk = [(rng.standard_normal((d, dk)) * d ** -0.5).astype(dt) for _ in range(heads)]
    wv = [(rng.standard_normal((d, dk)) * d ** -0.5).astype(dt) for _ in range(heads)]
    wo = np.eye(d, dtype=dt)
    temperature = dt.type(1.0)
    distance = np.abs(np.arange(n)[:, None] - np.arange(n)[None, :]).astype(dt)

    def run():
        pos = np.arange(n, dtype=dt)[:, None]
        omega = (10000.0 ** (-(2 * (np.arange(d) // 2)) / d)).astype(dt)
        angle = pos * omega[None, :]
        p = np.where(np.arange(d) % 2 == 0, np.sin(angle), np.cos(angle))
        x_in = x + p
        mask = np.tril(np.ones((n, n), dtype=bool))
        kept = []
        for h in range(heads):
            q, k, v = x_in @ wq[h], x_in @ wk[h], x_in @ wv[h]
            raw = (q @ k.T) / dt.type(math.sqrt(dk))
            s = raw / temperature
            row_max = np.where(mask, s, -np.inf).max(axis=1)
            e = np.where(mask, np.exp(s - row_max[:, None]), dt.type(0))
            row_sum = e.sum(axis=1)
            a = e / row_sum[:, None]
            z = a @ v
            with np.errstate(divide="ignore", invalid="ignore"):
                la = np.where(a > 0, a * np.log(a), dt.type(0))
            entropy = -la.sum(axis=1)
            mean_distance = (a * distance).sum(axis=1)
            kept.append((q, k, v, raw, s, a, z, row_max, row_sum, entropy, mean_distance))
        concat = np.concatenate([k_[6] for k_ in kept], axis=1)
        return concat @ wo

    return run


def torch_pass(n, d, heads, dtype="float64"):
    """numpy_pass in PyTorch (in dtype, no autograd)."""
    import torch

    g = torch.Generator().manual_seed(7)
    dk = d // heads
    dt = getattr(torch, dtype)  # the pass's dtype (float64 or float32)
    x = torch.randn(n, d, generator=g, dtype=dt)
    wq = [torch.randn(d, dk, generator=g, dtype=dt) * d ** -0.5 for _ in range(heads)]
    wk = [torch.randn(d, dk, generator=g, dtype=dt) * d ** -0.5 for _ in range(heads)]
    wv = [torch.randn(d, dk, generator=g, dtype=dt) * d ** -0.5 for _ in range(heads)]
    wo = torch.eye(d, dtype=dt)
    temperature = 1.0
    idx = torch.arange(n)
    distance = (idx[:, None] - idx[None, :]).abs().to(dt)

    def run():
        with torch.inference_mode():
            pos = torch.arange(n, dtype=dt)[:, None]
            omega = 10000.0 ** (-(2 * (torch.arange(d) // 2)).to(dt) / d)
            angle = pos * omega[None, :]
            p = torch.where(torch.arange(d) % 2 == 0, torch.sin(angle), torch.cos(angle))
            x_in = x + p
            mask = torch.ones(n, n, dtype=torch.bool).tril()
            kept = []
            for h in range(heads):
                q, k, v = x_in @ wq[h], x_in @ wk[h], x_in @ wv[h]
                raw = (q @ k.T) / math.sqrt(dk)
                s = raw / temperature
                row_max = s.masked_fill(~mask, -math.inf).amax(dim=1)
                e = torch.exp(s - row_max[:, None]).masked_fill(~mask, 0.0)
                row_sum = e.sum(dim=1)
                a = e / row_sum[:, None]
                z = a @ v
                entropy = -torch.special.xlogy(a, a).sum(dim=1)
                mean_distance = (a * distance).sum(dim=1)
                kept.append((q, k, v, raw, s, a, z, row_max, row_sum, entropy, mean_distance))
            concat = torch.cat([k_[6] for k_ in kept], dim=1)
            return concat @ wo

    return run


def worker(framework, threads, min_time, dtype):
    """Runs in a child whose thread variables were set before NumPy or PyTorch loaded."""
    if framework == "torch":
        try:
            import torch
        except ImportError:
            print(json.dumps(None))
            return
        torch.set_num_threads(threads)
        make = torch_pass
    else:
        make = numpy_pass
    clock = clock_for(threads)
    print(json.dumps({f"{n}/{d}/{h}": time_call(make(n, d, h, dtype), min_time, clock)
                      for n, d, h in SIZES}))


def child_env(threads, malloc):
    env = dict(os.environ)
    if malloc == "keep":
        env["GLIBC_TUNABLES"] = KEEP_MEMORY
    for name in THREAD_VARIABLES:
        env[name] = str(threads)
    env["ATTNVIZ_THREADS"] = str(threads)
    return env


def run_python(framework, threads, min_time, malloc, dtype):
    out = subprocess.run(
        [sys.executable, __file__, "--worker", framework, "--threads", str(threads),
         "--min-time", str(min_time), "--dtype", dtype],
        env=child_env(threads, malloc), check=True, capture_output=True, text=True)
    return json.loads(out.stdout)


def run_bench(bench, threads, min_time, malloc):
    """{name: (seconds per iteration, GFLOP/s)} from attnviz-bench's JSON, in the clock of
    clock_for(threads) (the benchmark's FLOPS counter is per wall second: recomputed)."""
    out = subprocess.run(
        [bench, "--benchmark_filter=^(BM_Forward|BM_ForwardFloat|BM_Gemm|BM_GemmBlas)/", "--benchmark_format=json",
         f"--benchmark_min_time={min_time}", "--benchmark_repetitions=3",
         "--benchmark_report_aggregates_only=true"],
        env=child_env(threads, malloc), check=True, capture_output=True, text=True)
    units = {"ns": 1e-9, "us": 1e-6, "ms": 1e-3, "s": 1.0}
    results = {}
    # The median of 3 repetitions: the first run of a large pass takes the page faults of
    # fresh memory, which NumPy's and PyTorch's warm-up call absorbs.
    for b in json.loads(out.stdout)["benchmarks"]:
        if b.get("aggregate_name") != "median":
            continue
        name = b["name"].split("/real_time")[0]
        seconds = b[f"{clock_for(threads)}_time"] * units[b["time_unit"]]
        flops = b.get("FLOPS", 0.0) * b["real_time"] * units[b["time_unit"]]
        results[name] = (seconds, flops / seconds)
    return results


def bench_key(name, n, d, h):
    return f"{name}/n:{n}/d_model:{d}/heads:{h}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    parser.add_argument("--bench", default=os.path.join(root, "build", "bin", "attnviz-bench"))
    parser.add_argument("--min-time", type=float, default=0.2, help="seconds per measurement")
    parser.add_argument("--threads", default=f"1,{os.cpu_count()}", help="thread counts to compare")
    parser.add_argument("--malloc", choices=["keep", "default"], default="keep",
                        help="glibc's handling of freed memory, for every framework alike")
    parser.add_argument("--json", help="also write every number to this file")
    parser.add_argument("--dtype", choices=["float32", "float64"], default="float32",
                        help="precision of every framework's pass (default float32)")
    parser.add_argument("--worker", choices=["numpy", "torch"], help=argparse.SUPPRESS)
    args = parser.parse_args()
    thread_counts = [int(t) for t in args.threads.split(",")]
    if args.worker:
        worker(args.worker, thread_counts[0], args.min_time, args.dtype)
        return 0

    everything = {}
    print(f"times in ms ({args.dtype}, attnviz's {BENCHMARK[args.dtype]}; median for Python, mean for attnviz-bench; CPU time for 1 thread,"
          " wall time for more); speed-up = faster of NumPy and PyTorch / attnviz")
    for threads in thread_counts:
        engine = run_bench(args.bench, threads, args.min_time, args.malloc)
        numpy_times = run_python("numpy", threads, args.min_time, args.malloc, args.dtype)
        torch_times = run_python("torch", threads, args.min_time, args.malloc, args.dtype)
        # The machine's SGEMM rate: the faster of Eigen's and OpenBLAS's, in this run.
        gemm = max(engine.get(f"{name}/n:512/k:768/m:768", (0, 0))[1]
                   for name in ("BM_Gemm", "BM_GemmBlas"))
        everything[threads] = {"attnviz": engine, "numpy": numpy_times, "torch": torch_times}
        print(f"\nthreads = {threads}" + ("" if torch_times else "  (PyTorch not installed: skipped)"))
        print(f"{'n/d_model/heads':>16} {'attnviz':>10} {'NumPy':>10} {'PyTorch':>10} "
              f"{'speed-up':>9} {'GFLOP/s':>8} {'of SP GEMM':>10}")
        for n, d, h in SIZES:
            key = f"{n}/{d}/{h}"
            seconds, flops = engine[bench_key(BENCHMARK[args.dtype], n, d, h)]
            best = min(t for t in (numpy_times[key], (torch_times or {}).get(key)) if t)
            torch_ms = f"{torch_times[key] * 1e3:10.3f}" if torch_times else f"{'-':>10}"
            fraction = f"{flops / gemm:10.0%}" if gemm else f"{'-':>10}"
            print(f"{key:>16} {seconds * 1e3:10.3f} {numpy_times[key] * 1e3:10.3f} {torch_ms} "
                  f"{best / seconds:8.1f}× {flops / 1e9:8.1f} {fraction}")
        eigen = engine.get("BM_Gemm/n:512/k:768/m:768", (0, 0))[1]
        blas = engine.get("BM_GemmBlas/n:512/k:768/m:768", (0, 0))[1]
        print(f"single-precision GEMM 512×768·768×768, {threads} thread(s): Eigen {eigen / 1e9:.1f}, "
              f"OpenBLAS {blas / 1e9:.1f} GFLOP/s (the faster is the rate of 'of SP GEMM')")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(everything, f, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())

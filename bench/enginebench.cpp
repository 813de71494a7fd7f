// The engine alone: the whole pass, the recompute after one weight edit, and the
// machine's own single-precision GEMM rate to measure the pass against.

#include "attention.h"
#include "benchsession.h"
#include "document.h"
#include "gemm.h"
#include "model.h"
#include "modelforward.h"

#include <Eigen/Dense>
#include <algorithm>
#include <benchmark/benchmark.h>
#include <thread>
#include <vector>

namespace {

/// BM_Forward/n/d_model/heads: attn::forward with every intermediate kept. FLOPS is the
/// rate of 8·n·d² + 4·n²·d operations per pass (attn::passFlops).
void BM_Forward(benchmark::State& state)
{
    const int n = static_cast<int>(state.range(0));
    const int d = static_cast<int>(state.range(1));
    const attn::Session session = bench::makeSession(n, d, static_cast<int>(state.range(2)));
    // One pass untimed, as compare.py does for NumPy and PyTorch: the first touches the heap's
    // pages (≈ 1.3 s at 2048/256/4), and at that size one timed pass already exceeds
    // --benchmark_min_time, so it would be the only one measured.
    attn::forward(session);
    for (auto _ : state) {
        attn::ForwardResult result = attn::forward(session);
        benchmark::DoNotOptimize(result.output.data());
        benchmark::ClobberMemory();
    }
    state.counters["FLOPS"] =
        benchmark::Counter(attn::passFlops(session), benchmark::Counter::kIsIterationInvariantRate);
    state.counters["threads"] = attn::defaultThreadCount();
}

/// BM_ForwardFloat/n/d_model/heads: BM_Forward's pass in float32, as its v2 equivalent (one
/// block without residual, norm or FFN: modelFromSession) runs on a FloatModel. What
/// compare.py measures against NumPy and PyTorch in float32.
void BM_ForwardFloat(benchmark::State& state)
{
    const attn::Session session =
        bench::makeSession(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)),
                           static_cast<int>(state.range(2)));
    const attn::FloatModel model = attn::castModel<float>(attn::modelFromSession(session));
    attn::forwardModel(model); // untimed, as in BM_Forward
    for (auto _ : state) {
        attn::FloatModelResult result = attn::forwardModel(model, 0);
        benchmark::DoNotOptimize(result.final.data());
        benchmark::ClobberMemory();
    }
    state.counters["FLOPS"] =
        benchmark::Counter(attn::passFlops(session), benchmark::Counter::kIsIterationInvariantRate);
    state.counters["threads"] = attn::defaultThreadCount();
}

/// One W_Q cell of the middle head, alternating between two values so that every
/// iteration is a real change.
attn::Real nextValue(attn::Real& value)
{
    value = value == 0.25 ? -0.5 : 0.25;
    return value;
}

/// BM_EditWeight: what Document::applyCell does for a W_Q cell. Below the document's
/// background size: that head again, then concat and O = C · W_O in full (exact). From
/// it on (512/768/12, 2048/256/4): attn::updateHead, O changing by that head's share; the
/// document's exact pass follows off the GUI thread once the edits pause.
void BM_EditWeight(benchmark::State& state)
{
    attn::Session session =
        bench::makeSession(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)),
                           static_cast<int>(state.range(2)));
    attn::ForwardResult result = attn::forward(session);
    const int head = session.heads / 2;
    const bool incremental = attn::passFlops(session) >= av::Document::kBackgroundFlops;
    attn::Real value = 0;
    for (auto _ : state) {
        session.wq[head](1, 2) = nextValue(value);
        if (incremental) {
            attn::updateHead(session, result, head);
        } else {
            result.heads[head] = attn::computeHead(session, result.xIn, result.mask, head);
            attn::assembleOutput(session, result);
        }
        benchmark::DoNotOptimize(result.output.data());
        benchmark::ClobberMemory();
    }
    state.counters["incremental"] = incremental;
}

/// BM_EditWeightExact: the same edit recomputed exactly (that head, then O = C · W_O).
void BM_EditWeightExact(benchmark::State& state)
{
    attn::Session session =
        bench::makeSession(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)),
                           static_cast<int>(state.range(2)));
    attn::ForwardResult result = attn::forward(session);
    const int head = session.heads / 2;
    attn::Real value = 0;
    for (auto _ : state) {
        session.wq[head](1, 2) = nextValue(value);
        result.heads[head] = attn::computeHead(session, result.xIn, result.mask, head);
        attn::assembleOutput(session, result);
        benchmark::DoNotOptimize(result.output.data());
        benchmark::ClobberMemory();
    }
}

/// BM_Gemm/n/k/m: float (n × k) · (k × m) with Eigen, the columns shared over the engine's
/// thread count as the pass's heads are: the machine's single-precision GEMM rate.
void BM_Gemm(benchmark::State& state)
{
    const Eigen::Index n = state.range(0);
    const Eigen::Index k = state.range(1);
    const Eigen::Index m = state.range(2);
    const Eigen::MatrixXf a = Eigen::MatrixXf::Random(n, k);
    const Eigen::MatrixXf b = Eigen::MatrixXf::Random(k, m);
    Eigen::MatrixXf c(n, m);
    const int threads =
        std::max(1, std::min<int>(attn::defaultThreadCount(), static_cast<int>(m / 64)));
    const Eigen::Index width = (m + threads - 1) / threads;
    const auto block = [&](int t) {
        const Eigen::Index first = t * width;
        const Eigen::Index cols = std::min(width, m - first);
        c.middleCols(first, cols).noalias() = a * b.middleCols(first, cols);
    };
    for (auto _ : state) {
        std::vector<std::thread> pool;
        for (int t = 1; t < threads; ++t)
            pool.emplace_back(block, t);
        block(0);
        for (std::thread& thread : pool)
            thread.join();
        benchmark::DoNotOptimize(c.data());
        benchmark::ClobberMemory();
    }
    state.counters["FLOPS"] =
        benchmark::Counter(2.0 * n * k * m, benchmark::Counter::kIsIterationInvariantRate);
    state.counters["threads"] = threads;
}

/// BM_GemmBlas/n/k/m: the same product through attn::multiply, which hands it to OpenBLAS's
/// sgemm (gemm.h) on the engine's threads: the other half of "the machine's SGEMM rate".
void BM_GemmBlas(benchmark::State& state)
{
    const Eigen::Index n = state.range(0), k = state.range(1), m = state.range(2);
    const Eigen::MatrixXf a = Eigen::MatrixXf::Random(n, k);
    const Eigen::MatrixXf b = Eigen::MatrixXf::Random(k, m);
    Eigen::MatrixXf c;
    for (auto _ : state) {
        attn::multiply(c, a, b);
        benchmark::DoNotOptimize(c.data());
        benchmark::ClobberMemory();
    }
    state.counters["FLOPS"] =
        benchmark::Counter(2.0 * n * k * m, benchmark::Counter::kIsIterationInvariantRate);
    state.counters["threads"] = attn::defaultThreadCount();
}

void passSizes(benchmark::internal::Benchmark* b)
{
    b->ArgNames({"n", "d_model", "heads"});
    b->Args({8, 16, 2})->Args({64, 128, 4})->Args({512, 768, 12})->Args({2048, 256, 4});
}

} // namespace

BENCHMARK(BM_Forward)->Apply(passSizes)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_ForwardFloat)->Apply(passSizes)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_EditWeight)->Apply(passSizes)->UseRealTime()->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_EditWeightExact)->Apply(passSizes)->UseRealTime()->Unit(benchmark::kMicrosecond);
// The shapes of the 512/768/12 pass: the projections (512×768 · 768×768) and one head's
// Q·Kᵀ (512×64 · 64×512).
BENCHMARK(BM_Gemm)
    ->ArgNames({"n", "k", "m"})
    ->Args({512, 768, 768})
    ->Args({512, 64, 512})
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_GemmBlas)
    ->ArgNames({"n", "k", "m"})
    ->Args({512, 768, 768})
    ->UseRealTime()
    ->Unit(benchmark::kMicrosecond);

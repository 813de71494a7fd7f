// The transformer pass (modelforward.h): the whole model, and the recompute after an edit in
// a block, with the memory every intermediate takes.

#include "benchsession.h"
#include "modelforward.h"

#include <benchmark/benchmark.h>

namespace {

template <typename M> std::size_t bytes(const M& m)
{
    return sizeof(typename M::Scalar) * m.size();
}
template <typename Scalar> std::size_t bytes(const attn::BasicLayerNormResult<Scalar>& ln)
{
    return bytes(ln.output) + bytes(ln.mean) + bytes(ln.variance);
}

/// Bytes of every matrix the pass keeps.
template <typename Scalar> std::size_t resultBytes(const attn::BasicModelResult<Scalar>& r)
{
    std::size_t total = bytes(r.x) + bytes(r.p) + bytes(r.h0) + r.mask.size() + bytes(r.final) +
                        bytes(r.finalNorm) + bytes(r.logits) + bytes(r.logSumExp);
    for (const attn::BasicBlockResult<Scalar>& b : r.blocks) {
        total += bytes(b.input) + bytes(b.ln1) + bytes(b.concat) + bytes(b.attentionOutput) +
                 bytes(b.attentionSum) + bytes(b.afterAttention) + bytes(b.ln2) +
                 bytes(b.ffnPreActivation) + bytes(b.ffnHidden) + bytes(b.ffnOutput) +
                 bytes(b.ffnSum) + bytes(b.output);
        for (const attn::BasicHeadResult<Scalar>& h : b.heads)
            total += bytes(h.q) + bytes(h.k) + bytes(h.v) + bytes(h.rawScores) + bytes(h.scores) +
                     bytes(h.weights) + bytes(h.output) + bytes(h.rowMax) + bytes(h.rowSum) +
                     bytes(h.entropy) + bytes(h.meanDistance);
    }
    return total;
}

int arg(const benchmark::State& state, int i)
{
    return static_cast<int>(state.range(i));
}

/// BM_ModelForward/layers/d_model/heads/n: forwardModel in float32, as a checkpoint runs,
/// with every intermediate kept, the final norm and the logits of every token over a
/// vocabulary of 50 257 at d_model 768 (GPT-2 small's shape) or 64 below it. MB: the
/// intermediates kept. BM_ModelForward64: the same in double.
template <typename Scalar> void modelForward(benchmark::State& state)
{
    const int d = arg(state, 1);
    const auto model = attn::castModel<Scalar>(
        bench::makeModel(arg(state, 0), d, arg(state, 2), arg(state, 3), d >= 768 ? 50257 : 64));
    auto result = attn::forwardModel(model);
    for (auto _ : state) {
        result = attn::forwardModel(model);
        benchmark::DoNotOptimize(result.final.data());
        benchmark::ClobberMemory();
    }
    state.counters["FLOPS"] =
        benchmark::Counter(attn::modelFlops(model), benchmark::Counter::kIsIterationInvariantRate);
    state.counters["MB"] = static_cast<double>(resultBytes(result)) / (1 << 20);
}

void BM_ModelForward(benchmark::State& state)
{
    modelForward<float>(state);
}
void BM_ModelForward64(benchmark::State& state)
{
    modelForward<double>(state);
}

/// BM_ModelEdit/layers/d_model/heads/n: one W_1 cell of block 1 (0-based: the second)
/// changes, and that block and every later one are recomputed (recomputeFrom).
void BM_ModelEdit(benchmark::State& state)
{
    attn::Model model =
        bench::makeModel(arg(state, 0), arg(state, 1), arg(state, 2), arg(state, 3), 64);
    attn::ModelResult result = attn::forwardModel(model);
    const int block = std::min(1, model.layerCount() - 1);
    attn::Real value = 0.25;
    for (auto _ : state) {
        value = -value;
        model.layers[block].ffn->w1(1, 2) = value;
        attn::recomputeFrom(model, result, block);
        benchmark::DoNotOptimize(result.final.data());
        benchmark::ClobberMemory();
    }
}

} // namespace

BENCHMARK(BM_ModelForward)
    ->ArgNames({"layers", "d_model", "heads", "n"})
    ->Args({4, 128, 4, 64})
    ->Args({12, 768, 12, 128})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ModelForward64)
    ->ArgNames({"layers", "d_model", "heads", "n"})
    ->Args({4, 128, 4, 64})
    ->Args({12, 768, 12, 128})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ModelEdit)
    ->ArgNames({"layers", "d_model", "heads", "n"})
    ->Args({4, 128, 4, 64})
    ->Args({12, 768, 12, 32})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);

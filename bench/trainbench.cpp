// BM_TrainStep: one Adam step of the induction task's default model (docs/training.md) on a
// batch of 16 sequences, forward, backward and update, on the calling thread.
// bench/compare_train.py runs the same model and step in PyTorch beside it.
#include "trainer.h"

#include <benchmark/benchmark.h>

namespace {

/// Every sequence at the task's longest (17 tokens), so that PyTorch's batch of equal rows
/// is the same work.
attn::TaskSpec fixedInduction()
{
    attn::TaskSpec task = *attn::defaultTask("induction");
    task.minLength = task.length;
    return task;
}

void BM_TrainStep(benchmark::State& state)
{
    const attn::TaskSpec task = fixedInduction();
    attn::TrainingOptions options;
    options.batch = static_cast<int>(state.range(0));
    attn::Trainer trainer(attn::taskModel(task, 1), task, options);
    for (auto _ : state)
        benchmark::DoNotOptimize(trainer.step());
    state.counters["steps_per_s"] =
        benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}

} // namespace

BENCHMARK(BM_TrainStep)->Arg(16)->Unit(benchmark::kMillisecond)->UseRealTime();

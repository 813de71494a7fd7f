// attnviz-bench: the QApplication must exist before any widget benchmark runs, so main is
// ours rather than BENCHMARK_MAIN(). Off screen unless QT_QPA_PLATFORM says otherwise.

#include "attention.h"
#include "memorypolicy.h"

#include <QApplication>
#include <benchmark/benchmark.h>

int main(int argc, char* argv[])
{
    attn::keepFreedMemory(); // as the program does (app/main.cpp)
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv))
        return 1;
    // The engine's thread count (ATTNVIZ_THREADS, else every hardware thread), for the record.
    benchmark::AddCustomContext("attnviz_threads", std::to_string(attn::defaultThreadCount()));
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

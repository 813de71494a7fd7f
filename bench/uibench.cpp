// The program around the engine: an edit until its frame is drawn, and exporting every
// figure. Needs the QApplication that main.cpp creates.

#include "benchsession.h"
#include "document.h"
#include "exporter.h"
#include "headgridview.h"
#include "headlinesfigure.h"
#include "headlinesview.h"
#include "mainwindow.h"
#include "modelfigures.h"
#include "modelforward.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <benchmark/benchmark.h>
#include <functional>

namespace {

/// Times edit(value) with the main window shown at 1600 × 1000 in its default layout
/// (attention, pipeline, weights, encoding, summary), until the window is repainted.
void timeFrames(benchmark::State& state, av::Document& document,
                const std::function<void(attn::Real)>& edit)
{
    av::MainWindow window(&document, false);
    window.resize(1600, 1000);
    window.show();
    QCoreApplication::processEvents();
    window.repaint();
    attn::Real value = 0;
    // Where a frame's time goes: the edit with the views' answers to changed(), the queued
    // replots, and the repaint of the window (wall time, ms per frame).
    QElapsedTimer clock;
    double editMs = 0, replotMs = 0, paintMs = 0;
    for (auto _ : state) {
        value = value == 0.25 ? -0.5 : 0.25;
        clock.start();
        edit(value);
        editMs += clock.nsecsElapsed() / 1e6;
        clock.start();
        QCoreApplication::processEvents(); // queued replots and update requests
        replotMs += clock.nsecsElapsed() / 1e6;
        clock.start();
        window.repaint(); // and the frame itself, synchronously
        paintMs += clock.nsecsElapsed() / 1e6;
    }
    const double frames = std::max<double>(1, double(state.iterations()));
    state.counters["edit_ms"] = editMs / frames;
    state.counters["replot_ms"] = replotMs / frames;
    state.counters["paint_ms"] = paintMs / frames;
}

/// BM_EditToFrame/n/d_model/heads: Document::setCell on a W_Q cell (one undo step, as a
/// scrub is), until the window is repainted (timeFrames).
void BM_EditToFrame(benchmark::State& state)
{
    av::Document document;
    document.reset(bench::makeSession(static_cast<int>(state.range(0)),
                                      static_cast<int>(state.range(1)),
                                      static_cast<int>(state.range(2))));
    document.waitUntilComputed();
    const attn::MatrixRef ref{attn::MatrixKind::WQ, document.session().heads / 2};
    const int gesture = document.newGestureId();
    timeFrames(state, document,
               [&](attn::Real value) { document.setCell(ref, 1, 2, value, gesture); });
}

/// BM_ModelEditToFrame/layers/d_model/heads/n: a whole transformer (a vocabulary of 64) open
/// in the window, a W_Q cell of its first block scrubbed (every block recomputed), until
/// the window is repainted with the new pass (timeFrames). The views show block 1. Counter
/// gui_ms: the part of edit_ms the GUI thread is blocked (a large pass runs on a worker).
void BM_ModelEditToFrame(benchmark::State& state)
{
    av::Document document;
    document.reset(
        bench::makeModel(static_cast<int>(state.range(0)), static_cast<int>(state.range(1)),
                         static_cast<int>(state.range(2)), static_cast<int>(state.range(3)), 64));
    const attn::ModelMatrixRef ref{attn::ModelMatrix::WQ, 0, document.model().heads() / 2};
    const int gesture = document.newGestureId();
    QElapsedTimer clock;
    double guiMs = 0;
    timeFrames(state, document, [&](attn::Real value) {
        clock.start();
        document.setModelCell(ref, 1, 2, value, gesture);
        guiMs += clock.nsecsElapsed() / 1e6; // how long the window cannot answer
        document.waitUntilComputed();        // a large model's pass, on the worker
    });
    state.counters["gui_ms"] = guiMs / std::max<double>(1, double(state.iterations()));
}

/// BM_ModelViewRedraw/n: the model view's figure of 12 blocks × 12 heads (GPT-2 small's
/// grid, d_model 48) built and drawn into a 1100 × 1000 image, as after every edit.
void BM_ModelViewRedraw(benchmark::State& state)
{
    attn::Model model = bench::makeModel(12, 48, 12, static_cast<int>(state.range(0)), 64);
    const attn::ModelResult result = attn::forwardModel(model);
    av::HeadGridView view;
    view.resize(1100, 1000);
    view.grab(); // the first paint pays for fonts and the like
    for (auto _ : state) {
        view.setData(av::modelViewFigure(model, result));
        benchmark::DoNotOptimize(view.grab());
    }
}

/// A random 12-head block's pass (d_model 48, causal, n tokens) for the head view.
struct HeadLinesBench
{
    explicit HeadLinesBench(int n)
        : model(bench::makeModel(2, 48, 12, n, 64)), result(attn::forwardModel(model))
    {
        view.resize(900, 1000);
        view.show();
        QCoreApplication::processEvents();
    }
    attn::Model model;
    attn::ModelResult result;
    av::HeadLinesView view;
};

/// BM_HeadLinesHover/n: the head view of a random 12-head block (d_model 48, causal), 900 ×
/// 1000 px at the font's row pitch, lines up to 90 % of each row; each iteration hovers
/// another token and draws the view (grab: the frame a hover costs). A frame is 16.7 ms.
void BM_HeadLinesHover(benchmark::State& state)
{
    const int n = static_cast<int>(state.range(0));
    HeadLinesBench b(n);
    av::HeadLinesView& view = b.view;
    view.setData(av::headLinesFigure(b.model, b.result, 0));
    benchmark::DoNotOptimize(view.viewport()->grab());
    int token = 0;
    for (auto _ : state) {
        token = (token + 7) % std::min(n, 40); // rows in view
        view.setSelection({av::LineSide::Key, token, false});
        benchmark::DoNotOptimize(view.viewport()->grab());
    }
}

/// BM_HeadLinesAll/n: as BM_HeadLinesHover, but nothing hovered: the figure built (each
/// head's strongest lines) and every line in view drawn, as after an edit. figure_ms: the
/// part that builds the figure; a scroll costs the rest.
void BM_HeadLinesAll(benchmark::State& state)
{
    HeadLinesBench b(static_cast<int>(state.range(0)));
    av::HeadLinesView& view = b.view;
    QElapsedTimer clock;
    double figureMs = 0;
    for (auto _ : state) {
        clock.start();
        av::HeadLinesFigure figure = av::headLinesFigure(b.model, b.result, 0);
        figureMs += clock.nsecsElapsed() / 1e6;
        view.setData(std::move(figure));
        benchmark::DoNotOptimize(view.viewport()->grab());
    }
    state.counters["figure_ms"] = figureMs / std::max<double>(1, double(state.iterations()));
}

/// BM_BackgroundPass/n/d_model/heads: a change that needs the whole pass again (the
/// temperature), computed by the document on its worker thread as in the program, until the
/// result is shown; no window. The previous result is freed on this thread, as the GUI does.
void BM_BackgroundPass(benchmark::State& state)
{
    av::Document document;
    document.reset(bench::makeSession(static_cast<int>(state.range(0)),
                                      static_cast<int>(state.range(1)),
                                      static_cast<int>(state.range(2))));
    document.waitUntilComputed();
    double temperature = 1;
    const int gesture = document.newGestureId(); // one undo step, as a drag: no history grows
    for (auto _ : state) {
        temperature = temperature == 1 ? 0.9 : 1;
        document.setTemperature(temperature, gesture);
        document.waitUntilComputed();
    }
}

/// BM_ExportAll: every figure of a 16-token, d_model 64, 4-head session as PNG at 144 dpi.
void BM_ExportAll(benchmark::State& state)
{
    const attn::Session session = bench::makeSession(16, 64, 4);
    const attn::ForwardResult result = attn::forward(session);
    QTemporaryDir dir;
    int figures = 0;
    for (auto _ : state) {
        const QString error =
            av::exportAll(session, result, dir.path(), av::ExportOptions{}, [&](int, int total) {
                figures = total;
                return true;
            });
        if (!error.isEmpty()) {
            state.SkipWithError(error.toStdString().c_str());
            break;
        }
    }
    state.counters["figures"] = figures;
}

} // namespace

BENCHMARK(BM_EditToFrame)
    ->ArgNames({"n", "d_model", "heads"})
    ->Args({16, 64, 4})
    ->Args({512, 768, 12})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ModelEditToFrame)
    ->ArgNames({"layers", "d_model", "heads", "n"})
    ->Args({4, 128, 4, 64})
    ->Args({12, 768, 12, 32})
    ->Args({12, 768, 12, 500})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ModelViewRedraw)
    ->ArgName("n")
    ->Arg(16)
    ->Arg(64)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HeadLinesHover)
    ->ArgName("n")
    ->Arg(64)
    ->Arg(512)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_HeadLinesAll)
    ->ArgName("n")
    ->Arg(64)
    ->Arg(512)
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_BackgroundPass)
    ->ArgNames({"n", "d_model", "heads"})
    ->Args({512, 768, 12})
    ->Args({2048, 256, 4})
    ->UseRealTime()
    ->Unit(benchmark::kMillisecond);
BENCHMARK(BM_ExportAll)->UseRealTime()->Unit(benchmark::kMillisecond);

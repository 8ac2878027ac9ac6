// Keystroke-to-plot latency of the studio (issue 7 goal: re-score to plot < 100 ms) on a test set
// whose shown video has 2,000 frames, beside its parts measured in the same run.
//
//   bench_rescore [google benchmark flags]
// The workspace is made once under $TMPDIR/vaclip-bench/rescore_2000 (a few minutes;
// an interrupted extraction resumes): the
// walkway demo world, 2 test videos of 2,000 frames at 64x48 (4,000 test frames), their CLIP
// features from the shipped demo backbone (80x80 input), zero-shot scoring (no checkpoint), the
// four semantic prompts of the demo plus the one typed. The full main window runs offscreen at
// 1400 x 900 with every panel that follows a re-scoring (metrics, ROC/PR, annotations).
//
// What each line measures (wall time per iteration):
//   keystroke_to_plot   a key typed into the prompts panel's line (alternately 'x' and Backspace)
//                       until the timeline has painted the new scores of the shown video: the
//                       panel's typing debounce (kDebounceMs, prompts_panel.cpp), the re-scoring and
//                       evaluation on the engine thread, the signals to every panel and the
//                       timeline's replot + paint (a synchronous repaint right after the replot:
//                       the offscreen platform never flushes the update() QCustomPlot asks for)
//   rescore_to_plot     the same from the moment the debounce fires (StudioSession::setPrompts)
//                       to the painted plot: the "re-score to plot"
//   rescore_only        baseline: ScoringEngine alone (no window): request to the scored signal
//                       (text encoding, cosine scores of 4,000 frames x 5 prompts, evaluation)
//   plot_only           baseline: TimelinePlot::setScores of 2,000 frames + 5 prompt tracks and
//                       a synchronous replot + paint, nothing else
// Counters: rescore_ms / evaluate_ms are the engine's own timings of the last update.
#include "features/extractor.h"
#include "data/meta.h"
#include "demo/demo.h"
#include "panels/prompts_panel.h"
#include "studio/main_window.h"
#include "studio/scoring_engine.h"
#include "studio/studio_session.h"
#include "studio/viewer_widget.h"
#include "synth/dataset.h"
#include "timeline/timeline_plot.h"

#include <QApplication>
#include <QEventLoop>
#include <QKeyEvent>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTimer>

#include <benchmark/benchmark.h>
#include <qcustomplot.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <string>

using namespace vaclip::studio;

namespace fs = std::filesystem;

namespace {

constexpr int kFrames = 2000;
const QStringList kPrompts = {QStringLiteral("a person riding a bicycle"), QStringLiteral("a person on a skateboard"),
                              QStringLiteral("a small cart on a walkway"), QStringLiteral("a person in a wheelchair")};

/// Renders, extracts and writes the config once; returns the config path.
std::string makeWorkspace()
{
    const fs::path dir = fs::temp_directory_path() / "vaclip-bench" / "rescore_2000";
    const fs::path config = dir / "walkway.yaml";
    if (fs::exists(config))
        return config.string();
    fs::create_directories(dir);
    std::fprintf(stderr, "bench_rescore: rendering and extracting the 2,000-frame workspace in %s\n", dir.c_str());
    vaclip::synth::SynthDatasetOptions o;
    o.world = vaclip::synth::World::Walkway;
    o.outDir = (dir / "walkway").string();
    o.videos = 2;
    o.frames = kFrames;
    o.width = 64;
    o.height = 48;
    o.seed = 3;
    if (!fs::exists(dir / "walkway/meta.json"))  // rendered last; extraction resumes where it stopped
        vaclip::synth::writeSynthDataset(o);

    const std::string backbone = (fs::path(vaclip::demo::defaultDemoBackbone()) / "demo_backbone.safetensors").string();
    vaclip::ExtractionParams p;
    p.cacheDir = (dir / "cache").string();
    p.inputSize = 80;
    p.threads = 2;
    auto ex = vaclip::FeatureExtractor::fromBackbone(backbone, p);
    const vaclip::DatasetMeta meta = vaclip::loadMeta((dir / "walkway/meta.json").string());
    const vaclip::ExtractionResult r = ex->extract(vaclip::metaVideos(meta, "test"));
    if (!r.failed.empty()) {
        std::fprintf(stderr, "bench_rescore: extraction failed: %s\n", r.failed.front().c_str());
        std::exit(1);
    }
    std::string yaml = "temporal_transformer_layers: 0\nsemantic_prompts:\n";
    for (const QString& prompt : kPrompts)
        yaml += "  - \"" + prompt.toStdString() + "\"\n";
    yaml += "dataset:\n  meta: walkway/meta.json\nbackbone:\n  path: " + backbone +
            "\n  input_size: 80\nfeatures:\n  cache_dir: cache\nevaluation:\n  bootstrap_samples: 200\n";
    const fs::path tmp = dir / "walkway.yaml.tmp";
    std::ofstream(tmp) << yaml;
    fs::rename(tmp, config);  // last: its presence means the workspace is complete
    return config.string();
}

/// Runs the event loop until `done()` holds (checked after every event batch); false on timeout.
template <typename Done>
bool waitFor(Done done, int timeoutMs = 20000)
{
    QEventLoop loop;
    QTimer poll;
    poll.setInterval(0);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&] {
        if (done())
            loop.quit();
    });
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    poll.start();
    if (!done())
        loop.exec();
    return done();
}

/// Tells when the timeline's canvas has painted given scores: a replot with them (buffers
/// drawn; QCustomPlot::afterReplot) followed by a paint of the widget.
class PaintWatcher : public QObject {
public:
    explicit PaintWatcher(vaclip::studio::TimelinePlot* plot) : m_plot(plot)
    {
        plot->canvas()->installEventFilter(this);
        connect(qobject_cast<QCustomPlot*>(plot->canvas()), &QCustomPlot::afterReplot, this, [this] {
            m_replotted = m_plot->scores();
            m_painted = false;
            // The screen update QCustomPlot asks for (update()) arrives when the platform
            // flushes, which the offscreen platform never does: paint now, as a display would.
            m_plot->canvas()->repaint();
        });
    }
    bool shown(const std::vector<float>& scores) const { return m_painted && !scores.empty() && m_replotted == scores; }

protected:
    bool eventFilter(QObject*, QEvent* event) override
    {
        // The widget paints right after this filter, within the same dispatch, before the
        // waiting loop looks at shown() again.
        if (event->type() == QEvent::Paint)
            m_painted = true;
        return false;
    }

private:
    vaclip::studio::TimelinePlot* m_plot;
    std::vector<float> m_replotted;  ///< the scores of the last replot
    bool m_painted = false;          ///< a paint since that replot
};

struct Studio {
    StudioSession session;
    MainWindow window{&session};
    Studio(const std::string& config)
    {
        window.resize(1400, 900);
        window.show();
        if (!window.openConfig(QString::fromStdString(config), true)) {
            std::fprintf(stderr, "bench_rescore: cannot open %s\n", config.c_str());
            std::exit(1);
        }
        if (!waitFor([&] { return session.scores() != nullptr; }, 120000)) {
            std::fprintf(stderr, "bench_rescore: the test set did not load\n");
            std::exit(1);
        }
        session.setCurrentVideo(1);  // an anomalous video: both classes, the evaluation is defined
        waitFor([&] { return window.viewer()->timeline()->frameCount() == kFrames; });
        window.prompts()->promptEdit()->setText(QStringLiteral("a dog on the walkway"));
        const quint64 before = session.scores()->generation;
        waitFor([&] { return session.scores()->generation > before; });
    }
    /// The timeline shows the session's latest scores for the current video and has painted them.
    bool waitForPlot(PaintWatcher& watcher, quint64 afterGeneration)
    {
        const bool ok = waitFor([&] {
            return session.scores()->generation > afterGeneration &&
                   watcher.shown(session.videoScores(session.currentVideo()));
        });
        return ok;
    }
};

void typeKey(QWidget* edit, int key, const QString& text)
{
    QKeyEvent press(QEvent::KeyPress, key, Qt::NoModifier, text);
    QKeyEvent release(QEvent::KeyRelease, key, Qt::NoModifier, text);
    QApplication::sendEvent(edit, &press);
    QApplication::sendEvent(edit, &release);
}

void counters(benchmark::State& state, const ScoreUpdatePtr& u)
{
    state.counters["rescore_ms"] = u ? u->rescoreMs : 0;
    state.counters["evaluate_ms"] = u ? u->evaluateMs : 0;
    state.counters["test_frames"] = u ? double(u->scores.scores.size()) : 0;
}

void BM_KeystrokeToPlot(benchmark::State& state, std::string config)
{
    Studio studio(config);
    PaintWatcher watcher(studio.window.viewer()->timeline());
    QLineEdit* edit = studio.window.prompts()->promptEdit();
    edit->setFocus();
    bool add = true;
    for (auto _ : state) {
        const quint64 generation = studio.session.scores()->generation;
        if (add)
            typeKey(edit, Qt::Key_X, QStringLiteral("x"));
        else
            typeKey(edit, Qt::Key_Backspace, QString());
        add = !add;
        if (!studio.waitForPlot(watcher, generation))
            state.SkipWithError("the plot did not update");
    }
    counters(state, studio.session.scores());
}

void BM_RescoreToPlot(benchmark::State& state, std::string config)
{
    Studio studio(config);
    PaintWatcher watcher(studio.window.viewer()->timeline());
    const QString typed = studio.window.prompts()->promptEdit()->text();
    bool add = true;
    for (auto _ : state) {
        const quint64 generation = studio.session.scores()->generation;
        studio.session.setPrompts(kPrompts + QStringList{add ? typed + QStringLiteral("x") : typed});
        add = !add;
        if (!studio.waitForPlot(watcher, generation))
            state.SkipWithError("the plot did not update");
    }
    counters(state, studio.session.scores());
}

void BM_RescoreOnly(benchmark::State& state, std::string config)
{
    StudioSession session;  // no window: the engine and the session's bookkeeping only
    if (!session.openConfig(QString::fromStdString(config)) || !waitFor([&] { return session.scores() != nullptr; }, 120000)) {
        state.SkipWithError("the test set did not load");
        return;
    }
    bool add = true;
    for (auto _ : state) {
        const quint64 generation = session.scores()->generation;
        session.setPrompts(kPrompts + QStringList{add ? QStringLiteral("a dog on the walkwayx") : QStringLiteral("a dog on the walkway")});
        add = !add;
        if (!waitFor([&] { return session.scores()->generation > generation; }))
            state.SkipWithError("no scores");
    }
    counters(state, session.scores());
}

void BM_PlotOnly(benchmark::State& state)
{
    vaclip::studio::TimelinePlot plot;
    plot.resize(1060, 300);
    plot.show();
    std::mt19937 rng(3);
    std::normal_distribution<float> noise(0.f, 0.05f);
    auto series = [&](float base) {
        std::vector<float> s(kFrames);
        for (float& v : s)
            v = base + noise(rng);
        return s;
    };
    std::vector<std::vector<float>> versions = {series(0.3f), series(0.35f)};
    std::vector<std::vector<float>> tracks;
    for (int p = 0; p < 5; ++p)
        tracks.push_back(series(0.2f + 0.05f * float(p)));
    plot.setGroundTruth({{400, 700}, {1200, 1500}});
    int i = 0;
    for (auto _ : state) {
        plot.setScores(versions[std::size_t(i++ % 2)], 25);
        plot.clearTracks();
        for (int p = 0; p < 5; ++p)
            plot.addTrack(QStringLiteral("prompt %1").arg(p), tracks[std::size_t(p)]);
        plot.replotNow();
        plot.canvas()->repaint();
    }
}

} // namespace

int main(int argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("DISPLAY") && qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    Q_INIT_RESOURCE(studio);
    QStandardPaths::setTestModeEnabled(true);  // the window's settings go to a test location
    const std::string config = makeWorkspace();
    auto reg = [](benchmark::internal::Benchmark* b) {
        b->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);
    };
    reg(benchmark::RegisterBenchmark("keystroke_to_plot/2000_frames", BM_KeystrokeToPlot, config));
    reg(benchmark::RegisterBenchmark("rescore_to_plot/2000_frames", BM_RescoreToPlot, config));
    reg(benchmark::RegisterBenchmark("rescore_only/2000_frames", BM_RescoreOnly, config));
    reg(benchmark::RegisterBenchmark("plot_only/2000_frames", BM_PlotOnly));
    int n = argc;
    benchmark::Initialize(&n, argv);
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}

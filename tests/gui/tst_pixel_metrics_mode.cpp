// ctest-labels: gui studio
// ctest-link: vaclip_studio_ui vaclip_ml vaclip_core
// When the studio computes pixel AUROC / AUPRO (PixelMetricsMode, issue 7): "off" computes
// nothing after a re-scoring, "on demand" only after the metrics panel's "Compute now" (and says
// "computing…" meanwhile), "live" after every re-scoring; a newer re-scoring supersedes a pixel
// request for older prompts; the mode is a persisted setting, offered by the settings dialog.
// With VACLIP_DEMO_DIR set (build/run/demo), also times pixel metrics on the demo world and how
// long a re-scoring waits behind a running pixel computation (printed, never asserted).
#include "panels/metrics_panel.h"
#include "studio/studio_session.h"
#include "studio/studio_settings.h"
#include "studio_fixture.h"

#include <QComboBox>
#include <QElapsedTimer>
#include <QPushButton>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QtTest>

#include <cmath>

using namespace vaclip::studio;

namespace {

/// Waits until the session shows the scores of generation >= `generation`.
bool waitForScores(StudioSession& session, quint64 generation, int timeoutMs = 30000)
{
    QElapsedTimer clock;
    clock.start();
    while (!(session.scores() && session.scores()->generation >= generation) && clock.elapsed() < timeoutMs)
        QTest::qWait(10);
    return session.scores() && session.scores()->generation >= generation;
}

/// The engine's pixel signals as the GUI thread receives them (queued, like the panel; a
/// QSignalSpy would record them on the engine's thread, before the panel has seen them).
struct PixelRecorder {
    explicit PixelRecorder(ScoringEngine* engine)
    {
        QObject::connect(engine, &ScoringEngine::pixelStarted, &context, [this](quint64 g) { started << g; });
        QObject::connect(engine, &ScoringEngine::pixelScored, &context, [this](PixelUpdatePtr p) { scored << p; });
    }
    QObject context;
    QList<quint64> started;
    QList<PixelUpdatePtr> scored;
};

} // namespace

class PixelMetricsModeTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        m_config = makeStudioWorkspace(m_dir, "testing:\n  pixel_maps: true\n", true);
    }

    void settingIsStoredAndOffered()
    {
        for (PixelMetricsMode mode : {PixelMetricsMode::OnDemand, PixelMetricsMode::Off, PixelMetricsMode::Live}) {
            StudioSettings s = StudioSettings::load();
            s.pixelMetrics = mode;
            s.save();
            QCOMPARE(int(StudioSettings::load().pixelMetrics), int(mode));
            QCOMPARE(int(pixelMetricsModeFromKey(pixelMetricsModeKey(mode))), int(mode));
        }
        QCOMPARE(pixelMetricsModeKey(PixelMetricsMode::OnDemand), QStringLiteral("on_demand"));
        QCOMPARE(int(pixelMetricsModeFromKey(QStringLiteral("bogus"))), int(PixelMetricsMode::Live));

        StudioSettings s;
        s.pixelMetrics = PixelMetricsMode::Off;
        SettingsDialog dialog(s);
        auto* box = dialog.findChild<QComboBox*>(QStringLiteral("pixelMetricsMode"));
        QVERIFY(box);
        QCOMPARE(box->count(), 3);
        QCOMPARE(PixelMetricsMode(box->currentData().toInt()), PixelMetricsMode::Off);
        QCOMPARE(int(dialog.settings().pixelMetrics), int(PixelMetricsMode::Off));
        box->setCurrentIndex(box->findData(int(PixelMetricsMode::OnDemand)));
        QCOMPARE(int(dialog.settings().pixelMetrics), int(PixelMetricsMode::OnDemand));
    }

    /// Off: a re-scoring computes no pixel metrics; on demand: neither, until "Compute now".
    void offThenOnDemand()
    {
        StudioSession session;
        session.engine()->setPixelMetricsMode(PixelMetricsMode::Off);
        MetricsPanel panel(&session);
        panel.show();
        QCOMPARE(PixelMetricsMode(panel.pixelModeBox()->currentData().toInt()), PixelMetricsMode::Off);
        PixelRecorder rec(session.engine());
        QVERIFY(session.openConfig(m_config));
        QVERIFY(waitForScores(session, 1));
        QVERIFY(session.testSet()->pixelVideos > 0);  // pixel metrics are possible here
        session.setPrompts({QStringLiteral("a small cart on a walkway")});
        QVERIFY(waitForScores(session, session.scores()->generation + 1));
        QTest::qWait(300);  // time enough for a (small) pixel computation to have started
        QCOMPARE(int(rec.started.size()), 0);
        QCOMPARE(int(rec.scored.size()), 0);
        QVERIFY(!panel.pixelComputing());
        QVERIFY(panel.computePixelsButton()->isHidden());
        QVERIFY2(panel.summaryText().contains(QStringLiteral("off <small>")), qPrintable(panel.summaryText()));

        // The panel's switch changes the engine's mode.
        QSignalSpy modeChanged(session.engine(), &ScoringEngine::pixelMetricsModeChanged);
        panel.pixelModeBox()->setCurrentIndex(panel.pixelModeBox()->findData(int(PixelMetricsMode::OnDemand)));
        QCOMPARE(int(session.engine()->pixelMetricsMode()), int(PixelMetricsMode::OnDemand));
        QCOMPARE(modeChanged.count(), 1);
        session.setPrompts({QStringLiteral("a person riding a bicycle")});
        const quint64 generation = session.scores()->generation + 1;
        QVERIFY(waitForScores(session, generation));
        QTest::qWait(300);
        QCOMPARE(int(rec.started.size()), 0);
        QCOMPARE(int(rec.scored.size()), 0);
        QVERIFY(!panel.computePixelsButton()->isHidden());
        QVERIFY(panel.computePixelsButton()->isEnabled());
        QVERIFY2(panel.summaryText().contains(QStringLiteral("not computed")), qPrintable(panel.summaryText()));

        QTest::mouseClick(panel.computePixelsButton(), Qt::LeftButton);
        QVERIFY(panel.pixelComputing());
        QVERIFY2(panel.summaryText().contains(QStringLiteral("computing")), qPrintable(panel.summaryText()));
        QVERIFY(!panel.computePixelsButton()->isEnabled());
        QTRY_COMPARE_WITH_TIMEOUT(int(rec.scored.size()), 1, 60000);
        QCOMPARE(int(rec.started.size()), 1);
        QCOMPARE(rec.started.at(0), generation);
        QCOMPARE(rec.scored.at(0)->generation, generation);
        const PixelUpdatePtr p = panel.pixelUpdate();
        QVERIFY2(p && p->metrics, p ? qPrintable(p->note) : "no update");
        QVERIFY(std::isfinite(p->metrics->auroc) && p->metrics->auroc >= 0 && p->metrics->auroc <= 1);
        QVERIFY(p->ms > 0);
        QVERIFY(!panel.pixelComputing());
        QVERIFY(!panel.computePixelsButton()->isEnabled());  // done for these prompts
        QVERIFY2(panel.summaryText().contains(QString::number(p->metrics->auroc, 'f', 4)), qPrintable(panel.summaryText()));

        // New prompts: the old result is not shown as theirs; the button is back.
        session.setPrompts({QStringLiteral("a person on a skateboard")});
        QVERIFY(waitForScores(session, generation + 1));
        QVERIFY(panel.summaryText().contains(QStringLiteral("not computed")));
        QVERIFY(panel.computePixelsButton()->isEnabled());
        qInfo("fixture: re-scoring %.1f ms + evaluation %.1f ms; pixel metrics %.1f ms over %d video(s)",
              session.scores()->rescoreMs, session.scores()->evaluateMs, p->ms, p->videos);
    }

    /// Live: every re-scoring is followed by the pixel metrics of its own prompts; switching to
    /// Live computes the current ones.
    void liveFollowsEveryRescoring()
    {
        StudioSession session;
        session.engine()->setPixelMetricsMode(PixelMetricsMode::Off);
        MetricsPanel panel(&session);
        PixelRecorder rec(session.engine());
        QVERIFY(session.openConfig(m_config));
        QVERIFY(waitForScores(session, 1));
        panel.pixelModeBox()->setCurrentIndex(panel.pixelModeBox()->findData(int(PixelMetricsMode::Live)));
        QTRY_COMPARE_WITH_TIMEOUT(int(rec.scored.size()), 1, 60000);
        QCOMPARE(rec.scored.at(0)->generation, session.scores()->generation);
        session.setPrompts({QStringLiteral("a person in a wheelchair")});
        const quint64 generation = session.scores()->generation + 1;
        QTRY_VERIFY_WITH_TIMEOUT(rec.scored.size() == 2, 60000);
        QCOMPARE(rec.scored.at(1)->generation, generation);
        QVERIFY(rec.scored.at(1)->metrics);
        QCOMPARE(panel.pixelUpdate()->generation, session.scores()->generation);
        QVERIFY(panel.computePixelsButton()->isHidden());
    }

    /// A newer re-scoring abandons a running pixel computation, and a pixel request for prompts
    /// that a newer re-scoring replaced is dropped: nothing is ever delivered for either.
    void newerRescoringSupersedesPixelWork()
    {
        StudioSession session;
        session.engine()->setPixelMetricsMode(PixelMetricsMode::OnDemand);
        ScoringEngine* engine = session.engine();
        QVERIFY(session.openConfig(m_config));
        QVERIFY(waitForScores(session, 1));
        PixelRecorder rec(engine);
        // Keep the worker busy with the current prompts' pixel metrics (~0.3 s, 8 frames a step) ...
        const quint64 running = engine->requestPixelMetrics();
        QVERIFY(running > 0);
        QTRY_COMPARE_WITH_TIMEOUT(int(rec.started.size()), 1, 30000);
        // ... then, within a step: new prompts, pixel metrics for them, and newer prompts still.
        const quint64 first = engine->requestScores({QStringLiteral("a small cart on a walkway")});
        QCOMPARE(engine->requestPixelMetrics(), first);
        const quint64 second = engine->requestScores({QStringLiteral("a person riding a bicycle")});
        QVERIFY(second > first);
        QVERIFY(waitForScores(session, second));
        QTest::qWait(400);
        QStringList delivered;
        for (const PixelUpdatePtr& p : rec.scored)
            delivered << QString::number(p->generation);
        QVERIFY2(rec.scored.isEmpty(), qPrintable(QStringLiteral("delivered for generations ") + delivered.join(QLatin1Char(','))));
        QCOMPARE(int(rec.started.size()), 1);  // the first request's computation never began
        // Off: no request is taken at all.
        engine->setPixelMetricsMode(PixelMetricsMode::Off);
        QCOMPARE(engine->requestPixelMetrics(), quint64(0));
        QTest::qWait(200);
        QCOMPARE(int(rec.scored.size()), 0);
        QCOMPARE(int(rec.started.size()), 1);
    }

    /// The demo world's numbers (VACLIP_DEMO_DIR, e.g. build/run/demo): printed for the record.
    void demoWorldTimings()
    {
        const QString demo = qEnvironmentVariable("VACLIP_DEMO_DIR");
        if (demo.isEmpty())
            QSKIP("VACLIP_DEMO_DIR not set (timings on the demo world only)");
        StudioSession session;
        ScoringEngine* engine = session.engine();
        engine->setPixelMetricsMode(PixelMetricsMode::OnDemand);
        PixelRecorder rec(engine);
        QString error;
        QVERIFY2(session.openConfig(demo + QStringLiteral("/configs/walkway_test.yaml"), &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(session.scores() || (!session.isLoading() && !session.lastError().isEmpty()), 120000);
        if (!session.scores())
            QSKIP(qPrintable(QStringLiteral("the demo world does not load: ") + session.lastError()));
        const TestSetInfoPtr info = session.testSet();
        if (info->pixelVideos == 0)
            QSKIP(qPrintable(QStringLiteral("no pixel metrics on the demo world: ") + info->pixelNote));
        const ScoreUpdatePtr u = session.scores();
        qint64 frames = 0;
        for (qint64 f : info->frames)
            frames += f;
        for (int round = 0; round < 2; ++round) {
            const int before = int(rec.scored.size());
            engine->requestPixelMetrics();
            QTRY_VERIFY_WITH_TIMEOUT(rec.scored.size() == before + 1, 300000);
            const PixelUpdatePtr p = rec.scored.last();
            QVERIFY2(p->metrics, qPrintable(p->note));
            qInfo("demo world (%d test videos, %lld frames): re-scoring %.1f ms + evaluation %.1f ms; pixel metrics "
                  "%.0f ms over %d video(s) with masks (AUROC %.4f, AUPRO %.4f)",
                  int(info->videos.size()), frames, u->rescoreMs, u->evaluateMs, p->ms, p->videos, p->metrics->auroc,
                  p->metrics->aupro);
        }
        // A re-scoring requested while pixel metrics run: how long until its scores arrive.
        const int startedBefore = int(rec.started.size());
        engine->requestPixelMetrics();
        QTRY_VERIFY_WITH_TIMEOUT(rec.started.size() == startedBefore + 1, 60000);
        const int scoredBefore = int(rec.scored.size());
        QElapsedTimer clock;
        clock.start();
        const quint64 g = engine->requestScores({QStringLiteral("a person riding a bicycle")});
        QVERIFY(waitForScores(session, g, 120000));
        qInfo("re-scoring requested during pixel metrics: scores after %lld ms (the abandoned pixel run delivered %d)",
              clock.elapsed(), int(rec.scored.size() - scoredBefore));
    }

private:
    vaclip::test::TempDir m_dir;
    QString m_config;
};

QTEST_MAIN(PixelMetricsModeTest)
#include "tst_pixel_metrics_mode.moc"

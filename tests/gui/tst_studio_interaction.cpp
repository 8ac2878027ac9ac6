// ctest-labels: gui studio
// ctest-link: vaclip_studio_ui vaclip_ml vaclip_core
// The studio's interaction inside the full main window over a real (small) workspace: a real
// mouse click on the timeline plot seeks the player (frame, status bar, transport); annotation
// undo is per video (Ctrl+Z never undoes an edit of a video that is not shown); frame numbers
// are shown 1-based in the transport and the status bar alike; the metrics panel shows pixel
// AUROC / AUPRO of the current prompts where the test set has masks and patch tokens (the same
// numbers as `vaclip test`'s route through map files), and says why not otherwise.
#include "annotate/annotation_model.h"
#include "config/config.h"
#include "infer/test_results.h"
#include "model/backbone.h"
#include "panels/metrics_panel.h"
#include "annotate/annotation_panel.h"
#include "player/frame_provider.h"
#include "player/player_controller.h"
#include "player/transport_bar.h"
#include "player/video_view.h"
#include "studio/main_window.h"
#include "studio/studio_session.h"
#include "studio/viewer_widget.h"
#include "studio_fixture.h"
#include "timeline/timeline_plot.h"

#include <QAction>
#include <QLabel>
#include <QStandardPaths>
#include <QUndoGroup>
#include <QUndoStack>
#include <QtTest>

#include <cmath>

using namespace vaclip::studio;

using vaclip::studio::TimelinePlot;

class StudioInteractionTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        Q_INIT_RESOURCE(studio);
        QStandardPaths::setTestModeEnabled(true);
        m_config = makeStudioWorkspace(m_dir);
    }

    /// Opens the window on the workspace and waits until video `video` is shown with its scores.
    void openWindow(StudioSession& session, MainWindow& window, int video = 0)
    {
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openConfig(m_config, true));
        QTRY_VERIFY_WITH_TIMEOUT(session.scores() != nullptr, 30000);
        session.setCurrentVideo(video);
        ViewerWidget* viewer = window.viewer();
        QTRY_VERIFY_WITH_TIMEOUT(viewer->provider()->isOpen(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(viewer->timeline()->frameCount(), int(session.testSet()->frames[std::size_t(video)]), 5000);
        QTRY_COMPARE_WITH_TIMEOUT(viewer->player()->frameCount(), viewer->timeline()->frameCount(), 5000);
    }

    void clickOnTheTimelineSeeks()
    {
        StudioSession session;
        MainWindow window(&session);
        openWindow(session, window, 1);
        ViewerWidget* viewer = window.viewer();
        TimelinePlot* timeline = viewer->timeline();
        QVERIFY(timeline->isVisible());
        QVERIFY(timeline->canvas()->width() > 100);
        QApplication::processEvents();  // the queued replot lays the plot out at its real size

        const int frames = timeline->frameCount();
        for (int target : {frames * 3 / 4, frames / 5, frames - 1}) {
            // A point in the middle of the plot area, away from the threshold line (a press on the
            // line grabs it instead of seeking).
            int y = timeline->pixelFor(0, 0.5 * (timeline->scoreAt(10) + timeline->scoreAt(timeline->canvas()->height() - 30))).y();
            const int thresholdY = timeline->pixelFor(0, timeline->threshold()).y();
            if (std::abs(y - thresholdY) < 15)
                y = thresholdY + (y < timeline->canvas()->height() / 2 ? 25 : -25);
            const QPoint at(timeline->pixelFor(target, 0).x(), y);
            QTest::mouseClick(timeline->canvas(), Qt::LeftButton, Qt::NoModifier, at);
            QTRY_COMPARE_WITH_TIMEOUT(viewer->player()->playhead(), target, 2000);
            QCOMPARE(timeline->playhead(), target);
            QTRY_COMPARE_WITH_TIMEOUT(int(session.currentFrame()), target, 2000);
            // The frame shown is the one asked for (decoded on the provider's worker).
            QTRY_COMPARE_WITH_TIMEOUT(viewer->view()->frameIndex(), target, 5000);
            // Both read-outs show it 1-based.
            const QString shown = QStringLiteral("%1 / %2").arg(target + 1).arg(frames);  // 1-based on screen
            QVERIFY2(window.statusText().contains(shown), qPrintable(window.statusText() + QStringLiteral(" vs ") + shown));
            const QString transport = viewer->transport()->displayText();
            QVERIFY2(transport.contains(shown), qPrintable(transport + QStringLiteral(" vs ") + shown));
        }
    }

    void undoIsPerVideo()
    {
        StudioSession session;
        MainWindow window(&session);
        openWindow(session, window, 0);
        auto* panel = window.findChild<vaclip::studio::AnnotationPanel*>();
        QVERIFY(panel);
        vaclip::studio::AnnotationModel* model = panel->model();
        QAction* undo = nullptr;
        for (QAction* a : window.findChildren<QAction*>())
            if (a->shortcut() == QKeySequence(QKeySequence::Undo) && a->parent() == &window)
                undo = a;
        QVERIFY(undo);

        // Video 0: one interval; video 1: another one.
        QVERIFY(model->addInterval(2, 6, QStringLiteral("cart")) != 0);
        const QString video0 = model->video();
        session.setCurrentVideo(1);
        QTRY_COMPARE(model->video(), session.videoName(1));
        QVERIFY(model->intervals().isEmpty());
        // Nothing to undo on video 1 yet: the edit on video 0 is not reachable from here.
        QVERIFY(!undo->isEnabled());
        window.activateWindow();
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QCOMPARE(model->intervals(video0).size(), 1);

        QVERIFY(model->addInterval(10, 12, QStringLiteral("bicycle")) != 0);
        QVERIFY(undo->isEnabled());
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);  // undoes video 1's edit only
        QVERIFY(model->intervals().isEmpty());
        QCOMPARE(model->intervals(video0).size(), 1);
        QVERIFY(!undo->isEnabled());
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);  // still nothing of video 0
        QCOMPARE(model->intervals(video0).size(), 1);

        // Back on video 0: its own history is there.
        session.setCurrentVideo(0);
        QTRY_COMPARE(model->video(), video0);
        QVERIFY(undo->isEnabled());
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier);
        QVERIFY(model->intervals(video0).isEmpty());
        // Redo on video 1 is its own too.
        session.setCurrentVideo(1);
        QTRY_COMPARE(model->video(), session.videoName(1));
        QTest::keyClick(&window, Qt::Key_Z, Qt::ControlModifier | Qt::ShiftModifier);
        QCOMPARE(model->intervals().size(), 1);
        QVERIFY(model->intervals(video0).isEmpty());
    }

    void pixelMetricsWhereMasksExist()
    {
        // Without testing.pixel_maps (the fixture): the panel says why there are none.
        {
            StudioSession session;
            MetricsPanel panel(&session);
            QVERIFY(session.openConfig(m_config));
            QTRY_VERIFY_WITH_TIMEOUT(session.scores() && panel.pixelUpdate() &&
                                         panel.pixelUpdate()->generation == session.scores()->generation, 30000);
            QVERIFY(!panel.pixelUpdate()->metrics);
            QVERIFY2(panel.pixelUpdate()->note.contains(QStringLiteral("testing.pixel_maps")), qPrintable(panel.pixelUpdate()->note));
            QVERIFY(panel.summaryText().contains(QStringLiteral("testing.pixel_maps")));
        }
        // With patch tokens and pixel maps on: the metrics of the current prompts.
        vaclip::test::TempDir dir;
        const QString config = makeStudioWorkspace(dir, "testing:\n  pixel_maps: true\n", true);
        StudioSession session;
        MetricsPanel panel(&session);
        QVERIFY(session.openConfig(config));
        QTRY_VERIFY_WITH_TIMEOUT(session.scores() && panel.pixelUpdate() &&
                                     panel.pixelUpdate()->generation == session.scores()->generation, 60000);
        const PixelUpdatePtr live = panel.pixelUpdate();
        QVERIFY2(live->metrics, qPrintable(live->note));
        QVERIFY(live->videos > 0);
        QVERIFY(std::isfinite(live->metrics->auroc) && live->metrics->auroc >= 0 && live->metrics->auroc <= 1);
        QVERIFY(live->metrics->anomalousPixels > 0);
        QVERIFY(panel.summaryText().contains(QString::number(live->metrics->auroc, 'f', 4)));

        // vaclip test's route (map files, then eval::evaluatePixelMaps) gives the same numbers.
        const vaclip::Config cfg = vaclip::loadConfig(config.toStdString());
        const vaclip::model::Backbone backbone = vaclip::model::Backbone::load(cfg.backbone.path);
        const vaclip::infer::Scorer scorer(cfg, backbone, "");
        std::vector<std::string> prompts;
        for (const QString& p : session.scores()->prompts)
            prompts.push_back(p.toStdString());
        const auto files = vaclip::infer::writeSplitPixelMaps(cfg, backbone.id(), scorer.encodePatchPrompts(prompts),
                                                              dir.file("maps"));
        QVERIFY(files.evaluation);
        QCOMPARE(files.evaluation->metrics.anomalousPixels, live->metrics->anomalousPixels);
        QVERIFY2(std::abs(files.evaluation->metrics.auroc - live->metrics->auroc) < 1e-3,
                 qPrintable(QStringLiteral("%1 vs %2").arg(files.evaluation->metrics.auroc).arg(live->metrics->auroc)));
        QVERIFY(std::abs(files.evaluation->metrics.aupro - live->metrics->aupro) < 1e-3);
    }

private:
    vaclip::test::TempDir m_dir;
    QString m_config;
};

QTEST_MAIN(StudioInteractionTest)
#include "tst_studio_interaction.moc"

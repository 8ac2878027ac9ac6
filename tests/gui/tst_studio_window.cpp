// ctest-labels: gui studio
// ctest-link: vaclip_studio_ui vaclip_ml vaclip_core
// The main window over a real (small) workspace: opening the configuration fills the datasets
// tree, scores the test set and evaluates it; clicking a row of the per-video table opens that
// video; a seek from the timeline moves the video (frame, status bar); the threshold moves the
// metrics' operating point; Space plays.
#include "jobs/job_queue.h"
#include "panels/datasets_panel.h"
#include "panels/metrics_panel.h"
#include "player/frame_provider.h"
#include "player/player_controller.h"
#include "studio/main_window.h"
#include "studio/studio_session.h"
#include "studio/viewer_widget.h"
#include "studio_fixture.h"
#include "timeline/timeline_plot.h"

#include <QStandardPaths>
#include <QTableWidget>
#include <QTreeWidget>
#include <QtTest>

class StudioWindowTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        Q_INIT_RESOURCE(studio);
        QStandardPaths::setTestModeEnabled(true);  // settings go to a test location
        m_config = makeStudioWorkspace(m_dir);
    }

    void opensScoresAndNavigates()
    {
        StudioSession session;
        MainWindow window(&session);
        window.resize(1400, 900);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openConfig(m_config, true));
        QTRY_VERIFY_WITH_TIMEOUT(session.scores() != nullptr, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(session.scores()->evaluation != nullptr, 5000);

        // Datasets tree: the walkway dataset with its splits and videos.
        QTreeWidget* tree = window.datasets()->tree();
        QCOMPARE(tree->topLevelItemCount(), 1);
        QCOMPARE(tree->topLevelItem(0)->childCount(), 2);
        QCOMPARE(tree->topLevelItem(0)->child(1)->childCount(), 4);  // test videos
        QTRY_VERIFY_WITH_TIMEOUT(tree->topLevelItem(0)->child(1)->child(0)->text(3) == QStringLiteral("cached"), 10000);

        // Per-video table: one row per evaluated video; a click opens that video.
        QTableWidget* table = window.metrics()->table();
        QCOMPARE(table->rowCount(), 4);
        const int target = table->item(2, 0)->data(Qt::UserRole).toInt();
        QVERIFY(target >= 0);
        const QRect cell = table->visualItemRect(table->item(2, 0));
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, cell.center());
        QCOMPARE(session.currentVideo(), target);

        // The viewer opens it (decoded on the provider's worker) and the timeline shows its scores.
        ViewerWidget* viewer = window.viewer();
        QTRY_VERIFY_WITH_TIMEOUT(viewer->provider()->isOpen(), 10000);
        QTRY_COMPARE_WITH_TIMEOUT(viewer->timeline()->frameCount(), int(session.testSet()->frames[std::size_t(target)]), 5000);

        // Clicking on the plot seeks: the playhead, the session's frame and the status bar follow.
        auto* timeline = viewer->timeline();
        // (The click itself is tst_player_timeline's; here the wiring from the plot's seek.)
        emit timeline->seekRequested(25);
        QTRY_VERIFY_WITH_TIMEOUT(std::abs(session.currentFrame() - 25) <= 1, 5000);
        QCOMPARE(viewer->player()->playhead(), int(session.currentFrame()));
        QVERIFY2(window.statusText().contains(QStringLiteral("Frame %1 / ").arg(session.currentFrame() + 1)),
                 qPrintable(window.statusText()));

        // The threshold moves the operating point (lowest threshold: everything anomalous).
        double lowest = 1e9;
        for (float s : session.scores()->scores.scores)
            lowest = std::min(lowest, double(s));
        session.setThreshold(lowest);
        QCOMPARE(window.metrics()->operatingPoint().tpr, 1.0);
        QCOMPARE(window.metrics()->operatingPoint().fpr, 1.0);
        QCOMPARE(viewer->timeline()->threshold(), lowest);

        // Space plays (the main window owns the shortcut).
        window.activateWindow();
        viewer->player()->seek(0);
        QTest::keyClick(&window, Qt::Key_Space);
        QTRY_VERIFY_WITH_TIMEOUT(viewer->player()->playhead() > 0, 5000);
        QTest::keyClick(&window, Qt::Key_Space);
        QVERIFY(!viewer->player()->isPlaying());
    }

private:
    vaclip::test::TempDir m_dir;
    QString m_config;
};

QTEST_MAIN(StudioWindowTest)
#include "tst_studio_window.moc"

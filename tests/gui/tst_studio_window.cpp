// ctest-labels: gui studio
// ctest-link: vaclip_studio_ui vaclip_ml vaclip_core
// The main window over a real (small) workspace: opening the configuration fills the datasets
// tree, scores the test set and evaluates it; clicking a row of the per-video table opens that
// video; a seek from the timeline moves the video (frame, status bar); the threshold moves the
// metrics' operating point; Space plays. File > Export writes the session's scores (re-read with
// core/io/npy.h), the plots, the current frame and the run report, and reports bad paths.
#include "io/npy.h"
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

#include <QAction>
#include <QFile>
#include <QImage>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableWidget>
#include <QTreeWidget>
#include <QtTest>

using namespace vaclip::studio;

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

    void exportsFromTheMenu()
    {
        StudioSession session;
        MainWindow window(&session);
        window.resize(1200, 800);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openConfig(m_config, true));
        QTRY_VERIFY_WITH_TIMEOUT(session.scores() != nullptr && session.scores()->evaluation != nullptr, 30000);

        // The menu entry and its shortcut.
        QAction* action = nullptr;
        for (QAction* a : window.findChildren<QAction*>())
            if (a->shortcut() == QKeySequence(Qt::CTRL | Qt::Key_E))
                action = a;
        QVERIFY(action != nullptr);
        QCOMPARE(action->text(), QStringLiteral("&Scores..."));

        // Scores as .npy: every test video's scores concatenated, exactly the session's.
        const QString npy = QString::fromStdString(m_dir.file("export/scores.npy"));
        QDir().mkpath(QFileInfo(npy).absolutePath());
        QVERIFY(window.exportScoresTo(npy, true));
        QVERIFY2(window.statusBar()->currentMessage().contains(QStringLiteral("scores.npy")),
                 qPrintable(window.statusBar()->currentMessage()));
        const vaclip::NpyArray read = vaclip::readNpy(npy.toStdString());
        const std::vector<double> values = read.toDoubles();
        std::vector<float> expected;
        for (int i = 0; i < session.videoCount(); ++i) {
            const std::vector<float> v = session.videoScores(i);
            QVERIFY(!v.empty());
            expected.insert(expected.end(), v.begin(), v.end());
        }
        QCOMPARE(values.size(), expected.size());
        QCOMPARE(expected.size(), session.scores()->scores.scores.size());
        for (std::size_t i = 0; i < values.size(); ++i)
            QCOMPARE(float(values[i]), expected[i]);

        // CSV: one row per frame plus the header, labels filled for labelled videos.
        const QString csv = QString::fromStdString(m_dir.file("export/scores.csv"));
        QVERIFY(window.exportScoresTo(csv, true));
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csvFile.readAll().trimmed().split('\n');
        QCOMPARE(qsizetype(lines.size()), qsizetype(expected.size() + 1));
        QCOMPARE(lines.front(), QByteArray("video,frame,time_s,score,label"));
        const std::vector<uint8_t>* labels = session.videoLabels(0);
        QVERIFY(labels && !labels->empty());
        QVERIFY2(lines[1].endsWith(labels->front() ? ",1" : ",0"), lines[1].constData());

        // Plots, the run report and the current frame at the video's native size.
        const QString timeline = QString::fromStdString(m_dir.file("export/timeline.png"));
        QVERIFY(window.exportTimelineTo(timeline, true));
        QVERIFY(!QImage(timeline).isNull());
        const QString roc = QString::fromStdString(m_dir.file("export/roc.svg"));
        QVERIFY(window.exportRocTo(roc, true));
        QVERIFY(QFileInfo(roc).size() > 0);
        const QString pr = QString::fromStdString(m_dir.file("export/pr.png"));
        QVERIFY(window.exportPrTo(pr, true));
        QVERIFY(!QImage(pr).isNull());
        const QString report = QString::fromStdString(m_dir.file("export/report.pdf"));
        QVERIFY(window.exportReportTo(report, true));
        QFile reportFile(report);
        QVERIFY(reportFile.open(QIODevice::ReadOnly));
        QVERIFY(reportFile.read(5) == "%PDF-");

        session.setCurrentVideo(1);
        QTRY_VERIFY_WITH_TIMEOUT(window.viewer()->provider()->isOpen(), 10000);
        const QString frame = QString::fromStdString(m_dir.file("export/frame.png"));
        QTRY_VERIFY_WITH_TIMEOUT(window.exportFrameTo(frame, true), 5000);
        QCOMPARE(QImage(frame).size(), QSize(96, 64));

        // Failures: unknown suffix, a folder that cannot exist (its parent is a file).
        QVERIFY(!window.exportScoresTo(QString::fromStdString(m_dir.file("export/scores.txt")), true));
        QVERIFY(!QFileInfo::exists(QString::fromStdString(m_dir.file("export/scores.txt"))));
        QVERIFY(!window.exportScoresTo(QString::fromStdString(m_dir.file("export/scores.npy/scores.npy")), true));
    }

private:
    vaclip::test::TempDir m_dir;
    QString m_config;
};

QTEST_MAIN(StudioWindowTest)
#include "tst_studio_window.moc"

// ctest-labels: gui studio workspace
// ctest-link: vaclip_studio_ui vaclip_ml vaclip_core
// Studio sessions in the SQLite workspace (issue 7): a session saved from one main window
// (configuration, an extra dataset, prompts with one disabled and a typed one, the open video,
// frame and threshold, an annotation, the scores) is restored by a fresh window and session:
// the same state, the stored scores shown first (generation 0) and equal to the saved ones,
// then re-scored to the same values. A damaged workspace gives an error dialog naming the
// file, and neither the file nor the session changes.
#include "annotate/annotation_model.h"
#include "panels/datasets_panel.h"
#include "panels/prompts_panel.h"
#include "studio/main_window.h"
#include "studio/studio_session.h"
#include "studio/studio_settings.h"
#include "studio_fixture.h"

#include <QApplication>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTimer>
#include <QtTest>

#include <algorithm>
#include <cmath>

using namespace vaclip::studio;

namespace {
QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::vector<float> allScores(const StudioSession& session)
{
    std::vector<float> out;
    for (int i = 0; i < session.videoCount(); ++i) {
        const std::vector<float> v = session.videoScores(i);
        out.insert(out.end(), v.begin(), v.end());
    }
    return out;
}

QStringList sorted(QStringList l)
{
    l.sort();
    return l;
}
} // namespace

class WorkspaceSessionTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        Q_INIT_RESOURCE(studio);
        QStandardPaths::setTestModeEnabled(true);
        m_config = makeStudioWorkspace(m_dir);
    }

    void savesAndRestoresTheSession()
    {
        const QString wsPath = QString::fromStdString(m_dir.file("session.vaclip"));
        const QVector<QPair<QString, bool>> entries = {{QStringLiteral("a person riding a bicycle"), true},
                                                       {QStringLiteral("a small cart on a walkway"), false},
                                                       {QStringLiteral("a dog running"), true}};
        const QString typed = QStringLiteral("a skateboard");
        const QStringList active = {entries[0].first, entries[2].first, typed};
        std::vector<float> savedScores;
        QStringList savedDatasets;
        QString videoName;
        {
            StudioSession session;
            MainWindow window(&session);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            QVERIFY(window.openConfig(m_config, true));
            QTRY_VERIFY_WITH_TIMEOUT(session.scores() != nullptr, 30000);
            window.prompts()->setPromptEntries(entries);
            window.prompts()->promptEdit()->setText(typed);
            QTRY_VERIFY_WITH_TIMEOUT(session.scores() && session.scores()->prompts == active, 20000);
            session.setCurrentVideo(2);
            session.setCurrentFrame(17);
            session.setThreshold(0.37);
            videoName = session.videoName(2);
            QCOMPARE(window.annotations()->video(), videoName);
            QVERIFY(window.annotations()->addInterval(5, 12, QStringLiteral("bicycle")) != 0);
            QString error;
            QVERIFY2(window.datasets()->addVideoFiles({session.videoPath(0), session.videoPath(1)}, &error), qPrintable(error));
            savedDatasets = window.datasets()->datasetPaths();
            QCOMPARE(savedDatasets.size(), 2);
            savedScores = allScores(session);
            QVERIFY(!savedScores.empty());
            QVERIFY2(window.saveWorkspace(wsPath, true, &error), qPrintable(error));
            QCOMPARE(window.workspacePath(), wsPath);
        }
        QCOMPARE(StudioSettings::load().recentWorkspaces.value(0), wsPath);

        // A fresh session and window restore it.
        StudioSession session;
        MainWindow window(&session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QList<quint64> generations;
        std::vector<float> firstScores;
        connect(&session, &StudioSession::scoresChanged, this, [&](ScoreUpdatePtr u) {
            if (generations.isEmpty())
                firstScores = u->scores.scores;
            generations << u->generation;
        });
        QString error;
        QVERIFY2(window.openWorkspace(wsPath, true, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(session.scores() && session.scores()->generation > 0, 30000);
        QTRY_VERIFY_WITH_TIMEOUT(session.currentVideo() == 2 && session.currentFrame() == 17, 5000);

        QCOMPARE(session.configPath(), QFileInfo(m_config).absoluteFilePath());
        QCOMPARE(session.threshold(), 0.37);
        QCOMPARE(window.prompts()->promptEntries(), entries);
        QCOMPARE(window.prompts()->promptEdit()->text(), typed);
        QCOMPARE(session.prompts(), active);
        QCOMPARE(sorted(window.datasets()->datasetPaths()), sorted(savedDatasets));
        const auto intervals = window.annotations()->intervals(videoName);
        QCOMPARE(intervals.size(), 1);
        QCOMPARE(intervals[0].begin, qint64(5));
        QCOMPARE(intervals[0].end, qint64(12));
        QCOMPARE(intervals[0].category, QStringLiteral("bicycle"));
        QCOMPARE(window.annotations()->video(), videoName);

        // The last run's scores were shown first, exactly as saved; the re-scoring agrees.
        QVERIFY(!generations.isEmpty());
        QCOMPARE(generations.first(), quint64(0));
        QVERIFY(firstScores == savedScores);
        QCOMPARE(session.scores()->prompts, active);
        const std::vector<float> rescored = allScores(session);
        QCOMPARE(rescored.size(), savedScores.size());
        for (std::size_t i = 0; i < rescored.size(); ++i)
            QVERIFY2(std::abs(rescored[i] - savedScores[i]) < 1e-5f, qPrintable(QString::number(i)));
    }

    void corruptWorkspaceIsReportedAndUntouched()
    {
        const QString bad = QString::fromStdString(m_dir.file("damaged.vaclip"));
        QByteArray garbage;
        for (int i = 0; i < 200; ++i)
            garbage += "not an SQLite workspace, line " + QByteArray::number(i) + "\n";
        {
            QFile f(bad);
            QVERIFY(f.open(QIODevice::WriteOnly));
            f.write(garbage);
        }

        StudioSession session;
        MainWindow window(&session);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(window.openConfig(m_config, true));
        QTRY_VERIFY_WITH_TIMEOUT(session.scores() != nullptr, 30000);
        session.setCurrentVideo(1);
        session.setCurrentFrame(9);
        const QStringList promptsBefore = session.prompts();

        // Opening it (not quiet): an error dialog whose text names the file.
        QString shown;
        auto* timer = new QTimer(this);
        timer->setInterval(20);
        connect(timer, &QTimer::timeout, this, [&, timer] {
            if (auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget())) {
                timer->stop();
                shown = box->text() + QLatin1Char('\n') + box->detailedText();
                box->accept();
            }
        });
        timer->start();
        QVERIFY(!window.openWorkspace(bad));
        timer->stop();
        QVERIFY2(shown.contains(bad), qPrintable(shown));

        // Nothing lost: the file, the session, the recent list.
        QCOMPARE(readAll(bad), garbage);
        QVERIFY(!QFileInfo::exists(bad + QStringLiteral("-wal")));
        QCOMPARE(session.configPath(), QFileInfo(m_config).absoluteFilePath());
        QCOMPARE(session.currentVideo(), 1);
        QCOMPARE(session.currentFrame(), qint64(9));
        QCOMPARE(session.prompts(), promptsBefore);
        QVERIFY(window.workspacePath().isEmpty());
        QVERIFY(!StudioSettings::load().recentWorkspaces.contains(bad));

        // Saving into it fails the same way and leaves it as it was.
        QString error;
        QVERIFY(!window.saveWorkspace(bad, true, &error));
        QVERIFY2(error.contains(bad), qPrintable(error));
        QCOMPARE(readAll(bad), garbage);

        // A missing file: an error naming it, no file created.
        const QString missing = QString::fromStdString(m_dir.file("missing.vaclip"));
        QVERIFY(!window.openWorkspace(missing, true, &error));
        QVERIFY2(error.contains(missing), qPrintable(error));
        QVERIFY(!QFileInfo::exists(missing));
    }

private:
    vaclip::test::TempDir m_dir;
    QString m_config;
};

QTEST_MAIN(WorkspaceSessionTest)
#include "tst_workspace_session.moc"

// ctest-labels: gui studio workspace
// ctest-link: vaclip_studio_ui vaclip_ml vaclip_core
// The studio's run history and unsaved changes (issue 7): two runs kept from the live scoring
// (one renamed) are saved and come back — names, kinds, prompts, metrics and every video's score
// track — in a fresh window; a test pass (Run > Reload) and a finished training job become runs
// of their own; the Runs panel compares two runs and overlays one on the timeline. The modified
// flag follows edits (not rescoring or restoring), saving and opening clear it; autosave writes
// the workspace file, or the recovery file that restoreRecovery() brings back; the quit question
// (through its hook) saves, discards or cancels; the training YAML and the backbone come back.
#include "annotate/annotation_model.h"
#include "panels/prompts_panel.h"
#include "panels/runs_panel.h"
#include "panels/training_panel.h"
#include "studio/main_window.h"
#include "studio/run_history.h"
#include "studio/studio_session.h"
#include "studio/viewer_widget.h"
#include "studio_fixture.h"
#include "timeline/timeline_plot.h"
#include "workspace/workspace.h"

#include <QFile>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QStandardPaths>
#include <QTableWidget>
#include <QtTest>

#include <cmath>
#include <filesystem>

using namespace vaclip::studio;

namespace {
/// A window on the fixture's configuration, scored, as the studio starts (not modified).
struct Studio {
    StudioSession session;
    MainWindow window{&session};
};

bool openScored(Studio& s, const QString& config)
{
    s.window.show();
    if (!QTest::qWaitForWindowExposed(&s.window) || !s.window.openConfig(config, true))
        return false;
    s.window.setModified(false);
    return QTest::qWaitFor([&] { return s.session.scores() && s.session.scores()->generation > 0; }, 30000);
}

bool setPromptsAndWait(Studio& s, const QStringList& prompts)
{
    QVector<QPair<QString, bool>> entries;
    for (const QString& p : prompts)
        entries.append({p, true});
    s.window.prompts()->setPromptEntries(entries);
    return QTest::qWaitFor([&] { return s.session.scores() && s.session.scores()->prompts == prompts; }, 20000);
}

std::vector<float> trackOf(const StudioSession& session, int video) { return session.videoScores(video); }
} // namespace

class WorkspaceRunsTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        Q_INIT_RESOURCE(studio);
        QStandardPaths::setTestModeEnabled(true);
        m_config = makeStudioWorkspace(m_dir, "training:\n  epochs: 1\n  batch_size: 2\n  n_ctx: 2\n"
                                              "  threads: 1\n  checkpoint_dir: ckpt\n");
        QFile::remove(MainWindow::recoveryPath());
    }

    void twoRunsComeBackWithMetricsAndTracks()
    {
        const QString ws = QString::fromStdString(m_dir.file("runs.vaclip"));
        const QStringList promptsA = {QStringLiteral("a person riding a bicycle")};
        const QStringList promptsB = {QStringLiteral("a small cart on a walkway"), QStringLiteral("a dog running")};
        std::vector<float> trackA2, trackB0;
        double aucA = NAN, aucB = NAN;
        QString videoA2, videoB0;
        {
            Studio s;
            QVERIFY(openScored(s, m_config));
            QVERIFY(setPromptsAndWait(s, promptsA));
            const qint64 a = s.window.keepCurrentAsRun(QStringLiteral("bicycle"));
            QVERIFY(a != 0);
            trackA2 = trackOf(s.session, 2);
            videoA2 = s.session.videoName(2);
            QVERIFY(setPromptsAndWait(s, promptsB));
            const qint64 b = s.window.keepCurrentAsRun();
            QVERIFY(b != 0);
            // an unnamed run is numbered among the live-prompt runs ("bicycle" was the first)
            QCOMPARE(s.window.runs()->find(b)->name, QStringLiteral("Prompts 2"));
            trackB0 = trackOf(s.session, 0);
            videoB0 = s.session.videoName(0);
            QVERIFY(trackA2 != trackOf(s.session, 2));  // the two runs really differ
            QVERIFY(s.window.runs()->rename(b, QStringLiteral("cart and dog")));
            QCOMPARE(s.window.runsPanel()->table()->rowCount(), 2);

            const StudioRun* ra = s.window.runs()->find(a);
            const StudioRun* rb = s.window.runs()->find(b);
            QCOMPARE(ra->prompts, promptsA);
            QCOMPARE(rb->prompts, promptsB);
            QCOMPARE(ra->kind, RunKind::Live);
            aucA = ra->metric(QStringLiteral("micro_auc"));
            aucB = rb->metric(QStringLiteral("micro_auc"));
            QVERIFY(std::isfinite(aucA) && std::isfinite(aucB));
            QCOMPARE(aucB, s.session.scores()->evaluation->micro.auc);
            QCOMPARE(int(ra->tracks.size()), s.session.videoCount());

            // Compare: the delta B - A of the frame AUC is in the text.
            s.window.runsPanel()->selectRuns({a, b});
            QCOMPARE(s.window.runsPanel()->selectedKeys().size(), 2);
            s.window.runsPanel()->compareSelected();
            const QString text = s.window.runsPanel()->details()->toPlainText();
            const QString delta = QLocale().toString(aucB - aucA, 'f', 4);
            QVERIFY2(text.contains(delta), qPrintable(text));

            // Show in timeline: run A's curve beside the live one for the shown video.
            s.session.setCurrentVideo(2);
            QTRY_COMPARE_WITH_TIMEOUT(s.window.viewer()->timeline()->frameCount(), int(trackA2.size()), 10000);
            s.window.showRunInTimeline(a);
            QVERIFY(s.window.viewer()->timeline()->trackNames().contains(QStringLiteral("run: bicycle")));

            QVERIFY(s.window.isModified());
            QString error;
            QVERIFY2(s.window.saveWorkspace(ws, true, &error), qPrintable(error));
            QVERIFY(!s.window.isModified());
            QVERIFY(!s.window.isWindowModified());
        }
        {
            Studio s;
            s.window.show();
            QString error;
            QVERIFY2(s.window.openWorkspace(ws, true, &error), qPrintable(error));
            QTRY_VERIFY_WITH_TIMEOUT(s.session.scores() && s.session.scores()->generation > 0, 30000);
            const QList<StudioRun>& runs = s.window.runs()->runs();
            QCOMPARE(runs.size(), 2);  // the hidden "studio session" run is not listed
            QCOMPARE(runs[0].name, QStringLiteral("bicycle"));
            QCOMPARE(runs[1].name, QStringLiteral("cart and dog"));
            QCOMPARE(runs[0].prompts, promptsA);
            QCOMPARE(runs[1].prompts, promptsB);
            QCOMPARE(runs[0].kind, RunKind::Live);
            QCOMPARE(runs[0].metric(QStringLiteral("micro_auc")), aucA);
            QCOMPARE(runs[1].metric(QStringLiteral("micro_auc")), aucB);
            QVERIFY(runs[0].tracks.value(videoA2) == trackA2);
            QVERIFY(runs[1].tracks.value(videoB0) == trackB0);
            QCOMPARE(s.window.runsPanel()->table()->rowCount(), 2);
            QVERIFY(!s.window.isModified());

            // Delete one and save again: the file keeps only the other.
            QVERIFY(s.window.runs()->remove(runs[0].key));
            QVERIFY(s.window.isModified());
            QVERIFY2(s.window.saveWorkspace(ws, true, &error), qPrintable(error));
        }
        vaclip::Workspace file(ws.toStdString(), vaclip::Workspace::OpenMode::Existing);
        const QList<StudioRun> stored = RunHistory::read(file, std::stoll(file.setting("studio.last_run").value()));
        QCOMPARE(stored.size(), 1);
        QCOMPARE(stored[0].name, QStringLiteral("cart and dog"));
        QVERIFY(stored[0].tracks.value(videoB0) == trackB0);
    }

    void testPassAndTrainingBecomeRuns()
    {
        Studio s;
        QVERIFY(openScored(s, m_config));
        s.window.reloadAsTestRun();
        QTRY_COMPARE_WITH_TIMEOUT(s.window.runs()->runs().size(), qsizetype(1), 30000);
        QCOMPARE(s.window.runs()->runs()[0].kind, RunKind::Test);
        QVERIFY(s.window.runs()->runs()[0].checkpoint.isEmpty());  // zero-shot
        QCOMPARE(int(s.window.runs()->runs()[0].tracks.size()), s.session.videoCount());

        s.window.training()->start();
        QVERIFY(s.window.training()->job());
        QTRY_COMPARE_WITH_TIMEOUT(s.window.runs()->runs().size(), qsizetype(2), 120000);
        const StudioRun& trained = s.window.runs()->runs()[1];
        QCOMPARE(trained.kind, RunKind::Training);
        QVERIFY(!trained.checkpoint.isEmpty());
        QVERIFY(trained.configYaml.contains(QStringLiteral("checkpoint_dir")));
        QCOMPARE(s.session.testSet()->checkpoint.isEmpty(), false);  // the new checkpoint is used
    }

    void modifiedFlagFollowsEditsNotRescoring()
    {
        const QString ws = QString::fromStdString(m_dir.file("dirty.vaclip"));
        Studio s;
        QVERIFY(openScored(s, m_config));
        QTest::qWait(300);  // late arrivals (tokenizer flags, cache states) are no edits
        QVERIFY(!s.window.isModified());
        s.window.prompts()->promptEdit()->setText(QStringLiteral("a skateboard"));
        QVERIFY(s.window.isModified());
        QVERIFY(s.window.isWindowModified());  // the "*" in the title
        QString error;
        QVERIFY2(s.window.saveWorkspace(ws, true, &error), qPrintable(error));
        QVERIFY(!s.window.isModified());
        QTest::qWait(300);  // the debounced re-scoring of the typed prompt
        QVERIFY(!s.window.isModified());

        Studio t;
        t.window.show();
        QVERIFY2(t.window.openWorkspace(ws, true, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(t.session.scores() && t.session.scores()->generation > 0, 30000);
        QTest::qWait(300);
        QVERIFY(!t.window.isModified());
        QVERIFY(t.window.annotations()->addInterval(2, 6, QStringLiteral("bicycle")) != 0);
        QVERIFY(t.window.isModified());
    }

    void autosaveWritesTheWorkspaceOrTheRecoveryFile()
    {
        const QString ws = QString::fromStdString(m_dir.file("auto.vaclip"));
        {
            Studio s;
            QVERIFY(openScored(s, m_config));
            QString error;
            QVERIFY2(s.window.saveWorkspace(ws, true, &error), qPrintable(error));
            QVERIFY(s.window.keepCurrentAsRun(QStringLiteral("kept")) != 0);
            QVERIFY(s.window.isModified());
            s.window.setAutosaveInterval(50);  // the timer, not a direct call
            QTRY_VERIFY_WITH_TIMEOUT(!s.window.isModified(), 5000);
            vaclip::Workspace file(ws.toStdString(), vaclip::Workspace::OpenMode::Existing);
            QCOMPARE(RunHistory::read(file, std::stoll(file.setting("studio.last_run").value())).size(), 1);
        }
        // No workspace file: the recovery file, and the session stays modified.
        QFile::remove(MainWindow::recoveryPath());
        {
            Studio s;
            QVERIFY(openScored(s, m_config));
            QVERIFY(s.window.keepCurrentAsRun(QStringLiteral("unsaved")) != 0);
            s.window.prompts()->promptEdit()->setText(QStringLiteral("a red kite"));
            QVERIFY(s.window.autosaveNow());
            QVERIFY(QFileInfo::exists(MainWindow::recoveryPath()));
            QVERIFY(s.window.isModified());
            QVERIFY(s.window.workspacePath().isEmpty());
            s.window.setSavePromptHook([](const QString&) { return QMessageBox::Discard; });
        }  // destroyed without close(): as after a crash, the recovery file stays
        QVERIFY(QFileInfo::exists(MainWindow::recoveryPath()));
        Studio r;
        r.window.show();
        QString error;
        QVERIFY2(r.window.restoreRecovery(true, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(r.session.scores() && r.session.scores()->generation > 0, 30000);
        QCOMPARE(r.window.runs()->runs().size(), qsizetype(1));
        QCOMPARE(r.window.runs()->runs()[0].name, QStringLiteral("unsaved"));
        QCOMPARE(r.window.prompts()->promptEdit()->text(), QStringLiteral("a red kite"));
        QVERIFY(r.window.workspacePath().isEmpty());
        QVERIFY(r.window.isModified());  // still not in a file the user chose
        // Discarding at quit removes the recovery file.
        r.window.setSavePromptHook([](const QString&) { return QMessageBox::Discard; });
        QVERIFY(r.window.close());
        QVERIFY(!QFileInfo::exists(MainWindow::recoveryPath()));
    }

    void quitAsksSaveDiscardCancel()
    {
        const QString ws = QString::fromStdString(m_dir.file("quit.vaclip"));
        Studio s;
        QVERIFY(openScored(s, m_config));
        QString error;
        QVERIFY2(s.window.saveWorkspace(ws, true, &error), qPrintable(error));
        int asked = 0;
        QMessageBox::StandardButton answer = QMessageBox::Cancel;
        s.window.setSavePromptHook([&](const QString& question) {
            ++asked;
            return question.contains(QStringLiteral("quit.vaclip")) ? answer : QMessageBox::NoButton;
        });
        QVERIFY(s.window.maybeSaveChanges());  // nothing changed: no question
        QCOMPARE(asked, 0);

        QVERIFY(s.window.keepCurrentAsRun(QStringLiteral("precious")) != 0);
        QVERIFY(!s.window.close());  // Cancel: the window stays
        QCOMPARE(asked, 1);
        QVERIFY(s.window.isVisible());
        QVERIFY(s.window.isModified());

        answer = QMessageBox::Discard;
        QVERIFY(s.window.maybeSaveChanges());
        QCOMPARE(asked, 2);
        {
            vaclip::Workspace file(ws.toStdString(), vaclip::Workspace::OpenMode::Existing);
            QCOMPARE(RunHistory::read(file, std::stoll(file.setting("studio.last_run").value())).size(), 0);
        }

        answer = QMessageBox::Save;
        QVERIFY(s.window.close());
        QCOMPARE(asked, 3);
        QVERIFY(!s.window.isModified());
        vaclip::Workspace file(ws.toStdString(), vaclip::Workspace::OpenMode::Existing);
        const QList<StudioRun> runs = RunHistory::read(file, std::stoll(file.setting("studio.last_run").value()));
        QCOMPARE(runs.size(), 1);
        QCOMPARE(runs[0].name, QStringLiteral("precious"));
    }

    void trainingYamlAndBackboneComeBack()
    {
        const QString ws = QString::fromStdString(m_dir.file("train.vaclip"));
        // Another path to the same weights: the backbone the workspace chose, not the config's.
        const std::string link = m_dir.file("other-backbone");
        std::filesystem::create_directory_symlink(tinyClipPath(), link);
        QString yaml;
        {
            Studio s;
            QVERIFY(openScored(s, m_config));
            yaml = s.window.training()->yamlText();
            const QRegularExpression epochs(QStringLiteral("(?<=\\bepochs: )1\\b"));
            QVERIFY2(yaml.contains(epochs), qPrintable(yaml));
            yaml.replace(epochs, QStringLiteral("7"));
            s.window.training()->setYamlText(yaml);
            vaclip::Config c = s.session.config();
            c.backbone.path = link;
            QString error;
            QVERIFY2(s.session.setConfig(c, s.session.configPath(), &error), qPrintable(error));
            QTRY_VERIFY_WITH_TIMEOUT(!s.session.isLoading() && s.session.testSet(), 30000);
            QVERIFY(s.window.isModified());
            QVERIFY2(s.window.saveWorkspace(ws, true, &error), qPrintable(error));
        }
        Studio s;
        s.window.show();
        QString error;
        QVERIFY2(s.window.openWorkspace(ws, true, &error), qPrintable(error));
        QTRY_VERIFY_WITH_TIMEOUT(s.session.scores() && s.session.scores()->generation > 0, 30000);
        QCOMPARE(QString::fromStdString(s.session.config().backbone.path), QString::fromStdString(link));
        QCOMPARE(s.window.training()->yamlText(), yaml);
        vaclip::Config trained;
        QVERIFY(s.window.training()->currentConfig(&trained));
        QCOMPARE(trained.training.epochs, 7);
        QVERIFY(!s.window.isModified());
    }

    void runsPanelSortsRenamesAndDeletes()
    {
        RunHistory history;
        auto run = [](const char* name, double auc) {
            StudioRun r;
            r.name = QString::fromLatin1(name);
            if (std::isfinite(auc))
                r.metrics.insert(QStringLiteral("micro_auc"), auc);
            return r;
        };
        const qint64 a = history.add(run("a", 0.7));
        const qint64 b = history.add(run("b", NAN));  // no evaluation
        const qint64 c = history.add(run("c", 0.9));
        RunsPanel panel(&history);
        QTableWidget* table = panel.table();
        QCOMPARE(table->rowCount(), 3);
        auto names = [table] {
            QStringList out;
            for (int row = 0; row < table->rowCount(); ++row)
                out << table->item(row, RunsPanel::ColName)->text();
            return out;
        };
        table->sortByColumn(RunsPanel::ColFrameAuc, Qt::DescendingOrder);
        QCOMPARE(names(), (QStringList{QStringLiteral("c"), QStringLiteral("a"), QStringLiteral("b")}));  // undefined last
        table->sortByColumn(RunsPanel::ColFrameAuc, Qt::AscendingOrder);
        QCOMPARE(names(), (QStringList{QStringLiteral("a"), QStringLiteral("c"), QStringLiteral("b")}));  // undefined last

        // Editing the name cell renames the run; an empty name is refused.
        table->item(0, RunsPanel::ColName)->setText(QStringLiteral("renamed"));
        QCOMPARE(history.find(a)->name, QStringLiteral("renamed"));
        table->item(0, RunsPanel::ColName)->setText(QString());
        QCOMPARE(history.find(a)->name, QStringLiteral("renamed"));

        // Delete asks first; "no" keeps the runs.
        int asked = 0;
        bool yes = false;
        panel.setConfirmHook([&](const QString&) {
            ++asked;
            return yes;
        });
        panel.selectRuns({b, c});
        panel.deleteSelected();
        QCOMPARE(asked, 1);
        QCOMPARE(history.runs().size(), qsizetype(3));
        yes = true;
        panel.deleteSelected();
        QCOMPARE(history.runs().size(), qsizetype(1));
        QVERIFY(history.find(a));
        QCOMPARE(table->rowCount(), 1);
    }

private:
    vaclip::test::TempDir m_dir;
    QString m_config;
};

QTEST_MAIN(WorkspaceRunsTest)
#include "tst_workspace_runs.moc"

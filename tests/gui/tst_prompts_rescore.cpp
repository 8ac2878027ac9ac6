// ctest-labels: gui studio
// ctest-link: vaclip_studio_ui vaclip_ml vaclip_core
// The prompts panel over a real (small) workspace: opening it scores the test set; typing a prompt
// re-scores the whole test set on the engine thread (coalesced, debounced) and the scores change;
// unknown words and over-long prompts are flagged inline; prompt sets round-trip through JSON.
#include "panels/prompts_panel.h"
#include "studio/studio_session.h"
#include "studio_fixture.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QtTest>

#include <cmath>

using namespace vaclip::studio;

class PromptsRescoreTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        Q_INIT_RESOURCE(studio);
        m_config = makeStudioWorkspace(m_dir);
    }

    void openingScoresTheTestSet()
    {
        StudioSession session;
        QVERIFY2(session.openConfig(m_config), qPrintable(session.lastError()));
        QTRY_VERIFY_WITH_TIMEOUT(session.scores() != nullptr, 30000);
        QVERIFY(session.testSet());
        QCOMPARE(session.videoCount(), 4);
        const ScoreUpdatePtr s = session.scores();
        QCOMPARE(s->prompts, (QStringList{QStringLiteral("a person riding a bicycle"), QStringLiteral("a small cart on a walkway")}));
        qint64 frames = 0;
        for (qint64 f : session.testSet()->frames)
            frames += f;
        QCOMPARE(qint64(s->scores.scores.size()), frames);
        QVERIFY2(s->evaluation, qPrintable(s->evaluationNote));
        QVERIFY(s->evaluation->micro.defined);
        QVERIFY(s->evaluation->micro.auc >= 0.0 && s->evaluation->micro.auc <= 1.0);
        QVERIFY(std::isfinite(s->evaluation->bootstrap.auc.low));
    }

    void typingAPromptChangesTheScores()
    {
        StudioSession session;
        PromptsPanel panel(&session);
        panel.resize(400, 500);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(session.openConfig(m_config));
        QTRY_VERIFY_WITH_TIMEOUT(session.scores() != nullptr, 30000);
        QCOMPARE(panel.list()->count(), 2);
        const std::vector<float> before = session.scores()->scores.scores;

        for (int i = 0; i < panel.list()->count(); ++i)  // score only what is typed
            panel.list()->item(i)->setCheckState(Qt::Unchecked);
        QSignalSpy spy(&session, &StudioSession::scoresChanged);
        const QString typed = QStringLiteral("a dog running across the road");
        QTest::keyClicks(panel.promptEdit(), typed);
        QTRY_VERIFY_WITH_TIMEOUT(session.scores()->prompts == QStringList{typed}, 20000);
        // Debounced and coalesced: far fewer re-scorings than keystrokes.
        QVERIFY2(spy.count() < typed.size() / 2, qPrintable(QString::number(spy.count())));
        const std::vector<float>& after = session.scores()->scores.scores;
        QCOMPARE(after.size(), before.size());
        double diff = 0;
        for (std::size_t i = 0; i < after.size(); ++i)
            diff = std::max(diff, double(std::abs(after[i] - before[i])));
        QVERIFY2(diff > 1e-4, qPrintable(QString::number(diff)));
        QCOMPARE(session.scores()->promptTracks.size(), after.size());  // one prompt

        // Enter adds the typed prompt to the list, which keeps scoring it.
        QTest::keyClick(panel.promptEdit(), Qt::Key_Return);
        QCOMPARE(panel.list()->count(), 3);
        QCOMPARE(panel.activePrompts(), QStringList{typed});
    }

    void unknownWordsAndLongPromptsAreFlagged()
    {
        StudioSession session;
        PromptsPanel panel(&session);
        panel.show();
        QVERIFY(session.openConfig(m_config));
        QTRY_VERIFY_WITH_TIMEOUT(panel.tokenizerReady(), 20000);
        QVERIFY(panel.issuesOf(QStringLiteral("a person riding a bicycle")).isEmpty());
        QVERIFY(panel.issuesOf(QStringLiteral("a zorblaxian on the walkway")).contains(QStringLiteral("zorblaxian")));
        QString longPrompt;
        for (int i = 0; i < 90; ++i)
            longPrompt += QStringLiteral("person ");
        QVERIFY(panel.issuesOf(longPrompt).contains(QStringLiteral("too long")));

        QTest::keyClicks(panel.promptEdit(), QStringLiteral("a zorblaxian"));
        auto* note = panel.findChild<QLabel*>(QStringLiteral("promptNote"));
        QVERIFY(note);
        QVERIFY(note->isVisible());
        QVERIFY(note->text().contains(QStringLiteral("zorblaxian")));
        QTest::keyClick(panel.promptEdit(), Qt::Key_Return);
        QListWidgetItem* added = panel.list()->item(panel.list()->count() - 1);
        QVERIFY(!added->icon().isNull());
        QVERIFY(added->toolTip().contains(QStringLiteral("zorblaxian")));
        QVERIFY(panel.list()->item(0)->icon().isNull());
    }

    void promptSetsRoundTrip()
    {
        StudioSession session;
        PromptsPanel panel(&session);
        panel.setListPrompts({QStringLiteral("a cart"), QStringLiteral("a wheelchair")});
        panel.list()->item(1)->setCheckState(Qt::Unchecked);
        const QString path = QString::fromStdString(m_dir.file("set.json"));
        QString error;
        QVERIFY2(panel.savePromptSet(path, &error), qPrintable(error));
        PromptsPanel other(&session);
        QVERIFY2(other.loadPromptSet(path, &error), qPrintable(error));
        QCOMPARE(other.listPrompts(), (QStringList{QStringLiteral("a cart"), QStringLiteral("a wheelchair")}));
        QCOMPARE(other.activePrompts(), QStringList{QStringLiteral("a cart")});
        vaclip::test::writeText(m_dir.file("bad.json"), "{\"format\": \"something-else\"}");
        QVERIFY(!other.loadPromptSet(QString::fromStdString(m_dir.file("bad.json")), &error));
        QVERIFY(error.contains(QStringLiteral("bad.json")));
    }

private:
    vaclip::test::TempDir m_dir;
    QString m_config;
};

QTEST_MAIN(PromptsRescoreTest)
#include "tst_prompts_rescore.moc"

// ctest-labels: gui studio
// ctest-link: vaclip_studio_ui vaclip_ml vaclip_core
// Run > Test set (job) (issue 7): a TestJob on the job queue writes the `vaclip test` results
// folder (scores.json, frame_scores.npy, videos/*.npy, evaluation/metrics.json) for the fixture's
// test split and the window records it as a test run; the frame counts are checked against the
// test set the studio loaded (an independent load of the same split). Cancelled while running it
// ends Cancelled and leaves neither the results folder nor its .partial staging folder; an
// existing results folder is refused without touching it.
#include "io/npy.h"
#include "jobs/job_queue.h"
#include "jobs/test_job.h"
#include "studio/main_window.h"
#include "studio/run_history.h"
#include "studio/studio_session.h"
#include "studio_fixture.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QElapsedTimer>
#include <QtTest>

#include <cmath>

#include <filesystem>
#include <numeric>

using namespace vaclip::studio;
namespace fs = std::filesystem;

namespace {
struct Studio {
    StudioSession session;
    MainWindow window{&session};
};

bool openScored(Studio& s, const QString& config)
{
    s.window.show();
    if (!QTest::qWaitForWindowExposed(&s.window) || !s.window.openConfig(config, true))
        return false;
    return QTest::qWaitFor([&] { return s.session.scores() && s.session.scores()->generation > 0; }, 30000);
}

int testRuns(const RunHistory& h)
{
    int n = 0;
    for (const StudioRun& r : h.runs())
        n += r.kind == RunKind::Test;
    return n;
}
} // namespace

class TestJobTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        Q_INIT_RESOURCE(studio);
        m_config = makeStudioWorkspace(m_dir);
    }

    void writesResultsAndRecordsARun()
    {
        Studio s;
        QVERIFY(openScored(s, m_config));
        const TestSetInfoPtr testSet = s.session.testSet();
        QVERIFY(testSet && !testSet->videos.isEmpty());
        const qint64 expectedFrames = std::accumulate(testSet->frames.begin(), testSet->frames.end(), qint64(0));
        const int runsBefore = testRuns(*s.window.runs());

        const QString out = QString::fromStdString(m_dir.file("results/test-a"));
        std::shared_ptr<TestJob> job = s.window.runTestSetJob(out);
        QVERIFY(job);
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 60000);
        QVERIFY2(job->state() == Job::State::Succeeded, qPrintable(job->errorMessage()));

        const std::string dir = out.toStdString();
        QVERIFY(fs::is_regular_file(dir + "/scores.json"));
        QVERIFY(fs::is_regular_file(dir + "/frame_scores.npy"));
        QVERIFY(fs::is_regular_file(dir + "/evaluation/metrics.json"));
        QVERIFY(!fs::exists(dir + ".partial"));

        const vaclip::NpyArray frames = vaclip::readNpy(dir + "/frame_scores.npy");
        QCOMPARE(frames.numel(), int64_t(expectedFrames));

        QFile f(out + QStringLiteral("/scores.json"));
        QVERIFY(f.open(QIODevice::ReadOnly));
        const QJsonObject scores = QJsonDocument::fromJson(f.readAll()).object();
        const QJsonArray videos = scores.value(QStringLiteral("videos")).toArray();
        QCOMPARE(videos.size(), testSet->videos.size());
        for (qsizetype i = 0; i < videos.size(); ++i) {
            const QJsonObject v = videos[i].toObject();
            QCOMPARE(v.value(QStringLiteral("video_path")).toString(), testSet->videos[i]);
            QCOMPARE(qint64(v.value(QStringLiteral("frames")).toDouble()), testSet->frames[std::size_t(i)]);
        }
        QCOMPARE(job->result().frames, expectedFrames);

        // Recorded as a test run once the finished signal reached the GUI thread.
        QTRY_COMPARE_WITH_TIMEOUT(testRuns(*s.window.runs()), runsBefore + 1, 5000);
        const StudioRun& run = s.window.runs()->runs().back();
        QCOMPARE(run.kind, RunKind::Test);
        QCOMPARE(run.tracks.size(), testSet->videos.size());
        for (qsizetype i = 0; i < testSet->videos.size(); ++i)
            QCOMPARE(qint64(run.tracks.value(testSet->videos[i]).size()), testSet->frames[std::size_t(i)]);
        QVERIFY(std::isfinite(run.metric(QStringLiteral("micro_auc"))));
        QCOMPARE(run.prompts, job->result().prompts);
        QVERIFY(!run.prompts.isEmpty());

        // The results folder is never overwritten: a second job into it fails, the folder stays.
        // (On a queue of its own: the window would show the failure in a modal message box.)
        JobQueue queue;
        auto again = std::make_shared<TestJob>(s.session.config(), s.session.configPath(), out, s.session.prompts(),
                                               QString());
        queue.enqueue(again);
        QTRY_VERIFY_WITH_TIMEOUT(again->isFinished(), 30000);
        QCOMPARE(again->state(), Job::State::Failed);
        QVERIFY(again->errorMessage().contains(QStringLiteral("already exists")));
        QVERIFY(fs::is_regular_file(dir + "/scores.json"));
        QCOMPARE(testRuns(*s.window.runs()), runsBefore + 1);
    }

    void cancelledWhileRunningLeavesNoFolder()
    {
        Studio s;
        QVERIFY(openScored(s, m_config));
        const int runsBefore = testRuns(*s.window.runs());
        const QString out = QString::fromStdString(m_dir.file("results/test-cancelled"));
        vaclip::studio::TestJob* raw = nullptr;
        // Cancel from the worker the moment the job starts running (direct connection), so the
        // cancel is seen inside execute() and not only by the queue.
        std::shared_ptr<TestJob> job = std::make_shared<TestJob>(s.session.config(), s.session.configPath(), out,
                                                                 s.session.prompts(), QString());
        raw = job.get();
        bool sawStart = false;
        connect(raw, &Job::started, raw, [raw, &sawStart] {
            sawStart = true;
            raw->requestCancel();
        }, Qt::DirectConnection);
        QElapsedTimer clock;
        clock.start();
        s.session.jobs()->enqueue(job);
        QTRY_VERIFY_WITH_TIMEOUT(job->isFinished(), 30000);
        qInfo("cancelled test job finished after %lld ms", static_cast<long long>(clock.elapsed()));
        QVERIFY(sawStart);
        QCOMPARE(job->state(), Job::State::Cancelled);
        QVERIFY(!fs::exists(out.toStdString()));
        QVERIFY(!fs::exists(out.toStdString() + ".partial"));

        // Through the menu's path: cancelled right after enqueueing (queued or already running),
        // it ends Cancelled, writes nothing and records no run.
        const QString out2 = QString::fromStdString(m_dir.file("results/test-cancelled-2"));
        std::shared_ptr<TestJob> viaWindow = s.window.runTestSetJob(out2);
        QVERIFY(viaWindow);
        viaWindow->requestCancel();
        QTRY_VERIFY_WITH_TIMEOUT(viaWindow->isFinished(), 30000);
        QCOMPARE(viaWindow->state(), Job::State::Cancelled);
        QVERIFY(!fs::exists(out2.toStdString()));
        QVERIFY(!fs::exists(out2.toStdString() + ".partial"));
        QTest::qWait(50);  // let a (wrongly) queued run record arrive
        QCOMPARE(testRuns(*s.window.runs()), runsBefore);
    }

private:
    vaclip::test::TempDir m_dir;
    QString m_config;
};

QTEST_MAIN(TestJobTest)
#include "tst_test_job.moc"

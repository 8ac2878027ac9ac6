// ctest-labels: gui studio
// ctest-link: vaclip_studio_ui vaclip_ml vaclip_core
// Training from the training panel on a real (small) workspace: Start runs a TrainJob on the job
// queue, the live curve and ETA fill in, Cancel stops it within a second, and through the whole
// run the GUI thread's event loop keeps turning (the largest gap between 5 ms timer ticks is
// measured and must stay under 200 ms). Also: the YAML and the form stay in step.
#include "jobs/job_queue.h"
#include "panels/training_panel.h"
#include "studio/studio_session.h"
#include "studio_fixture.h"

#include <QElapsedTimer>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTimer>
#include <QtTest>

#include <filesystem>

using namespace vaclip::studio;

class TrainingJobTest : public QObject {
    Q_OBJECT
private slots:
    void initTestCase()
    {
        Q_INIT_RESOURCE(studio);
        m_config = makeStudioWorkspace(m_dir, "training:\n  epochs: 2000\n  batch_size: 2\n  n_ctx: 2\n"
                                              "  threads: 1\n  checkpoint_dir: ckpt\n");
    }

    void startThenCancelWithinASecondWhileResponsive()
    {
        StudioSession session;
        TrainingPanel panel(&session);
        panel.resize(900, 600);
        panel.show();
        QVERIFY(QTest::qWaitForWindowExposed(&panel));
        QVERIFY(panel.loadConfigFile(m_config));
        QVERIFY(panel.yamlEdit()->toPlainText().contains(QStringLiteral("epochs: 2000")));

        // Event-loop latency probe: a 5 ms timer; the gap between consecutive ticks is the
        // longest time the GUI thread was unable to process events.
        QElapsedTimer clock;
        clock.start();
        qint64 last = 0, maxGap = 0, ticks = 0;
        QTimer probe;
        probe.setInterval(5);
        connect(&probe, &QTimer::timeout, this, [&] {
            const qint64 now = clock.elapsed();
            maxGap = std::max(maxGap, now - last);
            last = now;
            ++ticks;
        });
        probe.start();
        last = clock.elapsed();

        QTest::mouseClick(panel.startButton(), Qt::LeftButton);
        QVERIFY(panel.job());
        QVERIFY(panel.cancelButton()->isEnabled());
        QVERIFY(!panel.startButton()->isEnabled());
        QSignalSpy ticksSpy(panel.job().get(), &TrainJob::tick);
        QTRY_VERIFY_WITH_TIMEOUT(ticksSpy.count() >= 20, 60000);  // really training
        QTRY_VERIFY_WITH_TIMEOUT(panel.etaText().contains(QStringLiteral("ETA")), 5000);

        qint64 cancelledAt = -1, finishedAt = -1;
        connect(panel.job().get(), &Job::finished, this, [&](Job::State, const QString&) { finishedAt = clock.elapsed(); });
        cancelledAt = clock.elapsed();
        QTest::mouseClick(panel.cancelButton(), Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(finishedAt >= 0, 5000);
        probe.stop();
        const qint64 cancelMs = finishedAt - cancelledAt;
        qInfo("training: %lld steps reported; cancel took %lld ms; event loop: %lld ticks, max gap %lld ms",
              static_cast<long long>(ticksSpy.count()), static_cast<long long>(cancelMs),
              static_cast<long long>(ticks), static_cast<long long>(maxGap));
        QCOMPARE(panel.job()->state(), Job::State::Cancelled);
        QVERIFY2(cancelMs < 1000, qPrintable(QString::number(cancelMs)));
        QVERIFY2(maxGap < 200, qPrintable(QString::number(maxGap)));
        QVERIFY(panel.startButton()->isEnabled());
        QVERIFY(!panel.cancelButton()->isEnabled());
    }

    void formAndYamlStayInStep()
    {
        StudioSession session;
        TrainingPanel panel(&session);
        QVERIFY(panel.loadConfigFile(m_config));
        const QList<QSpinBox*> spins = panel.findChildren<QSpinBox*>();
        QSpinBox* epochs = nullptr;
        for (QSpinBox* s : spins)
            if (s->value() == 2000)
                epochs = s;
        QVERIFY(epochs);
        epochs->setValue(7);
        vaclip::Config c;
        QVERIFY(panel.currentConfig(&c));
        QCOMPARE(c.training.epochs, 7);
        QVERIFY(panel.yamlEdit()->toPlainText().contains(QStringLiteral("epochs: 7")));

        QString yaml = panel.yamlEdit()->toPlainText();
        yaml.replace(QStringLiteral("epochs: 7"), QStringLiteral("epochs: 11"));
        panel.yamlEdit()->setPlainText(yaml);
        QTRY_COMPARE(epochs->value(), 11);

        panel.yamlEdit()->setPlainText(QStringLiteral("training:\n  epochs: eleven\n"));
        QString error;
        QVERIFY(!panel.currentConfig(&c, &error));
        QVERIFY(error.contains(QStringLiteral("epochs")));
        QTRY_VERIFY(!panel.startButton()->isEnabled() || !panel.currentConfig(&c));
    }

    void aShortRunSucceedsAndWritesACheckpoint()
    {
        StudioSession session;
        QVERIFY(session.openConfig(m_config));
        vaclip::Config c = vaclip::loadConfig(m_config.toStdString());
        c.training.epochs = 1;
        c.training.checkpointDir = m_dir.file("short");
        JobQueue& queue = *session.jobs();
        auto job = std::make_shared<TrainJob>(c, TrainJob::Mode::Fresh);
        QSignalSpy finished(job.get(), &Job::finished);
        queue.enqueue(job);
        QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, 60000);
        QCOMPARE(job->state(), Job::State::Succeeded);
        QVERIFY(std::filesystem::exists(m_dir.file("short/last.ckpt")));
        QCOMPARE(job->lastCheckpoint().isEmpty(), false);
    }

private:
    vaclip::test::TempDir m_dir;
    QString m_config;
};

QTEST_MAIN(TrainingJobTest)
#include "tst_training_job.moc"

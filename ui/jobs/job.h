#pragma once
// A unit of long engine work (feature extraction, training, loading a backbone, ...) run off the
// GUI thread, with its progress and outcome as signals.
//
//   auto job = std::make_shared<TrainJob>(config, TrainJob::Mode::Fresh);
//   connect(job.get(), &Job::progressChanged, bar, [bar](double f, const QString&) { bar->setValue(int(f * 100)); });
//   connect(job.get(), &Job::finished, this, [](Job::State s, const QString& error) { ... });
//   queue->enqueue(job);           // JobQueue runs it on its thread pool
//   job->requestCancel();           // any thread; the job stops at its next progress callback
//
// Contract for subclasses: execute() runs on a worker thread, calls reportProgress()/log() as it
// goes, polls isCancelRequested() at least every ~0.5 s (core callbacks return !isCancelRequested())
// and throws vaclip::Error (or std::exception) on failure. execute() must never touch widgets.
// Signals are emitted from the worker thread; connect them with a context object that lives in
// the GUI thread so that they arrive queued.
// Thread safety: requestCancel(), state(), progress() and isCancelRequested() from any thread.

#include <QObject>
#include <QString>

#include <atomic>
#include <mutex>

namespace vaclip::studio {

class Job : public QObject {
    Q_OBJECT
public:
    enum class State { Queued, Running, Succeeded, Failed, Cancelled };
    Q_ENUM(State)

    explicit Job(QString title, QObject* parent = nullptr);
    ~Job() override;

    QString title() const { return m_title; }
    State state() const { return m_state.load(); }
    double progress() const { return m_progress.load(); }
    QString progressText() const;
    QString errorMessage() const;
    bool isFinished() const;
    /// Seconds since run() started (0 before), frozen when finished.
    double elapsedSeconds() const;

    /// Asks the job to stop; a queued job is cancelled without running.
    void requestCancel();
    bool isCancelRequested() const { return m_cancel.load(); }

    /// Runs execute() on the calling (worker) thread and emits finished(). Called by JobQueue.
    void run();

    static QString stateName(State s);

signals:
    void started();
    /// fraction in [0, 1] (or -1 when unknown), a one-line description
    void progressChanged(double fraction, const QString& text);
    void logLine(const QString& line);
    void finished(Job::State state, const QString& error);

protected:
    virtual void execute() = 0;
    void reportProgress(double fraction, const QString& text);
    void log(const QString& line);

private:
    QString m_title;
    std::atomic<State> m_state{State::Queued};
    std::atomic<double> m_progress{0.0};
    std::atomic<bool> m_cancel{false};
    std::atomic<qint64> m_startedMs{0};
    std::atomic<qint64> m_endedMs{0};
    mutable std::mutex m_mutex;  // guards the strings below
    QString m_progressText;
    QString m_error;
};

} // namespace vaclip::studio

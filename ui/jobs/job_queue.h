#pragma once
// The studio's queue of engine jobs: jobs wait in order and run on a private thread pool
// (one at a time by default: the engine already uses every core), each can be cancelled.
//
//   JobQueue queue;                                 // GUI thread
//   std::shared_ptr<Job> job = queue.enqueue(std::make_shared<ExtractJob>(config));
//   connect(&queue, &JobQueue::jobFinished, this, [](Job* j) { ... });
//   queue.cancelAll();                              // e.g. on quit; the destructor also waits
//
// Ownership: the queue keeps every job it was given (finished ones until clearFinished()).
// Thread affinity: a GUI-thread object; jobFinished/jobStarted are emitted on the GUI thread.

#include "jobs/job.h"

#include <QObject>
#include <QThreadPool>

#include <memory>
#include <vector>

namespace vaclip::studio {

class JobQueue : public QObject {
    Q_OBJECT
public:
    explicit JobQueue(QObject* parent = nullptr, int concurrentJobs = 1);
    ~JobQueue() override;

    std::shared_ptr<Job> enqueue(std::shared_ptr<Job> job);
    const std::vector<std::shared_ptr<Job>>& jobs() const { return m_jobs; }
    int activeCount() const;  ///< queued or running
    void cancelAll();
    void clearFinished();
    /// Blocks until every started job has returned (tests, shutdown). Returns false on timeout.
    bool waitForDone(int msecs = -1);

signals:
    void jobAdded(Job* job);
    void jobStarted(Job* job);
    void jobFinished(Job* job);
    void jobsCleared();

private:
    QThreadPool m_pool;
    std::vector<std::shared_ptr<Job>> m_jobs;
};

} // namespace vaclip::studio

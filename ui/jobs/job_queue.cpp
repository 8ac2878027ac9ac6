#include "jobs/job_queue.h"

namespace vaclip::studio {

JobQueue::JobQueue(QObject* parent, int concurrentJobs) : QObject(parent)
{
    m_pool.setMaxThreadCount(concurrentJobs);
    m_pool.setExpiryTimeout(-1);
}

JobQueue::~JobQueue()
{
    cancelAll();
    m_pool.waitForDone();
}

std::shared_ptr<Job> JobQueue::enqueue(std::shared_ptr<Job> job)
{
    m_jobs.push_back(job);
    Job* raw = job.get();
    connect(raw, &Job::started, this, [this, raw] { emit jobStarted(raw); });
    connect(raw, &Job::finished, this, [this, raw](Job::State, const QString&) { emit jobFinished(raw); });
    emit jobAdded(raw);
    // The runnable holds a reference: a job outlives clearFinished() while it is still running.
    m_pool.start([job] { job->run(); });
    return job;
}

int JobQueue::activeCount() const
{
    int n = 0;
    for (const auto& j : m_jobs)
        n += j->isFinished() ? 0 : 1;
    return n;
}

void JobQueue::cancelAll()
{
    for (const auto& j : m_jobs)
        if (!j->isFinished())
            j->requestCancel();
}

void JobQueue::clearFinished()
{
    std::vector<std::shared_ptr<Job>> keep;
    for (auto& j : m_jobs)
        if (!j->isFinished())
            keep.push_back(std::move(j));
    m_jobs = std::move(keep);
    emit jobsCleared();
}

bool JobQueue::waitForDone(int msecs)
{
    return m_pool.waitForDone(msecs);
}

} // namespace vaclip::studio

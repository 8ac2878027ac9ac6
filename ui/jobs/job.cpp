#include "jobs/job.h"

#include "common/error.h"

#include <QDateTime>

namespace vaclip::studio {

Job::Job(QString title, QObject* parent) : QObject(parent), m_title(std::move(title)) {}

Job::~Job() = default;

QString Job::progressText() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_progressText;
}

QString Job::errorMessage() const
{
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_error;
}

bool Job::isFinished() const
{
    const State s = state();
    return s == State::Succeeded || s == State::Failed || s == State::Cancelled;
}

double Job::elapsedSeconds() const
{
    const qint64 start = m_startedMs.load();
    if (start == 0)
        return 0;
    const qint64 end = m_endedMs.load();
    return double((end ? end : QDateTime::currentMSecsSinceEpoch()) - start) / 1000.0;
}

void Job::requestCancel()
{
    m_cancel.store(true);
}

QString Job::stateName(State s)
{
    switch (s) {
    case State::Queued: return tr("queued");
    case State::Running: return tr("running");
    case State::Succeeded: return tr("done");
    case State::Failed: return tr("failed");
    case State::Cancelled: return tr("cancelled");
    }
    return {};
}

void Job::run()
{
    if (m_cancel.load()) {
        m_state.store(State::Cancelled);
        emit finished(State::Cancelled, QString());
        return;
    }
    m_startedMs.store(QDateTime::currentMSecsSinceEpoch());
    m_state.store(State::Running);
    emit started();
    State outcome = State::Succeeded;
    QString error;
    try {
        execute();
        if (m_cancel.load())
            outcome = State::Cancelled;
    } catch (const vaclip::Error& e) {
        if (e.code() == vaclip::ErrorCode::Cancelled || m_cancel.load()) {
            outcome = State::Cancelled;
        } else {
            outcome = State::Failed;
            error = QString::fromStdString(e.what());
        }
    } catch (const std::exception& e) {
        outcome = m_cancel.load() ? State::Cancelled : State::Failed;
        if (outcome == State::Failed)
            error = QString::fromStdString(e.what());
    }
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_error = error;
    }
    m_endedMs.store(QDateTime::currentMSecsSinceEpoch());
    m_state.store(outcome);
    if (outcome == State::Succeeded)
        m_progress.store(1.0);
    emit finished(outcome, error);
}

void Job::reportProgress(double fraction, const QString& text)
{
    m_progress.store(fraction);
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_progressText = text;
    }
    emit progressChanged(fraction, text);
}

void Job::log(const QString& line)
{
    emit logLine(line);
}

} // namespace vaclip::studio

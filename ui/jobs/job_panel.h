#pragma once
// The job panel: every job of a JobQueue as a row (title, state, progress bar with its text,
// elapsed time, a cancel button), most recent at the bottom, plus "Clear finished".
//
//   JobPanel panel(session.jobs());
//
// Thread affinity: GUI thread; rows refresh from the jobs' queued signals and a 0.5 s timer
// for the elapsed times.

#include <QWidget>

#include <map>

class QTreeWidget;
class QTreeWidgetItem;

namespace vaclip::studio {

class Job;
class JobQueue;

class JobPanel : public QWidget {
    Q_OBJECT
public:
    explicit JobPanel(JobQueue* queue, QWidget* parent = nullptr);
    QTreeWidget* tree() const { return m_tree; }

private:
    void addJob(Job* job);
    void refresh(Job* job);
    void rebuild();

    JobQueue* m_queue;
    QTreeWidget* m_tree;
    std::map<Job*, QTreeWidgetItem*> m_rows;
};

} // namespace vaclip::studio

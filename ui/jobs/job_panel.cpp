#include "jobs/job_panel.h"

#include "jobs/job_queue.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QProgressBar>
#include <QPushButton>
#include <QTimer>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace vaclip::studio {

namespace {
enum Column { ColTitle, ColState, ColProgress, ColTime, ColCancel };
}

JobPanel::JobPanel(JobQueue* queue, QWidget* parent) : QWidget(parent), m_queue(queue), m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("jobPanel"));
    m_tree->setColumnCount(5);
    m_tree->setHeaderLabels({tr("Job"), tr("State"), tr("Progress"), tr("Time"), QString()});
    m_tree->setRootIsDecorated(false);
    m_tree->header()->setSectionResizeMode(ColProgress, QHeaderView::Stretch);
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(ColCancel, QHeaderView::Fixed);
    m_tree->header()->resizeSection(ColCancel, 32);
    m_tree->header()->resizeSection(ColTitle, 180);
    auto* clear = new QPushButton(tr("Clear finished"), this);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(clear);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(2, 2, 2, 2);
    layout->addWidget(m_tree, 1);
    layout->addLayout(buttons);

    connect(queue, &JobQueue::jobAdded, this, &JobPanel::addJob);
    connect(queue, &JobQueue::jobStarted, this, &JobPanel::refresh);
    connect(queue, &JobQueue::jobFinished, this, &JobPanel::refresh);
    connect(queue, &JobQueue::jobsCleared, this, &JobPanel::rebuild);
    connect(clear, &QPushButton::clicked, queue, &JobQueue::clearFinished);
    auto* timer = new QTimer(this);
    connect(timer, &QTimer::timeout, this, [this] {
        for (auto& [job, item] : m_rows)
            if (job->state() == Job::State::Running)
                item->setText(ColTime, tr("%1 s").arg(job->elapsedSeconds(), 0, 'f', 0));
    });
    timer->start(500);
    rebuild();
}

void JobPanel::addJob(Job* job)
{
    auto* item = new QTreeWidgetItem(m_tree);
    item->setText(ColTitle, job->title());
    auto* bar = new QProgressBar(m_tree);
    bar->setRange(0, 1000);
    bar->setTextVisible(true);
    m_tree->setItemWidget(item, ColProgress, bar);
    auto* cancel = new QToolButton(m_tree);
    cancel->setIcon(QIcon(QStringLiteral(":/icons/cancel.svg")));
    cancel->setToolTip(tr("Cancel this job"));
    cancel->setAutoRaise(true);
    m_tree->setItemWidget(item, ColCancel, cancel);
    connect(cancel, &QToolButton::clicked, job, [job] { job->requestCancel(); });
    connect(job, &Job::progressChanged, bar, [bar](double f, const QString& text) {
        if (f < 0) {
            bar->setRange(0, 0);  // busy
        } else {
            bar->setRange(0, 1000);
            bar->setValue(int(f * 1000));
        }
        bar->setFormat(text.isEmpty() ? QStringLiteral("%p%") : text);
    });
    m_rows[job] = item;
    refresh(job);
    m_tree->scrollToItem(item);
}

void JobPanel::refresh(Job* job)
{
    auto it = m_rows.find(job);
    if (it == m_rows.end())
        return;
    QTreeWidgetItem* item = it->second;
    item->setText(ColState, Job::stateName(job->state()));
    item->setToolTip(ColState, job->errorMessage());
    item->setText(ColTime, tr("%1 s").arg(job->elapsedSeconds(), 0, 'f', 0));
    if (job->isFinished()) {
        if (auto* bar = qobject_cast<QProgressBar*>(m_tree->itemWidget(item, ColProgress))) {
            bar->setRange(0, 1000);
            bar->setValue(job->state() == Job::State::Succeeded ? 1000 : bar->value());
            bar->setFormat(job->state() == Job::State::Failed ? job->errorMessage() : Job::stateName(job->state()));
        }
        if (QWidget* w = m_tree->itemWidget(item, ColCancel))
            w->setEnabled(false);
    }
}

void JobPanel::rebuild()
{
    m_tree->clear();
    m_rows.clear();
    for (const auto& j : m_queue->jobs())
        addJob(j.get());
}

} // namespace vaclip::studio

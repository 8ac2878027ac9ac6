#pragma once
// The Runs panel: the workspace's run history (studio/run_history.h) as a sortable table — name,
// frame AUC / AP, video AUC, kind, date and prompts — with the selected run's metrics, prompts,
// checkpoint and configuration below. Buttons: keep the current live scoring as a run, show the
// selected run's score track in the timeline beside the live curve, rename (also by editing the
// name cell), delete (after a confirmation) and compare two selected runs (metric deltas).
//
//   RunsPanel panel(&history);
//   connect(&panel, &RunsPanel::keepRequested, window, &MainWindow::keepCurrentAsRun);
//   connect(&panel, &RunsPanel::showInTimelineRequested, window, [](qint64 key) { ... });
//   panel.selectRuns({a, b});  panel.compareSelected();   // the deltas in details()
//
// Thread affinity: GUI thread.

#include <QWidget>

#include <functional>

class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace vaclip::studio {

class RunHistory;

class RunsPanel : public QWidget {
    Q_OBJECT
public:
    /// The numbers first: the dock is narrow and the prompts take the remaining width.
    enum Column { ColName, ColFrameAuc, ColFrameAp, ColVideoAuc, ColKind, ColDate, ColPrompts, ColumnCount };

    explicit RunsPanel(RunHistory* history, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    QPlainTextEdit* details() const { return m_details; }
    QPushButton* keepButton() const { return m_keep; }
    /// The selected runs' keys, in table order.
    QList<qint64> selectedKeys() const;
    void selectRuns(const QList<qint64>& keys);
    /// Asked before deleting (the question; true = delete). Default: a QMessageBox; tests
    /// replace it.
    void setConfirmHook(std::function<bool(const QString&)> hook) { m_confirm = std::move(hook); }

public slots:
    void renameSelected();
    void deleteSelected();
    void compareSelected();

signals:
    void keepRequested();
    void showInTimelineRequested(qint64 key);

private:
    void rebuild();
    void updateDetails();

    RunHistory* m_history;
    QTableWidget* m_table;
    QPlainTextEdit* m_details;
    QPushButton *m_keep, *m_show, *m_rename, *m_delete, *m_compare;
    std::function<bool(const QString&)> m_confirm;
    bool m_rebuilding = false;
};

} // namespace vaclip::studio

#pragma once
// The annotation panel: the current video's intervals as a table (category and note editable in
// place, bounds editable), buttons for mark-in / mark-out at the playhead, delete and jump-to,
// and undo/redo of the shown video's edits (the model's undo group: Ctrl+Z / Ctrl+Shift+Z while the
// panel has focus).
//
//   auto* panel = new AnnotationPanel(&model, parent);
//   connect(player, &Player::frameChanged, panel, &AnnotationPanel::setPlayhead);
//   connect(panel, &AnnotationPanel::jumpRequested, player, &Player::seek);
//
// Keys while the panel has focus: I (in-point at the playhead), O (out-point: adds the interval),
// Delete (removes the selected intervals), Return on a row (jump to its first frame),
// Ctrl+Z / Ctrl+Shift+Z (and Ctrl+Y) undo / redo. The window may bind I/O globally to the same
// slots (markIn/markOut). The model is not owned.
// Thread safety: GUI thread only.

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace vaclip::studio {

class AnnotationModel;

class AnnotationPanel : public QWidget {
    Q_OBJECT
public:
    explicit AnnotationPanel(AnnotationModel* model, QWidget* parent = nullptr);

    AnnotationModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    QAction* undoAction() const { return m_undo; }
    QAction* redoAction() const { return m_redo; }
    qint64 playhead() const { return m_playhead; }
    /// Ids of the selected rows.
    QList<quint64> selectedIds() const;

public slots:
    void setPlayhead(qint64 frame);
    void markIn();
    void markOut();
    /// Removes the selected intervals (one undo step each).
    void deleteSelected();
    /// Emits jumpRequested for the first selected interval's first frame.
    void jumpToSelected();
    void selectInterval(quint64 id);

signals:
    /// Seek the video to `frame`.
    void jumpRequested(qint64 frame);

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void updateState();
    void selectRow(int row);

    AnnotationModel* m_model;
    QTableView* m_table;
    QLabel* m_status;
    QLineEdit* m_category;
    QLabel* m_categoryLabel;
    QPushButton* m_inButton;
    QPushButton* m_outButton;
    QPushButton* m_deleteButton;
    QPushButton* m_jumpButton;
    QAction* m_undo;
    QAction* m_redo;
    QAction* m_in;
    QAction* m_out;
    QAction* m_delete;
    qint64 m_playhead = 0;
};

} // namespace vaclip::studio

#include "annotate/annotation_panel.h"

#include "annotate/annotation_model.h"
#include "widgets/display_format.h"

#include <QAction>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QKeySequence>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTableView>
#include <QUndoGroup>
#include <QVBoxLayout>

#include <algorithm>

namespace vaclip::studio {

namespace {

QAction* panelAction(QWidget* owner, const QKeySequence& key)
{
    auto* a = new QAction(owner);
    a->setShortcut(key);
    a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    owner->addAction(a);
    return a;
}

} // namespace

AnnotationPanel::AnnotationPanel(AnnotationModel* model, QWidget* parent)
    : QWidget(parent)
    , m_model(model)
    , m_table(new QTableView(this))
    , m_status(new QLabel(this))
    , m_category(new QLineEdit(this))
    , m_categoryLabel(new QLabel(this))
    , m_inButton(new QPushButton(this))
    , m_outButton(new QPushButton(this))
    , m_deleteButton(new QPushButton(this))
    , m_jumpButton(new QPushButton(this))
{
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->setWordWrap(false);
    QHeaderView* header = m_table->horizontalHeader();
    for (int c : {AnnotationModel::BeginColumn, AnnotationModel::EndColumn, AnnotationModel::FramesColumn})
        header->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(AnnotationModel::CategoryColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(AnnotationModel::NoteColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->setVisible(false);
    m_categoryLabel->setBuddy(m_category);
    m_category->setText(m_model->defaultCategory());

    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_inButton);
    buttons->addWidget(m_outButton);
    buttons->addStretch(1);
    buttons->addWidget(m_jumpButton);
    buttons->addWidget(m_deleteButton);
    auto* categoryRow = new QHBoxLayout;
    categoryRow->addWidget(m_categoryLabel);
    categoryRow->addWidget(m_category, 1);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addLayout(categoryRow);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_status);

    // Undo/redo come from the model's group of per-video stacks: they act on the shown video's
    // edits only, and their enabled state and text follow its stack.
    QUndoGroup* stack = m_model->undoGroup();
    m_undo = stack->createUndoAction(this);
    m_undo->setShortcut(QKeySequence::Undo);
    m_undo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_undo);
    m_redo = stack->createRedoAction(this);
    m_redo->setShortcuts({QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_Z), QKeySequence(Qt::CTRL | Qt::Key_Y)});
    m_redo->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    addAction(m_redo);
    m_in = panelAction(this, QKeySequence(Qt::Key_I));
    m_out = panelAction(this, QKeySequence(Qt::Key_O));
    m_delete = panelAction(this, QKeySequence::Delete);

    connect(m_in, &QAction::triggered, this, &AnnotationPanel::markIn);
    connect(m_out, &QAction::triggered, this, &AnnotationPanel::markOut);
    connect(m_delete, &QAction::triggered, this, &AnnotationPanel::deleteSelected);
    connect(m_inButton, &QPushButton::clicked, this, &AnnotationPanel::markIn);
    connect(m_outButton, &QPushButton::clicked, this, &AnnotationPanel::markOut);
    connect(m_deleteButton, &QPushButton::clicked, this, &AnnotationPanel::deleteSelected);
    connect(m_jumpButton, &QPushButton::clicked, this, &AnnotationPanel::jumpToSelected);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex& index) {
        // Return or double-click on the read-only Frames cell jumps; the other cells edit.
        if (index.column() == AnnotationModel::FramesColumn)
            jumpToSelected();
    });
    connect(m_category, &QLineEdit::textChanged, this,
            [this](const QString& text) { m_model->setDefaultCategory(text.trimmed()); });
    connect(m_model, &AnnotationModel::inPointChanged, this, [this] { updateState(); });
    connect(m_model, &QAbstractItemModel::modelReset, this, [this] { updateState(); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this](const QModelIndex&, int first, int) {
        selectRow(first);
        updateState();
    });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] { updateState(); });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] { updateState(); });
    retranslate();
    updateState();
}

QList<quint64> AnnotationPanel::selectedIds() const
{
    QList<quint64> ids;
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex& r : rows)
        if (const quint64 id = m_model->idAt(r.row()))
            ids << id;
    return ids;
}

void AnnotationPanel::setPlayhead(qint64 frame)
{
    m_playhead = frame;
}

void AnnotationPanel::markIn()
{
    m_model->setInPoint(m_playhead);
}

void AnnotationPanel::markOut()
{
    m_model->setOutPoint(m_playhead);
}

void AnnotationPanel::deleteSelected()
{
    const QList<quint64> ids = selectedIds();
    for (quint64 id : ids)
        m_model->removeInterval(id);
}

void AnnotationPanel::jumpToSelected()
{
    const QList<quint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    if (const auto i = m_model->interval(ids.first()))
        emit jumpRequested(i->begin);
}

void AnnotationPanel::selectInterval(quint64 id)
{
    selectRow(m_model->rowOf(id));
}

void AnnotationPanel::selectRow(int row)
{
    // Not QTableView::selectRow: that one toggles when Ctrl is held (e.g. right after Ctrl+Z).
    if (row < 0 || row >= m_model->rowCount())
        return;
    const QModelIndex index = m_model->index(row, 0);
    m_table->selectionModel()->setCurrentIndex(
        index, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

void AnnotationPanel::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void AnnotationPanel::retranslate()
{
    m_categoryLabel->setText(tr("&Category of new intervals:"));
    m_category->setPlaceholderText(tr("e.g. bicycle"));
    m_inButton->setText(tr("Mark in (I)"));
    m_inButton->setToolTip(tr("Start an interval at the playhead"));
    m_outButton->setText(tr("Mark out (O)"));
    m_outButton->setToolTip(tr("End the interval at the playhead (the frame is included)"));
    m_deleteButton->setText(tr("Delete"));
    m_jumpButton->setText(tr("Jump to"));
    m_jumpButton->setToolTip(tr("Seek the video to the first frame of the selected interval"));
    m_undo->setToolTip(tr("Undo the last annotation edit (Ctrl+Z)"));
    m_redo->setToolTip(tr("Redo (Ctrl+Shift+Z)"));
    updateState();
}

void AnnotationPanel::updateState()
{
    const bool hasSelection = m_table->selectionModel() && m_table->selectionModel()->hasSelection();
    m_deleteButton->setEnabled(hasSelection);
    m_jumpButton->setEnabled(hasSelection);
    m_outButton->setEnabled(m_model->inPoint().has_value());
    const int n = m_model->rowCount();
    QString text = m_model->video().isEmpty() ? tr("No video open") : tr("%n interval(s)", nullptr, n);
    if (const auto in = m_model->inPoint())
        text += QStringLiteral(" \u2014 ") + tr("in-point at frame %1").arg(vaclip::studio::displayFrame(*in));
    m_status->setText(text);
}

} // namespace vaclip::studio

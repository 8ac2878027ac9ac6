#include "panels/runs_panel.h"

#include "studio/run_history.h"

#include <QDateTime>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>

#include <cmath>

namespace vaclip::studio {

namespace {
/// Sorts by a number (undefined ones last), shows it formatted.
class NumberItem : public QTableWidgetItem {
public:
    explicit NumberItem(double v)
        : QTableWidgetItem(std::isfinite(v) ? QLocale().toString(v, 'f', 4) : QStringLiteral("—")), m_value(v)
    {
        setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    }
    bool operator<(const QTableWidgetItem& other) const override
    {
        const auto* o = dynamic_cast<const NumberItem*>(&other);
        if (!o)
            return QTableWidgetItem::operator<(other);
        // Undefined metrics stay last in both sort orders.
        const bool descending = tableWidget() && tableWidget()->horizontalHeader()->sortIndicatorOrder() == Qt::DescendingOrder;
        const bool mine = std::isfinite(m_value), theirs = std::isfinite(o->m_value);
        if (!mine || !theirs)
            return mine != theirs && (descending ? !mine : mine);
        return m_value < o->m_value;
    }

private:
    double m_value;
};

/// Sorts by its Qt::UserRole text (an ISO time), shows a localized one.
class TimeItem : public QTableWidgetItem {
public:
    explicit TimeItem(const QString& iso)
    {
        const QDateTime t = QDateTime::fromString(iso, Qt::ISODate).toLocalTime();
        setText(t.toString(QStringLiteral("yyyy-MM-dd HH:mm")));  // compact and sortable at a glance
        setToolTip(QLocale().toString(t, QLocale::LongFormat));
        setData(Qt::UserRole, iso);
    }
    bool operator<(const QTableWidgetItem& other) const override
    {
        return data(Qt::UserRole).toString() < other.data(Qt::UserRole).toString();
    }
};

constexpr int kKeyRole = Qt::UserRole + 1;
} // namespace

RunsPanel::RunsPanel(RunHistory* history, QWidget* parent)
    : QWidget(parent), m_history(history), m_table(new QTableWidget(0, ColumnCount, this)), m_details(new QPlainTextEdit(this)),
      m_keep(new QPushButton(tr("Keep as run"), this)), m_show(new QPushButton(tr("Show in timeline"), this)),
      m_rename(new QPushButton(tr("Rename"), this)), m_delete(new QPushButton(tr("Delete"), this)),
      m_compare(new QPushButton(tr("Compare"), this))
{
    m_table->setObjectName(QStringLiteral("runsTable"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("Frame AUC"), tr("Frame AP"), tr("Video AUC"), tr("Kind"), tr("Date"), tr("Prompts")});
    m_table->horizontalHeaderItem(ColFrameAuc)->setToolTip(tr("Frame-level ROC AUC over all test frames (micro)"));
    m_table->horizontalHeaderItem(ColFrameAp)->setToolTip(tr("Frame-level average precision over all test frames (micro)"));
    m_table->horizontalHeaderItem(ColVideoAuc)->setToolTip(tr("Video-level ROC AUC (one score per video)"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setEditTriggers(QAbstractItemView::DoubleClicked | QAbstractItemView::EditKeyPressed);
    m_table->verticalHeader()->hide();
    // Narrow columns fit their contents; the name can be widened; the prompts take the rest.
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::ResizeToContents);
    header->setSectionResizeMode(ColName, QHeaderView::Interactive);
    header->setSectionResizeMode(ColPrompts, QHeaderView::Stretch);
    header->resizeSection(ColName, 150);
    header->setMinimumSectionSize(40);
    m_table->horizontalHeader()->setSortIndicatorShown(true);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ColDate, Qt::AscendingOrder);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);

    m_details->setObjectName(QStringLiteral("runDetails"));
    m_details->setReadOnly(true);
    m_details->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_details->setPlaceholderText(tr("Select a run to see its metrics and configuration; select two to compare them."));
    m_details->setTabStopDistance(m_details->fontMetrics().horizontalAdvance(QLatin1Char('x')) * 20);

    m_keep->setObjectName(QStringLiteral("keepRunButton"));
    m_keep->setIcon(QIcon(QStringLiteral(":/icons/save.svg")));
    m_keep->setToolTip(tr("Keep the current prompts' scores, metrics and score tracks as a run"));
    m_show->setToolTip(tr("Overlay the run's score track of the current video on the timeline"));
    m_compare->setToolTip(tr("Select two runs to compare their metrics"));

    auto* buttons = new QHBoxLayout;
    for (QPushButton* b : {m_keep, m_show, m_rename, m_delete, m_compare})
        buttons->addWidget(b);
    buttons->addStretch(1);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_details);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(buttons);
    layout->addWidget(split, 1);

    m_confirm = [this](const QString& question) {
        return QMessageBox::question(this, tr("Delete runs"), question) == QMessageBox::Yes;
    };
    connect(m_history, &RunHistory::changed, this, &RunsPanel::rebuild);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &RunsPanel::updateDetails);
    connect(m_table, &QTableWidget::itemChanged, this, [this](QTableWidgetItem* item) {
        if (m_rebuilding || item->column() != ColName)
            return;
        const QString name = item->text().trimmed();
        const qint64 key = item->data(kKeyRole).toLongLong();
        if (name.isEmpty()) {  // back to the old name
            if (const StudioRun* r = m_history->find(key))
                item->setText(r->name);
            return;
        }
        m_history->rename(key, name);
    });
    connect(m_keep, &QPushButton::clicked, this, &RunsPanel::keepRequested);
    connect(m_show, &QPushButton::clicked, this, [this] {
        const QList<qint64> keys = selectedKeys();
        if (!keys.isEmpty())
            emit showInTimelineRequested(keys.front());
    });
    connect(m_rename, &QPushButton::clicked, this, &RunsPanel::renameSelected);
    connect(m_delete, &QPushButton::clicked, this, &RunsPanel::deleteSelected);
    connect(m_compare, &QPushButton::clicked, this, &RunsPanel::compareSelected);
    rebuild();
}

QList<qint64> RunsPanel::selectedKeys() const
{
    QList<qint64> keys;
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (QTableWidgetItem* it = m_table->item(row, ColName); it && it->isSelected())
            keys << it->data(kKeyRole).toLongLong();
    return keys;
}

void RunsPanel::selectRuns(const QList<qint64>& keys)
{
    m_table->clearSelection();
    auto* sel = m_table->selectionModel();
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (keys.contains(m_table->item(row, ColName)->data(kKeyRole).toLongLong()))
            sel->select(m_table->model()->index(row, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
}

void RunsPanel::rebuild()
{
    const QList<qint64> selected = selectedKeys();
    m_rebuilding = true;
    m_table->setSortingEnabled(false);
    m_table->setRowCount(0);
    for (const StudioRun& r : m_history->runs()) {
        const int row = m_table->rowCount();
        m_table->insertRow(row);
        auto* name = new QTableWidgetItem(r.name);
        name->setData(kKeyRole, r.key);
        name->setToolTip(r.name);
        m_table->setItem(row, ColName, name);
        // ISO text sorts by time; shown in the display locale.
        QTableWidgetItem* date = new TimeItem(r.createdAt);
        auto* kind = new QTableWidgetItem(StudioRun::kindName(r.kind));
        auto* prompts = new QTableWidgetItem(r.prompts.join(QStringLiteral("; ")));
        prompts->setToolTip(r.prompts.join(QLatin1Char('\n')));
        for (QTableWidgetItem* it : {date, kind, prompts})
            it->setFlags(it->flags() & ~Qt::ItemIsEditable);
        m_table->setItem(row, ColDate, date);
        m_table->setItem(row, ColKind, kind);
        m_table->setItem(row, ColPrompts, prompts);
        const std::pair<Column, const char*> numbers[] = {{ColFrameAuc, "micro_auc"}, {ColFrameAp, "micro_ap"}, {ColVideoAuc, "video_auc"}};
        for (const auto& [col, key] : numbers) {
            auto* it = new NumberItem(r.metric(QLatin1String(key)));
            it->setFlags(it->flags() & ~Qt::ItemIsEditable);
            m_table->setItem(row, col, it);
        }
    }
    m_table->setSortingEnabled(true);
    m_rebuilding = false;
    selectRuns(selected);
    updateDetails();
}

void RunsPanel::updateDetails()
{
    const QList<qint64> keys = selectedKeys();
    m_show->setEnabled(keys.size() == 1);
    m_rename->setEnabled(keys.size() == 1);
    m_delete->setEnabled(!keys.isEmpty());
    m_compare->setEnabled(keys.size() == 2);
    if (keys.size() == 2) {
        compareSelected();
        return;
    }
    const StudioRun* r = keys.size() == 1 ? m_history->find(keys.front()) : nullptr;
    m_details->setPlainText(r ? RunHistory::describe(*r) : QString());
}

void RunsPanel::renameSelected()
{
    for (int row = 0; row < m_table->rowCount(); ++row)
        if (QTableWidgetItem* it = m_table->item(row, ColName); it && it->isSelected()) {
            m_table->setCurrentItem(it);
            m_table->editItem(it);
            return;
        }
}

void RunsPanel::deleteSelected()
{
    const QList<qint64> keys = selectedKeys();
    if (keys.isEmpty())
        return;
    QStringList names;
    for (qint64 k : keys)
        if (const StudioRun* r = m_history->find(k))
            names << r->name;
    if (!m_confirm(tr("Delete %n run(s) and their score tracks? %1", nullptr, int(keys.size())).arg(names.join(QStringLiteral(", ")))))
        return;
    for (qint64 k : keys)
        m_history->remove(k);
}

void RunsPanel::compareSelected()
{
    const QList<qint64> keys = selectedKeys();
    const StudioRun* a = keys.size() == 2 ? m_history->find(keys[0]) : nullptr;
    const StudioRun* b = keys.size() == 2 ? m_history->find(keys[1]) : nullptr;
    if (a && b)
        m_details->setPlainText(RunHistory::compare(*a, *b));
}

} // namespace vaclip::studio

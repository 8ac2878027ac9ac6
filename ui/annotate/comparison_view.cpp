#include "annotate/comparison_view.h"

#include "widgets/display_format.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <algorithm>

namespace vaclip::studio {

namespace {
enum Column { KindColumn, FirstColumn, LastColumn, FramesColumn, PeakColumn, ColumnCount };
constexpr int kFrameRole = Qt::UserRole;
constexpr int kKindRole = Qt::UserRole + 1;   // 0 false positive, 1 missed
} // namespace

ComparisonView::ComparisonView(QWidget* parent) : QWidget(parent), m_summary(new QLabel(this)), m_list(new QTreeWidget(this))
{
    m_list->setColumnCount(ColumnCount);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setSortingEnabled(false);
    m_list->header()->setStretchLastSection(true);
    for (int c = KindColumn; c < PeakColumn; ++c)
        m_list->header()->setSectionResizeMode(c, QHeaderView::ResizeToContents);
    m_summary->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    connect(m_list, &QTreeWidget::itemActivated, this,
            [this](QTreeWidgetItem* item, int) { emit jumpRequested(item->data(0, kFrameRole).toLongLong()); });
    connect(m_list, &QTreeWidget::itemClicked, this,
            [this](QTreeWidgetItem* item, int) { emit jumpRequested(item->data(0, kFrameRole).toLongLong()); });
    retranslate();
}

void ComparisonView::setScores(const std::vector<double>& scores)
{
    m_scores = scores;
    recompute();
}

void ComparisonView::setScores(const std::vector<float>& scores)
{
    m_scores.assign(scores.begin(), scores.end());
    recompute();
}

void ComparisonView::setGroundTruth(const QVector<AnnotationInterval>& intervals)
{
    std::vector<eval::Segment> segments;
    for (const AnnotationInterval& i : intervals)
        if (i.end > i.begin && i.begin >= 0)
            segments.push_back({i.begin, i.end});
    setGroundTruthSegments(segments);
}

void ComparisonView::setGroundTruthSegments(const std::vector<eval::Segment>& segments)
{
    m_truth = segments;
    recompute();
}

void ComparisonView::setSegmentOptions(const eval::SegmentOptions& options)
{
    m_options = options;
    recompute();
}

void ComparisonView::trackModel(AnnotationModel* model)
{
    auto sync = [this, model] { setGroundTruth(model->intervals()); };
    connect(model, &AnnotationModel::intervalsChanged, this, [model, sync](const QString& video) {
        if (video == model->video())
            sync();
    });
    connect(model, &QAbstractItemModel::modelReset, this, sync);
    sync();
}

void ComparisonView::setThreshold(double threshold)
{
    m_threshold = threshold;
    recompute();
}

void ComparisonView::recompute()
{
    m_comparison = eval::compareAtThreshold(m_scores, m_threshold, m_truth, m_options);
    m_list->clear();
    QList<QTreeWidgetItem*> items;
    auto add = [&](const eval::SegmentMatch& m, int kind) {
        auto* item = new QTreeWidgetItem;
        item->setData(0, kFrameRole, QVariant::fromValue<qint64>(m.segment.begin));
        item->setData(0, kKindRole, kind);
        item->setText(KindColumn, kind == 0 ? tr("False positive") : tr("Missed"));
        item->setForeground(KindColumn, kind == 0 ? QColor(200, 90, 0) : QColor(200, 30, 30));
        // 1-based frame numbers and the display locale (widgets/display_format.h).
        item->setText(FirstColumn, vaclip::studio::displayFrame(m.segment.begin));
        item->setText(LastColumn, vaclip::studio::displayFrame(m.segment.end - 1));
        item->setText(FramesColumn, vaclip::studio::displayFrameCount(m.segment.length()));
        item->setText(PeakColumn, vaclip::studio::displayNumber(m.maxScore, 3));
        for (int c = FirstColumn; c < ColumnCount; ++c)
            item->setTextAlignment(c, Qt::AlignRight | Qt::AlignVCenter);
        items << item;
    };
    for (const eval::SegmentMatch& m : m_comparison.falsePositives)
        add(m, 0);
    for (const eval::SegmentMatch& m : m_comparison.missed)
        add(m, 1);
    std::stable_sort(items.begin(), items.end(), [](QTreeWidgetItem* a, QTreeWidgetItem* b) {
        return a->data(0, kFrameRole).toLongLong() < b->data(0, kFrameRole).toLongLong();
    });
    m_list->addTopLevelItems(items);
    retranslate();
}

void ComparisonView::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
            QTreeWidgetItem* item = m_list->topLevelItem(i);
            item->setText(KindColumn, item->data(0, kKindRole).toInt() == 0 ? tr("False positive") : tr("Missed"));
        }
    }
    QWidget::changeEvent(event);
}

void ComparisonView::retranslate()
{
    m_list->setHeaderLabels({tr("Kind"), tr("First frame"), tr("Last frame"), tr("Frames"), tr("Peak score")});
    if (m_scores.empty()) {
        m_summary->setText(tr("No scores for this video yet."));
        return;
    }
    const int fp = int(m_comparison.falsePositives.size());
    const int missed = int(m_comparison.missed.size());
    // Each count with its own plural form: "1 false-positive segment (1 frame)".
    const int intervals = int(m_comparison.detected.size() + m_comparison.missed.size());
    const QString falsePositives = tr("%n false-positive segment(s)", nullptr, fp);
    const QString fpFrames = tr("%n frame(s)", nullptr, int(m_comparison.falsePositiveFrames));
    const QString missedText = tr("%1 of %n ground-truth interval(s) missed", nullptr, intervals).arg(missed);
    const QString missedFrames = tr("%n frame(s)", nullptr, int(m_comparison.missedFrames));
    m_summary->setText(tr("At threshold %1: %2 (%3), %4 (%5).")
                           .arg(vaclip::studio::displayNumber(m_threshold, 3), falsePositives, fpFrames, missedText,
                                missedFrames));
}

} // namespace vaclip::studio

#pragma once
// The comparison view: at the current threshold, the predicted segments that hit no ground truth
// (false positives) and the ground-truth intervals no prediction found (missed), with their frames
// and peak scores; a click on a row asks to seek there. The segment logic is eval/segments.h.
//
//   auto* view = new ComparisonView(parent);
//   view->setScores(scores);                       // per frame, the current video
//   view->setGroundTruth(model.intervals());       // or setGroundTruthSegments(...)
//   view->setThreshold(0.5);                       // TimelinePlot's threshold line
//   connect(view, &ComparisonView::jumpRequested, player, &Player::seek);
//   view->trackModel(&model);                      // follow the model's current video
//
// Rows: Kind ("False positive" / "Missed"), First frame, Last frame (inclusive), Frames, Peak
// score, sorted by first frame. Thread safety: GUI thread only.

#include "annotate/annotation_model.h"
#include "eval/segments.h"

#include <QWidget>

#include <vector>

class QLabel;
class QTreeWidget;
class QTreeWidgetItem;

namespace vaclip::studio {

class ComparisonView : public QWidget {
    Q_OBJECT
public:
    explicit ComparisonView(QWidget* parent = nullptr);

    void setScores(const std::vector<double>& scores);
    void setScores(const std::vector<float>& scores);
    void setGroundTruth(const QVector<AnnotationInterval>& intervals);
    void setGroundTruthSegments(const std::vector<eval::Segment>& segments);
    void setSegmentOptions(const eval::SegmentOptions& options);
    /// Keeps the ground truth equal to `model`'s current video's intervals.
    void trackModel(AnnotationModel* model);

    double threshold() const { return m_threshold; }
    const eval::SegmentComparison& comparison() const { return m_comparison; }
    QTreeWidget* list() const { return m_list; }

public slots:
    void setThreshold(double threshold);

signals:
    void jumpRequested(qint64 frame);

protected:
    void changeEvent(QEvent* event) override;

private:
    void recompute();
    void retranslate();

    QLabel* m_summary;
    QTreeWidget* m_list;
    std::vector<double> m_scores;
    std::vector<eval::Segment> m_truth;
    eval::SegmentOptions m_options;
    eval::SegmentComparison m_comparison;
    double m_threshold = 0.5;
};

} // namespace vaclip::studio

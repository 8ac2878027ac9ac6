#pragma once
// The score timeline of one video (QCustomPlot stays behind this widget): the anomaly score per
// frame, optional per-prompt tracks (with a legend), ground-truth intervals shaded, annotation
// intervals with category labels, the threshold as a draggable horizontal line, the segments
// predicted at that threshold as a band, and the playhead.
//
//   auto* plot = new TimelinePlot(this);
//   plot->setScores(scores, fps);                       // std::vector<float>, one per frame
//   plot->setGroundTruth({{61, 180}});                  // [begin, end) frame ranges
//   plot->setThreshold(0.5);
//   connect(plot, &TimelinePlot::seekRequested, player, &PlayerController::seek);
//   connect(player, &PlayerController::playheadChanged, plot, &TimelinePlot::setPlayhead);
//   connect(plot, &TimelinePlot::intervalDrawn, model, [](int b, int e) { ... });  // Shift+drag
//   plot->savePng("timeline.png");
//
// Mouse: click or drag = seek (seekRequested(frame)); press within a few pixels of the
// threshold line and drag = move it (thresholdChanged); Shift+drag = draw an interval
// (intervalDrawn(begin, end) on release, [begin, end) frames, at least one frame); wheel = zoom
// the frame axis about the cursor; middle- or right-drag = pan it; double-click = whole video.
//
// Coordinates: x is the 0-based frame index (frame i drawn at x = i; the axis labels it i + 1, the
// studio's on-screen convention, widgets/display_format.h), y the score. Predicted segments are
// maximal runs of frames with score >= threshold, as [begin, end).
// Speed: the playhead, threshold line and segment band live on buffered layers of their own, so
// setPlayhead() repaints one layer (the curves are not redrawn); 10k-frame videos stay fluid.
// Thread safety: GUI thread only (a QWidget).

#include <QColor>
#include <QPair>
#include <QString>
#include <QVector>
#include <QWidget>

#include <memory>
#include <vector>

class QCustomPlot;
class QMouseEvent;
class QPen;
class QWheelEvent;

namespace vaclip::studio {

/// An annotation interval on the timeline: frames [begin, end) and its category name.
struct TimelineInterval {
    int begin = 0;
    int end = 0;
    QString label;
};

class TimelinePlot : public QWidget {
    Q_OBJECT
public:
    explicit TimelinePlot(QWidget* parent = nullptr);
    ~TimelinePlot() override;

    /// The main score curve (one value per frame). `fps` > 0 adds the time to the axis label
    /// and to tooltips; it does not change x (frames). Resets zoom to the whole video.
    void setScores(const std::vector<float>& scores, double fps = 0);
    const std::vector<float>& scores() const { return m_scores; }
    int frameCount() const { return int(m_scores.size()); }
    /// Per-prompt tracks (same length as the scores; others are rejected with false), shown with
    /// a legend. A track with an existing name replaces it.
    bool addTrack(const QString& name, const std::vector<float>& values);
    void removeTrack(const QString& name);
    void clearTracks();
    QStringList trackNames() const;
    void setTrackVisible(const QString& name, bool visible);
    /// The pen of one track (e.g. a stored run drawn dashed beside the live curve).
    void setTrackPen(const QString& name, const QPen& pen);

    void setGroundTruth(const QVector<QPair<int, int>>& intervals);
    QVector<QPair<int, int>> groundTruth() const { return m_groundTruth; }
    void setAnnotations(const QVector<TimelineInterval>& intervals);
    QVector<TimelineInterval> annotations() const { return m_annotations; }

    /// The threshold (also moved by dragging its line); emits thresholdChanged when it changes.
    void setThreshold(double threshold);
    double threshold() const { return m_threshold; }
    /// Runs of frames with score >= threshold, [begin, end), in order.
    QVector<QPair<int, int>> predictedSegments() const { return m_predicted; }
    static QVector<QPair<int, int>> segmentsAbove(const std::vector<float>& scores, double threshold);

    int playhead() const { return m_playhead; }
    /// Visible frame range [lower, upper] of the x axis.
    QPair<double, double> xRange() const;
    void setXRange(double lower, double upper);
    void resetZoom();

    /// Mapping for tests and overlays: widget pixel <-> frame / score (within canvas()).
    QPoint pixelFor(double frame, double score) const;
    int frameAt(int pixelX) const;
    double scoreAt(int pixelY) const;
    /// The child widget that receives the mouse (QCustomPlot behind a QWidget pointer).
    QWidget* canvas() const;

    /// Exports at `width` x `height` (0 = the widget's size). Written to a temporary file and
    /// renamed. Returns false (with errorString()) when the file cannot be written.
    bool savePng(const QString& path, int width = 0, int height = 0, double scale = 2.0);
    bool savePdf(const QString& path, int width = 0, int height = 0);
    bool saveSvg(const QString& path, int width = 0, int height = 0);
    QString errorString() const { return m_error; }

    /// Lays out and draws everything now (replots are otherwise queued to the event loop).
    void replotNow();
    /// Replots of the whole plot / of the playhead layer only since construction (tests, bench).
    int fullReplots() const { return m_fullReplots; }
    int playheadReplots() const { return m_playheadReplots; }

public slots:
    void setPlayhead(int frame);

signals:
    void seekRequested(int frame);
    void thresholdChanged(double threshold);
    void predictedSegmentsChanged(const QVector<QPair<int, int>>& segments);
    void intervalDrawn(int begin, int end);

private:
    enum class Drag { None, Seek, Threshold, Interval, Pan };
    void onPress(QMouseEvent* event);
    void onMove(QMouseEvent* event);
    void onRelease(QMouseEvent* event);
    void onWheel(QWheelEvent* event);
    void onDoubleClick(QMouseEvent* event);
    void rebuildAll();
    void rebuildShading();
    void rebuildAnnotations();
    void rebuildPredicted();
    void updateThresholdLine();
    void updateYRange();
    void updateAxisLabel();
    void updateLegend();
    /// Wraps the legend's entries into rows that fit `width` pixels.
    void layoutLegend(int width);
    void replotAll();
    int clampFrame(double x) const;
    bool commitFile(const QString& path, const QByteArray& bytes);

    QCustomPlot* m_plot = nullptr;
    struct Items;
    std::unique_ptr<Items> m_items;
    std::vector<float> m_scores;
    double m_fps = 0;
    QVector<QPair<int, int>> m_groundTruth;
    QVector<TimelineInterval> m_annotations;
    QVector<QPair<int, int>> m_predicted;
    double m_threshold = 0.5;
    int m_playhead = 0;
    Drag m_drag = Drag::None;
    int m_dragAnchor = 0;
    double m_panAnchorX = 0;
    QPair<double, double> m_panAnchorRange;
    int m_fullReplots = 0;
    int m_playheadReplots = 0;
    QString m_error;
};

} // namespace vaclip::studio

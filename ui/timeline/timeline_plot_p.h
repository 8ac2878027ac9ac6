#pragma once
// Private to TimelinePlot (timeline_plot.cpp, timeline_plot_input.cpp): the QCustomPlot items and
// the colours. Not part of the public API.

#include "timeline/timeline_plot.h"

#include <qcustomplot.h>

#include <QList>
#include <QMap>

namespace vaclip::studio {

namespace detail {

inline const QColor kScoreColour(31, 119, 180);
inline const QColor kTrackColours[] = {QColor(44, 160, 44), QColor(255, 127, 14), QColor(148, 103, 189),
                                       QColor(140, 86, 75), QColor(227, 119, 194), QColor(23, 190, 207)};
inline const QColor kGroundTruth(214, 39, 40, 45);
inline const QColor kPredicted(230, 85, 13, 200);
inline const QColor kAnnotation(120, 60, 200);
inline const QColor kPlayhead(20, 20, 20);
inline const QColor kThreshold(90, 90, 90);
constexpr int kThresholdGrabPixels = 5;
constexpr int kLegendTextPixels = 260;  // longer prompt names are elided in the legend
// Bands in axis-rect ratio (0 = top of the plot area, 1 = bottom).
constexpr double kAnnotationBand[] = {0.0, 0.075};
constexpr double kPredictedBand[] = {0.955, 1.0};

inline QCPItemRect* bandRect(QCustomPlot* plot, double x0, double x1, double top, double bottom)
{
    auto* r = new QCPItemRect(plot);
    for (QCPItemPosition* p : {r->topLeft, r->bottomRight}) {
        p->setTypeX(QCPItemPosition::ptPlotCoords);
        p->setTypeY(QCPItemPosition::ptAxisRectRatio);
    }
    r->topLeft->setCoords(x0, top);
    r->bottomRight->setCoords(x1, bottom);
    r->setClipToAxisRect(true);
    r->setSelectable(false);
    return r;
}

/// The frame axis: x is the 0-based frame index, the labels are 1-based as everywhere on screen
/// (widgets/display_format.h). Ticks sit at round display numbers (10, 20, ... at x = 9, 19, ...).
class FrameTicker : public QCPAxisTicker {
protected:
    QVector<double> createTickVector(double tickStep, const QCPRange& range) override
    {
        QVector<double> ticks = QCPAxisTicker::createTickVector(tickStep, QCPRange(range.lower + 1, range.upper + 1));
        for (double& t : ticks)
            t -= 1;
        return ticks;
    }
    QString getTickLabel(double tick, const QLocale& locale, QChar formatChar, int precision) override
    {
        return QCPAxisTicker::getTickLabel(tick + 1, locale, formatChar, precision);
    }
};

} // namespace detail

struct TimelinePlot::Items {
    QCPLayer* shading = nullptr;
    QCPLayer* segments = nullptr;
    QCPLayer* thresholdLayer = nullptr;
    QCPLayer* playheadLayer = nullptr;
    QCPGraph* score = nullptr;
    QCPGraph* gtLegend = nullptr;          // empty graphs: legend entries for the bands
    QCPGraph* predictedLegend = nullptr;
    QCPGraph* annotationLegend = nullptr;
    QMap<QString, QCPGraph*> tracks;
    QList<QCPAbstractItem*> groundTruth;
    QList<QCPAbstractItem*> annotations;
    QList<QCPAbstractItem*> predicted;
    QCPItemStraightLine* threshold = nullptr;
    QCPItemText* thresholdLabel = nullptr;
    QCPItemStraightLine* playhead = nullptr;
    QCPItemRect* drawing = nullptr;
};

using namespace detail;

} // namespace vaclip::studio

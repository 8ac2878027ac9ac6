#include "timeline/timeline_plot.h"
#include "timeline/timeline_plot_p.h"
#include "widgets/display_format.h"

#include <QBuffer>
#include <QFile>
#include <QMap>
#include <QSaveFile>
#include <QSvgGenerator>
#include <QVBoxLayout>

#include <algorithm>
#include <cmath>

namespace vaclip::studio {

TimelinePlot::TimelinePlot(QWidget* parent) : QWidget(parent), m_plot(new QCustomPlot(this)), m_items(new Items)
{
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_plot);
    setMinimumHeight(120);
    m_plot->setNoAntialiasingOnDrag(true);
    m_plot->setPlottingHint(QCP::phCacheLabels, true);
    m_plot->setCursor(Qt::CrossCursor);
    m_plot->setToolTip(tr("Click or drag: seek. Drag the dashed line: threshold. Shift+drag: new interval. "
                          "Wheel: zoom. Right-drag: pan. Double-click: whole video."));

    // Layers, bottom to top: background, grid, shading, main (curves), segments, threshold,
    // playhead, axes, legend, overlay. The three interactive ones have their own paint buffers.
    Items& it = *m_items;
    m_plot->addLayer(QStringLiteral("shading"), m_plot->layer(QStringLiteral("main")), QCustomPlot::limBelow);
    m_plot->addLayer(QStringLiteral("segments"), m_plot->layer(QStringLiteral("main")), QCustomPlot::limAbove);
    m_plot->addLayer(QStringLiteral("threshold"), m_plot->layer(QStringLiteral("segments")), QCustomPlot::limAbove);
    m_plot->addLayer(QStringLiteral("playhead"), m_plot->layer(QStringLiteral("threshold")), QCustomPlot::limAbove);
    it.shading = m_plot->layer(QStringLiteral("shading"));
    it.segments = m_plot->layer(QStringLiteral("segments"));
    it.thresholdLayer = m_plot->layer(QStringLiteral("threshold"));
    it.playheadLayer = m_plot->layer(QStringLiteral("playhead"));
    for (QCPLayer* l : {it.segments, it.thresholdLayer, it.playheadLayer})
        l->setMode(QCPLayer::lmBuffered);

    const QFont font(QStringLiteral("DejaVu Sans"), 9);
    for (QCPAxis* a : {m_plot->xAxis, m_plot->yAxis}) {
        a->setTickLabelFont(font);
        a->setLabelFont(font);
        a->grid()->setPen(QPen(QColor(225, 225, 225), 1));
    }
    m_plot->yAxis->setLabel(tr("Anomaly score"));
    // Display conventions (widgets/display_format.h): the studio's locale for the decimals (QCustomPlot
    // would use English), no group separators in frame numbers, frames labelled 1-based.
    m_plot->setLocale(frameLocale());
    m_plot->xAxis->setTicker(QSharedPointer<QCPAxisTicker>(new FrameTicker));
    m_plot->axisRect()->setMargins(QMargins(0, 0, 0, 0));

    m_plot->setCurrentLayer(QStringLiteral("main"));
    it.score = m_plot->addGraph();
    it.score->setPen(QPen(kScoreColour, 1.0));
    it.score->setName(tr("score"));
    it.gtLegend = m_plot->addGraph();
    it.gtLegend->setPen(QPen(QColor(214, 39, 40, 90), 8));
    it.gtLegend->setName(tr("ground truth"));
    it.gtLegend->removeFromLegend();
    it.predictedLegend = m_plot->addGraph();
    it.predictedLegend->setPen(QPen(kPredicted, 8));
    it.predictedLegend->setName(tr("score >= threshold"));
    it.predictedLegend->removeFromLegend();
    it.annotationLegend = m_plot->addGraph();
    QColor annotationFill = kAnnotation;
    annotationFill.setAlpha(110);
    it.annotationLegend->setPen(QPen(annotationFill, 8));
    it.annotationLegend->setName(tr("annotation"));
    it.annotationLegend->removeFromLegend();

    it.threshold = new QCPItemStraightLine(m_plot);
    it.threshold->setLayer(it.thresholdLayer);
    it.threshold->setPen(QPen(kThreshold, 1.5, Qt::DashLine));
    it.thresholdLabel = new QCPItemText(m_plot);
    it.thresholdLabel->setLayer(it.thresholdLayer);
    it.thresholdLabel->position->setTypeX(QCPItemPosition::ptAxisRectRatio);
    it.thresholdLabel->position->setTypeY(QCPItemPosition::ptPlotCoords);
    it.thresholdLabel->setPositionAlignment(Qt::AlignRight | Qt::AlignBottom);
    it.thresholdLabel->setFont(font);
    it.thresholdLabel->setColor(kThreshold);
    it.thresholdLabel->setClipToAxisRect(true);

    it.playhead = new QCPItemStraightLine(m_plot);
    it.playhead->setLayer(it.playheadLayer);
    it.playhead->setPen(QPen(kPlayhead, 1.5));

    // The legend sits in a row of its own above the plot (never over the curves), one line.
    m_plot->legend->setFont(font);
    m_plot->legend->setBorderPen(Qt::NoPen);
    m_plot->legend->setFillOrder(QCPLayoutGrid::foColumnsFirst);
    m_plot->legend->setWrap(8);  // layoutLegend() adapts it to the width
    m_plot->legend->setVisible(false);
    m_plot->axisRect()->insetLayout()->take(m_plot->legend);
    m_plot->plotLayout()->insertRow(0);
    auto* legendRow = new QCPLayoutGrid;  // legend left, an empty stretching cell right
    m_plot->plotLayout()->addElement(0, 0, legendRow);
    m_plot->plotLayout()->setRowStretchFactor(0, 0.001);
    legendRow->addElement(0, 0, m_plot->legend);
    legendRow->addElement(0, 1, new QCPLayoutElement(m_plot));
    legendRow->setColumnStretchFactor(0, 0.001);
    legendRow->setColumnStretchFactor(1, 1.0);
    m_plot->legend->setMargins(QMargins(4, 2, 4, 0));

    // The legend wraps to as many rows as its entries need at the plot's width (never squeezed).
    connect(m_plot, &QCustomPlot::beforeReplot, this, [this] { layoutLegend(m_plot->width()); });
    connect(m_plot, &QCustomPlot::mousePress, this, &TimelinePlot::onPress);
    connect(m_plot, &QCustomPlot::mouseMove, this, &TimelinePlot::onMove);
    connect(m_plot, &QCustomPlot::mouseRelease, this, &TimelinePlot::onRelease);
    connect(m_plot, &QCustomPlot::mouseWheel, this, &TimelinePlot::onWheel);
    connect(m_plot, &QCustomPlot::mouseDoubleClick, this, &TimelinePlot::onDoubleClick);
    rebuildAll();
}

TimelinePlot::~TimelinePlot() = default;

QWidget* TimelinePlot::canvas() const
{
    return m_plot;
}

void TimelinePlot::setScores(const std::vector<float>& scores, double fps)
{
    m_scores = scores;
    m_fps = fps;
    QVector<double> xs(qsizetype(scores.size())), ys(qsizetype(scores.size()));
    for (std::size_t i = 0; i < scores.size(); ++i) {
        xs[qsizetype(i)] = double(i);
        ys[qsizetype(i)] = double(scores[i]);
    }
    m_items->score->setData(xs, ys, true);
    // Tracks of another length no longer belong to this video.
    for (const QString& name : m_items->tracks.keys())
        if (m_items->tracks[name]->dataCount() != int(scores.size()))
            removeTrack(name);
    m_playhead = std::clamp(m_playhead, 0, std::max(0, frameCount() - 1));
    rebuildAll();
    resetZoom();
}

bool TimelinePlot::addTrack(const QString& name, const std::vector<float>& values)
{
    if (values.size() != m_scores.size() || values.empty())
        return false;
    removeTrack(name);
    m_plot->setCurrentLayer(QStringLiteral("main"));
    QCPGraph* g = m_plot->addGraph();
    const int colour = int(m_items->tracks.size()) % int(std::size(kTrackColours));
    g->setPen(QPen(kTrackColours[colour], 1.0));
    // The legend shows a long prompt elided (the full text stays the track's name).
    g->setName(QFontMetrics(m_plot->legend->font()).elidedText(name, Qt::ElideRight, kLegendTextPixels));
    QVector<double> xs(qsizetype(values.size())), ys(qsizetype(values.size()));
    for (std::size_t i = 0; i < values.size(); ++i) {
        xs[qsizetype(i)] = double(i);
        ys[qsizetype(i)] = double(values[i]);
    }
    g->setData(xs, ys, true);
    m_items->tracks.insert(name, g);
    updateYRange();
    updateLegend();
    replotAll();
    return true;
}

void TimelinePlot::removeTrack(const QString& name)
{
    if (QCPGraph* g = m_items->tracks.take(name)) {
        m_plot->removeGraph(g);
        replotAll();
    }
}

void TimelinePlot::clearTracks()
{
    for (const QString& name : m_items->tracks.keys())
        removeTrack(name);
}

QStringList TimelinePlot::trackNames() const
{
    return m_items->tracks.keys();
}

void TimelinePlot::setTrackVisible(const QString& name, bool visible)
{
    if (QCPGraph* g = m_items->tracks.value(name)) {
        g->setVisible(visible);
        replotAll();
    }
}

void TimelinePlot::setTrackPen(const QString& name, const QPen& pen)
{
    if (QCPGraph* g = m_items->tracks.value(name)) {
        g->setPen(pen);
        updateLegend();
        replotAll();
    }
}

void TimelinePlot::setGroundTruth(const QVector<QPair<int, int>>& intervals)
{
    m_groundTruth = intervals;
    rebuildShading();
    replotAll();
}

void TimelinePlot::setAnnotations(const QVector<TimelineInterval>& intervals)
{
    m_annotations = intervals;
    rebuildAnnotations();
    replotAll();
}

void TimelinePlot::setThreshold(double threshold)
{
    if (!std::isfinite(threshold) || threshold == m_threshold)
        return;
    m_threshold = threshold;
    updateThresholdLine();
    rebuildPredicted();
    if (m_plot->yAxis->range().contains(m_threshold)) {
        m_items->thresholdLayer->replot();
        m_items->segments->replot();
    } else {
        updateYRange();  // set from outside the visible scores: bring the line into view
        replotAll();
    }
    emit thresholdChanged(m_threshold);
}

QVector<QPair<int, int>> TimelinePlot::segmentsAbove(const std::vector<float>& scores, double threshold)
{
    QVector<QPair<int, int>> out;
    const int n = int(scores.size());
    for (int i = 0; i < n;) {
        if (!(scores[std::size_t(i)] >= threshold)) {
            ++i;
            continue;
        }
        int j = i;
        while (j < n && scores[std::size_t(j)] >= threshold)
            ++j;
        out.push_back({i, j});
        i = j;
    }
    return out;
}

void TimelinePlot::setPlayhead(int frame)
{
    frame = std::clamp(frame, 0, std::max(0, frameCount() - 1));
    if (frame == m_playhead && m_items->playhead->point1->key() == frame)
        return;
    m_playhead = frame;
    m_items->playhead->point1->setCoords(frame, 0);
    m_items->playhead->point2->setCoords(frame, 1);
    // Follow the playhead when zoomed in: page to keep it in view (one full replot per page).
    const QCPRange r = m_plot->xAxis->range();
    if (frame < r.lower || frame > r.upper) {
        const double width = r.size();
        setXRange(frame - 0.1 * width, frame + 0.9 * width);
        return;
    }
    ++m_playheadReplots;
    m_items->playheadLayer->replot();
}

QPair<double, double> TimelinePlot::xRange() const
{
    return {m_plot->xAxis->range().lower, m_plot->xAxis->range().upper};
}

void TimelinePlot::setXRange(double lower, double upper)
{
    const double lo = -0.5, hi = std::max(1.0, frameCount() - 0.5);
    double width = std::clamp(upper - lower, std::min(10.0, hi - lo), hi - lo);
    lower = std::clamp(lower, lo, hi - width);
    m_plot->xAxis->setRange(lower, lower + width);
    replotAll();
}

void TimelinePlot::resetZoom()
{
    setXRange(-0.5, std::max(1.0, frameCount() - 0.5));
}

QPoint TimelinePlot::pixelFor(double frame, double score) const
{
    return QPoint(int(std::lround(m_plot->xAxis->coordToPixel(frame))),
                  int(std::lround(m_plot->yAxis->coordToPixel(score))));
}

int TimelinePlot::frameAt(int pixelX) const
{
    return clampFrame(m_plot->xAxis->pixelToCoord(pixelX));
}

double TimelinePlot::scoreAt(int pixelY) const
{
    return m_plot->yAxis->pixelToCoord(pixelY);
}

int TimelinePlot::clampFrame(double x) const
{
    return std::clamp(int(std::lround(x)), 0, std::max(0, frameCount() - 1));
}

void TimelinePlot::replotAll()
{
    ++m_fullReplots;
    m_plot->replot(QCustomPlot::rpQueuedReplot);
}

void TimelinePlot::replotNow()
{
    ++m_fullReplots;
    m_plot->replot(QCustomPlot::rpImmediateRefresh);
}

void TimelinePlot::rebuildAll()
{
    updateLegend();
    updateAxisLabel();
    updateYRange();
    rebuildShading();
    rebuildAnnotations();
    rebuildPredicted();
    updateThresholdLine();
    m_items->playhead->point1->setCoords(m_playhead, 0);
    m_items->playhead->point2->setCoords(m_playhead, 1);
    replotAll();
}

void TimelinePlot::updateAxisLabel()
{
    m_plot->xAxis->setLabel(m_fps > 0 ? tr("Frame (%1 fps)").arg(QLocale().toString(m_fps, 'g', 4)) : tr("Frame"));
}

void TimelinePlot::updateYRange()
{
    double lo = 0, hi = 1;
    bool any = false;
    auto extend = [&](const std::vector<float>& v) {
        for (float x : v) {
            if (!std::isfinite(x))
                continue;
            lo = any ? std::min(lo, double(x)) : double(x);
            hi = any ? std::max(hi, double(x)) : double(x);
            any = true;
        }
    };
    extend(m_scores);
    for (QCPGraph* g : std::as_const(m_items->tracks)) {
        for (auto p = g->data()->constBegin(); p != g->data()->constEnd(); ++p) {
            lo = std::min(lo, p->value);
            hi = std::max(hi, p->value);
        }
    }
    if (!any) {
        lo = 0;
        hi = 1;
    }
    lo = std::min(lo, m_threshold);
    hi = std::max(hi, m_threshold);
    if (hi - lo < 1e-9) {
        lo -= 0.5;
        hi += 0.5;
    }
    // Room above for the annotation band, below for the predicted-segment band.
    const double span = hi - lo;
    m_plot->yAxis->setRange(lo - 0.09 * span, hi + 0.12 * span);
}

void TimelinePlot::rebuildShading()
{
    for (QCPAbstractItem* item : std::as_const(m_items->groundTruth))
        m_plot->removeItem(item);
    m_items->groundTruth.clear();
    for (const auto& gt : std::as_const(m_groundTruth)) {
        // Frame i covers [i - 0.5, i + 0.5] on the axis.
        QCPItemRect* r = bandRect(m_plot, gt.first - 0.5, gt.second - 0.5, 0.0, 1.0);
        r->setLayer(m_items->shading);
        r->setPen(Qt::NoPen);
        r->setBrush(kGroundTruth);
        m_items->groundTruth.push_back(r);
    }
    updateLegend();
}

void TimelinePlot::rebuildAnnotations()
{
    for (QCPAbstractItem* item : std::as_const(m_items->annotations))
        m_plot->removeItem(item);
    m_items->annotations.clear();
    for (const TimelineInterval& a : std::as_const(m_annotations)) {
        QCPItemRect* r = bandRect(m_plot, a.begin - 0.5, a.end - 0.5, kAnnotationBand[0], kAnnotationBand[1]);
        r->setLayer(m_items->shading);
        r->setPen(QPen(kAnnotation, 1));
        QColor fill = kAnnotation;
        fill.setAlpha(70);
        r->setBrush(fill);
        m_items->annotations.push_back(r);
        if (!a.label.isEmpty()) {
            auto* t = new QCPItemText(m_plot);
            t->setLayer(m_items->shading);
            t->position->setTypeX(QCPItemPosition::ptPlotCoords);
            t->position->setTypeY(QCPItemPosition::ptAxisRectRatio);
            t->position->setCoords(a.begin - 0.5, kAnnotationBand[0]);
            t->setPositionAlignment(Qt::AlignLeft | Qt::AlignTop);
            t->setText(a.label);
            t->setFont(QFont(QStringLiteral("DejaVu Sans"), 8));
            t->setColor(QColor(60, 20, 120));
            t->setPadding(QMargins(3, 1, 3, 1));
            t->setClipToAxisRect(true);
            m_items->annotations.push_back(t);
        }
    }
    updateLegend();
}

void TimelinePlot::updateLegend()
{
    // Entries in a fixed order: score, prompt tracks (added as they come), then the bands.
    Items& it = *m_items;
    for (QCPGraph* g : {it.predictedLegend, it.gtLegend, it.annotationLegend})
        g->removeFromLegend();
    if (!m_scores.empty())
        it.predictedLegend->addToLegend();
    if (!m_groundTruth.isEmpty())
        it.gtLegend->addToLegend();
    if (!m_annotations.isEmpty())
        it.annotationLegend->addToLegend();
    m_plot->legend->setVisible(!m_scores.empty());
}

void TimelinePlot::layoutLegend(int width)
{
    // Entries go left to right; the most columns whose widest entries still fit the width (a
    // QCPLayoutGrid squeezes, then clips, entries that do not fit: "a person rid").
    QCPLegend* legend = m_plot->legend;
    QVector<QCPAbstractLegendItem*> items;
    for (int i = 0; i < legend->itemCount(); ++i)
        if (QCPAbstractLegendItem* item = legend->item(i))
            items.push_back(item);
    if (items.isEmpty())
        return;
    const int available = width - legend->margins().left() - legend->margins().right() - 8;
    int columns = int(items.size());
    for (; columns > 1; --columns) {
        QVector<int> widths(columns, 0);
        for (int i = 0; i < items.size(); ++i)
            widths[i % columns] = std::max(widths[i % columns], items[i]->minimumOuterSizeHint().width());
        int total = legend->columnSpacing() * (columns - 1);
        for (int w : widths)
            total += w;
        if (total <= available)
            break;
    }
    legend->setWrap(columns);
    legend->setFillOrder(QCPLayoutGrid::foColumnsFirst, true);  // re-flows the entries (and fills holes)
}

void TimelinePlot::rebuildPredicted()
{
    const QVector<QPair<int, int>> segments = segmentsAbove(m_scores, m_threshold);
    const bool changed = segments != m_predicted;
    m_predicted = segments;
    for (QCPAbstractItem* item : std::as_const(m_items->predicted))
        m_plot->removeItem(item);
    m_items->predicted.clear();
    for (const auto& s : std::as_const(m_predicted)) {
        QCPItemRect* r = bandRect(m_plot, s.first - 0.5, s.second - 0.5, kPredictedBand[0], kPredictedBand[1]);
        r->setLayer(m_items->segments);
        r->setPen(Qt::NoPen);
        r->setBrush(kPredicted);
        m_items->predicted.push_back(r);
    }
    if (changed)
        emit predictedSegmentsChanged(m_predicted);
}

void TimelinePlot::updateThresholdLine()
{
    m_items->threshold->point1->setCoords(0, m_threshold);
    m_items->threshold->point2->setCoords(1, m_threshold);
    m_items->thresholdLabel->position->setCoords(0.995, m_threshold);
    m_items->thresholdLabel->setText(tr("threshold %1").arg(displayNumber(m_threshold, 3)));
}

} // namespace vaclip::studio

// TimelinePlot: mouse interaction (seek, threshold drag, Shift+drag intervals, zoom, pan) and
// export to PNG, PDF and SVG.
#include "timeline/timeline_plot.h"
#include "timeline/timeline_plot_p.h"

#include <QBuffer>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace vaclip::studio {

void TimelinePlot::onPress(QMouseEvent* event)
{
    if (frameCount() <= 0)
        return;
    const QPointF pos = event->position();
    if (!m_plot->axisRect()->rect().contains(pos.toPoint()))
        return;
    if (event->button() == Qt::MiddleButton || event->button() == Qt::RightButton) {
        m_drag = Drag::Pan;
        m_panAnchorX = pos.x();
        m_panAnchorRange = xRange();
        m_plot->setCursor(Qt::ClosedHandCursor);
        return;
    }
    if (event->button() != Qt::LeftButton)
        return;
    if (event->modifiers() & Qt::ShiftModifier) {
        m_drag = Drag::Interval;
        m_dragAnchor = frameAt(int(pos.x()));
        m_items->drawing = bandRect(m_plot, m_dragAnchor - 0.5, m_dragAnchor + 0.5, 0.0, 1.0);
        m_items->drawing->setLayer(m_items->playheadLayer);
        m_items->drawing->setPen(QPen(kAnnotation, 1, Qt::DashLine));
        QColor fill = kAnnotation;
        fill.setAlpha(50);
        m_items->drawing->setBrush(fill);
        m_items->playheadLayer->replot();
        return;
    }
    const double thresholdY = m_plot->yAxis->coordToPixel(m_threshold);
    if (std::abs(pos.y() - thresholdY) <= kThresholdGrabPixels) {
        m_drag = Drag::Threshold;
        m_plot->setCursor(Qt::SizeVerCursor);
        return;
    }
    m_drag = Drag::Seek;
    const int frame = frameAt(int(pos.x()));
    setPlayhead(frame);
    emit seekRequested(frame);
}

void TimelinePlot::onMove(QMouseEvent* event)
{
    const QPointF pos = event->position();
    switch (m_drag) {
    case Drag::None: {
        // Hover feedback: the threshold line can be grabbed.
        const bool near = frameCount() > 0 &&
                          std::abs(pos.y() - m_plot->yAxis->coordToPixel(m_threshold)) <= kThresholdGrabPixels;
        m_plot->setCursor(near ? Qt::SizeVerCursor : Qt::CrossCursor);
        break;
    }
    case Drag::Seek: {
        const int frame = frameAt(int(pos.x()));
        if (frame != m_playhead) {
            setPlayhead(frame);
            emit seekRequested(frame);
        }
        break;
    }
    case Drag::Threshold: {
        const QCPRange y = m_plot->yAxis->range();
        setThreshold(std::clamp(scoreAt(int(pos.y())), y.lower, y.upper));
        break;
    }
    case Drag::Interval: {
        const int frame = frameAt(int(pos.x()));
        const int lo = std::min(frame, m_dragAnchor), hi = std::max(frame, m_dragAnchor);
        m_items->drawing->topLeft->setCoords(lo - 0.5, 0.0);
        m_items->drawing->bottomRight->setCoords(hi + 0.5, 1.0);
        m_items->playheadLayer->replot();
        break;
    }
    case Drag::Pan: {
        const QCPRange r = m_plot->xAxis->range();
        const double framesPerPixel = r.size() / std::max(1, m_plot->axisRect()->width());
        const double shift = (pos.x() - m_panAnchorX) * framesPerPixel;
        setXRange(m_panAnchorRange.first - shift, m_panAnchorRange.second - shift);
        break;
    }
    }
}

void TimelinePlot::onRelease(QMouseEvent* event)
{
    const Drag drag = m_drag;
    m_drag = Drag::None;
    m_plot->setCursor(Qt::CrossCursor);
    if (drag == Drag::Interval && m_items->drawing) {
        const int frame = frameAt(int(event->position().x()));
        m_plot->removeItem(m_items->drawing);
        m_items->drawing = nullptr;
        m_items->playheadLayer->replot();
        emit intervalDrawn(std::min(frame, m_dragAnchor), std::max(frame, m_dragAnchor) + 1);
    }
}

void TimelinePlot::onWheel(QWheelEvent* event)
{
    if (frameCount() <= 0)
        return;
    const double steps = event->angleDelta().y() / 120.0;
    if (steps == 0)
        return;
    const QCPRange r = m_plot->xAxis->range();
    const double anchor = m_plot->xAxis->pixelToCoord(event->position().x());
    const double factor = std::pow(0.8, steps);  // wheel up (positive) zooms in
    setXRange(anchor - (anchor - r.lower) * factor, anchor + (r.upper - anchor) * factor);
    event->accept();
}

void TimelinePlot::onDoubleClick(QMouseEvent*)
{
    resetZoom();
}

// ---- export -------------------------------------------------------------------------------

bool TimelinePlot::commitFile(const QString& path, const QByteArray& bytes)
{
    QSaveFile file(path);  // a temporary file renamed over `path` by commit()
    if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit()) {
        m_error = tr("'%1': cannot write: %2").arg(QDir::toNativeSeparators(path), file.errorString());
        return false;
    }
    m_error.clear();
    return true;
}

bool TimelinePlot::savePng(const QString& path, int width, int height, double scale)
{
    width = width > 0 ? width : m_plot->width();
    height = height > 0 ? height : m_plot->height();
    layoutLegend(width);  // for the export's width (the next replot lays it out for the widget again)
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    if (!m_plot->toPixmap(width, height, scale).save(&buffer, "PNG")) {
        m_error = tr("'%1': cannot encode the plot as PNG").arg(QDir::toNativeSeparators(path));
        return false;
    }
    return commitFile(path, bytes);
}

bool TimelinePlot::savePdf(const QString& path, int width, int height)
{
    width = width > 0 ? width : m_plot->width();
    height = height > 0 ? height : m_plot->height();
    layoutLegend(width);  // for the export's width (the next replot lays it out for the widget again)
    // QCustomPlot writes the PDF itself: to a temporary name in the same folder, then renamed.
    const QString tmp = path + QStringLiteral(".tmp-render");
    if (!m_plot->savePdf(tmp, width, height, QCP::epNoCosmetic, QStringLiteral("VideoAnomalyCLIP"))) {
        QFile::remove(tmp);
        m_error = tr("'%1': cannot write the PDF").arg(QDir::toNativeSeparators(path));
        return false;
    }
    std::error_code ec;  // rename(2) replaces an existing file atomically
    std::filesystem::rename(tmp.toStdString(), path.toStdString(), ec);
    if (ec) {
        QFile::remove(tmp);
        m_error = tr("'%1': cannot write the PDF: %2").arg(QDir::toNativeSeparators(path), QString::fromStdString(ec.message()));
        return false;
    }
    m_error.clear();
    return true;
}

bool TimelinePlot::saveSvg(const QString& path, int width, int height)
{
    width = width > 0 ? width : m_plot->width();
    height = height > 0 ? height : m_plot->height();
    layoutLegend(width);  // for the export's width (the next replot lays it out for the widget again)
    QByteArray bytes;
    QBuffer buffer(&bytes);
    buffer.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buffer);
    svg.setSize(QSize(width, height));
    svg.setViewBox(QRect(0, 0, width, height));
    svg.setTitle(tr("Anomaly score timeline"));
    QCPPainter painter;
    if (!painter.begin(&svg)) {
        m_error = tr("'%1': cannot render the SVG").arg(QDir::toNativeSeparators(path));
        return false;
    }
    m_plot->toPainter(&painter, width, height);
    painter.end();
    return commitFile(path, bytes);
}

} // namespace vaclip::studio

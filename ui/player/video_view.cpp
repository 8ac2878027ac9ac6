#include "player/video_view.h"

#include "widgets/display_format.h"

#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QRegion>
#include <QWheelEvent>

#include <algorithm>
#include <array>
#include <cmath>

namespace vaclip::studio {

QColor heatColour(double value)
{
    // Dark blue -> blue -> cyan -> yellow -> red: readable over video and in grayscale print.
    static const std::array<QColor, 5> stops = {QColor(20, 20, 120), QColor(30, 90, 230), QColor(40, 210, 220),
                                                QColor(250, 230, 40), QColor(220, 30, 30)};
    const double v = std::clamp(value, 0.0, 1.0) * double(stops.size() - 1);
    const int i = std::min(int(v), int(stops.size()) - 2);
    const double f = v - i;
    const QColor& a = stops[std::size_t(i)];
    const QColor& b = stops[std::size_t(i + 1)];
    return QColor(int(a.red() + (b.red() - a.red()) * f), int(a.green() + (b.green() - a.green()) * f),
                  int(a.blue() + (b.blue() - a.blue()) * f));
}

namespace {

/// Bilinear upsampling (pixel centres aligned, edges clamped) of a w x h map to W x H, coloured
/// and with alpha rising with the value so that normal regions leave the frame visible.
QImage heatImage(const std::vector<float>& map, int w, int h, int W, int H, float low, float high)
{
    QImage out(W, H, QImage::Format_ARGB32_Premultiplied);
    const float range = high - low > 1e-12f ? high - low : 1.f;
    std::array<QRgb, 256> lut{};
    for (int i = 0; i < 256; ++i) {
        const QColor c = heatColour(i / 255.0);
        const int alpha = int(255 * (0.15 + 0.85 * i / 255.0));
        lut[std::size_t(i)] = qPremultiply(qRgba(c.red(), c.green(), c.blue(), alpha));
    }
    const std::size_t columns = std::size_t(W);
    std::vector<int> x0(columns), x1(columns);
    std::vector<float> fx(columns);
    for (int x = 0; x < W; ++x) {
        const float sx = std::clamp((x + 0.5f) * float(w) / float(W) - 0.5f, 0.f, float(w - 1));
        x0[std::size_t(x)] = int(sx);
        x1[std::size_t(x)] = std::min(int(sx) + 1, w - 1);
        fx[std::size_t(x)] = sx - float(int(sx));
    }
    for (int y = 0; y < H; ++y) {
        const float sy = std::clamp((y + 0.5f) * float(h) / float(H) - 0.5f, 0.f, float(h - 1));
        const int y0 = int(sy), y1 = std::min(int(sy) + 1, h - 1);
        const float fy = sy - float(y0);
        const float* r0 = map.data() + std::size_t(y0) * std::size_t(w);
        const float* r1 = map.data() + std::size_t(y1) * std::size_t(w);
        auto* line = reinterpret_cast<QRgb*>(out.scanLine(y));
        for (int x = 0; x < W; ++x) {
            const std::size_t i = std::size_t(x);
            const float top = r0[x0[i]] + (r0[x1[i]] - r0[x0[i]]) * fx[i];
            const float bottom = r1[x0[i]] + (r1[x1[i]] - r1[x0[i]]) * fx[i];
            const float v = std::clamp(((top + (bottom - top) * fy) - low) / range, 0.f, 1.f);
            line[x] = lut[std::size_t(std::lround(v * 255.f))];
        }
    }
    return out;
}

} // namespace

VideoView::VideoView(QWidget* parent) : QWidget(parent)
{
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(false);
    setAttribute(Qt::WA_OpaquePaintEvent);
    setToolTip(tr("Wheel: zoom, drag: pan, 0: fit"));
}

void VideoView::setFrame(int index, const QImage& image)
{
    const bool sizeChanged = image.size() != m_frame.size();
    m_frame = image;
    m_frameIndex = index;
    if (sizeChanged)
        clampPan();
    update();
}

void VideoView::clear()
{
    m_frame = QImage();
    m_frameIndex = -1;
    clearOverlays();
}

void VideoView::setAnomalyMap(const std::vector<float>& map, int width, int height, float low, float high)
{
    if (map.empty() || width <= 0 || height <= 0 || map.size() != std::size_t(width) * std::size_t(height)) {
        clearAnomalyMap();
        return;
    }
    // Upsample to the frame's size (or 4x the map before the first frame), at most 1920 wide.
    QSize target = m_frame.isNull() ? QSize(width * 4, height * 4) : m_frame.size();
    if (target.width() > 1920)
        target = target.scaled(1920, 1920, Qt::KeepAspectRatio);
    m_heat = heatImage(map, width, height, std::max(1, target.width()), std::max(1, target.height()), low, high);
    update();
}

void VideoView::clearAnomalyMap()
{
    m_heat = QImage();
    update();
}

void VideoView::setHeatMapOpacity(double opacity)
{
    m_heatOpacity = std::clamp(opacity, 0.0, 1.0);
    update();
}

void VideoView::setGroundTruthMask(const std::vector<uint8_t>& mask, int width, int height)
{
    if (mask.size() != std::size_t(width) * std::size_t(height) || width <= 0 || height <= 0) {
        clearGroundTruthMask();
        return;
    }
    // Runs of nonzero pixels per row are y-x banded rectangles: a QRegion, whose outline the
    // simplified path gives (holes included).
    std::vector<QRect> runs;
    for (int y = 0; y < height; ++y) {
        const uint8_t* row = mask.data() + std::size_t(y) * std::size_t(width);
        for (int x = 0; x < width;) {
            if (!row[x]) {
                ++x;
                continue;
            }
            int end = x;
            while (end < width && row[end])
                ++end;
            runs.emplace_back(x, y, end - x, 1);
            x = end;
        }
    }
    QRegion region;
    if (!runs.empty())
        region.setRects(runs.data(), int(runs.size()));
    QPainterPath path;
    path.addRegion(region);
    m_maskOutline = path.simplified();
    m_maskSize = QSize(width, height);
    update();
}

void VideoView::setGroundTruthMask(const QImage& mask)
{
    const QImage gray = mask.convertToFormat(QImage::Format_Grayscale8);
    std::vector<uint8_t> data(std::size_t(gray.width()) * std::size_t(gray.height()));
    for (int y = 0; y < gray.height(); ++y) {
        const uchar* line = gray.constScanLine(y);
        for (int x = 0; x < gray.width(); ++x)
            data[std::size_t(y) * std::size_t(gray.width()) + std::size_t(x)] = line[x] ? 1 : 0;
    }
    setGroundTruthMask(data, gray.width(), gray.height());
}

void VideoView::clearGroundTruthMask()
{
    m_maskOutline = QPainterPath();
    m_maskSize = QSize();
    update();
}

void VideoView::setScore(double score, std::optional<double> threshold)
{
    m_score = score;
    m_threshold = threshold;
    update();
}

void VideoView::clearScore()
{
    m_score.reset();
    m_threshold.reset();
    update();
}

void VideoView::clearOverlays()
{
    m_heat = QImage();
    m_maskOutline = QPainterPath();
    m_maskSize = QSize();
    m_score.reset();
    m_threshold.reset();
    update();
}

QRectF VideoView::fitRect() const
{
    if (m_frame.isNull() || width() <= 0 || height() <= 0)
        return QRectF(rect());
    const QSizeF s = QSizeF(m_frame.size()).scaled(QSizeF(size()), Qt::KeepAspectRatio);
    return QRectF(QPointF((width() - s.width()) / 2, (height() - s.height()) / 2), s);
}

QRectF VideoView::frameRect() const
{
    const QRectF fit = fitRect();
    const QSizeF s = fit.size() * m_zoom;
    const QPointF centre = QPointF(width() / 2.0, height() / 2.0) + m_pan;
    return QRectF(centre - QPointF(s.width() / 2, s.height() / 2), s);
}

QPointF VideoView::widgetToFrame(const QPointF& position) const
{
    const QRectF r = frameRect();
    if (m_frame.isNull() || r.isEmpty())
        return {};
    return QPointF((position.x() - r.left()) * m_frame.width() / r.width(),
                   (position.y() - r.top()) * m_frame.height() / r.height());
}

void VideoView::setZoom(double zoom, std::optional<QPointF> anchor)
{
    zoom = std::clamp(zoom, 1.0, 32.0);
    if (zoom == m_zoom)
        return;
    const QPointF p = anchor.value_or(QPointF(width() / 2.0, height() / 2.0));
    const QRectF before = frameRect();
    const QPointF u((p.x() - before.left()) / before.width(), (p.y() - before.top()) / before.height());
    m_zoom = zoom;
    const QSizeF s = fitRect().size() * m_zoom;
    const QPointF topLeft(p.x() - u.x() * s.width(), p.y() - u.y() * s.height());
    m_pan = topLeft + QPointF(s.width() / 2, s.height() / 2) - QPointF(width() / 2.0, height() / 2.0);
    clampPan();
    update();
    emit zoomChanged(m_zoom);
}

void VideoView::fitToWindow()
{
    m_zoom = 1.0;
    m_pan = {};
    update();
    emit zoomChanged(m_zoom);
}

void VideoView::clampPan()
{
    const QSizeF s = fitRect().size() * m_zoom;
    const double mx = std::max(0.0, (s.width() - width()) / 2);
    const double my = std::max(0.0, (s.height() - height()) / 2);
    m_pan.setX(std::clamp(m_pan.x(), -mx, mx));
    m_pan.setY(std::clamp(m_pan.y(), -my, my));
}

void VideoView::paintOverlays(QPainter& painter, const QRectF& target, double textScale) const
{
    if (!m_heat.isNull() && m_heatOpacity > 0) {
        painter.save();
        painter.setOpacity(m_heatOpacity);
        painter.setRenderHint(QPainter::SmoothPixmapTransform, true);
        painter.drawImage(target, m_heat);
        painter.restore();
    }
    if (!m_maskOutline.isEmpty() && !m_maskSize.isEmpty()) {
        painter.save();
        painter.setRenderHint(QPainter::Antialiasing, true);
        painter.translate(target.topLeft());
        painter.scale(target.width() / m_maskSize.width(), target.height() / m_maskSize.height());
        QPen shadow(QColor(0, 0, 0, 160), 4.0 * textScale);
        shadow.setCosmetic(true);
        painter.strokePath(m_maskOutline, shadow);
        QPen pen(QColor(60, 255, 120), 2.0 * textScale);
        pen.setCosmetic(true);
        painter.strokePath(m_maskOutline, pen);
        painter.restore();
    }
    if (m_score) {
        painter.save();
        QFont font = painter.font();
        font.setPointSizeF(11 * textScale);
        font.setBold(true);
        painter.setFont(font);
        const QString text = tr("Score %1").arg(displayNumber(*m_score, 3));  // the display locale
        const QFontMetricsF fm(font);
        const QPointF corner(std::max(target.left(), 0.0) + 8 * textScale, std::max(target.top(), 0.0) + 8 * textScale);
        const QRectF box(corner, QSizeF(fm.horizontalAdvance(text) + 12 * textScale, fm.height() + 6 * textScale));
        const bool above = m_threshold && *m_score >= *m_threshold;
        painter.setPen(Qt::NoPen);
        painter.setBrush(above ? QColor(200, 30, 30, 210) : QColor(0, 0, 0, 160));
        painter.drawRoundedRect(box, 4 * textScale, 4 * textScale);
        painter.setPen(Qt::white);
        painter.drawText(box, Qt::AlignCenter, text);
        painter.restore();
    }
}

void VideoView::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), QColor(24, 24, 24));
    if (m_frame.isNull()) {
        painter.setPen(QColor(170, 170, 170));
        painter.drawText(rect(), Qt::AlignCenter, tr("No video"));
        return;
    }
    const QRectF target = frameRect();
    // Smooth when scaling down or mildly up; crisp pixels when zoomed in far enough to see them.
    const double scale = target.width() * devicePixelRatioF() / m_frame.width();
    painter.setRenderHint(QPainter::SmoothPixmapTransform, scale < 3.0);
    painter.drawImage(target, m_frame);
    paintOverlays(painter, target, 1.0);
}

QImage VideoView::renderWithOverlays() const
{
    if (m_frame.isNull())
        return {};
    QImage out = m_frame.convertToFormat(QImage::Format_ARGB32_Premultiplied);
    QPainter painter(&out);
    // Text proportional to the frame (as it looks at 480 lines), at least readable on small frames.
    const double textScale = std::max(0.6, out.height() / 480.0);
    paintOverlays(painter, QRectF(out.rect()), textScale);
    painter.end();
    return out.convertToFormat(QImage::Format_RGB888);
}

void VideoView::wheelEvent(QWheelEvent* event)
{
    const double steps = event->angleDelta().y() / 120.0;
    if (steps != 0)
        setZoom(m_zoom * std::pow(1.25, steps), event->position());
    event->accept();
}

void VideoView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() == Qt::LeftButton || event->button() == Qt::MiddleButton) {
        m_dragging = true;
        m_dragStart = event->position();
        m_panAtDragStart = m_pan;
        if (m_zoom > 1.0)
            setCursor(Qt::ClosedHandCursor);
    }
    QWidget::mousePressEvent(event);
}

void VideoView::mouseMoveEvent(QMouseEvent* event)
{
    if (m_dragging) {
        m_pan = m_panAtDragStart + (event->position() - m_dragStart);
        clampPan();
        update();
    }
}

void VideoView::mouseReleaseEvent(QMouseEvent* event)
{
    m_dragging = false;
    unsetCursor();
    QWidget::mouseReleaseEvent(event);
}

void VideoView::mouseDoubleClickEvent(QMouseEvent*)
{
    if (m_zoom > 1.0)
        fitToWindow();
    else
        setZoom(2.0);
}

void VideoView::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Plus:
    case Qt::Key_Equal:
        zoomIn();
        break;
    case Qt::Key_Minus:
        zoomOut();
        break;
    case Qt::Key_0:
    case Qt::Key_F:
        fitToWindow();
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    event->accept();
}

void VideoView::resizeEvent(QResizeEvent* event)
{
    clampPan();
    QWidget::resizeEvent(event);
}

} // namespace vaclip::studio

#pragma once
// The current video frame at its native aspect ratio, with zoom, pan and overlays: the pixel
// anomaly map as a heat map, ground-truth mask outlines, and the frame's score as text.
//
//   auto* view = new VideoView(this);
//   connect(provider, &FrameProvider::frameReady, view, &VideoView::setFrame);
//   view->setAnomalyMap(map, 14, 14);             // any resolution, row-major, upsampled smoothly
//   view->setHeatMapOpacity(0.5);
//   view->setGroundTruthMask(mask, 856, 480);     // nonzero = anomalous; drawn as outlines
//   view->setScore(0.83, 0.5);                    // text "0.830", red when >= threshold
//   QImage png = view->renderWithOverlays();      // native resolution, for export
//
// Input: mouse wheel zooms about the cursor, dragging pans (when zoomed in), keys + / - zoom,
// 0 or F fits the frame to the widget. The overlays belong to the frame shown: setFrame() keeps
// them (callers replace them per frame when they have per-frame data; clearOverlays() drops them).
// High DPI: the frame is drawn in device pixels (no blur at 1:1 on a 2x screen).
//
// Thread safety: GUI thread only (a QWidget).

#include <QImage>
#include <QPainterPath>
#include <QPointF>
#include <QString>
#include <QWidget>

#include <cstdint>
#include <optional>
#include <vector>

namespace vaclip::studio {

class VideoView : public QWidget {
    Q_OBJECT
public:
    explicit VideoView(QWidget* parent = nullptr);

    QImage frame() const { return m_frame; }
    int frameIndex() const { return m_frameIndex; }

    /// A float map of `width` x `height` values (row-major) shown over the whole frame, values
    /// mapped from [low, high] to the colour scale (clamped). Empty map: no heat map.
    void setAnomalyMap(const std::vector<float>& map, int width, int height, float low = 0.f, float high = 1.f);
    void clearAnomalyMap();
    bool hasAnomalyMap() const { return !m_heat.isNull(); }
    /// 0 (invisible) .. 1 (opaque); default 0.5.
    void setHeatMapOpacity(double opacity);
    double heatMapOpacity() const { return m_heatOpacity; }

    /// A binary mask (nonzero = anomalous) of any size, scaled to the frame; drawn as outlines.
    void setGroundTruthMask(const std::vector<uint8_t>& mask, int width, int height);
    /// The same from a mask image (any pixel not black = anomalous).
    void setGroundTruthMask(const QImage& mask);
    void clearGroundTruthMask();
    bool hasGroundTruthMask() const { return !m_maskOutline.isEmpty(); }

    /// The frame's score; drawn top-left, red when >= threshold (threshold unset: neutral colour).
    void setScore(double score, std::optional<double> threshold = std::nullopt);
    void clearScore();
    void clearOverlays();

    /// Zoom relative to "fit" (1 = the whole frame fits the widget). Clamped to [1, 32].
    double zoom() const { return m_zoom; }
    void setZoom(double zoom, std::optional<QPointF> anchor = std::nullopt);
    void zoomIn() { setZoom(m_zoom * 1.25); }
    void zoomOut() { setZoom(m_zoom / 1.25); }
    void fitToWindow();
    /// Where the frame is drawn, in widget (logical) coordinates.
    QRectF frameRect() const;
    /// Widget position -> frame pixel (may lie outside the frame).
    QPointF widgetToFrame(const QPointF& position) const;

    /// The frame at native resolution with the heat map, outlines and score drawn on it.
    QImage renderWithOverlays() const;

    QSize sizeHint() const override { return {640, 360}; }
    QSize minimumSizeHint() const override { return {160, 90}; }

public slots:
    /// Shows `image` (any format; RGB888 from FrameProvider) as frame `index`.
    void setFrame(int index, const QImage& image);
    void clear();

signals:
    void zoomChanged(double zoom);

protected:
    void paintEvent(QPaintEvent* event) override;
    void wheelEvent(QWheelEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mouseReleaseEvent(QMouseEvent* event) override;
    void mouseDoubleClickEvent(QMouseEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;

private:
    QRectF fitRect() const;
    void clampPan();
    /// Draws the overlays into `target` (the frame's rectangle in painter coordinates).
    void paintOverlays(QPainter& painter, const QRectF& target, double textScale) const;

    QImage m_frame;
    int m_frameIndex = -1;
    QImage m_heat;                 // ARGB32 colour map at (up to) frame resolution
    double m_heatOpacity = 0.5;
    QPainterPath m_maskOutline;    // in mask pixel coordinates
    QSize m_maskSize;
    std::optional<double> m_score;
    std::optional<double> m_threshold;
    double m_zoom = 1.0;
    QPointF m_pan;                 // offset of the frame centre from the widget centre (logical px)
    QPointF m_dragStart;
    QPointF m_panAtDragStart;
    bool m_dragging = false;
};

/// Colour of a value in [0, 1] on the heat scale (dark blue - cyan - yellow - red), for legends.
QColor heatColour(double value);

} // namespace vaclip::studio

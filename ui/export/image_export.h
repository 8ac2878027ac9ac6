#pragma once
// Export of what the studio shows: plots (PNG, PDF, SVG) and the current video frame with its
// overlays (PNG). Every file is rendered in memory and written atomically (temporary + rename).
//
//   exportPlot(timeline->findChild<QCustomPlot*>(), QStringLiteral("/tmp/scores.svg"));
//   exportWidget(rocView, QStringLiteral("/tmp/roc.pdf"));        // any widget
//   exportFrameImage(player->currentFrameWithOverlays(), QStringLiteral("/tmp/frame_0120.png"));
//
// Plots (QCustomPlot) are drawn as vectors in PDF and SVG and at `scale` x the size in PNG; the
// size defaults to the widget's on-screen size (at least 200 x 150). Any other widget is grabbed
// (PNG) or rendered through QWidget::render (PDF, SVG: as the widget paints itself).
// Errors: vaclip::Error naming the file (unknown suffix: Unsupported; encoding or write failure: Io).
// Thread safety: GUI thread (widgets); exportFrameImage from any thread.

#include <QImage>
#include <QSize>
#include <QString>

class QCustomPlot;
class QWidget;

namespace vaclip::studio {

enum class ImageFormat { Auto, Png, Pdf, Svg };

/// From the suffix (png, pdf, svg; case-insensitive); throws Unsupported otherwise.
ImageFormat imageFormatForPath(const QString& path);
/// "PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)" (translated).
QString plotFileFilter();

/// A QCustomPlot (the project's plot widgets wrap one) to PNG/PDF/SVG. `size` empty = the widget's.
void exportPlot(QCustomPlot* plot, const QString& path, QSize size = {}, ImageFormat format = ImageFormat::Auto,
                double scale = 2.0);
/// Any widget: uses exportPlot when it is a QCustomPlot or holds exactly one, else paints it.
void exportWidget(QWidget* widget, const QString& path, ImageFormat format = ImageFormat::Auto);
/// The frame as shown (overlays already drawn into `image`) as PNG. Empty image: InvalidArgument.
void exportFrameImage(const QImage& image, const QString& path);

/// The bytes exportPlot would write (for tests and the report).
QByteArray renderPlot(QCustomPlot* plot, ImageFormat format, QSize size, double scale = 2.0);

} // namespace vaclip::studio

#include "export/image_export.h"

#include "common/error.h"
#include "io/atomic_file.h"

#include <qcustomplot.h>

#include <QBuffer>
#include <QCoreApplication>
#include <QFileInfo>
#include <QPageSize>
#include <QPainter>
#include <QPdfWriter>
#include <QSvgGenerator>
#include <QWidget>

#include <algorithm>
#include <functional>

namespace vaclip::studio {

namespace {

std::string str(const QString& s)
{
    return s.toStdString();
}

void commit(const QString& path, const QByteArray& bytes)
{
    writeFileAtomic(str(path), reinterpret_cast<const uint8_t*>(bytes.constData()), std::size_t(bytes.size()));
}

QSize plotSize(QWidget* w, QSize size)
{
    if (size.isEmpty())
        size = w->size();
    return size.expandedTo(QSize(200, 150));
}

/// A one-page PDF of `size` points (1/72 in); `paint` draws on the device in point units.
QByteArray pdfOf(QSize size, const QString& title, const std::function<void(QPaintDevice&)>& paint)
{
    QByteArray bytes;
    QBuffer buf(&bytes);
    buf.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buf);
    pdf.setCreator(QStringLiteral("VideoAnomalyCLIP"));
    pdf.setTitle(title);
    pdf.setPageSize(QPageSize(QSizeF(size), QPageSize::Point, QString(), QPageSize::ExactMatch));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    pdf.setResolution(72);
    paint(pdf);
    buf.close();
    return bytes;
}

QByteArray svgOf(QSize size, const QString& title, const std::function<void(QPaintDevice&)>& paint)
{
    QByteArray bytes;
    QBuffer buf(&bytes);
    buf.open(QIODevice::WriteOnly);
    QSvgGenerator svg;
    svg.setOutputDevice(&buf);
    svg.setSize(size);
    svg.setViewBox(QRect(QPoint(0, 0), size));
    svg.setTitle(title);
    svg.setDescription(QStringLiteral("VideoAnomalyCLIP"));
    paint(svg);
    buf.close();
    return bytes;
}

QByteArray pngOf(const QImage& image, const QString& path)
{
    QByteArray bytes;
    QBuffer buf(&bytes);
    buf.open(QIODevice::WriteOnly);
    if (image.isNull() || !image.save(&buf, "PNG"))
        throw Error(ErrorCode::Io, quoted(str(path)) + ": cannot encode the image as PNG");
    return bytes;
}

} // namespace

ImageFormat imageFormatForPath(const QString& path)
{
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix == QLatin1String("png"))
        return ImageFormat::Png;
    if (suffix == QLatin1String("pdf"))
        return ImageFormat::Pdf;
    if (suffix == QLatin1String("svg"))
        return ImageFormat::Svg;
    throw Error(ErrorCode::Unsupported, quoted(str(path)) + ": unknown image type (expected .png, .pdf or .svg)");
}

QString plotFileFilter()
{
    return QCoreApplication::translate("vaclip::studio::ImageExport",
                                       "PNG image (*.png);;PDF document (*.pdf);;SVG drawing (*.svg)");
}

QByteArray renderPlot(QCustomPlot* plot, ImageFormat format, QSize size, double scale)
{
    if (!plot)
        throw Error(ErrorCode::InvalidArgument, "renderPlot: no plot");
    size = plotSize(plot, size);
    const QString title = QStringLiteral("VideoAnomalyCLIP plot");
    auto vector = [&](QPaintDevice& device) {
        QCPPainter painter(&device);
        painter.setMode(QCPPainter::pmVectorized);
        painter.setMode(QCPPainter::pmNoCaching);
        plot->toPainter(&painter, size.width(), size.height());
        painter.end();
    };
    switch (format) {
    case ImageFormat::Pdf:
        return pdfOf(size, title, vector);
    case ImageFormat::Svg:
        return svgOf(size, title, vector);
    case ImageFormat::Png:
    case ImageFormat::Auto:
        break;
    }
    return pngOf(plot->toPixmap(size.width(), size.height(), scale).toImage(), QStringLiteral("plot.png"));
}

void exportPlot(QCustomPlot* plot, const QString& path, QSize size, ImageFormat format, double scale)
{
    if (format == ImageFormat::Auto)
        format = imageFormatForPath(path);
    commit(path, renderPlot(plot, format, size, scale));
}

void exportWidget(QWidget* widget, const QString& path, ImageFormat format)
{
    if (!widget)
        throw Error(ErrorCode::InvalidArgument, quoted(str(path)) + ": nothing to export");
    if (format == ImageFormat::Auto)
        format = imageFormatForPath(path);
    auto* plot = qobject_cast<QCustomPlot*>(widget);
    if (!plot) {
        const QList<QCustomPlot*> plots = widget->findChildren<QCustomPlot*>();
        if (plots.size() == 1)
            plot = plots.first();
    }
    if (plot) {
        exportPlot(plot, path, {}, format);
        return;
    }
    const QSize size = widget->size().expandedTo(QSize(1, 1));
    auto paint = [&](QPaintDevice& device) {
        QPainter painter(&device);
        widget->render(&painter, QPoint(), QRegion(), QWidget::DrawChildren);
        painter.end();
    };
    switch (format) {
    case ImageFormat::Pdf:
        commit(path, pdfOf(size, widget->windowTitle(), paint));
        break;
    case ImageFormat::Svg:
        commit(path, svgOf(size, widget->windowTitle(), paint));
        break;
    case ImageFormat::Png:
    case ImageFormat::Auto:
        commit(path, pngOf(widget->grab().toImage(), path));
        break;
    }
}

void exportFrameImage(const QImage& image, const QString& path)
{
    if (image.isNull())
        throw Error(ErrorCode::InvalidArgument, quoted(str(path)) + ": no frame to export");
    commit(path, pngOf(image, path));
}

} // namespace vaclip::studio

#include "export/run_report.h"

#include "common/error.h"
#include "eval/evaluator.h"
#include "io/atomic_file.h"

#include <qcustomplot.h>

#include <QBuffer>
#include <QCoreApplication>
#include <QFontMetricsF>
#include <QPageSize>
#include <QPdfWriter>

#include <cmath>

namespace vaclip::studio {

namespace {

// lupdate files the tr() calls of RunReport's members under "vaclip::studio::RunReport" and those of
// the free functions here under the namespace, "vaclip::studio": look in both.
QString tr(const char* text, const char* disambiguation = nullptr, int n = -1)
{
    const QString t = QCoreApplication::translate("vaclip::studio::RunReport", text, disambiguation, n);
    // An untranslated numerus string comes back with %n already replaced: compare against that.
    QString source = QString::fromUtf8(text);
    if (n >= 0)
        source.replace(QLatin1String("%n"), QString::number(n));
    return t != source ? t : QCoreApplication::translate("vaclip::studio", text, disambiguation, n);
}

QString num(double v, int digits = 3)
{
    return std::isfinite(v) ? QString::number(v, 'f', digits) : QStringLiteral("\u2014");
}

constexpr double kPageW = 595;   // A4 in points
constexpr double kPageH = 842;
constexpr double kMargin = 36;

/// Text cut to `width` with an ellipsis.
void text(QPainter& p, double x, double y, double width, const QString& s, Qt::Alignment align = Qt::AlignLeft)
{
    const QFontMetricsF fm(p.font());
    const QString elided = fm.elidedText(s, Qt::ElideRight, width);
    p.drawText(QRectF(x, y, width, fm.height()), int(align | Qt::AlignVCenter), elided);
}

double heading(QPainter& p, double y, const QString& s)
{
    QFont f(QStringLiteral("DejaVu Sans"), 10, QFont::Bold);
    p.setFont(f);
    text(p, kMargin, y, kPageW - 2 * kMargin, s);
    p.setPen(QPen(QColor(180, 180, 180), 0.5));
    const double line = y + QFontMetricsF(f).height() + 1;
    p.drawLine(QPointF(kMargin, line), QPointF(kPageW - kMargin, line));
    p.setPen(Qt::black);
    return line + 4;
}

void drawRoc(QCPPainter& painter, const RunReport& r, QRectF box)
{
    QCustomPlot plot;
    plot.setBackground(Qt::white);
    plot.xAxis->setLabel(tr("False positive rate"));
    plot.yAxis->setLabel(tr("True positive rate"));
    for (QCPAxis* a : {plot.xAxis, plot.yAxis}) {
        a->setRange(0, 1);
        a->setLabelFont(QFont(QStringLiteral("DejaVu Sans"), 7));
        a->setTickLabelFont(QFont(QStringLiteral("DejaVu Sans"), 6));
    }
    QCPGraph* chance = plot.addGraph();
    chance->setData(QVector<double>{0, 1}, QVector<double>{0, 1});
    chance->setPen(QPen(QColor(150, 150, 150), 1, Qt::DashLine));
    chance->removeFromLegend();
    if (!r.rocFpr.empty() && r.rocFpr.size() == r.rocTpr.size()) {
        QCPCurve* curve = new QCPCurve(plot.xAxis, plot.yAxis);
        QVector<double> x(r.rocFpr.begin(), r.rocFpr.end()), y(r.rocTpr.begin(), r.rocTpr.end());
        curve->setData(x, y);
        curve->setPen(QPen(QColor(31, 119, 180), 1.5));
        curve->setName(r.rocLabel.isEmpty() ? tr("ROC") : r.rocLabel);
        plot.legend->setVisible(true);
        plot.legend->setFont(QFont(QStringLiteral("DejaVu Sans"), 7));
        plot.axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignRight | Qt::AlignBottom);
    }
    painter.save();
    painter.translate(box.topLeft());
    painter.setMode(QCPPainter::pmVectorized);
    painter.setMode(QCPPainter::pmNoCaching);
    plot.toPainter(&painter, int(box.width()), int(box.height()));
    painter.restore();
}

} // namespace

void RunReport::fillFromEvaluation(const eval::EvaluationResult& r)
{
    metrics.clear();
    auto ci = [&](double v, const eval::BootstrapInterval& i) {
        QString s = num(v);
        if (std::isfinite(i.low) && std::isfinite(i.high))
            s += QStringLiteral("  [%1, %2]").arg(num(i.low), num(i.high));
        return s;
    };
    const bool boot = r.bootstrap.valid > 0;
    metrics.push_back({tr("Frame AUC (micro)"), boot ? ci(r.micro.auc, r.bootstrap.auc) : num(r.micro.auc)});
    metrics.push_back({tr("Frame AP (micro)"), boot ? ci(r.micro.ap(r.options.ap), r.bootstrap.ap)
                                                    : num(r.micro.ap(r.options.ap))});
    metrics.push_back({tr("Frame AUC (macro)"), num(r.macro.auc)});
    metrics.push_back({tr("Frame AP (macro)"), num(r.macro.ap)});
    metrics.push_back({tr("Video AUC"), r.videoLevel.defined ? num(r.videoLevel.auc) : tr("undefined (one class)")});
    metrics.push_back({tr("Video AP"), r.videoLevel.defined ? num(r.videoLevel.apStep) : tr("undefined (one class)")});
    metrics.push_back({tr("EER"), num(r.micro.eer)});
    metrics.push_back({tr("Frames (anomalous / total)"),
                       QStringLiteral("%1 / %2").arg(r.micro.positives).arg(r.micro.positives + r.micro.negatives)});
    rocFpr = r.microRoc.fpr;
    rocTpr = r.microRoc.tpr;
    rocLabel = tr("AUC %1").arg(num(r.micro.auc));
    perVideo.clear();
    for (const eval::PerVideoResult& v : r.perVideo)
        perVideo.push_back({QString::fromStdString(v.name), v.frames, v.auc, v.ap, v.videoScore, v.videoLabel});
}

namespace {

/// Draws the page in points (595 x 842) with `p` active on the device.
void paintReport(const RunReport& r, QCPPainter& p)
{
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    double y = kMargin;
    p.setFont(QFont(QStringLiteral("DejaVu Sans"), 15, QFont::Bold));
    text(p, kMargin, y, kPageW - 2 * kMargin, r.title.isEmpty() ? tr("Run report") : r.title);
    y += 22;
    p.setFont(QFont(QStringLiteral("DejaVu Sans"), 7.5));
    p.setPen(QColor(90, 90, 90));
    text(p, kMargin, y, kPageW - 2 * kMargin, r.subtitle);
    p.setPen(Qt::black);
    y += 16;

    // Metrics (left) beside the ROC curve (right).
    const double top = heading(p, y, tr("Metrics"));
    double my = top;
    p.setFont(QFont(QStringLiteral("DejaVu Sans"), 8));
    for (const auto& m : r.metrics) {
        text(p, kMargin, my, 130, m.first);
        text(p, kMargin + 132, my, 150, m.second);
        my += 12;
    }
    const QRectF rocBox(kMargin + 290, top, kPageW - 2 * kMargin - 290, 200);
    drawRoc(p, r, rocBox);
    y = std::max(my, rocBox.bottom()) + 8;

    // Per-video table: as many rows as fit above the prompts and config.
    y = heading(p, y, tr("Per video"));
    const double cols[] = {kMargin, kMargin + 250, kMargin + 300, kMargin + 350, kMargin + 400, kMargin + 460};
    const double widths[] = {245, 48, 48, 48, 58, 60};
    const QString headers[] = {tr("Video"), tr("Frames"), tr("AUC"), tr("AP"), tr("Score"), tr("Label")};
    p.setFont(QFont(QStringLiteral("DejaVu Sans"), 7, QFont::Bold));
    for (int c = 0; c < 6; ++c)
        text(p, cols[c], y, widths[c], headers[c], c ? Qt::AlignRight : Qt::AlignLeft);
    y += 10;
    p.setFont(QFont(QStringLiteral("DejaVu Sans"), 7));
    const int fit = std::max(1, int((kPageH * 0.62 - y) / 9.5));
    const int shown = r.perVideo.size() <= fit ? int(r.perVideo.size()) : fit - 1;
    for (int i = 0; i < shown; ++i) {
        const RunReport::VideoRow& v = r.perVideo[i];
        const QString cells[] = {v.video, QString::number(v.frames), num(v.auc), num(v.ap), num(v.videoScore),
                                 v.label ? tr("anomalous") : tr("normal")};
        for (int c = 0; c < 6; ++c)
            text(p, cols[c], y, widths[c], cells[c], c ? Qt::AlignRight : Qt::AlignLeft);
        y += 9.5;
    }
    if (shown < r.perVideo.size()) {
        text(p, kMargin, y, 400, tr("\u2026 and %n more video(s)", nullptr, int(r.perVideo.size() - shown)));
        y += 9.5;
    }
    y += 6;

    // Prompts, then the config YAML in what is left of the page.
    y = heading(p, y, tr("Prompts"));
    p.setFont(QFont(QStringLiteral("DejaVu Sans"), 7.5));
    const QString prompts = r.prompts.isEmpty() ? tr("(none)") : r.prompts.join(QStringLiteral("  \u00b7  "));
    const QRectF promptRoom(kMargin, y, kPageW - 2 * kMargin, 40);
    const QRectF needed = p.boundingRect(promptRoom, int(Qt::TextWordWrap | Qt::AlignTop), prompts);
    const QRectF promptBox(promptRoom.topLeft(), QSizeF(promptRoom.width(), std::min(needed.height(), 40.0)));
    p.drawText(promptBox, int(Qt::TextWordWrap | Qt::AlignTop), prompts, nullptr);
    y += promptBox.height() + 8;
    y = heading(p, y, tr("Configuration"));
    QFont mono(QStringLiteral("DejaVu Sans Mono"), 6);
    mono.setStyleHint(QFont::Monospace);
    p.setFont(mono);
    const QStringList lines = r.configYaml.split(QLatin1Char('\n'));
    const double lineH = QFontMetricsF(mono).height();
    const int room = std::max(1, int((kPageH - kMargin - y) / lineH));
    const int colW = int((kPageW - 2 * kMargin - 10) / 2);
    // Two columns of YAML lines.
    const int perColumn = room;
    int nShown = std::min<int>(int(lines.size()), 2 * perColumn);
    const bool cut = nShown < lines.size();
    if (cut)
        nShown -= 1;
    for (int i = 0; i < nShown; ++i) {
        const double x = kMargin + (i / perColumn) * (colW + 10);
        text(p, x, y + (i % perColumn) * lineH, colW, lines[i]);
    }
    if (cut)
        text(p, kMargin + colW + 10, y + (perColumn - 1) * lineH, colW,
             tr("\u2026 (%n more line(s))", nullptr, int(lines.size() - nShown)));
}

} // namespace

QByteArray renderRunReportPdf(const RunReport& r)
{
    QByteArray bytes;
    QBuffer buf(&bytes);
    buf.open(QIODevice::WriteOnly);
    QPdfWriter pdf(&buf);
    pdf.setCreator(QStringLiteral("VideoAnomalyCLIP"));
    pdf.setTitle(r.title);
    pdf.setPageSize(QPageSize(QPageSize::A4));
    pdf.setPageMargins(QMarginsF(0, 0, 0, 0));
    pdf.setResolution(72);   // painter units = points
    QCPPainter p(&pdf);
    paintReport(r, p);
    p.end();
    buf.close();
    return bytes;
}

QImage renderRunReportImage(const RunReport& r, double scale)
{
    QImage image(int(kPageW * scale), int(kPageH * scale), QImage::Format_RGB32);
    image.fill(Qt::white);
    // 72 dpi, so that font point sizes are painter units as on the PDF page.
    image.setDotsPerMeterX(2835);
    image.setDotsPerMeterY(2835);
    QCPPainter p(&image);
    p.scale(scale, scale);
    paintReport(r, p);
    p.end();
    return image;
}

void writeRunReportPdf(const RunReport& report, const QString& path)
{
    const QByteArray bytes = renderRunReportPdf(report);
    if (bytes.isEmpty())
        throw Error(ErrorCode::Io, quoted(path.toStdString()) + ": cannot render the report");
    writeFileAtomic(path.toStdString(), reinterpret_cast<const uint8_t*>(bytes.constData()), std::size_t(bytes.size()));
}

} // namespace vaclip::studio

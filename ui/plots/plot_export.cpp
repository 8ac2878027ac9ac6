#include "plots/plot_export.h"

#include "common/error.h"
#include "io/atomic_file.h"

#include <qcustomplot.h>

#include <QApplication>
#include <QBuffer>
#include <QSvgGenerator>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <memory>

#include <sys/stat.h>
#include <unistd.h>

namespace vaclip::plots {

namespace {

const QColor kPalette[] = {QColor(31, 119, 180), QColor(214, 39, 40), QColor(44, 160, 44), QColor(255, 127, 14),
                           QColor(148, 103, 189), QColor(140, 86, 75)};

/// QCustomPlot is a widget: it needs a QApplication. Make one on the offscreen platform when the
/// process (a CLI) has none; the studio already has its own.
void ensureApplication()
{
    if (QCoreApplication::instance())
        return;
    if (!std::getenv("DISPLAY") && !std::getenv("WAYLAND_DISPLAY") && !std::getenv("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    if (!std::getenv("XDG_RUNTIME_DIR")) {
        // Without it Qt warns on stderr ("XDG_RUNTIME_DIR not set") in every CLI run; give it the
        // private folder it would pick anyway.
        const std::string dir = "/tmp/runtime-" + std::to_string(::getuid());
        ::mkdir(dir.c_str(), 0700);
        struct stat st {};
        if (::stat(dir.c_str(), &st) == 0 && st.st_uid == ::getuid() && (st.st_mode & 0777) == 0700)
            qputenv("XDG_RUNTIME_DIR", QByteArray::fromStdString(dir));
    }
    static int argc = 1;
    static char name[] = "vaclip";
    static char* argv[] = {name, nullptr};
    static auto* app = new QApplication(argc, argv);  // lives until exit
    (void)app;
}

QString qs(const std::string& s)
{
    return QString::fromStdString(s);
}

void styleAxes(QCustomPlot& p)
{
    const QFont font(QStringLiteral("DejaVu Sans"), 10);
    for (QCPAxis* a : {p.xAxis, p.yAxis}) {
        a->setLabelFont(font);
        a->setTickLabelFont(font);
        a->grid()->setSubGridVisible(false);
        a->grid()->setPen(QPen(QColor(225, 225, 225), 1));
    }
    p.xAxis2->setVisible(true);
    p.yAxis2->setVisible(true);
    p.xAxis2->setTicks(false);
    p.yAxis2->setTicks(false);
    p.xAxis2->setTickLabels(false);
    p.yAxis2->setTickLabels(false);
    p.setBackground(Qt::white);
}

void addTitle(QCustomPlot& p, const std::string& title)
{
    if (title.empty())
        return;
    p.plotLayout()->insertRow(0);
    auto* t = new QCPTextElement(&p, qs(title), QFont(QStringLiteral("DejaVu Sans"), 12, QFont::Bold));
    p.plotLayout()->addElement(0, 0, t);
}

/// PNG, PDF and SVG of the plot, each written to a temporary name and renamed into place.
std::vector<std::string> saveAll(QCustomPlot& p, const std::string& stem, int width, int height)
{
    p.resize(width, height);
    p.replot(QCustomPlot::rpImmediateRefresh);
    std::vector<std::string> written;
    std::filesystem::path dir = std::filesystem::path(stem).parent_path();
    if (!dir.empty())
        std::filesystem::create_directories(dir);

    auto commit = [&](const std::string& path, const QByteArray& bytes) {
        writeFileAtomic(path, reinterpret_cast<const uint8_t*>(bytes.constData()), std::size_t(bytes.size()));
        written.push_back(path);
    };
    {
        QByteArray bytes;
        QBuffer buf(&bytes);
        buf.open(QIODevice::WriteOnly);
        if (!p.toPixmap(width, height, 2.0).save(&buf, "PNG"))
            throw Error(ErrorCode::Io, quoted(stem + ".png") + ": cannot encode the plot as PNG");
        commit(stem + ".png", bytes);
    }
    {
        // QCustomPlot::savePdf writes the file itself: write to a temporary name, then rename.
        const std::string tmp = stem + ".pdf.tmp-render";
        if (!p.savePdf(qs(tmp), width, height, QCP::epNoCosmetic, QStringLiteral("VideoAnomalyCLIP")))
            throw Error(ErrorCode::Io, quoted(stem + ".pdf") + ": cannot write the PDF");
        std::error_code ec;
        std::filesystem::rename(tmp, stem + ".pdf", ec);
        if (ec)
            throw Error(ErrorCode::Io, quoted(stem + ".pdf") + ": " + ec.message());
        written.push_back(stem + ".pdf");
    }
    {
        QByteArray bytes;
        QBuffer buf(&bytes);
        buf.open(QIODevice::WriteOnly);
        QSvgGenerator svg;
        svg.setOutputDevice(&buf);
        svg.setSize(QSize(width, height));
        svg.setViewBox(QRect(0, 0, width, height));
        svg.setTitle(QStringLiteral("VideoAnomalyCLIP plot"));
        QCPPainter painter;
        painter.begin(&svg);
        p.toPainter(&painter, width, height);
        painter.end();
        commit(stem + ".svg", bytes);
    }
    return written;
}

} // namespace

std::vector<std::string> exportPlot(const LinePlot& plot, const std::string& pathStem, int width, int height)
{
    ensureApplication();
    QCustomPlot p;
    styleAxes(p);
    addTitle(p, plot.title);
    p.xAxis->setLabel(qs(plot.xLabel));
    p.yAxis->setLabel(qs(plot.yLabel));
    p.xAxis->setRange(plot.xMin, plot.xMax);
    p.yAxis->setRange(plot.yMin, plot.yMax);
    if (plot.diagonal) {
        QCPGraph* d = p.addGraph();
        d->setData(QVector<double>{plot.xMin, plot.xMax}, QVector<double>{plot.xMin, plot.xMax});
        d->setPen(QPen(QColor(150, 150, 150), 1, Qt::DashLine));
        d->setName(QStringLiteral("chance"));
    }
    int colour = 0;
    for (const Series& s : plot.series) {
        // QCPCurve keeps the point order (a ROC curve may have vertical runs at one x).
        auto* c = new QCPCurve(p.xAxis, p.yAxis);
        QVector<double> xs, ys;
        for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i) {
            if (s.stepped && i > 0) {
                xs.push_back(s.x[i]);
                ys.push_back(s.y[i - 1]);
            }
            xs.push_back(s.x[i]);
            ys.push_back(s.y[i]);
        }
        c->setData(xs, ys);
        c->setPen(QPen(kPalette[colour++ % 6], 2));
        c->setName(qs(s.label));
    }
    for (std::size_t i = 0; i < plot.markers.size(); ++i) {
        QCPGraph* m = p.addGraph();
        m->setData(QVector<double>{plot.markers[i].first}, QVector<double>{plot.markers[i].second});
        m->setLineStyle(QCPGraph::lsNone);
        // One shape and fill per marker so that the legend tells them apart (Youden J vs EER).
        static const QCPScatterStyle::ScatterShape shapes[] = {QCPScatterStyle::ssCircle, QCPScatterStyle::ssDiamond,
                                                               QCPScatterStyle::ssSquare, QCPScatterStyle::ssTriangle};
        static const QColor fills[] = {QColor(255, 215, 0), QColor(230, 80, 60), QColor(60, 180, 90), QColor(150, 90, 200)};
        m->setScatterStyle(QCPScatterStyle(shapes[i % 4], QColor(0, 0, 0), fills[i % 4], 10));
        m->setName(i < plot.markerLabels.size() ? qs(plot.markerLabels[i]) : QStringLiteral("operating point"));
    }
    p.legend->setVisible(true);
    p.legend->setFont(QFont(QStringLiteral("DejaVu Sans"), 9));
    p.axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignBottom | Qt::AlignRight);
    return saveAll(p, pathStem, width, height);
}

std::vector<std::string> exportScoreTrack(const ScoreTrack& track, const std::string& pathStem, int width, int height)
{
    ensureApplication();
    if (track.scores.empty())
        throw Error(ErrorCode::InvalidArgument, quoted(pathStem) + ": no scores to plot");
    QCustomPlot p;
    styleAxes(p);
    addTitle(p, track.title);
    const double dt = track.fps > 0 ? 1.0 / track.fps : 1.0;
    const std::size_t n = track.scores.size();
    double lo = *std::min_element(track.scores.begin(), track.scores.end());
    double hi = *std::max_element(track.scores.begin(), track.scores.end());
    if (hi - lo < 1e-12) {
        lo -= 0.5;
        hi += 0.5;
    }
    const double pad = 0.05 * (hi - lo);
    p.xAxis->setLabel(track.fps > 0 ? QStringLiteral("Time (s)") : QStringLiteral("Frame"));
    p.yAxis->setLabel(QStringLiteral("Anomaly score"));
    p.xAxis->setRange(0, double(n) * dt);
    p.yAxis->setRange(lo - pad, hi + pad);

    // Ground-truth anomalous intervals as shaded rectangles behind the curve.
    for (std::size_t i = 0; i < track.labels.size();) {
        if (!track.labels[i]) {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < track.labels.size() && track.labels[j])
            ++j;
        auto* r = new QCPItemRect(&p);
        r->topLeft->setCoords(double(i) * dt, hi + pad);
        r->bottomRight->setCoords(double(j) * dt, lo - pad);
        r->setPen(Qt::NoPen);
        r->setBrush(QColor(214, 39, 40, 50));
        r->setLayer(QStringLiteral("background"));
        i = j;
    }
    QCPGraph* g = p.addGraph();
    QVector<double> xs(static_cast<qsizetype>(n)), ys(static_cast<qsizetype>(n));
    for (std::size_t i = 0; i < n; ++i) {
        xs[int(i)] = double(i) * dt;
        ys[int(i)] = track.scores[i];
    }
    g->setData(xs, ys, true);
    g->setPen(QPen(kPalette[0], 1.6));
    g->setName(QStringLiteral("score"));
    if (track.threshold >= lo - pad && track.threshold <= hi + pad) {
        QCPGraph* t = p.addGraph();
        t->setData(QVector<double>{0, double(n) * dt}, QVector<double>{track.threshold, track.threshold});
        t->setPen(QPen(QColor(80, 80, 80), 1, Qt::DashLine));
        t->setName(QStringLiteral("threshold %1").arg(track.threshold, 0, 'g', 4));
    }
    if (!track.labels.empty()) {
        // A legend entry for the shading: an empty graph with the same brush.
        QCPGraph* legendGt = p.addGraph();
        legendGt->setPen(QPen(QColor(214, 39, 40, 90), 8));
        legendGt->setName(QStringLiteral("ground-truth anomaly"));
    }
    p.legend->setVisible(true);
    p.legend->setFont(QFont(QStringLiteral("DejaVu Sans"), 9));
    p.axisRect()->insetLayout()->setInsetAlignment(0, Qt::AlignTop | Qt::AlignLeft);
    return saveAll(p, pathStem, width, height);
}

} // namespace vaclip::plots

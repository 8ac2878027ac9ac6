// ctest-labels: gui
// ctest-link: vaclip_studio_ui
// Export: scores as .npy (re-read with core/io/npy.h and, when available, numpy), CSV and JSON
// parsed back; plots as PNG/PDF/SVG (PDF magic, SVG well-formed XML); the frame image; the
// one-page PDF run report.
#include "eval/evaluator.h"
#include "export/image_export.h"
#include "export/run_report.h"
#include "export/score_export.h"
#include "common/error.h"
#include "io/npy.h"
#include "test_support.h"

#include <qcustomplot.h>

#include <QFile>
#include <QImage>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QRegularExpression>
#include <QXmlStreamReader>
#include <QtTest>

#include <cmath>
#include <cstdlib>
#include <filesystem>

using namespace vaclip;
using namespace vaclip::studio;

namespace {

QString qpath(const vaclip::test::TempDir& dir, const char* name)
{
    return QString::fromStdString(dir.file(name));
}

QByteArray readAll(const QString& path)
{
    QFile f(path);
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

std::vector<ScoreTrackExport> sampleTracks()
{
    ScoreTrackExport a{QStringLiteral("Test001"), {0.125f, 0.9f, 1.0f / 3.0f, -2.5e-7f}, {0, 1, 1, 0}};
    ScoreTrackExport b{QStringLiteral("odd, \"name\""), {0.5f, 0.75f}, {}};
    return {a, b};
}

/// Pages of a PDF: "/Type /Page" objects that are not "/Pages".
int pdfPages(const QByteArray& pdf)
{
    static const QRegularExpression page(QStringLiteral("/Type\\s*/Page(?![s])"));
    return int(QString::fromLatin1(pdf).count(page));
}

template <typename F>
bool throwsVaclipError(F f)
{
    try {
        f();
    } catch (const vaclip::Error&) {
        return true;
    }
    return false;
}

bool wellFormedSvg(const QByteArray& svg)
{
    QXmlStreamReader xml(svg);
    bool sawSvg = false;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement() && xml.name() == QLatin1String("svg"))
            sawSvg = true;
    }
    return !xml.hasError() && sawSvg;
}

} // namespace

class ExportTest : public QObject {
    Q_OBJECT
private slots:
    void npyReadsBack()
    {
        vaclip::test::TempDir dir;
        const QString path = qpath(dir, "out/scores.npy");
        exportScores(path, sampleTracks());
        const NpyArray a = readNpy(path.toStdString());
        QCOMPARE(a.dtype, DType::F32);
        QCOMPARE(a.shape, std::vector<int64_t>{6});
        const std::vector<float> v = a.toFloats();
        const std::vector<float> expected = {0.125f, 0.9f, 1.0f / 3.0f, -2.5e-7f, 0.5f, 0.75f};
        QVERIFY(v == expected);   // bit-exact float32
        // No temporary files are left beside it.
        int files = 0;
        for (const auto& e : std::filesystem::directory_iterator(dir.file("out")))
            files += e.is_regular_file() ? 1 : 0;
        QCOMPARE(files, 1);

        const std::string python = vaclip::test::pythonWithNumpy();
        if (python.empty() || vaclip::test::runCommand(python + " -c 'import numpy'").exitCode != 0)
            QSKIP("python3 with numpy not installed: re-read with core/io/npy.h only");
        const auto r = vaclip::test::runCommand(
            python + " -c \"import numpy, sys; a = numpy.load(sys.argv[1]); print(a.dtype, a.shape, repr(float(a[2])))\" " +
            vaclip::test::shellQuote(path.toStdString()));
        QCOMPARE(r.exitCode, 0);
        QVERIFY2(r.output.find("float32 (6,) 0.3333333432674408") != std::string::npos, r.output.c_str());
    }

    void csvParsesBack()
    {
        vaclip::test::TempDir dir;
        const QString path = qpath(dir, "scores.csv");
        exportScores(path, sampleTracks(), ScoreFormat::Auto, 25.0);
        const QStringList lines = QString::fromUtf8(readAll(path)).split(QLatin1Char('\n'), Qt::SkipEmptyParts);
        QCOMPARE(lines.size(), 7);
        QCOMPARE(lines[0], QStringLiteral("video,frame,time_s,score,label"));
        const QStringList row = lines[3].split(QLatin1Char(','));
        QCOMPARE(row[0], QStringLiteral("Test001"));
        QCOMPARE(row[1], QStringLiteral("2"));
        QCOMPARE(row[2].toDouble(), 0.08);
        QCOMPARE(row[3].toFloat(), 1.0f / 3.0f);   // 9 digits round-trip float32
        QCOMPARE(row[4], QStringLiteral("1"));
        QCOMPARE(lines[4].split(QLatin1Char(','))[3].toFloat(), -2.5e-7f);
        // A quoted name, and an empty label cell for a video without labels.
        QVERIFY(lines[5].startsWith(QStringLiteral("\"odd, \"\"name\"\"\",0,0,0.5,")));
        QVERIFY(lines[6].endsWith(QLatin1Char(',')));
    }

    void jsonParsesBack()
    {
        vaclip::test::TempDir dir;
        const QString path = qpath(dir, "scores.json");
        exportScores(path, sampleTracks());
        QJsonParseError err;
        const QJsonDocument doc = QJsonDocument::fromJson(readAll(path), &err);
        QCOMPARE(err.error, QJsonParseError::NoError);
        const QJsonObject root = doc.object();
        QCOMPARE(root.value(QStringLiteral("format")).toString(), QStringLiteral("vaclip-scores"));
        QVERIFY(root.value(QStringLiteral("fps")).isNull());
        const QJsonArray videos = root.value(QStringLiteral("videos")).toArray();
        QCOMPARE(videos.size(), 2);
        const QJsonObject a = videos[0].toObject();
        QCOMPARE(a.value(QStringLiteral("video")).toString(), QStringLiteral("Test001"));
        QCOMPARE(a.value(QStringLiteral("frames")).toInt(), 4);
        QCOMPARE(float(a.value(QStringLiteral("scores")).toArray()[2].toDouble()), 1.0f / 3.0f);
        QCOMPARE(a.value(QStringLiteral("labels")).toArray()[1].toInt(), 1);
        QVERIFY(videos[1].toObject().value(QStringLiteral("labels")).isNull());
    }

    void badInputIsAnError()
    {
        vaclip::test::TempDir dir;
        QVERIFY(throwsVaclipError([&] { exportScores(qpath(dir, "s.xlsx"), sampleTracks()); }));
        std::vector<ScoreTrackExport> bad = {{QStringLiteral("v"), {0.1f, 0.2f}, {1}}};
        QVERIFY(throwsVaclipError([&] { exportScores(qpath(dir, "s.csv"), bad); }));
        QVERIFY(!QFile::exists(qpath(dir, "s.csv")));
        QVERIFY(throwsVaclipError([&] { exportFrameImage(QImage(), qpath(dir, "f.png")); }));
    }

    void plotsAsPngPdfSvg()
    {
        vaclip::test::TempDir dir;
        QCustomPlot plot;
        plot.resize(400, 300);
        QCPGraph* g = plot.addGraph();
        QVector<double> x, y;
        for (int i = 0; i < 100; ++i) {
            x << i;
            y << 0.5 + 0.4 * std::sin(i / 8.0);
        }
        g->setData(x, y);
        plot.rescaleAxes();
        exportPlot(&plot, qpath(dir, "p.png"));
        exportPlot(&plot, qpath(dir, "p.pdf"));
        exportPlot(&plot, qpath(dir, "p.svg"));
        const QImage png(qpath(dir, "p.png"));
        QCOMPARE(png.size(), QSize(800, 600));   // 2x the widget
        const QByteArray pdf = readAll(qpath(dir, "p.pdf"));
        QVERIFY(pdf.startsWith("%PDF-"));
        QCOMPARE(pdfPages(pdf), 1);
        QVERIFY(wellFormedSvg(readAll(qpath(dir, "p.svg"))));
        QVERIFY(readAll(qpath(dir, "p.svg")).contains("<path") || readAll(qpath(dir, "p.svg")).contains("<polyline"));

        // A widget holding the plot is exported through it; another widget is painted.
        QWidget holder;
        QCustomPlot* inner = new QCustomPlot(&holder);
        inner->resize(300, 200);
        exportWidget(&holder, qpath(dir, "h.svg"));
        QVERIFY(wellFormedSvg(readAll(qpath(dir, "h.svg"))));
        QLabel label(QStringLiteral("hello"));
        label.resize(120, 40);
        exportWidget(&label, qpath(dir, "l.png"));
        QCOMPARE(QImage(qpath(dir, "l.png")).size(), label.grab().size());
        exportWidget(&label, qpath(dir, "l.pdf"));
        QVERIFY(readAll(qpath(dir, "l.pdf")).startsWith("%PDF-"));
    }

    void frameImageIsLossless()
    {
        vaclip::test::TempDir dir;
        QImage frame(64, 48, QImage::Format_RGB32);
        for (int yy = 0; yy < 48; ++yy)
            for (int xx = 0; xx < 64; ++xx)
                frame.setPixel(xx, yy, qRgb(xx * 4, yy * 5, (xx + yy) % 256));
        exportFrameImage(frame, qpath(dir, "frames/f0120.png"));
        const QImage back(qpath(dir, "frames/f0120.png"));
        QCOMPARE(back.convertToFormat(QImage::Format_RGB32), frame);
    }

    void runReportIsOnePagePdf()
    {
        // A small evaluation: two videos, scores that rank most anomalous frames first.
        std::vector<eval::VideoScores> videos(2);
        for (int v = 0; v < 2; ++v) {
            videos[std::size_t(v)].name = "Test00" + std::to_string(v + 1);
            for (int t = 0; t < 50; ++t) {
                const bool anomalous = t >= 20 && t < 35;
                videos[std::size_t(v)].labels.push_back(anomalous ? 1 : 0);
                videos[std::size_t(v)].scores.push_back((anomalous ? 0.6 : 0.2) + 0.3 * std::sin(t * 1.7 + v));
            }
        }
        const eval::EvaluationResult result = eval::evaluate(videos, eval::EvalOptions{});
        RunReport report;
        report.title = QStringLiteral("Zero-shot on walkway");
        report.subtitle = QStringLiteral("2026-11-25T18:00:00Z, checkpoint: none");
        report.fillFromEvaluation(result);
        QVERIFY(report.metrics.size() >= 6);
        QCOMPARE(report.perVideo.size(), 2);
        report.prompts = {QStringLiteral("a person riding a bicycle"), QStringLiteral("a car on the walkway")};
        QString yaml;
        for (int i = 0; i < 400; ++i)   // far more than fits: cut, on one page
            yaml += QStringLiteral("key_%1: value\n").arg(i);
        report.configYaml = yaml;
        for (int i = 0; i < 200; ++i)
            report.perVideo.push_back({QStringLiteral("extra_%1").arg(i), 10, 0.5, 0.5, 0.1, 0});
        vaclip::test::TempDir dir;
        const QString path = qpath(dir, "report.pdf");
        writeRunReportPdf(report, path);
        const QByteArray pdf = readAll(path);
        QVERIFY(pdf.startsWith("%PDF-"));
        QCOMPARE(pdfPages(pdf), 1);
        QVERIFY(pdf.size() > 5000);
        // The same page as an image: A4 at 2 px per point, with ink on it.
        const QImage page = renderRunReportImage(report, 2.0);
        QCOMPARE(page.size(), QSize(1190, 1684));
        if (const char* preview = std::getenv("VACLIP_REPORT_PREVIEW"))
            page.save(QString::fromLocal8Bit(preview));
        int dark = 0;
        for (int yy = 0; yy < page.height(); yy += 4)
            for (int xx = 0; xx < page.width(); xx += 4)
                dark += qGray(page.pixel(xx, yy)) < 128 ? 1 : 0;
        QVERIFY(dark > 500);
    }
};

QTEST_MAIN(ExportTest)
#include "tst_export.moc"

#pragma once
// A one-page PDF report of a run (A4 portrait): title and provenance, the metrics table, the ROC
// curve (vector, drawn by QCustomPlot), the per-video table, the prompts and the config YAML.
//
//   RunReport r;
//   r.title = QStringLiteral("Zero-shot on walkway");
//   r.fillFromEvaluation(result);                 // metrics, ROC, per-video rows (eval/evaluator.h)
//   r.prompts = {QStringLiteral("a person riding a bicycle")};
//   r.configYaml = QString::fromStdString(yamlText);
//   writeRunReportPdf(r, QStringLiteral("/tmp/run3.pdf"));   // atomic
//
// What does not fit on the page is cut, and says so: per-video rows beyond the space end with
// "... and N more videos", YAML lines beyond the box with "... (N more lines)", long lines are
// elided. Needs a QGuiApplication (fonts); GUI thread. Errors: vaclip::Error naming the file.

#include <QImage>
#include <QPair>
#include <QString>
#include <QStringList>
#include <QVector>

#include <vector>

namespace vaclip::eval {
struct EvaluationResult;
}

namespace vaclip::studio {

struct RunReport {
    QString title;
    QString subtitle;                          ///< e.g. created time, checkpoint, dataset
    QVector<QPair<QString, QString>> metrics;  ///< name -> formatted value, in order
    std::vector<double> rocFpr;                ///< the micro ROC curve (may be empty)
    std::vector<double> rocTpr;
    QString rocLabel;                          ///< legend, e.g. "AUC 0.912"
    struct VideoRow {
        QString video;
        qint64 frames = 0;
        double auc = 0;      ///< NaN = undefined (single-class video)
        double ap = 0;
        double videoScore = 0;
        int label = 0;
    };
    QVector<VideoRow> perVideo;
    QStringList prompts;
    QString configYaml;

    /// Fills metrics (micro/macro frame AUC and AP, video level, EER, bootstrap CI when present),
    /// the ROC curve and the per-video rows from an evaluation.
    void fillFromEvaluation(const eval::EvaluationResult& result);
};

/// The report as PDF bytes (one page).
QByteArray renderRunReportPdf(const RunReport& report);
/// The same page as an image (`scale` pixels per point), for a preview.
QImage renderRunReportImage(const RunReport& report, double scale = 2.0);
/// renderRunReportPdf written atomically to `path`.
void writeRunReportPdf(const RunReport& report, const QString& path);

} // namespace vaclip::studio

// MainWindow's File > Export menu: the session's scores, the plots, the current frame with its
// overlays and the run report, written by ui/export. Only data the studio already holds is
// written (no scoring here), so everything runs on the GUI thread.
#include "studio/main_window.h"

#include "common/error.h"
#include "eval/evaluator.h"
#include "export/image_export.h"
#include "export/run_report.h"
#include "export/score_export.h"
#include "panels/metrics_panel.h"
#include "player/video_view.h"
#include "studio/studio_session.h"
#include "studio/viewer_widget.h"
#include "timeline/timeline_plot.h"

#include <QAction>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QMenu>
#include <QRegularExpression>
#include <QStatusBar>

#include <exception>

namespace vaclip::studio {

namespace {
QString baseName(const QString& path)
{
    return QFileInfo(path).completeBaseName();
}
} // namespace

void MainWindow::createExportMenu(QMenu* parent)
{
    QMenu* menu = parent->addMenu(tr("&Export"));
    QAction* scores = menu->addAction(tr("&Scores..."), this, &MainWindow::exportScoresDialog);
    scores->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
    menu->addAction(tr("&Timeline plot..."), this, &MainWindow::exportTimelineDialog);
    menu->addAction(tr("R&OC plot..."), this, &MainWindow::exportRocDialog);
    menu->addAction(tr("&Precision-recall plot..."), this, &MainWindow::exportPrDialog);
    menu->addAction(tr("Current &frame with overlays..."), this, &MainWindow::exportFrameDialog);
    menu->addSeparator();
    menu->addAction(tr("Run &report (PDF)..."), this, &MainWindow::exportReportDialog);
}

bool MainWindow::runExport(const QString& path, bool quiet, const std::function<void()>& write)
{
    QString error;
    try {
        write();
    } catch (const std::exception& e) {
        error = QString::fromStdString(e.what());
    }
    const QString shown = QDir::toNativeSeparators(path);
    if (!error.isEmpty()) {
        if (!quiet)
            showError(tr("Export failed"), tr("Cannot export %1: %2").arg(shown, error));
        return false;
    }
    m_exportDir = QFileInfo(path).absolutePath();
    statusBar()->showMessage(tr("Exported %1").arg(shown), 8000);
    return true;
}

bool MainWindow::exportScoresTo(const QString& path, bool quiet)
{
    return runExport(path, quiet, [&] {
        if (!m_session->scores() || !m_session->testSet())
            throw vaclip::Error(vaclip::ErrorCode::InvalidArgument,
                                tr("there are no scores yet (open a configuration first)").toStdString());
        std::vector<vaclip::studio::ScoreTrackExport> tracks;
        for (int i = 0; i < m_session->videoCount(); ++i) {
            vaclip::studio::ScoreTrackExport t;
            t.video = m_session->videoName(i);
            t.scores = m_session->videoScores(i);
            const std::vector<uint8_t>* labels = m_session->videoLabels(i);
            if (labels && labels->size() == t.scores.size())
                t.labels = *labels;
            tracks.push_back(std::move(t));
        }
        vaclip::studio::exportScores(path, tracks);
    });
}

bool MainWindow::exportTimelineTo(const QString& path, bool quiet)
{
    return runExport(path, quiet, [&] { vaclip::studio::exportWidget(m_viewer->timeline(), path); });
}

bool MainWindow::exportRocTo(const QString& path, bool quiet)
{
    return runExport(path, quiet, [&] { vaclip::studio::exportPlot(m_metrics->rocPlot(), path); });
}

bool MainWindow::exportPrTo(const QString& path, bool quiet)
{
    return runExport(path, quiet, [&] { vaclip::studio::exportPlot(m_metrics->prPlot(), path); });
}

bool MainWindow::exportFrameTo(const QString& path, bool quiet)
{
    return runExport(path, quiet, [&] { vaclip::studio::exportFrameImage(m_viewer->view()->renderWithOverlays(), path); });
}

bool MainWindow::exportReportTo(const QString& path, bool quiet)
{
    return runExport(path, quiet, [&] {
        const ScoreUpdatePtr scores = m_session->scores();
        if (!scores || !scores->evaluation)
            throw vaclip::Error(vaclip::ErrorCode::InvalidArgument,
                                (scores && !scores->evaluationNote.isEmpty()
                                     ? tr("there is no evaluation: %1").arg(scores->evaluationNote)
                                     : tr("there is no evaluation yet"))
                                    .toStdString());
        vaclip::studio::RunReport report;
        report.title = tr("Run report: %1").arg(QFileInfo(m_session->configPath()).fileName());
        const TestSetInfoPtr info = m_session->testSet();
        if (info)
            report.subtitle = tr("Backbone %1, checkpoint %2, %n test video(s)", nullptr, int(info->videos.size()))
                                  .arg(info->backboneId,
                                       info->checkpoint.isEmpty() ? tr("none (zero-shot)") : info->checkpoint);
        report.fillFromEvaluation(*scores->evaluation);
        report.prompts = scores->prompts;
        if (m_session->hasConfig())
            report.configYaml = QString::fromStdString(vaclip::effectiveYaml(m_session->config()));
        vaclip::studio::writeRunReportPdf(report, path);
    });
}

QString MainWindow::askExportPath(const QString& title, const QString& fileName, const QString& filter)
{
    QString dir = m_exportDir;
    if (dir.isEmpty() && !m_session->configPath().isEmpty())
        dir = QFileInfo(m_session->configPath()).absolutePath();
    QString selected;
    QString path = QFileDialog::getSaveFileName(this, title, QDir(dir).filePath(fileName), filter, &selected);
    if (!path.isEmpty() && QFileInfo(path).suffix().isEmpty()) {
        // "NumPy array (*.npy)" -> ".npy"
        const QRegularExpressionMatch m = QRegularExpression(QStringLiteral("\\*(\\.\\w+)")).match(selected);
        if (m.hasMatch())
            path += m.captured(1);
    }
    return path;
}

void MainWindow::exportScoresDialog()
{
    const QString path = askExportPath(tr("Export scores"), baseName(m_session->configPath()) + QStringLiteral("_scores.npy"),
                                       vaclip::studio::scoreFileFilter());
    if (!path.isEmpty())
        exportScoresTo(path);
}

void MainWindow::exportTimelineDialog()
{
    const int video = m_session->currentVideo();
    const QString name = video >= 0 ? baseName(m_session->videoName(video)) : QStringLiteral("timeline");
    const QString path = askExportPath(tr("Export timeline plot"), name + QStringLiteral("_timeline.png"),
                                       vaclip::studio::plotFileFilter());
    if (!path.isEmpty())
        exportTimelineTo(path);
}

void MainWindow::exportRocDialog()
{
    const QString path = askExportPath(tr("Export ROC plot"), baseName(m_session->configPath()) + QStringLiteral("_roc.pdf"),
                                       vaclip::studio::plotFileFilter());
    if (!path.isEmpty())
        exportRocTo(path);
}

void MainWindow::exportPrDialog()
{
    const QString path = askExportPath(tr("Export precision-recall plot"), baseName(m_session->configPath()) + QStringLiteral("_pr.pdf"),
                                       vaclip::studio::plotFileFilter());
    if (!path.isEmpty())
        exportPrTo(path);
}

void MainWindow::exportFrameDialog()
{
    const int video = m_session->currentVideo();
    const QString name = (video >= 0 ? baseName(m_session->videoName(video)) : QStringLiteral("frame"))
                         + QStringLiteral("_frame_%1.png").arg(m_session->currentFrame(), 4, 10, QLatin1Char('0'));
    const QString path = askExportPath(tr("Export current frame"), name, tr("PNG image (*.png)"));
    if (!path.isEmpty())
        exportFrameTo(path);
}

void MainWindow::exportReportDialog()
{
    const QString path = askExportPath(tr("Export run report"), baseName(m_session->configPath()) + QStringLiteral("_report.pdf"),
                                       tr("PDF document (*.pdf)"));
    if (!path.isEmpty())
        exportReportTo(path);
}

} // namespace vaclip::studio

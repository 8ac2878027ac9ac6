#include "panels/metrics_panel.h"

#include "studio/studio_session.h"
#include "widgets/display_format.h"

#include <QComboBox>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSplitter>
#include <QTableWidget>
#include <QVBoxLayout>
#include <qcustomplot.h>

#include <cmath>

namespace vaclip::studio {

using namespace vaclip;

namespace {
enum Column { ColVideo, ColFrames, ColAnomalous, ColAuc, ColAp, ColScore, ColLabel, ColCount };

QString num(double v, int decimals = 4)
{
    return vaclip::studio::displayNumber(v, decimals);  // the display locale: "0,8198" in German
}

QString withInterval(double v, const eval::BootstrapInterval& ci)
{
    if (!std::isfinite(ci.low))
        return num(v);
    return QStringLiteral("%1 <small>[%2, %3]</small>").arg(num(v), num(ci.low, 3), num(ci.high, 3));
}

QTableWidgetItem* numberItem(double v, int decimals)
{
    auto* it = new QTableWidgetItem;
    if (std::isfinite(v))
        it->setData(Qt::DisplayRole, decimals == 0 ? QVariant(qlonglong(v)) : QVariant(std::round(v * 1e4) / 1e4));
    else
        it->setData(Qt::DisplayRole, QStringLiteral("–"));
    it->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
    return it;
}

QCustomPlot* makePlot(QWidget* parent, const QString& x, const QString& y)
{
    auto* p = new QCustomPlot(parent);
    p->xAxis->setLabel(x);
    p->yAxis->setLabel(y);
    p->xAxis->setRange(0, 1);
    p->yAxis->setRange(0, 1.02);
    p->setMinimumSize(220, 200);
    return p;
}
} // namespace

MetricsPanel::MetricsPanel(StudioSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_summary(new QLabel(this)), m_point_label(new QLabel(this)),
      m_table(new QTableWidget(0, ColCount, this)), m_roc(makePlot(this, tr("false positive rate"), tr("true positive rate"))),
      m_pr(makePlot(this, tr("recall"), tr("precision"))), m_pixelMode(new QComboBox(this)),
      m_computePixels(new QPushButton(tr("Compute now"), this))
{
    setObjectName(QStringLiteral("metricsPanel"));
    m_summary->setTextFormat(Qt::RichText);
    m_summary->setWordWrap(true);  // long translations wrap instead of widening the dock
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setText(tr("No scores yet."));
    m_table->setObjectName(QStringLiteral("perVideoTable"));
    m_table->setTextElideMode(Qt::ElideLeft);  // video names differ at their ends (..._010_cart)
    m_table->setHorizontalHeaderLabels({tr("Video"), tr("Frames"), tr("Anomalous"), tr("AUC"), tr("AP"), tr("Video score"), tr("Label")});
    m_table->setSortingEnabled(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->setVisible(false);
    m_table->horizontalHeader()->setSectionResizeMode(ColVideo, QHeaderView::Stretch);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(ColVideo, QHeaderView::Stretch);

    m_rocCurve = new QCPCurve(m_roc->xAxis, m_roc->yAxis);
    m_rocCurve->setPen(QPen(QColor(0x1f, 0x77, 0xb4), 2));
    m_roc->addGraph()->setData({0, 1}, {0, 1});
    m_roc->graph(0)->setPen(QPen(Qt::gray, 1, Qt::DashLine));
    m_rocPoint = m_roc->addGraph();
    m_prCurve = new QCPCurve(m_pr->xAxis, m_pr->yAxis);
    m_prCurve->setPen(QPen(QColor(0x2c, 0xa0, 0x2c), 2));
    m_prPoint = m_pr->addGraph();
    for (QCPGraph* g : {m_rocPoint, m_prPoint}) {
        g->setLineStyle(QCPGraph::lsNone);
        g->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, QColor(0xe4, 0x57, 0x2e), 10));
    }

    auto* plots = new QSplitter(Qt::Horizontal, this);
    plots->addWidget(m_roc);
    plots->addWidget(m_pr);
    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(plots);
    // When pixel metrics are computed: they cost seconds where a re-scoring costs milliseconds.
    m_pixelMode->setObjectName(QStringLiteral("pixelMetricsSwitch"));
    m_pixelMode->addItem(tr("live"), int(PixelMetricsMode::Live));
    m_pixelMode->addItem(tr("on demand"), int(PixelMetricsMode::OnDemand));
    m_pixelMode->addItem(tr("off"), int(PixelMetricsMode::Off));
    m_pixelMode->setToolTip(tr("Live: after every re-scoring (a pixel map of every frame of every test video with "
                               "masks, much slower than the frame metrics). On demand: only when you press "
                               "Compute now. Off: never."));
    m_pixelMode->setCurrentIndex(std::max(0, m_pixelMode->findData(int(session->engine()->pixelMetricsMode()))));
    m_computePixels->setObjectName(QStringLiteral("computePixelMetrics"));
    m_computePixels->setToolTip(tr("Compute pixel AUROC / AUPRO of the current prompts"));
    auto* pixelLabel = new QLabel(tr("Pixel metrics:"), this);
    pixelLabel->setBuddy(m_pixelMode);
    auto* pixelRow = new QHBoxLayout;
    pixelRow->addWidget(pixelLabel);
    pixelRow->addWidget(m_pixelMode);
    pixelRow->addWidget(m_computePixels);
    pixelRow->addStretch(1);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addLayout(pixelRow);
    layout->addWidget(m_point_label);
    layout->addWidget(split, 1);

    m_point_label->setWordWrap(true);
    for (QCustomPlot* p : {m_roc, m_pr})
        p->setLocale(QLocale());  // QCustomPlot labels ticks in English otherwise
    connect(session, &StudioSession::scoresChanged, this, &MetricsPanel::onScores);
    ScoringEngine* engine = session->engine();
    connect(engine, &ScoringEngine::pixelScored, this, [this](PixelUpdatePtr p) {
        if (p->metrics)
            m_lastPixelMs = p->ms;
        m_pixel = std::move(p);
        updateSummary();
    });
    connect(engine, &ScoringEngine::pixelStarted, this, [this](quint64 generation) {
        m_pixelStarted = generation;
        updateSummary();
    });
    connect(m_pixelMode, &QComboBox::currentIndexChanged, this, [this, engine] {
        engine->setPixelMetricsMode(PixelMetricsMode(m_pixelMode->currentData().toInt()));
    });
    connect(engine, &ScoringEngine::pixelMetricsModeChanged, this, [this](PixelMetricsMode mode) {
        const QSignalBlocker block(m_pixelMode);
        m_pixelMode->setCurrentIndex(std::max(0, m_pixelMode->findData(int(mode))));
        updateSummary();
    });
    connect(m_computePixels, &QPushButton::clicked, this, [this, engine] {
        m_pixelAsked = engine->requestPixelMetrics();
        updateSummary();
    });
    connect(session, &StudioSession::testSetLoaded, this, [this] { updateSummary(); });
    connect(session, &StudioSession::thresholdChanged, this, [this] { updateOperatingPoint(); });
    connect(m_table, &QTableWidget::cellClicked, this, [this](int row, int) {
        const QTableWidgetItem* it = m_table->item(row, ColVideo);
        if (it)
            m_session->setCurrentVideo(it->data(Qt::UserRole).toInt());
    });
    updatePixelControls();
    if (session->scores())
        onScores(session->scores());
}

QString MetricsPanel::summaryText() const { return m_summary->text(); }

bool MetricsPanel::pixelComputing() const
{
    if (!m_update || m_update->generation == 0 || !m_update->evaluation)
        return false;
    const quint64 generation = m_update->generation;
    if (m_pixel && m_pixel->generation == generation)
        return false;
    const TestSetInfoPtr info = m_session->testSet();
    if (info && info->pixelVideos == 0)
        return false;  // nothing to compute (the note says why)
    switch (m_session->engine()->pixelMetricsMode()) {
    case PixelMetricsMode::Live:
        return true;
    case PixelMetricsMode::OnDemand:
        return m_pixelAsked == generation || m_pixelStarted == generation;
    case PixelMetricsMode::Off:
        break;
    }
    return false;
}

void MetricsPanel::onScores(ScoreUpdatePtr update)
{
    m_update = std::move(update);
    updateSummary();
    const eval::EvaluationResult* r = m_update->evaluation.get();
    if (!r) {
        m_table->setRowCount(0);
        return;
    }
    m_table->setSortingEnabled(false);
    m_table->setRowCount(int(r->perVideo.size()));
    for (int i = 0; i < int(r->perVideo.size()); ++i) {
        const eval::PerVideoResult& v = r->perVideo[std::size_t(i)];
        const QString name = QString::fromStdString(v.name);
        auto* nameItem = new QTableWidgetItem(QFileInfo(name).completeBaseName());  // the path is the tooltip
        nameItem->setData(Qt::UserRole, m_session->testSet() ? m_session->testSet()->videos.indexOf(name) : i);
        nameItem->setToolTip(name);
        m_table->setItem(i, ColVideo, nameItem);
        m_table->setItem(i, ColFrames, numberItem(double(v.frames), 0));
        m_table->setItem(i, ColAnomalous, numberItem(double(v.anomalousFrames), 0));
        m_table->setItem(i, ColAuc, numberItem(v.defined ? v.auc : NAN, 4));
        m_table->setItem(i, ColAp, numberItem(v.defined ? v.ap : NAN, 4));
        m_table->setItem(i, ColScore, numberItem(v.videoScore, 4));
        m_table->setItem(i, ColLabel, new QTableWidgetItem(v.videoLabel ? tr("anomalous") : tr("normal")));
    }
    m_table->setSortingEnabled(true);

    m_rocCurve->setData(QVector<double>(r->microRoc.fpr.begin(), r->microRoc.fpr.end()),
                        QVector<double>(r->microRoc.tpr.begin(), r->microRoc.tpr.end()));
    m_prCurve->setData(QVector<double>(r->microPr.recall.begin(), r->microPr.recall.end()),
                       QVector<double>(r->microPr.precision.begin(), r->microPr.precision.end()));
    updateOperatingPoint();
}

void MetricsPanel::updateSummary()
{
    updatePixelControls();
    if (!m_update)
        return;
    const eval::EvaluationResult* r = m_update->evaluation.get();
    if (!r) {
        m_summary->setText(tr("Not evaluated: %1").arg(m_update->evaluationNote.toHtmlEscaped()));
        return;
    }
    const QString pixel = pixelText();
    const QString bootstrap = r->bootstrap.valid > 0
                                  ? tr("%n bootstrap resample(s) over videos, 95% intervals", nullptr, r->bootstrap.valid)
                                  : tr("no bootstrap intervals");
    // One multi-argument arg(): substituted texts may contain '%' ("95%") without being re-read.
    m_summary->setText(
        tr("<table cellspacing=6>"
           "<tr><td><b>Frame AUC</b> (micro)</td><td>%1</td><td><b>Frame AP</b> (micro)</td><td>%2</td></tr>"
           "<tr><td><b>Frame AUC</b> (macro, %3)</td><td>%4</td><td><b>Frame AP</b> (macro)</td><td>%5</td></tr>"
           "<tr><td><b>Video AUC</b></td><td>%6</td><td><b>Video AP</b></td><td>%7</td></tr>"
           "<tr><td><b>Pixel AUROC / AUPRO</b></td><td colspan=3>%8</td></tr></table>"
           "<small>%9; %10</small>")
            .arg(withInterval(r->micro.auc, r->bootstrap.auc), withInterval(r->micro.apStep, r->bootstrap.ap),
                 tr("%n video(s)", nullptr, r->macro.definedVideos).replace(QLatin1Char(' '), QChar(0xa0)),
                 num(r->macro.auc), num(r->macro.ap),
                 r->videoLevel.defined ? num(r->videoLevel.auc) : tr("undefined (one class)"),
                 r->videoLevel.defined ? num(r->videoLevel.apStep) : tr("undefined (one class)"), pixel, bootstrap,
                 tr("%n single-class video(s) left out of the macro means", nullptr, r->macro.undefinedVideos)));
}

QString MetricsPanel::pixelText()
{
    // Pixel metrics of these prompts arrive after the frame scores (ScoringEngine::pixelScored).
    const quint64 generation = m_update->generation;
    const TestSetInfoPtr info = m_session->testSet();
    auto seconds = [](double ms) { return num(ms / 1000.0, ms < 10000 ? 2 : 1); };
    if (m_pixel && m_pixel->generation == generation) {
        if (m_pixel->metrics) {
            const eval::PixelMetrics& p = *m_pixel->metrics;
            m_summary->setToolTip(tr("Pixel maps of the current prompts from the cached patch tokens, against the ground-truth masks."));
            return tr("%1 / %2 <small>(%n video(s) with pixel masks, AUPRO to FPR %3; %4 s)</small>", nullptr, m_pixel->videos)
                .arg(num(p.auroc), num(p.aupro), num(p.options.fprLimit, 1), seconds(m_pixel->ms));
        }
        m_summary->setToolTip(m_pixel->note);
        return tr("– <small>(%1)</small>").arg(m_pixel->note.toHtmlEscaped());
    }
    m_summary->setToolTip(QString());
    if (info && info->pixelVideos == 0 && !info->pixelNote.isEmpty()) {
        m_summary->setToolTip(info->pixelNote);
        return tr("– <small>(%1)</small>").arg(info->pixelNote.toHtmlEscaped());
    }
    if (pixelComputing())
        return m_lastPixelMs >= 0 ? tr("computing… <small>(the last took %1 s)</small>").arg(seconds(m_lastPixelMs))
                                  : tr("computing…");
    if (m_session->engine()->pixelMetricsMode() == PixelMetricsMode::Off)
        return tr("off <small>(Pixel metrics below)</small>");
    return tr("not computed for these prompts <small>(Compute now)</small>");
}

void MetricsPanel::updatePixelControls()
{
    const PixelMetricsMode mode = m_session->engine()->pixelMetricsMode();
    const TestSetInfoPtr info = m_session->testSet();
    const bool available = !(info && info->pixelVideos == 0);
    const bool done = m_update && m_pixel && m_pixel->generation == m_update->generation;
    m_computePixels->setVisible(mode == PixelMetricsMode::OnDemand);
    m_computePixels->setEnabled(available && m_update && m_update->generation > 0 && m_update->evaluation && !done &&
                                !pixelComputing());
}

void MetricsPanel::updateOperatingPoint()
{
    if (!m_update || !m_update->evaluation)
        return;
    const double thr = m_session->threshold();
    double tp = 0, fp = 0, pos = 0, neg = 0;
    for (const eval::VideoScores& v : m_update->evaluation->processed)
        for (std::size_t i = 0; i < v.scores.size(); ++i) {
            const bool y = v.labels[i] != 0, hit = v.scores[i] >= thr;
            pos += y;
            neg += !y;
            tp += y && hit;
            fp += !y && hit;
        }
    m_point.threshold = thr;
    m_point.tpr = pos > 0 ? tp / pos : 0;
    m_point.fpr = neg > 0 ? fp / neg : 0;
    m_point.precision = tp + fp > 0 ? tp / (tp + fp) : 1;
    m_point.f1 = 2 * tp + fp + (pos - tp) > 0 ? 2 * tp / (2 * tp + fp + (pos - tp)) : 0;
    m_point_label->setText(tr("At threshold %1: TPR %2, FPR %3, precision %4, F1 %5")
                               .arg(num(thr), num(m_point.tpr, 3), num(m_point.fpr, 3), num(m_point.precision, 3), num(m_point.f1, 3)));
    m_rocPoint->setData({m_point.fpr}, {m_point.tpr});
    m_prPoint->setData({m_point.tpr}, {m_point.precision});
    m_roc->replot();
    m_pr->replot();
}

} // namespace vaclip::studio

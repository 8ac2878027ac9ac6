#include "panels/training_panel.h"

#include "studio/studio_session.h"

#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QSplitter>
#include <QTimer>
#include <QVBoxLayout>
#include <qcustomplot.h>

namespace vaclip::studio {

using namespace vaclip;

namespace {
const SupervisionMode kSupervision[] = {SupervisionMode::Auto, SupervisionMode::Frame, SupervisionMode::Video,
                                        SupervisionMode::NormalOnly};

QString formatDuration(double s)
{
    if (s < 0)
        return QStringLiteral("–");
    const int t = int(s + 0.5);
    return t >= 3600 ? QStringLiteral("%1:%2:%3").arg(t / 3600).arg(t / 60 % 60, 2, 10, QLatin1Char('0')).arg(t % 60, 2, 10, QLatin1Char('0'))
                     : QStringLiteral("%1:%2").arg(t / 60).arg(t % 60, 2, 10, QLatin1Char('0'));
}
} // namespace

TrainingPanel::TrainingPanel(StudioSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_pathLabel(new QLabel(this)), m_epochs(new QSpinBox(this)),
      m_batch(new QSpinBox(this)), m_nCtx(new QSpinBox(this)), m_threads(new QSpinBox(this)),
      m_checkpointEvery(new QSpinBox(this)), m_lr(new QDoubleSpinBox(this)), m_supervision(new QComboBox(this)),
      m_checkpointDir(new QLineEdit(this)), m_yaml(new QPlainTextEdit(this)), m_yamlStatus(new QLabel(this)),
      m_start(new QPushButton(QIcon(QStringLiteral(":/icons/train.svg")), tr("Start"), this)),
      m_resume(new QPushButton(QIcon(QStringLiteral(":/icons/resume.svg")), tr("Resume"), this)),
      m_cancel(new QPushButton(QIcon(QStringLiteral(":/icons/cancel.svg")), tr("Cancel"), this)),
      m_progress(new QProgressBar(this)), m_eta(new QLabel(this)), m_plot(new QCustomPlot(this)),
      m_log(new QPlainTextEdit(this))
{
    setObjectName(QStringLiteral("trainingPanel"));
    m_epochs->setRange(1, 100000);
    m_batch->setRange(1, 4096);
    m_nCtx->setRange(1, 64);
    m_threads->setRange(0, 256);
    m_threads->setSpecialValueText(tr("all cores"));
    m_checkpointEvery->setRange(1, 1000);
    m_lr->setDecimals(6);
    m_lr->setRange(1e-6, 1.0);
    m_lr->setSingleStep(1e-4);
    m_supervision->addItems({tr("auto"), tr("frame labels"), tr("video labels (MIL)"), tr("normal only (pseudo-anomalies)")});
    m_yaml->setObjectName(QStringLiteral("trainingYaml"));
    m_yaml->setLineWrapMode(QPlainTextEdit::NoWrap);
    m_yaml->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_yamlStatus->setWordWrap(true);
    m_log->setReadOnly(true);
    m_log->setMaximumBlockCount(5000);
    m_log->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_progress->setRange(0, 1000);
    m_progress->setValue(0);
    m_progress->setFormat(QStringLiteral("%p%"));
    m_pathLabel->setWordWrap(true);
    m_pathLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* open = new QPushButton(QIcon(QStringLiteral(":/icons/open.svg")), tr("Open config..."), this);
    auto* form = new QFormLayout;
    form->addRow(tr("Epochs"), m_epochs);
    form->addRow(tr("Batch size (windows)"), m_batch);
    form->addRow(tr("Learning rate"), m_lr);
    form->addRow(tr("Context tokens"), m_nCtx);
    form->addRow(tr("Supervision"), m_supervision);
    form->addRow(tr("Checkpoint folder"), m_checkpointDir);
    form->addRow(tr("Checkpoint every (epochs)"), m_checkpointEvery);
    form->addRow(tr("Threads"), m_threads);
    auto* formBox = new QWidget(this);
    auto* formLayout = new QVBoxLayout(formBox);
    formLayout->setContentsMargins(0, 0, 0, 0);
    auto* pathRow = new QHBoxLayout;
    pathRow->addWidget(m_pathLabel, 1);
    pathRow->addWidget(open);
    formLayout->addLayout(pathRow);
    formLayout->addLayout(form);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_start);
    buttons->addWidget(m_resume);
    buttons->addWidget(m_cancel);
    formLayout->addLayout(buttons);
    auto* progressRow = new QHBoxLayout;
    progressRow->addWidget(m_progress, 1);
    progressRow->addWidget(m_eta);
    formLayout->addLayout(progressRow);
    formLayout->addStretch(1);
    auto* yamlBox = new QWidget(this);
    auto* yamlLayout = new QVBoxLayout(yamlBox);
    yamlLayout->setContentsMargins(0, 0, 0, 0);
    yamlLayout->addWidget(new QLabel(tr("Configuration (YAML, editable)"), yamlBox));
    yamlLayout->addWidget(m_yaml, 1);
    yamlLayout->addWidget(m_yamlStatus);

    m_plot->setMinimumHeight(160);
    m_plot->addGraph();
    m_plot->graph(0)->setName(tr("loss (per step)"));
    m_plot->graph(0)->setPen(QPen(QColor(0x1f, 0x77, 0xb4), 1.5));
    m_plot->addGraph(m_plot->xAxis, m_plot->yAxis2);
    m_plot->graph(1)->setName(tr("validation AUC (per epoch)"));
    m_plot->graph(1)->setPen(QPen(QColor(0xd6, 0x27, 0x28), 2));
    m_plot->graph(1)->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssCircle, 6));
    m_plot->xAxis->setLabel(tr("step"));
    m_plot->yAxis->setLabel(tr("loss"));
    m_plot->yAxis2->setLabel(tr("AUC"));
    m_plot->yAxis2->setVisible(true);
    m_plot->yAxis2->setRange(0, 1);
    m_plot->legend->setVisible(true);
    m_plot->legend->setFont(font());

    auto* top = new QSplitter(Qt::Vertical, this);
    top->addWidget(formBox);
    top->addWidget(yamlBox);
    top->setStretchFactor(1, 1);
    auto* bottom = new QSplitter(Qt::Vertical, this);
    bottom->addWidget(m_plot);
    bottom->addWidget(m_log);
    bottom->setStretchFactor(0, 2);
    bottom->setStretchFactor(1, 1);
    auto* all = new QSplitter(Qt::Vertical, this);
    all->addWidget(top);
    all->addWidget(bottom);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(all);

    for (QSpinBox* s : {m_epochs, m_batch, m_nCtx, m_threads, m_checkpointEvery})
        connect(s, &QSpinBox::valueChanged, this, &TrainingPanel::formToYaml);
    connect(m_lr, &QDoubleSpinBox::valueChanged, this, &TrainingPanel::formToYaml);
    connect(m_supervision, &QComboBox::currentIndexChanged, this, &TrainingPanel::formToYaml);
    connect(m_checkpointDir, &QLineEdit::editingFinished, this, &TrainingPanel::formToYaml);
    auto* yamlTimer = new QTimer(this);
    yamlTimer->setSingleShot(true);
    yamlTimer->setInterval(300);
    connect(m_yaml, &QPlainTextEdit::textChanged, this, [this, yamlTimer] {
        if (!m_syncing)
            yamlTimer->start();
    });
    connect(yamlTimer, &QTimer::timeout, this, &TrainingPanel::yamlToForm);
    connect(m_start, &QPushButton::clicked, this, &TrainingPanel::start);
    connect(m_resume, &QPushButton::clicked, this, &TrainingPanel::resume);
    connect(m_cancel, &QPushButton::clicked, this, &TrainingPanel::cancel);
    connect(open, &QPushButton::clicked, this, [this] {
        const QString p = QFileDialog::getOpenFileName(this, tr("Training configuration"), QString(), tr("YAML (*.yaml *.yml)"));
        QString error;
        if (!p.isEmpty() && !loadConfigFile(p, &error))
            m_yamlStatus->setText(error);
    });
    connect(session, &StudioSession::trainingConfigPathChanged, this, [this](const QString& p) { loadConfigFile(p); });
    connect(session, &StudioSession::configChanged, this, [this] {
        if (m_path.isEmpty())
            loadConfigFile(m_session->trainingConfigPath());
    });
    if (session->hasConfig())
        loadConfigFile(session->trainingConfigPath());
    updateButtons();
}

TrainingPanel::~TrainingPanel()
{
    if (m_job && !m_job->isFinished())
        m_job->requestCancel();
}

bool TrainingPanel::loadConfigFile(const QString& path, QString* error)
{
    try {
        const Config c = loadConfig(path.toStdString());
        m_path = QFileInfo(path).absoluteFilePath();
        m_pathLabel->setText(tr("Training configuration: %1").arg(m_path));
        m_syncing = true;
        m_yaml->setPlainText(QString::fromStdString(effectiveYaml(c)));
        m_syncing = false;
        setForm(c);
        m_yamlStatus->clear();
        updateButtons();
        return true;
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        m_yamlStatus->setText(QString::fromStdString(e.what()));
        return false;
    }
}

bool TrainingPanel::currentConfig(Config* config, QString* error) const
{
    try {
        const std::string base = m_path.isEmpty() ? std::string() : QFileInfo(m_path).absolutePath().toStdString();
        *config = configFromYaml(m_yaml->toPlainText().toStdString(),
                                 m_path.isEmpty() ? std::string("<training yaml>") : m_path.toStdString(), base);
        return true;
    } catch (const std::exception& e) {
        if (error)
            *error = QString::fromStdString(e.what());
        return false;
    }
}

QString TrainingPanel::yamlText() const { return m_yaml->toPlainText(); }

void TrainingPanel::setYamlText(const QString& yaml)
{
    if (yaml == m_yaml->toPlainText())
        return;
    m_syncing = true;
    m_yaml->setPlainText(yaml);
    m_syncing = false;
    yamlToForm();
}

void TrainingPanel::setForm(const Config& c)
{
    m_syncing = true;
    m_epochs->setValue(c.training.epochs);
    m_batch->setValue(c.training.batchSize);
    m_lr->setValue(c.training.learningRate);
    m_nCtx->setValue(c.training.nCtx);
    m_threads->setValue(c.training.threads);
    m_checkpointEvery->setValue(c.training.checkpointEvery);
    m_checkpointDir->setText(QString::fromStdString(c.training.checkpointDir));
    for (int i = 0; i < 4; ++i)
        if (kSupervision[i] == c.training.supervision)
            m_supervision->setCurrentIndex(i);
    m_syncing = false;
}

void TrainingPanel::formToYaml()
{
    if (m_syncing)
        return;
    Config c;
    QString error;
    if (!currentConfig(&c, &error)) {
        m_yamlStatus->setText(tr("Fix the YAML first: %1").arg(error));
        return;
    }
    c.training.epochs = m_epochs->value();
    c.training.batchSize = m_batch->value();
    c.training.learningRate = m_lr->value();
    c.training.nCtx = m_nCtx->value();
    c.training.threads = m_threads->value();
    c.training.checkpointEvery = m_checkpointEvery->value();
    c.training.checkpointDir = m_checkpointDir->text().toStdString();
    c.training.supervision = kSupervision[std::max(0, m_supervision->currentIndex())];
    m_syncing = true;
    m_yaml->setPlainText(QString::fromStdString(effectiveYaml(c)));
    m_syncing = false;
    m_yamlStatus->clear();
}

void TrainingPanel::yamlToForm()
{
    Config c;
    QString error;
    if (!currentConfig(&c, &error)) {
        m_yamlStatus->setText(error);
        m_yamlStatus->setStyleSheet(QStringLiteral("color: #c0392b"));
        updateButtons();
        return;
    }
    m_yamlStatus->setStyleSheet(QString());
    m_yamlStatus->setText(tr("YAML valid"));
    setForm(c);
    updateButtons();
}

void TrainingPanel::start() { startJob(TrainJob::Mode::Fresh); }
void TrainingPanel::resume() { startJob(TrainJob::Mode::Resume); }

void TrainingPanel::cancel()
{
    if (m_job && !m_job->isFinished()) {
        m_job->requestCancel();
        m_log->appendPlainText(tr("cancelling..."));
    }
}

void TrainingPanel::startJob(TrainJob::Mode mode)
{
    if (m_job && !m_job->isFinished())
        return;
    Config c;
    QString error;
    if (!currentConfig(&c, &error)) {
        m_yamlStatus->setText(error);
        return;
    }
    m_job = std::make_shared<TrainJob>(c, mode);
    m_plot->graph(0)->data()->clear();
    m_plot->graph(1)->data()->clear();
    m_plot->replot();
    m_progress->setValue(0);
    m_etaSeconds = -1;
    m_eta->setText(tr("ETA %1").arg(formatDuration(-1)));
    m_log->appendPlainText(mode == TrainJob::Mode::Resume ? tr("== resuming from %1").arg(QString::fromStdString(c.training.checkpointDir))
                                                          : tr("== training, checkpoints to %1").arg(QString::fromStdString(c.training.checkpointDir)));
    connect(m_job.get(), &TrainJob::tick, this, &TrainingPanel::onTick);
    connect(m_job.get(), &Job::logLine, m_log, &QPlainTextEdit::appendPlainText);
    connect(m_job.get(), &Job::finished, this, &TrainingPanel::onFinished);
    m_session->jobs()->enqueue(m_job);
    updateButtons();
}

void TrainingPanel::onTick(const TrainTick& t)
{
    if (!t.epochEnd)
        m_plot->graph(0)->addData(double(t.step), t.loss);
    if (t.epochEnd && t.validationAuc >= 0)
        m_plot->graph(1)->addData(double(t.step), t.validationAuc);
    m_plot->xAxis->setRange(0, std::max<double>(1, double(t.totalSteps)));
    bool found = false;
    const QCPRange r = m_plot->graph(0)->data()->valueRange(found);
    if (found)
        m_plot->yAxis->setRange(std::min(0.0, r.lower), r.upper * 1.05 + 1e-9);
    m_plot->replot(QCustomPlot::rpQueuedReplot);
    if (t.totalSteps > 0) {
        m_progress->setValue(int(1000.0 * double(t.step) / double(t.totalSteps)));
        m_etaSeconds = t.step > 0 ? t.elapsedSeconds / double(t.step) * double(t.totalSteps - t.step) : -1;
    }
    m_eta->setText(tr("epoch %1/%2 · ETA %3").arg(t.epoch).arg(t.epochs).arg(formatDuration(m_etaSeconds)));
}

QString TrainingPanel::etaText() const { return m_eta->text(); }

void TrainingPanel::onFinished(Job::State state, const QString& error)
{
    if (state == Job::State::Failed)
        m_log->appendPlainText(tr("failed: %1").arg(error));
    else
        m_log->appendPlainText(tr("== %1 after %2 s").arg(Job::stateName(state)).arg(m_job ? m_job->elapsedSeconds() : 0.0, 0, 'f', 1));
    if (state == Job::State::Succeeded) {
        m_progress->setValue(1000);
        m_session->reload();  // use the new checkpoint
    }
    updateButtons();
    emit trainingFinished(state == Job::State::Succeeded);
}

void TrainingPanel::updateButtons()
{
    const bool running = m_job && !m_job->isFinished();
    const bool haveConfig = !m_yaml->toPlainText().trimmed().isEmpty();
    m_start->setEnabled(!running && haveConfig);
    m_resume->setEnabled(!running && haveConfig);
    m_cancel->setEnabled(running);
}

} // namespace vaclip::studio

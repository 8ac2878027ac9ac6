#include "panels/backbone_panel.h"

#include "studio/studio_session.h"

#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace vaclip::studio {

namespace {
enum Row { RowArch, RowFormat, RowDims, RowVision, RowParams, RowId, RowTokenizer, RowCount };
}

BackbonePanel::BackbonePanel(StudioSession* session, QWidget* parent)
    : QWidget(parent), m_session(session), m_path(new QLineEdit(this)),
      m_use(new QPushButton(tr("Use for the session"), this)), m_status(new QLabel(this)), m_form(new QFormLayout)
{
    setObjectName(QStringLiteral("backbonePanel"));
    m_path->setPlaceholderText(tr("CLIP weights: .pt, .safetensors or a Hugging Face folder"));
    auto* browse = new QToolButton(this);
    browse->setText(tr("Browse"));
    browse->setPopupMode(QToolButton::InstantPopup);
    auto* menu = new QMenu(browse);
    menu->addAction(tr("Weights file (.pt, .safetensors)..."), this, [this] {
        const QString p = QFileDialog::getOpenFileName(this, tr("CLIP weights"), QString(), tr("CLIP weights (*.pt *.safetensors)"));
        if (!p.isEmpty())
            describe(p);
    });
    menu->addAction(tr("Hugging Face folder..."), this, [this] {
        const QString p = QFileDialog::getExistingDirectory(this, tr("Hugging Face CLIP folder"));
        if (!p.isEmpty())
            describe(p);
    });
    browse->setMenu(menu);
    auto* load = new QPushButton(QIcon(QStringLiteral(":/icons/backbone.svg")), tr("Load"), this);
    auto* row = new QHBoxLayout;
    row->addWidget(m_path, 1);
    row->addWidget(browse);
    row->addWidget(load);
    const QStringList labels{tr("Architecture"), tr("Format"), tr("Embedding / input"), tr("Vision / text"),
                             tr("Parameters"), tr("Backbone id"), tr("Tokenizer")};
    for (const QString& l : labels) {
        auto* v = new QLabel(QStringLiteral("–"), this);
        v->setTextInteractionFlags(Qt::TextSelectableByMouse);
        v->setWordWrap(true);
        m_form->addRow(l, v);
        m_values << v;
    }
    m_status->setWordWrap(true);
    m_use->setEnabled(false);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(row);
    layout->addLayout(m_form);
    layout->addWidget(m_status);
    layout->addWidget(m_use, 0, Qt::AlignLeft);
    layout->addStretch(1);

    connect(load, &QPushButton::clicked, this, [this] { describe(m_path->text().trimmed()); });
    connect(m_path, &QLineEdit::returnPressed, this, [this] { describe(m_path->text().trimmed()); });
    connect(m_use, &QPushButton::clicked, this, [this] {
        vaclip::Config c = m_session->config();
        c.backbone.path = m_description.path.toStdString();
        if (m_description.imageResolution > 0)
            c.backbone.inputSize = m_description.imageResolution;
        QString error;
        if (!m_session->setConfig(c, m_session->configPath(), &error))
            emit errorOccurred(tr("Cannot switch the backbone"), error);
    });
    connect(session, &StudioSession::configChanged, this, [this] {
        const QString p = QString::fromStdString(m_session->config().backbone.path);
        if (p != m_describedFor)
            describe(p);
    });
}

void BackbonePanel::describe(const QString& path)
{
    if (path.isEmpty())
        return;
    m_path->setText(path);
    m_describedFor = path;
    m_status->setText(tr("Loading %1 ...").arg(path));
    auto job = std::make_shared<BackboneInfoJob>(path);
    connect(job.get(), &BackboneInfoJob::described, this, &BackbonePanel::showDescription);
    connect(job.get(), &Job::finished, this, [this](Job::State s, const QString& error) {
        if (s == Job::State::Failed) {
            m_status->setText(tr("Cannot load: %1").arg(error));
            emit errorOccurred(tr("Cannot load the backbone"), error);
        }
    });
    m_session->jobs()->enqueue(job);
}

void BackbonePanel::showDescription(const BackboneDescription& d)
{
    m_description = d;
    m_values[RowArch]->setText(d.architecture);
    m_values[RowFormat]->setText(d.format);
    m_values[RowDims]->setText(tr("%1-d embedding, %2 px input, %3 px patches").arg(d.embedDim).arg(d.imageResolution).arg(d.patchSize));
    m_values[RowVision]->setText(tr("%1, %2").arg(tr("%n vision layer(s)", nullptr, d.visionLayers),
                                                  tr("%n text layer(s)", nullptr, d.textLayers)));
    m_values[RowParams]->setText(tr("%L1").arg(d.parameters));
    m_values[RowId]->setText(d.backboneId);
    m_values[RowTokenizer]->setText(d.tokenizerPath.isEmpty() ? tr("not found") : d.tokenizerPath);
    const bool current = d.path == QString::fromStdString(m_session->config().backbone.path);
    m_status->setText(current ? tr("This is the session's backbone.") : tr("Loaded; not yet used by the session."));
    m_use->setEnabled(!current && m_session->hasConfig());
    emit described();
}

} // namespace vaclip::studio

#include "panels/plugin_dialogs.h"

#include "dataset_plugin_registry.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <filesystem>

namespace vaclip::studio {

using vaclip::DatasetPluginInfo;

namespace {
QString q(const std::string& s) { return QString::fromStdString(s); }

QString readsOf(const DatasetPluginInfo& p)
{
    QStringList reads;
    for (const std::string& r : p.reads)
        reads << q(r);
    return reads.join(QStringLiteral(", "));
}
} // namespace

ImportDatasetDialog::ImportDatasetDialog(vaclip::DatasetPluginRegistry& registry, const QString& folder, QWidget* parent)
    : QDialog(parent), m_registry(registry), m_format(new QComboBox(this)), m_details(new QLabel(this))
{
    setObjectName(QStringLiteral("importDatasetDialog"));
    setWindowTitle(tr("Import dataset folder"));
    try {
        for (const std::string& f : registry.detectFormats(QDir(folder).absolutePath().toStdString()))
            m_detected << q(f);
    } catch (const std::exception&) {
        // an unreadable folder: nothing detected; the import itself reports the problem
    }

    m_format->setObjectName(QStringLiteral("formatBox"));
    m_format->addItem(m_detected.isEmpty() ? tr("Auto-detect (no format recognises this folder)")
                                           : tr("Auto-detect (%1)").arg(m_detected.front()),
                      QStringLiteral("auto"));
    for (const DatasetPluginInfo& p : registry.plugins()) {
        const QString name = q(p.name);
        m_format->addItem(m_detected.contains(name) ? tr("%1 — %2 (detected)").arg(name, q(p.description))
                                                    : tr("%1 — %2").arg(name, q(p.description)),
                          name);
    }
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setMinimumWidth(460);

    auto* folderLabel = new QLabel(QDir::toNativeSeparators(QDir(folder).absolutePath()), this);
    folderLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* form = new QFormLayout;
    form->addRow(tr("Folder:"), folderLabel);
    form->addRow(tr("Format:"), m_format);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(tr("Import"));
    buttons->button(QDialogButtonBox::Ok)->setEnabled(!registry.plugins().empty());
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_details);
    layout->addWidget(buttons);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_format, &QComboBox::currentIndexChanged, this, &ImportDatasetDialog::describe);
    describe();
}

QString ImportDatasetDialog::format() const
{
    return m_format->currentData().toString();
}

void ImportDatasetDialog::describe()
{
    QString text;
    if (m_registry.plugins().empty()) {
        text = tr("No dataset-format plugins were found. Help > Plugins shows the folders searched.");
    } else if (format() == QStringLiteral("auto")) {
        text = m_detected.isEmpty() ? tr("No plugin recognises this folder's layout: choose a format to see what it needs.")
                                    : tr("Recognised by: %1. The first one imports it.").arg(m_detected.join(QStringLiteral(", ")));
    } else if (const DatasetPluginInfo* p = m_registry.find(format().toStdString())) {
        text = tr("Plugin %1 %2 (%3) reads: %4")
                   .arg(q(p->name), p->version.empty() ? QStringLiteral("-") : q(p->version),
                        QDir::toNativeSeparators(q(p->file)), readsOf(*p).isEmpty() ? tr("(not stated)") : readsOf(*p));
        if (!m_detected.contains(format()))
            text += QLatin1Char('\n') + tr("It does not recognise this folder: the import will probably fail.");
    }
    if (!m_registry.problems().empty())
        text += QLatin1Char('\n') + tr("%n plugin problem(s): see Help > Plugins.", nullptr, int(m_registry.problems().size()));
    text += QLatin1Char('\n') + tr("The dataset's meta.json is written into the folder.");
    m_details->setText(text);
}

PluginsDialog::PluginsDialog(vaclip::DatasetPluginRegistry& registry, QWidget* parent)
    : QDialog(parent), m_plugins(new QTreeWidget(this)), m_problems(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("pluginsDialog"));
    setWindowTitle(tr("Dataset-format plugins"));
    registry.loadAll();  // so that a plugin that does not load shows here, not only at import time

    m_plugins->setObjectName(QStringLiteral("pluginTree"));
    m_plugins->setRootIsDecorated(false);
    m_plugins->setHeaderLabels({tr("Format"), tr("Version"), tr("Origin"), tr("State"), tr("File")});
    for (const DatasetPluginInfo& p : registry.plugins()) {
        const bool loaded = registry.isLoaded(p.name);
        auto* it = new QTreeWidgetItem(m_plugins, {q(p.name), p.version.empty() ? QStringLiteral("-") : q(p.version),
                                                   q(p.origin), loaded ? tr("loaded") : tr("failed"),
                                                   QDir::toNativeSeparators(q(p.file))});
        it->setIcon(3, QIcon(loaded ? QStringLiteral(":/icons/check.svg") : QStringLiteral(":/icons/cross.svg")));
        it->setToolTip(0, q(p.description));
        it->setToolTip(4, readsOf(p).isEmpty() ? q(p.file) : tr("reads %1").arg(readsOf(p)));
    }
    m_plugins->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    m_problems->setObjectName(QStringLiteral("problemTree"));
    m_problems->setRootIsDecorated(false);
    m_problems->setHeaderLabels({tr("Library"), tr("Problem")});
    for (const std::string& line : registry.problems()) {
        const QString text = q(line);
        const int colon = text.indexOf(QStringLiteral(": "));
        auto* it = new QTreeWidgetItem(m_problems, {colon > 0 ? QFileInfo(text.left(colon)).fileName() : QString(),
                                                    colon > 0 ? text.mid(colon + 2) : text});
        it->setIcon(0, QIcon(QStringLiteral(":/icons/cross.svg")));
        it->setToolTip(0, colon > 0 ? text.left(colon) : text);
        it->setToolTip(1, text);
    }
    m_problems->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);

    QStringList folders;
    for (const vaclip::PluginFolder& f : registry.folders()) {
        std::error_code ec;
        folders << tr("%1: %2").arg(q(f.origin), QDir::toNativeSeparators(q(f.path.string()))) +
                       (std::filesystem::is_directory(f.path, ec) ? QString() : tr(" (does not exist)"));
    }
    auto* folderLabel = new QLabel(tr("Searched, in order:") + QStringLiteral("\n  ") + folders.join(QStringLiteral("\n  ")) +
                                       QLatin1Char('\n') + tr("Copy a plugin into the user folder to add a format."),
                                   this);
    folderLabel->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("%n plugin(s) found:", nullptr, int(registry.plugins().size())), this));
    layout->addWidget(m_plugins, 2);
    layout->addWidget(new QLabel(registry.problems().empty() ? tr("No plugin was skipped.")
                                                             : tr("%n skipped or failed:", nullptr, int(registry.problems().size())),
                                 this));
    layout->addWidget(m_problems, 1);
    m_problems->setVisible(!registry.problems().empty());
    layout->addWidget(folderLabel);
    layout->addWidget(buttons);
    resize(900, 520);
}

} // namespace vaclip::studio
